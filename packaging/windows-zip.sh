#!/bin/sh
# Zips the Windows program with its 使用说明.txt (UTF-8 with a byte order mark
# and CRLF line ends, so Notepad shows it right on every Windows 10):
#   sh packaging/windows-zip.sh nianbao.exe nianbao-cli.exe OUTPUT.zip
set -eu
umask 022
cd "$(dirname "$0")/.."
[ $# = 3 ] || { echo "用法：sh packaging/windows-zip.sh nianbao.exe nianbao-cli.exe 输出.zip" >&2; exit 2; }
exe=$1 cli=$2 out=$3
version=$(sh packaging/version.sh)
dir=nianbao-$version
work=build/windows-zip
rm -rf "$work"
mkdir -p "$work/$dir" "$(dirname "$out")"
cp "$exe" "$work/$dir/nianbao.exe"
cp "$cli" "$work/$dir/nianbao-cli.exe"
{
	printf '\357\273\277'
	sed -e "s/@VERSION@/$version/g" -e 's/$/\r/' packaging/windows/使用说明.txt
} >"$work/$dir/使用说明.txt"
rm -f "$out"
# Names marked as UTF-8 (the flag Windows 10's Explorer, 7-Zip and Bandizip
# read), so 使用说明.txt keeps its name; Info-ZIP's zip cannot mark them.
${GO:-go} run packaging/zipdir.go "$out" "$work/$dir"
rm -rf "$work"
echo "$out"

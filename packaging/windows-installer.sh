#!/bin/sh
# Builds the Windows installer nianbao-setup-<版本>.exe with NSIS (Debian's
# nsis: makensis runs on Linux) from packaging/windows/installer.nsi:
#   sh packaging/windows-installer.sh nianbao.exe nianbao-cli.exe OUTPUT.exe
# It holds both programs, 使用说明.txt and 许可证.txt (the program's and the
# fonts' licences), each text UTF-8 with a byte order mark and CRLF line ends,
# so Notepad shows it right on every Windows 10. NSIS_UNCOMPRESSED=1 builds it
# without compression in seconds (the CI test's installer) instead of minutes.
set -eu
umask 022
cd "$(dirname "$0")/.."
[ $# = 3 ] || { echo "用法：sh packaging/windows-installer.sh nianbao.exe nianbao-cli.exe 输出.exe" >&2; exit 2; }
exe=$1 cli=$2 out=$3
version=$(sh packaging/version.sh)
build=$(sh packaging/version.sh Build)
nums=$(echo "$version" | sed 's/[^0-9.].*//')
set -- $(echo "$nums.0.0" | tr . ' ')
version4=$1.$2.$3.$build

stage=build/windows-installer
rm -rf "$stage"
mkdir -p "$stage" "$(dirname "$out")"
cp "$exe" "$stage/nianbao.exe"
cp "$cli" "$stage/nianbao-cli.exe"
# crlf: BOM, CRLF line ends.
crlf() { printf '\357\273\277'; sed -e 's/^\xef\xbb\xbf//' -e 's/$/\r/'; }
sed "s/@VERSION@/$version/g" packaging/windows/使用说明.txt | crlf >"$stage/使用说明.txt"
{
	sed "s|The program /usr/bin/nianbao carries|The programs nianbao.exe and nianbao-cli.exe carry|" packaging/linux/copyright
	for f in assets/fonts/OFL-NotoSerifSC.txt assets/fonts/OFL-NotoSansSC.txt assets/fonts/ARPHICPL-gkai00mp.txt; do
		printf '\n\n==== %s ====\n\n' "$(basename "$f")"
		cat "$f"
	done
} | crlf >"$stage/许可证.txt"

top=$(pwd)
case $out in /*) abs=$out ;; *) abs=$top/$out ;; esac
rm -f "$out"
fast=
[ "${NSIS_UNCOMPRESSED:-}" != 1 ] || fast=-DUNCOMPRESSED
makensis -V2 -INPUTCHARSET UTF8 $fast -DVERSION="$version" -DVERSION4="$version4" \
	-DSTAGE="$top/$stage" -DICON="$top/packaging/windows/nianbao.ico" -DOUTFILE="$abs" \
	packaging/windows/installer.nsi
echo "$out"

#!/bin/sh
# Packs a Linux binary with `fyne package` into the .tar.xz Fyne apps ship as:
# the program, its desktop entry and icon, and a Makefile (`sudo make install`
# or `make user-install`). Name, ID, version, icon and the desktop entry's
# fields come from FyneApp.toml.
#   sh packaging/tarxz.sh FYNE BINARY OUTPUT.tar.xz
set -eu
cd "$(dirname "$0")/.."
[ $# = 3 ] || { echo "用法：sh packaging/tarxz.sh fyne命令 程序 输出.tar.xz" >&2; exit 2; }
fyne=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
bin=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
out=$3

# fyne package writes 年报.tar.xz (and its scratch files) into the current
# directory, and then raises Build in the FyneApp.toml it read and rewrites that
# file without its comments: so it works in a scratch directory, on a copy.
work=build/tarxz
rm -rf "$work"
mkdir -p "$work/src/assets" "$(dirname "$out")"
cp FyneApp.toml go.mod main.go "$work/src/"
cp assets/icon.png "$work/src/assets/"
(cd "$work" && "$fyne" package --os linux --release --src "$(pwd)/src" --exe "$bin")
mv "$work/$(sh packaging/version.sh Name).tar.xz" "$out"
rm -rf "$work"
echo "$out"

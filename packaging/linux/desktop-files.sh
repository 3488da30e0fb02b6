#!/bin/sh
# Puts the desktop entry and the icons (16–512 px) of the program under ROOT,
# as every Linux package carries them (deb.sh, rpm.sh).
set -eu
cd "$(dirname "$0")/../.."
[ $# = 2 ] || { echo "用法：sh packaging/linux/desktop-files.sh 根目录 ID" >&2; exit 2; }
root=$1 id=$2
desktop-file-validate packaging/linux/$id.desktop
install -D -m 0644 packaging/linux/$id.desktop "$root/usr/share/applications/$id.desktop"
for size in 16 24 32 48 64 128 256 512; do
	dir=$root/usr/share/icons/hicolor/${size}x$size/apps
	mkdir -p "$dir"
	convert assets/icon.png -resize ${size}x$size -strip \
		-define png:exclude-chunks=date,time "$dir/$id.png"
done

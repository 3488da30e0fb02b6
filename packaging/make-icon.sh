#!/bin/sh
# Draws the program's icon: a red (#C8102E) seal with rounded corners, a thin
# white inner frame and 年报 in white, set in the bundled Noto Serif SC Bold.
# Writes assets/icon.png (512×512, used by Fyne, the .deb and the .tar.xz) and
# packaging/windows/nianbao.ico (16–256 px, the .exe's icon). Both are committed,
# so a build needs no ImageMagick; run this only to change the design:
#   sh packaging/make-icon.sh
set -eu
cd "$(dirname "$0")/.."
out=assets/icon.png
ico=packaging/windows/nianbao.ico
font=assets/fonts/NotoSerifSC-Bold.ttf
red='#C8102E'

convert -size 512x512 xc:none \
	-fill "$red" -draw 'roundrectangle 16,16 495,495 88,88' \
	-fill none -stroke white -strokewidth 10 -draw 'roundrectangle 50,50 461,461 58,58' \
	-stroke none -fill white -font "$font" -pointsize 178 -gravity center \
	-annotate +0+6 '年报' \
	-depth 8 -strip -define png:exclude-chunks=date,time -define png:color-type=6 "$out"
# No dates in the files, so drawing the same design again gives the same bytes.
convert "$out" -define png:exclude-chunks=date,time \
	-define icon:auto-resize=256,128,64,48,40,32,24,20,16 "$ico"
echo "$out $ico"

#!/bin/sh
# Compiles the .exe's resources (icon, version information, manifest) into
# nianbao_windows_amd64.syso in the main package's directory, where go build
# links it into Windows/amd64 builds and ignores it for every other target.
#   sh packaging/windows-syso.sh
set -eu
cd "$(dirname "$0")/.."
version=$(sh packaging/version.sh)
build=$(sh packaging/version.sh Build)
# Windows wants four 16-bit numbers: 1.2.3 with build 4 → 1,2,3,4.
nums=$(echo "$version" | sed 's/[^0-9.].*//')
set -- $(echo "$nums.0.0" | tr . ' ')
commas="$1,$2,$3,$build"

work=build/windows-res
mkdir -p "$work"
cp packaging/windows/nianbao.ico "$work/"
sed -e "s/@VERSION_COMMAS@/$commas/g" -e "s/@VERSION@/$version/g" \
	packaging/windows/nianbao.rc.in >"$work/nianbao.rc"
sed -e "s/@VERSION4@/$1.$2.$3.$build/g" \
	packaging/windows/nianbao.manifest.in >"$work/nianbao.manifest"
# Written beside the .rc first, so a failed run leaves no half .syso behind.
(cd "$work" && x86_64-w64-mingw32-windres -c 65001 -O coff -i nianbao.rc -o nianbao.syso)
mv "$work/nianbao.syso" nianbao_windows_amd64.syso

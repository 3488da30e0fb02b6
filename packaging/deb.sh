#!/bin/sh
# Builds the .deb of a Linux binary:
#   sh packaging/deb.sh ARCH BINARY OUTDIR      (ARCH: amd64 or arm64)
# It holds /usr/bin/nianbao, the desktop entry, the icon in the hicolor theme
# (16–512 px) and the font licences; Depends is what dpkg-shlibdeps finds the
# binary's shared libraries in (libc6, libgl1, libx11-6, …).
# Needs dpkg-dev, desktop-file-utils and imagemagick (the Makefile installs them).
set -eu
umask 022
cd "$(dirname "$0")/.."
[ $# = 3 ] || { echo "用法：sh packaging/deb.sh 架构 程序 输出目录" >&2; exit 2; }
arch=$1 bin=$2 out=$3
[ -x "$bin" ] || { echo "找不到程序 $bin" >&2; exit 1; }

version=$(sh packaging/version.sh)-$(sh packaging/version.sh Build)
id=$(sh packaging/version.sh ID)
work=build/deb-$arch
# Laid out as a Debian source tree (debian/control, debian/<package>/) only so
# that dpkg-shlibdeps finds what it expects.
root=$work/debian/nianbao
rm -rf "$work"
mkdir -p "$root/DEBIAN" "$out"

install -D -m 0755 "$bin" "$root/usr/bin/nianbao"
# A binary of this machine's architecture must say the version it is packaged as
# (the Makefile stamps FyneApp.toml's into it).
if [ "$arch" = "$(dpkg --print-architecture)" ]; then
	"$bin" version | grep -qF " ${version%-*}" ||
		{ echo "$bin version 显示的版本不是 ${version%-*}" >&2; exit 1; }
fi
sh packaging/linux/desktop-files.sh "$root" "$id"
doc=$root/usr/share/doc/nianbao
mkdir -p "$doc"
{
	cat packaging/linux/copyright
	for f in assets/fonts/OFL-NotoSerifSC.txt assets/fonts/OFL-NotoSansSC.txt assets/fonts/ARPHICPL-gkai00mp.txt; do
		printf '\n\n==== %s ====\n\n' "$(basename "$f")"
		cat "$f"
	done
} >"$doc/copyright"
chmod 0644 "$doc/copyright"

# dpkg-shlibdeps maps every NEEDED library to the package that has it (for a
# foreign ARCH through that architecture's multiarch packages).
printf 'Source: nianbao\n\nPackage: nianbao\nArchitecture: any\n' >"$work/debian/control"
gnu=$(dpkg-architecture -a"$arch" -qDEB_HOST_GNU_TYPE 2>/dev/null)
depends=$(cd "$work" && CC=$gnu-gcc dpkg-architecture -a"$arch" -c \
	dpkg-shlibdeps -O -edebian/nianbao/usr/bin/nianbao | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "dpkg-shlibdeps 没有找到 $bin 依赖的软件包" >&2; exit 1; }
# GLFW (Fyne's window layer) loads these X11 libraries with dlopen, so they are
# not NEEDED entries that dpkg-shlibdeps could see.
depends="$depends, libx11-xcb1, libxcursor1, libxi6, libxinerama1, libxrandr2, libxrender1, libxxf86vm1"

size=$(du -sk --apparent-size "$root/usr" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" \
	-e "s/@DEPENDS@/$depends/" packaging/linux/control.in >"$root/DEBIAN/control"
(cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

deb=$out/nianbao_${version}_$arch.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
dpkg-deb --field "$deb" Package Version Architecture Installed-Size Depends

#!/bin/sh
# Builds the .rpm of a Linux binary (中标麒麟, 麒麟服务器版, 中科方德 and other
# rpm-based systems) with rpmbuild (Debian's rpm package):
#   sh packaging/rpm.sh ARCH BINARY OUTDIR      (ARCH: x86_64 or aarch64)
# The same contents as the .deb (packaging/deb.sh): /usr/bin/nianbao, the desktop
# entry, the icon in the hicolor theme (16–512 px), the licences. Requires are
# rpm's own: the shared libraries the binary names (libc.so.6, libGL.so.1, …,
# found by rpm's ELF dependency generator, as sonames every rpm distribution
# resolves) and the X11 libraries GLFW opens with dlopen, declared by soname.
set -eu
umask 022
cd "$(dirname "$0")/.."
[ $# = 3 ] || { echo "用法：sh packaging/rpm.sh 架构 程序 输出目录" >&2; exit 2; }
arch=$1 bin=$2 out=$3
[ -x "$bin" ] || { echo "找不到程序 $bin" >&2; exit 1; }
version=$(sh packaging/version.sh)
release=$(sh packaging/version.sh Build)
id=$(sh packaging/version.sh ID)

top=$(pwd)
work=$top/build/rpm-$arch
root=$work/root
rm -rf "$work"
mkdir -p "$root" "$out"
# A binary of this machine's architecture must say the version it is packaged as.
if [ "$arch" = "$(uname -m)" ]; then
	"$bin" version | grep -qF " $version" || { echo "$bin version 显示的版本不是 $version" >&2; exit 1; }
fi
install -D -m 0755 "$bin" "$root/usr/bin/nianbao"
sh packaging/linux/desktop-files.sh "$root" "$id"
doc=$root/usr/share/licenses/nianbao
mkdir -p "$doc"
cp packaging/linux/copyright "$doc/copyright"
cp assets/fonts/OFL-NotoSerifSC.txt assets/fonts/OFL-NotoSansSC.txt assets/fonts/ARPHICPL-gkai00mp.txt "$doc/"
chmod 0644 "$doc"/*

files=$(cd "$root" && find usr -type f | LC_ALL=C sort | sed 's|^|/|')
# The .deb's description, from its control file.
description=$(sed -n '/^Description:/,$p' packaging/linux/control.in | sed '1d; s/^ //; s/^\.$//')
summary=$(sed -n 's/^Description: //p' packaging/linux/control.in)
{
	cat <<SPEC
Name: nianbao
Version: $version
Release: $release
Summary: $summary
License: LicenseRef-Nianbao AND OFL-1.1 AND Arphic-1999
URL: https://nianbao.invalid/
Requires: libX11-xcb.so.1()(64bit), libXcursor.so.1()(64bit), libXi.so.6()(64bit), libXinerama.so.1()(64bit), libXrandr.so.2()(64bit), libXrender.so.1()(64bit), libXxf86vm.so.1()(64bit)
Recommends: xdg-utils

%description
$description

%install
cp -a $root/. %{buildroot}/

%files
SPEC
	echo "$files" | while read -r f; do
		case $f in /usr/share/licenses/*) echo "%license $f" ;; *) echo "$f" ;; esac
	done
} >"$work/nianbao.spec"

# Built as a normal user would: no debug package, no stripping or build-id
# links of a binary that is already stripped (-s -w), no byte compiling.
rpmbuild -bb --target "$arch-linux" \
	--define "_topdir $work/rpmbuild" --define "_rpmdir $work/out" \
	--define "_build_id_links none" --define "debug_package %{nil}" \
	--define "__strip /bin/true" --define "__brp_strip /bin/true" \
	--define "_binary_payload w9.xzdio" \
	"$work/nianbao.spec" >"$work/rpmbuild.log" 2>&1 || { cat "$work/rpmbuild.log" >&2; exit 1; }
rpm=$(find "$work/out" -name '*.rpm')
cp "$rpm" "$out/"
echo "$out/$(basename "$rpm")"

#!/bin/sh
# Checks an .rpm made by packaging/rpm.sh without an rpm-based system: its
# header (rpm -qpi), its declared dependencies (rpm -qpR: the shared libraries
# and the X11 libraries GLFW opens), and an install into a temporary root
# (rpm -i --nodeps --root) that holds the binary, the desktop entry and the
# icon; a binary of this machine's architecture must run from there.
#   sh packaging/rpm-test.sh nianbao-1.0.0-1.x86_64.rpm
set -eu
cd "$(dirname "$0")/.."
[ $# = 1 ] || { echo "用法：sh packaging/rpm-test.sh 软件包.rpm" >&2; exit 2; }
pkg=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
version=$(sh packaging/version.sh)
id=$(sh packaging/version.sh ID)
work=$(pwd)/build/rpm-test
rm -rf "$work"
mkdir -p "$work/root"

fail=0
ok() { printf '  通过：%s\n' "$*"; }
bad() { printf '  失败：%s\n' "$*" >&2; fail=1; }

rpm -qpi "$pkg" >"$work/info.txt" 2>&1
if grep -q "^Name *: nianbao" "$work/info.txt" && grep -q "^Version *: $version\$" "$work/info.txt"; then ok "rpm -qpi：nianbao $version"; else bad "rpm -qpi：$(cat "$work/info.txt")"; fi
rpm -qpR "$pkg" >"$work/requires.txt" 2>&1
for lib in libc.so.6 libGL.so.1 libX11.so.6 libX11-xcb.so.1 libXcursor.so.1 libXi.so.6 libXinerama.so.1 libXrandr.so.2 libXxf86vm.so.1; do
	if grep -q "^$lib(" "$work/requires.txt"; then ok "依赖 $lib"; else bad "rpm -qpR 中没有 $lib：$(tr '\n' ' ' <"$work/requires.txt")"; fi
done
# --noscripts --nodeps: the temporary root has no system; --dbpath inside it.
if rpm -i --nodeps --noscripts --ignorearch --root "$work/root" --dbpath /var/lib/rpm "$pkg" >"$work/install.txt" 2>&1; then ok "rpm -i --root 安装成功"; else bad "rpm -i：$(cat "$work/install.txt")"; fi
for f in usr/bin/nianbao usr/share/applications/$id.desktop usr/share/icons/hicolor/256x256/apps/$id.png usr/share/licenses/nianbao/copyright; do
	if [ -s "$work/root/$f" ]; then ok "已安装 /$f"; else bad "没有 /$f"; fi
done
if rpm -q --root "$work/root" --dbpath /var/lib/rpm nianbao >/dev/null 2>&1; then ok "rpm -q 查到已安装的 nianbao"; else bad "rpm -q 查不到 nianbao"; fi
arch=$(rpm -qp --qf '%{ARCH}' "$pkg")
if [ "$arch" = "$(uname -m)" ]; then
	if "$work/root/usr/bin/nianbao" version | grep -qF " $version"; then ok "安装的 nianbao version：$("$work/root/usr/bin/nianbao" version)"; else bad "安装的 nianbao version 不是 $version"; fi
fi
[ $fail = 0 ] && echo "$(basename "$pkg") 的检查全部通过" || { echo "$(basename "$pkg") 的检查有失败" >&2; exit 1; }

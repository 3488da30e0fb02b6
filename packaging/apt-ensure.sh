#!/bin/sh
# Installs the Debian packages given that are not installed yet (as root, or
# through sudo); with none missing it does nothing, not even apt-get update.
# A package of another architecture (libx11-dev:arm64) first enables that
# architecture with dpkg --add-architecture (Debian multiarch).
#   sh packaging/apt-ensure.sh PACKAGE...
set -eu
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
native=$(dpkg --print-architecture)
missing=
for p in "$@"; do
	# With a foreign architecture enabled, a plain name of a Multi-Arch: same
	# package is ambiguous to dpkg -s; the native one is meant.
	dpkg -s "$p" >/dev/null 2>&1 || dpkg -s "$p:$native" >/dev/null 2>&1 || missing="$missing $p"
done
[ -n "$missing" ] || exit 0
for p in $missing; do
	case $p in
	*:*)
		arch=${p#*:}
		if [ "$arch" != "$(dpkg --print-architecture)" ] &&
			! dpkg --print-foreign-architectures | grep -qx "$arch"; then
			echo "启用软件包架构 $arch"
			$sudo dpkg --add-architecture "$arch"
		fi
		;;
	esac
done
echo "安装系统软件包：$missing"
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing

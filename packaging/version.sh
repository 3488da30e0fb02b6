#!/bin/sh
# Prints a field of FyneApp.toml's [Details], the one source of the version:
#   sh packaging/version.sh          → 1.0.0   (Version)
#   sh packaging/version.sh Build    → 1
set -eu
key=${1:-Version}
toml="$(dirname "$0")/../FyneApp.toml"
value=$(sed -n '/^\[Details\]/,/^\[/s/^[[:space:]]*'"$key"'[[:space:]]*=[[:space:]]*"\{0,1\}\([^"]*\)"\{0,1\}[[:space:]]*$/\1/p' "$toml")
[ -n "$value" ] || { echo "FyneApp.toml 的 [Details] 中没有 $key" >&2; exit 1; }
echo "$value"

#!/bin/sh
# Makes a local Go vulnerability database for govulncheck from a snapshot of the
# golang.org/x/vulndb module (its data/osv folder holds every report as OSV
# JSON), with that module's own indexdb command, since CI reaches no server but
# the Go module proxy.
#   sh .ci/vulndb.sh VERSION OUTDIR
set -eu
version=$1
mkdir -p "$(dirname "$2")"
out=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
go=${GO:-go}
dir=$($go mod download -json "golang.org/x/vulndb@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$dir/data/osv" ] || { echo "vulndb 模块中没有 data/osv：$dir"; exit 1; }
rm -rf "$out.tmp"
(cd "$dir" && GOFLAGS=-mod=mod $go run ./cmd/indexdb -vulns "$dir/data/osv" -out "$out.tmp")
rm -rf "$out"
mv "$out.tmp" "$out"

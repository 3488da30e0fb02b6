#!/bin/sh
# Prints the folder of Go vulnerability reports for govulncheck, from a snapshot
# of the golang.org/x/vulndb module fetched through the Go module proxy (CI
# reaches no other server). Its data/osv folder holds every report as OSV JSON;
# govulncheck reads such a flat folder directly (`-db file://…`, building its
# index in memory), so nothing is compiled: building the module's own indexdb
# command cost minutes of a cold CI run for the same answer.
#   sh .ci/vulndb.sh VERSION
set -eu
go=${GO:-go}
dir=$($go mod download -json "golang.org/x/vulndb@$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$dir/data/osv" ] || { echo "vulndb 模块中没有 data/osv：$dir" >&2; exit 1; }
echo "$dir/data/osv"

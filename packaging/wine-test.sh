#!/bin/sh
# Runs the Windows build under Wine (Debian's wine64) as a Windows user's
# scripts would: version, check's exit statuses, import/list/export with the
# default database in %APPDATA%\nianbao, and the PDF of the busy example,
# which must be byte for byte the Linux build's.
#   sh packaging/wine-test.sh build/windows-amd64 build/linux-amd64/nianbao
# The Wine prefix is the test's own (build/wine-prefix), made fresh each run.
set -eu
cd "$(dirname "$0")/.."
[ $# = 2 ] || { echo "用法：sh packaging/wine-test.sh Windows程序文件夹 Linux程序" >&2; exit 2; }
windir=$(cd "$1" && pwd) linux=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
sh packaging/apt-ensure.sh wine64 gcc-mingw-w64-x86-64

top=$(pwd)
work=$top/build/wine-test
export WINEPREFIX=$top/build/wine-prefix WINEDEBUG=-all WINEARCH=win64
# No Mono or Gecko installer dialogs; our ProcessPrng stand-in before Wine's own DLL.
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n,b"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 # Wine passes arguments to Windows as UTF-8 → UTF-16
wine=/usr/lib/wine/wine64
[ -x "$wine" ] || wine=$(command -v wine64 || command -v wine)
rm -rf "$work" "$WINEPREFIX"
mkdir -p "$work"

fail=0
ok() { printf '  通过：%s\n' "$*"; }
bad() { printf '  失败：%s\n' "$*" >&2; fail=1; }

echo "准备 Wine 环境（$WINEPREFIX）"
"$wine" wineboot -i >"$work/wineboot.log" 2>&1 || { cat "$work/wineboot.log" >&2; exit 1; }
# Wine 8 lacks ProcessPrng (Windows 10 has it), which Go's runtime needs.
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	packaging/wine/processprng.c packaging/wine/bcryptprimitives.def -ladvapi32

cp assets/examples/fictional-busy-2024.nianbao.json "$work/示例.nianbao.json"
sed 's/"total": \[2814,/"total": [2815,/' assets/examples/fictional-busy-2024.nianbao.json >"$work/有错误.nianbao.json"
printf '{"format": "nianbao/1", "agency": ' >"$work/损坏.nianbao.json"
cd "$work"

# run EXE ARGS...: the program under Wine; status in $rc, output in out.txt/err.txt.
run() {
	exe=$1
	shift
	rc=0
	"$wine" "$windir/$exe" "$@" >out.txt 2>err.txt || rc=$?
}

echo "nianbao-cli.exe（控制台程序）与 nianbao.exe（窗口程序）"
for exe in nianbao-cli.exe nianbao.exe; do
	run $exe version
	want=$("$linux" version)
	if [ $rc = 0 ] && [ "$(tr -d '\r' <out.txt)" = "$want" ]; then ok "$exe version：$want"; else bad "$exe version：状态 $rc，输出 $(cat out.txt err.txt)"; fi
done

for case in "示例.nianbao.json 0" "有错误.nianbao.json 1" "损坏.nianbao.json 2" "不存在.nianbao.json 2"; do
	set -- $case
	run nianbao-cli.exe check "$1"
	if [ $rc = "$2" ]; then ok "check $1 → 退出状态 $rc"; else bad "check $1 → 退出状态 $rc（应为 $2）：$(cat out.txt err.txt)"; fi
done

appdata=$WINEPREFIX/drive_c/users/$(id -un)/AppData/Roaming/nianbao
run nianbao-cli.exe import 示例.nianbao.json
if [ $rc = 0 ] && [ -s "$appdata/nianbao.db" ]; then ok 'import：数据库在 %APPDATA%\nianbao\nianbao.db'; else bad "import：状态 $rc，$(cat out.txt err.txt)；$appdata 中：$(ls "$appdata" 2>&1)"; fi
run nianbao-cli.exe list
if [ $rc = 0 ] && grep -q 示例市人民政府 out.txt; then ok "list 列出 示例市人民政府"; else bad "list：状态 $rc，$(cat out.txt err.txt)"; fi
run nianbao-cli.exe export --agency 示例市人民政府 --year 2024 -o 导出.nianbao.json
"$linux" import --db linux.db 示例.nianbao.json >/dev/null
"$linux" export --db linux.db --agency 示例市人民政府 --year 2024 -o linux导出.nianbao.json >/dev/null
if [ $rc = 0 ] && cmp -s 导出.nianbao.json linux导出.nianbao.json; then ok "export 与 Linux 版导出的文件相同"; else bad "export：状态 $rc，$(cat out.txt err.txt)"; fi

run nianbao-cli.exe pdf --fonts bundled -o 示例.pdf 示例.nianbao.json
"$linux" pdf --fonts bundled -o linux示例.pdf 示例.nianbao.json >/dev/null 2>&1
if [ $rc = 0 ] && cmp -s 示例.pdf linux示例.pdf; then ok "pdf 与 Linux 版逐字节相同（$(wc -c <示例.pdf) 字节）"; else bad "pdf：状态 $rc，$(cat out.txt err.txt)；$(cmp 示例.pdf linux示例.pdf 2>&1)"; fi

# Ends the prefix's wineserver now rather than seconds after the last program.
WINESERVER=$(dirname "$wine")/wineserver
[ -x "$WINESERVER" ] || WINESERVER=$(command -v wineserver || echo true)
"$WINESERVER" -k 2>/dev/null || true
[ $fail = 0 ] && echo "Windows 版在 Wine 下的测试全部通过" || { echo "Windows 版在 Wine 下的测试有失败" >&2; exit 1; }

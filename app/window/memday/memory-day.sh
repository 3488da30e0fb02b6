#!/bin/bash
# A working day in the window, measured (issue 19 point 13): the busy
# example is opened at 1366×768 under Xvfb, every tab is visited,
# 图解 and 预览 are opened, a PDF is exported, and the resident memory (RSS,
# from /proc) is printed after each step, with the peak. Not a test: run it
# by hand and put the figures in the issue's note.
#
#   bash app/window/memday/memory-day.sh [binary] [report.nianbao.json]
#
# Needs Xvfb, xdotool and ImageMagick's import (screenshots in $out). The
# window's buttons are found by their place at 1366×768 (the window opens at
# 1280×728 in the top-left corner); look at the screenshots when a step seems
# to have done nothing. NIANBAO_HEAPPROFILE=file makes the program write a
# Go heap profile there when it closes (go tool pprof -top binary file).
set -euo pipefail
bin=${1:-/tmp/nb-memday}
example=${2:-}
here=$(cd "$(dirname "$0")/../../.." && pwd)
# The busy example (every table filled, five pages): the one issue 19 measured.
[ -n "$example" ] || example=$here/assets/examples/fictional-busy-2024.nianbao.json
[ -x "$bin" ] || (cd "$here" && go build -tags migrated_fynedo,no_emoji -o "$bin" .) # as make build does
out=$(mktemp -d /tmp/memday.XXXXXX)
export HOME=$out/home
mkdir -p "$HOME"
db=$out/day.db
"$bin" import --db "$db" "$example" >/dev/null

display=:$((60 + RANDOM % 30))
Xvfb "$display" -ac -screen 0 1366x768x24 >"$out/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$display
NIANBAO_HEAPPROFILE=${NIANBAO_HEAPPROFILE:-$out/heap.pprof} "$bin" --db "$db" >"$out/app.log" 2>&1 &
app=$!
peak=0
step() { # name, then wait for the window to settle and read RSS
	sleep "${2:-2}"
	local kb hwm
	kb=$(awk '/^VmRSS/ {print $2}' /proc/$app/status)
	hwm=$(awk '/^VmHWM/ {print $2}' /proc/$app/status)
	peak=$hwm
	import -window root "$out/$(printf '%02d' $n)-$1.png"
	printf '%-28s RSS %4d MB   (peak so far %4d MB)\n' "$1" $((kb / 1024)) $((hwm / 1024))
	n=$((n + 1))
}
click() { xdotool mousemove "$1" "$2" click 1; }
n=0
step 启动（年报列表） 5
click 1047 142; step 打开年报 6
tabs=(基本信息:40 一、总体情况:130 二、主动公开:234 三、依申请公开:345 四、复议诉讼:456 五、问题改进:560 六、其他事项:664 检查:740)
for t in "${tabs[@]}"; do click "${t#*:}" 97; step "${t%%:*}"; done
click 788 97; step 图解 4
click 40 97; step 离开图解
click 560 51; step 预览打开 8
click 345 97; step 预览与三、 3
click 475 51; sleep 2
xdotool key ctrl+a; xdotool type --delay 50 "day.pdf"; xdotool key Return
step 导出PDF 6
# With 预览 open the editor is narrower and its tabs' names shorter: they
# are elsewhere.
narrow=(基本信息:43 一、总体:114 二、主动:193 三、依申请:271 四、复议:357 五、问题:429 六、其他:507 检查:571)
for t in "${narrow[@]}"; do click "${t#*:}" 97; sleep 1; done
click 619 97; step 再看一遍各页与图解 4
click 40 97; step 一天结束 3
# Fyne lets go of the textures of what has not been drawn for a minute (its
# cache; FYNE_CACHE=30s shortens it): the steady state of a window left open.
step 闲置一分钟后 70
# Where the resident memory is: by mapping (the program's own file holds the
# embedded fonts; the unnamed anonymous memory is the Go heap, textures and
# C's allocations; libLLVM is Mesa's software renderer under Xvfb).
echo "一天结束时，按映射（MB）："
awk '/^[0-9a-f]+-[0-9a-f]+ /{name=($6=="" ? "（匿名内存）" : $6)} /^Rss:/{r[name]+=$2} END{for (n in r) if (r[n] > 2048) printf "  %6.1f  %s\n", r[n]/1024, n}' /proc/$app/smaps | sort -rn
[ -s "$HOME/day.pdf" ] || echo "（PDF 未导出：看截图 $out/*导出PDF.png）"
kill -TERM $app
wait $app || true
echo "峰值 RSS $((peak / 1024)) MB；截图、日志与堆剖析在 $out"

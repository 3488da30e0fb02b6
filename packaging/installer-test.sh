#!/bin/sh
# Runs the Windows installer under Wine (Debian's wine64) as an IT department
# would, silently (/S), into the test's own Wine prefix (build/wine-prefix-setup,
# made fresh), as a user (no /AllUsers): the installed programs work from the
# install folder; the Start menu and desktop shortcuts, the 打开方式 entry for
# .json and the uninstall entry are in HKCU (none in HKLM); installing again
# (an upgrade) keeps a database made before it; the uninstaller removes the
# program folder, the shortcuts and the keys and leaves %APPDATA%\nianbao as it was.
#   sh packaging/installer-test.sh nianbao-setup-1.0.0.exe
set -eu
cd "$(dirname "$0")/.."
[ $# = 1 ] || { echo "用法：sh packaging/installer-test.sh 安装程序.exe" >&2; exit 2; }
setup=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
sh packaging/apt-ensure.sh wine64 gcc-mingw-w64-x86-64

top=$(pwd)
work=$top/build/installer-test
export WINEPREFIX=$top/build/wine-prefix-setup WINEDEBUG=-all WINEARCH=win64
# No Mono or Gecko dialogs, no .desktop files made from the Start menu entries
# (winemenubuilder), our ProcessPrng stand-in before Wine's own DLL.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d;bcryptprimitives=n,b"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
wine=/usr/lib/wine/wine64
[ -x "$wine" ] || wine=$(command -v wine64 || command -v wine)
WINESERVER=$(dirname "$wine")/wineserver
[ -x "$WINESERVER" ] || WINESERVER=$(command -v wineserver)
rm -rf "$work" "$WINEPREFIX"
mkdir -p "$work"

fail=0
ok() { printf '  通过：%s\n' "$*"; }
bad() { printf '  失败：%s\n' "$*" >&2; fail=1; }

echo "准备 Wine 环境（$WINEPREFIX）"
"$wine" wineboot -i >"$work/wineboot.log" 2>&1 || { cat "$work/wineboot.log" >&2; exit 1; }
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	packaging/wine/processprng.c packaging/wine/bcryptprimitives.def -ladvapi32

user=$WINEPREFIX/drive_c/users/$(id -un)
# Wine links the profile's Desktop to $HOME/Desktop when that exists: made a
# folder of the prefix, so the test writes nothing outside it.
if [ -L "$user/Desktop" ]; then rm "$user/Desktop" && mkdir "$user/Desktop"; fi
instdir=$user/AppData/Local/Programs/年报
appdata=$user/AppData/Roaming/nianbao
startmenu=$user/AppData/Roaming/Microsoft/Windows/Start\ Menu/Programs/年报.lnk
desktop=$user/Desktop/年报.lnk
version=$(sh packaging/version.sh)
uninst='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\cn.nianbao.desktop'
assoc='HKCU\Software\Classes\.json\OpenWithProgids'
cp assets/examples/fictional-busy-2024.nianbao.json "$work/示例.nianbao.json"
cd "$work"

# install: the installer silently, and every program it started ended.
run_setup() {
	rc=0
	"$wine" "$setup" /S >out.txt 2>err.txt || rc=$?
	"$WINESERVER" -w
}
# run ARGS...: the installed nianbao-cli.exe; status in $rc, output in out.txt/err.txt.
run() {
	rc=0
	"$wine" "$instdir/nianbao-cli.exe" "$@" >out.txt 2>err.txt || rc=$?
}
# reg KEY [VALUE]: whether the key (with that value) is in the registry.
reg() {
	if [ $# = 2 ]; then "$wine" reg query "$1" /v "$2" >reg.txt 2>&1; else "$wine" reg query "$1" >reg.txt 2>&1; fi
}
# snapshot: every file of %APPDATA%\nianbao with its checksum.
snapshot() { (cd "$appdata" && find . -type f | LC_ALL=C sort | xargs -r sha256sum); }

echo "静默安装（/S，当前用户）"
run_setup
if [ $rc = 0 ]; then ok "安装程序退出状态 0"; else bad "安装程序退出状态 $rc：$(cat out.txt err.txt)"; fi
for f in nianbao.exe nianbao-cli.exe 使用说明.txt 许可证.txt 卸载年报.exe; do
	if [ -s "$instdir/$f" ]; then ok "已安装 %LOCALAPPDATA%\\Programs\\年报\\$f"; else bad "没有 $instdir/$f"; fi
done
run version
if [ $rc = 0 ] && tr -d '\r' <out.txt | grep -qF " $version"; then ok "安装的 nianbao-cli.exe version：$(tr -d '\r' <out.txt | head -1)"; else bad "nianbao-cli.exe version：状态 $rc，$(cat out.txt err.txt)"; fi
run check 示例.nianbao.json
if [ $rc = 0 ]; then ok "安装的 nianbao-cli.exe check 示例 → 0"; else bad "check：状态 $rc，$(cat out.txt err.txt)"; fi
if [ -s "$startmenu" ]; then ok "开始菜单有 年报.lnk"; else bad "开始菜单没有 年报.lnk（$startmenu）"; fi
if [ -s "$desktop" ]; then ok "桌面有 年报.lnk"; else bad "桌面没有 年报.lnk"; fi
if reg "$assoc" Nianbao.Report; then ok ".json 的打开方式中有 年报（$assoc）"; else bad "没有 $assoc Nianbao.Report：$(cat reg.txt)"; fi
if reg 'HKCU\Software\Classes\Nianbao.Report\shell\open\command' && grep -q 'nianbao.exe" "%1"' reg.txt; then ok "年报文件 的打开命令：$(grep -o '".*' reg.txt | tr -d '\r')"; else bad "Nianbao.Report 的打开命令：$(cat reg.txt)"; fi
# (wine reg prints the Chinese of a value as ?: the mode is what is checked.)
if reg "$uninst" UninstallString && grep -q '\.exe" /CurrentUser' reg.txt; then ok "HKCU 中有卸载项"; else bad "HKCU 中没有卸载项：$(cat reg.txt)"; fi
if reg 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\cn.nianbao.desktop'; then bad "为当前用户安装却写入了 HKLM"; else ok "HKLM 中没有写入（只为当前用户安装）"; fi
if [ ! -e "$WINEPREFIX/drive_c/Program Files/年报" ]; then ok "Program Files 中没有安装"; else bad "装进了 Program Files"; fi

echo "升级（再次安装）保留数据"
run import 示例.nianbao.json
if [ $rc = 0 ] && [ -s "$appdata/nianbao.db" ]; then ok "导入示例，数据库在 %APPDATA%\\nianbao"; else bad "import：状态 $rc，$(cat out.txt err.txt)"; fi
"$WINESERVER" -w
snapshot >before.txt
run_setup
snapshot >after.txt
if [ $rc = 0 ] && cmp -s before.txt after.txt; then ok "再次安装后 %APPDATA%\\nianbao 不变（$(wc -l <after.txt) 个文件）"; else bad "再次安装：状态 $rc，数据变了：$(diff before.txt after.txt)"; fi
run list
if [ $rc = 0 ] && grep -q 示例市人民政府 out.txt; then ok "升级后 list 仍列出 示例市人民政府"; else bad "升级后 list：状态 $rc，$(cat out.txt err.txt)"; fi

echo "卸载（/S）"
"$WINESERVER" -w
snapshot >before.txt
rc=0
"$wine" "$instdir/卸载年报.exe" /S /CurrentUser >out.txt 2>err.txt || rc=$?
# The uninstaller runs a copy of itself from %TEMP% so that it can delete its
# folder: wait for every program of the prefix to end.
"$WINESERVER" -w
if [ $rc = 0 ] && [ ! -e "$instdir" ]; then ok "程序文件夹已删除"; else bad "卸载：状态 $rc，程序文件夹还在：$(ls "$instdir" 2>&1)"; fi
if [ ! -e "$startmenu" ] && [ ! -e "$desktop" ]; then ok "快捷方式已删除"; else bad "快捷方式还在"; fi
if reg "$uninst"; then bad "卸载项还在"; else ok "卸载项已删除"; fi
if reg "$assoc" Nianbao.Report; then bad ".json 的打开方式中还有 年报"; else ok ".json 的打开方式中已没有 年报"; fi
snapshot >after.txt
if [ -s after.txt ] && cmp -s before.txt after.txt; then ok "%APPDATA%\\nianbao 保留未动（$(wc -l <after.txt) 个文件）"; else bad "%APPDATA%\\nianbao 变了：$(diff before.txt after.txt)"; fi

"$WINESERVER" -k 2>/dev/null || true
[ $fail = 0 ] && echo "Windows 安装程序在 Wine 下的测试全部通过" || { echo "Windows 安装程序在 Wine 下的测试有失败" >&2; exit 1; }

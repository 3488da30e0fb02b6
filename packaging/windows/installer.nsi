; The Windows installer nianbao-setup-<版本>.exe, built on Linux with Debian's
; nsis by packaging/windows-installer.sh, which passes:
;   VERSION (1.0.0), VERSION4 (1.0.0.1), STAGE (folder with nianbao.exe,
;   nianbao-cli.exe, 使用说明.txt, 许可证.txt), ICON, OUTFILE.
; Per user without administrator rights into %LOCALAPPDATA%\Programs\年报 (the
; default, and the only choice of a standard user); an administrator may choose
; all users (Program Files, HKLM), on the page or with /AllUsers. /S is silent.
; The data (%APPDATA%\nianbao: the database and its backups) and the settings
; are never touched: not by an upgrade, not by the uninstaller.
; A 64-bit installer, as the program is: it runs where the program runs, and
; under Wine's 64-bit loader alone (CI's wine64, without the 32-bit wine32).
Target amd64-unicode
ManifestDPIAware true
; The release is compressed with LZMA (about 80 MB, three minutes to build);
; the CI test's installer (-DUNCOMPRESSED) is not, for speed: same script.
!ifdef UNCOMPRESSED
	SetCompress off
!else
	SetCompressor /SOLID lzma
!endif

!define APPID "cn.nianbao.desktop"
!define PROGID "Nianbao.Report"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"

Name "年报"
Caption "年报 ${VERSION} 安装程序"
BrandingText "年报 ${VERSION}"
OutFile "${OUTFILE}"

!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_INSTALLMODE_INSTDIR "年报"
!define MULTIUSER_USE_PROGRAMFILES64
; An upgrade finds the folder and the mode of the installation before it.
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINSTKEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINSTKEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INIT_TEXT_ADMINREQUIRED "年报安装程序需要管理员权限。"
!define MULTIUSER_INIT_TEXT_POWERREQUIRED "年报安装程序至少需要 Power Users 权限。"
!define MULTIUSER_INIT_TEXT_ALLUSERSNOTPOSSIBLE "当前用户没有管理员权限，不能为本机所有用户安装年报。不加 /AllUsers 运行可只为自己安装。"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include x64.nsh

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "欢迎安装 年报 ${VERSION}"
!define MUI_WELCOMEPAGE_TEXT "年报用于编制、检查和打印政府信息公开工作年度报告（国办公开办函〔2021〕30号规定的格式）。$\r$\n$\r$\n不需要管理员权限：默认只为当前用户安装。已安装旧版本时直接安装即可升级，已保存的年报、备份和设置都保留。$\r$\n$\r$\n$_CLICK"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${STAGE}/许可证.txt"
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\nianbao.exe"
!define MUI_FINISHPAGE_RUN_TEXT "运行 年报"
!define MUI_FINISHPAGE_SHOWREADME "$INSTDIR\使用说明.txt"
!define MUI_FINISHPAGE_SHOWREADME_TEXT "查看使用说明"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从本机删除年报程序（$INSTDIR）、开始菜单和桌面的快捷方式以及“打开方式”中的年报。$\r$\n已保存的年报数据（%APPDATA%\nianbao 中的数据库和备份）不会删除，重新安装后仍可使用。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "年报已从本机卸载。$\r$\n$\r$\n已保存的年报数据（%APPDATA%\nianbao 中的数据库和备份）保留未动；不再需要时可手动删除该文件夹。$\r$\n$\r$\n点击 [完成] 关闭卸载程序。"
!insertmacro MUI_UNPAGE_FINISH

!insertmacro MUI_LANGUAGE "SimpChinese"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "年报"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "年报 ${VERSION} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "年报 Nianbao"

Function .onInit
	${IfNot} ${RunningX64}
		MessageBox MB_OK|MB_ICONSTOP "年报需要 64 位的 Windows 10 或更新版本。"
		Abort
	${EndIf}
	SetRegView 64
	!insertmacro MULTIUSER_INIT
FunctionEnd

Function un.onInit
	SetRegView 64
	!insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "年报程序（必需）" SecProgram
	SectionIn RO
	SetOutPath "$INSTDIR"
	; Over an older version: the files are replaced, nothing else in the folder
	; or in %APPDATA% is touched.
	File "/oname=nianbao.exe" "${STAGE}/nianbao.exe"
	File "/oname=nianbao-cli.exe" "${STAGE}/nianbao-cli.exe"
	File "/oname=使用说明.txt" "${STAGE}/使用说明.txt"
	File "/oname=许可证.txt" "${STAGE}/许可证.txt"
	WriteUninstaller "$INSTDIR\卸载年报.exe"

	; The uninstall entry (设置 → 应用; 控制面板 → 程序和功能), in HKCU for
	; one user and HKLM for all: SHCTX follows the mode MultiUser set.
	WriteRegStr SHCTX "${UNINSTKEY}" "DisplayName" "年报"
	WriteRegStr SHCTX "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
	WriteRegStr SHCTX "${UNINSTKEY}" "Publisher" "年报 Nianbao"
	WriteRegStr SHCTX "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\nianbao.exe,0"
	WriteRegStr SHCTX "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
	WriteRegStr SHCTX "${UNINSTKEY}" "UninstallString" '"$INSTDIR\卸载年报.exe" /$MultiUser.InstallMode'
	WriteRegStr SHCTX "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\卸载年报.exe" /$MultiUser.InstallMode /S'
	WriteRegDWORD SHCTX "${UNINSTKEY}" "NoModify" 1
	WriteRegDWORD SHCTX "${UNINSTKEY}" "NoRepair" 1
	SectionGetSize ${SecProgram} $0
	WriteRegDWORD SHCTX "${UNINSTKEY}" "EstimatedSize" $0
SectionEnd

Section "开始菜单快捷方式" SecStartMenu
	SetOutPath "$INSTDIR"
	CreateShortcut "$SMPROGRAMS\年报.lnk" "$INSTDIR\nianbao.exe" "" "$INSTDIR\nianbao.exe" 0 SW_SHOWNORMAL "" "编制、检查和打印政府信息公开工作年度报告"
SectionEnd

Section "桌面快捷方式" SecDesktop
	SetOutPath "$INSTDIR"
	CreateShortcut "$DESKTOP\年报.lnk" "$INSTDIR\nianbao.exe" "" "$INSTDIR\nianbao.exe" 0 SW_SHOWNORMAL "" "编制、检查和打印政府信息公开工作年度报告"
SectionEnd

; Windows picks a file's program by its last extension, so a report
; (示例.nianbao.json) is a .json to it. The installer does not take .json over
; (other programs of the office own it): it adds 年报 to .json's 打开方式
; (OpenWithProgids) with a ProgID of its own, named 年报文件, and declares the
; program under Applications, so 打开方式 → 年报 opens a report and the user
; may make it the default.
Section "“打开方式”中加入年报" SecAssoc
	WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "年报文件"
	WriteRegStr SHCTX "Software\Classes\${PROGID}" "FriendlyTypeName" "年报文件"
	WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\nianbao.exe,0"
	WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open" "FriendlyAppName" "年报"
	WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\nianbao.exe" "%1"'
	WriteRegStr SHCTX "Software\Classes\.json\OpenWithProgids" "${PROGID}" ""
	WriteRegStr SHCTX "Software\Classes\Applications\nianbao.exe" "FriendlyAppName" "年报"
	WriteRegStr SHCTX "Software\Classes\Applications\nianbao.exe\SupportedTypes" ".json" ""
	WriteRegStr SHCTX "Software\Classes\Applications\nianbao.exe\DefaultIcon" "" "$INSTDIR\nianbao.exe,0"
	WriteRegStr SHCTX "Software\Classes\Applications\nianbao.exe\shell\open\command" "" '"$INSTDIR\nianbao.exe" "%1"'
	System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
	!insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "nianbao.exe（窗口程序）、nianbao-cli.exe（命令行，供批处理脚本使用）、使用说明和许可证。"
	!insertmacro MUI_DESCRIPTION_TEXT ${SecStartMenu} "在开始菜单中加入“年报”。"
	!insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "在桌面上放一个“年报”图标。"
	!insertmacro MUI_DESCRIPTION_TEXT ${SecAssoc} "右键 .json 文件 →“打开方式”中出现年报；不改变 .json 文件原来的默认程序。"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
	Delete "$INSTDIR\nianbao.exe"
	Delete "$INSTDIR\nianbao-cli.exe"
	Delete "$INSTDIR\使用说明.txt"
	Delete "$INSTDIR\许可证.txt"
	Delete "$INSTDIR\卸载年报.exe"
	; Only the folder the installer made, and only when nothing else is in it.
	RMDir "$INSTDIR"
	Delete "$SMPROGRAMS\年报.lnk"
	Delete "$DESKTOP\年报.lnk"

	DeleteRegValue SHCTX "Software\Classes\.json\OpenWithProgids" "${PROGID}"
	DeleteRegKey /IfEmpty SHCTX "Software\Classes\.json\OpenWithProgids"
	DeleteRegKey /IfEmpty SHCTX "Software\Classes\.json"
	DeleteRegKey SHCTX "Software\Classes\${PROGID}"
	DeleteRegKey SHCTX "Software\Classes\Applications\nianbao.exe"
	DeleteRegKey SHCTX "${UNINSTKEY}"
	System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
	DetailPrint "年报数据（%APPDATA%\nianbao 中的数据库和备份）保留未动。"
SectionEnd

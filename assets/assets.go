// Package assets holds the files the program carries inside its binary: the
// fonts (with their licence texts beside them), the example reports and the icon.
package assets

import _ "embed"

// Bundled fonts. All are TrueType (glyf) fonts, which both gopdf and Fyne read.
// Noto Serif/Sans SC: SIL Open Font License 1.1 (fonts/OFL-*.txt);
// AR PL KaitiM GB: Arphic Public License (fonts/ARPHICPL-gkai00mp.txt).
var (
	//go:embed fonts/NotoSerifSC-Regular.ttf
	NotoSerifSCRegular []byte
	//go:embed fonts/NotoSerifSC-Bold.ttf
	NotoSerifSCBold []byte
	//go:embed fonts/NotoSansSC-Regular.ttf
	NotoSansSCRegular []byte
	//go:embed fonts/NotoSansSC-Bold.ttf
	NotoSansSCBold []byte
	//go:embed fonts/gkai00mp.ttf
	ARPLKaitiMGB []byte
)

// The window's everyday faces: Noto Sans SC cut down to GB2312 and Latin text
// (forms/apptheme builds them: go test ./forms/apptheme -update).
var (
	//go:embed fonts/NotoSansSC-Regular-ui.ttf
	NotoSansSCRegularUI []byte
	//go:embed fonts/NotoSansSC-Bold-ui.ttf
	NotoSansSCBoldUI []byte
)

// Example reports in the file format of ../data/report.
var (
	// ExampleReport is the published 2023 report of 中卫市民政局.
	//go:embed examples/zhongwei-minzhengju-2023.nianbao.json
	ExampleReport []byte
	// BusyExampleReport is a fictional government report with large figures.
	//go:embed examples/fictional-busy-2024.nianbao.json
	BusyExampleReport []byte
)

// Icon is the program's icon, 512×512 PNG (drawn by packaging/make-icon.sh).
//
//go:embed icon.png
var Icon []byte

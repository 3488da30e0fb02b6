package window

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/check"
	"nianbao/data/store"
	"nianbao/data/store/postgres"
)

// guideSteps are a season's work in ten steps, in the words of the window's
// buttons and tabs.
var guideSteps = [10]string{
	"新建本年度的年报：点“新建”，填机关名称和年度，选“沿用上年”时，标题、引言、结尾、各节小标题、结转数和现行有效件数接上年，上年的正文显示在各节旁。也可点“导入”读入年报文件、Word、PDF 或网页。",
	"填写“基本信息”：机关名称、报告年度、机关类型、标题、引言和结尾（署名和成文日期）。",
	"填写“一、总体情况”至“六、其他事项”的各节：每节一个小标题和正文；可从 Word 中复制粘贴。",
	"填写“二、主动公开”“三、依申请公开”“四、复议诉讼”三张表格：可从 WPS 表格或 Excel 中复制一块数字粘贴；总计由程序计算。",
	"随时点“保存”（Ctrl+S）；程序也自动保存，每次保存前的内容留作“历史版本”，可比较、可恢复。",
	"看“检查”：红色的错误是数字对不上（勾稽关系），必须改正；黄色的警告值得核实，确认无误可以不改。点一条检查结果，就转到它所说的格或句子。",
	"点“图解”看本年数字和历年趋势的图；点“预览”在窗口右侧看印出来的样子。",
	"导出：“导出PDF”交印或上网，“输出”菜单中还有 Word、OFD 和网页；有错误时程序先问一句。",
	"“打印”在本机打印机上打印；打印前在预览中看一遍分页。",
	"本级政府汇总所属单位的年报：点“汇总”，导入名单和各单位的报告，看收报情况和合计的检查，导出汇总表格或保存为本级报告。",
}

// guideText is 使用说明: the season in ten steps, the checks, where the data
// and the backups are, and what the text boxes cannot do.
func guideText(dbPath, backupDir string) string {
	var b strings.Builder
	b.WriteString("一、一个年报季的工作（十步）\n")
	for i, s := range guideSteps {
		fmt.Fprintf(&b, "%d. %s\n", i+1, s)
	}
	errs, warns := check.RuleNames()
	b.WriteString("\n二、检查的内容\n错误（数字对不上，必须改正）：\n")
	for _, n := range errs {
		b.WriteString("· " + n + "\n")
	}
	b.WriteString("警告（值得核实，确认无误可以不改）：\n")
	for _, n := range warns {
		b.WriteString("· " + n + "\n")
	}
	b.WriteString("汇总时另核对本级报告的数字与各单位的合计。\n")
	b.WriteString("\n三、数据和备份在哪里\n")
	switch {
	case postgres.IsURL(dbPath):
		b.WriteString("年报保存在共享数据库服务器：" + dbPath + "（由管理员备份）；连不上服务器时的修改暂存在本机，连上后自动送到服务器。\n")
	case dbPath != "":
		b.WriteString("年报都保存在数据库文件：" + dbPath + "\n")
	}
	if backupDir != "" {
		b.WriteString("备份在文件夹：" + backupDir + "\n")
	}
	if !postgres.IsURL(dbPath) {
		b.WriteString("每天第一次打开时自动备份；每日备份保留一周，之后每周保留一份，保留一个月。“文件 → 数据库 → 备份与恢复”可立即备份，或把整个数据库恢复为某一天的样子；“已删除的年报”可找回删除的年报。导出的文件保存在您选择的位置，与数据库无关。\n")
	}
	b.WriteString("\n四、填写框中的换行与印出来的样子\n")
	b.WriteString("填写框按宽度随处折行，行首可能出现“。”“，”等标点，数字和“〔2021〕”这样的文号也可能被折开；这只是屏幕上的显示，不会写进年报。" +
		"印出来的 PDF、打印、Word 和网页都按中文排版规则（禁则）换行：标点不在行首，数字和〔〕中的文号不拆开。要看印出来的样子，点“预览”，窗口右侧显示的就是印出来的换行和分页。\n")
	b.WriteString("窗口只用程序自带的字体（思源黑体），与印出来的年报所用的字体一致，不用电脑上安装的字体；程序自带字体中没有的极少数生僻字在窗口中显示为方框，导出 PDF 时程序会指出缺字之处。\n")
	return b.String()
}

// guide shows 使用说明 in a scrolling dialog.
func (u *ui) guide() {
	backupDir := ""
	if f, ok := u.st.(store.Files); ok {
		backupDir = f.BackupDir()
	}
	text := widget.NewLabel(guideText(u.dbPath, backupDir))
	text.Wrapping = fyne.TextWrapBreak
	text.Selectable = true
	d := dialog.NewCustom("使用说明", "关闭", container.NewVScroll(text), u.win)
	d.Resize(fyne.NewSize(760, 540))
	d.Show()
}

package window

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit/kittest"
	"nianbao/data/check"
	"nianbao/data/report"
)

// A report made from last year's and then renamed: 基本信息 offers the old
// name as 曾用名; choosing it stores it and the checks compare with last year
// again (W10 here: 行政处罚 135 last year, 0 so far). Reopening shows it.
func TestRenamedAgencyFollowsFormerName(t *testing.T) {
	h := newHarness(t, nil)
	last := report.New("洪泽区人民政府", 2023)
	last.Proactive.Penalty = 135
	h.put(last)
	h.u.CreateReport("洪泽区人民政府", 2024, true)
	h.waitFor("the new report", func() bool { return h.u.id != 0 })
	id := h.u.id
	comparedWithLastYear := func() bool {
		for _, f := range h.u.editor.Findings() {
			if f.Rule == "W10" && f.Row == "penalty" {
				return true
			}
		}
		return false
	}
	h.waitFor("W10 against 2023 under the same name", comparedWithLastYear)

	agency := h.entryWithText("洪泽区人民政府").(interface{ SetText(string) })
	agency.SetText("淮安市洪泽区人民政府")
	h.waitFor("the rename saved and compared with nothing", func() bool {
		return h.get(id).Agency == "淮安市洪泽区人民政府" && !comparedWithLastYear()
	})
	h.countsAgree()
	var offer *widget.Button
	kittest.Walk(h.u.editor.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "采用“洪泽区人民政府”" && b.Visible() {
			offer = b
		}
	})
	if offer == nil {
		t.Fatal("基本信息 does not offer the old name as 曾用名")
	}
	test.Tap(offer)
	h.waitFor("W10 against the former name's 2023", comparedWithLastYear)
	h.countsAgree()
	if got, err := h.st.FormerName("淮安市洪泽区人民政府", 2024); err != nil || got != "洪泽区人民政府" {
		t.Fatalf("stored former name %q, %v", got, err)
	}
	h.idle()
	h.u.closeReport()
	h.u.OpenReport(id)
	h.waitFor("the former name shown again", func() bool { return h.u.editor.FormerName() == "洪泽区人民政府" })
}

// A unit whose report copies another unit's of the same year in the database
// is warned (W9) when opened, and the finding goes to the sentence.
func TestCopiedFromAnotherUnitOfTheYear(t *testing.T) {
	h := newHarness(t, nil)
	body := "全年我局共收到政府信息公开申请14件，均为网络申请，申请内容主要涉及物业管理、公共收益、工程验收备案和城市建设等。" +
		"我局持续推进政务新媒体工作，开通官方微信公众号，全年共发送信息，关注用户持续增加。" +
		"在局微信公众号中开设办事服务、便民查询和政民互动链接菜单，方便群众及时获取、查询信息。"
	a := report.New("平潭综合实验区交通与建设局", 2024)
	a.Overview = []report.Section{{Heading: "（一）依申请公开", Body: body}}
	b := a.Clone()
	b.Agency = "平潭综合实验区某某局"
	h.put(a)
	id := h.put(b)
	h.startOn(id)
	var found bool
	h.waitFor("W9 against the other unit", func() bool {
		for _, f := range h.u.editor.Findings() {
			if f.Rule == "W9" && strings.Contains(f.Message, "同年度“平潭综合实验区交通与建设局”的报告") {
				found = true
				h.u.editor.Focus(f)
			}
		}
		return found
	})
	if e, ok := h.win.Canvas().Focused().(interface{ SelectedText() string }); !ok || e.SelectedText() == "" {
		t.Errorf("the W9 finding selected nothing (focus %v)", h.win.Canvas().Focused())
	}
	// The status line counts it without an edit.
	h.countsAgree()
}

// countsAgree waits for the status line to count the editor's findings, W9 among them.
func (h *harness) countsAgree() {
	h.t.Helper()
	var want string
	h.waitFor("the status line counting the findings", func() bool {
		errs, warns := check.Counts(h.u.editor.Findings())
		want = fmt.Sprintf("错误 %d 个，警告 %d 个", errs, warns)
		return h.u.counts.Text == want
	})
}

// A report whose text 300 other units of its year in the database share:
// the other reports are indexed off the UI goroutine, and the editor gets
// one W9, naming how many units and the first three.
func TestCopiedByManyUnitsOneFinding(t *testing.T) {
	h := newHarness(t, nil)
	body := "全年我局共收到政府信息公开申请14件，均为网络申请，申请内容主要涉及物业管理、公共收益、工程验收备案和城市建设等。" +
		"我局持续推进政务新媒体工作，开通官方微信公众号，全年共发送信息，关注用户持续增加。" +
		"在局微信公众号中开设办事服务、便民查询和政民互动链接菜单，方便群众及时获取、查询信息。"
	a := report.New("测试县本局", 2024)
	a.Overview = []report.Section{{Heading: "（一）依申请公开", Body: body}}
	id := h.put(a)
	for i := range 300 {
		o := a.Clone()
		o.Agency = fmt.Sprintf("测试县第%04d局", i)
		h.put(o)
	}
	h.startOn(id)
	var w9 []string
	h.waitFor("W9 against the other units", func() bool {
		w9 = nil
		for _, f := range h.u.editor.Findings() {
			if f.Rule == "W9" {
				w9 = append(w9, f.Message)
			}
		}
		return len(w9) > 0
	})
	if len(w9) != 1 || !strings.Contains(w9[0], "与同年度 300 个单位的报告（测试县第0000局、测试县第0001局、测试县第0002局、…）文字雷同") {
		t.Fatalf("W9 findings: %q", w9)
	}
	h.countsAgree()
}

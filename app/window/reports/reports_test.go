package reports

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"nianbao/app/window/kit/kittest"
	"nianbao/data/store"
	"nianbao/data/store/sqlite"
	"nianbao/data/store/storetest"
)

// host is the window the list is tested in: a real store in a temporary folder.
type host struct {
	*kittest.Host
	st      store.Store
	covered []string
}

func (h *host) Where() string             { return "" }
func (h *host) Store() store.Store        { return h.st }
func (h *host) Now() time.Time            { return time.Date(2025, 6, 1, 9, 0, 0, 0, time.Local) }
func (h *host) CoverText(texts ...string) { h.covered = append(h.covered, texts...) }

func newHost(t *testing.T) *host {
	path := filepath.Join(t.TempDir(), "nianbao.db")
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &host{Host: kittest.New(t, path), st: st}
}

// An empty database says how to begin; a stored report is listed with its
// year and counts, its agency's name given to the font, and each row's
// buttons and the toolbar's do the window's actions with the report's id.
func TestList(t *testing.T) {
	h := newHost(t)
	var did []string
	var ids []int64
	act := func(name string) func() { return func() { did = append(did, name) } }
	actID := func(name string) func(int64) {
		return func(id int64) { did = append(did, name); ids = append(ids, id) }
	}
	l := New(h, Actions{New: act("新建"), Import: act("导入"), Example: act("示例"), Combine: act("汇总"),
		Register: act("台账"), Deleted: act("已删除"),
		Open: actID("打开"), Export: actID("导出"), History: actID("历史"), Delete: actID("删除")})
	h.Win.SetContent(l.Content())
	l.Reload()
	h.WaitFor("the empty list", func() bool { return l.Empty().Visible() })
	if !strings.Contains(l.Empty().Text, "新建") || h.Status() != "共 0 份年报" || l.Due().Visible() {
		t.Errorf("empty: %q, status %q, due shown %v", l.Empty().Text, h.Status(), l.Due().Visible())
	}

	id := storetest.MustPut(t, h.st, storetest.Sample("测试县民政局", 2024, 0), store.SaveManual)
	l.Reload()
	h.WaitFor("the report listed", func() bool { return len(l.Reports()) == 1 })
	if l.Empty().Visible() || h.Status() != "共 1 份年报" || len(h.covered) != 1 || h.covered[0] != "测试县民政局" {
		t.Errorf("listed: empty %v, status %q, covered %v", l.Empty().Visible(), h.Status(), h.covered)
	}
	texts := strings.Join(kittest.Texts(l.Content()), " ")
	for _, want := range []string{"测试县民政局", "2024", "年报列表"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the list shows no %q: %s", want, texts)
		}
	}
	for _, b := range []string{"打开", "导出", "历史", "删除", "新建", "导入", "示例", "汇总", "已删除的年报"} {
		test.Tap(kittest.Button(l.Content(), b))
	}
	want := []string{"打开", "导出", "历史", "删除", "新建", "导入", "示例", "汇总", "已删除"}
	if strings.Join(did, ",") != strings.Join(want, ",") {
		t.Errorf("did %v, want %v", did, want)
	}
	for _, got := range ids {
		if got != id {
			t.Errorf("a row's button gave report %d, want %d", got, id)
		}
	}
}

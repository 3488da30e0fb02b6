package window

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"nianbao/app/window/export"
	"nianbao/app/window/kit"
	"nianbao/app/window/startup"
	"nianbao/data/report"
)

// fyneSource is Fyne's source in the module cache (go mod download puts it there).
func fyneSource(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Fatalf("cannot find Fyne's source: %v", err)
	}
	return dir
}

// dialogSources are the Fyne files whose words the program's dialogs show:
// every dialog, and the entries' and labels' context menus.
func dialogSources(t *testing.T) map[string]string {
	t.Helper()
	dir := fyneSource(t)
	files, err := filepath.Glob(filepath.Join(dir, "dialog", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no dialog sources in %s: %v", dir, err)
	}
	files = append(files, filepath.Join(dir, "widget", "entry.go"), filepath.Join(dir, "widget", "selectable.go"))
	src := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || strings.Contains(f, "mobile") || strings.Contains(f, "wasm") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src[filepath.Base(f)] = string(b)
	}
	return src
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// TestEveryFyneWordIsChinese walks every translation key Fyne's dialogs use
// and fails on one the program does not give in Chinese, whatever the
// system's language.
func TestEveryFyneWordIsChinese(t *testing.T) {
	startup.UseChinese()
	callL := regexp.MustCompile(`lang\.L\("([^"]+)"\)`)
	callX := regexp.MustCompile(`lang\.X\("([^"]+)", "([^"]+)"\)`)
	seen := 0
	for file, src := range dialogSources(t) {
		for _, m := range callL.FindAllStringSubmatch(src, -1) {
			seen++
			if got := lang.L(m[1]); !hasHan(got) {
				t.Errorf("%s: lang.L(%q) = %q, not Chinese", file, m[1], got)
			}
		}
		for _, m := range callX.FindAllStringSubmatch(src, -1) {
			seen++
			if got := lang.X(m[1], m[2]); !hasHan(got) {
				t.Errorf("%s: lang.X(%q) = %q, not Chinese", file, m[1], got)
			}
		}
	}
	if seen < 20 {
		t.Errorf("found only %d translation calls in Fyne's dialogs: is the pattern still right?", seen)
	}
}

// TestFixedEnglishWordsAreKnown: the words Fyne's file dialog writes without
// translation are all in fyneFixedWords, and every entry there is still one
// of Fyne's (a Fyne upgrade that changes them fails here).
func TestFixedEnglishWordsAreKnown(t *testing.T) {
	src := dialogSources(t)
	all := ""
	for _, s := range src {
		all += s
	}
	// Texts given to dialogs and to the places list as literals.
	literal := regexp.MustCompile(`(?:Show(?:Confirm|Information)\(|locName: |ShowError\(errors\.New\()"([^"]+)"`)
	found := literal.FindAllStringSubmatch(all, -1)
	if len(found) < 4 {
		t.Errorf("found only %d fixed texts in Fyne's dialogs: is the pattern still right?", len(found))
	}
	for _, m := range found {
		text := strings.ReplaceAll(m[1], `\n`, "\n")
		if _, ok := chineseText(text); !ok {
			t.Errorf("Fyne shows %q untranslated", text)
		}
	}
	for _, place := range []string{"Desktop", "Documents", "Downloads", "Music", "Pictures", "Videos", "Computer"} {
		if !strings.Contains(all, `"`+place+`"`) {
			t.Errorf("%q is no longer one of Fyne's places", place)
		}
	}
	for en := range fyneFixedWords {
		if !strings.Contains(all, `"`+strings.ReplaceAll(en, "\n", `\n`)+`"`) {
			t.Errorf("%q is no longer in Fyne's dialogs", en)
		}
	}
}

// TestDialogsShowOnlyChinese opens the dialogs as the program does and
// reads every word they show.
func TestDialogsShowOnlyChinese(t *testing.T) {
	startup.UseChinese()
	h := newHarness(t, nil)
	h.u.win = chineseDialogs(h.win)
	english := regexp.MustCompile(`[A-Za-z]{3,}`)
	look := func(what string, allowed ...string) string {
		t.Helper()
		text := h.overlayText()
		if text == "" {
			t.Fatalf("%s: no dialog shown", what)
		}
		for _, w := range english.FindAllString(text, -1) {
			ok := false
			for _, a := range allowed {
				ok = ok || strings.Contains(a, w)
			}
			if !ok {
				t.Errorf("%s shows English %q:\n%s", what, w, text)
			}
		}
		return text
	}

	// The save dialog of 导出 PDF, through the window's export path.
	h.startOn(h.put(report.New("中卫市民政局", 2023)))
	h.u.exporter(export.PDF)()
	h.waitFor("the save dialog", func() bool { return h.win.Canvas().Overlays().Top() != nil })
	h.win.Resize(h.win.Canvas().Size()) // lay the dialog out, so its lists fill
	home, _ := os.UserHomeDir()         // the folder's name in the path bar
	text := look("the save dialog", ".pdf", home)
	for _, w := range []string{"主文件夹", "计算机", "保存文件", "取消"} {
		if !strings.Contains(text, w) {
			t.Errorf("the save dialog lacks %q:\n%s", w, text)
		}
	}
	h.win.Canvas().Overlays().Top().Hide()
	h.win.Canvas().Overlays().Remove(h.win.Canvas().Overlays().Top())

	// What Fyne's file dialog asks, over the same window, when the file exists.
	dialog.ShowConfirm("Overwrite?", "Are you sure you want to overwrite the file\n报告.pdf?", func(bool) {}, h.u.win)
	text = look("the overwrite question", "报告.pdf")
	if !strings.Contains(text, "替换文件？") || !strings.Contains(text, "文件“报告.pdf”已存在。要替换它吗？") || !strings.Contains(text, "是") {
		t.Errorf("the overwrite question reads:\n%s", text)
	}
}

func TestSystemPath(t *testing.T) {
	name := filepath.Join(t.TempDir(), "김치 𠮷野家", "报告.pdf")
	if got := kit.SystemPath(storage.NewFileURI(name)); got != name {
		t.Errorf("systemPath = %q, want %q", got, name)
	}
}

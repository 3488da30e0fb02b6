package pdf

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"
	"unicode"

	"nianbao/data/intake"
)

// many is n copies of s joined by sep.
func many(s, sep string, n int) string {
	return strings.TrimSuffix(strings.Repeat(s+sep, n), sep)
}

// pages of lines: n pages of a few lines each.
func pagesOf(n int, line func(int) string) [][]string {
	out := make([][]string, n)
	for i := range out {
		out[i] = []string{line(i), "Annual report of the government information disclosure", "of an office in the year 2024"}
	}
	return out
}

// onePage is a PDF of one page drawn by the content stream object content,
// with Helvetica as /F1.
func onePage(content string) []byte {
	return buildPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		content, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"})
}

// dashes draws objs paths of n short dashes each, level and upright by
// turns, none touching another.
func dashes(objs, n int) []byte {
	var b bytes.Buffer
	for o := range objs {
		for i := range n {
			x, y := float64(10+(o%50)*11), float64(10+(o/50)*20+(i%10)*2)
			if i%2 == 0 {
				fmt.Fprintf(&b, "%.0f %.0f m %.0f %.0f l ", x, y, x+3, y)
			} else {
				fmt.Fprintf(&b, "%.0f %.0f m %.0f %.0f l ", x+5, y, x+5, y+1.5)
			}
		}
		b.WriteString("S\n")
	}
	return b.Bytes()
}

// flated is data compressed as a PDF's FlateDecode.
func flated(t testing.TB, data []byte) string {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	w.Close()
	return b.String()
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// hasChinese says whether s has a Chinese character.
func hasChinese(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Bad and odd files (issue 17, point 7) are refused with a message in
// Chinese that names the file (and the page), or read; never a panic, and
// always within the Limits of time and memory.
func TestBadFiles(t *testing.T) {
	skipUnderRace(t)
	hz := readTestdata(t, "hongzequ-2024.pdf")
	rnd := rand.New(rand.NewPCG(1, 2))
	garbage := make([]byte, 20000)
	for i := range garbage {
		garbage[i] = byte(rnd.UintN(256))
	}
	deepTree := func(depth int) []byte {
		objs := []string{"<< /Type /Catalog /Pages 2 0 R >>"}
		for i := 0; i < depth; i++ {
			objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", i+3))
		}
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] >>", depth+1))
		return buildPDF(objs)
	}
	cases := []struct {
		name string
		data []byte
		want error    // nil: read
		says []string // in the message, beside the file's name
	}{
		{"a one-page scan", scanPDF(1), ErrScanned, []string{"扫描件", "没有可读取的文字层", "共 1 页"}},
		{"a three-page scan", scanPDF(3), ErrScanned, []string{"扫描件", "共 3 页"}},
		{"blank pages", textPDF([][]string{{}, {}}), ErrScanned, []string{"没有可读取的文字"}},
		{"encrypted, a password to open", readTestdata(t, "encrypted-user-password.pdf"), ErrEncrypted, []string{"已加密", "密码"}},
		{"encrypted, only a password to change it", readTestdata(t, "encrypted-owner-only.pdf"), nil, nil},
		{"500 pages", textPDF(pagesOf(500, func(i int) string { return fmt.Sprintf("Page %d of many", i+1) })), ErrTooLarge, []string{"共 500 页", "300 页的上限"}},
		{"200000 pages that are one page", buildPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [" + many("3 0 R", " ", 200000) + "] /Count 200000 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"}), ErrTooLarge, []string{"共 200000 页", "上限"}},
		{"a page tree that holds itself", buildPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"}), ErrDamaged, []string{"第 1 页无法打开", "已损坏"}},
		{"a page tree 5000 deep", deepTree(5000), ErrDamaged, nil},
		{"resources nested 100000 deep", onePage(stream("/Foo "+strings.Repeat("[", 100000)+strings.Repeat("]", 100000), "BT /F1 12 Tf 72 770 Td (Hello world of a page) Tj ET")), nil, nil},
		{"a content stream that refers to itself", buildPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 4 0 R >> >> /Contents 5 0 R >>",
			stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X 4 0 R >> >>", "/X Do"),
			stream("", "/X Do")}), ErrScanned, nil},
		{"a page of too many characters", onePage(stream("", "BT /F1 1 Tf 10 800 Td ("+strings.Repeat("x", 40000)+") Tj ET")), ErrTooLarge, []string{"第 1 页", "文字过多"}},
		{"a page of too many drawings", onePage(stream("", many("1 1 m 2 2 l S", "\n", 40000))), ErrTooLarge, []string{"第 1 页", "对象过多"}},
		{"a page of a hundred thousand dashes", onePage(stream("/Filter /FlateDecode", flated(t, dashes(2000, 50)))), ErrTooLarge, []string{"第 1 页", "线条过多", "上限 5000"}},
		{"a page that inflates to 400 MB", onePage(stream("/Filter /FlateDecode", flated(t, bytes.Repeat([]byte("0 0 m "), 400<<20/6)))), errAny, nil},
		{"the report cut in half", hz[:len(hz)/2], errAny, nil},
		{"the report's head, then garbage", append(append([]byte{}, hz[:1000]...), garbage...), errAny, nil},
		{"garbage after a PDF mark", append([]byte("%PDF-1.7\n"), garbage...), ErrDamaged, []string{"已损坏"}},
		{"not a PDF", []byte("这不是 PDF 文件，是一段文字。"), ErrDamaged, []string{"不是 PDF 文件"}},
		{"empty", nil, ErrDamaged, []string{"不是 PDF 文件"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			d, err := reader.Read(context.Background(), "某单位年报.pdf", tc.data)
			t.Logf("%s: %d bytes, %v: %v", tc.name, len(tc.data), time.Since(start).Round(time.Millisecond), err)
			if tc.want == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if d.Pages < 1 || len(d.Blocks) == 0 {
					t.Fatalf("read %d pages, %d blocks", d.Pages, len(d.Blocks))
				}
				return
			}
			if err == nil {
				if tc.want == errAny {
					return // read as far as it goes: bounded is what is asked
				}
				t.Fatalf("read %d pages, want %v", d.Pages, tc.want)
			}
			msg := err.Error()
			if tc.want != errAny && !errors.Is(err, tc.want) {
				t.Errorf("error %q is not %v", msg, tc.want)
			}
			if !strings.HasPrefix(msg, "《某单位年报.pdf》：") || !hasChinese(strings.TrimPrefix(msg, "《某单位年报.pdf》：")) {
				t.Errorf("message %q does not name the file or is not Chinese", msg)
			}
			for _, s := range tc.says {
				if !strings.Contains(msg, s) {
					t.Errorf("message %q does not say %q", msg, s)
				}
			}
		})
	}
}

// The limits are one Limits value; each, when reached, refuses the file with
// a message that says which and how much.
func TestLimits(t *testing.T) {
	skipUnderRace(t)
	hz := readTestdata(t, "hongzequ-2024.pdf")
	// 60 MB of drawing, packed into some 100 KB: more than 20 MB of memory.
	bomb := onePage(stream("/Filter /FlateDecode", flated(t, bytes.Repeat([]byte("0 0 m "), 60<<20/6))))
	cases := []struct {
		lim  Limits
		data []byte
		want error
		says string
	}{
		{Limits{FileSize: 100 << 10}, hz, ErrTooLarge, "文件大于 100 KB 的上限"},
		{Limits{Pages: 4}, hz, ErrTooLarge, "共 5 页，超过 4 页的上限"},
		{Limits{CharsPerPage: 100}, hz, ErrTooLarge, "第 1 页文字过多"},
		{Limits{ObjectsPerPage: 20}, hz, ErrTooLarge, "第 1 页图形和文字对象过多"},
		{Limits{LinesPerPage: 10}, hz, ErrTooLarge, "页线条过多"},
		{Limits{Time: time.Millisecond}, hz, ErrTimeout, "1 毫秒内未能读完"},
		{Limits{Memory: 20 << 20}, bomb, ErrDamaged, "无法读取"},
		{Limits{}, hz, nil, ""},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%+v %d bytes", tc.lim, len(tc.data)), func(t *testing.T) {
			r, err := New(DefaultCacheDir(), tc.lim)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			_, err = r.Read(context.Background(), "洪泽区.pdf", tc.data)
			switch {
			case tc.want == nil && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.want == nil:
			case !errors.Is(err, tc.want) || !strings.Contains(fmt.Sprint(err), tc.says) || !strings.HasPrefix(err.Error(), "《洪泽区.pdf》："):
				t.Errorf("error %v, want %v saying %q", err, tc.want, tc.says)
			}
		})
	}
	if DefaultLimits != (Limits{}).orDefault() {
		t.Errorf("a zero Limits is not DefaultLimits")
	}
	if got := (Limits{Pages: 7}).orDefault(); got.Pages != 7 || got.Time != DefaultLimits.Time {
		t.Errorf("a partly set Limits: %+v", got)
	}
}

// A read is stopped when its caller gives up.
func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := reader.Read(ctx, "洪泽区.pdf", readTestdata(t, "hongzequ-2024.pdf"))
	if err == nil || !strings.Contains(err.Error(), "读取已取消") {
		t.Errorf("error %v", err)
	}
}

// errAny marks a case that may be refused (for any reason, in Chinese) or read.
var errAny = errors.New("any")

// FuzzRead: whatever the bytes, a read ends, within the limits, in a
// Document the matcher takes or in a refusal in Chinese naming the file.
func FuzzRead(f *testing.F) {
	hz := readTestdata(f, "hongzequ-2024.pdf")
	f.Add(hz)
	f.Add(hz[:len(hz)/3])
	f.Add(textPDF([][]string{{"2024 Annual report", "1. Overview", "Table 1 2 3"}}))
	f.Add(scanPDF(1))
	f.Add(onePage(stream("", "BT /F1 12 Tf 72 770 Td (Hello) Tj ET 10 10 m 100 10 l S 10 10 m 10 100 l S")))
	f.Add(readTestdata(f, "encrypted-user-password.pdf"))
	f.Add([]byte("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj trailer << /Root 1 0 R >>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := reader.Read(context.Background(), "样本.pdf", data)
		if err != nil {
			var ref *refusal
			if !errors.As(err, &ref) || !strings.HasPrefix(err.Error(), "《样本.pdf》：") || !hasChinese(ref.text) {
				t.Fatalf("error %q (%T) is not a refusal in Chinese naming the file", err, err)
			}
			return
		}
		intake.Match(d)
	})
}

// skipUnderRace skips a test of large adversarial reads in a race build: they
// exercise one goroutine's limits (TestCancel keeps the concurrent path under
// the race detector), and `make test` runs this package again without it.
func skipUnderRace(t *testing.T) {
	t.Helper()
	if raceBuild {
		t.Skip("under the race detector too slow; make test runs it without -race")
	}
}

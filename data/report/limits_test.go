package report

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// adversarial files just under MaxFileSize, each a shape that once made the
// reader's memory grow far beyond the file's size.
func adversarial() map[string][]byte {
	fill := func(head, unit, tail string) []byte {
		n := (MaxFileSize - len(head) - len(tail) - 64) / len(unit)
		return []byte(head + strings.TrimSuffix(strings.Repeat(unit, n), ",") + tail)
	}
	keys := func() []byte {
		var b strings.Builder
		b.WriteString(minimal + `,"x":{`)
		for i := 0; b.Len() < MaxFileSize-64; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + strconv.Itoa(i) + `":0`)
		}
		b.WriteString("}}")
		return []byte(b.String())
	}
	return map[string][]byte{
		"empty arrays under an unknown key": fill(minimal+`,"x":[`, "[],", "]}"),
		"small arrays in a row":             fill(minimal+`,"applications":{"new":[`, "[0],", "]}}"),
		"numbers in a section list":         fill(minimal+`,"overview":[`, "0,", "]}"),
		"empty objects as sections":         fill(minimal+`,"overview":[`, "{},", "]}"),
		"deep small arrays":                 fill(minimal+`,"x":[`, "[[[[[[[[0]]]]]]]],", "]}"),
		"many keys":                         keys(),
		"escaped body":                      fill(minimal+`,"preamble":"`, `\u4e2d`, `"}`),
	}
}

// TestParseMemoryBounded: reading any file of accepted size allocates at most
// about 20 times its size (it was 160 times: 1.6 GB for 10 MB of small arrays).
func TestParseMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 70 MB of input")
	}
	for name, data := range adversarial() {
		t.Run(name, func(t *testing.T) {
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := Parse(data)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d bytes: allocated %.1f× the file in %v (%v)", len(data), float64(alloc)/float64(len(data)), elapsed, err)
			if alloc > 20*uint64(len(data)) {
				t.Errorf("allocated %d bytes for a file of %d: more than 20×", alloc, len(data))
			}
		})
	}
}

// BenchmarkParseAdversarial reports the bytes allocated per byte of a 10 MB
// adversarial file, an upper bound of the reader's peak memory.
func BenchmarkParseAdversarial(b *testing.B) {
	data := adversarial()["small arrays in a row"]
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var peak uint64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		Parse(data)
		runtime.ReadMemStats(&after)
		peak = max(peak, after.TotalAlloc-before.TotalAlloc)
	}
	b.ReportMetric(float64(peak)/float64(len(data)), "alloc/filebyte")
}

func TestTextRules(t *testing.T) {
	long := func(n int) string { return strings.Repeat("民", n) }
	tests := []struct {
		name, field, s string
		want           string // "" for fit, else a part of the message
	}{
		{"plain agency", FieldAgency, "中卫市民政局", ""},
		{"escape", FieldAgency, "某局\x1b[31m", "含有不可见的控制字符 U+001B"},
		{"nul", FieldAgency, "某\x00局", "U+0000"},
		{"newline", FieldAgency, "某局\n2023", "换行符 U+000A"},
		{"carriage return", FieldTitle, "报告\r", "换行符 U+000D"},
		{"line separator", FieldHeading, "（一）\u2028", "换行符 U+2028"},
		{"tab in title", FieldTitle, "年度\t报告", "制表符 U+0009"},
		{"delete", FieldHeading, "a\x7fb", "U+007F"},
		{"c1 control", FieldAgency, "a\u0085b", "U+0085"},
		{"bidi override", FieldAgency, "某局\u202e告报", "改变文字方向的控制字符 U+202E"},
		{"bidi isolate", FieldTitle, "\u2066x", "U+2066"},
		{"zero width space", FieldAgency, "某\u200b局", "不可见的字符 U+200B"},
		{"zero width joiner", FieldHeading, "a\u200db", "U+200D"},
		{"bom inside", FieldAgency, "某\ufeff局", "U+FEFF"},
		{"hangul filler", FieldAgency, "某\u3164局", "U+3164"},
		{"leading space", FieldAgency, " 某局", "开头或结尾有空格"},
		{"trailing ideographic space", FieldTitle, "报告\u3000", "开头或结尾有空格"},
		{"inner space kept", FieldTitle, "某局 2023 年报告", ""},
		{"agency at limit", FieldAgency, long(MaxAgencyLen), ""},
		{"agency over limit", FieldAgency, long(MaxAgencyLen + 1), "超过 100 个字的上限"},
		{"title over limit", FieldTitle, long(MaxTitleLen + 1), "超过 200 个字"},
		{"heading over limit", FieldHeading, long(MaxHeadingLen + 1), "超过 200 个字"},
		{"body lines and tabs", FieldBody, "一段\t文字\r\n\n二段" + long(5000), ""},
		{"body zero width kept", FieldBody, "a\u200bb", ""},
		{"body escape", FieldBody, "a\x1bb", "U+001B"},
		{"body nul", FieldBody, "a\x00", "U+0000"},
		{"body bidi", FieldBody, "a\u202eb", "U+202E"},
		{"invalid utf-8", FieldBody, "a\xff", "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := TextProblem(tt.field, tt.s)
			if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("TextProblem(%s, %q) = %q, want %q", tt.field, tt.s, got, tt.want)
			}
		})
	}
}

// TestParseRefusesBadText: the reader applies the text rules with the path and
// the character named; the database's own reader does not, so that a report
// saved before the rules stays readable.
func TestParseRefusesBadText(t *testing.T) {
	tests := []struct{ input, want string }{
		{`{"format":"nianbao/1","agency":"某局\u001b[2J","year":2023}`, "agency：含有不可见的控制字符 U+001B"},
		{`{"format":"nianbao/1","agency":"某局\n伪造的一行","year":2023}`, "agency：含有换行符 U+000A"},
		{`{"format":"nianbao/1","agency":"某局\u0000","year":2023}`, "agency：含有不可见的控制字符 U+0000"},
		{`{"format":"nianbao/1","agency":"某局 ","year":2023}`, "agency：开头或结尾有空格"},
		{doc(`,"title":"\u202e告报度年"`), "title：含有改变文字方向的控制字符 U+202E"},
		{doc(`,"overview":[{"heading":"（一）\u200b","body":""}]`), "overview[0].heading：含有不可见的字符 U+200B"},
		{doc(`,"problems":[{"heading":"","body":"a\u0007"}]`), "problems[0].body：含有不可见的控制字符 U+0007"},
		{doc(`,"title":"` + strings.Repeat("长", MaxTitleLen+1) + `"`), "title：长度为 201 个字，超过 200 个字的上限"},
		{`{"format":"nianbao/1","agency":"` + strings.Repeat("长", 16000) + `","year":2023}`, "agency：长度为 16000 个字"},
		{doc(`,"overview":[` + strings.Repeat(`{},`, MaxSections) + `{}]`), "overview：有 1001 段，超过 1000 段的上限"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.input))
		var fe *FileError
		if err == nil || !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Parse(%.60q…) = %v, want %q", tt.input, err, tt.want)
		}
	}
	legacy := []byte(`{"format":"nianbao/1","agency":"某局 ","year":2023,"title":"报告\t"}`)
	if r, err := ParseStored(legacy); err != nil || r.Agency != "某局 " {
		t.Errorf("ParseStored of a report saved before the text rules: %v", err)
	}
	if _, err := ParseStored([]byte(`{"format":"nianbao/1","agency":"某局","year":1999}`)); err == nil {
		t.Error("ParseStored accepted a bad year")
	}
}

// TestReadFileRefusesNonRegular: a FIFO (which nobody writes), a device or a
// folder given as a report file is refused at once instead of hanging.
func TestReadFileRefusesNonRegular(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs or device nodes")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "a.nianbao.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{fifo: "命名管道", dir: "文件夹", os.DevNull: "设备"}
	if os.Geteuid() == 0 {
		dev := filepath.Join(dir, "zero")
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o600, int(mkdev(1, 5))); err == nil {
			cases[dev] = "设备" // /dev/zero: endless
		}
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(fifo, link); err == nil {
		cases[link] = "命名管道"
	}
	for path, want := range cases {
		done := make(chan error, 1)
		go func() { _, err := ReadFile(path); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), path+"：") {
				t.Errorf("ReadFile(%s) = %v, want it refused as %s", path, err, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("ReadFile(%s) hangs", path)
		}
	}
}

func mkdev(major, minor uint32) uint64 {
	return uint64(major)<<8 | uint64(minor)
}

func TestTextRulesSoftHyphenAndMongolian(t *testing.T) {
	for _, s := range []string{"a\u00adb", "a\u180eb", "a\u061cb"} {
		if TextProblem(FieldAgency, s) == "" {
			t.Errorf("%q accepted", s)
		}
	}
}

// FuzzMarshal is the other direction of FuzzParse: any report that Marshal
// writes, Parse reads back as the same report, and its text fields obey the
// same rules either way.
func FuzzMarshal(f *testing.F) {
	f.Add("中卫市民政局", "", "（一）概况", "正文\n\n第二段\t", 2023, 5, "12.5")
	f.Add("某局\x1b", "标题\u202e", " 小标题", "a\x00", 2008, -1, "1.")
	f.Fuzz(func(t *testing.T, agency, title, heading, body string, year, n int, fees string) {
		r := New(agency, year)
		r.Title, r.Preamble, r.Closing = title, body, body
		r.Overview = []Section{{Heading: heading, Body: body}}
		r.Proactive.Licensing, r.Proactive.Fees = n, fees
		r.Applications[RowNew][ColTotal] = n
		r.ReviewLitigationText.Before = body // version 2 when not blank
		if n%2 != 0 {
			r.Combined = &Combination{Units: []string{agency, heading}}
		}
		out, err := Marshal(r)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.Msg == "" {
				t.Fatalf("error %q is not a *FileError", err)
			}
			return
		}
		for field, s := range map[string]string{FieldAgency: agency, FieldTitle: title, FieldHeading: heading, FieldBody: body} {
			if m := TextProblem(field, s); m != "" {
				t.Fatalf("Marshal wrote %s %q that TextProblem refuses: %s", field, s, m)
			}
		}
		back, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse refuses what Marshal wrote: %v\n%s", err, out)
		}
		if r.Proactive.Fees == "" {
			r.Proactive.Fees = "0"
		}
		r.Format = r.NeededFormat()
		if !reflect.DeepEqual(back, r) {
			t.Fatalf("round trip changed the report:\n%+v\n%+v", r, back)
		}
	})
}

package report

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// v2Example is the 2024 report of 平潭综合实验区财政金融局 with the three
// paragraphs of part 二 that version 1 had no place for (see testdata/README.md).
const v2Example = "testdata/pingtan-czjrj-2024-v2.nianbao.json"

func TestV2ExampleRoundTrip(t *testing.T) {
	data := readExample(t, v2Example)
	r, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if r.Format != FormatV2 {
		t.Errorf("format read as %q", r.Format)
	}
	before := Paragraphs(r.ProactiveText.Before)
	after := Paragraphs(r.ProactiveText.After)
	if len(before) != 2 || before[0] != "(一)主动公开政府信息的数量" || len(after) != 7 ||
		after[0] != "(二)主动公开政府信息的主要类别" || after[6] != "在区财政金融局楼层大厅电子屏幕，对财政信息进行集中公开，及时公开与公众生活密切相关的财政数据和各类公告。" {
		t.Errorf("part 二's text read as %q / %q", before, after)
	}
	if !r.ApplicationsText.IsEmpty() || !r.ReviewLitigationText.IsEmpty() || r.Combined != nil {
		t.Errorf("read more than the file has: %+v %+v %+v", r.ApplicationsText, r.ReviewLitigationText, r.Combined)
	}
	out, err := Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, data) {
		t.Errorf("Marshal(Parse(example)) differs:\n%s", firstDiff(out, data))
	}
	back, err := Parse(out)
	if err != nil || !reflect.DeepEqual(back, r) {
		t.Errorf("round trip: %v\n got %+v\nwant %+v", err, back, r)
	}

	// Without the text, the same report is written as version 1, exactly as
	// the shared example of version 1 is.
	r.ProactiveText = TableText{}
	v1, err := Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if want := readExample(t, "testdata/pingtan-czjrj-2024.nianbao.json"); !bytes.Equal(v1, want) {
		t.Errorf("without its text the report is not written as the version 1 example:\n%s", firstDiff(v1, want))
	}
}

func TestCombinedRoundTrip(t *testing.T) {
	r := New("平潭综合实验区党工委管委会", 2024)
	r.Combined = &Combination{Units: []string{"平潭综合实验区财政金融局", "平潭综合实验区交通与建设局", "城关镇人民政府"}}
	r.Applications[RowNew] = AppRow{MaxCombinedFigure, 0, 0, 0, 0, 0, MaxCombinedFigure}
	r.Proactive.Licensing = 10_000_000
	r.Proactive.Fees = "999999999999.999999"
	r.ReviewLitigationText.After = "**本年度**无行政复议。\n\n第二段。"
	out := marshalHolding(t, r,
		"{\n  \"format\": \"nianbao/2\",\n",
		"  \"agency_type\": \"\",\n  \"combined\": {\n    \"units\": [\n      \"平潭综合实验区财政金融局\",\n      \"平潭综合实验区交通与建设局\",\n      \"城关镇人民政府\"\n    ]\n  },\n  \"title\": \"\",\n",
		"  \"proactive_text\": {\n    \"before\": \"\",\n    \"after\": \"\"\n  },\n  \"applications\": {\n",
		"  },\n  \"review_litigation_text\": {\n    \"before\": \"\",\n    \"after\": \"**本年度**无行政复议。\\n\\n第二段。\"\n  },\n  \"problems\": [],\n",
		"\"new\": [999999999999,0,0,0,0,0,999999999999],",
	)
	back, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	r.Format = FormatV2
	if !reflect.DeepEqual(back, r) {
		t.Errorf("read back %+v\nwant %+v", back, r)
	}
	c := back.Clone()
	c.Combined.Units[0] = "改"
	if back.Combined.Units[0] == "改" {
		t.Error("Clone shares the units")
	}

	// The same figures in a unit's report are refused.
	unit := r.Clone()
	unit.Combined = nil
	for _, change := range []struct {
		path string
		set  func(*Report)
	}{
		{"proactive.licensing", func(u *Report) {}},
		{"proactive.fees", func(u *Report) { u.Proactive.Licensing = 0 }},
	} {
		change.set(unit)
		var fe *FileError
		if _, err := Marshal(unit); !errors.As(err, &fe) || fe.Path != change.path {
			t.Errorf("unit report: error %v, want one at %s", err, change.path)
		}
	}
}

func TestParseV2(t *testing.T) {
	v2 := func(extra string) string { return `{"format":"nianbao/2","agency":"某局","year":2023` + extra + "}" }
	accepted := []struct {
		name  string
		input string
		check func(r *Report) bool
	}{
		{"version 2 with nothing of it reads as version 1", v2(`,"proactive_text":{}`), func(r *Report) bool {
			return r.Format == FormatID && r.ProactiveText == TableText{}
		}},
		{"text around each table", v2(`,"applications_text":{"before":"a"},"review_litigation_text":{"after":"b\n\nc"},"proactive_text":{"before":"","after":"d"}`),
			func(r *Report) bool {
				return r.Format == FormatV2 && r.ApplicationsText == TableText{Before: "a"} &&
					r.ReviewLitigationText == TableText{After: "b\n\nc"} && r.ProactiveText == TableText{After: "d"}
			}},
		{"combined, keys in any order", `{"combined":{"units":["甲","乙"]},"proactive":{"fees":"123456789012.5","penalty":999999999999},"year":2023,"agency":"某市","format":"nianbao/2"}`,
			func(r *Report) bool {
				return r.Format == FormatV2 && reflect.DeepEqual(r.Combined, &Combination{Units: []string{"甲", "乙"}}) &&
					r.Proactive.Penalty == MaxCombinedFigure && r.Proactive.Fees == "123456789012.5"
			}},
	}
	for _, tt := range accepted {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse([]byte(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(r) {
				t.Errorf("read %+v", r)
			}
		})
	}

	refused := []struct {
		name, input, path string
		words             []string
	}{
		{"text key in version 1", doc(`,"proactive_text":{"before":"a"}`), "proactive_text", []string{"二、主动公开政府信息情况表格前后的文字是“nianbao/2”格式的字段", "format 为“nianbao/1”"}},
		{"empty text key in version 1", doc(`,"review_litigation_text":{}`), "review_litigation_text", []string{"nianbao/2"}},
		{"combined in version 1", doc(`,"combined":{"units":["甲"]}`), "combined", []string{"汇总的年报所汇总的单位是“nianbao/2”", "请把 format 改为“nianbao/2”"}},
		{"unknown text key", v2(`,"proactive_text":{"befor":"a"}`), "proactive_text.befor", []string{"二、主动公开政府信息情况表格前后的文字：未知的字段", "是否应为“before”"}},
		{"unknown top key near a v2 key", v2(`,"application_text":{}`), "application_text", []string{"未知的字段", "是否应为“applications_text”"}},
		{"text not an object", v2(`,"applications_text":"a"`), "applications_text", []string{"三、收到和处理政府信息公开申请情况表格前后的文字：应为含 before 和 after 的对象，实为字符串“a”"}},
		{"before not a string", v2(`,"applications_text":{"before":1}`), "applications_text.before", []string{"三、收到和处理政府信息公开申请情况表格前的文字：应为字符串，实为 1"}},
		{"control character in text", v2(`,"proactive_text":{"after":"a\u001bb"}`), "proactive_text.after", []string{"二、主动公开政府信息情况表格后的文字：", "U+001B"}},
		{"duplicate text key", v2(`,"proactive_text":{"after":"a","after":"b"}`), "proactive_text.after", []string{"字段重复"}},
		{"combined not an object", v2(`,"combined":true`), "combined", []string{"应为含 units 的对象，实为 true"}},
		{"unknown combined key", v2(`,"combined":{"unit":["甲"]}`), "combined.unit", []string{"未知的字段", "是否应为“units”"}},
		{"units not an array", v2(`,"combined":{"units":"甲"}`), "combined.units", []string{"应为由所汇总单位的名称（字符串）组成的数组"}},
		{"no units", v2(`,"combined":{"units":[]}`), "combined.units", []string{"至少一个"}},
		{"units missing", v2(`,"combined":{}`), "combined.units", []string{"至少一个"}},
		{"unit not a string", v2(`,"combined":{"units":["甲",2]}`), "combined.units[1]", []string{"汇总的年报所汇总的单位：应为字符串，实为 2"}},
		{"blank unit", v2(`,"combined":{"units":["甲"," "]}`), "combined.units[1]", []string{"所汇总的第 2 个单位：单位名称不能为空"}},
		{"unit with a line break", v2(`,"combined":{"units":["甲\n乙"]}`), "combined.units[0]", []string{"所汇总的第 1 个单位：", "换行符"}},
		{"combined figure too large", v2(`,"combined":{"units":["甲"]},"applications":{"new":` + row(7, "1000000000000") + `}`),
			"applications.new[3]", []string{"应为 0 至 999999999999 的整数（汇总的年报），实为 1000000000000"}},
		{"combined fee too long", v2(`,"combined":{"units":["甲"]},"proactive":{"fees":"1234567890123"}`), "proactive.fees",
			[]string{"最多 12 位整数", "实为“1234567890123”"}},
		{"unit report's limit kept in version 2", v2(`,"proactive_text":{"before":"a"},"proactive":{"licensing":10000000}`),
			"proactive.licensing", []string{"应为 0 至 9999999 的整数，实为 10000000"}},
		{"unit report's fee kept", v2(`,"proactive":{"fees":"12345678"}`), "proactive.fees", []string{"最多 7 位整数"}},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse([]byte(tt.input))
			if err == nil {
				t.Fatalf("Parse accepted the file: %+v", r)
			}
			var fe *FileError
			if !errors.As(err, &fe) || fe.Path != tt.path {
				t.Fatalf("error %q: want a *FileError at %q", err, tt.path)
			}
			for _, w := range tt.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestNeededFormat(t *testing.T) {
	r := New("某局", 2023)
	if r.NeededFormat() != FormatID {
		t.Error("a new report needs version 2")
	}
	for part := range PartHeadings {
		tt := r.Clone()
		if text := tt.TableText(part); text != nil {
			text.After = "一段"
			if tt.NeededFormat() != FormatV2 {
				t.Errorf("part %d: text does not need version 2", part)
			}
			text.After, text.Before = "", "　\n"
			if tt.NeededFormat() != FormatV2 {
				t.Errorf("part %d: blank text is not kept", part)
			}
		} else if part >= 1 && part <= 3 {
			t.Errorf("part %d has no text around its table", part)
		}
	}
	r.Combined = &Combination{Units: []string{"甲"}}
	if r.NeededFormat() != FormatV2 || r.MaxFigureOf() != MaxCombinedFigure {
		t.Error("a combined report is not version 2 with the wider limit")
	}
}

package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// The examples the program ships, read from the assets directory of this module
// (not through package assets, which would embed the fonts in the test binary).
var exampleFiles = []string{
	"../../assets/examples/zhongwei-minzhengju-2023.nianbao.json",
	"../../assets/examples/fictional-busy-2024.nianbao.json",
}

func readExample(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestExamplesRoundTrip(t *testing.T) {
	for _, name := range exampleFiles {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data := readExample(t, name)
			r, err := Parse(data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if r.Format != FormatID || r.Agency == "" || r.Year == 0 || len(r.Overview) == 0 {
				t.Fatalf("example read incompletely: %+v", r)
			}
			out, err := Marshal(r)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			if !bytes.Equal(out, data) {
				t.Errorf("Marshal(Parse(example)) differs from the example:\n%s", firstDiff(out, data))
			}
			r2, err := Parse(out)
			if err != nil {
				t.Fatalf("Parse(Marshal): %v", err)
			}
			if !reflect.DeepEqual(r, r2) {
				t.Errorf("report changed on a round trip:\n got %+v\nwant %+v", r2, r)
			}
		})
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got " + gl + "\nwant " + wl
		}
	}
	return "(no line differs)"
}

func TestExampleFigures(t *testing.T) {
	r, err := Parse(readExample(t, exampleFiles[1]))
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"agency_type", r.AgencyType, AgencyGovernment},
		{"rules", r.Proactive.Rules, DocCounts{2, 1, 38}},
		{"normative_documents.in_force", r.Proactive.NormativeDocuments.InForce, 185},
		{"licensing", r.Proactive.Licensing, 48231},
		{"fees", r.Proactive.Fees, "12873.504216"},
		{"new", r.Applications[RowNew], AppRow{2871, 64, 3, 12, 58, 9, 3017}},
		{"carried_forward", r.Applications[RowCarriedForward], AppRow{88, 3, 0, 1, 4, 0, 96}},
		{"litigation_after_review", r.ReviewLitigation[GroupLitigationAfterReview], CaseRow{3, 0, 1, 1, 5}},
		{"overview[1].heading", r.Overview[1].Heading, "（一）主动公开"},
		{"other_matters", len(r.OtherMatters), 2},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

// minimal is the smallest valid file; bad files are built from it.
const minimal = `{"format":"nianbao/1","agency":"某局","year":2023`

func doc(extra string) string { return minimal + extra + "}" }

func row(n int, s string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = "0"
	}
	if s != "" {
		parts[3] = s
	}
	return "[" + strings.Join(parts, ",") + "]"
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name  string
		input string
		path  string   // the FileError's Path
		words []string // each must be in the error text
	}{
		// unknown keys, at every level
		{"unknown top key", doc(`,"foo":1`), "foo", []string{"foo：未知的字段"}},
		{"unknown section key", doc(`,"overview":[{"heading":"","body":""},{},{"heding":"x"}]`), "overview[2].heding",
			[]string{"overview[2].heding：未知的字段", "是否应为“heading”"}},
		{"unknown proactive key", doc(`,"proactive":{"penality":1}`), "proactive.penality", []string{"未知的字段", "是否应为“penalty”"}},
		{"unknown rules key", doc(`,"proactive":{"rules":{"issue":1}}`), "proactive.rules.issue", []string{"未知的字段"}},
		{"unknown application row", doc(`,"applications":{"news":` + row(7, "") + `}`), "applications.news", []string{"未知的字段"}},
		{"unknown review key", doc(`,"review_litigation":{"reviews":` + row(5, "") + `}`), "review_litigation.reviews", []string{"未知的字段"}},
		{"odd key quoted", doc(`,"a.b":1`), `["a.b"]`, []string{`["a.b"]：未知的字段`}},
		// wrong types
		{"agency number", `{"format":"nianbao/1","agency":5,"year":2023}`, "agency", []string{"应为字符串，实为 5"}},
		{"title null", doc(`,"title":null`), "title", []string{"应为字符串，实为 null"}},
		{"year string", `{"format":"nianbao/1","agency":"某局","year":"2023"}`, "year", []string{"应为 2008 至 2100 的整数，实为字符串“2023”"}},
		{"overview object", doc(`,"overview":{}`), "overview", []string{"应为", "数组", "实为对象"}},
		{"section string", doc(`,"overview":["x"]`), "overview[0]", []string{"应为含 heading 和 body 的对象，实为字符串“x”"}},
		{"body array", doc(`,"problems":[{"body":[1,2]}]`), "problems[0].body", []string{"应为字符串，实为含 2 项的数组"}},
		{"proactive array", doc(`,"proactive":[]`), "proactive", []string{"应为对象，实为空数组"}},
		{"rules number", doc(`,"proactive":{"rules":3}`), "proactive.rules", []string{"实为 3"}},
		{"row object", doc(`,"applications":{"new":{}}`), "applications.new", []string{"应为 7 个整数组成的数组，实为对象"}},
		{"figure string", doc(`,"applications":{"new":` + row(7, `"5"`) + `}`), "applications.new[3]", []string{"应为 0 至 9999999 的整数，实为字符串“5”"}},
		{"figure bool", doc(`,"proactive":{"penalty":true}`), "proactive.penalty", []string{"实为 true"}},
		// numbers
		{"negative figure", doc(`,"applications":{"new":` + row(7, "-1") + `}`), "applications.new[3]",
			[]string{"applications.new[3]：应为 0 至 9999999 的整数，实为 -1"}},
		{"figure too large", doc(`,"applications":{"total":` + row(7, "10000000") + `}`), "applications.total[3]", []string{"实为 10000000"}},
		{"fraction", doc(`,"applications":{"new":` + row(7, "1.5") + `}`), "applications.new[3]", []string{"整数，实为 1.5"}},
		{"exponent", doc(`,"review_litigation":{"review":` + row(5, "1e3") + `}`), "review_litigation.review[3]", []string{"整数，实为 1e3"}},
		{"whole float", doc(`,"proactive":{"licensing":1.0}`), "proactive.licensing", []string{"实为 1.0"}},
		{"huge literal", doc(`,"proactive":{"coercion":123456789012345678901234567890}`), "proactive.coercion", []string{"实为 123456789012345678901234567890"}},
		{"doc counts negative", doc(`,"proactive":{"normative_documents":{"in_force":-3}}`), "proactive.normative_documents.in_force", []string{"实为 -3"}},
		// fees
		{"fees comma", doc(`,"proactive":{"fees":"1,000"}`), "proactive.fees", []string{"金额字符串", "实为“1,000”"}},
		{"fees number", doc(`,"proactive":{"fees":0}`), "proactive.fees", []string{"金额字符串", "实为 0"}},
		{"fees 7 places", doc(`,"proactive":{"fees":"1.1234567"}`), "proactive.fees", []string{"实为“1.1234567”"}},
		{"fees 8 digits", doc(`,"proactive":{"fees":"12345678"}`), "proactive.fees", []string{"实为“12345678”"}},
		{"fees no integer part", doc(`,"proactive":{"fees":".5"}`), "proactive.fees", []string{"实为“.5”"}},
		{"fees negative", doc(`,"proactive":{"fees":"-1"}`), "proactive.fees", []string{"实为“-1”"}},
		{"fees trailing dot", doc(`,"proactive":{"fees":"1."}`), "proactive.fees", []string{"实为“1.”"}},
		// rows of the wrong length
		{"short application row", doc(`,"applications":{"new":[0,0,0,0,0,0]}`), "applications.new",
			[]string{"applications.new：应为 7 个整数组成的数组，实为 6 个"}},
		{"long case row", doc(`,"review_litigation":{"litigation_direct":` + row(7, "") + `}`), "review_litigation.litigation_direct",
			[]string{"应为 5 个整数组成的数组，实为 7 个"}},
		// required fields and their values
		{"missing format", `{"agency":"某局","year":2023}`, "format", []string{"format：缺少必填字段"}},
		{"missing agency", `{"format":"nianbao/1","year":2023}`, "agency", []string{"agency：缺少必填字段"}},
		{"missing year", `{"format":"nianbao/1","agency":"某局"}`, "year", []string{"year：缺少必填字段"}},
		{"empty agency", `{"format":"nianbao/1","agency":"","year":2023}`, "agency", []string{"不能为空"}},
		{"blank agency", `{"format":"nianbao/1","agency":" 　","year":2023}`, "agency", []string{"不能为空"}},
		{"year too early", `{"format":"nianbao/1","agency":"某局","year":2007}`, "year", []string{"应为 2008 至 2100 的整数，实为 2007"}},
		{"year too late", `{"format":"nianbao/1","agency":"某局","year":2101}`, "year", []string{"实为 2101"}},
		{"year fraction", `{"format":"nianbao/1","agency":"某局","year":2023.5}`, "year", []string{"实为 2023.5"}},
		{"other format", `{"format":"nianbao/3","agency":"某局","year":2023}`, "format", []string{"应为“nianbao/1”或“nianbao/2”，实为“nianbao/3”"}},
		{"empty format", `{"format":"","agency":"某局","year":2023}`, "format", []string{"应为“nianbao/1”或“nianbao/2”，实为“”"}},
		{"agency type", doc(`,"agency_type":"city"`), "agency_type", []string{"government", "department", "实为“city”"}},
		// duplicates and syntax
		{"duplicate top key", doc(`,"year":2024`), "year", []string{"year：", "字段重复"}},
		{"duplicate nested key", doc(`,"overview":[{"body":"a","body":"b"}]`), "overview[0].body", []string{"字段重复", "第 1 行"}},
		{"trailing data", doc("") + ` {}`, "", []string{"应为文件结尾，实为“{”"}},
		{"trailing garbage", doc("") + "\nx", "", []string{"第 2 行第 1 列", "实为“x”"}},
		{"trailing comma", doc(`,"title":"",`), "", []string{"应为带双引号的字段名，实为“}”"}},
		{"trailing comma in row", doc(`,"applications":{"new":[0,0,0,0,0,0,0,]}`), "applications.new[7]", []string{"应为一个值"}},
		{"missing colon", doc(`,"title" ""`), "title", []string{"应为“:”"}},
		{"missing comma", doc(` "title":""`), "", []string{"应为“,”或“}”"}},
		{"unterminated string", minimal + `,"title":"abc`, "title", []string{"字符串没有结束"}},
		{"unterminated object", minimal, "", []string{"应为“,”或“}”，实为文件结尾"}},
		{"raw newline in string", doc(`,"title":"a` + "\n" + `b"`), "title", []string{"控制字符 U+000A", `\n`}},
		{"bad escape", doc(`,"title":"a\x"`), "title", []string{`无效的转义“\x”`}},
		{"short unicode escape", doc(`,"title":"\u12"`), "title", []string{"4 位十六进制"}},
		{"lone surrogate", doc(`,"title":"\ud800x"`), "title", []string{"不成对的代理项"}},
		{"lone low surrogate", doc(`,"title":"\udc00"`), "title", []string{"不成对的代理项"}},
		{"leading zero", doc(`,"proactive":{"penalty":012}`), "proactive.penalty", []string{"不能以 0 开头"}},
		{"bare minus", doc(`,"proactive":{"penalty":-}`), "proactive.penalty", []string{"“-”后应为数字"}},
		{"single quotes", `{'format':1}`, "", []string{"带双引号的字段名，实为“'”"}},
		{"bad literal", doc(`,"title":nul`), "title", []string{"应为一个值"}},
		{"not an object", `["nianbao/1"]`, "", []string{"应为一个 JSON 对象，实为含 1 项的数组"}},
		{"empty file", " \n", "", []string{"文件是空的"}},
		{"comment", "// 年报\n" + doc(""), "", []string{"第 1 行第 1 列", "应为一个值"}},
		// whole-file limits
		{"invalid utf-8", doc(`,"title":"` + "\xff\xfe" + `"`), "", []string{"不是有效的 UTF-8", "第 1 行"}},
		{"gbk text", "{\"agency\":\"\xd6\xd0\xce\xc0\"}", "", []string{"UTF-8", "第 1 行第 12 列"}},
		{"too deep", minimal + `,"x":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "}", "x" + strings.Repeat("[0]", 31),
			[]string{"嵌套超过 32 层"}},
		{"too large", doc("") + strings.Repeat(" ", MaxFileSize), "", []string{"超过 10 MB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse([]byte(tt.input))
			if err == nil {
				t.Fatalf("Parse accepted the file: %+v", r)
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %q (%T) is not a *FileError", err, err)
			}
			if fe.Path != tt.path {
				t.Errorf("path %q, want %q (error %q)", fe.Path, tt.path, err)
			}
			msg := err.Error()
			if tt.path != "" && !strings.HasPrefix(msg, tt.path+"：") {
				t.Errorf("error %q does not begin with its path", msg)
			}
			for _, w := range tt.words {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
		})
	}
}

func TestParseDefaults(t *testing.T) {
	tests := []struct {
		name  string
		input string
		check func(r *Report) bool
	}{
		{"missing optional keys", doc(""), func(r *Report) bool {
			want := New("某局", 2023)
			return reflect.DeepEqual(r, want)
		}},
		{"empty fees", doc(`,"proactive":{"fees":""}`), func(r *Report) bool { return r.Proactive.Fees == "0" }},
		{"fees kept as written", doc(`,"proactive":{"fees":"0012.500000"}`), func(r *Report) bool { return r.Proactive.Fees == "0012.500000" }},
		{"partial rows", doc(`,"applications":{"total":[1,2,3,4,5,6,9999999]}`), func(r *Report) bool {
			return r.Applications[RowTotal] == AppRow{1, 2, 3, 4, 5, 6, 9999999} && r.Applications[RowNew] == AppRow{}
		}},
		{"empty sections", doc(`,"overview":[],"problems":[{}]`), func(r *Report) bool {
			return r.Overview == nil && len(r.Problems) == 1 && r.Problems[0] == Section{}
		}},
		{"byte order mark", "\uFEFF" + doc(""), func(r *Report) bool { return r.Agency == "某局" }},
		{"escapes", doc(`,"preamble":"\"\\\/\n\r\t\u4e2d\ud83d\ude00"`), func(r *Report) bool {
			return r.Preamble == "\"\\/\n\r\t中😀"
		}},
		{"extreme years and figures", `{"format":"nianbao/1","agency":"某局","year":2100,"proactive":{"licensing":9999999,"penalty":-0}}`,
			func(r *Report) bool {
				return r.Year == 2100 && r.Proactive.Licensing == 9999999 && r.Proactive.Penalty == 0
			}},
		{"whitespace everywhere", " \t\r\n{ \"format\" : \"nianbao/1\" ,\n\"agency\":\"某局\",\"year\":\r\n2008 } \n\n", func(r *Report) bool {
			return r.Year == 2008
		}},
		{"max depth in use", doc(`,"overview":[{"heading":"a","body":"b"}]`), func(r *Report) bool {
			return r.Overview[0] == Section{"a", "b"}
		}},
	}
	for _, tt := range tests {
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
}

func TestMarshalRefuses(t *testing.T) {
	example, err := Parse(readExample(t, exampleFiles[0]))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(r *Report)
		path   string
		words  []string
	}{
		{"empty agency", func(r *Report) { r.Agency = "" }, "agency", []string{"不能为空"}},
		{"year zero", func(r *Report) { r.Year = 0 }, "year", []string{"应为 2008 至 2100 的整数，实为 0"}},
		{"other format", func(r *Report) { r.Format = "nianbao/0" }, "format", []string{"实为“nianbao/0”"}},
		{"agency type", func(r *Report) { r.AgencyType = "Government" }, "agency_type", []string{"实为“Government”"}},
		{"negative total", func(r *Report) { r.Applications[RowTotal][ColResearch] = -1 }, "applications.total[2]",
			[]string{"应为 0 至 9999999 的整数，实为 -1"}},
		{"huge case", func(r *Report) { r.ReviewLitigation[GroupLitigationDirect][CaseTotal] = 10_000_000 }, "review_litigation.litigation_direct[4]",
			[]string{"实为 10000000"}},
		{"negative in force", func(r *Report) { r.Proactive.NormativeDocuments.InForce = -2 }, "proactive.normative_documents.in_force", []string{"实为 -2"}},
		{"fees", func(r *Report) { r.Proactive.Fees = "12.5万" }, "proactive.fees", []string{"实为“12.5万”"}},
		{"invalid utf-8", func(r *Report) { r.Overview[1].Body = "a\xffb" }, "overview[1].body", []string{"无效的 UTF-8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := example.Clone()
			tt.change(r)
			out, err := Marshal(r)
			if err == nil {
				t.Fatalf("Marshal wrote %d bytes", len(out))
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
	if _, err := Marshal(nil); err == nil {
		t.Error("Marshal(nil) succeeded")
	}
}

// marshalHolding is r as Marshal writes it, which must hold each of wants.
func marshalHolding(t *testing.T, r *Report, wants ...string) []byte {
	t.Helper()
	out, err := Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range wants {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	return out
}

func TestMarshalForm(t *testing.T) {
	r := New("某局", 2023)
	r.Format = "" // a report made in memory
	r.Proactive.Fees = ""
	r.Preamble = `引号" 反斜杠\ 控制` + "\t\r\n" + "<&> \u2028 中文"
	r.Applications[RowNew] = AppRow{1, 2, 3, 4, 5, 6, 21}
	out := marshalHolding(t, r,
		"{\n  \"format\": \"nianbao/1\",\n  \"agency\": \"某局\",\n  \"year\": 2023,\n",
		`  "preamble": "引号\" 反斜杠\\ 控制\t\r\n<&> `+"\u2028"+` 中文",`,
		"\n  \"overview\": [],\n",
		"\n    \"new\": [1,2,3,4,5,6,21],\n",
		"\n    \"carried_forward\": [0,0,0,0,0,0,0]\n  },\n",
		"\n    \"review\": [0,0,0,0,0],\n",
		"\n      \"in_force\": 0\n    },\n",
		"\n    \"fees\": \"0\"\n  },\n",
		"\n  \"problems\": [],\n  \"other_matters\": [],\n  \"closing\": \"\"\n}\n",
	)
	back, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	r.Format, r.Proactive.Fees = FormatID, "0"
	if !reflect.DeepEqual(back, r) {
		t.Errorf("read back %+v\nwant %+v", back, r)
	}
	if !json.Valid(out) {
		t.Error("output is not valid JSON")
	}
}

func TestReadWriteFile(t *testing.T) {
	dir := t.TempDir()
	r, err := Parse(readExample(t, exampleFiles[1]))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "年报.nianbao.json")
	if err := WriteFile(path, r); err != nil {
		t.Fatal(err)
	}
	got, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, r) {
		t.Error("report changed through WriteFile and ReadFile")
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(data, readExample(t, exampleFiles[1])) {
		t.Error("WriteFile did not write the canonical form")
	}

	// A report Marshal refuses leaves the existing file as it was.
	bad := r.Clone()
	bad.Year = 1999
	if err := WriteFile(path, bad); err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "year：") {
		t.Errorf("WriteFile of a bad report: %v", err)
	}
	if got, err := ReadFile(path); err != nil || got.Year != r.Year {
		t.Errorf("existing file damaged: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the report (no temporary files)", len(entries))
	}

	// Errors name the file, and content errors keep their *FileError.
	badPath := filepath.Join(dir, "坏.nianbao.json")
	if err := os.WriteFile(badPath, []byte(doc(`,"applications":{"new":`+row(7, "-1")+`}`)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = ReadFile(badPath)
	var fe *FileError
	if err == nil || !strings.HasPrefix(err.Error(), badPath+"：applications.new[3]：") || !errors.As(err, &fe) {
		t.Errorf("ReadFile of a bad file: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "无.json")); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("ReadFile of a missing file: %v", err)
	}
	if _, err := ReadFile(dir); err == nil || !strings.Contains(err.Error(), "文件夹") {
		t.Errorf("ReadFile of a directory: %v", err)
	}
	if err := WriteFile(filepath.Join(dir, "无", "a.json"), r); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("WriteFile into a missing directory: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range exampleFiles {
		data := readExample(f, name)
		f.Add(data)
		f.Add(data[:len(data)/2])
		f.Add(bytes.Replace(data, []byte(`"new": [`), []byte(`"new": [-`), 1))
		f.Add(bytes.Replace(data, []byte(`"body"`), []byte(`"bdoy"`), 1))
	}
	v2 := readExample(f, v2Example)
	f.Add(v2)
	f.Add(bytes.Replace(v2, []byte(`"nianbao/2"`), []byte(`"nianbao/1"`), 1))
	f.Add(bytes.Replace(v2, []byte(`"agency_type": "department",`), []byte(`"agency_type": "department", "combined": {"units": ["甲", "乙"]},`), 1))
	for _, s := range []string{
		doc(""), doc(`,"proactive":{"fees":"1.5","rules":{"issued":1}}`), doc(`,"title":"\ud83d\ude00\u0000"`),
		doc(`,"year":2024`), `[`, `{"a":[[[[[[`, "\uFEFF{}", `{"format":"nianbao/1","agency":"x","year":2023e0}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse(data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.Msg == "" {
				t.Fatalf("error %q (%T) is not a *FileError with a message", err, err)
			}
			return
		}
		// Whatever we accept is JSON that encoding/json reads the same way.
		body := bytes.TrimPrefix(data, []byte("\uFEFF"))
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			t.Fatalf("accepted a file encoding/json refuses: %v", err)
		}
		if m["agency"] != r.Agency {
			t.Fatalf("agency read as %q, encoding/json reads %q", r.Agency, m["agency"])
		}
		if title, ok := m["title"]; ok && title != r.Title {
			t.Fatalf("title read as %q, encoding/json reads %q", r.Title, title)
		}
		out, err := Marshal(r)
		if err != nil {
			t.Fatalf("Marshal refuses what Parse accepted: %v", err)
		}
		r2, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse refuses what Marshal wrote: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(r, r2) {
			t.Fatalf("round trip changed the report:\n%+v\n%+v", r, r2)
		}
		if out2, _ := Marshal(r2); !bytes.Equal(out, out2) {
			t.Fatalf("canonical form not stable")
		}
	})
}

func BenchmarkParse(b *testing.B) {
	data := readExample(b, exampleFiles[0])
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshal(b *testing.B) {
	r, err := Parse(readExample(b, exampleFiles[0]))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Marshal(r); err != nil {
			b.Fatal(err)
		}
	}
}

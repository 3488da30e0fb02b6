package report

import (
	"reflect"
	"testing"
)

func TestInferAgencyType(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"中卫市人民政府", AgencyGovernment},
		{"淮安市洪泽区人民政府", AgencyGovernment},
		{" 平潭综合实验区管理委员会 ", AgencyDepartment},
		{"中卫市民政局", AgencyDepartment},
		{"沙坡头区滨河镇人民政府", AgencyTownship},
		{"迎水桥镇", AgencyTownship},
		{"东园乡", AgencyTownship},
		{"东园乡人民政府", AgencyTownship},
		{"鼓楼街道办事处", AgencyTownship},
		{"人民政府办公室", AgencyDepartment},
		{"", AgencyDepartment},
	} {
		if got := InferAgencyType(tc.name); got != tc.want {
			t.Errorf("InferAgencyType(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestEffectiveAgencyTypePrefersStated(t *testing.T) {
	r := New("中卫市人民政府", 2023)
	if got := r.EffectiveAgencyType(); got != AgencyGovernment {
		t.Errorf("inferred %q", got)
	}
	r.AgencyType = AgencyDepartment
	if got := r.EffectiveAgencyType(); got != AgencyDepartment {
		t.Errorf("stated type ignored: %q", got)
	}
}

func TestCloneIsDeepAndKeepsEmptySlices(t *testing.T) {
	r := New("中卫市民政局", 2023)
	r.Overview = []Section{{Heading: "（一）", Body: "正文"}}
	r.Problems = []Section{}
	r.Applications[RowNew][ColNaturalPerson] = 5
	c := r.Clone()
	if !reflect.DeepEqual(c, r) {
		t.Fatalf("clone differs:\n%+v\n%+v", c, r)
	}
	if c.Problems == nil || c.OtherMatters != nil {
		t.Errorf("Problems nil=%v (want empty, not nil), OtherMatters nil=%v (want nil)", c.Problems == nil, c.OtherMatters == nil)
	}
	c.Overview[0].Body = "改了"
	c.Applications[RowNew][ColNaturalPerson] = 6
	if r.Overview[0].Body != "正文" || r.Applications[RowNew][ColNaturalPerson] != 5 {
		t.Error("changing the clone changed the original")
	}
}

func TestParagraphs(t *testing.T) {
	for _, tc := range []struct {
		body string
		want []string
	}{
		{"", nil},
		{"  \n\n \t", nil},
		{"一段。", []string{"一段。"}},
		{"第一段。\n\n第二段。", []string{"第一段。", "第二段。"}},
		{"第一段\r\n接着写。\r\n\r\n第二段。", []string{"第一段接着写。", "第二段。"}},
		{"  前后空白  \n\n\n\n  多个空行  ", []string{"前后空白", "多个空行"}},
		{"**一是**加强领导。\n  继续。", []string{"**一是**加强领导。继续。"}},
	} {
		if got := Paragraphs(tc.body); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Paragraphs(%q) = %q, want %q", tc.body, got, tc.want)
		}
	}
}

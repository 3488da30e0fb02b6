package fonts

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/signintech/gopdf/fontmaker/core"

	"nianbao/assets"
)

func bundled(t *testing.T) *Set {
	t.Helper()
	s, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBundledRolesAndMetrics(t *testing.T) {
	s := bundled(t)
	wantRole := map[Role]string{
		RoleTitle: "NotoSerifSC-Bold", RoleBody: "NotoSerifSC-Regular", RoleBold: "NotoSerifSC-Bold",
		RoleHeading: "NotoSansSC-Regular", RoleSection: "ARPLKaitiMGB", RolePageNumber: "NotoSerifSC-Regular",
	}
	for r, want := range wantRole {
		if f, _ := s.Face(r); f.Name != want {
			t.Errorf("%s: %s, want %s", RoleNames[r], f.Name, want)
		}
	}
	for _, f := range s.Faces {
		// an ideograph is one em wide in every CJK face; a digit is narrower
		if w, ok := f.Advance('政'); !ok || w != 1 {
			t.Errorf("%s: advance of 政 = %v, %v; want 1 em", f.Name, w, ok)
		}
		if w, ok := f.Advance('7'); !ok || w <= 0.3 || w >= 1 {
			t.Errorf("%s: advance of 7 = %v, %v", f.Name, w, ok)
		}
		if f.Has('\U000F0001') {
			t.Errorf("%s claims a private-use character", f.Name)
		}
	}
	serif, _ := s.Face(RoleBody)
	if !serif.Has('𬭎') { // U+2CB4E, beyond the BMP: read from the format 12 map
		t.Error("Noto Serif SC lacks 𬭎")
	}
}

func TestParseRefusesWhatGopdfCannotEmbed(t *testing.T) {
	otf := append([]byte("OTTO"), make([]byte, 40)...)
	ttc := append([]byte("ttcf"), make([]byte, 40)...)
	noGlyf := append([]byte{0, 1, 0, 0}, make([]byte, 8)...) // no tables at all
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"collection", ttc, "TTC"},
		{"CFF outlines", otf, "CFF"},
		{"not a font", []byte("<html>not a font at all</html>"), "不是 TrueType"},
		{"too short", []byte{0, 1}, "太短"},
		{"no tables", noGlyf, "缺少字体表"},
		{"truncated", assets.ARPLKaitiMGB[:5000], "超出文件范围"},
	}
	for _, tt := range tests {
		_, err := Parse("x", "x", "", tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.want)
		}
	}
}

// A subset keeps the characters it was cut for, with their widths, drops the
// rest, and is read by gopdf's parser.
func TestSubset(t *testing.T) {
	s := bundled(t)
	for _, f := range s.Faces {
		t.Run(f.Name, func(t *testing.T) {
			keep := []rune("政府信息公开（一）2023年，“三安全一稳定”。")
			if f.Has('𬭎') {
				keep = append(keep, '𬭎')
			}
			data, err := f.Subset(keep)
			if err != nil {
				t.Fatal(err)
			}
			if len(data) > 200<<10 {
				t.Errorf("subset of %d characters is %d KB", len(keep), len(data)>>10)
			}
			sub, err := Parse(f.Name, "", "", data)
			if err != nil {
				t.Fatalf("subset does not parse: %v", err)
			}
			for _, r := range keep {
				w0, _ := f.Advance(r)
				w1, ok := sub.Advance(r)
				if !ok || w0 != w1 {
					t.Errorf("%q: width %v (ok %v) in the subset, %v in the font", r, w1, ok, w0)
				}
			}
			if sub.Has('民') {
				t.Error("the subset kept 民, which it was not cut for")
			}
			var p core.TTFParser
			if err := p.ParseFontData(data); err != nil {
				t.Fatalf("gopdf cannot read the subset: %v", err)
			}
			if n := int(binary.BigEndian.Uint16(data[4:])); n < 10 {
				t.Errorf("subset has %d tables", n)
			}
		})
	}
}

// Discover finds the official faces by file name, case-insensitively and in
// sub-folders, prefers the first folder, and skips files it cannot embed
// with a note saying why.
func TestDiscover(t *testing.T) {
	first, second := t.TempDir(), t.TempDir()
	write := func(dir, name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	kai := write(first, filepath.Join("chinese", "SimKai.TTF"), assets.ARPLKaitiMGB)
	write(second, "simkai.ttf", assets.NotoSansSCRegular) // shadowed by the first folder
	xbs := write(second, "FZXBSJW.TTF", assets.NotoSerifSCBold)
	fang := write(first, "simfang.ttf", append([]byte("ttcf"), make([]byte, 64)...))
	write(first, "simhei.ttc", []byte("ttcf")) // not a .ttf: not even looked at

	found := Discover([]string{first, second, filepath.Join(first, "does-not-exist")})
	if f := found.Faces[RoleSection]; f == nil || f.Path != kai || f.Label != "楷体（"+kai+"）" {
		t.Errorf("楷体: %+v, want %s", f, kai)
	}
	if f := found.Faces[RoleTitle]; f == nil || f.Path != xbs || !strings.HasPrefix(f.Label, "方正小标宋简体") {
		t.Errorf("标题: %+v, want %s", f, xbs)
	}
	if found.Faces[RoleBold] != found.Faces[RoleTitle] {
		t.Error("方正小标宋 should serve the bold runs too")
	}
	if found.Faces[RoleBody] != nil || found.Faces[RoleHeading] != nil {
		t.Errorf("found faces that are not there: %+v", found.Faces)
	}
	if len(found.Skipped) != 1 || !strings.Contains(found.Skipped[0], fang) || !strings.Contains(found.Skipped[0], "TTC") {
		t.Errorf("Skipped = %q, want a note on %s", found.Skipped, fang)
	}

	// the official faces take their roles; the bundled ones stay as fallbacks
	s := bundled(t).WithOfficial(found.Faces)
	if f, _ := s.Face(RoleSection); f.Path != kai {
		t.Errorf("楷体 role: %s", f.Name)
	}
	if f, _ := s.Face(RoleBody); f.Name != "NotoSerifSC-Regular" {
		t.Errorf("正文 role: %s, want the bundled face", f.Name)
	}
	if i, ok := s.Resolve(RoleSection, '䶮'); !ok || s.Faces[i].Path != "" {
		t.Errorf("䶮 in a 楷体 heading: face %d, ok %v; want a bundled face", i, ok)
	}
}

// TestBundledReadsOnlyWhatItNeeds (issue 23.7): reading the five bundled faces,
// which every pdf command does, copies only their advance widths and
// character maps, read from the program file (issue 19 point 13: the fonts'
// pages are not touched, see app/paper's TestPrintingMapsFewFontPages), and
// the widths agree with the table's own.
func TestBundledReadsOnlyWhatItNeeds(t *testing.T) {
	bundled(t) // once before: the first call may allocate for the runtime
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s := bundled(t)
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
		t.Errorf("Bundled allocated %d KB, want under 1 MB", got>>10)
	}
	for _, f := range s.Faces {
		g, ok := f.GlyphID('政')
		if !ok {
			t.Fatalf("%s has no 政", f.Name)
		}
		if got, want := f.advanceUnits(int(g)), binary.BigEndian.Uint16(f.hmtx[4*int(g):]); got != want {
			t.Errorf("%s: width of 政 %d, hmtx says %d", f.Name, got, want)
		}
		last := binary.BigEndian.Uint16(f.hmtx[4*(f.numMetrics-1):])
		if got := f.advanceUnits(f.numMetrics + 5); got != last {
			t.Errorf("%s: a glyph beyond the full metrics is %d wide, want the last metric's %d", f.Name, got, last)
		}
	}
}

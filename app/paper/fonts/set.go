package fonts

import (
	"fmt"

	"nianbao/assets"
)

// Role is what a face is used for on the page.
type Role int

// The roles, after GB/T 9704: 标题 小标宋, 正文 仿宋, 一级标题 黑体, 二级标题 楷体.
const (
	RoleTitle      Role = iota // 标题, 2号 bold Song (方正小标宋)
	RoleBody                   // 正文 and tables, 仿宋
	RoleBold                   // **…** runs in the body
	RoleHeading                // 一、… part headings, 黑体
	RoleSection                // （一）… section headings, 楷体
	RolePageNumber             // 页码, 4号 半角宋体
	NumRoles
)

// RoleNames name the roles in the font report (Result.FontsUsed).
var RoleNames = [NumRoles]string{"标题", "正文", "粗体", "一级标题", "二级标题", "页码"} // 正文 covers the tables too

// Set is the faces of one document: one face per role, and the order in which
// the faces are tried for a character the role's face lacks.
type Set struct {
	Faces    []*Face         // every face, each once; the layout refers to faces by index
	role     [NumRoles]int   // index into Faces
	fallback [NumRoles][]int // indexes into Faces, tried in order after the role's face
}

// Face returns the face of a role and its index in Faces.
func (s *Set) Face(r Role) (*Face, int) { return s.Faces[s.role[r]], s.role[r] }

// Resolve returns the index of the face that draws c in role r: the role's face
// when it has c, else the first fallback that has it. ok is false when no face
// has c; the index is then the role's face, which draws its .notdef box.
func (s *Set) Resolve(r Role, c rune) (face int, ok bool) {
	if s.Faces[s.role[r]].Has(c) {
		return s.role[r], true
	}
	for _, i := range s.fallback[r] {
		if s.Faces[i].Has(c) {
			return i, true
		}
	}
	return s.role[r], false
}

// bundled faces, in the order they are tried for a missing character.
const (
	bSerif = iota
	bSerifBold
	bSans
	bSansBold
	bKai
	numBundled
)

// Bundled parses the fonts the program carries. Parsing reads only table
// offsets and the advance widths (a few milliseconds); gopdf parses the file
// again when it embeds it.
func Bundled() (*Set, error) {
	src := [numBundled]struct {
		name, label string
		data        []byte
	}{
		bSerif:     {"NotoSerifSC-Regular", "思源宋体（程序自带）", assets.NotoSerifSCRegular},
		bSerifBold: {"NotoSerifSC-Bold", "思源宋体 粗体（程序自带）", assets.NotoSerifSCBold},
		bSans:      {"NotoSansSC-Regular", "思源黑体（程序自带）", assets.NotoSansSCRegular},
		bSansBold:  {"NotoSansSC-Bold", "思源黑体 粗体（程序自带）", assets.NotoSansSCBold},
		bKai:       {"ARPLKaitiMGB", "文鼎楷体（程序自带）", assets.ARPLKaitiMGB},
	}
	s := &Set{}
	for _, b := range src {
		f, err := ParseEmbedded(b.name, b.label, b.data, assets.Reader(b.data))
		if err != nil {
			return nil, fmt.Errorf("程序自带的字体 %s 无法读取：%w", b.name, err)
		}
		s.Faces = append(s.Faces, f)
	}
	s.role = [NumRoles]int{
		RoleTitle:      bSerifBold,
		RoleBody:       bSerif,
		RoleBold:       bSerifBold,
		RoleHeading:    bSans,
		RoleSection:    bKai,
		RolePageNumber: bSerif,
	}
	s.setFallbacks()
	return s, nil
}

// setFallbacks lets every role borrow from every other face: first the faces
// of the same weight (a bold run borrows a bold glyph first), then the rest.
func (s *Set) setFallbacks() {
	bold := []int{bSerifBold, bSansBold, bSerif, bSans, bKai}
	regular := []int{bSerif, bSans, bKai, bSerifBold, bSansBold}
	for r := Role(0); r < NumRoles; r++ {
		order := regular
		if r == RoleTitle || r == RoleBold {
			order = bold
		}
		s.fallback[r] = s.fallback[r][:0]
		for _, i := range order {
			if i != s.role[r] {
				s.fallback[r] = append(s.fallback[r], i)
			}
		}
	}
}

// WithOfficial returns a copy of the bundled set s in which the official faces
// found on the machine take their roles. Bundled faces stay as fallbacks.
func (s *Set) WithOfficial(found map[Role]*Face) *Set {
	c := &Set{Faces: append([]*Face(nil), s.Faces...), role: s.role}
	for r := Role(0); r < NumRoles; r++ {
		f := found[r]
		if f == nil {
			continue
		}
		idx := -1
		for i, g := range c.Faces {
			if g == f {
				idx = i
			}
		}
		if idx < 0 {
			c.Faces = append(c.Faces, f)
			idx = len(c.Faces) - 1
		}
		c.role[r] = idx
	}
	c.setFallbacks()
	return c
}

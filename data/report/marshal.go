package report

// Writing: the canonical form of a report file.

import (
	"bytes"
	"strconv"
)

// Same says whether a and b would be written as the same file (Marshal):
// what a save, an import and a restore leave alone. A report Marshal
// refuses is the same as nothing.
func Same(a, b *Report) bool {
	x, errA := Marshal(a)
	y, errB := Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(x, y)
}

// Marshal writes r in the canonical form of the file format: keys in the
// documented order, two-space indentation, each row of figures on one line,
// text as is (no \u escapes), a final newline. It refuses (with a *FileError)
// a report that Validate refuses. It writes the version the report needs
// (NeededFormat): a report with nothing of version 2 is written exactly as
// version 1 was, so that older versions of the program read it; a file of
// version 2 has all three texts around the tables, and "combined" only when
// the report is combined.
func Marshal(r *Report) ([]byte, error) {
	if err := Validate(r); err != nil {
		return nil, err
	}
	v2 := r.NeededFormat() == FormatV2
	w := &writer{}
	w.raw("{\n")
	w.key(1, "format").str(r.NeededFormat()).raw(",\n")
	w.key(1, "agency").str(r.Agency).raw(",\n")
	w.key(1, "year").int(r.Year).raw(",\n")
	w.key(1, "agency_type").str(r.AgencyType).raw(",\n")
	if r.Combined != nil {
		w.combination(r.Combined)
	}
	w.key(1, "title").str(r.Title).raw(",\n")
	w.key(1, "preamble").str(r.Preamble).raw(",\n")
	w.sections("overview", r.Overview)

	p := &r.Proactive
	w.key(1, "proactive").raw("{\n")
	w.docCounts("rules", p.Rules)
	w.docCounts("normative_documents", p.NormativeDocuments)
	w.key(2, "licensing").int(p.Licensing).raw(",\n")
	w.key(2, "penalty").int(p.Penalty).raw(",\n")
	w.key(2, "coercion").int(p.Coercion).raw(",\n")
	fees := p.Fees
	if fees == "" {
		fees = "0"
	}
	w.key(2, "fees").str(fees).raw("\n")
	w.raw("  },\n")
	if v2 {
		w.tableText(tableTextPaths[0], r.ProactiveText)
	}

	w.key(1, "applications").raw("{\n")
	for i, row := range r.Applications {
		w.key(2, AppRowKeys[i]).row(row[:]).raw(sep(i, AppRows))
	}
	w.raw("  },\n")
	if v2 {
		w.tableText(tableTextPaths[1], r.ApplicationsText)
	}
	w.key(1, "review_litigation").raw("{\n")
	for g, row := range r.ReviewLitigation {
		w.key(2, CaseGroupKeys[g]).row(row[:]).raw(sep(g, CaseGroups))
	}
	w.raw("  },\n")
	if v2 {
		w.tableText(tableTextPaths[2], r.ReviewLitigationText)
	}

	w.sections("problems", r.Problems)
	w.sections("other_matters", r.OtherMatters)
	w.key(1, "closing").str(r.Closing).raw("\n")
	w.raw("}\n")
	return w.b.Bytes(), nil
}

// sep ends item i of n: a comma but after the last.
func sep(i, n int) string {
	if i == n-1 {
		return "\n"
	}
	return ",\n"
}

type writer struct{ b bytes.Buffer }

func (w *writer) raw(s string) *writer { w.b.WriteString(s); return w }

func (w *writer) key(level int, k string) *writer {
	for range level {
		w.b.WriteString("  ")
	}
	return w.str(k).raw(": ")
}

func (w *writer) int(n int) *writer { w.b.WriteString(strconv.Itoa(n)); return w }

// str writes a JSON string, escaping only what JSON requires.
func (w *writer) str(s string) *writer {
	const hex = "0123456789abcdef"
	w.b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"', c == '\\':
			w.b.WriteByte('\\')
			w.b.WriteByte(c)
		case c == '\n':
			w.b.WriteString(`\n`)
		case c == '\r':
			w.b.WriteString(`\r`)
		case c == '\t':
			w.b.WriteString(`\t`)
		case c < 0x20:
			w.b.WriteString(`\u00`)
			w.b.WriteByte(hex[c>>4])
			w.b.WriteByte(hex[c&0xf])
		default:
			w.b.WriteByte(c)
		}
	}
	w.b.WriteByte('"')
	return w
}

func (w *writer) row(ns []int) *writer {
	w.b.WriteByte('[')
	for i, n := range ns {
		if i > 0 {
			w.b.WriteByte(',')
		}
		w.int(n)
	}
	w.b.WriteByte(']')
	return w
}

func (w *writer) docCounts(k string, d DocCounts) {
	w.key(2, k).raw("{\n")
	w.key(3, "issued").int(d.Issued).raw(",\n")
	w.key(3, "repealed").int(d.Repealed).raw(",\n")
	w.key(3, "in_force").int(d.InForce).raw("\n")
	w.raw("    },\n")
}

func (w *writer) sections(k string, ss []Section) {
	w.key(1, k)
	if len(ss) == 0 {
		w.raw("[],\n")
		return
	}
	w.raw("[\n")
	for i, s := range ss {
		w.raw("    {\n")
		w.key(3, "heading").str(s.Heading).raw(",\n")
		w.key(3, "body").str(s.Body).raw("\n")
		w.raw("    }").raw(sep(i, len(ss)))
	}
	w.raw("  ],\n")
}

func (w *writer) tableText(k string, t TableText) {
	w.key(1, k).raw("{\n")
	w.key(2, "before").str(t.Before).raw(",\n")
	w.key(2, "after").str(t.After).raw("\n")
	w.raw("  },\n")
}

// combination writes the units one to a line.
func (w *writer) combination(c *Combination) {
	w.key(1, "combined").raw("{\n")
	w.key(2, "units").raw("[\n")
	for i, u := range c.Units {
		w.raw("      ").str(u).raw(sep(i, len(c.Units)))
	}
	w.raw("    ]\n  },\n")
}

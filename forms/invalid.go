package forms

// InvalidTexts returns, by cell key, the text of every number cell that is not
// a figure, for the store to keep beside the report (a report file has no
// place for them); nil when there is none.
func (e *Editor) InvalidTexts() map[string]string {
	var out map[string]string
	for _, c := range e.cells {
		if c.err != nil {
			if out == nil {
				out = map[string]string{}
			}
			out[c.key] = c.entry.Text
		}
	}
	return out
}

// SetInvalidTexts puts texts kept by InvalidTexts back into their cells, after
// SetReport: the cells are red again, and the report keeps its figures. Keys
// of no cell are ignored. It is not an edit.
func (e *Editor) SetInvalidTexts(texts map[string]string) {
	if len(texts) == 0 {
		return
	}
	for _, c := range e.cells {
		text, ok := texts[c.key]
		if !ok {
			continue
		}
		e.loading = true
		c.entry.SetText(text)
		e.loading = false
		c.parse()
	}
	e.refresh()
}

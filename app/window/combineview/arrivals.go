package combineview

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit"
	"nianbao/data/combine"
	"nianbao/data/intake"
	"nianbao/data/report"
	"nianbao/data/syserr"
)

// ReadFunc reads the report in any file a unit sends: a report file (its
// reading nil), a Word file, a PDF, a web page, an older format through
// LibreOffice. It runs off the UI goroutine.
type ReadFunc func(ctx context.Context, path string) (*report.Report, *intake.Reading, error)

// arrival is one file read for the round.
type arrival struct {
	path    string
	rec     combine.Received
	reading *intake.Reading // nil for a report file
	err     error
}

// needsPerson tells whether what was read must be confirmed by a person
// before it is stored and counted.
func (a *arrival) needsPerson() bool { return a.reading != nil && !a.reading.Complete() }

// readArrivals reads files one at a time with read, as the command line's
// combine does (every format through data/intake/anyfile), saying before
// each file which it is; it stops when ctx is done.
func readArrivals(ctx context.Context, files []string, read ReadFunc, progress func(i int, name string)) []arrival {
	out := make([]arrival, 0, len(files))
	for i, f := range files {
		if ctx.Err() != nil {
			break
		}
		if progress != nil {
			progress(i, filepath.Base(f))
		}
		r, rd, err := read(ctx, f)
		a := arrival{path: f, reading: rd, err: err}
		if err == nil {
			a.rec = combine.Receive(f, r)
		}
		out = append(out, a)
	}
	return out
}

// pending is a unit's file whose reading needs a person: not stored, not
// counted, until confirmed in the confirmation view.
type pending struct {
	path    string
	report  *report.Report
	reading *intake.Reading
	at      time.Time
}

// doubtLines says what of a file needs a person, one doubt a line.
func doubtLines(p pending) string {
	return fmt.Sprintf("《%s》（“%s”，%s）有 %d 处需要人工核对，未计入合计：%s", filepath.Base(p.path), p.report.Agency, p.reading.Source, len(p.reading.Doubts), doubtList(p.reading))
}

// doubtList lists a reading's doubts, each on a line of its own with its place.
func doubtList(rd *intake.Reading) string {
	var b strings.Builder
	for _, d := range rd.Doubts {
		b.WriteString("\n    " + d.String())
	}
	return b.String()
}

// pendingOf is the pending file of unit in year, or nil.
func (v *View) pendingOf(unit string, year int) *pending {
	for i := range v.pending {
		if p := &v.pending[i]; p.report.Agency == unit && p.report.Year == year {
			return p
		}
	}
	return nil
}

// pendingIn are the pending files of year.
func (v *View) pendingIn(year int) []pending {
	var out []pending
	for _, p := range v.pending {
		if p.report.Year == year {
			out = append(out, p)
		}
	}
	return out
}

// keepPending keeps p as pending, instead of an earlier reading of its file.
func (v *View) keepPending(p pending) {
	v.dropPending(p.path)
	v.pending = append(v.pending, p)
}

func (v *View) dropPending(path string) {
	out := v.pending[:0]
	for _, q := range v.pending {
		if q.path != path {
			out = append(out, q)
		}
	}
	v.pending = out
}

// confirmPending shows a pending file's reading for a person to correct and
// confirm; what is confirmed is stored as received from the unit and counted.
func (v *View) confirmPending(p pending) {
	v.u.ConfirmReading(p.path, p.report, p.reading, func(r *report.Report) {
		var got string
		kit.BackgroundOrShow(v.u, "无法保存", func() error {
			res, err := v.st.StoreReceived(r, p.at)
			if err != nil {
				return err
			}
			switch {
			case res.Same:
				got = "与数据库中的相同，未改动"
			case res.Older:
				got = "已有一份较新的报告，仍用较新的；这份保存为历史版本"
			case res.Replaced:
				got = "已导入，替换了较旧的报告（原来的保存为历史版本）"
			default:
				got = "已导入"
			}
			return nil
		}, func() {
			v.dropPending(p.path)
			v.u.SetStatus(fmt.Sprintf("《%s》已核对：“%s”%s", filepath.Base(p.path), r.Agency, got))
			v.refresh()
		})
	})
}

// readDialog is the “正在读取” dialog of a folder's files, with 取消.
type readDialog struct {
	d     *dialog.CustomDialog
	label *widget.Label
	bar   *widget.ProgressBar
}

func newReadDialog(win fyne.Window, cancel func()) *readDialog {
	rd := &readDialog{label: widget.NewLabel("正在查找年报文件……"), bar: widget.NewProgressBar()}
	var stop *widget.Button
	stop = widget.NewButton("取消", func() {
		cancel()
		stop.Disable()
		rd.label.SetText("正在停止……读完的文件不会导入")
	})
	rd.label.Truncation = fyne.TextTruncateEllipsis
	rd.d = dialog.NewCustomWithoutButtons("读取报告文件", container.NewVBox(container.New(kit.FixedWidth(520), rd.label), rd.bar, container.NewCenter(stop)), win)
	rd.d.Show()
	return rd
}

func (rd *readDialog) at(i, n int, name string) {
	rd.label.SetText(fmt.Sprintf("正在读取第 %d 个，共 %d 个：%s", i+1, n, name))
	rd.bar.SetValue(float64(i) / float64(max(n, 1)))
}

// arrivalLine says what became of a file that was not stored: unreadable, of
// another year, or waiting for a person; "" for a file to store.
func arrivalLine(a *arrival, year int) string {
	name := filepath.Base(a.path)
	switch {
	case a.err != nil:
		return fmt.Sprintf("%s：无法读取：%s", name, syserr.Text(a.err))
	case a.rec.Report.Year != year:
		return fmt.Sprintf("%s：是“%s”%d 年的报告，不是本次汇总的 %d 年，未导入", name, a.rec.Report.Agency, a.rec.Report.Year, year)
	case a.needsPerson():
		return fmt.Sprintf("%s：“%s”（%s）有 %d 处需要人工核对，未导入，待核对（在“注意事项”中点“核对…”，对照原件改正后才计入）：%s",
			name, a.rec.Report.Agency, a.reading.Source, len(a.reading.Doubts), doubtList(a.reading))
	}
	return ""
}

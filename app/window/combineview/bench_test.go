package combineview

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"nianbao/app/job"
	"nianbao/app/paper"
	"nianbao/app/web"
	"nianbao/app/word"
	"nianbao/data/combine"
	"nianbao/data/intake"
	"nianbao/data/report"
	"nianbao/data/store/sqlite"
)

var numerals = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// mixedFolder writes n units' reports into a folder, a quarter each as a
// report file, a Word file, a web page and a PDF, made by the program's own
// writers from the examples of data/combine/testdata under names of their own.
func mixedFolder(b *testing.B, n int) string {
	b.Helper()
	var examples []*report.Report
	for _, f := range []string{"fictional-busy-2024", "pingtan-scjgj-2024", "pingtan-czjrj-2024", "pingtan-jtjsj-2024"} {
		r, err := report.ReadFile(filepath.Join("../../../data/combine/testdata", f+".nianbao.json"))
		if err != nil {
			b.Fatal(err)
		}
		examples = append(examples, r)
	}
	rd, err := paper.NewRenderer(job.FontsBundled, nil)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i := range n {
		r := examples[i%len(examples)].Clone()
		r.Agency = "测试县第" + numerals[i/10] + numerals[i%10] + "局" // the title reader takes no Arabic digits in a name
		in := job.New(r)
		in.Fonts = job.FontsBundled
		name := filepath.Join(dir, fmt.Sprintf("unit%02d", i))
		var data []byte
		switch i % 4 {
		case 0:
			name += ".nianbao.json"
			data, err = report.Marshal(r)
		case 1:
			name += ".docx"
			var res *word.Result
			if res, err = word.Write(in); err == nil {
				data = res.DOCX
			}
		case 2:
			name += ".html"
			var page *web.Page
			if page, err = web.Render(in); err == nil {
				data = page.Files[0].Data
			}
		case 3:
			name += ".pdf"
			var res *paper.Result
			if res, err = rd.Render(in); err == nil {
				data = res.PDF
			}
		}
		if err == nil {
			err = os.WriteFile(name, data, 0o644)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkCombine50MixedFiles is 汇总's 导入文件夹 over 50 units' files
// (json, docx, html, pdf), as the window does it: found, read one at a time
// through the one reader (PDFium warm after the first PDF of the process),
// stored as received, and combined from the database.
func BenchmarkCombine50MixedFiles(b *testing.B) {
	dir := mixedFolder(b, 50)
	read := func(ctx context.Context, path string) (*report.Report, *intake.Reading, error) {
		readerMu.Lock()
		defer readerMu.Unlock()
		return reader.Read(ctx, path)
	}
	for b.Loop() {
		b.StopTimer()
		st, err := sqlite.Open(filepath.Join(b.TempDir(), "nianbao.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		found, err := combine.ExpandPaths([]string{dir})
		if err != nil {
			b.Fatal(err)
		}
		arrivals := readArrivals(context.Background(), found.Files, read, nil)
		for i := range arrivals {
			a := &arrivals[i]
			if a.err != nil || a.needsPerson() {
				b.Fatalf("%s: %v %v", a.path, a.err, a.reading.Doubts)
			}
			if _, err := st.StoreReceived(a.rec.Report, a.rec.At); err != nil {
				b.Fatal(err)
			}
		}
		res, err := combine.FromDatabase(st, combine.Options{Agency: "测试县人民政府", Year: 2024, Now: time.Now()})
		if err != nil || len(res.Members) != 50 {
			b.Fatalf("%v: %d members", err, len(res.Members))
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}

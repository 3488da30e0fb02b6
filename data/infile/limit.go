package infile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"nianbao/data/syserr"
)

// NoLimit as a Kind's Limit reads a file of any size: for one that is never
// read into memory (a database backup, which SQLite reads page by page).
const NoLimit = 0

// ReportLimit is the largest report file read (report.MaxFileSize): a real
// one is a few tens of KB.
const ReportLimit = 10 << 20

// Kind is what a file given to the program should be: its name, as a refusal
// says it (“不是名单”), and the largest size read.
type Kind struct {
	Name  string
	Limit int64
}

// The kinds of file the program reads, with their size limits in one place.
var (
	// Report is a report file, *.nianbao.json.
	Report = Kind{"年报文件", ReportLimit}
	// Roster is a roster of units, one a line: 100,000 units of a long name
	// are a few MB.
	Roster = Kind{"名单", 32 << 20}
	// Received is a report as it arrives, a Word file, a PDF or a web page:
	// the largest of them, a PDF of scanned pages, is refused by its reader.
	Received = Kind{"年报文件", 64 << 20}
	// Register is an office's register of applications, a spreadsheet
	// (.xlsx, .csv): 10,000 rows are a few MB.
	Register = Kind{"台账表格", 32 << 20}
	// Calendar is a holiday calendar (a year's notice, local days off), a few KB.
	Calendar = Kind{"节假日安排文件", 1 << 20}
	// Backup is a database backup, of any size; it is checked, not read.
	Backup = Kind{"数据库备份", NoLimit}
)

// ErrTooLarge is the cause of a refusal of a file over its kind's limit.
var ErrTooLarge = errors.New("文件过大")

type tooLarge struct {
	path        string
	size, limit int64
	kind        string
}

func (e *tooLarge) Error() string {
	return fmt.Sprintf("%s：文件有 %s，超过%s %s 的上限，请检查是否选错了文件", e.path, size(e.size), e.kind, size(e.limit))
}
func (e *tooLarge) Unwrap() error { return ErrTooLarge }

// size writes a byte count the way a file manager shows it.
func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}

// OpenLimit is Open for a file of kind: one over its limit is refused by its
// size before anything is read. It returns the open file and what it is.
func OpenLimit(path string, kind Kind) (*os.File, fs.FileInfo, error) {
	f, err := open(path, kind.Name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, syserr.Wrap(path+"：无法读取", err)
	}
	if kind.Limit > 0 && info.Size() > kind.Limit {
		f.Close()
		return nil, nil, &tooLarge{path, info.Size(), kind.Limit, kind.Name}
	}
	return f, info, nil
}

// ReadFile reads the regular file at path whole, refusing one over the
// kind's limit (which must be set). Memory stays bounded by the limit even when
// the file grows while it is read: what passes the limit is refused, never cut.
func ReadFile(path string, kind Kind) ([]byte, error) {
	if kind.Limit <= 0 {
		return nil, fmt.Errorf("%s：读入内存的文件需要大小上限", path)
	}
	f, info, err := OpenLimit(path, kind)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// One byte past the size tells a file that grew meanwhile.
	data := make([]byte, 0, info.Size()+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > kind.Limit {
			return nil, &tooLarge{path, int64(len(data)), kind.Limit, kind.Name}
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, syserr.Wrap(path+"：无法读取", err)
		}
	}
}

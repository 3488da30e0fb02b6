package assets

import (
	"bytes"
	"io"
	"testing"
)

func TestReaderReadsTheProgramFile(t *testing.T) {
	for name, b := range map[string][]byte{"Kai": ARPLKaitiMGB, "Sans UI": NotoSansSCRegularUI, "icon": Icon} {
		r := Reader(b)
		if _, ok := r.(*io.SectionReader); !ok {
			t.Errorf("%s: read from %T, want the program file", name, r)
			continue
		}
		got := make([]byte, len(b))
		if n, err := r.ReadAt(got, 0); n != len(b) || (err != nil && err != io.EOF) {
			t.Fatalf("%s: read %d of %d bytes: %v", name, n, len(b), err)
		}
		if !bytes.Equal(got, b) {
			t.Errorf("%s: the program file's bytes differ from the embedded ones", name)
		}
		if n, err := r.ReadAt(make([]byte, 8), int64(len(b)-4)); n != 4 || err != io.EOF {
			t.Errorf("%s: a read past the end gave %d bytes, %v; want 4, EOF", name, n, err)
		}
	}
}

func TestReaderOfMemoryNotInTheProgramFile(t *testing.T) {
	b := bytes.Repeat([]byte("年报"), 1000) // on the heap
	r := Reader(b)
	if _, ok := r.(*bytes.Reader); !ok {
		t.Fatalf("heap bytes read from %T, want memory", r)
	}
	if _, ok := Reader(nil).(*bytes.Reader); !ok {
		t.Error("no bytes: want memory")
	}
}

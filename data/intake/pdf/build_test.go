package pdf

import (
	"bytes"
	"fmt"
	"strings"
)

// buildPDF writes a PDF of the given objects (object i+1 is objs[i]; object
// 1 must be the catalog) with a correct cross-reference table, so that the
// tests can make the odd files real reports are not: scans, cycles, huge
// trees, hundreds of pages.
func buildPDF(objs []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// stream is a stream object of data.
func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// textPDF is a PDF of pages, each page's lines set in Helvetica.
func textPDF(pages [][]string) []byte {
	// 1 catalog, 2 pages, 3 font, then per page: page, content.
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
	var kids []string
	for _, lines := range pages {
		n := len(objs) + 1
		kids = append(kids, fmt.Sprintf("%d 0 R", n))
		var c strings.Builder
		c.WriteString("BT /F1 12 Tf 72 770 Td 16 TL\n")
		for _, l := range lines {
			fmt.Fprintf(&c, "(%s) '\n", l)
		}
		c.WriteString("ET")
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", n+1),
			stream("", c.String()))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages))
	return buildPDF(objs)
}

// scanPDF is a scan: pages that show a picture and have no text.
func scanPDF(pages int) []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "",
		stream("/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8", strings.Repeat("\x80", 64))}
	var kids []string
	for range pages {
		n := len(objs) + 1
		kids = append(kids, fmt.Sprintf("%d 0 R", n))
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 3 0 R >> >> /Contents %d 0 R >>", n+1),
			stream("", "q 523 0 0 770 36 36 cm /Im1 Do Q"))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages)
	return buildPDF(objs)
}

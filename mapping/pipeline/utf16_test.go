package pipeline_test

import (
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/pipeline"
)

// asUTF16 is text as UTF-16 without a byte-order mark.
func asUTF16(text string, order binary.AppendByteOrder) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(text)) {
		b = order.AppendUint16(b, u)
	}
	return b
}

// An input saved as UTF-16 without a byte-order mark is refused with the
// fix its form takes, told as Load tells it: a film document (by its
// .txt name, or its text when it has no extension) as the film reader
// refuses it, which reads UTF-16 with the mark; linked data as
// ld.CheckUTF16 refuses it; a page is its reader's to refuse. What is
// not UTF-16 without the mark passes, to be read.
func TestCheckUTF16(t *testing.T) {
	article, err := os.ReadFile("../../testdata/samples/001_7e8eb98cb7cb1a1b.txt")
	if err != nil {
		t.Fatal(err)
	}
	head := func(b []byte) []byte { return b[:min(len(b), 4096)] }
	const nq = "<urn:x:m> <http://schema.org/name> \"Illégal\" .\n"
	for _, tt := range []struct {
		name string
		data []byte
		form ld.InputFormat
		want string // "film", "linked" or "" (passes)
	}{
		{"a.txt", asUTF16(string(article), binary.LittleEndian), 0, "film"},
		{"a", asUTF16(string(article), binary.BigEndian), 0, "film"},
		{"-", asUTF16(string(article), binary.LittleEndian), 0, "film"},
		{"a.txt", asUTF16(nq, binary.LittleEndian), ld.InputNQuads, "linked"},
		{"-", asUTF16(nq, binary.BigEndian), 0, "linked"},
		{"a.nq", asUTF16(string(article), binary.LittleEndian), 0, "linked"},
		{"a.jsonld", asUTF16(`{"@type": "Movie"}`, binary.BigEndian), 0, "linked"},
		{"-", asUTF16("<html><p>Illégal</p></html>", binary.LittleEndian), 0, ""},
		{"-", append([]byte{0xFF, 0xFE}, asUTF16(string(article), binary.LittleEndian)...), 0, ""},
		{"a.txt", append([]byte{0xFE, 0xFF}, asUTF16(nq, binary.BigEndian)...), 0, ""},
		{"a.txt", article, 0, ""},
		{"-", []byte("Title: Heat\x00 and more text"), 0, ""},
	} {
		err := pipeline.CheckUTF16(head(tt.data), tt.name, tt.name, tt.form)
		var u *ld.UTF16Error
		got := ""
		switch {
		case errors.As(err, &u):
			got = "linked"
		case errors.Is(err, mapping.ErrBinary) && strings.Contains(err.Error(), "reads as UTF-16"):
			got = "film"
		case err != nil:
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s %q: %v (%s); want %s", tt.name, tt.data[:12], err, got, tt.want)
		}
		if err != nil && !strings.HasPrefix(err.Error(), tt.name+":1: ") {
			t.Errorf("%s: %v; want it at line 1", tt.name, err)
		}
	}
}

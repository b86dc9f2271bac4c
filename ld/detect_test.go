package ld_test

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/film2ld/film2ld/ld"
)

// DetectInput tells a syntax by its first bytes past comment lines: a
// Turtle file that starts with a header of comments was read as N-Quads
// and refused at its @prefix line (audit 9).
func TestDetectInputPastComments(t *testing.T) {
	for _, tt := range []struct {
		text string
		want ld.InputFormat
	}{
		{"# header\n@prefix s: <http://schema.org/> .\n<urn:x:m> a s:Movie .\n", ld.InputTriG},
		{"# a\n# b\r\n\n  # c\nPREFIX s: <http://schema.org/>\n", ld.InputTriG},
		{"#!\r@base <http://films.example/> .\n", ld.InputTriG},
		{"# header\n<urn:x:m> <http://schema.org/name> \"x\" .\n", ld.InputNQuads},
		{"# header\n_:b0 <http://schema.org/name> \"x\" .\n", ld.InputNQuads},
		{"# only a comment", ld.InputNQuads},
		{"# header\n{\"@context\": \"https://schema.org\"}", ld.InputJSONLD},
		{"# header\n<!doctype html><p>x</p>", ld.InputHTML},
		{"@prefix s: <http://schema.org/> .", ld.InputTriG},
		{"<urn:x:m> <http://schema.org/name> \"# not a comment\" .\n", ld.InputNQuads},
	} {
		if got := ld.DetectInput("", []byte(tt.text)); got != tt.want {
			t.Errorf("%q: %v; want %v", tt.text, got, tt.want)
		}
	}
}

// asUTF16 is text as UTF-16 in the byte order given, without a byte-order
// mark, as a Windows editor's "Unicode" leaves it once the mark is cut.
func asUTF16(text string, big bool) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(text)) {
		if big {
			b = binary.BigEndian.AppendUint16(b, u)
		} else {
			b = binary.LittleEndian.AppendUint16(b, u)
		}
	}
	return b
}

// Linked data saved as UTF-16 without a byte-order mark is told by the
// text it decodes to (standard input's started with a NUL, read as
// N-Quads, and a page's was no page), and refused by CheckUTF16 at
// line 1, naming the byte order; a page is left to its own reader, and
// UTF-8 (a NUL in it now and then), binary data and UTF-16 with the mark
// (refused as ErrUTF16 by the readers) are not called so.
func TestCheckUTF16(t *testing.T) {
	const (
		nq   = "<urn:x:m> <http://schema.org/name> \"Illégal\" .\n"
		json = `{"@context": "https://schema.org", "@type": "Movie", "name": "Illégal"}`
		ttl  = "# a header\n@prefix s: <http://schema.org/> .\n<urn:x:m> s:name \"Illégal\" .\n"
		page = "<!DOCTYPE html><html><head><title>Illégal</title></head></html>\n"
	)
	for _, tt := range []struct {
		name string
		data []byte
		form ld.InputFormat
		want ld.InputFormat // DetectInput's
		err  string
	}{
		{"-", asUTF16(nq, false), 0, ld.InputNQuads, "<stdin>:1: the file reads as UTF-16 (little-endian) without a byte-order mark; JSON-LD and RDF are UTF-8: save it as UTF-8"},
		{"-", asUTF16(nq, true), 0, ld.InputNQuads, "<stdin>:1: the file reads as UTF-16 (big-endian) without a byte-order mark; JSON-LD and RDF are UTF-8: save it as UTF-8"},
		{"-", asUTF16(json, false), 0, ld.InputJSONLD, "<stdin>:1: the file reads as UTF-16 (little-endian) without a byte-order mark; JSON-LD and RDF are UTF-8: save it as UTF-8"},
		{"-", asUTF16(ttl, true), 0, ld.InputTriG, "<stdin>:1: the file reads as UTF-16 (big-endian) without a byte-order mark; JSON-LD and RDF are UTF-8: save it as UTF-8"},
		{"m.ttl", asUTF16(ttl, false), 0, ld.InputTurtle, "m.ttl:1: the file reads as UTF-16 (little-endian) without a byte-order mark; JSON-LD and RDF are UTF-8: save it as UTF-8"},
		{"m.html", asUTF16(json, false), ld.InputJSONLD, ld.InputHTML, "m.html:1: the file reads as UTF-16 (little-endian) without a byte-order mark; JSON-LD and RDF are UTF-8: save it as UTF-8"},
		{"-", asUTF16(page, false), 0, ld.InputHTML, ""},
		{"-", asUTF16(page, true), 0, ld.InputHTML, ""},
		{"m.html", asUTF16(nq, false), 0, ld.InputHTML, ""},
		{"-", append([]byte{0xFF, 0xFE}, asUTF16(nq, false)...), 0, ld.InputNQuads, ""},
		{"-", append([]byte{0xFE, 0xFF}, asUTF16(json, true)...), 0, ld.InputJSONLD, ""},
		{"-", []byte("<urn:x:m> <http://schema.org/name> \"a\x00b\" .\n"), 0, ld.InputNQuads, ""},
		{"-", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0, ld.InputNQuads, ""},
		{"-", []byte("\x01\x00\x02\x00\x03\x00\x04\x00\x05\x00\x06\x00\x07\x00\x08\x00\x09\x00"), 0, ld.InputNQuads, ""},
	} {
		display := tt.name
		if display == "-" {
			display = "<stdin>"
		}
		if got := ld.DetectInput(tt.name, tt.data); got != tt.want {
			t.Errorf("DetectInput(%q, %q): %v; want %v", tt.name, tt.data[:16], got, tt.want)
		}
		err := ld.CheckUTF16(tt.data, tt.name, display, tt.form)
		if got := fmt.Sprint(err); err != nil && got != tt.err || err == nil && tt.err != "" {
			t.Errorf("CheckUTF16(%q, %q): %v; want %q", tt.name, tt.data[:16], err, tt.err)
		}
		var u *ld.UTF16Error
		if err != nil && !errors.As(err, &u) {
			t.Errorf("%v is no *ld.UTF16Error", err)
		}
	}
}

// Linked data that starts with a UTF-32 byte-order mark is said to be
// UTF-32, not UTF-16 (whose little-endian mark starts the little-endian
// UTF-32 one) nor a byte at an offset; the readers still treat it as
// they treat UTF-16 (errors.Is ErrUTF16).
func TestUTF32LinkedData(t *testing.T) {
	text := "<urn:x:s> <urn:x:p> \"Ørken\" .\n"
	for _, big := range []bool{false, true} {
		var data []byte
		if big {
			data = []byte{0, 0, 0xFE, 0xFF}
		} else {
			data = []byte{0xFF, 0xFE, 0, 0}
		}
		for _, r := range text {
			if big {
				data = append(data, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
			} else {
				data = append(data, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
			}
		}
		err := ld.CheckUTF8(data, "x.nq")
		if !errors.Is(err, ld.ErrUTF32) || !errors.Is(err, ld.ErrUTF16) || !strings.Contains(err.Error(), "UTF-32") {
			t.Errorf("big-endian %v: %v; want ErrUTF32", big, err)
		}
	}
	if err := ld.CheckUTF8([]byte{0xFF, 0xFE, 'a', 0}, "x.nq"); errors.Is(err, ld.ErrUTF32) {
		t.Errorf("UTF-16 called UTF-32: %v", err)
	}
}

package ld

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// A JSON-LD input with a UTF-8 byte-order mark reads as the same input
// without it, and its errors stand where the streaming check
// (CheckJSON, for large inputs) places them: a syntax error counted from
// after the mark, a byte that is not UTF-8 at its offset in the file.
func TestReadSkipsByteOrderMark(t *testing.T) {
	p := NewProcessor(Config{})
	doc := `{"@context": "https://schema.org", "@type": "Movie", "name": "Illégal"}`
	plain, err := p.Read(strings.NewReader(doc), "a.jsonld", InputJSONLD)
	if err != nil {
		t.Fatal(err)
	}
	marked, err := p.Read(strings.NewReader("\ufeff"+doc), "a.jsonld", InputJSONLD)
	if err != nil || !reflect.DeepEqual(marked, plain) {
		t.Fatalf("with a byte-order mark: %v, %v; without: %v", marked, err, plain)
	}
	for _, tt := range []struct{ in, want string }{
		{`{"name": x}`, "a.jsonld:1:10: invalid character 'x' looking for beginning of value"},
		{"{\"name\":\n \"\xff\"}", "a.jsonld:2:3: invalid UTF-8: byte 0xFF at byte offset 14"},
		{"{\"name\": \"\xff\"}", "a.jsonld:1:12: invalid UTF-8: byte 0xFF at byte offset 13"},
		{`{"name": "x"} y`, "a.jsonld:1:15: text after the JSON value"},
	} {
		_, err := p.Read(strings.NewReader("\ufeff"+tt.in), "a.jsonld", InputJSONLD)
		if fmt.Sprint(err) != tt.want {
			t.Errorf("%q: read whole: %v; want %s", tt.in, err, tt.want)
		}
		if scanned := CheckJSON(strings.NewReader("\ufeff"+tt.in), "a.jsonld"); fmt.Sprint(scanned) != tt.want {
			t.Errorf("%q: read as it goes: %v; want %s", tt.in, scanned, tt.want)
		}
	}
}

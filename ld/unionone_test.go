package ld

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
)

// TestWriteOfOneDocumentNeedsNoUnion: every operation of Write starts by
// expanding its document, and the expansion of one document is the
// expansion of its Union (expansion of the expanded document changes
// nothing), errors included; so is the web snippet Write makes of it.
// convert hands a single document to Write as it is, so that the
// expanded copy Union makes (nine times the decoded JSON) is not held
// beside it. Not with Lenient: where it drops a node's only value, the
// first expansion keeps the node's @id, which the second drops (W3C toRdf
// e075, wf02); convert --lenient takes Union still.
func TestWriteOfOneDocumentNeedsNoUnion(t *testing.T) {
	p := diffProcessor()
	compared := 0
	for _, in := range diffInputs(t) {
		opts := Options{Base: in.base, DocumentURL: in.base}
		var doc any
		if err := decodeFile(in.path, &doc); err != nil {
			continue
		}
		var union []any
		want, werr := p.Union([]any{doc}, opts)
		if werr == nil {
			union = want
			want, werr = p.expand(want, opts)
		}
		if err := decodeFile(in.path, &doc); err != nil {
			t.Fatal(err)
		}
		got, gerr := p.expand(doc, opts)
		wb, _ := json.Marshal(want)
		gb, _ := json.Marshal(got)
		if fmt.Sprint(gerr) != fmt.Sprint(werr) || !bytes.Equal(gb, wb) {
			t.Errorf("%s: expanded\n got %v %.400s\nwant %v %.400s", in.name, gerr, gb, werr, wb)
			continue
		}
		compared++
		if werr != nil {
			continue
		}
		var gs, ws bytes.Buffer
		gerr = p.Write(&gs, doc, FormatJSONLD, opts)
		werr = p.Write(&ws, union, FormatJSONLD, opts)
		if fmt.Sprint(gerr) != fmt.Sprint(werr) || gs.String() != ws.String() {
			t.Errorf("%s: web snippet\n got %v %.400s\nwant %v %.400s", in.name, gerr, gs.String(), werr, ws.String())
		}
	}
	t.Logf("%d documents compared", compared)
	if compared < atLeast(t, 300, 25) {
		t.Errorf("only %d documents compared", compared)
	}
}

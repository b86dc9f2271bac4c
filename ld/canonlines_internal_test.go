package ld

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// randomFilmDoc makes a film document of the direct walk's shape whose
// reviews, ratings and some critics are blank nodes, some in a named
// graph. With clash, values repeat, so that blank nodes often share
// their first-degree hash (the Hash N-Degree Quads algorithm labels
// them); without, each review and rating has values of its own.
// Literals hold what N-Quads escape, and text that looks like a blank
// node label.
func randomFilmDoc(seed uint64, clash bool) map[string]any {
	r := rand.New(rand.NewPCG(seed, 12))
	texts := []string{`plain`, `a "quoted" word`, `back\slash`, "tab\tand\nnewline", `_:b1 <urn:x> .`, "ü — é", ""}
	value := func(i int) int {
		if clash {
			return r.IntN(3)
		}
		return i
	}
	var reviews, graphNodes []any
	n := 1 + r.IntN(40)
	if clash {
		// Alike blank nodes take the general algorithm's n-degree
		// step, whose cost grows fast with them.
		n = 1 + r.IntN(8)
	}
	for i := range n {
		review := map[string]any{"@type": "Review"}
		if clash {
			review["reviewBody"] = texts[r.IntN(len(texts))]
		} else {
			review["reviewBody"] = fmt.Sprintf("%s %d", texts[r.IntN(len(texts))], i)
		}
		if r.IntN(3) > 0 {
			review["reviewRating"] = map[string]any{"@type": "Rating", "ratingValue": value(i), "bestRating": 10}
		}
		switch r.IntN(4) {
		case 0:
			review["author"] = map[string]any{"@id": fmt.Sprintf("urn:x:critic/%d", r.IntN(5))}
		case 1:
			review["author"] = map[string]any{"@type": "Person", "name": fmt.Sprintf("Critic %d", value(i))}
		}
		if r.IntN(5) == 0 {
			review["alternativeHeadline"] = map[string]any{"@value": fmt.Sprintf("20%02d", value(i)), "@type": "http://schema.org/Date"}
		}
		if r.IntN(6) == 0 {
			review["isAccessibleForFree"] = r.IntN(2) == 0
		}
		if r.IntN(3) == 0 {
			graphNodes = append(graphNodes, review)
		} else {
			reviews = append(reviews, review)
		}
	}
	film := map[string]any{"@id": "urn:x:film", "@type": "Movie", "name": "A Film", "review": reviews}
	graph := []any{film}
	if len(graphNodes) > 0 {
		graph = append(graph, map[string]any{"@id": "urn:x:graph", "@graph": []any{
			map[string]any{"@id": "urn:x:film", "review": graphNodes}}})
	}
	if r.IntN(2) == 0 {
		// A node of its own at the top, blank.
		graph = append(graph, map[string]any{"@type": "Organization", "name": texts[r.IntN(len(texts))]})
	}
	return map[string]any{"@context": "https://schema.org", "@graph": graph}
}

// canonicalBothWays writes doc's canonical N-Quads by the direct walk
// labelled in memory, and labelled from lines sorted in runs of limit
// bytes; walked is false where doc is outside the walk's shape (both are
// then Write's), taken false where writeCanonicalLines declined, shared
// true where two blank nodes share a first-degree hash (the Hash N-Degree
// Quads algorithm then runs); both errors are returned.
func canonicalBothWays(t *testing.T, doc any, limit int) (inMemory, inLines string, walked, taken, shared bool, errs [2]error) {
	t.Helper()
	var a, b bytes.Buffer
	errs[0] = NewProcessor(Config{SortMemory: 1 << 40}).WriteDirect(&a, doc, FormatCanonical, Options{})
	errs[1] = NewProcessor(Config{SortMemory: limit}).WriteDirect(&b, doc, FormatCanonical, Options{})
	c, err := NewProcessor(Config{}).contexts()
	if err != nil {
		t.Fatal(err)
	}
	lines := lineSorter{limit: limit}
	defer lines.Close()
	d, walked := directDataset(c.expand, doc, &lines, true, false, "")
	if walked && lines.started {
		var out bytes.Buffer
		_, taken = writeCanonicalLines(&out, &lines, limit, d.blanks, 0)
	}
	if all, ok := directDataset(c.expand, doc, nil, true, false, ""); ok {
		text, blank, _, quads, ok := datasetTerms(all.rdfDataset())
		if ok {
			_, alike, _, _ := firstDegreeLabels(text, blank, quads, new(canonScratch))
			shared = len(alike) > 0
		}
	}
	return a.String(), b.String(), walked, taken, shared, errs
}

// TestCanonicalLinesMatchInMemory: canonical N-Quads labelled from lines
// sorted in runs on disk are the bytes of those labelled in memory, and
// json-gold's (Write), on documents whose blank nodes the first-degree
// hashes tell apart and on documents where they do not (two reviews alike
// but for the ratings they point to), where only the lines that name the
// blank nodes alike are read into memory for the Hash N-Degree Quads
// algorithm; the lines label every one, and both cases are many.
func TestCanonicalLinesMatchInMemory(t *testing.T) {
	general := NewProcessor(Config{})
	unique, shared := 0, 0
	for seed := range 80 {
		doc := randomFilmDoc(uint64(seed), seed%3 == 0)
		inMemory, inLines, walked, taken, alike, errs := canonicalBothWays(t, doc, 1024)
		if errs[0] != nil || errs[1] != nil || !walked {
			t.Fatalf("seed %d: in memory %v, in lines %v, walked %v", seed, errs[0], errs[1], walked)
		}
		if !taken {
			t.Errorf("seed %d: the lines declined", seed)
		}
		if inLines != inMemory {
			t.Errorf("seed %d: labelled in lines\n%s\nin memory\n%s", seed, inLines, inMemory)
		}
		var want bytes.Buffer
		if err := general.Write(&want, doc, FormatCanonical, Options{}); err != nil {
			t.Fatalf("seed %d: Write: %v", seed, err)
		}
		if inLines != want.String() {
			t.Errorf("seed %d: labelled in lines\n%s\njson-gold\n%s", seed, inLines, want.String())
		}
		if alike {
			shared++
		} else {
			unique++
		}
	}
	t.Logf("first-degree hashes unique %d, shared %d", unique, shared)
	if unique < 30 || shared < 10 {
		t.Errorf("%d documents with unique first-degree hashes, %d with shared ones: too few to prove both", unique, shared)
	}
}

// FuzzCanonicalLines: for any document, canonical N-Quads labelled from
// lines sorted in runs are those labelled in memory, and Write's (or an
// error where they give one).
func FuzzCanonicalLines(f *testing.F) {
	for seed := range 6 {
		b, err := json.Marshal(randomFilmDoc(uint64(seed), seed%2 == 0))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range []string{
		// Alike blank nodes, and a blank node with no statement of its own.
		`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:film", "review": [{"@type": "Review", "name": "x"}, {"@type": "Review", "name": "x"}, {"name": []}]}]}`,
		// Literals canonical N-Quads write otherwise than N-Quads.
		`{"@context": "https://schema.org", "@graph": [{"@type": "Review", "name": {"@value": "x", "@type": "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}, "text": {"@value": "y\u0007", "@type": "http://example.org/dt"}}, {"@type": "Review", "name": "_:b0 <a> \"b\" ."}]}`,
		// Blank nodes in a named graph, one of them on its own.
		`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:g", "@graph": [{"@id": "urn:x:film", "review": {"@type": "Review", "author": {"@type": "Person", "name": "A"}}}, {"@type": "Person", "name": "A"}]}]}`,
	} {
		f.Add(s)
	}
	general := NewProcessor(Config{})
	f.Fuzz(func(t *testing.T, text string) {
		var doc any
		if json.Unmarshal([]byte(text), &doc) != nil {
			return
		}
		inMemory, inLines, _, _, _, errs := canonicalBothWays(t, doc, 64)
		// Errors compared as present or not: json-gold names the first
		// of a document's unknown keywords it meets, in map order
		// (testdata/fuzz/FuzzCanonicalLines/58f633c276da555f).
		if (errs[0] == nil) != (errs[1] == nil) || inLines != inMemory {
			t.Fatalf("labelled in lines\n%s%v\nin memory\n%s%v", inLines, errs[1], inMemory, errs[0])
		}
		var want bytes.Buffer
		werr := general.Write(&want, doc, FormatCanonical, Options{})
		if (werr == nil) != (errs[1] == nil) || werr == nil && inLines != want.String() {
			t.Fatalf("labelled in lines\n%s%v\nWrite\n%s%v", inLines, errs[1], want.String(), werr)
		}
	})
}

// Where the temporary folder goes away once the walk has written runs,
// the sorters after it hold their lines: the same bytes, from memory.
func TestCanonicalLinesWithoutTemporaryFolder(t *testing.T) {
	doc := randomFilmDoc(1, false)
	want, _, _, _, _, errs := canonicalBothWays(t, doc, 1024)
	if errs[0] != nil {
		t.Fatal(errs[0])
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	c, err := NewProcessor(Config{}).contexts()
	if err != nil {
		t.Fatal(err)
	}
	lines := lineSorter{limit: 256}
	defer lines.Close()
	d, ok := directDataset(c.expand, doc, &lines, true, false, "")
	if !ok || len(lines.runs) == 0 {
		t.Fatalf("walked %v, %d runs", ok, len(lines.runs))
	}
	t.Setenv("TMPDIR", filepath.Join(tmp, "missing"))
	if len(lines.lines) == 0 {
		// A line held, for the flush to fail on: one written already,
		// which the sorter keeps once.
		var first []byte
		lines.each(func(l []byte) error {
			first = bytes.Clone(l)
			return errDeclined
		})
		lines.add(first)
	}
	if lines.next != nil {
		// The file made for the next run: gone with the folder.
		lines.next.Close()
		lines.next = nil
	}
	var out bytes.Buffer
	err, ok = writeCanonicalLines(&out, &lines, 256, d.blanks, 0)
	if err != nil || !ok || !lines.held {
		t.Fatalf("error %v, labelled %v, the walk's lines held %v", err, ok, lines.held)
	}
	if out.String() != want {
		t.Errorf("without a temporary folder\n%s\nin memory\n%s", out.String(), want)
	}
}

// Lines outside the plain form writeCanonicalLines reads are read back as
// N-Quads (canonicalFromLines): the bytes labelled in memory.
func TestCanonicalFromLinesMatchesInMemory(t *testing.T) {
	p := NewProcessor(Config{})
	c, err := p.contexts()
	if err != nil {
		t.Fatal(err)
	}
	for seed := range 12 {
		doc := randomFilmDoc(uint64(seed), seed%2 == 0)
		want, _, _, _, _, errs := canonicalBothWays(t, doc, 1024)
		if errs[0] != nil {
			t.Fatal(errs[0])
		}
		lines := lineSorter{limit: 1024}
		if _, ok := directDataset(c.expand, doc, &lines, true, false, ""); !ok || !lines.started {
			t.Fatalf("seed %d: walked %v, in lines %v", seed, ok, lines.started)
		}
		var out bytes.Buffer
		err := p.canonicalFromLines(&out, &lines)
		lines.Close()
		if err != nil || out.String() != want {
			t.Errorf("seed %d: read back from lines\n%s%v\nin memory\n%s", seed, out.String(), err, want)
		}
	}
}

// A graph of blank nodes all alike past the work limit is refused with
// the same error whether it is labelled in memory or from lines, and one
// within the limit is labelled the same.
func TestCanonicalLinesWorkLimit(t *testing.T) {
	ring := func(n int) any {
		var graph []any
		for i := range n {
			graph = append(graph, map[string]any{"@id": fmt.Sprintf("_:p%d", i), "@type": "Person",
				"knows": map[string]any{"@id": fmt.Sprintf("_:p%d", (i+1)%n)}})
		}
		return map[string]any{"@context": "https://schema.org", "@graph": graph}
	}
	for _, tt := range []struct {
		n, factor int
		fails     bool
	}{{40, 1, true}, {40, 3, false}} {
		doc := ring(tt.n)
		var a, b bytes.Buffer
		errMemory := NewProcessor(Config{SortMemory: 1 << 40, MaxWorkFactor: tt.factor}).WriteDirect(&a, doc, FormatCanonical, Options{})
		errLines := NewProcessor(Config{SortMemory: 256, MaxWorkFactor: tt.factor}).WriteDirect(&b, doc, FormatCanonical, Options{})
		if (errMemory != nil) != tt.fails || fmt.Sprint(errMemory) != fmt.Sprint(errLines) || a.String() != b.String() {
			t.Errorf("ring of %d, work factor %d: in memory\n%s%v\nfrom lines\n%s%v", tt.n, tt.factor, a.String(), errMemory, b.String(), errLines)
		}
		if errLines != nil && !errors.Is(errLines, jsongold.ErrWorkLimit) {
			t.Errorf("ring of %d: %v is not the work limit's", tt.n, errLines)
		}
	}
}

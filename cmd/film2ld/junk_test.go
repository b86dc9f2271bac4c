package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/pipeline"
)

// validateLarge runs validate on path, with bigDocument lowered so that
// the file counts as large when large is set, and returns its exit
// status and JSON report, and whether refusedMarkup refused the file.
func validateLarge(path string, large bool) (status int, report string, refused bool) {
	if large {
		defer func(n int) { bigDocument = n }(bigDocument)
		bigDocument = 0
	}
	var out, errOut bytes.Buffer
	status = run([]string{"validate", "-f", "json", path}, nil, &out, &errOut)
	return status, out.String(), new(env).refusedMarkup(path) != nil
}

// A large JSON-LD file read as it goes gets the findings reading it whole
// gives (the JSON report has no excerpts to lose), whether it is refused
// or, when it is JSON, read whole after all.
func TestRefusedMarkupAgreesWithWholeRead(t *testing.T) {
	movie := `{"@context": "https://schema.org", "@type": "Movie", "name": "Stalker", "director": {"@type": "Person", "name": "Andrei Tarkovsky"}}`
	for _, tt := range []struct {
		name, text string
		refused    bool // as it is read; else read whole after all
	}{
		{"movie.jsonld", movie, false},
		{"movie.json", "\ufeff" + movie, false},
		{"list.json", "[" + movie + ", " + movie + "]", false},
		{"junk.json", `["Director: junk ","Director: junk ",x]`, true},
		{"junk.jsonld", "[\n  \"Réalisateur : Agnès Varda\",\n  x\n]", true},
		{"cut.jsonld", movie[:60], true},
		{"cut-literal.json", `{"@context": "https://schema.org", "@type": "Movie", "isFamilyFriendly": tru`, true},
		{"after.json", movie + "\n, x", true},
		{"after-separators.json", movie + " ,: ", true},
		{"empty.json", " \n", true},
		{"deep.json", strings.Repeat("[", 300), true},
		{"deep-junk.json", `{"@context": "https://schema.org", "@type": "Movie", "name": "Solaris", "x": ` + strings.Repeat(`{"y": `, 300) + "x", true},
		{"deep-valid.json", `{"@context": "https://schema.org", "@type": "Movie", "name": "Solaris", "x": ` + strings.Repeat(`[`, 300) + strings.Repeat(`]`, 300) + "}", false},
		{"bytes.json", `{"@context": "https://schema.org", "@type": "Movie", "name": "Sola` + "\xff" + `ris"}`, true},
		{"bom-bytes.json", "\ufeff[\"\xfe\"]", true},
		{"no-extension", "  " + movie + "]", true},
		{"no-extension-valid", "\n" + movie, false},
	} {
		path := filepath.Join(t.TempDir(), tt.name)
		if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		wantStatus, want, _ := validateLarge(path, false)
		gotStatus, got, refused := validateLarge(path, true)
		if refused != tt.refused {
			t.Errorf("%s: refused as it is read: %v; want %v", tt.name, refused, tt.refused)
		}
		if gotStatus != wantStatus || got != want {
			t.Errorf("%s: read as it goes: exit %d\n%s\nread whole: exit %d\n%s", tt.name, gotStatus, got, wantStatus, want)
		}
	}
}

// A large page read as it goes gets the findings reading it whole gives,
// at the same lines and columns.
func TestLargePageAgreesWithWholeRead(t *testing.T) {
	movie := `{"@context": "https://schema.org", "@type": "Movie", "name": "Cléo de 5 à 7", "director": {"@type": "Person", "name": "Agnès Varda"}, "dateCreated": "1962-13-45"}`
	for _, tt := range []struct{ name, text string }{
		{"junk.html", strings.Repeat("<p>Director: junk</p>", 100)},
		{"movie.html", "<p>Réalisatrice : Agnès — 漢字</p><script type=\"application/ld+json\">" + movie + "</script>"},
		{"lines.htm", "\ufeff<html>\n<p>é</p>\n  <script type=\"application/ld+json\">\n" + strings.ReplaceAll(movie, ", ", ",\n  ") + "\n</script>"},
		{"bad-block.html", "<p>é</p>\n<script type=\"application/ld+json\">\n  {\"@type\": \"Movie\",\n   \"name\": [1, 2,]}</script>"},
		{"bytes.html", "<p>é</p>\n<p>Sola\xffris</p><script type=\"application/ld+json\">" + movie + "</script>"},
		{"no-extension", "\n<!doctype html><p>é</p><script type=\"application/ld+json\">" + movie + "</script>"},
	} {
		want, streamed := validateBothWays(t, tt.name, tt.text, new(env).isLargePage)
		if !streamed {
			t.Errorf("%s: not read as a large page", tt.name)
		}
		if !strings.Contains(want, `"line"`) && tt.name != "junk.html" {
			t.Errorf("%s: no positioned finding to compare:\n%s", tt.name, want)
		}
	}
}

// A large JSON-LD file of values alone is told as it is read, with the
// finding reading it whole gives, at the same line and column; any other
// JSON is left to the whole read.
func TestLargeValuesAgreesWithWholeRead(t *testing.T) {
	taken := func(path string) bool {
		_, ok, _ := new(env).largeValues(path)
		return ok
	}
	for _, tt := range []struct {
		name, text string
		taken      bool
	}{
		{"values.json", `[1, "x", null, true]`, true},
		{"accents.jsonld", "\n\n  [\n  \"é, 漢字\", -2.5e3,\r\n \"[{\"]", true},
		{"lone.json", "\n   \"Solaris\"", true},
		{"number.jsonld", `5`, true},
		{"beside.json", `[1, {"@context": "https://schema.org", "@type": "Movie", "name": "Heat"}]`, false},
		{"empty.json", `[ ]`, false},
		{"bom.json", "\ufeff[1, 2]", false},
		{"movie.jsonld", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat"}`, false},
	} {
		want, took := validateBothWays(t, tt.name, tt.text, taken)
		if took != tt.taken {
			t.Errorf("%s: read as it goes: %v; want %v", tt.name, took, tt.taken)
		}
		if tt.taken && !strings.Contains(want, `"line"`) {
			t.Errorf("%s: no positioned finding to compare:\n%s", tt.name, want)
		}
	}
}

// validateBothWays writes text to a file called name, validates it read
// whole and read as a large input, reports any difference in the JSON
// reports, and returns the whole read's and what taken, asked with every
// input large, says of the file.
func validateBothWays(t *testing.T, name, text string, taken func(path string) bool) (report string, took bool) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	wantStatus, want, _ := validateLarge(path, false)
	gotStatus, got, _ := validateLarge(path, true)
	if gotStatus != wantStatus || got != want {
		t.Errorf("%s: read as it goes: exit %d\n%s\nread whole: exit %d\n%s", name, gotStatus, got, wantStatus, want)
	}
	defer func(n int) { bigDocument = n }(bigDocument)
	bigDocument = 0
	return want, taken(path)
}

// A large .json file is found to be JSON-LD (or not) by its context key
// wherever the reads cut it, as a small one is.
func TestSiteContentOfLargeFile(t *testing.T) {
	defer func(n int) { bigDocument = n }(bigDocument)
	bigDocument = 1
	dir := t.TempDir()
	pad := strings.Repeat("x", 64<<10-5)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{`{"@context": "https://schema.org"}`, true},
		{`[` + pad + `"@context"]`, true},   // the key spans two reads
		{`[` + pad + `xx"@context"]`, true}, // the key after the first read
		{`[` + pad + `"@conte`, false},
		{`{"context": 1}`, false},
		{"", false},
	} {
		path := filepath.Join(dir, "f.json")
		if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := pipeline.IsSiteFile(path, func() []byte { return siteContent(path) }); got != tt.want {
			t.Errorf("%.20q… (%d bytes): %v; want %v", tt.text, len(tt.text), got, tt.want)
		}
	}
}

// validate holds a run with a large input as export does (boundHeap, a
// bound that rises with the input), and a run of small inputs to GOGC 400
// under 400 MB; largestInput finds the largest file, or film's documents
// together.
func TestValidateHeap(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: validate leaves them alone")
	}
	dir := t.TempDir()
	small, large := filepath.Join(dir, "small.json"), filepath.Join(dir, "large.json")
	if err := os.WriteFile(small, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(large)
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: its size without its bytes.
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, tt := range []struct {
		inputs []string
		films  []batchFilm
		want   int64
	}{
		{nil, nil, 0},
		{[]string{"-", small, filepath.Join(dir, "missing.json"), dir}, nil, 2},
		{[]string{small, large}, nil, 100 << 20},
		{[]string{small}, []batchFilm{{files: []string{small, large}}}, 100<<20 + 2},
	} {
		if got := largestInput(tt.inputs, tt.films); got != tt.want {
			t.Errorf("largestInput(%v, %v) = %d; want %d", tt.inputs, tt.films, got, tt.want)
		}
	}

	const before = 1 << 40
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(before))
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	limit := func() int64 { return debug.SetMemoryLimit(-1) }

	restore := validateHeap(boundFrom - 1)
	if l, p := limit(), debug.SetGCPercent(-1); l != smallHeap || p != 400 {
		t.Errorf("small inputs: limit %d, GOGC %d; want %d, 400", l, p, smallHeap)
	}
	restore()
	if l, p := limit(), debug.SetGCPercent(100); l != before || p != 100 {
		t.Errorf("after the small run: limit %d, GOGC %d; want %d, 100", l, p, before)
	}

	restore = validateHeap(64 << 20)
	if l, p := limit(), debug.SetGCPercent(-1); l < heapPerInputByte*64<<20 || p != 100 {
		t.Errorf("a 64 MB input: limit %d, GOGC %d; want at least %d, 100", l, p, heapPerInputByte*64<<20)
	}
	debug.SetGCPercent(100)
	restore()
	if l := limit(); l != before {
		t.Errorf("after the large run: limit %d; want %d", l, before)
	}
}

// A large input that is linked data by its name, or by its content where
// its name has no extension, and holds a byte that is not UTF-8 is
// refused as it is read with the finding reading it whole gives (the
// JSON report has no excerpts to lose); one without such a byte, and a
// film document (which may be Windows-1252), are read whole.
func TestRefusedBytesAgreesWithWholeRead(t *testing.T) {
	stmt := "<urn:x:a> <http://schema.org/name> \"Agnès\" .\n"
	for _, tt := range []struct {
		name, text string
		refused    bool
	}{
		{"random.bin", "\x9b\xb6\x00V\x1b\xff junk", true},
		{"later.nq", stmt + stmt + "<urn:x:b> <http://schema.org/name> \"Sola\xffris\" .\n" + stmt, true},
		{"cut.nq", stmt + "<urn:x:b> <http://schema.org/name> \"\xc3", true},
		{"page.xhtml", "<p>Réalisatrice</p>\n<p>\xe9</p>", true},
		{"valid.nq", stmt + stmt, false},
		{"latin1.txt", "Director: Agn\xe8s Varda\n", false},
		{"latin1", "= Cl\xe9o (1962 film) =\n\nCl\xe9o\n- Director: Agn\xe8s Varda\n- Runtime: 90 minutes\n", false},
		// Without an extension, only a film document is read whole: a
		// line of text is no film document, and read as linked data.
		{"latin1-line", "Director: Agn\xe8s Varda\n", true},
	} {
		_, refused := validateBothWays(t, tt.name, tt.text, func(path string) bool { return new(env).refusedBytes(path, new(env).mayBeFilmDocument(path)) != nil })
		if refused != tt.refused {
			t.Errorf("%s: refused as it is read: %v; want %v", tt.name, refused, tt.refused)
		}
	}
}

// convertLarge converts path to N-Quads as convert does, with the input
// taken for large (every pre-check as it is read) or not.
func convertLarge(path string, large bool) (status int, out, errOut string) {
	if large {
		defer func(n int) { bigDocument = n }(bigDocument)
		bigDocument = 0
	}
	var o, e bytes.Buffer
	status = run([]string{"convert", "-f", "nquads", path}, nil, &o, &e)
	return status, o.String(), e.String()
}

// convertLarge2 is convertLarge of two inputs, first and path, with
// path taken for large or not.
func convertLarge2(first, path string, large bool) (status int, out, errOut string) {
	if large {
		defer func(n int) { bigDocument = n }(bigDocument)
		// first is read whole, path as large when it is longer.
		bigDocument = int(fileSize(first))
	}
	var o, e bytes.Buffer
	status = run([]string{"convert", "-f", "nquads", first, path}, nil, &o, &e)
	return status, o.String(), e.String()
}

// placedAt is an error's LINE:COL after its file, and the excerpt under it.
var placedAt = regexp.MustCompile(`(?m)(\.json(?:ld)?):\d+:\d+: |^ +\d* \|.*\n`)

// unplaced is a command's error output without the places of its errors:
// what it says of an input too large to be read again for them.
func unplaced(s string) string {
	return placedAt.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasSuffix(m, "\n") {
			return ""
		}
		return m[:strings.IndexByte(m, ':')] + ": "
	})
}

func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}

// A large JSON-LD array whose first node has terms and no @context is
// refused from that node, as it is read, with what converting it whole
// says; an array of values alone is converted as [] is, without being
// decoded; any other shape is converted whole; the results are the same.
func TestFirstItemErrorAgreesWithWholeConvert(t *testing.T) {
	movie := `{"@context": "https://schema.org", "@type": "Movie", "name": "Stalker"}`
	for _, tt := range []struct {
		name, text string
		refused    bool
	}{
		{"objects.json", `[{"b": 1, "a": 2}, {"c": 3}]`, true},
		{"after-values.jsonld", `[1, "x", null, true, {"name": "Solaris", "@type": "Movie"}]`, true},
		{"keyword-first.json", `[{"@id": "urn:x:1", "director": "Tarkovsky"}]`, true},
		{"context-first.json", "[" + movie + `, {"a": 1}]`, false},
		{"no-term-first.json", `[{"@id": "urn:x:1", "http://schema.org/name": "n"}, {"a": 1}]`, false},
		{"empty-first.json", `[{}, {"a": 1}]`, false},
		{"array-first.json", `[[{"a": 1}]]`, false},
		{"object.json", `{"a": 1}`, true},
		{"null-context.json", `{"@context": null, "b": {"a": [1]}, "a": 2}`, true},
		{"context-last.json", `{"name": "Stalker", "@type": "Movie", "@context": "https://schema.org"}`, false},
		{"graph.json", `{"@graph": [{"a": 1}]}`, false},
		{"values.json", `[1, 2, "three"]`, false},
		{"bracket-values.json", `[ "[", "{", "\\\"]", "\\", true, null, -1.5e3 ]`, false},
		{"empty.json", "[]", false},
		{"braces-in-strings.json", `["}", {"z": "}]", "b": "{[\\\""}, 1]`, true},
		{"iri-keys.json", `[{"x:y": 1, "http://schema.org/name": "n"}]`, false},
		{"bom.jsonld", "\ufeff" + movie, false},
		{"bom-objects.json", "\ufeff" + `[{"a": 1}]`, false},
		{"nested-first.json", `[{"a": {"@context": "https://schema.org", "name": "x"}}]`, true},
	} {
		path := filepath.Join(t.TempDir(), tt.name)
		if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		wantStatus, wantOut, wantErr := convertLarge(path, false)
		gotStatus, gotOut, gotErr := convertLarge(path, true)
		// A large input is not read again to place an error the
		// conversion of the whole places ("[[{"a": 1}]]": the key "a").
		wantErr = unplaced(wantErr)
		if gotStatus != wantStatus || gotOut != wantOut || gotErr != wantErr {
			t.Errorf("%s: read as it goes: exit %d\n%s%s\nread whole: exit %d\n%s%s", tt.name, gotStatus, gotOut, gotErr, wantStatus, wantOut, wantErr)
		}
		// Beside another input whose own first node has no context,
		// converting them together names that one's term, and both.
		other := filepath.Join(filepath.Dir(path), "first.json")
		if err := os.WriteFile(other, []byte(`[{"b": 1}]`), 0o644); err != nil {
			t.Fatal(err)
		}
		wantStatus, wantOut, wantErr = convertLarge2(other, path, false)
		gotStatus, gotOut, gotErr = convertLarge2(other, path, true)
		if gotStatus != wantStatus || gotOut != wantOut || gotErr != wantErr {
			t.Errorf("%s after another: read as it goes: exit %d\n%s%s\nread whole: exit %d\n%s%s", tt.name, gotStatus, gotOut, gotErr, wantStatus, wantOut, wantErr)
		}
		// Refused by the scan, not by the whole reading it agrees with.
		old := bigDocument
		bigDocument = 0
		_, _, err := new(env).refusedJSON(path, 0, true)
		bigDocument = old
		refused := err != nil
		if refused != tt.refused {
			t.Errorf("%s: refused from its first node: %v; want %v", tt.name, refused, tt.refused)
		}
	}
}

// A large JSON-LD file that JSON-LD processing refuses for its first node
// is reported by that one error, where reading it whole places it and
// worded alike, and a note that its nodes were not checked; the whole
// reading goes on to check every node. Any other file is left to the
// whole reading.
func TestLargeRefusedAgreesWithWholeRead(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		taken      bool
	}{
		{"dump.json", `[{"a": "b"}, {"a": "c"}, {"a": "d"}]`, true},
		{"spaced.json", "\n\n   [ 1, \"x\",\n  {\"id\": 7, \"é\": [1, {\"b\": 2}]}, {\"c\": 3}]", true},
		{"lock.json", `{"name": "pkg", "version": "1.0.0", "lockfileVersion": 3, "packages": {"": {"name": "pkg"}}}`, true},
		{"forgot.jsonld", `{"@type": "Movie", "name": "Heat", "directr": "Michael Mann"}`, true},
		{"context.json", `[{"@context": "https://schema.org", "@type": "Movie", "name": "Heat"}, {"a": "b"}]`, false},
		{"late-context.json", `{"name": "Heat", "@context": "https://schema.org", "@type": "Movie"}`, false},
		{"bom.json", "\ufeff[{\"a\": \"b\"}]", false},
		{"values.json", `[1, 2]`, false},
		{"keywords.json", `[{"@id": "https://films.example/heat"}]`, false},
		// Not JSON, or not UTF-8, after a first node refused: the whole
		// reading's syntax finding.
		{"broken.json", `[{"a": "b"}, {"a": "c"}, x]`, false},
		{"latin1.json", "[{\"a\": \"b\"}, {\"a\": \"caf\xe9\"}]", false},
	} {
		path := filepath.Join(t.TempDir(), tt.name)
		if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		wantStatus, want, _ := validateLarge(path, false)
		gotStatus, got, _ := validateLarge(path, true)
		func() {
			defer func(n int) { bigDocument = n }(bigDocument)
			bigDocument = 0
			if _, took, _ := new(env).largeRefused(path); took != tt.taken {
				t.Errorf("%s: read as refused: %v; want %v", tt.name, took, tt.taken)
			}
		}()
		if !tt.taken {
			if got != want || gotStatus != wantStatus {
				t.Errorf("%s: read as a large file\n%s\nread whole\n%s", tt.name, got, want)
			}
			continue
		}
		var whole, large []map[string]any
		if json.Unmarshal([]byte(want), &whole) != nil || json.Unmarshal([]byte(got), &large) != nil {
			t.Fatalf("%s: reports\n%s\n%s", tt.name, want, got)
		}
		refusal := func(fs []map[string]any) []map[string]any {
			var out []map[string]any
			for _, f := range fs {
				if f["rule"] == "jsonld.invalid" && f["severity"] == "error" {
					out = append(out, f)
				}
			}
			return out
		}
		w, g := refusal(whole), refusal(large)
		if len(w) != 1 || !reflect.DeepEqual(g, w) {
			t.Errorf("%s: the refusal read as a large file\n%v\nread whole\n%v", tt.name, g, w)
		}
		if len(large) != 2 || large[0]["severity"] != "note" || len(whole) < 2 || gotStatus != wantStatus {
			t.Errorf("%s: read as a large file, exit %d\n%s\nread whole, exit %d\n%s", tt.name, gotStatus, got, wantStatus, want)
		}
	}
}

// Between refusedOver and bigDocument, where the file is not checked as
// JSON before it is read whole, a dump is still reported by its refusal,
// and one that is not JSON by its syntax error.
func TestLargeRefusedBelowBigDocument(t *testing.T) {
	t.Parallel() // independent of the others: runs beside them
	dir := t.TempDir()
	records := strings.Repeat(`{"a": "b"}, `, refusedOver/12+1)
	for _, tt := range []struct {
		name, text, want string
	}{
		{"dump.json", "[" + records + `{"a": "c"}]`, "so in a document this large the nodes were not checked one by one"},
		{"broken.json", "[" + records + `x]`, "[json.syntax]"},
	} {
		if len(tt.text) <= refusedOver || len(tt.text) > bigDocument {
			t.Fatalf("%s: %d bytes", tt.name, len(tt.text))
		}
		path := filepath.Join(dir, tt.name)
		if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		status := run([]string{"validate", path}, nil, &out, &errOut)
		if status != exitError || !strings.Contains(out.String(), tt.want) || strings.Count(out.String(), "\n") > 12 {
			t.Errorf("%s: exit %d\n%s%s", tt.name, status, out.String(), errOut.String())
		}
	}
}

// A large N-Quads, Turtle or TriG file refused from its first 64 KiB (or,
// for N-Quads, read through as it goes) gets the finding validate's whole
// reading gives, and convert the same error.
func TestRefusedLinkedDataAgreesWithWholeRead(t *testing.T) {
	var pad strings.Builder
	pad.WriteString("@prefix s: <http://schema.org/> .\n")
	for i := range 40 {
		fmt.Fprintf(&pad, "<https://films.example/f/%d> a s:Movie ; s:name \"Film é %d\" .\n", i, i)
	}
	nq := strings.Repeat("<https://films.example/f/1> <http://schema.org/name> \"Film é\" .\n", 30)
	late := strings.Repeat(nq, 40) // past the first 64 KiB
	for _, tt := range []struct {
		name, text string
		taken      bool
	}{
		{"junk.ttl", pad.String() + "Director: junk Director: junk\n" + strings.Repeat("Director: junk\n", 100), true},
		{"junk.trig", pad.String() + "<x> s:name \"v\" ; junk .\n" + strings.Repeat("# trailing\n", 150), true},
		{"junk.csv", "title,director\nHeat,Michael Mann\n", true},
		{"junk.nq", nq + "Director: junk\n", true},
		{"later-bytes.ttl", pad.String() + "Director: junk\n" + strings.Repeat("# c\n", 300) + "\xff\n", true},
		{"cut.ttl", pad.String() + "<x> s:name \"\"\"open", false},
		{"fine.ttl", pad.String(), false},
		{"fine.nq", nq, false},
		// A name without an extension: what is no film document is
		// linked data, refused as it is read; a film document is read
		// by the film reader, whole.
		{"junk", strings.Repeat("a", 70<<10), true},
		{"lines", strings.Repeat("Director: junk\n", 100), false}, // an infobox's labels
		{"statements", nq + "Director: junk\n", true},
		{"article", "= Heat (1995 film) =\n\nHeat\n- Director: Michael Mann\n- Runtime: 170 minutes\n", false},
		// Past the first 64 KiB, a large N-Quads file is read through
		// as it goes, and refused for its first error: a statement, a
		// term, a byte, a literal never closed, in a file named .nq or
		// without an extension; a file it passes is read whole.
		{"late.nq", late + "<https://films.example/f/1> <http://schema.org/name> \"x\" junk .\n" + nq, true},
		{"late-iri.nq", late + "<https://films.example/f 1> <http://schema.org/name> \"x\" .\n", true},
		{"late-relative.nq", late + "<f1> <http://schema.org/name> \"x\" .\n", true},
		{"late-byte.nq", late + "<https://films.example/f/1> <http://schema.org/name> \"Mus\xe9e\" .\n", true},
		{"late-open.nq", late + "<https://films.example/f/1> <http://schema.org/name> \"never closed" + strings.Repeat(" and on", 100), true},
		{"late-statements", late + "<https://films.example/f/1> <http://schema.org/name> \"x\" junk .\n", true},
		{"late-fine.nq", late + nq, false},
	} {
		_, took := validateBothWays(t, tt.name, tt.text, func(path string) bool {
			return new(env).refusedLinkedData(path, new(env).mayBeFilmDocument(path)) != nil
		})
		if took != tt.taken {
			t.Errorf("%s: refused from its start: %v; want %v", tt.name, took, tt.taken)
		}
		path := filepath.Join(t.TempDir(), tt.name)
		if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		if whole, large := convertNQuads(path, false), convertNQuads(path, true); whole != large {
			t.Errorf("%s: convert read whole\n%s\nrefused from its start\n%s", tt.name, whole, large)
		}
	}
}

// A large N-Quads file of CR line ends (which end lines as LF does) is
// refused or read from its first 64 KiB as it is read whole, wherever
// the 64 KiB cut its statements.
func TestCRLineEndsAgreeWithWholeRead(t *testing.T) {
	stmt := "<https://films.example/f/1> <http://schema.org/name> \"Film é number\" .\r"
	for pad := range 80 {
		tail := ""
		if pad%2 == 1 {
			tail = "<https://films.example/f/1> junk\r" // refused at the end
		}
		text := "#" + strings.Repeat("x", pad) + "\r" + strings.Repeat(stmt, 70<<10/len(stmt)+3) + tail
		path := filepath.Join(t.TempDir(), "cr.nq")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if whole, large := convertNQuads(path, false), convertNQuads(path, true); whole != large {
			t.Errorf("pad %d: read whole\n%.300s\nread from its first 64 KiB\n%.300s", pad, whole, large)
		}
	}
}

// convertNQuads runs convert -f nquads on path, counted a large file when
// large is set (bigDocument lowered), and returns its exit status, output
// and messages.
func convertNQuads(path string, large bool) string {
	if large {
		defer func(n int) { bigDocument = n }(bigDocument)
		bigDocument = 0
	}
	var out, errOut bytes.Buffer
	status := run([]string{"convert", "-f", "nquads", path}, nil, &out, &errOut)
	return fmt.Sprint(status, "\n", out.String(), errOut.String())
}

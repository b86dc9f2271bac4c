package ld_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/ld/internal/largetest"
)

// TestTurtlePrefixErrorIsTheWholeInputs: whatever prefix of a document
// TurtlePrefixError is given, an error it returns is the one reading the
// whole document gives, text and place; and it finds the error of a
// document whose junk starts early from a short prefix.
func TestTurtlePrefixErrorIsTheWholeInputs(t *testing.T) {
	var pad strings.Builder
	pad.WriteString("@prefix s: <http://schema.org/> .\n@base <https://films.example/> .\n")
	for i := range 40 {
		fmt.Fprintf(&pad, "<f/%d> a s:Movie ; s:name \"Film é %d\"@fr , \"\"\"two\nlines\"\"\" ; s:sameAs ( <a> <b> ) . # note\n", i, i)
	}
	tails := []string{
		"",
		"Director: junk Director: junk\n",
		"<x> s:name \"unterminated\n<y> s:name \"z\" .\n",
		"<x> s:name \"\"\"long string never closed\n" + strings.Repeat("more text\n", 300),
		"<x> s:name \"v\" .\n" + strings.Repeat("<z> s:name \"w\" .\n", 200) + "<q> <r> junk .\n",
		"<x> s:name \"v\" .\n" + strings.Repeat("# comment\n", 200) + "\xff\n",
		"undefined:x s:name \"v\" .\n" + strings.Repeat("<z> s:name \"w\" .\n", 100) + "\"\xc3\"\n",
		"<x> s:knows [ s:name \"in a list\" ; s:knows ( <p> <q> \n" + strings.Repeat("<r> ", 400) + ") ] .\n",
		"<x> s:name 12.5e ; s:url <http://a.example/ bad> .\n",
		"GRAPH <g> { <x> s:name \"in a graph\" . }\n",
		// Strings the prefix cuts: never closed (refused from where they
		// open), closed later, or with what the reader refuses later.
		"<x> s:name \"\"\"" + strings.Repeat("a \"\" b \\\"\"\" \\u00e9 \\n ' \n", 200),
		"<x> s:name '''" + strings.Repeat("x ''\n", 300) + "'' ",
		"<x> s:name \"" + strings.Repeat("short string never closed ", 200),
		"<x> s:name \"\"\"" + strings.Repeat("closed later\n", 200) + "\"\"\" .\n",
		"<x> s:name \"\"\"" + strings.Repeat("an escape refused later\n", 200) + "\\q",
		"<x> s:name \"\"\"" + strings.Repeat("a surrogate later\n", 200) + "\\uD800",
		"<x> s:name \"\"\"" + strings.Repeat("an escape cut at the end\n", 200) + "\\u00",
		"<x> s:name \"" + strings.Repeat("a short string broken ", 200) + "\n<y> s:name \"z\" .\n",
		// A word longer than any prefix declared is refused from its
		// start; one the prefix declared is read.
		strings.Repeat("a", 3000) + " s:name \"v\" .\n",
		strings.Repeat("b", 300) + ":x s:name \"v\" .\n",
		"@prefix " + strings.Repeat("c", 400) + ": <http://c.example/> .\n" + strings.Repeat("c", 400) + ":x s:name \"v\" .\n" + strings.Repeat("c", 401) + ":y s:name \"v\" .\n",
	}
	// Every 13th prefix where every case runs (CI); a developer's run
	// cuts every 53rd, from a start that moves with the tail (the cuts
	// were most of the package's slowest test).
	step := 13
	if !largetest.On() {
		step = 53
	}
	for i, tail := range tails {
		doc := pad.String() + tail
		for _, trig := range []bool{false, true} {
			_, want := ld.ReadTurtle(strings.NewReader(doc), "d.ttl", trig)
			for cut := i % step; cut <= len(doc); cut += step {
				got := ld.TurtlePrefixError([]byte(doc[:cut]), strings.NewReader(doc), "d.ttl", trig)
				if got == nil {
					continue
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("tail %d, trig %v, prefix of %d bytes: %v; the whole document gives %v", i, trig, cut, got, want)
				}
			}
		}
	}
	// The junk of tail 1 is found from the first prefix that holds it and
	// the margin after it.
	junk := pad.String() + tails[1] + strings.Repeat("Director: junk ", 1000)
	prefix := []byte(junk[:len(pad.String())+2048])
	if err := ld.TurtlePrefixError(prefix, strings.NewReader(junk), "d.ttl", false); err == nil || !strings.Contains(err.Error(), `undefined prefix "Director:"`) {
		t.Errorf("junk after %d bytes of statements: %v", len(pad.String()), err)
	}
	// A byte that is not UTF-8 after the junk: the reader refuses the
	// text first, at that byte, as reading it whole does.
	bad := junk + "\xff"
	_, whole := ld.ReadTurtle(strings.NewReader(bad), "d.ttl", false)
	if err := ld.TurtlePrefixError(prefix, bytes.NewReader([]byte(bad)), "d.ttl", false); err == nil || whole == nil || err.Error() != whole.Error() || !errors.Is(err, ld.ErrInvalidUTF8) {
		t.Errorf("junk, and a byte that is not UTF-8 later: %v; reading it whole: %v", err, whole)
	}
	if !strings.Contains(fmt.Sprint(whole), fmt.Sprintf("byte 0xFF at byte offset %d", len(junk))) {
		t.Errorf("reading it whole: %v; want the byte and its offset", whole)
	}
}

// A bare word longer than every prefix declared (and than 256 bytes) is
// refused where it passes that length, quoted short, so that a word of
// any length costs no more than its first bytes; a prefixed name whose
// prefix the document declares is read whatever its length.
func TestTurtleLongWord(t *testing.T) {
	long := strings.Repeat("p", 500)
	for _, tt := range []struct{ doc, err string }{
		{strings.Repeat("a", 1<<20) + " <x> <y> .\n", "d.ttl:1:1: syntax error: unknown word \"" + strings.Repeat("a", 60) + "\"… (longer than any prefix declared"},
		{strings.Repeat("a", 200) + " <x> <y> .\n", "d.ttl:1:1: syntax error: unknown word \"" + strings.Repeat("a", 200) + "\" (want"},
		{"@prefix " + long + ": <http://p.example/> .\n" + long + ":x <http://p.example/y> \"v\" .\n", ""},
		{"@prefix " + long + ": <http://p.example/> .\n" + long + "q:x <http://p.example/y> \"v\" .\n", "d.ttl:2:1: syntax error: unknown word \"" + strings.Repeat("p", 60) + "\"… (longer than any prefix declared"},
		// A string never closed is named by the quotes that would close it.
		{"<x:a> <x:b> \"\"\"open\nand on", "d.ttl:1:13: syntax error: a string not closed with \"\"\""},
		{"<x:a> <x:b> 'open", "d.ttl:1:13: syntax error: a string not closed with '"},
	} {
		_, err := ld.ReadTurtle(strings.NewReader(tt.doc), "d.ttl", false)
		if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.err)) {
			t.Errorf("%.40q…: %v; want %q", tt.doc, err, tt.err)
		}
	}
}

// Blank node property lists and collections nest at most MaxTurtleDepth
// levels: 200,000 levels of "[" (2.4 MB) took 290 MB to convert and
// validate 431 MB and 18 s; a list of lists as deep, past a minute.
func TestTurtleNestingBounded(t *testing.T) {
	doc := func(open, close string, n int) string {
		return "@prefix s: <http://schema.org/> .\n<http://a.example/x> s:knows " +
			strings.Repeat(open, n) + "<http://a.example/y>" + strings.Repeat(close, n) + " .\n"
	}
	for _, tt := range []struct{ open, close string }{{"[ s:knows ", " ]"}, {"( ", " )"}, {"( [ s:knows ", " ] )"}} {
		levels := strings.Count(tt.open, "[") + strings.Count(tt.open, "(")
		n := ld.MaxTurtleDepth / levels
		if _, err := ld.ReadTurtle(strings.NewReader(doc(tt.open, tt.close, n)), "d.ttl", false); err != nil {
			t.Errorf("%q nested %d levels: %v", tt.open, n*levels, err)
		}
		_, err := ld.ReadTurtle(strings.NewReader(doc(tt.open, tt.close, n+1)), "d.ttl", false)
		if err == nil || !strings.Contains(err.Error(), "nest more than 10000 levels deep") || !strings.HasPrefix(err.Error(), "d.ttl:2:") {
			t.Errorf("%q nested %d levels: %v", tt.open, (n+1)*levels, err)
		}
	}
}

// FuzzTurtlePrefixError: whatever the input and wherever the prefix
// ends, an error the prefix gives is the whole input's.
func FuzzTurtlePrefixError(f *testing.F) {
	f.Add("<x:a> <x:b> \"\"\"open \"\" and \\\" on\nand on", 20)
	f.Add("<x:a> <x:b> '''open\n''x", 15)
	f.Add("<x:a> <x:b> \"short \\u00e9 open", 16)
	f.Add("<x:a> <x:b> \"\"\"closed\"\"\" .\n", 17)
	f.Add("<x:a> <x:b> <http://a.example/open/é", 20)
	f.Fuzz(func(t *testing.T, doc string, cut int) {
		if cut < 0 || cut > len(doc) {
			return
		}
		got := ld.TurtlePrefixError([]byte(doc[:cut]), strings.NewReader(doc), "d.ttl", false)
		if got == nil {
			return
		}
		if _, want := ld.ReadTurtle(strings.NewReader(doc), "d.ttl", false); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("the prefix gave %v; the whole document %v", got, want)
		}
	})
}

// A string the prefix cuts and the rest never closes is refused from
// the prefix, where it opens, reading the rest as it goes; one closed
// later, or with an escape the reader refuses later, is left to the
// whole input.
func TestTurtlePrefixErrorOpenString(t *testing.T) {
	const head = "<x:a> <x:b> \"\"\""
	body := strings.Repeat("a line of a long string, \"quoted\" and \\\"escaped\\\" \\u00e9\n", 20000)
	for _, tt := range []struct {
		tail string
		want string // "" when the prefix leaves it to the whole
	}{
		{"", "d.ttl:1:13: syntax error: a string not closed with \"\"\""},
		{"\"\"", "d.ttl:1:13: syntax error: a string not closed with \"\"\""},
		{"\"\"\" .\n", ""},
		{"\\q", ""},
	} {
		doc := head + body + tt.tail
		got := ld.TurtlePrefixError([]byte(doc[:64<<10]), strings.NewReader(doc), "d.ttl", false)
		if fmt.Sprint(got) != tt.want && !(got == nil && tt.want == "") {
			t.Errorf("tail %q: %v; want %q", tt.tail, got, tt.want)
		}
	}
}

// An IRI the prefix cuts and the rest never closes is refused from the
// prefix too; its error stands at the input's end, which the rest's
// characters place.
func TestTurtlePrefixErrorOpenIRI(t *testing.T) {
	const head = "@prefix s: <http://schema.org/> .\n<x:a> s:url <http://films.example/"
	body := strings.Repeat("é/a", 40000)
	for _, tt := range []struct {
		tail    string
		refused bool
	}{
		{"", true},
		{"> .\n", false},
		{" x", false},
		{"\\u0041", false},
	} {
		doc := head + body + tt.tail
		got := ld.TurtlePrefixError([]byte(doc[:64<<10]), strings.NewReader(doc), "d.ttl", false)
		_, want := ld.ReadTurtle(strings.NewReader(doc), "d.ttl", false)
		switch {
		case tt.refused && (got == nil || fmt.Sprint(got) != fmt.Sprint(want)):
			t.Errorf("tail %q: %v; the whole input gives %v", tt.tail, got, want)
		case !tt.refused && got != nil:
			t.Errorf("tail %q: refused by the prefix: %v", tt.tail, got)
		}
	}
}

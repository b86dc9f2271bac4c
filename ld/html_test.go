package ld_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/ld/internal/largetest"
)

// TestHTMLEscaping checks that no review text can end the script element or
// open another one, and that the element reads back as the same graph.
func TestHTMLEscaping(t *testing.T) {
	bodies := []string{
		"</script><script>alert(1)</script>",
		"<!-- <script>",
		"Tom & Jerry > Itchy & Scratchy",
		"line\u2028separator\u2029paragraph",
		"</SCRIPT >",
	}
	p := ld.NewProcessor(ld.Config{})
	for _, body := range bodies {
		doc := map[string]any{
			"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
			"review": map[string]any{"@type": "Review", "reviewBody": body},
		}
		out, err := p.HTML(doc, ld.Options{})
		if err != nil {
			t.Fatal(err)
		}
		inner := strings.TrimSuffix(strings.TrimPrefix(string(out), "<script type=\"application/ld+json\">\n"), "</script>\n")
		for _, bad := range []string{"<", ">", "&", "\u2028", "\u2029"} {
			if strings.Contains(inner, bad) {
				t.Errorf("%q: %q left unescaped in\n%s", body, bad, out)
			}
		}
		// An HTML parser must see exactly one script element whose text
		// is the whole JSON.
		page := "<!DOCTYPE html><html><head>" + string(out) + "</head><body><p>after</p></body></html>"
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		var scripts []*html.Node
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "script" {
				scripts = append(scripts, n)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(root)
		if len(scripts) != 1 || scripts[0].FirstChild == nil || scripts[0].FirstChild.Data != "\n"+inner {
			t.Fatalf("%q: the page has %d script elements or a cut one:\n%q\n%q", body, len(scripts), scripts[0].FirstChild.Data, inner)
		}
		blocks, err := ld.ExtractHTML(strings.NewReader(page), "page.html")
		if err != nil || len(blocks) != 1 {
			t.Fatalf("%q: ExtractHTML = %v, %v", body, blocks, err)
		}
		got, err := p.Canonical(blocks[0].Doc, ld.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want, _ := p.Canonical(doc, ld.Options{})
		if got != want {
			t.Errorf("%q: graph changed\n got:\n%s\nwant:\n%s", body, got, want)
		}
		if !strings.Contains(got, strings.ReplaceAll(body, `"`, `\"`)) {
			t.Errorf("%q: text not kept exactly:\n%s", body, got)
		}
	}
}

func TestExtractHTML(t *testing.T) {
	page := `<!DOCTYPE html>
<html><head>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Movie", "name": "One"}</script>
<script>var notData = 1;</script>
<script type="text/javascript">{"not": "json-ld"}</script>
</head>
<body>
<SCRIPT TYPE="Application/LD+JSON; charset=utf-8">
{"@context": "https://schema.org", "@type": "Person", "name": "A &amp; B"}
</SCRIPT>
</body></html>
`
	blocks, err := ld.ExtractHTML(strings.NewReader(page), "page.html")
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) != 2 {
		t.Fatalf("%d blocks, want 2", len(blocks))
	}
	if blocks[0].Line != 3 || blocks[1].Line != 8 {
		t.Errorf("lines %d, %d; want 3, 8", blocks[0].Line, blocks[1].Line)
	}
	// Script content is raw text: entities are not decoded.
	if name := blocks[1].Doc.(map[string]any)["name"]; name != "A &amp; B" {
		t.Errorf("name = %q", name)
	}
}

func TestExtractHTMLErrors(t *testing.T) {
	tests := []struct{ page, msg string }{
		{"<p>x</p>\n<script type=\"application/ld+json\">\n{\"name\": \"x\",\n \"bad\": }\n</script>",
			"page.html:4:9: syntax error: JSON-LD block starting on line 2 (invalid script element): invalid character '}' looking for beginning of value"},
		{"<script type=\"application/ld+json\"></script>",
			"page.html:1:36: syntax error: JSON-LD block starting on line 1 (invalid script element): the block is empty: it holds no JSON value"},
		{"<script type=\"application/ld+json\">{} {}</script>",
			"page.html:1:39: syntax error: JSON-LD block starting on line 1 (invalid script element): invalid character after top-level value"},
		// A block saved with a byte-order mark, on a page that declares no
		// charset and on one that declares UTF-8: json named the mark's
		// first byte 'ï'.
		{"<script type=\"application/ld+json\">\ufeff{\"name\": \"Café\"}</script>",
			"page.html:1:36: syntax error: JSON-LD block starting on line 1 (invalid script element): the block starts with a byte-order mark (U+FEFF), which JSON inside a page cannot hold: remove it"},
		{"<meta charset=utf-8>\n<script type=\"application/ld+json\">\n\ufeff{}</script>",
			"page.html:3:1: syntax error: JSON-LD block starting on line 2 (invalid script element): the block starts with a byte-order mark (U+FEFF), which JSON inside a page cannot hold: remove it"},
		{"<script type=\"application/ld+json\">{\"name\":\ufeff \"x\"}</script>",
			"page.html:1:44: syntax error: JSON-LD block starting on line 1 (invalid script element): invalid character U+FEFF (a byte-order mark) inside the JSON: remove it"},
	}
	for _, tt := range tests {
		_, err := ld.ExtractHTML(strings.NewReader(tt.page), "page.html")
		if !errors.Is(err, ld.ErrSyntax) {
			t.Errorf("err = %v, want ErrSyntax", err)
			continue
		}
		if err.Error() != tt.msg {
			t.Errorf("message\n got: %s\nwant: %s", err, tt.msg)
		}
	}
}

func TestHTMLRoundTripFixtures(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	for _, f := range loadFixtures(t) {
		var buf bytes.Buffer
		if err := p.Write(&buf, f.doc, ld.FormatHTML, f.opts); err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		blocks, err := ld.ExtractHTML(&buf, f.name+".html")
		if err != nil || len(blocks) != 1 || blocks[0].Line != 1 {
			t.Fatalf("%s: %v %v", f.name, blocks, err)
		}
		got, err := p.Canonical(blocks[0].Doc, ld.Options{})
		if err != nil || got != f.expected {
			t.Errorf("%s: graph changed (%v)", f.name, err)
		}
	}
}

// A comment, tag, text run or script longer than MaxHTMLToken is refused
// at its line rather than held; a JSON-LD block that long is read.
func TestScriptTextsMaxHTMLToken(t *testing.T) {
	largetest.Skip(t, "builds 32 MiB pages")
	long := strings.Repeat("Director: junk ", ld.MaxHTMLToken/15+1)
	for _, tt := range []struct {
		page []string // read one after the other: joined, the 32 MiB copies were a third of the test's time
		line int      // of the refused token; 0 when the page is read
	}{
		{[]string{"<p>a</p>\n<!--", long, "-->"}, 2},
		{[]string{"<p>a</p>\n\n<p title=\"", long, "\">b</p>"}, 3},
		{[]string{"<p>\n", long, "</p>"}, 1},
		{[]string{"<p>a</p><script>", long, "</script>"}, 1},
		{[]string{"<p>a</p><script type=\"application/ld+json\">[\"", long, "\"]</script>"}, 0},
		{[]string{"<p>a</p><script type=\"application/ld+json\">[\"", long, "\"]</script><p>", strings.Repeat("b", 1<<20), "</p>"}, 0},
	} {
		parts := make([]io.Reader, len(tt.page))
		for i, s := range tt.page {
			parts[i] = strings.NewReader(s)
		}
		texts, err := ld.ScriptTexts(io.MultiReader(parts...), "p.html")
		head := tt.page[0] + tt.page[1][:40]
		if tt.line == 0 {
			if err != nil || len(texts) != 1 || len(texts[0].Text) != len(long)+4 {
				t.Errorf("%.40q…: %d blocks, %v; want the block", head, len(texts), err)
			}
			continue
		}
		want := fmt.Sprintf("p.html:%d: %v", tt.line, ld.ErrHTMLToken)
		if !errors.Is(err, ld.ErrHTMLToken) || err.Error() != want {
			t.Errorf("%.40q…: %v; want %s", head, err, want)
		}
	}
}

// TestExtractHTMLEveryBadBlock: a page's broken blocks are each reported,
// in order, and the others are still read by ExtractHTMLBlocks (a
// lenient reader skips the broken ones); ExtractHTML refuses the page
// with a *BadBlocks whose first error errors.As finds.
func TestExtractHTMLEveryBadBlock(t *testing.T) {
	const open = `<script type="application/ld+json">`
	page := open + `{"name": "a",}</script>` + "\n" +
		open + `{"name": "good"}</script>` + "\n" +
		open + "\n[1 2]</script>\n" +
		open + `{"name": "also good"}</script>`
	blocks, bad, err := ld.ExtractHTMLBlocks(strings.NewReader(page), "p.html")
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) != 2 || blocks[0].Line != 2 || blocks[1].Line != 5 ||
		blocks[0].Doc.(map[string]any)["name"] != "good" || blocks[1].Doc.(map[string]any)["name"] != "also good" {
		t.Errorf("blocks %+v; want the good ones of lines 2 and 5", blocks)
	}
	if len(bad) != 2 || bad[0].Pos.String() != "p.html:1:49" || bad[1].Pos.String() != "p.html:4:4" {
		t.Fatalf("bad blocks %v; want at p.html:1:49 and p.html:4:4", bad)
	}
	_, err = ld.ExtractHTML(strings.NewReader(page), "p.html")
	var all *ld.BadBlocks
	var first *ld.PosError
	if !errors.As(err, &all) || len(all.Errs) != 2 || !errors.As(err, &first) || first != all.Errs[0] || !errors.Is(err, ld.ErrSyntax) {
		t.Fatalf("ExtractHTML: %v; want both blocks' errors", err)
	}
	if want := bad[0].Error() + " (and 1 more block not JSON)"; err.Error() != want {
		t.Errorf("message\n got: %s\nwant: %s", err, want)
	}
}

// TestUnwrapBlock: the wrappers old pages and Letterboxd put around a
// script's JSON are blanked (every other byte keeps its place), and a
// wrapper with one half, or whose content still holds a comment's half
// (the JSON-LD test suite's html#te014), is not.
func TestUnwrapBlock(t *testing.T) {
	const json = `{"name": "x"}`
	for _, tt := range []struct {
		text, wrapper string
	}{
		{"\n<!--\n" + json + "\n-->\n", "an HTML comment (<!-- … -->)"},
		{"<!--" + json + "-->", "an HTML comment (<!-- … -->)"},
		{"\n// <!--\n" + json + "\n// -->\n", "an HTML comment (<!-- … -->)"},
		{"\n//<![CDATA[\n" + json + "\n//]]>\n", "a CDATA section (<![CDATA[ … ]]>)"},
		{"\n/* <![CDATA[ */\n" + json + "\n/* ]]> */\n", "a CDATA section (<![CDATA[ … ]]>)"},
		{"/*<![CDATA[*/" + json + "/*]]>*/", "a CDATA section (<![CDATA[ … ]]>)"},
		{"<![CDATA[" + json + "]]>", "a CDATA section (<![CDATA[ … ]]>)"},
	} {
		out, w := ld.UnwrapBlock([]byte(tt.text))
		if w != tt.wrapper || len(out) != len(tt.text) {
			t.Errorf("UnwrapBlock(%q) = %q, %q; want the wrapper %q blanked", tt.text, out, w, tt.wrapper)
			continue
		}
		if i := strings.Index(tt.text, json); string(out[i:i+len(json)]) != json || strings.TrimSpace(string(out)) != json {
			t.Errorf("UnwrapBlock(%q) = %q; want the JSON alone, in its place", tt.text, out)
		}
		if strings.Count(string(out), "\n") != strings.Count(tt.text, "\n") {
			t.Errorf("UnwrapBlock(%q) = %q: lines moved", tt.text, out)
		}
	}
	for _, text := range []string{
		json, "\n<!--\n" + json + "\n", "\n" + json + "\n-->\n", "<!-- " + `{"a": "<!-- -->"}` + " -->",
		"//<![CDATA[\n" + json + "\n-->", "/* <![CDATA[\n" + json + "\n]]> */", "<!-- foo -->x",
	} {
		if out, w := ld.UnwrapBlock([]byte(text)); out != nil {
			t.Errorf("UnwrapBlock(%q) = %q, %q; want it left as it is", text, out, w)
		}
	}
}

// FuzzUnwrapBlock: whatever it unwraps keeps its length and its line
// breaks, and changes bytes only to spaces.
func FuzzUnwrapBlock(f *testing.F) {
	for _, s := range []string{"<!--{}-->", "//<![CDATA[\n{}\n//]]>", "/* <![CDATA[ */{}/* ]]> */", "<!--", "/*<![CDATA[*/ */", "<![CDATA[]]>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, w := ld.UnwrapBlock([]byte(s))
		if out == nil {
			return
		}
		if w == "" || len(out) != len(s) {
			t.Fatalf("UnwrapBlock(%q) = %q, %q", s, out, w)
		}
		for i := range out {
			if out[i] != s[i] && out[i] != ' ' || s[i] == '\n' && out[i] != '\n' {
				t.Fatalf("UnwrapBlock(%q) = %q: byte %d", s, out, i)
			}
		}
	})
}

// A start tag with more than MaxHTMLAttributes attributes is refused at
// its line before the tokenizer notes them all; one at the limit is read,
// and what only looks like attributes (in a block, a comment, a quoted
// value, a script's text) is not counted. A block long enough to be read
// past the tokenizer does not hide a tag after it.
func TestScriptTextsMaxHTMLAttributes(t *testing.T) {
	attrs := func(n int) string { return strings.Repeat(" a", n) }
	block := func(text string) string {
		return `<script type="application/ld+json">{"name": "` + text + `"}</script>`
	}
	over := ld.MaxHTMLAttributes + 1
	for _, tt := range []struct {
		name string
		page string
		line int // of the refused tag; 0 when the page is read
	}{
		{"at the limit", block("x") + "\n<div" + attrs(ld.MaxHTMLAttributes) + ">", 0},
		{"over", block("x") + "\n\n<div" + attrs(over) + ">", 3},
		{"over, no end", "<p>\n<div" + attrs(4*over), 2},
		{"quoted forms", "<p\n" + strings.Repeat(`a="b"`, over) + ">" + block("x"), 1},
		{"in a block", block("<div" + attrs(over)), 0},
		{"in a comment", "<!-- <div" + attrs(over) + " -->" + block("x"), 0},
		{"in a value", `<p title="<div` + attrs(over) + `">` + block("x"), 0},
		{"in a script", "<script>x = '<div" + attrs(over) + "'</script>" + block("x"), 0},
		{"after a long block", block(strings.Repeat("x", 2<<20)) + "\n<div" + attrs(over) + ">", 2},
	} {
		texts, err := ld.ScriptTexts(strings.NewReader(tt.page), "p.html")
		if tt.line == 0 {
			if err != nil || len(texts) != 1 {
				t.Errorf("%s: %d blocks, %v; want the block", tt.name, len(texts), err)
			}
			continue
		}
		want := fmt.Sprintf("p.html:%d: %v", tt.line, ld.ErrHTMLAttributes)
		if !errors.Is(err, ld.ErrHTMLAttributes) || err.Error() != want {
			t.Errorf("%s: %v; want %s", tt.name, err, want)
		}
	}
	// OtherMarkup stops at such a tag too, as at any unreadable token:
	// the itemscope after it is not reached.
	page := "<div" + attrs(over) + "></div><div itemscope>"
	if m := ld.OtherMarkup(strings.NewReader(page)); m.Syntax != "" {
		t.Errorf("OtherMarkup read past the tag: %+v", m)
	}
	if m := ld.OtherMarkup(strings.NewReader("<div" + attrs(ld.MaxHTMLAttributes) + "></div><div itemscope>")); m.Syntax != "Microdata" {
		t.Errorf("OtherMarkup stopped at a tag at the limit: %+v", m)
	}
}

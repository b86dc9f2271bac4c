package ld

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/ld/internal/largetest"
	"golang.org/x/net/html"
)

// scriptTextsByTokenizer is ScriptTexts as it was before EachScript read
// script content past the tokenizer: the tokenizer's own text token,
// held whole. It is the reference the scriptReader is held to.
func scriptTextsByTokenizer(r io.Reader, name string) ([]ScriptText, error) {
	z := html.NewTokenizer(r)
	z.SetMaxBuf(MaxHTMLToken)
	line, col, chars := 1, 1, 0
	var offset int64
	advance := func(raw []byte) {
		offset += int64(len(raw))
		if i := bytes.LastIndexByte(raw, '\n'); i >= 0 {
			line += bytes.Count(raw, []byte("\n"))
			col = len(raw) - i
			chars = diag.CharCount(raw[i+1:])
		} else {
			col += len(raw)
			chars += diag.CharCount(raw)
		}
	}
	var out []ScriptText
	base, haveBase := "", false
	cutText := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if errors.Is(z.Err(), io.EOF) {
				for i := range out {
					out[i].Base = base
				}
				return out, nil
			}
			if errors.Is(z.Err(), html.ErrBufferExceeded) {
				return nil, &PosError{Pos: diag.Position{File: name, Line: cmp.Or(cutText, line)}, Err: ErrHTMLToken}
			}
			return nil, fmt.Errorf("ld: read %s: %w", name, z.Err())
		}
		start := line
		if tt == html.TextToken && len(z.Raw()) >= MaxHTMLToken {
			cutText = start
		}
		advance(z.Raw())
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tag, hasAttr := z.TagName()
		if string(tag) == "base" && !haveBase {
			for more := hasAttr; more; {
				var key, val []byte
				key, val, more = z.TagAttr()
				if string(key) == "href" {
					base, haveBase = strings.TrimSpace(string(val)), true
					break
				}
			}
			continue
		}
		if string(tag) != "script" || !isJSONLDScript(z, hasAttr) {
			continue
		}
		st := ScriptText{Line: start, TextLine: line, TextCol: col, TextChars: chars, TextOffset: offset}
		z.SetMaxBuf(0)
		if z.Next() == html.TextToken {
			st.Text = bytes.Clone(z.Raw())
		}
		z.SetMaxBuf(MaxHTMLToken)
		advance(z.Raw())
		out = append(out, st)
	}
}

// scriptPieces are the fragments fuzzScriptPage builds pages of: every
// turn of the script data states (escapes, double escapes, end tags
// whole, cut short, in other cases, closed by each byte a tag name may
// end with), other raw text elements, multi-byte characters and lines.
var scriptPieces = []string{
	`<script type="application/ld+json">`, `<SCRIPT type=application/ld+json >`, `<script type="application/ld+json"/>`,
	`<script>`, `<style>`, `<textarea>`, `<base href=" https://a.example/ ">`, `<p>`, `</p>`,
	`</script>`, `</SCRIPT>`, `</ScRiPt >`, `</script/`, `</script`, `</scrip`, `</scripts>`, `</script` + "\t", `</script` + "\f",
	`<!--`, `<!-`, `<!`, `-->`, `--`, `-`, `->`, `<`, `>`, `/`, `<script>`, `<Script `, `<scripx`, `<s`, `<!-- <script>`,
	`{"@context": "https://schema.org", "name": "é ✓"}`, "\n", "\r\n", "x", "é", "\x00", " ", `"</script>"`, `<!--<script>-->`,
}

// fuzzScriptPage makes a page from data, a fragment a byte.
func fuzzScriptPage(data []byte) string {
	var b strings.Builder
	for _, c := range data {
		b.WriteString(scriptPieces[int(c)%len(scriptPieces)])
	}
	return b.String()
}

// sameScriptTexts fails t where ScriptTexts and the tokenizer's reading
// of page differ, read whole, a byte at a time and in pieces that end
// in a read error.
func sameScriptTexts(t *testing.T, page string) {
	t.Helper()
	want, werr := scriptTextsByTokenizer(strings.NewReader(page), "p.html")
	readers := map[string]func() io.Reader{
		"whole":    func() io.Reader { return strings.NewReader(page) },
		"bytewise": func() io.Reader { return iotest.OneByteReader(strings.NewReader(page)) },
		"halves":   func() io.Reader { return iotest.HalfReader(strings.NewReader(page)) },
		"data+EOF": func() io.Reader { return iotest.DataErrReader(strings.NewReader(page)) },
	}
	defer func(limit int) { streamScriptsOver = limit }(streamScriptsOver)
	for _, limit := range []int{streamScriptsOver, 1, 3, 64} {
		streamScriptsOver = limit
		for how, r := range readers {
			got, gerr := ScriptTexts(r(), "p.html")
			if fmt.Sprint(gerr) != fmt.Sprint(werr) || !reflect.DeepEqual(got, want) {
				t.Fatalf("%s, blocks over %d bytes read past the tokenizer, page %q:\n got %v %+v\nwant %v %+v", how, limit, page, gerr, got, werr, want)
			}
		}
	}
}

// TestScriptTextsMatchTokenizer holds the script content read past the
// tokenizer to the tokenizer's own text token, on pages chosen for each
// rule of the script data states.
func TestScriptTextsMatchTokenizer(t *testing.T) {
	const open = `<script type="application/ld+json">`
	pages := []string{
		"",
		open,
		open + "</script>",
		open + `{"a": 1}</script><p>after</p>` + open + "\n{}\n</SCRIPT >",
		open + `{"a": "</script>"}</script>`,
		open + `{"a": "<\/script>"}</script>`,
		open + `<!-- {} --></script>`,
		open + `<!-- <script> </script> {} --></script>after</script>`,
		open + `<!-- <script> </script> --> </script>`,
		open + `<!-- <SCRIPT/> --- <\/script> </script> --></script>`,
		open + `<!--<script>--></script>`,
		open + `<!-- <scripts> </script>`,
		open + `<!-- <a </script>`,
		open + `<!-- < </script>`,
		open + `<!-- < <script> </script> --> </script>`,
		open + `<!-- <3 <script> </script> --> </script>`,
		open + `<!- </script>`,
		open + `<! </script>`,
		open + `</scrip </script/ x`,
		open + `</script` + "\f" + `>`,
		open + `{"é": "✓"}` + "\r\n" + `</script>` + "\n" + open + `[1]`,
		open + `<!-- <script> -- - > -->`,
		open + `</scr`,
		`<base href="b/">` + open + `{}</script><base href="c/">`,
		`<script>` + open + `</script>` + open + `{}</script>`,
		`<textarea>` + open + `</textarea>` + open + `1</script>`,
		"<p>" + strings.Repeat("x", 70000) + "</p>" + open + strings.Repeat(`"ab", `, 20000) + "</script>" + open + "{}</script>",
		open + strings.Repeat("<!-- <script> -->", 5000) + "</script>",
	}
	for _, page := range pages {
		sameScriptTexts(t, page)
	}
}

// FuzzScriptTexts holds ScriptTexts to the tokenizer's reading of pages
// made of the fragments of scriptPieces.
func FuzzScriptTexts(f *testing.F) {
	f.Add([]byte{0, 33, 34, 9})
	f.Add([]byte{0, 18, 28, 9, 20, 9, 20, 33, 9})
	f.Add([]byte{1, 18, 27, 40, 10, 20, 37, 34, 2, 0, 13, 19})
	f.Fuzz(func(t *testing.T, data []byte) {
		sameScriptTexts(t, fuzzScriptPage(data))
	})
}

// TestEachScriptLeavesBlocksUnheld: a block the caller reads only the
// start of is skipped, not held, and the page goes on after it.
func TestEachScriptLeavesBlocksUnheld(t *testing.T) {
	const open = `<script type="application/ld+json">`
	page := open + "[" + strings.Repeat(`"x", `, 1<<20) + "]</script>\n" + open + "{}</script>"
	var lines []int
	var firsts []string
	base, err := EachScript(strings.NewReader(page), "p.html", func(st ScriptText, content io.Reader) error {
		head := make([]byte, 2)
		n, _ := io.ReadFull(content, head)
		firsts = append(firsts, string(head[:n]))
		lines = append(lines, st.Line)
		return nil
	})
	if err != nil || base != "" {
		t.Fatal(base, err)
	}
	if !reflect.DeepEqual(lines, []int{1, 2}) || !reflect.DeepEqual(firsts, []string{`["`, "{}"}) {
		t.Errorf("lines %v, first bytes %q", lines, firsts)
	}
	stop := errors.New("stop")
	_, err = EachScript(strings.NewReader(page), "p.html", func(ScriptText, io.Reader) error { return stop })
	if err != stop {
		t.Errorf("the block's error: got %v", err)
	}
	_, err = EachScript(iotest.TimeoutReader(strings.NewReader(page)), "p.html", func(_ ScriptText, content io.Reader) error {
		_, err := io.ReadAll(content)
		return err
	})
	if !errors.Is(err, iotest.ErrTimeout) || !strings.Contains(err.Error(), "read p.html") {
		t.Errorf("a read error: got %v", err)
	}
}

// extractHTMLWhole is ExtractHTML as it was before blocks were read as
// they go: the page read whole by the tokenizer, then each block decoded.
func extractHTMLWhole(r io.Reader, name string) ([]Block, error) {
	texts, err := scriptTextsByTokenizer(r, name)
	if err != nil {
		return nil, err
	}
	blocks := make([]Block, 0, len(texts))
	var bad []*PosError // every block that is not JSON, as ExtractHTML reports them
	for _, st := range texts {
		text, wrapper := st.Text, ""
		if inner, w := UnwrapBlock(text); inner != nil {
			text, wrapper = inner, w
		}
		doc, off, err := decodeBlock(text)
		if err != nil {
			if errors.Is(err, ErrInvalidUTF8) {
				err = fmt.Errorf("%w at byte offset %d", err, st.TextOffset+int64(off))
			}
			if w := BlockWrapper(text); w != "" {
				err = fmt.Errorf("%w (the JSON is wrapped in %s, which JSON-LD does not allow: remove the wrapper)", err, w)
			}
			pe := posError(text, name, off, fmt.Errorf("%w: JSON-LD block starting on line %d (invalid script element): %v", ErrSyntax, st.Line, err))
			if pe.Pos.Line == 1 {
				pe.Pos.Col += st.TextChars
				pe.Source = ""
			}
			pe.Pos.Line += st.TextLine - 1
			bad = append(bad, pe)
			continue
		}
		if st.Base != "" {
			doc = withPageBase(doc, st.Base)
		}
		blocks = append(blocks, Block{Line: st.Line, Doc: doc, Wrapper: wrapper})
	}
	switch {
	case len(bad) == 1:
		return nil, bad[0]
	case len(bad) > 1:
		return nil, &BadBlocks{Errs: bad}
	}
	return blocks, nil
}

// sameExtraction fails t where ExtractHTML, with every block short and
// with every block checked as it is read, differs from extractHTMLWhole
// on page: the same blocks, or the same error at the same place (a
// block checked as it is read quotes no line).
func sameExtraction(t *testing.T, page string) {
	t.Helper()
	want, werr := extractHTMLWhole(strings.NewReader(page), "p.html")
	defer func(limit int) { spoolBlocksOver = limit }(spoolBlocksOver)
	defer func(limit int) { streamScriptsOver = limit }(streamScriptsOver)
	for _, limit := range []int{SpoolBlocksOver, 0, 3} {
		spoolBlocksOver = limit
		streamScriptsOver = max(limit, 1)
		got, gerr := ExtractHTML(strings.NewReader(page), "p.html")
		var wpe, gpe *PosError
		if errors.As(werr, &wpe) && errors.As(gerr, &gpe) && limit != SpoolBlocksOver {
			w := *wpe
			w.Source = ""
			wpe = &w
		}
		if fmt.Sprintf("%v %+v", gerr, gpe) != fmt.Sprintf("%v %+v", werr, wpe) || !reflect.DeepEqual(got, want) {
			t.Fatalf("blocks over %d bytes checked as read, page %q:\n got %v %+v\nwant %v %+v", limit, page, gerr, got, werr, want)
		}
	}
}

// TestExtractHTMLCheckedAsRead holds ExtractHTML's check of long blocks
// as they are read to the decoding of the block whole, on blocks with
// every kind of problem, at every place.
func TestExtractHTMLCheckedAsRead(t *testing.T) {
	const open = `<script type="application/ld+json">`
	blocks := []string{
		`{"@context": "https://schema.org", "name": "x"}`,
		"\n  [1, 2,\n   {\"a\": \"é\"}]\n",
		"Director: junk",
		`[1,2,3,x]`,
		"{\"a\":\n\n  \"b\" \"c\"}",
		`{"a": "unterminated`,
		`{"a": 1} x`,
		`{"a": 1} {}`,
		"{\"é\": \"\xff\"}",
		"\n\n\"\xc3\"",
		"\xef\xbb\xbf{}",
		"\n \xef\xbb\xbf{}",
		"",
		"   \n ",
		strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
		`{"a": 1e}`,
		`{"a": tru}`,
		`{"a": "\u00"}`,
		"é ✓ [1,,2]",
	}
	for _, b := range blocks {
		sameExtraction(t, open+b+"</script>")
		sameExtraction(t, "<p>é ✓</p>\n<p>x</p>"+open+b+"</script>\n"+open+"{}</script>")
		sameExtraction(t, open+"[]</script>"+open+b)
	}
	// The page's own error comes first, after a bad block too: 32 MiB
	// pages, read at each limit, so with the large tests.
	if !largetest.On() {
		t.Logf("a comment past MaxHTMLToken after a block: a large case, run with %s=1 (CI sets it)", largetest.Var)
		return
	}
	tooLong := "</script><!--" + strings.Repeat("x", MaxHTMLToken)
	sameExtraction(t, open+blocks[0]+tooLong)
	sameExtraction(t, open+blocks[3]+tooLong)
}

// FuzzExtractHTMLCheckedAsRead is TestExtractHTMLCheckedAsRead on pages
// of the fragments of scriptPieces and jsonPieces.
func FuzzExtractHTMLCheckedAsRead(f *testing.F) {
	f.Add([]byte{0, 200, 201, 202, 9})
	f.Add([]byte{0, 205, 209, 9, 0, 210})
	f.Fuzz(func(t *testing.T, data []byte) {
		var b strings.Builder
		for _, c := range data {
			if c >= 200 {
				b.WriteString(jsonPieces[int(c-200)%len(jsonPieces)])
			} else {
				b.WriteString(scriptPieces[int(c)%len(scriptPieces)])
			}
		}
		sameExtraction(t, b.String())
	})
}

// jsonPieces are fragments of JSON and its mistakes.
var jsonPieces = []string{`{`, `}`, `[`, `]`, `"a"`, `:`, `,`, `1`, `1e`, `tru`, `null`, "\n", "\xff", "\xef\xbb\xbf", `"\u00`, `"é`, ` `, `x`}

// manyBlocksPage is a page of n small JSON-LD blocks, as a listing page
// marks up each item.
func manyBlocksPage(n int) string {
	var b strings.Builder
	b.WriteString("<html><body>\n")
	for i := range n {
		fmt.Fprintf(&b, `<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Person", "name": "P%d"}</script>`+"\n", i)
	}
	b.WriteString("</body></html>")
	return b.String()
}

// A page of many small blocks costs a few kilobytes a block: the bytes
// read past a block were joined to what was handed back before them,
// 32 KiB moved and allocated a block (a page of 50,000 took 3.1 s
// instead of 1.8).
func TestScriptTextsManyBlocksAllocs(t *testing.T) {
	const n = 2000
	page := manyBlocksPage(n)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	texts, err := ScriptTexts(strings.NewReader(page), "p.html")
	runtime.ReadMemStats(&after)
	if err != nil || len(texts) != n {
		t.Fatal(len(texts), err)
	}
	if perBlock := (after.TotalAlloc - before.TotalAlloc) / n; perBlock > 12<<10 {
		t.Errorf("%d bytes allocated a block", perBlock)
	}
}

func BenchmarkScriptTextsManyBlocks(b *testing.B) {
	page := manyBlocksPage(5000)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := ScriptTexts(strings.NewReader(page), "p.html"); err != nil {
			b.Fatal(err)
		}
	}
}

// A block's error is placed in characters, as every position is, also
// when the line holds characters of several bytes before the block
// (convert said column 49 where validate said 46).
func TestExtractHTMLColumnInCharacters(t *testing.T) {
	page := `<p>é ✓</p><script type="application/ld+json">x</script>`
	defer func(limit int) { spoolBlocksOver = limit }(spoolBlocksOver)
	for _, spoolBlocksOver = range []int{SpoolBlocksOver, 0} {
		_, err := ExtractHTML(strings.NewReader(page), "p.html")
		var pe *PosError
		// <p>é ✓</p> is 10 characters, the start tag 35: x is the 46th.
		if !errors.As(err, &pe) || pe.Pos.Line != 1 || pe.Pos.Col != 46 {
			t.Errorf("blocks over %d bytes checked as read: %v", spoolBlocksOver, err)
		}
	}
}

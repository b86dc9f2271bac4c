package ld

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/film2ld/film2ld/ld/diag"
	"golang.org/x/net/html"
)

// HTML returns doc in the [FormatJSONLD] form inside a
// <script type="application/ld+json"> element, ready to paste into a page.
// The JSON escapes <, >, & and U+2028/U+2029 as \u003c and so on, so no
// string in the data ("</script>", "<!--") can end the element or open
// another; a JSON parser reads the escapes back as the same characters.
func (p *Processor) HTML(doc any, opts Options) ([]byte, error) {
	v, err := p.jsonld(doc, opts)
	if err != nil {
		return nil, err
	}
	return scriptElement(v)
}

func scriptElement(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`<script type="application/ld+json">` + "\n")
	if err := encodeJSON(&b, v, true); err != nil {
		return nil, err
	}
	b.WriteString("</script>\n")
	return b.Bytes(), nil
}

// encodeJSON writes v with sorted keys, two-space indentation and a
// trailing newline; escapeHTML selects the escaping safe inside <script>.
func encodeJSON(w io.Writer, v any, escapeHTML bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(escapeHTML)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("ld: encode JSON: %w", err)
	}
	return nil
}

// Block is one JSON-LD script element found by [ExtractHTML].
type Block struct {
	// Line is the 1-based line of the element's start tag.
	Line int
	// Doc is the decoded JSON, as encoding/json decodes into any.
	Doc any
}

// ScriptText is the raw content of one <script type="application/ld+json">
// element, for callers that decode it themselves (and want positions).
type ScriptText struct {
	// Line is the 1-based line of the element's start tag.
	Line int
	// TextLine and TextCol are where the content's first byte stands;
	// TextCol counts bytes, TextChars the characters before it on its
	// line (as diag.Index counts them).
	TextLine, TextCol int
	TextChars         int
	// Text is the element's content as written (script content has no
	// character references to decode).
	Text []byte
	// Base is the href of the page's first <base> element, which HTML
	// makes the base URL of the whole page ("" if none).
	Base string
}

// MaxHTMLToken is the size of the longest comment, tag, text run or
// script other than a JSON-LD block that ScriptTexts reads: the tokenizer
// holds a token whole, and none of these is kept, so a page that is one
// 200 MB comment is refused rather than held (a JSON-LD block is data,
// and may be as long as it is).
const MaxHTMLToken = 32 << 20

// ErrHTMLToken reports a token longer than [MaxHTMLToken].
var ErrHTMLToken = fmt.Errorf("an HTML comment, tag, text or script longer than %d MiB (only a JSON-LD script block may be longer)", MaxHTMLToken>>20)

// ScriptTexts returns the content of every <script type="application/ld+json">
// element of the HTML page read from r, in document order, without
// decoding it. It reads r as it goes, holding one token at a time and the
// blocks' content.
func ScriptTexts(r io.Reader, name string) ([]ScriptText, error) {
	z := html.NewTokenizer(r)
	z.SetMaxBuf(MaxHTMLToken)
	line, col, chars := 1, 1, 0
	advance := func(raw []byte) {
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
	cutText := 0 // the line of a text token the limit cut short
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
				// The token starts where the last one ended, unless it
				// is text, which the tokenizer returns as far as the
				// limit before it fails.
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
		// The tokenizer returns a script's content as one raw text token
		// (no entity decoding, as browsers do).
		st := ScriptText{Line: start, TextLine: line, TextCol: col, TextChars: chars}
		z.SetMaxBuf(0)
		if z.Next() == html.TextToken {
			st.Text = bytes.Clone(z.Raw())
		}
		z.SetMaxBuf(MaxHTMLToken)
		advance(z.Raw())
		out = append(out, st)
	}
}

// ExtractHTML returns every <script type="application/ld+json"> block of the
// HTML page read from r, in document order. A block that is not valid JSON
// is an error positioned at name:line:col.
func ExtractHTML(r io.Reader, name string) ([]Block, error) {
	texts, err := ScriptTexts(r, name)
	if err != nil {
		return nil, err
	}
	blocks := make([]Block, 0, len(texts))
	for _, st := range texts {
		doc, off, err := decodeBlock(st.Text)
		if err != nil {
			// Placed in the block, then moved to where the block stands
			// in the page; its first line shares the page's line with the
			// script tag, which is not kept, so it is shown without text.
			pe := posError(st.Text, name, off, fmt.Errorf("%w: JSON-LD block starting on line %d (invalid script element): %v", ErrSyntax, st.Line, err))
			if pe.Pos.Line == 1 {
				pe.Pos.Col += st.TextCol - 1
				pe.Source = ""
			}
			pe.Pos.Line += st.TextLine - 1
			return nil, pe
		}
		if st.Base != "" {
			doc = withPageBase(doc, st.Base)
		}
		blocks = append(blocks, Block{Line: st.Line, Doc: doc})
	}
	return blocks, nil
}

func isJSONLDScript(z *html.Tokenizer, more bool) bool {
	for more {
		var key, val []byte
		key, val, more = z.TagAttr()
		if string(key) == "type" {
			mt, _, err := mime.ParseMediaType(strings.TrimSpace(string(val)))
			return err == nil && mt == "application/ld+json"
		}
	}
	return false
}

// decodeBlock decodes one JSON value; on error it also returns the byte
// offset of the offending character.
func decodeBlock(text []byte) (any, int, error) {
	// encoding/json would turn bytes that are not UTF-8 into U+FFFD.
	if off := invalidUTF8(text); off >= 0 {
		return nil, off, fmt.Errorf("%w: byte 0x%02X", ErrInvalidUTF8, text[off])
	}
	dec := json.NewDecoder(bytes.NewReader(text))
	var doc any
	if err := dec.Decode(&doc); err != nil {
		off := len(text)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = int(se.Offset) - 1 // Offset counts the offending byte
		}
		return nil, max(off, 0), err
	}
	rest := dec.InputOffset()
	for int(rest) < len(text) && strings.ContainsRune(" \t\r\n", rune(text[rest])) {
		rest++
	}
	if int(rest) < len(text) {
		return nil, int(rest), errors.New("invalid character after top-level value")
	}
	return doc, 0, nil
}

// withPageBase gives a block the page's <base href> as the @base of its
// context, before the block's own context entries (so that a @base of the
// block's own still wins) but after a leading schema.org context URL (so
// that the pre-parsed context is still used). A relative href resolves
// against the base the caller gives, as HTML resolves it against the
// page's URL.
func withPageBase(doc any, href string) any {
	switch d := doc.(type) {
	case []any:
		for i, e := range d {
			d[i] = withPageBase(e, href)
		}
	case map[string]any:
		b := map[string]any{"@base": href}
		switch c := d["@context"].(type) {
		case nil:
			d["@context"] = b
		case string:
			if IsSchemaOrgContext(c) {
				d["@context"] = []any{c, b}
			} else {
				d["@context"] = []any{b, c}
			}
		case []any:
			if len(c) > 0 {
				if s, ok := c[0].(string); ok && IsSchemaOrgContext(s) {
					d["@context"] = append([]any{c[0], b}, c[1:]...)
					break
				}
			}
			d["@context"] = append([]any{b}, c...)
		default:
			d["@context"] = []any{b, c}
		}
	}
	return doc
}

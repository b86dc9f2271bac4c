package ld

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/ld/internal/jsonscan"
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

// encodeJSON writes v with sorted keys, two-space indentation (to at most
// maxIndentDepth levels) and a trailing newline; escapeHTML selects the
// escaping safe inside <script>.
func encodeJSON(w io.Writer, v any, escapeHTML bool) error {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("ld: encode JSON: %w", err)
	}
	return writeIndented(w, compact.Bytes())
}

// Block is one JSON-LD script element found by [ExtractHTML].
type Block struct {
	// Line is the 1-based line of the element's start tag.
	Line int
	// Doc is the decoded JSON, as encoding/json decodes into any.
	Doc any
	// Wrapper names what wrapped the JSON and was read past (see
	// [UnwrapBlock]), for a warning; "" for a block of JSON alone.
	Wrapper string
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
	// TextOffset is the byte offset in the page of the content's first
	// byte, by which an error names a byte of the block.
	TextOffset int64
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
	var out []ScriptText
	var buf bytes.Buffer // a block is read here, then kept at its size
	base, err := EachScript(r, name, func(st ScriptText, content io.Reader) error {
		buf.Reset()
		_, err := buf.ReadFrom(content)
		if buf.Len() > 0 {
			st.Text = bytes.Clone(buf.Bytes())
		}
		out = append(out, st)
		return err
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Base = base
	}
	return out, nil
}

// EachScript reads the HTML page from r, in UTF-8 (see [DecodeHTML] for
// a page in another encoding), as it goes and calls block for
// every <script type="application/ld+json"> element, in document order,
// with its place (Text and Base unset) and a reader of its content as
// written, valid until block returns; what block leaves unread is
// skipped. Nothing of a block is held unless block holds it: a caller
// can check a long one as it is read. It returns the href of the page's
// first <base> element, which HTML makes the base URL of the whole page,
// blocks before it included ("" if none); an error of block's is
// returned as it is.
func EachScript(r io.Reader, name string, block func(st ScriptText, content io.Reader) error) (base string, err error) {
	br := bufio.NewReader(r)
	if head, _ := br.Peek(1024); !bytes.HasPrefix(head, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		if order := diag.UTF16WithoutBOM(head); order != "" {
			// Valid UTF-8 as far as its text is ASCII (a NUL every
			// other byte), so read on, it gave no block and no error:
			// convert wrote an empty graph with exit status 0.
			return "", &PosError{Pos: diag.Position{File: name, Line: 1, Col: 1}, Err: undecodable(
				"the page reads as UTF-16 (" + order + ") without a byte-order mark, and film2ld does not guess an encoding: save it as UTF-8, or as UTF-16 with the mark")}
		}
	}
	src := &pushback{r: br}
	z := html.NewTokenizer(newAttrGuard(src, 1))
	z.SetMaxBuf(MaxHTMLToken)
	line, col, chars := 1, 1, 0
	var offset int64 // bytes read before the token
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
	haveBase := false
	cutText := 0         // the line of a text token the limit cut short
	var sr *scriptReader // the blocks' reader, made at the first
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if errors.Is(z.Err(), io.EOF) {
				return base, nil
			}
			if errors.Is(z.Err(), html.ErrBufferExceeded) {
				// The token starts where the last one ended, unless it
				// is text, which the tokenizer returns as far as the
				// limit before it fails.
				return "", &PosError{Pos: diag.Position{File: name, Line: cmp.Or(cutText, line)}, Err: ErrHTMLToken}
			}
			if te := (*tagAttrsError)(nil); errors.As(z.Err(), &te) {
				return "", &PosError{Pos: diag.Position{File: name, Line: te.line}, Err: ErrHTMLAttributes}
			}
			return "", fmt.Errorf("ld: read %s: %w", name, z.Err())
		}
		start := line
		if tt == html.TextToken && len(z.Raw()) >= MaxHTMLToken {
			cutText = start
		}
		if raw := z.Raw(); !utf8.Valid(raw) && len(raw) < MaxHTMLToken {
			// The page's bytes outside its blocks too: a page that is
			// not UTF-8 and declares nothing (UTF-16 without a
			// byte-order mark, a picture named .html) read as having
			// no block at all, and convert wrote an empty graph with
			// exit status 0. (A token the limit cut may end inside a
			// character; its error is the limit's.)
			off := invalidUTF8(raw)
			at := offset + int64(off)
			advance(raw[:off])
			return "", &PosError{Pos: diag.Position{File: name, Line: line, Col: chars + 1}, Err: fmt.Errorf("%w: byte 0x%02X at byte offset %d", ErrInvalidUTF8, raw[off], at)}
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
					base, haveBase = frozenBase(strings.TrimSpace(string(val))), true
					break
				}
			}
			continue
		}
		if string(tag) != "script" || !isJSONLDScript(z, hasAttr) {
			continue
		}
		st := ScriptText{Line: start, TextLine: line, TextCol: col, TextChars: chars, TextOffset: offset}
		// A block is the tokenizer's text token, as any token is, up to
		// streamScriptsOver bytes: a page of many small blocks is read
		// by one tokenizer.
		z.SetMaxBuf(streamScriptsOver)
		tt = z.Next()
		z.SetMaxBuf(MaxHTMLToken)
		// A token cut at the limit is at least that long (the tokenizer
		// tells its error with the next token only), or an error token;
		// one that long and whole is read again by the scriptReader all
		// the same. The token may be the end tag, of an empty block,
		// which the limit must not cut either: the scriptReader then
		// finds the content empty, and a new tokenizer reads the tag.
		cut := tt == html.ErrorToken && errors.Is(z.Err(), html.ErrBufferExceeded) ||
			tt != html.ErrorToken && len(z.Raw()) >= streamScriptsOver
		if !cut {
			// The whole content, or none: the end tag or the page's end
			// came first. A read error is the next token's.
			var content []byte
			if tt == html.TextToken {
				content = z.Raw()
			}
			err := block(st, bytes.NewReader(content))
			if tt != html.ErrorToken {
				advance(z.Raw())
			}
			if err != nil {
				return "", err
			}
			continue
		}
		// A longer one is read past the tokenizer, which would hold it
		// whole: from its first byte, the part the tokenizer holds and
		// what it had read on (it is dropped, so its buffer is read, not
		// copied), then the rest of r; a tokenizer made afresh reads on
		// from the end tag.
		src.unread(z.Raw(), z.Buffered())
		if sr == nil {
			sr = newScriptReader(src)
		} else {
			sr.reset()
		}
		counted := countingReader{r: sr, advance: advance}
		err := block(st, &counted)
		if err == nil {
			_, err = io.Copy(io.Discard, &counted)
		}
		if sr.err != nil {
			return "", fmt.Errorf("ld: read %s: %w", name, sr.err)
		}
		if err != nil {
			return "", err
		}
		z = html.NewTokenizer(newAttrGuard(src, line))
		z.SetMaxBuf(MaxHTMLToken)
	}
}

// frozenBase is the base URL a <base href> gives the page, as HTML's
// frozen base URL takes it: none (the page's own address) for a data: or
// javascript: URL, which browsers ignore there; film2ld made
// "javascript:alert(1)//#m" a Movie's IRI.
func frozenBase(href string) string {
	if scheme, _, ok := strings.Cut(href, ":"); ok && (strings.EqualFold(scheme, "data") || strings.EqualFold(scheme, "javascript")) {
		return ""
	}
	return href
}

// streamScriptsOver is the length past which EachScript reads a block's
// content past the tokenizer; tests lower it to read every block so.
var streamScriptsOver = 1 << 20

// countingReader passes what it reads to advance, which keeps the place
// in the page.
type countingReader struct {
	r       io.Reader
	advance func([]byte)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.advance(p[:n])
	return n, err
}

// ExtractHTML returns every <script type="application/ld+json"> block of the
// HTML page read from r, in document order. A block that is not valid JSON
// is an error positioned at name:line:col; where several are, the error is
// a [*BadBlocks] naming each. The page is read as UTF-8: one that declares
// another encoding goes through [DecodeHTML] first. The page is read as it
// goes; a block longer than [SpoolBlocksOver] is checked as it is read and
// decoded only if it is JSON, so a long block of junk is never held.
func ExtractHTML(r io.Reader, name string) ([]Block, error) {
	blocks, bad, err := ExtractHTMLBlocks(r, name)
	switch {
	case err != nil:
		return nil, err
	case len(bad) == 1:
		return nil, bad[0]
	case len(bad) > 1:
		return nil, &BadBlocks{Errs: bad}
	}
	return blocks, nil
}

// ExtractHTMLBlocks is [ExtractHTML] that reads on past a block that is
// not JSON: it returns the blocks that are, and an error for each that is
// not, in document order (for a lenient reader, which skips them with a
// warning each, and for reporting every broken block of a page at once).
// err is an error of the page itself (its bytes, its reading), which
// stops it.
func ExtractHTMLBlocks(r io.Reader, name string) (blocks []Block, bad []*PosError, err error) {
	base, err := EachScript(r, name, func(st ScriptText, content io.Reader) error {
		doc, wrapper, pe, err := extractBlock(st, content, name)
		if pe != nil {
			bad = append(bad, pe)
			return err
		}
		if err == nil {
			blocks = append(blocks, Block{Line: st.Line, Doc: doc, Wrapper: wrapper})
		}
		return err
	})
	// An error of the page's markup is the page's first, as when the
	// page was read whole before its blocks were decoded.
	if err != nil {
		return nil, nil, err
	}
	for i := range blocks {
		if base != "" {
			blocks[i].Doc = withPageBase(blocks[i].Doc, base)
		}
	}
	if blocks == nil {
		blocks = []Block{}
	}
	return blocks, bad, nil
}

// BadBlocks is the error of a page with more than one block that is not
// JSON: each block's error, in document order. Its message is the
// first's, with a count of the others; errors.As finds the first
// *PosError.
type BadBlocks struct {
	Errs []*PosError
}

func (b *BadBlocks) Error() string {
	n := len(b.Errs) - 1
	more := "s"
	if n == 1 {
		more = ""
	}
	return fmt.Sprintf("%v (and %d more block%s not JSON)", b.Errs[0], n, more)
}

// Unwrap returns the blocks' errors.
func (b *BadBlocks) Unwrap() []error {
	errs := make([]error, len(b.Errs))
	for i, e := range b.Errs {
		errs[i] = e
	}
	return errs
}

// extractBlock decodes one block of ExtractHTML's, inside the wrapper it
// names where it has one (see UnwrapBlock), or returns the error its
// syntax or bytes give, placed in the page (pe), or a read error.
func extractBlock(st ScriptText, content io.Reader, name string) (doc any, wrapper string, pe *PosError, err error) {
	blockError := func(e error) error {
		return fmt.Errorf("%w: JSON-LD block starting on line %d (invalid script element): %w", ErrSyntax, st.Line, e)
	}
	var streamed *JSONProblem
	text, err := ReadBlock(content, spoolBlocksOver, func(r io.Reader) error {
		br := bufio.NewReader(r)
		if head, _ := br.Peek(64); bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n"), utf8BOM) || BlockWrapper(head) != "" {
			// json reads no byte-order mark, which ScanJSON skips (or,
			// after white space, names by its first byte, 'ï'): such a
			// block is decoded whole, to be refused as decodeBlock
			// refuses it. (A mark deeper in a block this long is named
			// by its first byte still.) So is a wrapped block, read
			// inside its wrapper.
			_, err := io.Copy(io.Discard, br)
			return err
		}
		p, err := ScanJSON(br, JSONRules{FirstByteAfter: true})
		if err == nil && p != nil {
			streamed = p
			return errBlockRefused
		}
		return err
	})
	switch {
	case streamed != nil:
		// Placed as decodeBlock's error is, from the scan's place.
		e := streamed.Err
		switch {
		case e == nil:
			e = fmt.Errorf("%w: byte 0x%02X at byte offset %d", ErrInvalidUTF8, streamed.Invalid, st.TextOffset+streamed.Offset)
		case errors.Is(e, ErrTextAfterJSON):
			e = errTextAfterBlock
		case errors.Is(e, ErrNoJSONValue):
			e = errEmptyBlock
		}
		pe = &PosError{Pos: diag.Position{File: name, Line: streamed.Line, Col: streamed.Col}, Err: blockError(renameChar(e, streamed.Char))}
	case err != nil:
		return nil, "", nil, err
	default:
		if inner, w := UnwrapBlock(text); inner != nil {
			text, wrapper = inner, w
		}
		var off int
		doc, off, err = decodeBlock(text)
		if err == nil {
			return doc, wrapper, nil, nil
		}
		if errors.Is(err, ErrInvalidUTF8) {
			// Where the byte stands in the page, as a byte outside the
			// blocks is named (a wrapper is blanked, not cut, so the
			// offsets in text are the block's).
			err = fmt.Errorf("%w at byte offset %d", err, st.TextOffset+int64(off))
		}
		if w := BlockWrapper(text); w != "" {
			err = fmt.Errorf("%w (the JSON is wrapped in %s, which JSON-LD does not allow: remove the wrapper)", err, w)
		}
		pe = posError(text, name, off, blockError(err))
	}
	// Placed in the block, then moved to where the block stands in the
	// page; its first line shares the page's line with the script tag,
	// which is not kept, so it is shown without text.
	if pe.Pos.Line == 1 {
		pe.Pos.Col += st.TextChars
		pe.Source = ""
	}
	pe.Pos.Line += st.TextLine - 1
	return nil, "", pe, nil
}

// errEmptyBlock is the error of a block that holds no JSON value, only
// white space (a page's template left it empty).
var errEmptyBlock = errors.New("the block is empty: it holds no JSON value")

// errBlockBOM is the error of a block that starts with a UTF-8
// byte-order mark, which JSON text inside a page cannot begin with (a
// file's is skipped with a note: it marks the file's encoding).
var errBlockBOM = errors.New("the block starts with a byte-order mark (U+FEFF), which JSON inside a page cannot hold: remove it")

// errBOMInBlock is the error of a byte-order mark inside a block's JSON.
var errBOMInBlock = errors.New("invalid character U+FEFF (a byte-order mark) inside the JSON: remove it")

// errTextAfterBlock is decodeBlock's error for text after a block's value.
var errTextAfterBlock = errors.New("invalid character after top-level value")

// errBlockRefused stops ReadBlock where its check found the block's
// problem, which the check keeps.
var errBlockRefused = errors.New("ld: block refused")

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
		if err == io.EOF {
			err = errEmptyBlock // json.Decoder's word for it was "EOF"
		}
		off = max(off, 0)
		if off < len(text) && bytes.HasPrefix(text[off:], utf8BOM) {
			// json names the mark's first byte as a character ('ï').
			err = errBOMInBlock
			if len(bytes.TrimLeft(text[:off], " \t\r\n")) == 0 {
				err = errBlockBOM
			}
		}
		return nil, off, err
	}
	rest := dec.InputOffset()
	for int(rest) < len(text) && strings.ContainsRune(" \t\r\n", rune(text[rest])) {
		rest++
	}
	if int(rest) < len(text) {
		return nil, int(rest), errTextAfterBlock
	}
	if off, err := jsonscan.UnpairedSurrogate(text); err != nil {
		return nil, off, err
	}
	if d, ok := jsonscan.DuplicateKey(text); ok {
		return nil, d.At, duplicateKeyError(text, d, " of the block")
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

// UnwrapBlock returns a copy of a script block's text with the wrapper
// old pages put around a script blanked out with spaces (so that every
// other byte keeps its line and column), and the wrapper's name as
// BlockWrapper gives it: an HTML comment ("<!--" … "-->") or a CDATA
// section ("<![CDATA[" … "]]>"), each half alone or in a JavaScript
// comment ("//<![CDATA[" … "//]]>", "/* <![CDATA[ */" … "/* ]]> */",
// Letterboxd's film pages). Such a block is not JSON, but the JSON-LD
// test suite's HTML tests read a script inside an HTML comment (html#te014
// to te017 speak of the "uncommented script"), and extractors (extruct)
// read inside either. It returns nil when the text does not start and end
// with the two halves of one wrapper, or when what they hold still holds
// "<!--" or "-->".
func UnwrapBlock(text []byte) ([]byte, string) {
	w := BlockWrapper(text)
	if w == "" {
		return nil, ""
	}
	open, close := "<!--", "-->"
	if strings.Contains(w, "CDATA") {
		open, close = "<![CDATA[", "]]>"
	}
	start := len(text) - len(bytes.TrimLeft(text, " \t\r\n\f"))
	end := len(bytes.TrimRight(text, " \t\r\n\f"))
	// The opening half: an optional "//" or "/*", the opener, and after
	// "/*" its "*/".
	i := start
	comment := ""
	switch {
	case bytes.HasPrefix(text[i:], []byte("//")):
		comment, i = "//", i+2
	case bytes.HasPrefix(text[i:], []byte("/*")):
		comment, i = "/*", i+2
	}
	i = skipBlanks(text, i)
	if !bytes.HasPrefix(text[i:], []byte(open)) {
		return nil, ""
	}
	i += len(open)
	if comment == "/*" {
		if i = skipBlanks(text, i); !bytes.HasPrefix(text[i:], []byte("*/")) {
			return nil, ""
		}
		i += 2
	}
	// The closing half, read backwards from the end: "*/" first where a
	// "/*" comment holds it, the closer, then an optional "//" or "/*".
	j := end
	if bytes.HasSuffix(text[:j], []byte("*/")) {
		if j = trimBlanksBefore(text, j-2); !bytes.HasSuffix(text[:j], []byte(close)) {
			return nil, ""
		}
		j -= len(close)
		if j = trimBlanksBefore(text, j); !bytes.HasSuffix(text[:j], []byte("/*")) {
			return nil, ""
		}
		j -= 2
	} else {
		if !bytes.HasSuffix(text[:j], []byte(close)) {
			return nil, ""
		}
		j -= len(close)
		if k := trimBlanksBefore(text, j); bytes.HasSuffix(text[:k], []byte("//")) {
			j = k - 2
		}
	}
	if j < i {
		return nil, ""
	}
	if bytes.Contains(text[i:j], []byte("<!--")) || bytes.Contains(text[i:j], []byte("-->")) {
		// What is left still holds a comment's half: an error, as the
		// JSON-LD test suite's "uncommented script text contains
		// comment" (html#te014) expects.
		return nil, ""
	}
	out := bytes.Clone(text)
	for k := range out {
		if (k >= start && k < i || k >= j && k < end) && out[k] != '\n' && out[k] != '\r' {
			out[k] = ' '
		}
	}
	return out, w
}

// skipBlanks returns the index of the first byte of text from i on that
// is not a space or tab.
func skipBlanks(text []byte, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i
}

// trimBlanksBefore returns j moved back over the spaces and tabs before
// it.
func trimBlanksBefore(text []byte, j int) int {
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	return j
}

// BlockWrapper names what wraps a script block's JSON, as old pages
// wrapped scripts to hide them from browsers that predate them: "an HTML
// comment (<!-- … -->)" or "a CDATA section (<![CDATA[ … ]]>)", with or
// without the // comment before each half; "" for a block that starts
// otherwise. JSON-LD reads the block's text as JSON, which neither is:
// callers name the wrapper in the syntax error it causes, where "invalid
// character '<'" alone leaves the author guessing.
func BlockWrapper(text []byte) string {
	s := bytes.TrimLeft(text, " \t\r\n\f")
	if bytes.HasPrefix(s, []byte("//")) || bytes.HasPrefix(s, []byte("/*")) {
		s = bytes.TrimLeft(s[2:], " \t")
	}
	switch {
	case bytes.HasPrefix(s, []byte("<!--")):
		return "an HTML comment (<!-- … -->)"
	case bytes.HasPrefix(s, []byte("<![CDATA[")):
		return "a CDATA section (<![CDATA[ … ]]>)"
	}
	return ""
}

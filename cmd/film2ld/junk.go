package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/pipeline"
	"github.com/film2ld/film2ld/schemas"
)

// junkPrefix is how much of a large N-Quads input refusedNQuads reads.
const junkPrefix = 64 << 10

// refusedUTF16 returns the error of an input that reads as UTF-16
// without a byte-order mark (pipeline.CheckUTF16), told from its first
// 4 KiB before any reading of it, or nil: convert, load and validate
// run it first, so that each says so of every form, large or small, by
// name or on standard input. Read as UTF-8, such a file's ASCII text is
// valid with a NUL at every other byte, and each reader refused it its
// own way: N-Quads for an "unexpected rune '\x00'", JSON for an invalid
// character '\x00', Turtle for a term of NULs. format is as for
// refusedNQuads.
func (e *env) refusedUTF16(name string, format ld.InputFormat) error {
	head := e.inputHead(name, 4<<10)
	if head == nil {
		return nil
	}
	return pipeline.CheckUTF16(head, name, e.inputDisplay(name), format)
}

// inputHead returns up to n first bytes of the input name without taking
// them from its readings: standard input's as spoolStdin holds them, or
// a regular file's; nil for anything else (a named pipe, read once, is
// its readings' to read) and for what cannot be read (its readings say
// why).
func (e *env) inputHead(name string, n int) []byte {
	path := name
	if name == "-" {
		switch {
		case e.stdinHead != nil:
			return e.stdinHead[:min(n, len(e.stdinHead))]
		case e.stdinHeld != nil:
			return e.stdinHeld[:min(n, len(e.stdinHeld))]
		case e.stdinSpool == "":
			return nil
		}
		path = e.stdinSpool // the file redirected, or the copy made
	}
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	head := make([]byte, n)
	n, _ = io.ReadFull(f, head)
	return head[:n]
}

// refusedNQuads returns the error that reading a large input (over
// bigDocument) as N-Quads gives, when its first 64 KiB tell it, or nil:
// convert and load read such an input whole, and a line whole, before
// the reader refuses it, so a 200 MB document of one line of text took
// 2.1 GB to be refused for its first character. read reads N-Quads as the
// command does. format is the input's form by --input-format or its name,
// 0 when unknown (then the prefix tells it, as ld.DetectInput tells it
// from the first bytes).
//
// What the prefix tells is ld.NQuadsPrefixError's to decide; this
// function only finds the file and its first bytes.
func (e *env) refusedNQuads(name string, format ld.InputFormat, read func(io.Reader) error) error {
	if prefix := e.pendingPrefix(name); prefix != nil && (format == 0 && ld.DetectInput(e.inputPath(name), prefix) == ld.InputNQuads || format == ld.InputNQuads) {
		err, decided := e.decideOnHead(func(whole io.Reader) error {
			if _, err := io.CopyN(io.Discard, whole, int64(len(prefix))); err != nil {
				return err
			}
			return ld.NQuadsPrefixError(prefix, whole, read)
		})
		if decided {
			return err
		}
	}
	f, prefix := e.largeInput(name, format, ld.InputNQuads)
	if f == nil {
		return nil
	}
	defer f.Close()
	return ld.NQuadsPrefixError(prefix, f, read)
}

// largeInput opens name when it is a regular file over bigDocument in
// form want, by format (--input-format or its name) or, when format is 0,
// by its first 64 KiB (ld.DetectInput), and returns it with those bytes
// read; else nil. Standard input is such a file when it was spooled
// (see spoolStdin). The caller closes the file.
func (e *env) largeInput(name string, format, want ld.InputFormat) (io.ReadSeekCloser, []byte) {
	return e.inputOver(name, format, want, bigDocument)
}

// inputOver is largeInput for a file over size bytes.
func (e *env) inputOver(name string, format, want ld.InputFormat, size int) (io.ReadSeekCloser, []byte) {
	if format != 0 && format != want {
		return nil, nil
	}
	if head := e.pendingPrefix(name); head != nil && format == 0 && ld.DetectInput(e.inputPath(name), head) != want {
		return nil, nil // told from standard input's head, not copied for it
	}
	f, prefix := e.openOver(name, size, junkPrefix)
	if f == nil {
		return nil, nil
	}
	if format == 0 && ld.DetectInput(e.inputPath(name), prefix) != want {
		f.Close()
		return nil, nil
	}
	return f, prefix
}

// refusedTurtle returns the error that reading a large Turtle or TriG
// input (over bigDocument) gives, when its first 64 KiB tell it, or nil:
// the reader held the whole input twice before it parsed, so a 200 MB
// document of junk took 0.84–1.05 GB to be refused for its second line.
// It now reads as it goes, but after an error reads the rest for a byte
// that is not UTF-8: this decides from the head, so that standard input
// is not copied to its end (nor junk that never ends read forever).
// format is as for refusedNQuads. What the prefix tells is
// ld.TurtlePrefixError's to decide.
func (e *env) refusedTurtle(name string, format ld.InputFormat) error {
	if prefix := e.pendingPrefix(name); prefix != nil {
		f := format
		if f == 0 {
			f = ld.DetectInput(e.inputPath(name), prefix)
		}
		if f == ld.InputTurtle || f == ld.InputTriG {
			err, decided := e.decideOnHead(func(whole io.Reader) error {
				return ld.TurtlePrefixError(prefix, whole, e.inputDisplay(name), f == ld.InputTriG)
			})
			if decided {
				return err
			}
		}
	}
	for _, want := range []ld.InputFormat{ld.InputTurtle, ld.InputTriG} {
		f, prefix := e.largeInput(name, format, want)
		if f == nil {
			continue
		}
		defer f.Close()
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil
		}
		return ld.TurtlePrefixError(prefix, f, e.inputDisplay(name), want == ld.InputTriG)
	}
	return nil
}

// refusedLinkedData returns the error validate's reading of a large
// N-Quads, Turtle or TriG file (over bigDocument, by its name or first
// bytes) gives, when its first 64 KiB tell it, as convert's does: a
// 200 MB file of junk lines named .csv took validate 220 MB, of Turtle
// junk 1.05 GB. A film document (document, by mayBeFilmDocument) is the
// film reader's to refuse.
//
// A large N-Quads file its first 64 KiB pass is then read whole as it
// goes, as convert reads it, and refused for its first error: validate
// holds the file for the report's excerpts, and the reader took as much
// again on a line it holds, so 200 MB whose line past the first 64 KiB
// opens a literal it never closes took 323 MB to be refused. A file it
// passes is read a second time, whole, which only large ones pay for.
func (e *env) refusedLinkedData(name string, document bool) error {
	if document {
		return nil
	}
	read := func(r io.Reader) error {
		_, err := ld.NewDataset().ReadNQuads(r, e.inputDisplay(name), false)
		return err
	}
	err := e.refusedNQuads(name, 0, read)
	if err == nil {
		err = e.refusedTurtle(name, 0)
	}
	if err == nil && e.bytesDeferred {
		// Standard input whose head refusedBytes passed, its head passed
		// above too: the rest is scanned now, as a file's is first.
		e.bytesDeferred = false
		err = e.refusedBytes(name, false)
	}
	if err == nil {
		err = e.refusedNQuadsLine(name, func(r io.Reader) error { return ld.CheckNQuads(r, e.inputDisplay(name)) })
	}
	return err
}

// refusedNQuadsLine returns the error read gives a large N-Quads file
// (over bigDocument, by its name or first bytes) read whole as it goes,
// when it refuses a statement; nil for any other file, and for a read
// error, which the command's own reading reports.
func (e *env) refusedNQuadsLine(name string, read func(io.Reader) error) error {
	f, _ := e.largeInput(name, 0, ld.InputNQuads)
	if f == nil {
		return nil
	}
	defer f.Close()
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil
	}
	err := read(f)
	var pe *ld.PosError
	if errors.As(err, &pe) {
		return err
	}
	return nil
}

// refusedJSON returns the error reading a large input (over bigDocument)
// as JSON-LD gives for its syntax or bytes, or nil, having read it as it
// goes: convert and load read such an input whole and json held it again,
// so a 200 MB file of "[" and junk took 1.1–1.9 GB to be refused. format
// is as for refusedNQuads. A valid document is read again whole, which
// only large ones pay for; the error lacks the offending line's excerpt,
// which may be the whole input. Of valid JSON, an array whose first node
// expansion refuses is refused from that node, and empty reports an array
// of values alone, which the caller reads as [] (values counts them; ld.ScanArrayItems: both
// were decoded whole first, in 11 to 18 GB). The first node decides only
// when the input is alone: with others, expanding them together names
// the first of their terms, and the inputs together.
func (e *env) refusedJSON(name string, format ld.InputFormat, alone bool) (empty bool, values int, err error) {
	f, _ := e.largeInput(name, format, ld.InputJSONLD)
	if f == nil {
		return false, 0, nil
	}
	defer f.Close()
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return false, 0, nil
	}
	if err := ld.CheckJSON(f, e.inputDisplay(name)); err != nil {
		var pe *ld.PosError
		if errors.As(err, &pe) {
			return false, 0, err
		}
		return false, 0, nil // a read error is the command's own reading's to report
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return false, 0, nil
	}
	empty, refused := ld.ScanArrayItems(f)
	if refused == nil && !empty && alone {
		// A node object at the top is refused by its keys as well.
		if _, err := f.Seek(0, io.SeekStart); err == nil {
			refused = ld.ScanTopNode(f)
		}
	}
	if refused != nil && alone {
		return false, 0, fmt.Errorf("%s: %w", e.inputDisplay(name), refused)
	}
	if empty {
		// How many values (0 for []), for the warning.
		if _, err := f.Seek(0, io.SeekStart); err == nil {
			values = ld.ArrayValues(f)
		}
	}
	return empty, values, nil
}

// largeMarkup opens name for validate's readings of a large file as it
// goes when largeInput finds it a large file of form want, rewound to its
// start; else nil. A file not named as linked data that starts with a
// byte-order mark is left to the whole reading too: whether validate
// reads it as a film document is the film reader's to say. The caller
// closes the file.
func (e *env) largeMarkup(name string, want ld.InputFormat) io.ReadSeekCloser {
	return e.markupOver(name, want, bigDocument)
}

// markupOver is largeMarkup for a file over size bytes.
func (e *env) markupOver(name string, want ld.InputFormat, size int) io.ReadSeekCloser {
	f, prefix := e.inputOver(name, 0, want, size)
	if f == nil {
		return nil
	}
	if ld.InputByName(name) == 0 && bytes.HasPrefix(prefix, []byte("\xef\xbb\xbf")) {
		f.Close()
		return nil
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil
	}
	return f
}

// refusedMarkup returns the error validate's reading of a large JSON-LD
// file (over bigDocument) gives for its syntax, depth or bytes, or nil,
// having read it as it goes: validate held the file for the report's
// excerpts and its parser held a tree of every value, so a 200 MB file
// of strings with a stray character at its end took 2.3 GB and 86 s to
// be refused. A file it passes is read again whole; the finding lacks
// the offending line's excerpt, which may be the whole file.
func (e *env) refusedMarkup(name string) error {
	f := e.largeMarkup(name, ld.InputJSONLD)
	if f == nil {
		return nil
	}
	defer f.Close()
	err := schemas.CheckJSON(f, e.inputDisplay(name))
	var se *schemas.SyntaxError
	var pe *ld.PosError
	if errors.As(err, &se) || errors.As(err, &pe) {
		return err
	}
	return nil // a read error is the command's own reading's to report
}

// largePage reads a large HTML page (over bigDocument, by its name or
// first bytes) as validate reads a page, but as it goes, holding its
// JSON-LD script blocks and one token at a time rather than the page:
// a 200 MB page of junk took 227 MB. A page whose first bytes declare
// another encoding is decoded as it goes (d says which): decoded whole,
// 200 MB of junk after <meta charset="windows-1252"> took 1.18 GB. ok is
// false when name is not such a page. The findings are those of reading
// it whole, without excerpts.
func (e *env) largePage(name string) (g *schemas.Graph, d ld.Declared, ok bool, err error) {
	f := e.largeMarkup(name, ld.InputHTML)
	if f == nil {
		return nil, d, false, nil
	}
	defer f.Close()
	display := e.inputDisplay(name)
	var head [prescanHead]byte
	n, _ := io.ReadFull(f, head[:])
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, d, true, err
	}
	if d = ld.DeclaredEncoding(head[:n]); d.Name == "" {
		// pipeline.Load refuses a page with a byte that is not UTF-8
		// anywhere, before it reads the page. (One in another encoding
		// with bytes that are not text in it, refusedDecoding has
		// refused.)
		if err := ld.ScanUTF8(f, display); err != nil {
			return nil, d, true, err
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, d, true, err
		}
	}
	g, err = schemas.ReadHTML(ld.DecodeHTMLReader(bufio.NewReaderSize(f, 64<<10), d, display), display)
	return g, d, true, err
}

// refusedDecoding returns the error decoding a large HTML page (over
// bigDocument, by its name or first bytes) whose first bytes declare
// another encoding gives for bytes that are not text in it, having read
// it as it goes (ld.CheckHTMLDecoding), or nil: decoded whole, 200 MB of
// junk after <meta charset="shift_jis"> took 1.26 GB to be refused for
// its second line. It is refused as readDecoded refuses a small one,
// before largePage reads its blocks.
func (e *env) refusedDecoding(name string) error {
	f := e.largeMarkup(name, ld.InputHTML)
	if f == nil {
		return nil
	}
	defer f.Close()
	var head [prescanHead]byte
	n, _ := io.ReadFull(f, head[:])
	d := ld.DeclaredEncoding(head[:n])
	if d.Name == "" {
		return nil
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil
	}
	err := ld.CheckHTMLDecoding(bufio.NewReaderSize(f, 64<<10), d, e.inputDisplay(name))
	if errors.Is(err, ld.ErrUndecodable) {
		return err
	}
	return nil // a read error is the command's own reading's to report
}

// largeValues reads a large JSON-LD file (over bigDocument) that holds
// values alone, which validate reports as one finding, as it goes
// (schemas.ReadTopValues), without holding it: a 200 MB array of numbers
// took 222 MB. ok is false for any other file, which is read whole. It
// runs after refusedMarkup, which refuses a file that is not JSON.
func (e *env) largeValues(name string) (g *schemas.Graph, ok bool, err error) {
	f := e.largeMarkup(name, ld.InputJSONLD)
	if f == nil {
		return nil, false, nil
	}
	defer f.Close()
	g, err = schemas.ReadTopValues(f, e.inputDisplay(name))
	return g, g != nil || err != nil, err
}

// largeEmptyObjects reads a large JSON-LD file (over bigDocument) whose top
// level holds objects with nothing in them alone, which JSON-LD drops,
// as it goes (ld.ScanStrays), and returns the graph validate checks of
// it, read from a text that holds one {} in their place: a top-level
// array of them (and no "@context" anywhere) reads as [] at the same
// place (pipeline.Load's onlyEmptyObjects), a "@graph" of them beside
// schema.org's @context as {"@context": …, "@graph": [{}]}, to which its
// decoding makes the file's run of {} (ld.EmptyForLeftOut), with no
// finding placed. The findings are the file's, and path, the file,
// gives the report its quotes: 200 MB of a "@graph" of {} took 223 MB,
// held whole to be read. ok is false for any other file, which is read
// whole, and for the HTML report, which shows the input.
func (e *env) largeEmptyObjects(job *validateJob, name string) (g *schemas.Graph, path string, ok bool, err error) {
	if !leaveStraysOut || job.format == "html" || name == "-" || !isRegular(name) {
		return nil, "", false, nil
	}
	f := e.largeMarkup(name, ld.InputJSONLD)
	if f == nil {
		return nil, "", false, nil
	}
	defer f.Close()
	head := make([]byte, junkPrefix)
	n, _ := io.ReadFull(f, head)
	lead := bytes.TrimPrefix(head[:n], []byte("\ufeff"))
	lead = head[:n-len(bytes.TrimLeft(lead, " \t\r\n"))]
	if len(lead) == n {
		return nil, "", false, nil // nothing but white space in the head
	}
	top := head[len(lead)]
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, "", false, nil
	}
	s, scanned := ld.ScanStrays(f)
	if !scanned || s.Count == 0 || s.Nodes > 0 || s.NotObjects > 0 || s.Refused {
		return nil, "", false, nil
	}
	var text []byte
	switch {
	case top == '[':
		// Objects of a @context alone are strays too, which Load
		// reads whole.
		if fileContains(name, contextKey) {
			return nil, "", false, nil
		}
		text = append(lead, "[]"...)
	case top == '{' && len(lead) == len(bytes.TrimLeft(lead, "\ufeff")) && strings.HasPrefix(s.First, "/@graph/"):
		// Of schema.org's (which no finding is placed at), written
		// once: no object of the "@graph" holds one, nor is a key
		// written with escapes ("\u0040context").
		var ctx string
		if json.Unmarshal([]byte(s.Context), &ctx) != nil || !ld.IsSchemaOrgContext(ctx) ||
			fileCount(name, contextKey, 2) != 1 || fileContains(name, []byte(`\`)) {
			return nil, "", false, nil
		}
		text = fmt.Appendf(nil, `{"@context": %s, "@graph": [{}]}`, s.Context)
	default:
		return nil, "", false, nil
	}
	g, err = pipeline.Load(text, e.inputPath(name), e.inputDisplay(name), job.pageURL)
	return g, name, true, err
}

// refusedOver is the size above which validate reports a JSON-LD file
// that JSON-LD processing refuses for its first node by that refusal
// alone (see largeRefused). Markup is kilobytes; a file of megabytes
// without a @context is data named by mistake, and reporting its every
// node took 47 bytes of memory a byte of input (an 11 MB API dump: 558
// MB, 8.8 s).
const refusedOver = 2 << 20

// largeRefused reads a large JSON-LD file (over refusedOver, or
// bigDocument where tests lower it below) that JSON-LD processing
// refuses for its first node (terms and no @context: a JSON dump, a
// package-lock.json named by mistake) as that one error and a note,
// without reading its nodes (schemas.ReadRefused): a 20 MB dump of 2
// million records took 2.4 GB and 37 s to be reported node by node. ok
// is false for any other file. It runs after refusedMarkup, which
// refuses a file that is not JSON.
func (e *env) largeRefused(name string) (g *schemas.Graph, ok bool, err error) {
	f := e.markupOver(name, ld.InputJSONLD, min(refusedOver, bigDocument))
	if f == nil {
		return nil, false, nil
	}
	defer f.Close()
	g, err = schemas.ReadRefused(f, e.inputDisplay(name))
	if g == nil || err != nil {
		return nil, false, nil // the whole reading reports it
	}
	// Below bigDocument, refusedMarkup has not checked the file: one
	// that is not JSON, or not UTF-8, gets the whole reading's finding.
	if _, err := f.Seek(0, io.SeekStart); err != nil || schemas.CheckJSON(f, e.inputDisplay(name)) != nil {
		return nil, false, nil
	}
	return g, true, nil
}

// isLargePage reports whether name is a regular file over bigDocument
// that reads as an HTML page by its name or first bytes: convert and load
// read such a page as it goes (ld.ExtractHTML) when its name does not
// already tell them to.
func (e *env) isLargePage(name string) bool {
	f, _ := e.largeInput(name, 0, ld.InputHTML)
	if f == nil {
		return false
	}
	f.Close()
	return true
}

// refusedBytes returns the error a large input (over bigDocument) that
// is not a film document (document, by mayBeFilmDocument: a film
// document may be Windows-1252) gives for a byte that is not UTF-8, having read it as it
// goes, or nil: validate read 200 MB of random bytes whole, 296 MB, to
// refuse its second byte. A file it passes is read again whole; the
// finding lacks the offending line's excerpt.
func (e *env) refusedBytes(name string, document bool) error {
	if document {
		return nil
	}
	if prefix := e.pendingPrefix(name); prefix != nil {
		head := prefix[:min(len(prefix), 1024)]
		if ld.DetectInput(e.inputPath(name), head) == ld.InputHTML && ld.DeclaredEncoding(head).Name != "" {
			return nil // decoded from the encoding it declares (refusedDecoding, largePage)
		}
		err, decided := e.decideOnHead(func(whole io.Reader) error { return ld.ScanUTF8(whole, e.inputDisplay(name)) })
		var pe *ld.PosError
		if decided && errors.As(err, &pe) {
			return err
		}
		if !decided {
			// The rest is scanned once refusedLinkedData has looked at
			// the head: junk that never ends is refused from its head
			// rather than copied to its end to be scanned.
			e.bytesDeferred = true
		}
		return nil
	}
	f, head := e.openLarge(name, 1024)
	if f == nil {
		return nil // small, or not a file: read whole, as ever
	}
	defer f.Close()
	if ld.DetectInput(e.inputPath(name), head) == ld.InputHTML && ld.DeclaredEncoding(head).Name != "" {
		return nil // decoded from the encoding it declares (refusedDecoding, largePage)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil
	}
	scan := ld.ScanUTF8
	if name == "-" {
		// Standard input may never end: its syntax, which the readings
		// after this one check as they go, decides past the horizon.
		scan = func(r io.Reader, display string) error { return ld.ScanUTF8Within(r, display, ld.UTF8Horizon) }
	}
	var pe *ld.PosError
	if err := scan(f, e.inputDisplay(name)); errors.As(err, &pe) {
		return err
	}
	return nil // a read error is the command's own reading's to report
}

// mayBeFilmDocument reports whether validate may read name as a film
// document, which the refusals of large linked data then leave to the
// film reader: standard input, a .txt file, or a file without an
// extension whose content is one. A large file without an extension is
// read as it goes to tell (mapping.DetectReader, with the film reader's
// limits), as validate would read it whole to tell: 200 MB of one line
// of text so named took 1.6 GB to be refused, as linked data, for its
// first character. A file that starts as JSON, markup or N-Quads do is
// linked data, as pipeline.CheckInput reads it.
func (e *env) mayBeFilmDocument(name string) bool {
	if name == "-" && e.stdinHeld != nil || pipeline.IsDocumentName(e.inputPath(name)) {
		return true
	}
	if !pipeline.MayBeDocumentName(name) {
		return false
	}
	if prefix := e.pendingPrefix(name); prefix != nil {
		if s := bytes.TrimSpace(prefix[:min(len(prefix), 4096)]); len(s) > 0 && strings.IndexByte("{[<_", s[0]) >= 0 {
			return false
		}
		// The film reader reads no more than its largest document and a
		// byte: the head is read on that far, where a file would be.
		err, decided := e.decideOnHeadUpTo(mapping.MaxDocument+1, func(whole io.Reader) error {
			_, err := mapping.DetectReader(whole, e.inputDisplay(name))
			return err
		})
		if decided {
			return err == nil
		}
	}
	f, head := e.openLarge(name, 4096)
	if f == nil {
		return true // small, or not a file: read whole, as ever
	}
	defer f.Close()
	if s := bytes.TrimSpace(head); len(s) > 0 && strings.IndexByte("{[<_", s[0]) >= 0 {
		return false
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return true
	}
	_, err := mapping.DetectReader(f, e.inputDisplay(name))
	return err == nil
}

// openLarge opens name when it is a regular file over bigDocument and
// returns it with its first n bytes read (fewer in a shorter file);
// else nil: a file that cannot be opened is the command's own reading's
// to report, and a small one is read whole. The caller closes the file.
func (e *env) openLarge(name string, n int) (io.ReadSeekCloser, []byte) {
	return e.openOver(name, bigDocument, n)
}

// openOver is openLarge for a file over size bytes. "-" opens standard
// input's spool, when there is one.
func (e *env) openOver(name string, size, n int) (io.ReadSeekCloser, []byte) {
	if name == "-" && e.finishSpool() == nil && e.stdinCopy != nil {
		// Copied only as far as this needs (spoolReader).
		if !e.spoolTo(int64(size)) {
			return nil, nil
		}
		f := &spoolReader{e: e}
		head := make([]byte, n)
		n, _ = io.ReadFull(f, head)
		return f, head[:n]
	}
	path := name
	if name == "-" {
		if e.spoolErr != nil || e.stdinSpool == "" {
			return nil, nil // held whole (it was small), or the whole reading says why it is not
		}
		path = e.stdinSpool
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() || st.Size() <= int64(size) {
		f.Close()
		return nil, nil
	}
	head := make([]byte, n)
	n, _ = io.ReadFull(f, head)
	return f, head[:n]
}

package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/film2ld/film2ld/cmd/film2ld/internal/msg"
	"github.com/film2ld/film2ld/cmd/film2ld/internal/output"
	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping/pipeline"
)

// readInput reads a FILE argument whole; "-" is standard input. It also
// returns the name messages use for the input (see inputDisplay). An
// HTML page that declares an encoding other than UTF-8 comes back as
// UTF-8 (see decodePage).
func (e *env) readInput(name string) (data []byte, display string, err error) {
	data, display, d, err := e.readDecoded(name)
	if d.Name != "" {
		e.notef("%s: %s", display, d)
	}
	return data, display, err
}

// readDecoded is readInput without the note: it returns the encoding an
// HTML page was decoded from instead, for validate's report.
func (e *env) readDecoded(name string) (data []byte, display string, d ld.Declared, err error) {
	if name == "-" {
		data, err = e.stdinBytes()
		display = e.stdinDisplay()
	} else {
		// On failure the *PathError already names the file.
		data, err = readFileWhole(name)
		display = name
	}
	if err == nil && ld.DetectInput(e.inputPath(name), data) == ld.InputHTML && !pipeline.IsDocumentName(e.inputPath(name)) {
		data, d, err = ld.DecodeHTML(data, display)
	}
	return data, display, d, err
}

// decodePage returns an HTML page as UTF-8, decoded from the encoding it
// declares (a UTF-16 byte-order mark, a <meta charset>), as a browser
// reads it, with a note that says so; a page in UTF-8, or that declares
// nothing, as it is. film2ld's readers read UTF-8 alone: a page saved as
// windows-1252 or Shift_JIS was refused for its first accented letter,
// and one saved as UTF-16 gave no JSON-LD block, and no error.
func (e *env) decodePage(display string, data []byte) ([]byte, error) {
	out, d, err := ld.DecodeHTML(data, display)
	if err != nil {
		return nil, err
	}
	if d.Name != "" {
		e.notef("%s: %s", display, d)
	}
	return out, nil
}

// openPage opens an HTML page for reading as it goes, as openInput does.
// A file whose first 1024 bytes declare another encoding is decoded as
// it goes too (decodedPage). A page that is not UTF-8 and declares
// nothing there (up to bigDocument: web pages are kilobytes) is read
// whole and decoded instead (see decodePage), which finds a declaration
// anywhere in such a page, as a browser does. A page in UTF-8 is read as
// it goes: a 15 MB one took 12 MB, not 29.
func (e *env) openPage(name string) (io.ReadCloser, string, error) {
	r, display, err := e.openInput(name)
	if err != nil {
		return nil, display, err
	}
	whole := func(r io.ReadCloser) (io.ReadCloser, string, error) {
		defer r.Close()
		data, err := io.ReadAll(r)
		if err == nil {
			data, err = e.decodePage(display, data)
		}
		if err != nil {
			return nil, display, err
		}
		return io.NopCloser(bytes.NewReader(data)), display, nil
	}
	if f, ok := asRewindable(r); ok {
		var head [prescanHead]byte
		n, _ := io.ReadFull(f, head[:])
		if err := f.rewind(); err != nil {
			f.Close()
			return nil, display, err
		}
		if d := ld.DeclaredEncoding(head[:n]); d.Name != "" {
			return e.decodedPage(f, d, display)
		}
		if size, known := pageSize(r); known && size <= int64(bigDocument) {
			notUTF8 := ld.ScanUTF8(f, display) != nil
			if err := f.rewind(); err != nil {
				f.Close()
				return nil, display, err
			}
			if notUTF8 {
				return whole(f)
			}
		}
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(prescanHead) // the part of a page that declares its encoding
	if ld.DeclaredEncoding(head).Name == "" {
		return struct {
			io.Reader
			io.Closer
		}{br, r}, display, nil
	}
	return whole(struct {
		io.Reader
		io.Closer
	}{br, r})
}

// prescanHead is how much of a page declares its encoding
// (ld.DeclaredEncoding).
const prescanHead = 1024

// rewindable is a file openInput opens (a shrinkGuard, or a
// readProgress), which can be read again from its start.
type rewindable interface {
	io.ReadCloser
	rewind() error
}

// asRewindable returns r as a rewindable reading: a file openInput
// opened, or a reading of standard input (openStdin's: its copy, the
// file redirected to it, or what was held of it), which seeks back to
// its start. Standard input went on to be read whole and decoded whole
// where a file was decoded as it went: 200 MB of windows-1252 piped to
// convert took 672 MB, as a file 16 MB.
func asRewindable(r io.ReadCloser) (rewindable, bool) {
	switch r := r.(type) {
	case rewindable:
		return r, true
	case *os.File:
		// A named pipe or a device opened by name seeks not, or not
		// back to what it gave: only a regular file is read again.
		if st, err := r.Stat(); err == nil && st.Mode().IsRegular() {
			return seekRewinder{r}, true
		}
	case io.ReadSeekCloser:
		return seekRewinder{r}, true
	}
	return nil, false
}

// seekRewinder is a reading that seeks back to its start to rewind.
type seekRewinder struct{ io.ReadSeekCloser }

func (s seekRewinder) rewind() error {
	_, err := s.Seek(0, io.SeekStart)
	return err
}

// pageSize returns the size of the page r reads when it is known without
// reading it: a file's (as opened), what was held of standard input, the
// file redirected to it. A copy of standard input is larger than
// bigDocument, or it would have been held.
func pageSize(r io.ReadCloser) (int64, bool) {
	switch r := r.(type) {
	case *shrinkGuard:
		return r.size, true
	case nopCloser:
		if b, ok := r.ReadSeeker.(*bytes.Reader); ok {
			return b.Size(), true
		}
	case *os.File:
		if st, err := r.Stat(); err == nil && st.Mode().IsRegular() {
			return st.Size(), true
		}
	}
	return 0, false
}

// decodedPage returns the page f, which declares the encoding d at its
// head, decoded as it goes (ld.DecodeHTMLReader), with decodePage's
// note. It is read to its end first (ld.CheckHTMLDecoding), so that
// bytes that are not text in d are the page's error before any block
// is read, as when the page was decoded whole, which took seven times
// its size: 200 MB of junk after <meta charset="windows-1252"> took
// 1.4 GB.
func (e *env) decodedPage(f rewindable, d ld.Declared, display string) (io.ReadCloser, string, error) {
	err := ld.CheckHTMLDecoding(bufio.NewReaderSize(f, 64<<10), d, display)
	if err == nil {
		err = f.rewind()
	}
	if err != nil {
		f.Close()
		return nil, display, err
	}
	e.notef("%s: %s", display, d)
	return struct {
		io.Reader
		io.Closer
	}{ld.DecodeHTMLReader(bufio.NewReaderSize(f, 64<<10), d, display), f}, display, nil
}

// openInput opens one input for reading as it goes: a file, or standard
// input for "-". Errors are readInput's.
func (e *env) openInput(name string) (io.ReadCloser, string, error) {
	if name == "-" {
		r, err := e.openStdin()
		if r == nil && err == nil {
			return io.NopCloser(e.stdin), e.stdinDisplay(), nil
		}
		return r, e.stdinDisplay(), err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, name, err
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		// The error os.ReadFile gives, which readInput passes on.
		f.Close()
		return nil, name, &fs.PathError{Op: "read", Path: name, Err: syscall.EISDIR}
	}
	r := guardShrinking(f)
	if g, ok := r.(*shrinkGuard); ok && g.size > progressFrom {
		if w, ok := fileOf(e.stderr); ok && isTerminal(w) {
			// A large input is read for seconds to minutes (58 MB of
			// N-Quads validated in a minute with nothing on the
			// terminal, audit 16): how far it is, as a batch shows
			// its films.
			r = &readProgress{shrinkGuard: g, draw: readingLine(w, name, g.size, time.Now)}
		}
	}
	return r, name, nil
}

// progressFrom is the size past which reading a file shows its progress:
// past bigDocument's default, so that openPage's check of a page up to
// that size sees the file's own reader.
const progressFrom = 16 << 20

// readProgress is a shrinkGuard (its Stat too, by which readers size
// their buffers) that reports how many bytes it has read; Close clears
// the line.
type readProgress struct {
	*shrinkGuard
	draw func(int64)
}

func (p *readProgress) Read(b []byte) (int, error) {
	n, err := p.shrinkGuard.Read(b)
	p.draw(p.shrinkGuard.read)
	return n, err
}

func (p *readProgress) Close() error {
	p.draw(-1)
	return p.shrinkGuard.Close()
}

// readingLine is readProgress's drawing on w of "reading NAME: n of
// size MB", at most every progressEvery by now; -1 clears the line where
// it is drawn.
func readingLine(w io.Writer, name string, size int64, now func() time.Time) func(int64) {
	line := statusLine{w: w, now: now}
	return func(n int64) {
		if n < 0 {
			line.clear()
			return
		}
		line.draw(false, "reading %s: %d of %d MB", msg.Clean(name), n>>20, size>>20)
	}
}

// errShrank is the error of a file that ends before the size it had when
// it was opened: another program cut it (a log rotated, a download
// restarted) while film2ld read it. Read to its new end, a file of
// statements gave fewer of them, and exit status 0.
var errShrank = errors.New("the file shrank while it was read (is another program writing it?)")

// shrinkGuard reads a regular file and fails, where the file ends, if it
// ended before the size it had when opened (errShrank). A file that grows
// is read to its end, as any reader reads it.
type shrinkGuard struct {
	f    *os.File
	st   fs.FileInfo // when opened
	size int64
	read int64
}

// guardShrinking returns f read through a shrinkGuard when it is a
// regular file, else f.
func guardShrinking(f *os.File) io.ReadCloser {
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return f
	}
	return &shrinkGuard{f: f, st: st, size: st.Size()}
}

func (g *shrinkGuard) Read(p []byte) (int, error) {
	n, err := g.f.Read(p)
	g.read += int64(n)
	if err == io.EOF && g.read < g.size {
		// The reader that reads it names the file.
		return n, fmt.Errorf("%w: it had %d bytes when opened, and ended after %d", errShrank, g.size, g.read)
	}
	return n, err
}

// rewind reads the file again from its start.
func (g *shrinkGuard) rewind() error {
	g.read = 0
	_, err := g.f.Seek(0, io.SeekStart)
	return err
}

// Stat is the file's when opened, so that a reader that sizes its
// buffer by it still can, without a system call more.
func (g *shrinkGuard) Stat() (fs.FileInfo, error) { return g.st, nil }

func (g *shrinkGuard) Close() error { return g.f.Close() }

// readFileWhole is os.ReadFile, but refuses a file that shrank while it
// was read (errShrank).
func readFileWhole(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := guardShrinking(f)
	var b bytes.Buffer
	if g, ok := r.(*shrinkGuard); ok && g.size < 1<<40 {
		b.Grow(int(g.size) + bytes.MinRead)
	}
	if _, err := b.ReadFrom(r); err != nil {
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			return nil, err
		}
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return b.Bytes(), nil
}

// outputWritable reports, before any input is read, an output that
// writing would refuse after the work (a missing or read-only folder, a
// folder in the way, a loop of links), as that failure is reported: an
// error naming the path, exit 1. A 50 MB conversion took seconds to say
// that -o's folder did not exist.
func (e *env) outputWritable(paths ...string) bool {
	for _, p := range paths {
		if err := output.Check(p); err != nil {
			e.outputError(err)
			return false
		}
	}
	return true
}

// outputError reports an output that cannot be written, with what to do
// about a file its user may not write (replaced by a rename, it was
// overwritten where a shell's '>' is refused).
func (e *env) outputError(err error) {
	e.errorf("%v", err)
	var oe *output.Error
	if output.ReadOnly(err) && errors.As(err, &oe) {
		e.hint("film2ld does not replace a file you may not write, as a shell's '>' does not: make %s writable first, or give another output file", oe.Path)
	}
}

// checkInputs refuses a command line that names standard input twice or
// writes its output over one of its inputs (standard input among them,
// when the shell redirected it from a file). Files are compared by device
// and inode once links are followed, so neither a link nor another
// spelling of the path hides an input.
func (e *env) checkInputs(inputs []string, out string) error {
	stdin := 0
	for _, in := range inputs {
		if in == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return errors.New(`"-" (standard input) can be given only once`)
	}
	if out == "" || out == "-" {
		return nil
	}
	st, err := os.Stat(out)
	if err == nil && st.Mode()&fs.ModeNamedPipe != 0 {
		// A pipe is written in place, never replaced; but one that is
		// also an input ('-o /dev/stdin' with standard input a pipe, a
		// named pipe given twice) has a writer while it is read, this
		// one, and its input never ends: convert waited forever
		// (audit 19).
		for _, in := range inputs {
			var ist fs.FileInfo
			if f, ok := e.stdin.(*os.File); ok && in == "-" {
				ist, err = f.Stat()
			} else if in != "-" {
				ist, err = os.Stat(in)
			}
			if ist != nil && err == nil && os.SameFile(st, ist) {
				return fmt.Errorf("output %s is the pipe an input is read from (%s): the input would never end; write the output elsewhere", out, e.inputDisplay(in))
			}
		}
		return nil
	}
	if err != nil || !st.Mode().IsRegular() {
		// Nothing there yet, or a device, written in place and never
		// replaced: -o /dev/stdout with /dev/stdin as input is fine.
		return nil
	}
	for _, in := range inputs {
		if in == "-" {
			// Standard input redirected from the file itself
			// ('film2ld export -o a.txt - < a.txt').
			if f, ok := e.stdin.(*os.File); ok && sameOpenFile(f, out) {
				return fmt.Errorf("output %s is also an input (standard input); refusing to overwrite it", out)
			}
			continue
		}
		if output.SameFile(in, out) {
			if in != out {
				return fmt.Errorf("output %s is also an input (%s, by another path); refusing to overwrite it", out, in)
			}
			return fmt.Errorf("output %s is also an input; refusing to overwrite it", out)
		}
	}
	return nil
}

// sameOpenFile reports whether the open file f is the regular file at
// path.
func sameOpenFile(f *os.File, path string) bool {
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	ost, err := os.Stat(path)
	return err == nil && os.SameFile(st, ost)
}

// writeOutput writes data to path, or to standard output for "" and "-",
// whole or not at all (see package output).
func (e *env) writeOutput(path string, data []byte) error {
	return output.WriteFile(path, e.stdout, data)
}

// urlFix is what puts right a FILE argument of convert or validate that
// is a web address: film2ld reads files, offline.
const urlFix = "film2ld reads files and never fetches a page: save it first, as curl -o page.html URL does, and give the file"

// urlTextFix is urlFix for export, which maps a film page's text.
const urlTextFix = "film2ld reads files and never fetches a page: save the film page as text first (in a browser, Save as… Text) and give the file"

// isURLArg reports whether a FILE argument that could not be opened is
// a web address, which users give for the page they mean.
func isURLArg(name string, err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && (strings.HasPrefix(name, "https://") || strings.HasPrefix(name, "http://"))
}

// inputDisplay is the name messages use for the input name: "<stdin>"
// for "-", or the named pipe or device "-" stands for (streamNamed).
func (e *env) inputDisplay(name string) string {
	if name == "-" {
		return e.stdinDisplay()
	}
	return name
}

// inputPath is the name that tells what an input is by its extension and
// where its relative contexts resolve: the named pipe or device "-"
// stands for (streamNamed), else name itself.
func (e *env) inputPath(name string) string {
	if name == "-" && e.stdinName != "" {
		return e.stdinName
	}
	return name
}

// stdinDisplay is the name messages use for "-".
func (e *env) stdinDisplay() string {
	if e.stdinName != "" {
		return e.stdinName
	}
	return "<stdin>"
}

// heldOutput holds what is written, for an output that gets it whole at
// the end (standard output, a device or a pipe, which would see a
// half-written document), in pieces of heldPiece bytes: a bytes.Buffer
// doubles its capacity as it grows, so the 88.5 MB of expanded JSON-LD
// of 32.5 MB of N-Quads in 400,000 named graphs took 256 MB of buffer
// (and the 128 MB it was copied from), 413 MB in all, 12.7 times the
// input, where writing it to a file (-o) took 183 MB.
type heldOutput struct {
	pieces [][]byte
}

// heldPiece is the size of heldOutput's pieces.
const heldPiece = 1 << 20

func (h *heldOutput) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(h.pieces) == 0 || len(h.pieces[len(h.pieces)-1]) == heldPiece {
			h.pieces = append(h.pieces, make([]byte, 0, heldPiece))
		}
		last := &h.pieces[len(h.pieces)-1]
		m := min(len(p), heldPiece-len(*last))
		*last = append(*last, p[:m]...)
		p = p[m:]
	}
	return n, nil
}

// WriteTo writes what h holds to w, a piece at a time.
func (h *heldOutput) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, p := range h.pieces {
		m, err := w.Write(p)
		n += int64(m)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

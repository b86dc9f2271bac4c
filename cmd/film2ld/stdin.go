package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"sync"

	"github.com/film2ld/film2ld/cmd/film2ld/internal/output"
)

// spoolStdin readies standard input for the commands that read linked
// data (convert, load, validate) when names has "-". Up to bigDocument
// bytes, standard input is held, as it always was. A longer one is held
// up to that size (its head) and copied to a temporary file (in $TMPDIR)
// as far as a reading needs more (finishSpool, spoolReader); "-" then
// reads the copy in every reading, so that it is read as a large file
// given by name is: its syntax told from its first bytes, junk refused
// as it is read, and read again only when it passes. Standard input
// cannot be read twice, and held whole to be told, 200 MB of junk took
// 0.4–2.2 GB to be refused.
//
// The checks that refuse junk from its first bytes (see decideOnHead)
// run on the head before anything is copied: junk that never ends (yes)
// filled the disk at 400 MB/s before it was refused, where a file of it
// is refused for its first line. (Checks that look through the whole
// input first, for a byte that is not UTF-8, decide nothing on a head.)
// A file redirected to standard input is read as itself (reopenable).
//
// release closes and removes the copy, and may be called more than
// once; an interrupt or a reader that goes removes it too
// (output.CleanupOnSignal, output.GuardPipe). A command releases it once
// its inputs are read, before it writes.
func (e *env) spoolStdin(names []string) (release func(), err error) {
	release = func() {}
	if named := e.streamNamed(names); named != nil {
		// Closed with the copy, whichever release is returned below.
		defer func() {
			spooled := release
			release = func() { spooled(); named.Close() }
		}()
	}
	if !slices.Contains(names, "-") || e.stdin == nil {
		return release, nil
	}
	if path := reopenable(e.stdin); path != "" {
		// A file redirected to standard input (< file) is read as
		// itself, by a name that opens it afresh: no copy.
		e.stdinSpool = path
		return release, nil
	}
	head, err := io.ReadAll(io.LimitReader(e.stdin, int64(bigDocument)+1))
	if err != nil {
		return release, fmt.Errorf("%s: %w", e.stdinDisplay(), err)
	}
	if len(head) <= bigDocument {
		if head == nil {
			head = []byte{}
		}
		e.stdinHeld, e.stdin = head, bytes.NewReader(head)
		return release, nil
	}
	e.stdinHead = head
	var once sync.Once
	return func() {
		once.Do(func() {
			if e.stdinCopy != nil {
				output.Discard(e.stdinCopy)
			}
		})
	}, nil
}

// streamNamed lets "-" stand for the first input of names that is
// neither a regular file nor a folder (a named pipe, a shell's <(…) as
// /dev/fd/63, a device such as /dev/zero) when standard input is not
// among them, and returns it opened: it is read as standard input is,
// its head checked as it comes and the rest copied as far as a reading
// needs. Read whole as a file is read, junk that never ends took all the
// memory there was (validate /dev/zero: 4.3 GB), and 100 MB of it through
// a pipe 1.3 GB to be refused (audit 19). Messages name it as given
// (stdinName). names is changed in place. A second such input is read
// as before.
func (e *env) streamNamed(names []string) io.Closer {
	if slices.Contains(names, "-") {
		return nil
	}
	for i, name := range names {
		st, err := os.Stat(name)
		if err != nil || st.Mode().IsRegular() || st.IsDir() {
			continue
		}
		f, err := openDocument(name)
		if err != nil {
			continue // its reading says why, as for any file
		}
		e.stdin, e.stdinName, names[i] = f, name, "-"
		return f
	}
	return nil
}

// reopenable returns a name that opens again the file r reads, when r is
// a regular file read from its start and the system has such names
// (Linux's /proc/self/fd): a file redirected to standard input, which
// is then read as itself rather than copied. Else "".
func reopenable(r io.Reader) string {
	f, ok := r.(*os.File)
	if !ok || runtime.GOOS != "linux" {
		return ""
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return ""
	}
	if at, err := f.Seek(0, io.SeekCurrent); err != nil || at != 0 {
		return "" // partly read already: what is left is read, copied
	}
	path := fmt.Sprintf("/proc/self/fd/%d", f.Fd())
	if again, err := os.Stat(path); err != nil || !os.SameFile(st, again) {
		return ""
	}
	return path
}

// stdinPending reports whether standard input is large and not yet
// copied: only its head is read.
func (e *env) stdinPending() bool { return e.stdinHead != nil }

// finishSpool readies a pending standard input's copy: its temporary
// file holds the head, and the rest is copied as readings reach it
// (spoolReader), never ahead of them. A reading that refuses what it
// has read so stops the copy where it stopped: junk that never ends
// ('{' or NUL bytes from yes or /dev/zero) ran forever, filling the disk,
// where a file of it is refused at its second line. It returns the same
// error each time it is called once that failed.
func (e *env) finishSpool() error {
	if !e.stdinPending() {
		return e.spoolErr
	}
	head := e.stdinHead
	e.stdinHead = nil
	f, err := output.Scratch()
	if err != nil {
		e.spoolErr = e.spoolError(err)
		return e.spoolErr
	}
	if _, err = f.Write(head); err != nil {
		output.Discard(f)
		e.spoolErr = e.spoolError(err)
		return e.spoolErr
	}
	e.stdinSpool, e.stdinCopy, e.spooled = f.Name(), f, int64(len(head))
	return nil
}

// spoolMore copies standard input's next bytes (up to 1 MiB) to its
// copy, and reports whether there were any: false at its end or on an
// error, which is then e.spoolErr. A full disk or a read error leaves
// nothing read of a part: every later reading gets the error.
func (e *env) spoolMore() bool {
	if e.stdinEnded || e.spoolErr != nil {
		return false
	}
	if e.spoolBuf == nil {
		e.spoolBuf = make([]byte, 1<<20)
	}
	for {
		n, err := e.stdin.Read(e.spoolBuf)
		if n > 0 {
			if _, werr := e.stdinCopy.WriteAt(e.spoolBuf[:n], e.spooled); werr != nil {
				e.spoolErr = e.spoolError(werr)
				return false
			}
			e.spooled += int64(n)
		}
		switch {
		case err == io.EOF:
			e.stdinEnded = true
			return n > 0
		case err != nil:
			e.spoolErr = e.spoolError(err)
			return false
		case n > 0:
			return true
		}
	}
}

// spoolTo copies standard input on until its copy holds more than size
// bytes or all of it, and reports whether it holds more.
func (e *env) spoolTo(size int64) bool {
	for e.spooled <= size && e.spoolMore() {
	}
	return e.spooled > size
}

// spoolReader reads standard input's copy from its start as if it were
// a file, copying standard input on as it reaches the copy's end: each
// reading of "-" is one, and what one read is there for the next.
type spoolReader struct {
	e   *env
	off int64
}

func (r *spoolReader) Read(p []byte) (int, error) {
	e := r.e
	if len(p) == 0 {
		return 0, nil
	}
	for r.off >= e.spooled {
		if !e.spoolMore() {
			if e.spoolErr != nil {
				return 0, e.spoolErr
			}
			return 0, io.EOF
		}
	}
	n, err := e.stdinCopy.ReadAt(p[:min(int64(len(p)), e.spooled-r.off)], r.off)
	r.off += int64(n)
	if err == io.EOF && n > 0 {
		err = nil
	}
	return n, err
}

// Seek moves the reading's offset; from the end, standard input is
// copied to its end first.
func (r *spoolReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += r.off
	case io.SeekEnd:
		for r.e.spoolMore() {
		}
		if r.e.spoolErr != nil {
			return r.off, r.e.spoolErr
		}
		offset += r.e.spooled
	default:
		return r.off, errors.New("spoolReader.Seek: invalid whence")
	}
	if offset < 0 {
		return r.off, errors.New("spoolReader.Seek: negative position")
	}
	r.off = offset
	return offset, nil
}

// Close ends this reading; the copy stays for the others (release
// removes it).
func (r *spoolReader) Close() error { return nil }

// openStdin opens a reading of standard input from its start: its copy
// when it was large (finishSpool), the file it is when it was redirected
// from one, or what was held of it.
func (e *env) openStdin() (io.ReadSeekCloser, error) {
	if err := e.finishSpool(); err != nil {
		return nil, err
	}
	switch {
	case e.stdinCopy != nil:
		return &spoolReader{e: e}, nil
	case e.stdinSpool != "":
		return os.Open(e.stdinSpool)
	case e.stdinHeld != nil:
		return nopCloser{bytes.NewReader(e.stdinHeld)}, nil
	}
	return nil, nil
}

// nopCloser is a ReadSeeker with a Close that does nothing.
type nopCloser struct{ io.ReadSeeker }

func (nopCloser) Close() error { return nil }

// pendingPrefix returns the first 64 KiB of standard input's head when
// name is "-" and standard input is pending, the bytes a large file's
// syntax is told from; else nil.
func (e *env) pendingPrefix(name string) []byte {
	if name != "-" || !e.stdinPending() {
		return nil
	}
	return e.stdinHead[:min(len(e.stdinHead), junkPrefix)]
}

// errPastHead is what a headReader gives past the head.
var errPastHead = errors.New("past the head of standard input")

// headReader reads a pending standard input's head, then fails: a check
// that read no further decided on bytes the whole input starts with, as
// it would decide reading the whole. Up to limit, the head first grows
// with what standard input holds next, kept for every later reading.
type headReader struct {
	e     *env
	off   int
	limit int
	past  bool
}

func (h *headReader) Read(p []byte) (int, error) {
	e := h.e
	if h.off == len(e.stdinHead) && h.off < h.limit && !e.stdinEnded {
		// Read on into the head, in place: a head grown by append
		// would be copied at each doubling.
		if cap(e.stdinHead) < h.limit {
			grown := make([]byte, len(e.stdinHead), h.limit)
			copy(grown, e.stdinHead)
			e.stdinHead = grown
		}
		n, err := e.stdin.Read(e.stdinHead[len(e.stdinHead):min(h.limit, len(e.stdinHead)+max(len(p), 64<<10))])
		e.stdinHead = e.stdinHead[:len(e.stdinHead)+n]
		if err == io.EOF {
			e.stdinEnded = true
		} else if err != nil {
			return 0, err
		}
	}
	if h.off < len(e.stdinHead) {
		n := copy(p, e.stdinHead[h.off:])
		h.off += n
		return n, nil
	}
	if e.stdinEnded {
		return 0, io.EOF // the input's own end: the check saw it whole
	}
	h.past = true
	return 0, errPastHead
}

// decideOnHead runs check on a pending standard input's head (whole,
// from its start) and reports whether it decided without reading past
// it: then err is what the check gives the whole input. Otherwise the
// caller runs the check on the copy (see finishSpool).
func (e *env) decideOnHead(check func(whole io.Reader) error) (err error, decided bool) {
	return e.decideOnHeadUpTo(len(e.stdinHead), check)
}

// decideOnHeadUpTo is decideOnHead with the head read on up to limit
// bytes first where the check needs them.
func (e *env) decideOnHeadUpTo(limit int, check func(whole io.Reader) error) (err error, decided bool) {
	h := &headReader{e: e, limit: limit}
	err = check(h)
	if h.past {
		return nil, false
	}
	return err, true
}

// spoolError is the error of a standard input finishSpool could not copy
// (a named pipe or device that "-" stands for is copied so too).
func (e *env) spoolError(err error) error {
	size := fmt.Sprintf("%d bytes", bigDocument)
	if bigDocument%(1<<20) == 0 {
		size = fmt.Sprintf("%d MiB", bigDocument>>20)
	}
	fix := " (name a file instead)"
	if e.stdinName != "" {
		fix = " (save it to a file first, or set TMPDIR to a folder with room)"
	}
	return fmt.Errorf("%s is over %s and could not be copied to a temporary file to be read%s: %w", e.stdinDisplay(), size, fix, err)
}

// stdinBytes returns standard input whole: as spoolStdin held it (not
// copied again), read from its copy, or read now.
func (e *env) stdinBytes() ([]byte, error) {
	if err := e.finishSpool(); err != nil {
		return nil, err
	}
	switch {
	case e.stdinHeld != nil:
		return e.stdinHeld, nil
	case e.stdinCopy != nil:
		return io.ReadAll(&spoolReader{e: e})
	case e.stdinSpool != "":
		data, err := readFileWhole(e.stdinSpool)
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = fmt.Errorf("%s: %w", e.stdinDisplay(), pe.Err)
		}
		return data, err
	}
	return io.ReadAll(e.stdin)
}

// stdinSize is the size of standard input once spoolStdin has read it
// (of its head while it is pending), or 0.
func (e *env) stdinSize() int64 {
	if e.stdinPending() {
		return int64(len(e.stdinHead))
	}
	if e.stdinCopy != nil {
		return e.spooled // as far as it is copied
	}
	if e.stdinSpool != "" {
		if st, err := os.Stat(e.stdinSpool); err == nil {
			return st.Size()
		}
	}
	return int64(len(e.stdinHeld))
}

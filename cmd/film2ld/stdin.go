package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"

	"github.com/film2ld/film2ld/cmd/film2ld/internal/output"
)

// displayName is the name messages give an input: "<stdin>" for "-".
func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return name
}

// spoolStdin readies standard input for the commands that read linked
// data (convert, load, validate) when names has "-". Up to bigDocument
// bytes, standard input is held, as it always was. A longer one is
// copied to a temporary file (in $TMPDIR), which "-" then names to every
// reading, so that it is read as a large file given by name is: its
// syntax told from its first bytes, junk refused as it is read, and
// read again only when it passes. Standard input cannot be read twice,
// and held whole to be told, 200 MB of junk took 0.4–2.2 GB to be
// refused. release closes and removes the copy, and may be called more
// than once; an interrupt removes it too (output.CleanupOnSignal). A
// command releases it once its inputs are read, before it writes: a
// reader of its output that goes (| head) ends it by SIGPIPE, which
// film2ld does not catch, since catching it would turn a broken pipe
// to a triple store into a signal too.
func (e *env) spoolStdin(names []string) (release func(), err error) {
	release = func() {}
	if !slices.Contains(names, "-") || e.stdin == nil {
		return release, nil
	}
	head, err := io.ReadAll(io.LimitReader(e.stdin, int64(bigDocument)+1))
	if err != nil {
		return release, fmt.Errorf("<stdin>: %w", err)
	}
	if len(head) <= bigDocument {
		if head == nil {
			head = []byte{}
		}
		e.stdinHeld, e.stdin = head, bytes.NewReader(head)
		return release, nil
	}
	f, err := output.Scratch()
	if err != nil {
		return release, spoolError(err)
	}
	if _, err = f.Write(head); err == nil {
		_, err = io.Copy(f, e.stdin)
	}
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		// A full disk, or a read error: nothing is read of a part.
		output.Discard(f)
		return release, spoolError(err)
	}
	e.stdinSpool, e.stdin = f.Name(), f
	var once sync.Once
	return func() { once.Do(func() { output.Discard(f) }) }, nil
}

// spoolError is the error of a standard input spoolStdin could not copy.
func spoolError(err error) error {
	size := fmt.Sprintf("%d bytes", bigDocument)
	if bigDocument%(1<<20) == 0 {
		size = fmt.Sprintf("%d MiB", bigDocument>>20)
	}
	return fmt.Errorf("<stdin> is over %s and could not be copied to a temporary file to be read (name a file instead): %w", size, err)
}

// stdinBytes returns standard input whole: as spoolStdin held it (not
// copied again), read from its copy, or read now.
func (e *env) stdinBytes() ([]byte, error) {
	switch {
	case e.stdinHeld != nil:
		return e.stdinHeld, nil
	case e.stdinSpool != "":
		data, err := readFileWhole(e.stdinSpool)
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = fmt.Errorf("<stdin>: %w", pe.Err)
		}
		return data, err
	}
	return io.ReadAll(e.stdin)
}

// stdinSize is the size of standard input once spoolStdin has read it,
// or 0.
func (e *env) stdinSize() int64 {
	if e.stdinSpool != "" {
		if st, err := os.Stat(e.stdinSpool); err == nil {
			return st.Size()
		}
	}
	return int64(len(e.stdinHeld))
}

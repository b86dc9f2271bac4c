package main

import (
	"io"
	"os"
)

// isTerminal reports whether f is a terminal, to decide whether progress
// lines (with carriage returns and erase codes) go to it: a character
// device other than the null device. Logs, pipes and files are none, so
// they see no control characters. (golang.org/x/term asks the terminal
// driver instead; it and golang.org/x/sys/unix were 2.3 s of CPU of a cold
// build for these two calls. A serial line counts as a terminal here too.)
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	if null, err := os.Stat(os.DevNull); err == nil && os.SameFile(fi, null) {
		return false
	}
	return true
}

// fileOf returns the file w writes to: w itself, or the file a guard
// (output.GuardPipe) wraps.
func fileOf(w io.Writer) (*os.File, bool) {
	switch w := w.(type) {
	case *os.File:
		return w, true
	case interface{ File() *os.File }:
		return w.File(), true
	}
	return nil, false
}

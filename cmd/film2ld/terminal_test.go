package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestIsTerminal: the null device, a pipe and a file are not terminals, so
// progress lines never reach them; /dev/tty, where the test has one, is.
func TestIsTerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	file, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	for name, f := range map[string]*os.File{"null device": null, "pipe": w, "file": file} {
		if isTerminal(f) {
			t.Errorf("%s: counted as a terminal", name)
		}
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		if !isTerminal(tty) {
			t.Error("/dev/tty: not counted as a terminal")
		}
	}
}

package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/film2ld/film2ld/cmd/film2ld/internal/output"
)

// readInput reads a FILE argument whole; "-" is standard input. It also
// returns the name messages use for the input ("<stdin>" for "-").
func (e *env) readInput(name string) (data []byte, display string, err error) {
	if name == "-" {
		data, err = io.ReadAll(e.stdin)
		return data, "<stdin>", err
	}
	// On failure the *PathError already names the file.
	data, err = os.ReadFile(name)
	return data, name, err
}

// openInput opens one input for reading as it goes: a file, or standard
// input for "-". Errors are readInput's.
func (e *env) openInput(name string) (io.ReadCloser, string, error) {
	if name == "-" {
		return io.NopCloser(e.stdin), "<stdin>", nil
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
	return f, name, nil
}

// outputWritable reports, before any input is read, an output that
// writing would refuse after the work (a missing or read-only folder, a
// folder in the way, a loop of links), as that failure is reported: an
// error naming the path, exit 1. A 50 MB conversion took seconds to say
// that -o's folder did not exist.
func (e *env) outputWritable(paths ...string) bool {
	for _, p := range paths {
		if err := output.Check(p); err != nil {
			e.errorf("%v", err)
			return false
		}
	}
	return true
}

// checkInputs refuses a command line that names standard input twice or
// writes its output over one of its inputs. Files are compared by device
// and inode once links are followed, so neither a link nor another
// spelling of the path hides an input.
func checkInputs(inputs []string, out string) error {
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
	if st, err := os.Stat(out); err != nil || !st.Mode().IsRegular() {
		// Nothing there yet, or a device or pipe, written in place and
		// never replaced: -o /dev/stdout with /dev/stdin as input is fine.
		return nil
	}
	for _, in := range inputs {
		if in != "-" && output.SameFile(in, out) {
			if in != out {
				return fmt.Errorf("output %s is also an input (%s, by another path); refusing to overwrite it", out, in)
			}
			return fmt.Errorf("output %s is also an input; refusing to overwrite it", out)
		}
	}
	return nil
}

// writeOutput writes data to path, or to standard output for "" and "-",
// whole or not at all (see package output).
func (e *env) writeOutput(path string, data []byte) error {
	return output.WriteFile(path, e.stdout, data)
}

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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

// checkInputs refuses a command line that names standard input twice or
// writes its output over one of its inputs.
func checkInputs(inputs []string, output string) error {
	stdin := 0
	for _, in := range inputs {
		if in == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return errors.New(`"-" (standard input) can be given only once`)
	}
	if output == "" || output == "-" {
		return nil
	}
	out, err := os.Stat(output)
	if err != nil {
		return nil // a new file cannot be an input
	}
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		if st, err := os.Stat(in); err == nil && os.SameFile(st, out) {
			return fmt.Errorf("output %s is also an input; refusing to overwrite it", output)
		}
	}
	return nil
}

// writeOutput writes data to path, or to standard output for "" and "-".
// A file is written whole or not at all: the data goes to a temporary file
// in the same folder, which is then renamed over path, so a reader never
// sees half an output and a failure leaves no file behind.
func (e *env) writeOutput(path string, data []byte) error {
	if path == "" || path == "-" {
		_, err := io.Copy(e.stdout, bytes.NewReader(data))
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

package main

import (
	"errors"
	"io"
	"os"

	"github.com/film2ld/film2ld/ld"
)

// junkPrefix is how much of a large N-Quads input refusedNQuads reads.
const junkPrefix = 64 << 10

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
func refusedNQuads(name string, format ld.InputFormat, read func(io.Reader) error) error {
	if name == "-" || format != 0 && format != ld.InputNQuads {
		return nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil // the command's own reading reports it
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() || st.Size() <= bigDocument {
		return nil
	}
	prefix := make([]byte, junkPrefix)
	n, _ := io.ReadFull(f, prefix)
	prefix = prefix[:n]
	if format == 0 && ld.DetectInput(name, prefix) != ld.InputNQuads {
		return nil
	}
	return ld.NQuadsPrefixError(prefix, read)
}

// refusedJSON returns the error reading a large input (over bigDocument)
// as JSON-LD gives for its syntax or bytes, or nil, having read it as it
// goes: convert and load read such an input whole and json held it again,
// so a 200 MB file of "[" and junk took 1.1–1.9 GB to be refused. format
// is as for refusedNQuads. A valid document is read again whole, which
// only large ones pay for; the error lacks the offending line's excerpt,
// which may be the whole input.
func refusedJSON(name string, format ld.InputFormat) error {
	if name == "-" || format != 0 && format != ld.InputJSONLD {
		return nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil // the command's own reading reports it
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() || st.Size() <= bigDocument {
		return nil
	}
	if format == 0 {
		prefix := make([]byte, junkPrefix)
		n, _ := io.ReadFull(f, prefix)
		if ld.DetectInput(name, prefix[:n]) != ld.InputJSONLD {
			return nil
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil
		}
	}
	if err := ld.CheckJSON(f, name); err != nil {
		var pe *ld.PosError
		if errors.As(err, &pe) {
			return err
		}
	}
	return nil // a read error is the command's own reading's to report
}

package ld

import (
	"errors"
	"hash/maphash"
	"io"
	"unicode/utf8"
)

// turtlePrefixMargin is how far before the end of a prefix the Turtle
// parser must have stopped for its error to be the whole input's: the
// parser looks a few bytes ahead of where it stands, and a token the
// prefix cuts (a string, an IRI running on) fails only at its end.
const turtlePrefixMargin = 1 << 10

// TurtlePrefixError returns the error reading a Turtle (or, with trig
// set, TriG) input gives, when its first bytes, prefix, tell it, or nil
// when they cannot. The reader holds the whole input (twice, as bytes
// and as text) before it parses: a 200 MB document of junk took 0.84 to
// 1.05 GB to be refused for its second line. The parse of the prefix
// gives the whole input's error where it stopped well before the
// prefix's end; whole, which reads the input again from its start, is
// then scanned for a byte that is not UTF-8, which the reader would
// refuse first, at line 1.
func TurtlePrefixError(prefix []byte, whole io.Reader, name string, trig bool) error {
	// A character the prefix cuts is left out; a byte that is not
	// UTF-8 before it is the whole input's first error.
	for cut := 0; cut < utf8.UTFMax && !utf8.Valid(prefix); cut++ {
		prefix = prefix[:len(prefix)-1]
	}
	if !utf8.Valid(prefix) {
		// The whole input's first such byte, at the same place, as the
		// reader gives it (without the line).
		err := CheckUTF8(prefix, name)
		var pe *PosError
		if errors.As(err, &pe) {
			pe.Source = ""
		}
		return err
	}
	p := newTurtleParser(string(prefix), name, trig)
	p.seen, p.seed = map[uint64]int32{}, maphash.MakeSeed()
	p.sink = func(Quad) {} // the statements are not kept
	err := p.parse()
	if err == nil || p.pos >= len(p.src)-turtlePrefixMargin {
		return nil
	}
	var pe *PosError
	if !errors.As(err, &pe) {
		return nil
	}
	if uerr := ScanUTF8(whole, name); uerr != nil {
		// A byte that is not UTF-8 anywhere (or a read error, which the
		// whole reading reports): the reader's first check.
		return uerr
	}
	return err
}

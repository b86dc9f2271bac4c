package ld

import (
	"bytes"
	"io"
)

// NQuadsPrefixError returns the error that reading a whole N-Quads input
// gives, when prefix, the input's first bytes, already tells it, or nil
// when it cannot: read reads N-Quads as the caller reads the whole input.
// It lets a command refuse a large junk input (a 200 MB document of one
// line of text) from its first kilobytes, where the reader would hold a
// whole line before refusing it.
//
// The prefix's complete lines are read as the whole would be, so an error
// among them is the whole input's. A line the prefix cuts counts only
// when its first character starts no statement (not "<", "_:" or a
// comment): the reader refuses such a line at that character, so the
// prefix gives the error the whole line gives, unless the line also has
// a byte that is not UTF-8 further on, which reading the whole line would
// name instead.
func NQuadsPrefixError(prefix []byte, read func(io.Reader) error) error {
	lines := prefix[:bytes.LastIndexByte(prefix, '\n')+1]
	if len(lines) == 0 {
		// One line longer than the prefix: only a start that no
		// statement has tells.
		s := bytes.TrimLeft(prefix, " \t\r")
		if len(s) == 0 || s[0] == '<' || s[0] == '_' || s[0] == '#' {
			return nil
		}
		lines = prefix
	}
	return read(bytes.NewReader(lines))
}

package text

import (
	"encoding/binary"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The scans below look at eight bytes at a time. Read passes every byte of
// every document through each of them, and their byte-at-a-time forms
// (norm's own ASCII skip among them) were over a third of Read's time on
// the samples, a few per cent of converting a film.

const (
	lows  = 0x0101010101010101
	highs = 0x8080808080808080
)

// asciiPrefix returns the length of the run of ASCII bytes s starts with.
func asciiPrefix(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if load64(s[i:i+8])&highs != 0 {
			break
		}
	}
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
	}
	return i
}

// load64 reads the eight bytes of s as one little-endian word (the
// compiler makes it one load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool { return asciiPrefix(s) == len(s) }

// binaryOffset returns the offset of the first byte that no text document
// holds (NUL and C0 controls other than tab, newline, vertical tab, form
// feed and carriage return, and DEL), or -1. A vertical tab is the line
// break inside a paragraph that word processors and slide programs write
// into the text they export: a film page copied from one was refused
// whole as binary data for it. DEL is no text either: it passed into a
// name as an invisible character and made a second person of an actor
// (audit 6), where BEL and ESC were refused.
//
// A word with no byte below 0x20 and none equal to 0x7F is passed whole;
// the rest are looked at byte by byte (every line end is one).
func binaryOffset(data []byte) int {
	i := 0
	for ; i+8 <= len(data); i += 8 {
		w := binary.LittleEndian.Uint64(data[i:])
		// Some byte is below 0x20: the classic "has less than" test,
		// exact as to whether any byte is (it may mark others too).
		below := (w - 0x20*lows) &^ w & highs
		// Some byte is 0x7F: one of w^0x7F7F… is zero.
		del := w ^ 0x7F*lows
		del = (del - lows) &^ del & highs
		if below|del == 0 {
			continue
		}
		for j := i; j < i+8; j++ {
			if isBinaryByte(data[j]) {
				return j
			}
		}
	}
	for ; i < len(data); i++ {
		if isBinaryByte(data[i]) {
			return i
		}
	}
	return -1
}

// isBinaryByte is binaryOffset's test of one byte.
func isBinaryByte(b byte) bool {
	return b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' || b == 0x7F
}

// nfc is norm.NFC.String(s). It hands norm only the runs of s that are
// not ASCII, each with the ASCII byte before it (which may compose with
// what follows, "e" and a combining accent): an ASCII character is a
// boundary no normalisation crosses (it never combines with what stands
// before it), so s is in NFC when each such run is. When one is not, or
// may not be, the whole of s goes to norm, as before; documents almost
// never need it.
func nfc(s string) string {
	i := 0
	for {
		i += asciiPrefix(s[i:])
		if i == len(s) {
			return s
		}
		start := max(i-1, 0)
		// The run of bytes that are not ASCII.
		for i < len(s) && s[i] >= utf8.RuneSelf {
			i++
		}
		// QuickSpanString, not IsNormalString, which allocates: a run
		// it cannot pass at once (a character that only may change)
		// goes the slow way, which is right either way.
		if norm.NFC.QuickSpanString(s[start:i]) != i-start {
			return norm.NFC.String(s)
		}
	}
}

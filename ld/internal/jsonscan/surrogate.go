package jsonscan

import (
	"bytes"
	"errors"
	"fmt"
)

// ErrUnpairedSurrogate is a \u escape in a JSON string that stands for
// half of a UTF-16 surrogate pair without its other half. JSON's grammar
// allows it, but it is no character: encoding/json, as most JSON
// readers, reads it as U+FFFD, which changes a name or an IRI without a
// word.
var ErrUnpairedSurrogate = errors.New("unpaired UTF-16 surrogate")

// surrogateError describes the escape of code unit u.
func surrogateError(u rune) error {
	half := "high (first) half of a pair, not followed by its low half"
	if isLowSurrogate(u) {
		half = "low (second) half of a pair, not after its high half"
	}
	return fmt.Errorf("%w: the escape \\u%04X is the %s; JSON readers turn it into U+FFFD", ErrUnpairedSurrogate, u, half)
}

func isHighSurrogate(u rune) bool { return 0xD800 <= u && u < 0xDC00 }
func isLowSurrogate(u rune) bool  { return 0xDC00 <= u && u < 0xE000 }

// UnpairedSurrogate returns the byte offset in data, a JSON text that
// decodes, of its first escape of an unpaired surrogate and the error
// describing it, or -1 and nil when it has none. A backslash stands only
// in strings in such a text, so a \u is an escape where an odd number of
// backslashes comes before its u.
func UnpairedSurrogate(data []byte) (int, error) {
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\\')
		if j < 0 {
			return -1, nil
		}
		i += j
		k := i
		for k < len(data) && data[k] == '\\' {
			k++
		}
		if (k-i)%2 == 0 || k >= len(data) || data[k] != 'u' {
			i = k
			continue
		}
		at := k - 1 // the escape's backslash
		u, ok := hex4(data[k+1:])
		if !ok {
			return -1, nil // not JSON; its reader says so
		}
		i = k + 5
		switch {
		case isLowSurrogate(u):
			return at, surrogateError(u)
		case isHighSurrogate(u):
			if len(data) >= i+6 && data[i] == '\\' && data[i+1] == 'u' {
				if low, ok := hex4(data[i+2:]); ok && isLowSurrogate(low) {
					i += 6
					continue
				}
			}
			return at, surrogateError(u)
		}
	}
}

// hex4 reads four hexadecimal digits.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var u rune
	for _, c := range b[:4] {
		d, ok := hexDigit(c)
		if !ok {
			return 0, false
		}
		u = u<<4 | d
	}
	return u, true
}

func hexDigit(c byte) (rune, bool) {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0'), true
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10), true
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10), true
	}
	return 0, false
}

package jsonscan

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"
)

// checkBoth runs CheckWith on in with skim and without, read whole and a
// byte at a time (where skim never has a buffer to read), and fails
// unless all four agree.
func checkBoth(t *testing.T, name string, in []byte, opts Options) {
	t.Helper()
	run := func(fast, oneByte bool) string {
		defer func(old bool) { fastPaths = old }(fastPaths)
		fastPaths = fast
		r := bytes.NewReader(in)
		if oneByte {
			p, err := CheckWith(iotest.OneByteReader(r), opts)
			return fmt.Sprintf("%+v %v", p, err)
		}
		p, err := CheckWith(r, opts)
		return fmt.Sprintf("%+v %v", p, err)
	}
	want := run(false, false)
	if got := run(true, false); got != want {
		t.Errorf("%s %+v: skimmed %s\nread a character at a time %s", name, opts, got, want)
	}
	if len(in) < 4<<10 {
		if got := run(true, true); got != want {
			t.Errorf("%s %+v: a byte at a time %s\nwant %s", name, opts, got, want)
		}
	}
}

// TestSkimMatchesCharacterLoop: CheckWith's buffered skim past the
// syntax problem and through white space after the value gives what the
// loop's character-at-a-time reading gives (the problem, its place, the
// byte that is not UTF-8, the horizon), on values followed by white space,
// junk, characters of every width, bytes that are not UTF-8 (alone, cut
// characters, at a buffer's edge), with every option and horizons falling
// anywhere, in inputs up to a few buffers long.
func TestSkimMatchesCharacterLoop(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 7))
	heads := []string{`{"a": [1, "é"]}`, `[]`, `1`, `"x"`, `{{`, `y`, `[1,]`, `{"a" 1}`, ``, `  `, `{"a": "\ud800"}`, `[[[[`, `tru`, `nul`, `1.`}
	pieces := []string{" ", "\n", "\t", "\r\n", "x", "é", "€", "𝄞", "\xff", "\xe2\x82", "\xc3", "\xef\xbf\xbd", "\x00", "\x0b", "}", ",", ":", "[", "1", `"`, "\n\n  "}
	compared := 0
	for i := range 1500 {
		var b strings.Builder
		b.WriteString(heads[r.IntN(len(heads))])
		// A few long runs (past a 64 KiB buffer, so that a character
		// straddles its edge) and many short inputs.
		size := r.IntN(300)
		if i%50 == 0 {
			size = 70<<10 + r.IntN(200<<10)
		}
		mostly := pieces[r.IntN(5)] // white space or junk, in runs
		for b.Len() < size {
			if r.IntN(40) == 0 {
				b.WriteString(pieces[r.IntN(len(pieces))])
			} else {
				b.WriteString(mostly)
			}
		}
		if r.IntN(3) == 0 {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		in := []byte(b.String())
		opts := Options{
			MaxDepth:       r.IntN(4),
			NextToken:      r.IntN(3) == 0,
			FirstByteAfter: r.IntN(3) == 0,
			CutLiteral:     r.IntN(2) == 0,
		}
		if r.IntN(2) == 0 {
			opts.Horizon = int64(r.IntN(len(in) + 8))
		}
		checkBoth(t, fmt.Sprintf("input %d (%d bytes)", i, len(in)), in, opts)
		compared++
	}
	// Junk's tail past a horizon, and a byte that is not UTF-8 on either
	// side of it, at each place around a buffer's edge.
	for _, at := range []int{64<<10 - 5, 64<<10 - 3, 64<<10 - 1, 64 << 10, 64<<10 + 1, 128<<10 + 2} {
		for _, horizon := range []int64{0, int64(at) - 1, int64(at), int64(at) + 1} {
			for _, bad := range []string{"\xff", "\xe2\x82", "é", "\n"} {
				in := []byte("y" + strings.Repeat("é", at/2) + strings.Repeat(" ", at%2) + bad + strings.Repeat("x", 10))
				checkBoth(t, fmt.Sprintf("junk, %q at %d", bad, at), in, Options{Horizon: horizon})
				in = []byte("[1]" + strings.Repeat(" \n", at/2) + bad + "  ")
				checkBoth(t, fmt.Sprintf("spaces after the value, %q at %d", bad, at), in, Options{Horizon: horizon, NextToken: horizon%2 == 0})
				compared += 2
			}
		}
	}
	t.Logf("%d inputs compared", compared)
}

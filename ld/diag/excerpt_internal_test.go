package diag

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// excerptWhole is Excerpt as it was, decoding the whole line: the
// reference TestExcerptWindowMatchesWholeLine holds the window to.
func excerptWhole(text string, line, col int) string {
	if line <= 0 || col <= 0 {
		return ""
	}
	runes := []rune(strings.TrimRight(text, "\r\n"))
	for i, r := range runes {
		switch {
		case r == '\t':
			runes[i] = ' '
		case r == utf8.RuneError || !unicode.IsGraphic(r):
			runes[i] = utf8.RuneError
		}
	}
	at := min(col-1, len(runes))
	start, end := 0, len(runes)
	if len(runes) > excerptWidth {
		start = max(0, min(at-excerptWidth/2, len(runes)-excerptWidth))
		end = start + excerptWidth
	}
	shown := string(runes[start:end])
	var pad strings.Builder
	if start > 0 {
		shown = "…" + shown
		pad.WriteByte(' ')
	}
	if end < len(runes) {
		shown += "…"
	}
	for _, r := range runes[start:at] {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			pad.WriteString("  ")
		default:
			pad.WriteByte(' ')
		}
	}
	num := fmt.Sprint(line)
	gutter := strings.Repeat(" ", len(num))
	return fmt.Sprintf("  %s | %s\n  %s | %s^\n", num, shown, gutter, pad.String())
}

// Excerpt decodes only the characters it shows (a line may be hundreds
// of MB), and shows what decoding the whole line showed: lines short and
// long, with tabs, wide characters, controls and bytes that are not
// UTF-8, the caret at the start, the middle, the end and past it.
func TestExcerptWindowMatchesWholeLine(t *testing.T) {
	// The index places the window by its character counts in UTF-8
	// (the first set), and counts the line otherwise.
	for _, pieces := range [][]string{
		{"a", "é", "\t", "映画", "\x00", "\u202e", "\r", "z9", "😀"},
		{"a", "é", "\t", "映画", "\x00", "\xff", "\u202e", "\r", "z9", "\xe6\x98"},
	} {
		excerptsMatchWholeLine(t, pieces)
	}
	if got := Excerpt("x", 0, 1) + Excerpt("x", 1, 0); got != "" {
		t.Errorf("no line or column: %q", got)
	}
}

func excerptsMatchWholeLine(t *testing.T, pieces []string) {
	t.Helper()
	// n pieces, so that lines of n characters and more stand around the
	// window's width.
	for _, n := range []int{0, 1, 5, excerptWidth - 1, excerptWidth, excerptWidth + 1, 3 * excerptWidth, 1000} {
		for k := range pieces {
			var b strings.Builder
			for i := range n {
				b.WriteString(pieces[(i*7+k)%len(pieces)])
			}
			text := b.String() + "\r\n"
			count := utf8.RuneCountInString(text)
			for _, col := range []int{1, 2, excerptWidth / 2, excerptWidth, count / 2, count - 2, count - 1, count, count + 1, count + 40} {
				if col < 1 {
					continue
				}
				want := excerptWhole(text, 3, col)
				if got := Excerpt(text, 3, col); got != want {
					t.Errorf("%d pieces from %d, column %d:\n got %q\nwant %q", n, k, col, got, want)
				}
				// The index cuts its window from the input's bytes.
				x := NewIndex([]byte("{\n\r\n" + text + "}"))
				if got := x.Excerpt(3, col); got != want {
					t.Errorf("%d pieces from %d, column %d, from an index:\n got %q\nwant %q", n, k, col, got, want)
				}
			}
		}
	}
}

// An excerpt of a long line copies the window it shows, not the line: a
// 200 MB line cost 200 MB for each finding on it.
func TestIndexExcerptCopiesItsWindow(t *testing.T) {
	line := strings.Repeat("[1, \"é\"], ", 1<<20) // 12 MB
	x := NewIndex([]byte("\n" + line + "\n"))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got := x.Excerpt(2, len(line)/4)
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<10 {
		t.Errorf("the excerpt of a %d-byte line allocated %d bytes", len(line), n)
	}
	if want := Excerpt(line, 2, len(line)/4); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// BenchmarkIndexExcerptLongLine is the excerpt of one of many findings on
// a 2 MB line (a page's JSON on one line): placed by the index's
// checkpoints, not by counting the line for each finding, which made
// validate quadratic in the line's length.
func BenchmarkIndexExcerptLongLine(b *testing.B) {
	line := strings.Repeat(`{"a": "é"}, `, 2<<20/13)
	x := NewIndex([]byte(line))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		x.Excerpt(1, 1+(i*7919)%len(line)/2)
	}
}

// LineExcerpts gives the excerpts an Index of the line gives, for
// columns anywhere in lines short and long, of characters of every
// width, with carriage returns inside and at the end.
func TestLineExcerptsAsIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", " ", "\t", "é", "世", "😀", "\r", "\x01"}
	for round := range 400 {
		var line strings.Builder
		n := rng.IntN(400)
		if round%7 == 0 {
			n = rng.IntN(100)
		}
		for range n {
			line.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		if round%3 == 0 {
			line.WriteString("\r\r")
		}
		text := line.String()
		chars := utf8.RuneCountInString(text)
		var cols []int
		for range 6 {
			cols = append(cols, 1+rng.IntN(chars+3))
		}
		cols = append(cols, 1, chars, chars+1)
		for _, rest := range []string{"", "\n", "\nnext line\n"} {
			br := bufio.NewReaderSize(strings.NewReader(text+rest), 16)
			got, last, err := LineExcerpts(br, cols, 7)
			if err != nil || last != (rest == "") {
				t.Fatalf("%q: %v %v", text, last, err)
			}
			x := NewIndex([]byte(text))
			for i, col := range cols {
				if want := x.ExcerptAs(1, col, 7); got[i] != want {
					t.Errorf("%q col %d:\n got %q\nwant %q", text, col, got[i], want)
				}
			}
		}
	}
}

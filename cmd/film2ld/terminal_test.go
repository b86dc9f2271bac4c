package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

// TestProgressLineThrottled: the batch's progress line is drawn at most
// every progressEvery, and cleared for a film's messages only where it is
// drawn, yet always ends on the last count: drawn and cleared at every
// film, 3,000 films wrote 287 KB to the terminal.
func TestProgressLineThrottled(t *testing.T) {
	var b strings.Builder
	clock := time.Unix(0, 0)
	const total = 3000
	progress := progressLine(&b, total, func() time.Time { return clock })
	for i := range total {
		progress(-1) // as the batch does before a film's messages
		clock = clock.Add(time.Millisecond)
		progress(i + 1)
	}
	progress(-1)
	draws := strings.Count(b.String(), "films")
	if draws > total/int(progressEvery/time.Millisecond)+2 || b.Len() > 2000 {
		t.Errorf("%d drawings, %d bytes for %d films", draws, b.Len(), total)
	}
	if !strings.Contains(b.String(), "\rfilm2ld: 3000/3000 films\r\033[K") {
		t.Errorf("the last count is not drawn, then cleared: %q", b.String()[max(0, b.Len()-60):])
	}
}

// Reading a large input draws how far it is at most every progressEvery,
// escapes the file's name (a name may hold control characters), and
// clears its line at the end.
func TestReadingLineThrottled(t *testing.T) {
	var b strings.Builder
	clock := time.Unix(0, 0)
	draw := readingLine(&b, "big\x1b[2J.nq", 64<<20, func() time.Time { return clock })
	for n := int64(0); n <= 64<<20; n += 1 << 16 {
		clock = clock.Add(time.Millisecond)
		draw(n)
	}
	draw(-1)
	draws := strings.Count(b.String(), "reading")
	if draws == 0 || draws > 1024/int(progressEvery/time.Millisecond)+2 {
		t.Errorf("%d drawings for 1,024 reads a millisecond apart", draws)
	}
	if strings.Contains(b.String(), "\x1b[2J") || !strings.Contains(b.String(), `film2ld: reading big\x1B[2J.nq: 6 of 64 MB`) {
		t.Errorf("the name is not escaped, or the count is not drawn: %q", b.String()[:min(b.Len(), 120)])
	}
	if !strings.HasSuffix(b.String(), "\r\033[K") {
		t.Errorf("the line is not cleared at the end: %q", b.String()[max(0, b.Len()-40):])
	}
}

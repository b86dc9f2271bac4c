//go:build linux

package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Junk that never ends, given by name as a named pipe or a device
// (/dev/zero, or a link to it named as JSON-LD), is read as standard
// input is: refused from the head held of it, under its own name. Read
// whole as a file is, validate /dev/zero took 4.3 GB before the system
// stopped it, and 100 MB of junk through a pipe 1.3 GB (audit 19).
func TestEndlessJunkByName(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	zero := filepath.Join(dir, "zero.jsonld")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "junk.nq")
	for _, tt := range []struct {
		cmd  []string
		name string
		want string
	}{
		// The pipes first: what is written to them is counted, so a
		// reader that reads on fails here, before a device would take
		// all the memory there is.
		{[]string{"validate"}, fifo, fifo + ":1:1: error: document: syntax error: invalid N-Quad: unexpected rune 'y'"},
		{[]string{"convert"}, fifo, fifo + ":1:1: syntax error: invalid N-Quad: unexpected rune 'y'"},
		{[]string{"load", "--store", "http://127.0.0.1:9/sparql"}, fifo, fifo + ":1:1: syntax error"},
		{[]string{"convert", "-f", "nquads"}, "/dev/zero", "/dev/zero:1:1: syntax error"},
		{[]string{"validate"}, zero, zero + ":1:1: error: document: not JSON"}, // by its name
	} {
		written := make(chan int64, 1)
		if tt.name == fifo {
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Fatal(err)
			}
			go func() {
				// The writer blocks until the command opens the pipe,
				// and stops when it closes it (a broken pipe).
				f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
				if err != nil {
					written <- -1
					return
				}
				// 128 MiB, not without end: a command that reads it
				// whole fails the count below rather than taking all
				// the memory there is.
				n, _ := io.Copy(f, io.LimitReader(&endless{line: "y\n"}, 128<<20))
				f.Close()
				written <- n
			}()
		}
		var out, errOut bytes.Buffer
		done := make(chan int)
		go func() { done <- run(append(tt.cmd[:len(tt.cmd):len(tt.cmd)], tt.name), nil, &out, &errOut) }()
		var status int
		select {
		case status = <-done:
		case <-time.After(5 * time.Minute): // -race reads slowly
			t.Fatalf("%v %s: still reading after five minutes", tt.cmd, tt.name)
		}
		if said := out.String() + errOut.String(); status != exitError || !strings.Contains(said, tt.want) {
			t.Errorf("%v %s: exit %d\n%s\nwant %q", tt.cmd, tt.name, status, said, tt.want)
		}
		if tt.name == fifo {
			var n int64
			select {
			case n = <-written:
			case <-time.After(time.Minute):
				// The command never opened the pipe: its writer waits.
				t.Fatalf("%v %s: the pipe was never read", tt.cmd, tt.name)
			}
			if n < 0 || n > 64<<20+4<<20 {
				t.Fatalf("%v %s: %d bytes written to the pipe before it was refused; want at most about 64 MiB", tt.cmd, tt.name, n)
			}
			os.Remove(fifo)
		}
		if left, _ := os.ReadDir(dir); len(left) > 1 {
			t.Errorf("%v %s: left %v in TMPDIR", tt.cmd, tt.name, left)
		}
	}
}

// A named pipe read as standard input is keeps what its name tells:
// TriG by its extension (read as N-Quads, it was refused at its first
// brace), and its name in every message (a conversion error named "-").
func TestNamedPipeKeepsItsName(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	const trig = "<urn:x:g> { <urn:x:s> <urn:x:p> \"o\" . }\n"
	for _, tt := range []struct {
		name, text string
		args       []string
		status     int
		want       string // in standard output, or in standard error when status is not 0
	}{
		{"data.trig", trig, []string{"convert", "-f", "nquads"}, exitOK, `<urn:x:s> <urn:x:p> "o" <urn:x:g> .`},
		{"bad.jsonld", `{"@context": {"@vocab": "http://schema.org/"}, "@type": "Movie", "@id": 7}`, []string{"convert", "-f", "nquads"}, exitError, "bad.jsonld"},
		{"data2.trig", trig, []string{"validate"}, exitOK, ""},
	} {
		fifo := filepath.Join(dir, tt.name)
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		go func() {
			f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
			if err != nil {
				return
			}
			io.WriteString(f, tt.text)
			f.Close()
		}()
		var out, errOut bytes.Buffer
		status := run(append(tt.args[:len(tt.args):len(tt.args)], fifo), nil, &out, &errOut)
		said := out.String()
		if status != exitOK {
			said = errOut.String()
		}
		if status != tt.status || !strings.Contains(said, tt.want) || strings.Contains(errOut.String(), " -:") {
			t.Errorf("%v %s: exit %d\n%s%s\nwant exit %d and %q", tt.args, tt.name, status, out.String(), errOut.String(), tt.status, tt.want)
		}
	}
}

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/film2ld/film2ld/ld"
)

// batchFilm is one film of a batch: a subfolder and its documents.
type batchFilm struct {
	dir   string
	name  string // the folder's name, which names the output file
	files []string
}

// batchResult is one exported film, kept until its turn to be written.
type batchResult struct {
	out  []byte
	msgs []byte // the film's errors and diagnostics, printed in film order
	ok   bool
}

// runBatch exports every film under dirs. Films are exported by a pool of
// jobs workers but written in the order of their folders, so the output is
// the same bytes on every run; at most 2×jobs results wait for their turn,
// so memory does not grow with the number of films.
func (e *env) runBatch(fs *pflag.FlagSet, x *exportJob, dirs []string, output string, jobs int) int {
	stream := x.format == ld.FormatNQuads || x.format == ld.FormatCanonical
	if jobs < 1 {
		return e.usageError(fs, "-j must be at least 1")
	}
	if !stream && (output == "" || output == "-") {
		return e.usageError(fs, "--batch -f %s writes one file per film: give a folder with -o DIR", x.format)
	}
	for _, d := range dirs {
		if d == "-" {
			return e.usageError(fs, "--batch reads folders, not standard input")
		}
		if inside(output, d) {
			return e.usageError(fs, "output %s is inside input folder %s; refusing to mix them", output, d)
		}
	}
	// Each film's working set is small and freed at once, so collecting
	// garbage less often saves a fifth of the run time; a soft memory
	// limit keeps the heap near 200 MiB whatever the number of films.
	// GOGC and GOMEMLIMIT set by the user win.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(200 << 20))
	}
	films, err := listFilms(dirs)
	if err != nil {
		e.errorf("%v", err)
		return exitError
	}
	if !stream {
		if err := os.MkdirAll(output, 0o755); err != nil {
			e.errorf("%v", err)
			return exitError
		}
	}

	var sink *streamSink
	if stream {
		if sink, err = e.newStreamSink(output); err != nil {
			e.errorf("%v", err)
			return exitError
		}
	}
	progress := e.progress(len(films))
	failed := 0
	writeErr := error(nil)
	e.exportAll(films, x, jobs, func(i int, f batchFilm, r batchResult) {
		if len(r.msgs) > 0 {
			progress(-1) // clear the progress line for the messages
			e.stderr.Write(r.msgs)
		}
		progress(i + 1)
		if !r.ok {
			failed++
			return
		}
		if writeErr != nil {
			return
		}
		if stream {
			// Blank node labels restart at every film; a prefix made from
			// the folder's name keeps each film's apart, whatever the order
			// or number of films in the batch.
			writeErr = sink.write([]byte(ld.PrefixBlankNodes(string(r.out), filmPrefix(f))))
			return
		}
		writeErr = e.writeOutput(filepath.Join(output, f.name+extension(x.format)), r.out)
	})
	progress(-1)
	if stream {
		if err := sink.close(writeErr == nil); writeErr == nil {
			writeErr = err
		}
	}
	if writeErr != nil {
		e.errorf("%v", writeErr)
		return exitError
	}
	if failed > 0 {
		e.errorf("%d of %d films failed and were not written", failed, len(films))
		return exitError
	}
	return exitOK
}

// exportAll exports films with a pool of workers and calls done for each
// film in order.
func (e *env) exportAll(films []batchFilm, x *exportJob, jobs int, done func(int, batchFilm, batchResult)) {
	results := make([]chan batchResult, len(films))
	for i := range results {
		results[i] = make(chan batchResult, 1)
	}
	// window bounds how far workers may run ahead of the writer.
	window := make(chan struct{}, 2*jobs)
	next := make(chan int)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				var msgs bytes.Buffer
				sub := &env{stdin: e.stdin, stdout: io.Discard, stderr: &msgs}
				if len(films[i].files) == 0 {
					sub.errorf("%s: a film folder with no documents", films[i].dir)
					results[i] <- batchResult{msgs: msgs.Bytes()}
					continue
				}
				out, ok := sub.exportFilm(films[i].files, x)
				results[i] <- batchResult{out: out, msgs: msgs.Bytes(), ok: ok}
			}
		}()
	}
	go func() {
		for i := range films {
			window <- struct{}{}
			next <- i
		}
		close(next)
	}()
	for i, f := range films {
		r := <-results[i]
		results[i] = nil
		done(i, f, r)
		<-window
	}
	wg.Wait()
}

// listFilms returns the films of each folder: its immediate subfolders, in
// name order, each with its regular files (dot files left out).
func listFilms(dirs []string) ([]batchFilm, error) {
	var films []batchFilm
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		for _, ent := range entries {
			if !ent.IsDir() || strings.HasPrefix(ent.Name(), ".") {
				continue
			}
			path := filepath.Join(dir, ent.Name())
			docs, err := os.ReadDir(path)
			if err != nil {
				return nil, err
			}
			f := batchFilm{dir: path, name: ent.Name()}
			for _, d := range docs {
				if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
					f.files = append(f.files, filepath.Join(path, d.Name()))
				}
			}
			films = append(films, f)
		}
	}
	if len(films) == 0 {
		return nil, fmt.Errorf("no film folders in %s", strings.Join(dirs, ", "))
	}
	slices.SortStableFunc(films, func(a, b batchFilm) int { return strings.Compare(a.dir, b.dir) })
	return films, nil
}

// filmPrefix is the blank node prefix of a film in a batch stream: a short
// hash of its folder's path, since folder names may hold characters a
// blank node label cannot.
func filmPrefix(f batchFilm) string {
	sum := sha256.Sum256([]byte(filepath.ToSlash(f.dir)))
	return "f" + hex.EncodeToString(sum[:6]) + "-"
}

func extension(f ld.Format) string {
	switch f {
	case ld.FormatHTML:
		return ".html"
	case ld.FormatNQuads, ld.FormatCanonical:
		return ".nq"
	case ld.FormatTurtle:
		return ".ttl"
	case ld.FormatTriG:
		return ".trig"
	case ld.FormatSPARQLUpdate:
		return ".ru"
	}
	return ".jsonld"
}

// inside reports whether path is dir or lies below it.
func inside(path, dir string) bool {
	if path == "" || path == "-" {
		return false
	}
	p, err1 := filepath.Abs(path)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && (rel == "." || !strings.HasPrefix(rel, ".."))
}

// streamSink writes a batch's N-Quads to standard output, or to a file
// through a temporary file renamed at the end, so a reader never sees half
// a batch.
type streamSink struct {
	w    io.Writer
	tmp  *os.File
	path string
}

func (e *env) newStreamSink(path string) (*streamSink, error) {
	if path == "" || path == "-" {
		return &streamSink{w: e.stdout}, nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	return &streamSink{w: tmp, tmp: tmp, path: path}, nil
}

func (s *streamSink) write(b []byte) error {
	_, err := s.w.Write(b)
	return err
}

// close finishes the stream: the temporary file is renamed into place when
// keep is true and removed otherwise.
func (s *streamSink) close(keep bool) error {
	if s.tmp == nil {
		return nil
	}
	err := s.tmp.Chmod(0o644)
	if cerr := s.tmp.Close(); err == nil {
		err = cerr
	}
	if keep && err == nil {
		err = os.Rename(s.tmp.Name(), s.path)
	}
	if !keep || err != nil {
		os.Remove(s.tmp.Name())
	}
	return err
}

// progress returns a function that shows "n/total films" on standard error
// when it is a terminal (and does nothing otherwise, so logs and tests see
// no control characters); -1 ends the line.
func (e *env) progress(total int) func(int) {
	f, ok := e.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return func(int) {}
	}
	return func(n int) {
		if n < 0 {
			fmt.Fprint(f, "\r\033[K")
			return
		}
		fmt.Fprintf(f, "\rfilm2ld: %d/%d films", n, total)
	}
}

package main

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/pflag"

	"github.com/film2ld/film2ld/cmd/film2ld/internal/msg"
	"github.com/film2ld/film2ld/cmd/film2ld/internal/output"
	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping/pipeline"
)

// batchFilm is one film of a batch: a subfolder and its documents.
type batchFilm struct {
	dir    string // the folder as found: DIR joined with name
	name   string // the folder's name, which names the output file
	prefix string // its blank node prefix in a stream; see filmPrefix
	files  []string
	// warnings are what listing the folder found to say (a subfolder or
	// a device left out), printed with the film's messages and counted
	// in a batch's summary as they are.
	warnings []string
	// err, when set, is why the film cannot be exported at all.
	err error
	// linked says the folder is a link in its DIR, to a folder
	// elsewhere, which a check of the DIR alone does not cover.
	linked bool
	// badDir says this is no film but a DIR of the command line that
	// could not be read (err says why): a batch reports it as a failure
	// and goes on with the other DIRs, and every shard reports it.
	badDir bool
}

// batchResult is one exported film, kept until its turn to be written.
type batchResult struct {
	out  []byte
	iri  string // the film's IRI ("" for a film no document names)
	msgs []byte // the film's errors and diagnostics, printed in film order
	ok   bool
	buf  *bytes.Buffer // holds out; given back to filmBuffers once written
}

// filmBuffers holds the buffers films are rendered into, reused once a
// film is written: a new one for each film was the largest allocation of
// a batch after the stream's copies (bytes.Buffer.Grow in the N-Quads
// writer, 8.7% of the bytes allocated).
var filmBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxReusedBuffer is the largest buffer kept for the next film: a rare
// large film's buffer is left to the collector rather than held.
const maxReusedBuffer = 1 << 20

// release gives r's buffer back for the next film; r.out is no longer
// valid.
func (r *batchResult) release() {
	if r.buf != nil && r.buf.Cap() <= maxReusedBuffer {
		r.buf.Reset()
		filmBuffers.Put(r.buf)
	}
	r.buf, r.out = nil, nil
}

// maxJobsPerCPU caps -j: the work is computation, so more workers than a
// few per core only add memory (each holds a film's working set, and the
// writer buffers 2×jobs results).
const maxJobsPerCPU = 4

// runBatch exports every film under dirs. Films are exported by a pool of
// jobs workers but written in the order of their folders, so the output is
// the same bytes on every run; at most 2×jobs results wait for their turn,
// so memory does not grow with the number of films. Every film is
// attempted: one that fails, to export or to be written, is named with
// its cause and the others go on; the last line counts both.
func (e *env) runBatch(fs *pflag.FlagSet, x *exportJob, dirs []string, out string, jobs int, sh shard) int {
	stream := pipeline.Concatenates(x.format)
	if jobs < 1 {
		return e.usageError(fs, "-j must be at least 1")
	}
	if !stream && (out == "" || out == "-") {
		return e.usageError(fs, "--batch -f %s writes one file per film: give a folder with -o DIR", x.format)
	}
	for _, d := range dirs {
		if d == "-" {
			return e.usageError(fs, "--batch reads folders, not standard input")
		}
		if output.Inside(out, d) {
			return e.usageError(fs, "output %s is inside input folder %s; refusing to mix them", out, d)
		}
	}
	if limit := maxJobsPerCPU * runtime.NumCPU(); jobs > limit {
		if !x.quiet {
			e.notef("-j %d lowered to %d (%d per core)", jobs, limit, maxJobsPerCPU)
		}
		jobs = limit
	}
	// Each film's working set is small and freed at once, so collecting
	// garbage less often than the default saves time; a soft memory
	// limit keeps the heap near 200 MiB whatever the number of films.
	// Not much less often, though: a film's live heap is about 1 MB, so
	// the heap the collector lets grow is nearly all new memory, and on a
	// virtual machine each page's first touch is a costly fault (the
	// 300-film batch: 200 instead of 400 meant 3,600 page faults instead
	// of 5,400 and 7% less CPU, the few more collections included).
	// GOGC and GOMEMLIMIT set by the user win.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(200))
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(200 << 20))
	}
	x.tally = &tally{}
	films, err := e.listFilms(dirs, x.quiet)
	if err != nil {
		e.errorf("%v", err)
		return exitError
	}
	// Before sharding: no shard may write into another's film folder.
	if f := linkedFilmHolding(out, films); f != nil {
		return e.usageError(fs, "output %s is inside film folder %s, a link to another folder; refusing to mix them", out, f.dir)
	}
	all := len(films)
	films = sh.of(films)
	// Documents may be links to files outside every DIR, so the check
	// above cannot see them all: an output is also compared with each
	// document by device and inode.
	isInput := inputFiles(films)
	if stream && isInput(out) {
		return e.usageError(fs, "output %s is also a document of the batch; refusing to overwrite it", out)
	}
	if !stream {
		sameOutput(films, out, x.format)
		if err := os.MkdirAll(out, 0o755); err != nil {
			e.errorf("cannot make output folder %s: %v", out, pathCause(err))
			return exitError
		}
		// A folder there already may refuse files (read-only): said
		// before every film is read and exported in vain, as for one
		// output. The folder, not the first film's file: a folder or a
		// name too long where that film's file goes stopped every film
		// (audit 19), where it is that film's failure, as any other's.
		if len(films) > 0 {
			if err := output.CheckFolder(out); err != nil {
				e.outputError(err)
				return exitError
			}
		}
	}

	var (
		sink *output.File
		// Films' texts go to the stream in pieces of 256 KB, not a
		// system call each (2% of a batch's time in its profile).
		buffered *bufio.Writer
	)
	if stream {
		if sink, err = output.Create(out, e.stdout); err != nil {
			e.outputError(err)
			return exitError
		}
		defer sink.Abort() // after Commit, does nothing
		buffered = bufio.NewWriterSize(sink, 256<<10)
	}
	written := map[string]string{} // output file → the film that wrote it
	// film IRI (a digest of it) → the index of the first film written
	// with it: two folders of one title and year are one Movie to a
	// stream and one set of graphs to a store, where the second replaces
	// the first (a batch merged the two films in silence).
	iris := map[[16]byte]int{}
	progress := e.progress(len(films))
	ok, streamErr := 0, error(nil)
	var prefixed []byte // a film's stream text, the buffer reused
	e.exportAll(films, x, jobs, func(i int, f batchFilm, r batchResult) {
		progress(-1) // clear the progress line for the messages
		if len(r.msgs) > 0 {
			// An *os.File makes a system call even of an empty write:
			// one a film, for most films of a quiet batch.
			e.stderr.Write(r.msgs)
		}
		defer progress(i + 1)
		if !r.ok {
			return
		}
		sum := sha256.Sum256([]byte(r.iri))
		iri := [16]byte(sum[:16])
		if other, dup := iris[iri]; dup && r.iri != "" && !x.quiet {
			// Warned, not failed: an archive may hold one film twice on
			// purpose (copies under two names), and each is written.
			counted := &env{stderr: e.stderr, tally: x.tally}
			counted.warnf("%s: the film IRI <%s> is also that of %s: in one stream or store the two folders are one film (the film IRI is made of the title and year)", f.dir, msg.Clean(r.iri), films[other].dir)
		}
		firstOf := func() {
			if _, dup := iris[iri]; !dup && r.iri != "" {
				iris[iri] = i
			}
		}
		if stream {
			if streamErr != nil {
				return
			}
			// Blank node labels restart at every film; the film's prefix
			// keeps each film's apart, whatever the order or number of
			// films in the batch.
			prefixed = ld.AppendPrefixBlankNodes(prefixed[:0], r.out, f.prefix)
			if _, streamErr = buffered.Write(prefixed); streamErr == nil {
				ok++
				firstOf()
			}
			return
		}
		path := filepath.Join(out, f.name+pipeline.Extension(x.format))
		if isInput(path) {
			e.errorf("%s: not written: %s is also a document of the batch", f.dir, path)
			return
		}
		if other, dup := written[path]; dup {
			e.errorf("%s: not written: %s was written for %s, a film folder of the same name", f.dir, path, other)
			return
		}
		if err := e.writeOutput(path, r.out); err != nil {
			e.errorf("%s: not written: %v", f.dir, err)
			return
		}
		written[path] = f.dir
		firstOf()
		ok++
	})
	progress(-1)
	if stream && streamErr == nil {
		streamErr = buffered.Flush()
	}
	if stream {
		switch {
		case streamErr != nil:
			// A file is left as it was (its temporary copy is removed);
			// a pipe or device has what was written before the error.
			e.errorf("%v", streamErr)
			ok = 0
		case len(films) == 0:
			// An empty shard is a normal part of a split archive: its
			// stream is written (empty), so that every shard has a file.
			if err := sink.Commit(); err != nil {
				e.errorf("%v", err)
			}
		case ok == 0:
			// Keep an existing archive rather than replace it with
			// nothing: every film failed, which is an error to fix.
			sink.Abort()
			if out != "" && out != "-" && !x.quiet {
				e.notef("%s left as it was: no film to write", out)
			}
		default:
			if err := sink.Commit(); err != nil {
				e.errorf("%v", err)
				ok = 0
			}
		}
	}
	failed := len(films) - ok
	if x.tally.aggregated && !x.quiet {
		e.warnf("%s", aggregatedWarning)
	}
	summary := fmt.Sprintf("%d of %d films written, %d failed", ok, len(films), failed)
	if sh.n > 1 {
		summary = fmt.Sprintf("shard %s of %d films: %s", sh, all, summary)
	}
	if !x.quiet {
		summary += "; " + x.tally.summary()
	}
	if failed > 0 {
		e.errorf("%s", summary)
		return exitError
	}
	if !x.quiet {
		e.notef("%s", summary)
	}
	return exitOK
}

// sameOutput fails, before anything is written, every film whose output
// file another film of the batch would write too (folders of one name in
// two DIRs): which one ends up in the file would depend on the order.
func sameOutput(films []batchFilm, out string, f ld.Format) {
	byName := map[string][]int{}
	for i, film := range films {
		byName[film.name] = append(byName[film.name], i)
	}
	for name, idx := range byName {
		if len(idx) < 2 {
			continue
		}
		dirs := make([]string, len(idx))
		for k, i := range idx {
			dirs[k] = films[i].dir
		}
		for _, i := range idx {
			if films[i].err == nil {
				films[i].err = fmt.Errorf("%s: not written: film folders %s would all write %s; rename all but one",
					films[i].dir, strings.Join(dirs, " and "), filepath.Join(out, name+pipeline.Extension(f)))
			}
		}
	}
}

// inputFiles returns a test of whether a path, its links followed, is one
// of the films' documents. The documents are looked at only once a path
// to test is a file that exists: a batch writing a new archive or into a
// new folder (the usual case) spares a stat a document (1.5% of a
// batch's time in its profile).
func inputFiles(films []batchFilm) func(string) bool {
	statDocs := sync.OnceValue(func() []os.FileInfo {
		var docs []os.FileInfo
		for _, f := range films {
			for _, name := range f.files {
				if st, err := os.Stat(name); err == nil {
					docs = append(docs, st)
				}
			}
		}
		return docs
	})
	return func(path string) bool {
		if path == "" || path == "-" {
			return false
		}
		st, err := os.Stat(path)
		return err == nil && st.Mode().IsRegular() &&
			slices.ContainsFunc(statDocs(), func(d os.FileInfo) bool { return os.SameFile(d, st) })
	}
}

// pathCause is an error's reason without the path an *fs.PathError adds,
// for messages that name the path themselves.
func pathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// exportAll exports films with a pool of workers and calls done for each
// film in order.
func (e *env) exportAll(films []batchFilm, x *exportJob, jobs int, done func(int, batchFilm, batchResult)) {
	if jobs == 1 {
		// One worker exports the films in their order anyway: doing it
		// here spares two goroutine hand-offs a film, each of which woke
		// a thread (4% of the batch's CPU in its profile).
		for i, f := range films {
			r := e.exportOne(f, x)
			done(i, f, r)
			r.release()
		}
		return
	}
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
				results[i] <- e.exportOne(films[i], x)
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
		r.release()
		<-window
	}
	wg.Wait()
}

// exportOne exports one film of a batch, its messages kept for the writer.
func (e *env) exportOne(f batchFilm, x *exportJob) batchResult {
	var msgs bytes.Buffer
	sub := &env{stdin: e.stdin, stdout: io.Discard, stderr: &msgs, prefix: f.dir, tally: x.tally, summarize: !x.verbose}
	for _, w := range f.warnings {
		sub.warnf("%s", w)
	}
	if f.err != nil {
		sub.errorf("%v", f.err)
		return batchResult{msgs: msgs.Bytes()}
	}
	if len(f.files) == 0 {
		sub.errorf("%s: a film folder with no documents", f.dir)
		return batchResult{msgs: msgs.Bytes()}
	}
	buf := filmBuffers.Get().(*bytes.Buffer)
	out, iri, ok := sub.exportFilm(f.files, x, buf)
	return batchResult{out: out, iri: iri, msgs: msgs.Bytes(), ok: ok, buf: buf}
}

// linkedFilmHolding returns the film folder reached through a link that
// out would land in (its links followed), or nil. A film folder that is
// a DIR's own subfolder is covered by the check of its DIR; one that is
// a link leads elsewhere, and an output written there is read as one of
// the film's documents by the next run.
func linkedFilmHolding(out string, films []batchFilm) *batchFilm {
	for i := range films {
		if f := &films[i]; f.linked && f.err == nil && output.Inside(out, f.dir) {
			return f
		}
	}
	return nil
}

// listFilms returns the films of each folder: its immediate subfolders,
// each with its documents (dot files left out). Links are followed, to
// folders and to documents alike, as a single export follows them; one that
// leads nowhere, or back to a folder of the batch, is reported with its
// film. A folder reached twice (given twice under two spellings, or
// linked to) is read once, with a note.
//
// Films are sorted by folder name, then by the order of the DIRs on the
// command line: never by how a DIR was spelled, so that the output is the
// same bytes for "films", "./films" and "/abs/films".
func (e *env) listFilms(dirs []string, quiet bool) ([]batchFilm, error) {
	note := e.notef
	if quiet {
		note = func(string, ...any) {}
	}
	type dirInfo struct {
		name string
		st   os.FileInfo
	}
	var roots []dirInfo
	// bad are the DIRs that cannot be read. One of them stopped the
	// whole batch before any film was tried (audit 16); now each is a
	// failure of its own, after the films, unless no DIR can be read.
	var bad []batchFilm
	// err says why without naming the DIR: a film's messages are
	// prefixed with its folder.
	badDir := func(dir string, err error) {
		bad = append(bad, batchFilm{dir: dir, name: dir, err: err, badDir: true})
	}
	for _, dir := range dirs {
		st, err := os.Stat(dir)
		if err != nil {
			badDir(dir, fmt.Errorf("cannot read folder: %v", pathCause(err)))
			continue
		}
		if !st.IsDir() {
			badDir(dir, errors.New("not a folder (--batch reads a folder of film folders)"))
			continue
		}
		if j := slices.IndexFunc(roots, func(r dirInfo) bool { return os.SameFile(r.st, st) }); j >= 0 {
			note("%s is the folder %s, given twice; read once", dir, roots[j].name)
			continue
		}
		roots = append(roots, dirInfo{dir, st})
	}
	type seenFolder struct {
		st     os.FileInfo
		dir    string
		film   int  // its index in films
		linked bool // reached through a symbolic link
	}
	var seen []seenFolder
	var films []batchFilm
	var empty []string // DIRs in which no film folder was found
	for _, root := range roots {
		before := len(films)
		entries, err := os.ReadDir(root.name)
		if err != nil {
			badDir(root.name, fmt.Errorf("cannot read folder: %v", pathCause(err)))
			continue
		}
		for _, ent := range entries {
			if strings.HasPrefix(ent.Name(), ".") {
				continue
			}
			path := filepath.Join(root.name, ent.Name())
			if ent.Type()&fs.ModeSymlink == 0 && !ent.IsDir() {
				continue // a file beside the film folders: a README, a list
			}
			st, err := os.Stat(path)
			if err != nil {
				films = append(films, batchFilm{dir: path, name: ent.Name(), err: fmt.Errorf(
					"%s: a link that leads nowhere: %v", path, pathCause(err))})
				continue
			}
			if !st.IsDir() {
				continue // a link to a file beside the film folders
			}
			if j := slices.IndexFunc(roots, func(r dirInfo) bool { return os.SameFile(r.st, st) }); j >= 0 && ent.Type()&fs.ModeSymlink != 0 {
				films = append(films, batchFilm{dir: path, name: ent.Name(), err: fmt.Errorf(
					"%s: a link back to the folder %s, not a film folder (a loop)", path, roots[j].name)})
				continue
			}
			// A folder given as a DIR that is also a film folder of
			// another ('films films/heat') is that film: as a DIR it
			// holds no film folders (see below).
			linked := ent.Type()&fs.ModeSymlink != 0
			if j := slices.IndexFunc(seen, func(s seenFolder) bool { return os.SameFile(s.st, st) }); j >= 0 {
				if !seen[j].linked || linked {
					note("%s is the film folder %s; read once", path, seen[j].dir)
					continue
				}
				// The folder itself wins over a link to it that came
				// first ('aa-alias -> nattfergen'): the film's name,
				// output file, blank node prefix and shard are its
				// folder's, whatever links an archive gains (audit 8).
				note("%s is the film folder %s; read once", seen[j].dir, path)
				film := listDocuments(path, ent.Name(), quiet)
				films[seen[j].film] = film
				seen[j] = seenFolder{st, path, seen[j].film, false}
				continue
			}
			seen = append(seen, seenFolder{st, path, len(films), linked})
			film := listDocuments(path, ent.Name(), quiet)
			film.linked = linked
			films = append(films, film)
		}
		if len(films) == before {
			empty = append(empty, root.name)
		}
	}
	if len(films) == 0 && len(bad) > 0 {
		// Nothing to try: the command fails as a whole, naming each DIR.
		msgs := make([]string, len(bad))
		for i, b := range bad {
			msgs[i] = b.dir + ": " + b.err.Error()
		}
		return nil, errors.New(strings.Join(msgs, "; "))
	}
	if len(films) == 0 {
		return nil, fmt.Errorf("no film folders in %s", strings.Join(dirs, ", "))
	}
	for _, dir := range empty {
		// Not in silence: a film folder given as a DIR ('films
		// films/heat', or a typo) would be read for nothing.
		e.warnf("no film folders in %s (--batch reads folders of film folders); nothing read from it", dir)
	}
	slices.SortStableFunc(films, func(a, b batchFilm) int { return strings.Compare(a.name, b.name) })
	for i := range films {
		n := 1
		for j := i - 1; j >= 0 && films[j].name == films[i].name; j-- {
			n++
		}
		films[i].prefix = filmPrefix(films[i].name, n)
	}
	return append(films, bad...), nil
}

// listDocuments lists the documents of a film folder: its regular files
// and the links that lead to one. Anything else is reported in the film's
// messages and left out, never passed over in silence (unless quiet: -q
// drops warnings).
func listDocuments(path, name string, quiet bool) batchFilm {
	f := batchFilm{dir: path, name: name}
	docs, err := os.ReadDir(path)
	if err != nil {
		f.err = fmt.Errorf("cannot read film folder %s: %v", path, pathCause(err))
		return f
	}
	warnf := func(format string, args ...any) {
		if !quiet {
			f.warnings = append(f.warnings, fmt.Sprintf(format, args...))
		}
	}
	var nowhere []string // links that lead nowhere: each fails the film
	var cause error
	for _, d := range docs {
		if strings.HasPrefix(d.Name(), ".") {
			continue
		}
		doc := filepath.Join(path, d.Name())
		switch t := d.Type(); {
		case t.IsRegular():
			f.files = append(f.files, doc)
		case t&fs.ModeSymlink != 0:
			st, err := os.Stat(doc)
			switch {
			case err != nil:
				nowhere = append(nowhere, doc)
				cause = cmp.Or(cause, pathCause(err))
			case st.Mode().IsRegular():
				f.files = append(f.files, doc)
			default:
				warnf("%s: a link to a folder or device, not a document; left out", doc)
			}
		case t.IsDir():
			warnf("%s: a folder inside a film folder; left out", doc)
		default:
			warnf("%s: not a regular file; left out", doc)
		}
	}
	switch len(nowhere) {
	case 0:
	case 1:
		f.err = fmt.Errorf("%s: a link that leads nowhere: %v", nowhere[0], cause)
	default:
		// Every one named: the user mends them all before a rerun.
		f.err = fmt.Errorf("%s: %d links that lead nowhere (%v): %s", path, len(nowhere), cause, strings.Join(nowhere, ", "))
	}
	return f
}

// shard is one of N shards of a batch's films: --shard K/N. The zero
// value is the whole batch.
type shard struct{ k, n int }

// parseShard reads --shard K/N; "" is the whole batch.
func parseShard(s string) (shard, error) {
	if s == "" {
		return shard{1, 1}, nil
	}
	ks, ns, found := strings.Cut(s, "/")
	k, errK := strconv.Atoi(strings.TrimSpace(ks))
	n, errN := strconv.Atoi(strings.TrimSpace(ns))
	if !found || errK != nil || errN != nil {
		return shard{}, fmt.Errorf("%q is not K/N (such as 2/4: the second of four shards)", s)
	}
	if n < 1 || k < 1 || k > n {
		return shard{}, fmt.Errorf("%q: K must be from 1 to N, and N at least 1", s)
	}
	return shard{k, n}, nil
}

func (s shard) String() string { return fmt.Sprintf("%d/%d", s.k, s.n) }

// of keeps the films of the shard. A film's shard is a hash of its
// folder's name, as its blank node prefix is: it does not depend on the
// other films, their number or order, or how a DIR was spelled, so every
// machine given the same archive makes the same split, and films added
// later leave the others in their shards. Folders of one name in several
// DIRs share a shard, so their prefixes (numbered by listFilms) and the
// check that they would write one file stay those of one run.
func (s shard) of(films []batchFilm) []batchFilm {
	if s.n <= 1 {
		return films
	}
	var kept []batchFilm
	for _, f := range films {
		if f.badDir {
			kept = append(kept, f)
			continue
		}
		sum := sha256.Sum256([]byte(f.name))
		if int(binary.BigEndian.Uint64(sum[:8])%uint64(s.n)) == s.k-1 {
			kept = append(kept, f)
		}
	}
	return kept
}

// filmPrefix is the blank node prefix of a film in a batch stream: a short
// hash of its folder's name, since folder names may hold characters a
// blank node label cannot. It depends on the name alone, never on how the
// DIR above it was spelled; the n-th folder of the same name (in another
// DIR) gets a suffix, so that two films never share a blank node.
func filmPrefix(name string, n int) string {
	sum := sha256.Sum256([]byte(name))
	p := "f" + hex.EncodeToString(sum[:6])
	if n > 1 {
		p += fmt.Sprintf("n%d", n)
	}
	return p + "-"
}

// progress returns a function that shows "n/total films" on standard error
// when it is a terminal (and does nothing otherwise, so logs and tests see
// no control characters); -1 ends the line.
func (e *env) progress(total int) func(int) {
	f, ok := fileOf(e.stderr)
	if !ok || !isTerminal(f) {
		return func(int) {}
	}
	return progressLine(f, total, time.Now)
}

// progressEvery is the shortest time between two drawings of the
// progress line: drawn and cleared at every film, a batch of 3,000 small
// films wrote 287 KB to the terminal.
const progressEvery = 100 * time.Millisecond

// progressLine is progress's drawing on w, at most every progressEvery
// by now, and the last count always; -1 clears the line where it is
// drawn (for a film's messages).
func progressLine(w io.Writer, total int, now func() time.Time) func(int) {
	line := statusLine{w: w, now: now}
	return func(n int) {
		if n < 0 {
			line.clear()
			return
		}
		line.draw(n == total, "%d/%d films", n, total)
	}
}

// statusLine is a line of progress on a terminal, drawn over itself: at
// most every progressEvery by now unless the drawing is the last, and
// cleared only where it is drawn.
type statusLine struct {
	w     io.Writer
	now   func() time.Time
	shown bool
	last  time.Time
}

// draw draws "film2ld: " and the formatted text, if progressEvery has
// passed since the last drawing or final is set.
func (l *statusLine) draw(final bool, format string, args ...any) {
	if t := l.now(); final || t.Sub(l.last) >= progressEvery {
		fmt.Fprintf(l.w, "\rfilm2ld: "+format, args...)
		l.shown, l.last = true, t
	}
}

// clear clears the line, if it is drawn.
func (l *statusLine) clear() {
	if l.shown {
		fmt.Fprint(l.w, "\r\033[K")
		l.shown = false
	}
}

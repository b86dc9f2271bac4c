// Package output writes a command's result to the place its -o flag names,
// so that no path, failure or signal leaves a file half-written or replaces
// something that is not a regular file.
//
// Call [Create] with the path as the user gave it, write, then [File.Commit]
// (or [File.Abort] to leave everything as it was); [WriteFile] does all
// three for data already in memory.
//
// # What each kind of path gets
//
//   - "" and "-": standard output.
//   - A regular file, or a path that does not exist yet: the data goes to a
//     temporary file with a short name in the same folder, created with the
//     umask's mode (or given the existing file's mode), synced to disk and
//     renamed over the path on Commit. A reader sees the old file or the new
//     one, never half of one. An existing file the user may not write (mode
//     0444, another user's) is refused, as opening it for writing would be,
//     though the rename would go through.
//   - A symbolic link: followed, and its final target written as above, so
//     the link stays a link.
//   - A device, a named pipe or a socket: opened and written directly; it is
//     never replaced.
//   - An open descriptor's name (/dev/stdout, /dev/fd/N, /proc/self/fd/N):
//     written through, appending to a regular file behind it, since the
//     shell that opened it decided where the bytes go (> or >>).
//
// Temporary files are removed on Abort, on any error, and when the process
// gets SIGINT or SIGTERM (see [CleanupOnSignal]). Errors name the path the
// user gave, never a temporary one.
package output

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// maxLinks bounds how many symbolic links Resolve follows, as the kernel's
// ELOOP does, so that a loop of links is an error and not a hang.
const maxLinks = 40

// ErrLinkLoop means a path's symbolic links do not end.
var ErrLinkLoop = errors.New("too many levels of symbolic links")

// ErrIsDir means the output path is a folder.
var ErrIsDir = errors.New("is a folder, not a file")

// Error is a failure to write an output. It names the path the user gave.
type Error struct {
	Path string // as the user gave it
	Op   string // "write", "create", …
	Err  error

	readOnly bool // an existing file its user may not write
}

func (e *Error) Error() string { return fmt.Sprintf("cannot %s %s: %v", e.Op, e.Path, e.Err) }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// ReadOnly reports whether err refuses an output that is an existing file
// its user may not write, as the kernel refuses to open it for writing:
// its mode (0444) or its owner, rather than its folder, is at fault.
func ReadOnly(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.readOnly
}

// access is the kernel's answer to whether this process may open the
// existing file path for writing (access(2) with W_OK, on Unix): the
// error opening it so would give, or nil. Root may write any file, as a
// shell's redirection may. A variable, so that a test can stand in for
// the kernel whatever the user running it.
var access = canWrite

// cause strips the path from an *os.PathError or *os.LinkError, whose path
// may be a temporary file's, leaving the reason alone.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// File is an output being written. It is an io.Writer.
type File struct {
	path   string // as given
	w      io.Writer
	direct *os.File // a device or pipe, written in place
	tmp    *os.File // a temporary file to rename over target
	target string   // the resolved path a temporary file replaces
	err    error    // the first write error
	done   bool
}

// Create prepares the output path names; stdout stands for "" and "-".
// Nothing at path changes before Commit, except for devices and pipes,
// which are written as Write is called.
func Create(path string, stdout io.Writer) (*File, error) {
	if path == "" || path == "-" {
		return &File{path: "standard output", w: stdout}, nil
	}
	st, direct, target, err := place(path)
	switch {
	case err != nil:
		return nil, err
	case direct:
		// A device or pipe is written in place; so is a file the shell
		// opened for us (-o /dev/stdout > file, or >> file): appending
		// writes where the descriptor's own writes would go, and does
		// not undo a >>. O_TRUNC is harmless on devices and pipes.
		flag := os.O_WRONLY | os.O_TRUNC
		if st.Mode().IsRegular() {
			flag = os.O_WRONLY | os.O_APPEND
		}
		f, err := os.OpenFile(path, flag, 0)
		if err != nil {
			return nil, &Error{Path: path, Op: "open", Err: cause(err)}
		}
		return &File{path: path, w: f, direct: f}, nil
	}
	tmp, err := createTemp(filepath.Dir(target), 0o666)
	if err != nil {
		return nil, &Error{Path: path, Op: "create", Err: cause(err)}
	}
	if st != nil {
		// Keep a private file private, and its owner where we may.
		err = tmp.Chmod(st.Mode().Perm())
		if err == nil {
			keepOwner(tmp, st)
			// After the owner: a change of owner clears them.
			err = keepSpecialBits(tmp, st)
		}
	}
	if err != nil {
		discard(tmp)
		return nil, &Error{Path: path, Op: "create", Err: cause(err)}
	}
	return &File{path: path, w: tmp, tmp: tmp, target: target}, nil
}

// place tells how Create writes path: in place (direct: a device, a pipe,
// a descriptor the shell opened), or through a temporary file beside
// target, the file the links of path lead to; st describes what path
// names now, nil for nothing. A folder, a loop of links or a path that
// cannot be looked at is an error naming path.
func place(path string) (st fs.FileInfo, direct bool, target string, err error) {
	// The kernel follows every link here, the magic ones of /proc/self/fd
	// (/dev/stdout) too, whose targets ("pipe:[1234]") are no paths.
	st, err = os.Stat(path)
	switch {
	case err == nil && st.IsDir():
		return nil, false, "", &Error{Path: path, Op: "write", Err: ErrIsDir}
	case err == nil && !st.Mode().IsRegular(), err == nil && descriptorLink(path):
		return st, true, "", nil
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, false, "", &Error{Path: path, Op: "write", Err: cause(err)}
	case err != nil:
		st = nil
	}
	if st != nil {
		// A rename needs the folder's permission alone, so a file its
		// user may not write (0444, another user's) was replaced in
		// silence, where '> path' and cp are refused.
		if err := access(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, false, "", &Error{Path: path, Op: "write", Err: cause(err), readOnly: true}
		}
	}
	target, err = Resolve(path)
	if err != nil {
		return nil, false, "", &Error{Path: path, Op: "write", Err: cause(err)}
	}
	return st, false, target, nil
}

// Check returns the error Create would return for path, so that a
// command can refuse an output it cannot write (a missing or read-only
// folder, a folder named as the file) before it reads its inputs, not
// after the work. It changes nothing: a temporary file is made beside
// the target and removed at once, and a device or pipe is not opened
// (opening a pipe waits for its reader, and closing it would end the
// reader's input).
func Check(path string) error {
	if path == "" || path == "-" {
		return nil
	}
	_, direct, target, err := place(path)
	if err != nil || direct {
		return err
	}
	tmp, err := createTemp(filepath.Dir(target), 0o666)
	if err != nil {
		return &Error{Path: path, Op: "create", Err: cause(err)}
	}
	discard(tmp)
	return nil
}

// CheckFolder reports whether files can be made in the folder dir (one
// the user may not write, a read-only mount), as Check does for a file:
// by making a temporary file there and removing it. The error names dir.
func CheckFolder(dir string) error {
	tmp, err := createTemp(dir, 0o666)
	if err != nil {
		return &Error{Path: dir, Op: "write in", Err: cause(err)}
	}
	discard(tmp)
	return nil
}

// Write writes to the output. After the first error it writes nothing
// more and Commit reports that error.
func (f *File) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	n, err := f.w.Write(p)
	if err != nil {
		f.err = &Error{Path: f.path, Op: "write", Err: cause(err)}
	}
	return n, f.err
}

// WriteString is Write of a string, which a file takes with no copy of
// it: the Turtle writers hand their text over as strings (a copy of each
// was a tenth of the garbage of writing 50,000 reviews as TriG).
func (f *File) WriteString(s string) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	n, err := io.WriteString(f.w, s)
	if err != nil {
		f.err = &Error{Path: f.path, Op: "write", Err: cause(err)}
	}
	return n, f.err
}

// Commit finishes the output: a temporary file is synced and renamed over
// the target; a device or pipe is closed. On any error nothing at the path
// has changed (for a regular file) and the temporary file is gone.
func (f *File) Commit() error {
	if f.done {
		return f.err
	}
	f.done = true
	switch {
	case f.err != nil:
		f.abort()
	case f.direct != nil:
		if err := f.direct.Close(); err != nil {
			f.err = &Error{Path: f.path, Op: "write", Err: cause(err)}
		}
	case f.tmp != nil:
		err := f.tmp.Sync()
		if cerr := f.tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(f.tmp.Name(), f.target)
		}
		if err != nil {
			f.err = &Error{Path: f.path, Op: "write", Err: cause(err)}
			os.Remove(f.tmp.Name())
		}
		forget(f.tmp.Name())
		if err == nil {
			syncDir(filepath.Dir(f.target))
		}
	}
	return f.err
}

// Abort gives up the output: a temporary file is removed and the path is
// left as it was. Abort after Commit does nothing.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.abort()
}

func (f *File) abort() {
	switch {
	case f.direct != nil:
		f.direct.Close()
	case f.tmp != nil:
		discard(f.tmp)
	}
}

// WriteFile writes data to path (standard output for "" and "-") whole or
// not at all.
func WriteFile(path string, stdout io.Writer, data []byte) error {
	f, err := Create(path, stdout)
	if err != nil {
		return err
	}
	f.Write(data) // Commit reports the error
	return f.Commit()
}

// Resolve follows the symbolic links of path's last element until it names
// something that is not a link, or nothing yet; the folders above are left
// to the kernel. A relative link is read from the folder the link is in.
func Resolve(path string) (string, error) {
	for range maxLinks {
		st, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		path = linkTarget(path, link)
	}
	return "", ErrLinkLoop
}

// linkTarget is the path of what the link at path, whose text is link,
// names: a relative link is read from the link's folder as the kernel
// reads it, without cleaning the path: "d/../x" is not "x" when d is a
// link itself (filepath.Join made it so, and a link reached through a
// linked folder had the wrong file written, an input among them).
func linkTarget(path, link string) string {
	if filepath.IsAbs(link) {
		return link
	}
	return path[:strings.LastIndexByte(path, filepath.Separator)+1] + link
}

// descriptorLink reports whether path, or a link on the way from it, is
// an open file descriptor's name (/dev/stdout, /dev/fd/N, /proc/self/fd/N):
// the file behind it was opened by someone else, who decides where the
// bytes go.
func descriptorLink(path string) bool {
	for range maxLinks {
		p := filepath.ToSlash(filepath.Clean(path))
		if strings.HasPrefix(p, "/dev/fd/") || strings.HasPrefix(p, "/proc/") && strings.Contains(p, "/fd/") {
			return true
		}
		link, err := os.Readlink(path)
		if err != nil {
			return false
		}
		path = linkTarget(path, link)
	}
	return false
}

// createTemp creates a new file in dir with a short name (".film2ld-" and
// 12 hex digits: a long target name must not make it pass the 255-byte
// limit of a name) and the mode perm less the umask: 0666 for an output,
// as a new file made by any other tool would have.
//
// The file is made and tracked under temps' lock: a signal's clean-up,
// which takes the lock, then finds it tracked or not yet made. (Made
// first and tracked after, a SIGTERM sent the moment the file appeared
// left it behind.)
func createTemp(dir string, perm os.FileMode) (*os.File, error) {
	temps.Lock()
	defer temps.Unlock()
	for range 100 {
		var b [6]byte
		rand.Read(b[:])
		name := filepath.Join(dir, ".film2ld-"+hex.EncodeToString(b[:])+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			// Tracked only once it is ours: a name that already existed
			// belongs to someone else and must not be removed.
			if temps.names == nil {
				temps.names = map[string]bool{}
			}
			temps.names[name] = true
			return f, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
	}
	return nil, errors.New("no unused temporary file name")
}

// discard closes and removes a temporary file.
func discard(f *os.File) {
	f.Close()
	os.Remove(f.Name())
	forget(f.Name())
}

// syncDir makes a rename durable. Some file systems cannot sync a folder;
// the data itself is already synced, so a failure here is not reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// installed is set once CleanupOnSignal has installed its handler.
var installed atomic.Bool

// temps are the temporary files in use, removed on SIGINT or SIGTERM.
var temps struct {
	sync.Mutex
	names map[string]bool
}

func forget(name string) {
	temps.Lock()
	defer temps.Unlock()
	delete(temps.names, name)
}

// RemoveTemps removes every temporary file still in use; it is safe to
// call at any time.
func RemoveTemps() {
	temps.Lock()
	defer temps.Unlock()
	removeTemps()
}

// removeTemps removes the temporary files; the caller holds temps' lock.
func removeTemps() {
	for name := range temps.names {
		os.Remove(name)
		delete(temps.names, name)
	}
}

// Inside reports whether path, once its links are followed, is dir or lies
// below it (dir's links followed too). Folders are compared by device and
// inode, so another spelling, a link or a bind mount cannot hide that the
// output would land among the inputs. A path that does not exist yet is
// judged by the folders above it that do.
func Inside(path, dir string) bool {
	d, err := os.Stat(dir)
	if err != nil || path == "" || path == "-" {
		return false
	}
	p, err := realPath(path)
	if err != nil {
		return false
	}
	for {
		if st, err := os.Stat(p); err == nil && os.SameFile(st, d) {
			return true
		}
		up := filepath.Dir(p)
		if up == p {
			return false
		}
		p = up
	}
}

// SameFile reports whether two paths, their links followed, name one
// existing file (the same device and inode).
func SameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

// realPath returns path absolute, with the links of the part that exists
// followed; the part that does not exist yet is joined on as written.
func realPath(path string) (string, error) {
	path, err := Resolve(path)
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rest := ""
	for p := abs; ; {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, rest), nil
		}
		up := filepath.Dir(p)
		if up == p {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = up
	}
}

// Replaces reports whether the output goes to a temporary file that
// Commit renames over the path, so that nothing written before Abort is
// ever seen (standard output, devices and pipes are written as Write is
// called).
func (f *File) Replaces() bool { return f.tmp != nil }

// Scratch creates a temporary file in os.TempDir for a command's own use
// (a copy of standard input to read twice), tracked as an output's
// temporary file is: an interrupt removes it. Discard removes it. Its
// mode is 0600: what it copies may be private, and $TMPDIR is shared.
func Scratch() (*os.File, error) {
	return createTemp(os.TempDir(), 0o600)
}

// Discard closes and removes a file Scratch made.
func Discard(f *os.File) { discard(f) }

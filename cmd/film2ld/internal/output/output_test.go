//go:build unix

package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// leftovers returns the temporary files left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, ".film2ld-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestStdout(t *testing.T) {
	for _, path := range []string{"", "-"} {
		var buf bytes.Buffer
		if err := WriteFile(path, &buf, []byte("data")); err != nil {
			t.Fatal(err)
		}
		if buf.String() != "data" {
			t.Errorf("%q: got %q on standard output", path, buf.String())
		}
	}
}

func TestNewFileTakesUmask(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	path := filepath.Join(dir, "out.nq")
	if err := WriteFile(path, nil, []byte("new")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Mode().Perm(); got != 0o640 {
		t.Errorf("mode %o; want 640 (0666 less umask 027)", got)
	}
	if l := leftovers(t, dir); l != nil {
		t.Errorf("temporary files left: %v", l)
	}
}

func TestExistingModeKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "private.jsonld")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, nil, []byte("new")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if got := st.Mode().Perm(); got != 0o600 {
		t.Errorf("mode %o; want 600 kept", got)
	}
	if got := readString(t, path); got != "new" {
		t.Errorf("content %q", got)
	}
}

func TestSymlinkFollowed(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "real"), 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "real", "out.nq")
	os.WriteFile(target, []byte("old"), 0o644)
	// A relative link, read from the link's folder, and a link to it.
	link1 := filepath.Join(dir, "link1")
	link2 := filepath.Join(dir, "link2")
	os.Symlink("real/out.nq", link1)
	os.Symlink("link1", link2)
	if err := WriteFile(link2, nil, []byte("new")); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{link1, link2} {
		if st, err := os.Lstat(l); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link", l)
		}
	}
	if got := readString(t, target); got != "new" {
		t.Errorf("target holds %q", got)
	}
	// A dangling link creates its target.
	os.Symlink("real/new.nq", filepath.Join(dir, "dangling"))
	if err := WriteFile(filepath.Join(dir, "dangling"), nil, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, filepath.Join(dir, "real", "new.nq")); got != "x" {
		t.Errorf("dangling link's target holds %q", got)
	}
}

// TestLinkThroughLinkedFolder: a relative link reached through a linked
// folder is read from the folder it is really in, as the kernel reads
// it: "d/../target.nq", d a link to real/deep, is real/target.nq, not
// the ./target.nq a lexical join makes of it (which was written, an
// input of the run).
func TestLinkThroughLinkedFolder(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"real/deep/deeper"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(text, name string) {
		if err := os.Symlink(text, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	write("target.nq", "an input")
	write("real/target.nq", "old")
	link("real/deep", "d")
	link("../target.nq", "real/deep/out.nq")
	// Two links deep: the second is relative to a folder reached by a
	// link with "..".
	link("deep/deeper", "real/dd")
	link("../../target.nq", "real/deep/deeper/two.nq")
	link("d/../dd/two.nq", "chain.nq")
	for _, tt := range []struct{ given, written string }{
		{"d/out.nq", "real/target.nq"},
		{"chain.nq", "real/target.nq"},
	} {
		given := filepath.Join(dir, tt.given)
		resolved, err := Resolve(given)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := filepath.EvalSymlinks(filepath.Join(dir, tt.written))
		if got, _ := filepath.EvalSymlinks(resolved); got != want {
			t.Errorf("%s resolves to %s (%s); want %s", tt.given, resolved, got, want)
		}
		if err := WriteFile(given, nil, []byte(tt.given)); err != nil {
			t.Fatal(err)
		}
		if got := readString(t, filepath.Join(dir, tt.written)); got != tt.given {
			t.Errorf("%s: %s holds %q", tt.given, tt.written, got)
		}
		if got := readString(t, filepath.Join(dir, "target.nq")); got != "an input" {
			t.Errorf("%s: target.nq, not the link's target, was written: %q", tt.given, got)
		}
	}
}

func TestLinkLoop(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.Symlink("b", a)
	os.Symlink("a", b)
	err := WriteFile(a, nil, []byte("x"))
	if err == nil || !strings.Contains(err.Error(), "too many levels of symbolic links") {
		t.Fatalf("got %v; want a link loop", err)
	}
	if _, err := Resolve(a); !errors.Is(err, ErrLinkLoop) {
		t.Errorf("Resolve: got %v; want ErrLinkLoop", err)
	}
	if !strings.Contains(err.Error(), a) {
		t.Errorf("%q does not name %s", err, a)
	}
}

func TestDeviceWrittenInPlace(t *testing.T) {
	if err := WriteFile("/dev/null", nil, []byte("x")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat("/dev/null")
	if err != nil || st.Mode()&os.ModeDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", st.Mode(), err)
	}
}

func TestPipeWrittenInPlace(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	got := make(chan string)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- string(b)
	}()
	if err := WriteFile(fifo, nil, []byte("through the pipe")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("reader got %q", s)
	}
	if st, _ := os.Lstat(fifo); st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced by %v", st.Mode())
	}
}

func TestAbortLeavesOld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "archive.nq")
	os.WriteFile(path, []byte("old archive"), 0o644)
	f, err := Create(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("half"))
	f.Abort()
	if got := readString(t, path); got != "old archive" {
		t.Errorf("after Abort the file holds %q", got)
	}
	if l := leftovers(t, dir); l != nil {
		t.Errorf("temporary files left: %v", l)
	}
}

func TestLongName(t *testing.T) {
	dir := t.TempDir()
	// 250 bytes: legal, but too long for a temporary name made from it.
	path := filepath.Join(dir, strings.Repeat("n", 244)+".jsonld")
	if err := WriteFile(path, nil, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, path); got != "x" {
		t.Errorf("content %q", got)
	}
}

func TestErrorsNameTheGivenPath(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]string{
		"folder in the way": dir,
		"no such folder":    filepath.Join(dir, "missing", "out.nq"),
		"name too long":     filepath.Join(dir, strings.Repeat("n", 300)),
	}
	if os.Getuid() != 0 {
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o555)
		cases["read-only folder"] = filepath.Join(ro, "out.nq")
	}
	for name, path := range cases {
		err := WriteFile(path, nil, []byte("x"))
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), ".film2ld-") {
			t.Errorf("%s: %q should name %s and no temporary file", name, err, path)
		}
	}
	if l := leftovers(t, dir); l != nil {
		t.Errorf("temporary files left: %v", l)
	}
}

func TestInside(t *testing.T) {
	dir := t.TempDir()
	films := filepath.Join(dir, "films")
	os.MkdirAll(filepath.Join(films, "heat"), 0o755)
	os.WriteFile(filepath.Join(films, "heat", "review.txt"), []byte("x"), 0o644)
	os.Symlink(filepath.Join(films, "heat"), filepath.Join(dir, "link"))
	os.Symlink(filepath.Join(films, "heat", "review.txt"), filepath.Join(dir, "doc-link"))
	cases := []struct {
		path string
		want bool
	}{
		{filepath.Join(films, "all.nq"), true},
		{filepath.Join(films, "heat", "new", "x.nq"), true},
		{filepath.Join(dir, "link", "x.nq"), true},
		{filepath.Join(dir, "doc-link"), true},
		{filepath.Join(dir, "films2.nq"), false},
		{filepath.Join(dir, "out", "x.nq"), false},
	}
	for _, c := range cases {
		if got := Inside(c.path, films); got != c.want {
			t.Errorf("Inside(%s, films) = %v", c.path, got)
		}
	}
	if !SameFile(filepath.Join(dir, "doc-link"), filepath.Join(films, "heat", "review.txt")) {
		t.Error("SameFile does not follow a link")
	}
}

// /proc/self/fd/N and /dev/stdout name a descriptor someone else opened:
// the file behind it is written through it, never replaced, and a pipe's
// reader gets the bytes (its target, "pipe:[N]", is no path).
func TestDescriptorLinks(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc/self/fd here")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "redirected.nq")
	os.WriteFile(path, []byte("kept\n"), 0o644)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	before, _ := os.Stat(path)
	if err := WriteFile(fmt.Sprintf("/proc/self/fd/%d", f.Fd()), nil, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(path)
	if got := readString(t, path); got != "kept\nnew\n" || !os.SameFile(before, after) {
		t.Errorf("the file holds %q (same file: %v); want the output appended in place", got, os.SameFile(before, after))
	}

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		got <- string(b)
	}()
	if err := WriteFile(fmt.Sprintf("/dev/fd/%d", w.Fd()), nil, []byte("through a pipe")); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if s := <-got; s != "through a pipe" {
		t.Errorf("the pipe's reader got %q", s)
	}
	if l := leftovers(t, dir); l != nil {
		t.Errorf("temporary files left: %v", l)
	}
}

// TestCheck: Check gives Create's error for an output that cannot be
// written, and for one that can, changes nothing: an existing file keeps
// its bytes and mode, no temporary file is left, and a pipe is not
// opened (a reader would see its input end).
func TestCheck(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "old.nq")
	if err := os.WriteFile(existing, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"", "-", existing, filepath.Join(dir, "new.nq"), pipe, os.DevNull} {
		// A pipe opened for writing with no reader would block here.
		if err := Check(path); err != nil {
			t.Errorf("Check(%q): %v", path, err)
		}
	}
	if got := readString(t, existing); got != "old" {
		t.Errorf("Check changed %s: %q", existing, got)
	}
	if st, _ := os.Stat(existing); st.Mode().Perm() != 0o600 {
		t.Errorf("Check changed the mode of %s to %o", existing, st.Mode().Perm())
	}
	if _, err := os.Stat(filepath.Join(dir, "new.nq")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Check made the new file: %v", err)
	}
	if l := leftovers(t, dir); l != nil {
		t.Errorf("temporary files left: %v", l)
	}
	for _, path := range []string{filepath.Join(dir, "missing", "out.nq"), dir, filepath.Join(existing, "out.nq")} {
		_, cerr := Create(path, nil)
		err := Check(path)
		if err == nil || cerr == nil || err.Error() != cerr.Error() {
			t.Errorf("Check(%q) = %v; want Create's error %v", path, err, cerr)
		}
		var oerr *Error
		if !errors.As(err, &oerr) || oerr.Path != path {
			t.Errorf("Check(%q): %v does not name the path given", path, err)
		}
	}
}

// A scratch file holds a copy of standard input, which may be private:
// only its owner may read it, whatever the umask, and Discard removes
// it.
func TestScratchIsPrivate(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	f, err := Scratch()
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v; want 0600", st.Mode().Perm())
	}
	Discard(f)
	if _, err := os.Stat(f.Name()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after Discard: %v", err)
	}
}

// An existing file the kernel would not open for writing (its mode, its
// owner) is refused by Create, Check and WriteFile, naming the path
// given, before anything is written: replaced by a rename, which needs
// only the folder's permission, a 0444 file was overwritten where '>'
// and cp are refused. access stands in for the kernel here, as it judges
// a file's owner, so the test holds for root too (for whom the kernel
// grants every file); a new file, a device and a writable file are not
// asked about, or pass.
func TestReadOnlyRefused(t *testing.T) {
	var asked []string
	defer func(old func(string) error) { access = old }(access)
	access = func(path string) error {
		asked = append(asked, path)
		st, err := os.Stat(path)
		if err == nil && st.Mode().Perm()&0o200 == 0 {
			return syscall.EACCES
		}
		return err
	}
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro.nq")
	if err := os.WriteFile(ro, []byte("old"), 0o444); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.nq")
	if err := os.Symlink("ro.nq", link); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{ro, link} {
		want := "cannot write " + path + ": permission denied"
		f, cerr := Create(path, nil)
		if f != nil {
			f.Abort()
		}
		for name, err := range map[string]error{"Create": cerr, "Check": Check(path), "WriteFile": WriteFile(path, nil, []byte("new"))} {
			if fmt.Sprint(err) != want || !ReadOnly(err) || !errors.Is(err, fs.ErrPermission) {
				t.Errorf("%s(%q) = %v (read-only %v); want %s", name, path, err, ReadOnly(err), want)
			}
		}
	}
	if got := readString(t, ro); got != "old" {
		t.Errorf("%s was written: %q", ro, got)
	}
	if l := leftovers(t, dir); l != nil {
		t.Errorf("temporary files left: %v", l)
	}

	asked = nil
	rw := filepath.Join(dir, "rw.nq")
	if err := os.WriteFile(rw, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{rw, filepath.Join(dir, "new.nq"), os.DevNull} {
		if err := WriteFile(path, nil, []byte("new")); err != nil || ReadOnly(err) {
			t.Errorf("WriteFile(%q): %v", path, err)
		}
	}
	if fmt.Sprint(asked) != fmt.Sprint([]string{rw}) {
		t.Errorf("access asked of %q; want of the existing regular file alone", asked)
	}
	if err := Check(filepath.Join(dir, "missing", "out.nq")); ReadOnly(err) {
		t.Errorf("a missing folder is read-only: %v", err)
	}
}

// With the kernel's own check: a 0444 file is refused to a user who is
// not root, as '>' refuses it; root may write it, and does.
func TestReadOnlyRefusedByKernel(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro.nq")
	if err := os.WriteFile(ro, []byte("old"), 0o444); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(ro, nil, []byte("new"))
	if os.Geteuid() == 0 {
		if err != nil || readString(t, ro) != "new" {
			t.Errorf("as root: %v, %q; want the file written, as root's '>' writes it", err, readString(t, ro))
		}
		t.Skip("running as root, whom the kernel lets write a 0444 file: the refusal is TestReadOnlyRefused's")
	}
	if !ReadOnly(err) || readString(t, ro) != "old" {
		t.Errorf("WriteFile: %v; want the 0444 file refused and left as it was", err)
	}
}

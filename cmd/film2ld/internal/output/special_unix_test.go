//go:build unix

package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// A replaced file keeps its setgid, setuid and sticky bits with its
// permissions, as a shell's > keeps them: for a process other than
// root, the kernel clears setuid, and setgid on a group-executable file,
// on a write (the replacement here has the old file's owner: the test's
// user made both).
func TestReplaceKeepsSpecialBits(t *testing.T) {
	root := os.Geteuid() == 0
	for _, tt := range []struct{ mode, asRoot, asUser fs.FileMode }{
		{0o755 | fs.ModeSetgid, 0o755 | fs.ModeSetgid, 0o755},
		{0o755 | fs.ModeSetuid, 0o755 | fs.ModeSetuid, 0o755},
		{0o644 | fs.ModeSticky, 0o644 | fs.ModeSticky, 0o644 | fs.ModeSticky},
		{0o664 | fs.ModeSetgid, 0o664 | fs.ModeSetgid, 0o664 | fs.ModeSetgid},
		{0o600, 0o600, 0o600},
	} {
		path := filepath.Join(t.TempDir(), "out.nq")
		if err := os.WriteFile(path, []byte("old\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, tt.mode); err != nil {
			t.Fatal(err)
		}
		f, err := Create(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte("new\n")); err != nil {
			t.Fatal(err)
		}
		if err := f.Commit(); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		want := tt.asUser
		if root {
			want = tt.asRoot
		}
		keep := fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky
		if got := st.Mode() & keep; got != want {
			t.Errorf("replacing a file of mode %v left mode %v; want %v", tt.mode, got, want)
		}
	}
}

// Setuid and setgid are never kept on a replacement whose owner or group
// is not the old file's: it would run as its new owner.
func TestSpecialBitsNeedTheSameOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root's replacement keeps setuid")
	}
	dir := t.TempDir()
	old := filepath.Join(dir, "old")
	if err := os.WriteFile(old, nil, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(old, 0o755|fs.ModeSetuid|fs.ModeSetgid); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(old, 12345, 12345); err != nil {
		t.Skip("cannot give a file away here:", err)
	}
	st, err := os.Stat(old)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "new")) // root's, not 12345's
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := keepSpecialBits(f, st); err != nil {
		t.Fatal(err)
	}
	now, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if now.Mode()&(fs.ModeSetuid|fs.ModeSetgid) != 0 {
		t.Errorf("a replacement owned by another kept %v", now.Mode())
	}
}

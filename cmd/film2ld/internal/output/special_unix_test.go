//go:build unix

package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// A replaced file keeps its setgid, setuid and sticky bits with its
// permissions, as a shell's > keeps them (the replacement here has the
// old file's owner: the test's user made both).
func TestReplaceKeepsSpecialBits(t *testing.T) {
	for _, mode := range []fs.FileMode{0o755 | fs.ModeSetgid, 0o755 | fs.ModeSetuid, 0o644 | fs.ModeSticky, 0o664 | fs.ModeSetgid, 0o600} {
		path := filepath.Join(t.TempDir(), "out.nq")
		if err := os.WriteFile(path, []byte("old\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil {
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
		keep := fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky
		if got := st.Mode() & keep; got != mode {
			t.Errorf("replacing a file of mode %v left mode %v", mode, got)
		}
	}
}

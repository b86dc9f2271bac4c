package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestOpenDocumentMatchesOsOpen: openDocument reads what os.Open reads,
// and fails as it does (the messages name the file and the cause the same
// way, and errors.Is sees the same cause), for a document, a link to
// one, a missing file, a dangling link, a folder, a path through a file,
// a file it may not read, and a name the system cannot hold.
func TestOpenDocumentMatchesOsOpen(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "review.txt")
	if err := os.WriteFile(doc, []byte("Generally favorable reviews\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(dir, "secret.txt")
	if err := os.WriteFile(secret, []byte("x"), 0o000); err != nil {
		t.Fatal(err)
	}
	names := []string{
		doc,
		filepath.Join(dir, "missing.txt"),
		dir,
		filepath.Join(doc, "below"),
		secret,
		"nul\x00byte.txt",
		"",
	}
	if runtime.GOOS != "windows" {
		link, dangling := filepath.Join(dir, "link.txt"), filepath.Join(dir, "dangling.txt")
		if err := os.Symlink(doc, link); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join(dir, "gone"), dangling); err != nil {
			t.Fatal(err)
		}
		names = append(names, link, dangling)
	}
	read := func(open func(string) (*os.File, error), name string) (string, error) {
		f, err := open(name)
		if err != nil {
			return "", err
		}
		defer f.Close()
		// As the mappers read: a size from Stat, then Read to the end.
		if _, err := f.Stat(); err != nil {
			return "", err
		}
		data, err := io.ReadAll(f)
		return string(data), err
	}
	for _, name := range names {
		got, gotErr := read(openDocument, name)
		want, wantErr := read(os.Open, name)
		if got != want || errText(gotErr) != errText(wantErr) {
			t.Errorf("%q: openDocument read %q, %v; os.Open %q, %v", name, got, gotErr, want, wantErr)
		}
		for _, target := range []error{fs.ErrNotExist, fs.ErrPermission, fs.ErrInvalid} {
			if errors.Is(gotErr, target) != errors.Is(wantErr, target) {
				t.Errorf("%q: errors.Is(%v, %v) differs from os.Open's %v", name, gotErr, target, wantErr)
			}
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

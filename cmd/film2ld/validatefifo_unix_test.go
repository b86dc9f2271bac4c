//go:build unix

package main

import (
	"bytes"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/schemas"
)

// TestValidateKeepsBytesOfAPipe: a large input that is no regular file
// (a named pipe) keeps its bytes for the quotes, which could not read it
// again: opened a second time, the pipe waited for a writer forever (the
// session's review found validate hanging on a 3.3 MB pipe).
func TestValidateKeepsBytesOfAPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "markup.jsonld")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	job := &validateJob{prof: schemas.Google, format: "text", filter: &ruleFilter{}}
	data := bytes.Repeat([]byte(" "), boundFrom)
	if job.letGo(fifo, data, ld.Declared{}) {
		t.Errorf("the bytes of a named pipe are let go, to be read again")
	}
	regular := filepath.Join(t.TempDir(), "markup.jsonld")
	writeFile(t, filepath.Dir(regular), "markup.jsonld", string(data))
	if !job.letGo(regular, data, ld.Declared{}) {
		t.Errorf("the bytes of a large regular file are kept")
	}
}

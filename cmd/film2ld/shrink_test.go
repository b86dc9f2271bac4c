package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping/pipeline"
)

// A file another program cuts while film2ld reads it is an error naming
// it, never a shorter input read in silence (a convert of N-Quads cut
// at a line's end wrote 100,000 of 526,461 statements, exit status 0);
// one that grows is read to its end; one that keeps its size, whole.
func TestShrinkingFileIsAnError(t *testing.T) {
	stmt := "<urn:x:a> <http://schema.org/name> \"a\" .\n"
	text := strings.Repeat(stmt, 4000) // 164 KB: several reads
	readers := map[string]func(r io.Reader, name string) error{
		"N-Quads": func(r io.Reader, name string) error {
			_, err := ld.NewDataset().ReadNQuads(r, name, false)
			return err
		},
		"film document": func(r io.Reader, name string) error {
			_, err := pipeline.New(pipeline.Options{}).Read(r, name)
			return err
		},
		// As readFileWhole reads: the reader is io.ReadAll's, which
		// names no file.
		"whole": func(r io.Reader, name string) error {
			_, err := io.ReadAll(r)
			return err
		},
	}
	for what, read := range readers {
		for _, change := range []string{"cut", "grown", "kept"} {
			path := filepath.Join(t.TempDir(), "in.nq")
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			r := guardShrinking(f)
			// The change comes after the first read.
			first := true
			changing := readerFunc(func(p []byte) (int, error) {
				n, err := r.Read(p[:min(len(p), 4096)])
				if first {
					first = false
					switch change {
					case "cut":
						os.Truncate(path, int64(len(stmt)*100))
					case "grown":
						g, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
						g.WriteString(stmt)
						g.Close()
					}
				}
				return n, err
			})
			err = read(changing, path)
			r.Close()
			switch {
			case change == "cut" && what != "film document" && !errors.Is(err, errShrank):
				t.Errorf("%s, %s: %v; want the file named as shrunk", what, change, err)
			case change == "cut" && what == "film document" && (err == nil || !strings.Contains(err.Error(), errShrank.Error())):
				t.Errorf("%s, %s: %v; want the file named as shrunk", what, change, err)
			case change == "cut" && what != "whole" && !strings.Contains(err.Error(), path):
				t.Errorf("%s, %s: %v; want the path named", what, change, err)
			case change != "cut" && what != "film document" && err != nil:
				t.Errorf("%s, %s: %v; want it read", what, change, err)
			}
		}
	}
	// readFileWhole, which validate and convert read small inputs with.
	path := filepath.Join(t.TempDir(), "in.nq")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := readFileWhole(path); err != nil || !bytes.Equal(data, []byte(text)) {
		t.Errorf("readFileWhole of a file left alone: %d bytes, %v", len(data), err)
	}
	if _, err := readFileWhole(filepath.Join(t.TempDir(), "none")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("readFileWhole of no file: %v", err)
	}
}

type readerFunc func(p []byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }

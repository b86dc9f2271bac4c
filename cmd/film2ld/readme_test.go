package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestREADMESession runs the terminal session on the README's first screen
// and compares what the commands print with what the README shows, so the
// example cannot drift from the program. Commands run in a fresh folder
// that sees the repository's testdata, with this tree's film2ld first on
// PATH (testCommand); stdout and stderr are shown as a terminal shows them.
func TestREADMESession(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh to run the README's commands")
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)```console\n(.*?)```").FindSubmatch(readme)
	if block == nil {
		t.Fatal("README.md shows no console session")
	}
	bin := filepath.Dir(testCommand(t))
	work := t.TempDir()
	abs, _ := filepath.Abs("../../testdata")
	if err := os.Symlink(abs, filepath.Join(work, "testdata")); err != nil {
		t.Fatal(err)
	}
	var cmd string
	var want []string
	check := func() {
		if cmd == "" {
			return
		}
		c := exec.Command("sh", "-c", cmd)
		c.Dir = work
		c.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		var out bytes.Buffer
		c.Stdout, c.Stderr = &out, &out
		if err := c.Run(); err != nil {
			t.Errorf("$ %s: %v\n%s", cmd, err, out.String())
		}
		got := strings.TrimSuffix(out.String(), "\n")
		if w := strings.Join(want, "\n"); got != w {
			t.Errorf("$ %s\nprints:\n%s\nREADME shows:\n%s", cmd, got, w)
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(string(block[1]), "\n"), "\n") {
		if c, ok := strings.CutPrefix(line, "$ "); ok {
			check()
			cmd, want = c, nil
			continue
		}
		want = append(want, line)
	}
	check()
}

// TestREADMEFilesExist: every testdata path the README's examples (its
// code blocks) name is in the repository.
func TestREADMEFilesExist(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var paths [][]byte
	for _, block := range regexp.MustCompile("(?s)```[a-z]*\n(.*?)```").FindAllSubmatch(readme, -1) {
		paths = append(paths, regexp.MustCompile(`(?:^|\s)(testdata/\S+)`).FindAll(block[1], -1)...)
	}
	if len(paths) == 0 {
		t.Fatal("the README names no example files")
	}
	for _, p := range paths {
		pattern := filepath.Join("../..", strings.TrimSpace(string(p)))
		if m, _ := filepath.Glob(pattern); len(m) == 0 {
			t.Errorf("the README names %s, which is not in the repository", p)
		}
	}
}

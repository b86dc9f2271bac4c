package main

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output sections of testdata/script/*.txtar")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"film2ld": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the command-line scenarios in testdata/script. Each
// script starts in a fresh folder holding samples/ (the three sample
// documents) and films/ (our own films), copied from the repository's
// testdata, and image.png (a binary file). Run `go test ./cmd/film2ld -update` to rewrite the expected
// outputs in the scripts after a deliberate change, and read the diff.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Cmds:          map[string]func(*testscript.TestScript, bool, []string){"exits": exits},
		Setup: func(env *testscript.Env) error {
			if err := os.CopyFS(filepath.Join(env.WorkDir, "samples"), os.DirFS("../../testdata/samples")); err != nil {
				return err
			}
			// A real binary file's first bytes; txtar holds text only.
			png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
			if err := os.WriteFile(filepath.Join(env.WorkDir, "image.png"), png, 0o644); err != nil {
				return err
			}
			return os.CopyFS(filepath.Join(env.WorkDir, "films"), os.DirFS("../../testdata/films"))
		},
	})
}

// exits runs a command like exec and checks its exit status, which exec
// alone cannot tell apart (1 for bad input, 2 for a usage error):
//
//	exits 2 film2ld export --nonsense
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits STATUS COMMAND [ARG...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %v", err)
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d; want %d", got, want)
	}
}

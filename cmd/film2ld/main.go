// Command film2ld turns film documents (review aggregator pages, encyclopedia
// articles, film prize pages) into schema.org linked data.
//
//	film2ld export [flags] FILE...    one film's documents → JSON-LD, N-Quads, HTML …
//	film2ld convert [flags] FILE...   JSON-LD, HTML or N-Quads → another form
//	film2ld validate [flags] FILE...  check schema.org markup, for CI
//
// Run `film2ld help` or `film2ld COMMAND --help` for details. Exit status: 0
// on success, 1 when an input is invalid (after every input was read and
// reported), 2 for a usage error.
package main

import (
	"os"

	"github.com/film2ld/film2ld/cmd/film2ld/internal/output"
)

func main() {
	deferFirstGC()
	os.Exit(runProcess())
}

// runProcess runs the command line on the process's own streams, its
// output and messages guarded against a reader that goes
// (output.GuardPipe). The tests' copy of the command runs it too.
func runProcess() int {
	return run(os.Args[1:], os.Stdin, output.GuardPipe(os.Stdout), output.GuardPipe(os.Stderr))
}

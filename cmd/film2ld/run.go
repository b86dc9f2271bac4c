package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	edlib "github.com/hbollon/go-edlib"
	"github.com/spf13/pflag"

	"github.com/film2ld/film2ld/cmd/film2ld/internal/msg"
	"github.com/film2ld/film2ld/cmd/film2ld/internal/output"
	"github.com/film2ld/film2ld/ld/diag"
)

// Exit statuses, a contract documented in the README and in usage.
const (
	exitOK    = 0
	exitError = 1 // invalid input or failed validation
	exitUsage = 2 // the command line itself is wrong
)

// command is one film2ld subcommand.
type command struct {
	name    string
	summary string
	run     func(env *env, args []string) int
}

// env is what a command may touch: the standard streams and nothing else,
// so that tests drive run directly.
type env struct {
	stdin io.Reader
	// stdinHeld is standard input read whole by spoolStdin, when it was
	// small. A large one's first bigDocument bytes are stdinHead until
	// finishSpool starts its copy: stdinSpool then names the copy,
	// stdinCopy is its file, holding spooled bytes (copied on as
	// readings reach them, through spoolBuf), and stdin reads the rest;
	// spoolErr is why it could not be copied.
	stdinHeld  []byte
	stdinHead  []byte
	stdinSpool string
	stdinCopy  *os.File
	spooled    int64
	spoolBuf   []byte
	spoolErr   error
	// stdinEnded is set once the head holds all of standard input.
	stdinEnded bool
	// stdinName is the name messages give "-" when it stands for a named
	// pipe or device the user gave (see streamNamed); "" for standard
	// input itself ("<stdin>").
	stdinName string
	// bytesDeferred is set when refusedBytes left the scan of a pending
	// standard input to refusedLinkedData (see there).
	bytesDeferred  bool
	stdout, stderr io.Writer
	// prefix, in a batch, is the film's folder: every line about the film
	// starts with it, since the films' lines follow each other.
	prefix string
	// tally, when set, counts warnings by cause for a batch's summary.
	tally *tally
	// summarize, in a batch without --verbose, leaves the per-film lines
	// of routine causes (what a snippet leaves out, notes) to the batch's
	// summary: 300 films would print a thousand of them.
	summarize bool
	// blocksSkipped is set by readPage when --lenient skipped a page's
	// blocks, for the caller's word on a page that gave no document.
	blocksSkipped bool
	// readAsPage is set by readPage: the input being read is an HTML
	// page, whatever its name says (standard input, a file without an
	// extension), for the hint that follows its error.
	readAsPage bool
	// straysTold is set by readLinkedData when what the input's top
	// level drops was told as its text was read (readLeavingOut,
	// largeStrays): checkStrayValues has nothing more to say of it.
	straysTold bool
	// lenient is convert's --lenient: its errors then hint at no flag
	// the user gave already.
	lenient bool
}

func commands() []command {
	return []command{
		{"export", "read one film's documents and write its schema.org graph", runExport},
		{"convert", "turn JSON-LD, HTML or N-Quads into another form", runConvert},
		{"validate", "check schema.org markup for search engines and triple stores", runValidate},
		{"load", "send a dataset to a triple store, replacing its graphs whole", runLoad},
	}
}

const mainUsage = `film2ld turns film documents into schema.org linked data.

Usage:
  film2ld COMMAND [flags] [FILE...]

Commands:
%s
Run 'film2ld COMMAND --help' for a command's flags, and 'film2ld --version'
for the version of this build.

Exit status: 0 success, 1 invalid input (after every input was reported),
2 usage error.
`

func usage(w io.Writer) {
	var b strings.Builder
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, mainUsage, b.String())
}

// run is main without the process: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	output.CleanupOnSignal()
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "help", "-h", "--help":
		if len(args) > 1 {
			return run([]string{args[1], "--help"}, stdin, stdout, stderr)
		}
		var b strings.Builder
		usage(&b)
		return e.printText(b.String())
	case "version", "--version":
		return e.printVersion()
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	e.errorf("unknown command %q", args[0])
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	if near := nearest(args[0], names); near != "" {
		e.hint("did you mean 'film2ld %s'?", near)
	} else {
		e.hint("run 'film2ld help' for the list of commands")
	}
	return exitUsage
}

// nearest returns the first of names nearest to typed within a slip of
// one or two letters ("exprot", "--fromat"), case folded, or "".
func nearest(typed string, names []string) string {
	best, bestD := "", 3
	for _, name := range names {
		// Optimal string alignment: a swap of neighbours is one edit.
		if d := edlib.OSADamerauLevenshteinDistance(strings.ToLower(typed), name); d < bestD {
			best, bestD = name, d
		}
	}
	return best
}

// say prints one diagnostic line, "film2ld: LEVEL: message". File names
// and document text go into messages, so the message is passed through
// msg.Clean: a newline or an escape sequence in a folder's name must not
// forge a line in a log or rewrite the terminal. Every diagnostic goes
// through here.
func (e *env) say(level, format string, args ...any) {
	m := fmt.Sprintf(format, args...)
	if e.tally != nil {
		switch level {
		case "warning":
			cause, n := causeOf(m)
			e.tally.add(cause, n)
			if e.summarize && strings.HasPrefix(cause, "left out of the web snippet") {
				return
			}
		case "note":
			e.tally.addNote()
			if e.summarize {
				return
			}
		}
	}
	if e.prefix != "" && !strings.HasPrefix(m, e.prefix+"/") && !strings.HasPrefix(m, e.prefix+":") {
		m = e.prefix + ": " + m
	}
	fmt.Fprintf(e.stderr, "film2ld: %s: %s\n", level, msg.Clean(msg.Clip(m)))
}

// errorf prints an error the way every film2ld error looks. An error placed
// at a column of a line its reader kept (a *diag.PosError: JSON, N-Quads
// and Turtle syntax) is followed by that line with a caret under the
// column, as diag.Excerpt writes it (safe to print as it is).
func (e *env) errorf(format string, args ...any) {
	var pe *diag.PosError
	for _, a := range args {
		if err, ok := a.(error); ok && errors.As(err, &pe) && pe.Source != "" {
			break
		}
		pe = nil
	}
	if pe == nil {
		e.say("error", format, args...)
		return
	}
	// The line is kept: a character the JSON reader named by its first
	// byte ('Â' for a no-break space) is named as it is.
	e.say("error", "%s", msg.ClarifyJSON(fmt.Sprintf(format, args...), pe.Source, pe.Pos.Col))
	io.WriteString(e.stderr, diag.Excerpt(pe.Source, pe.Pos.Line, pe.Pos.Col))
}

// hint prints a next step after an error.
func (e *env) hint(format string, args ...any) { e.say("hint", format, args...) }

// warnf prints a warning.
func (e *env) warnf(format string, args ...any) { e.say("warning", format, args...) }

// notef prints a note: something done that the user may want to know.
func (e *env) notef(format string, args ...any) { e.say("note", format, args...) }

// printText writes text (help, the version) to standard output and
// returns the exit status: exitError, said, when it could not be written
// (a full disk, a closed pipe), as a report that could not be written
// is; help to /dev/full exited 0 in silence (audit 19).
func (e *env) printText(text string) int {
	if err := e.writeOutput("-", []byte(text)); err != nil {
		e.errorf("%v", err)
		return exitError
	}
	return exitOK
}

// usageError reports a wrong command line and returns exitUsage.
func (e *env) usageError(fs *pflag.FlagSet, format string, args ...any) int {
	e.errorf(format, args...)
	if fs != nil {
		e.hint("run 'film2ld %s --help' for usage", fs.Name())
	} else {
		e.hint("run 'film2ld help' for the list of commands")
	}
	return exitUsage
}

// parseFlags parses a command's flags. It returns done=true with the exit
// status when the command must stop: after --help (usage on stdout, 0) or a
// flag error (2).
func (e *env) parseFlags(fs *pflag.FlagSet, usageText string, args []string) (done bool, status int) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	switch {
	case errors.Is(err, pflag.ErrHelp):
		return true, e.printText(usageText + "\nFlags:\n" + fs.FlagUsages())
	case err != nil:
		var ne *pflag.NotExistError
		if errors.As(err, &ne) && ne.GetSpecifiedShortnames() == "" {
			if near := nearFlag(fs, ne.GetSpecifiedName()); near != "" {
				e.errorf("%v", err)
				e.hint("did you mean --%s? ('film2ld %s --help' lists the flags)", near, fs.Name())
				return true, exitUsage
			}
		}
		return true, e.usageError(fs, "%v", err)
	}
	// A file flag given an empty name ('-o "$OUT"' with OUT unset) wrote
	// to standard output, or read nothing, without a word (audit 16).
	var empty string
	fs.Visit(func(f *pflag.Flag) {
		if empty == "" && f.Value.Type() == "string" && f.Value.String() == "" && fileFlags[f.Name] {
			empty = f.Name
		}
	})
	if empty != "" {
		if empty == "baseline" {
			return true, e.usageError(fs, "--baseline: an empty file name")
		}
		return true, e.usageError(fs, "--%s: an empty file name (- is standard output)", empty)
	}
	return false, exitOK
}

// fileFlags are the flags whose value names a file or folder.
var fileFlags = map[string]bool{"output": true, "baseline": true, "write-baseline": true}

// nearFlag returns the flag of fs a slip of one or two letters from name
// (--fromat, --profil), or "".
func nearFlag(fs *pflag.FlagSet, name string) string {
	var names []string
	fs.VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	return nearest(name, names)
}

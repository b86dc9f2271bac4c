//go:build unix

package output

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"
)

// keepOwner gives a replacement file the owner and group of the file it
// replaces. Only root may give a file away, so for other users this fails
// and the file is theirs, as any editor's would be.
func keepOwner(f *os.File, st fs.FileInfo) {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		f.Chown(int(s.Uid), int(s.Gid))
	}
}

// keepSpecialBits gives a replacement file the setuid, setgid and sticky
// bits of the file it replaces, as far as a shell's > keeps them (the
// permission bits alone were kept, and a shared folder's setgid data file
// lost its bit; audit 19). The kernel clears setuid, and setgid on a
// group-executable file, when a process without CAP_FSETID writes the
// file: so do we for such a process (any but root, here). Setuid and
// setgid are kept only where the replacement has the same owner and
// group, after keepOwner, since a file of another user's kept setuid
// under its new owner would run as that owner.
func keepSpecialBits(f *os.File, old fs.FileInfo) error {
	special := old.Mode() & (fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	if special == 0 {
		return nil
	}
	if os.Geteuid() != 0 {
		special &^= fs.ModeSetuid
		if old.Mode()&0o010 != 0 {
			special &^= fs.ModeSetgid
		}
	}
	was, ok := old.Sys().(*syscall.Stat_t)
	now, err := f.Stat()
	if !ok || err != nil {
		return nil
	}
	if is, ok := now.Sys().(*syscall.Stat_t); !ok || is.Uid != was.Uid {
		special &^= fs.ModeSetuid
	}
	if is, ok := now.Sys().(*syscall.Stat_t); !ok || is.Gid != was.Gid {
		special &^= fs.ModeSetgid
	}
	return f.Chmod(old.Mode().Perm() | special)
}

// canWrite asks the kernel whether the process may open path for
// writing: access(2) with W_OK (2 on every Unix), which judges by the
// mode, the owner, ACLs and a read-only mount as open(2) would.
func canWrite(path string) error { return syscall.Access(path, 2) }

// CleanupOnSignal makes SIGINT, SIGTERM, SIGHUP (the terminal or the
// ssh connection gone) and SIGQUIT (Ctrl-\) remove every temporary file
// before the process dies of the signal, as it would have without the
// handler (so a shell still sees "killed by SIGINT", and SIGQUIT still
// prints the Go runtime's goroutine dump and exits 2). SIGINT or SIGHUP
// the process was started with ignored stays ignored (nohup's SIGHUP, a
// background job's SIGINT): handling it would end a run its user asked to
// survive it. SIGTERM and SIGQUIT cannot be kept so: Go's runtime installs
// its handler for them before main and keeps the inherited SIG_IGN for
// SIGHUP and SIGINT alone, so signal.Ignored cannot see it (a Go program
// started with SIGTERM ignored dies of one); they end the run, cleaned up. Call it
// once, early in main; later calls do nothing. A SIGKILL cannot be
// caught; its temporary file is left, with a name (".film2ld-….tmp")
// that says what made it.
func CleanupOnSignal() {
	if !installed.CompareAndSwap(false, true) {
		return
	}
	if !signal.Ignored(syscall.SIGPIPE) {
		// A write to a pipe whose reader is gone then fails with EPIPE
		// instead of ending the process at once, so that GuardPipe can
		// clean up first. The signal itself, also raised by a write to a
		// triple store's connection that closed, is let go: the write's
		// error says it.
		pipes := make(chan os.Signal, 1)
		signal.Notify(pipes, syscall.SIGPIPE)
		go func() {
			for range pipes {
			}
		}()
		pipeHandled.Store(true)
	}
	var sigs []os.Signal
	for _, sig := range []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT} {
		if !signal.Ignored(sig) {
			sigs = append(sigs, sig)
		}
	}
	if len(sigs) == 0 {
		return
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, sigs...)
	go func() {
		sig := <-ch
		// The lock is kept to the end, so no new temporary file is
		// created (or renamed into place) after the clean-up.
		temps.Lock()
		removeTemps()
		signal.Reset(sig)
		syscall.Kill(os.Getpid(), sig.(syscall.Signal))
		// The default action ends the process; if the signal is ignored
		// by the parent's choice, end it the way a shell would report.
		time.Sleep(time.Second)
		os.Exit(128 + int(sig.(syscall.Signal)))
	}()
}

// pipeHandled is set once CleanupOnSignal catches SIGPIPE.
var pipeHandled atomic.Bool

// GuardPipe wraps f, standard output or error, so that a write that finds
// its reader gone (film2ld ... | head) removes every temporary file and
// ends the process by SIGPIPE, as Go's runtime ends it when nothing
// catches the signal, which left them behind: the copy of a large
// standard input, a batch's output half-written beside its -o file. Where
// SIGPIPE was ignored from the start, the write's EPIPE error is returned,
// as to any program.
func GuardPipe(f *os.File) io.Writer { return &pipeGuard{f} }

type pipeGuard struct{ f *os.File }

func (g *pipeGuard) Write(p []byte) (int, error) {
	n, err := g.f.Write(p)
	if err != nil && errors.Is(err, syscall.EPIPE) && pipeHandled.Load() {
		temps.Lock()
		removeTemps()
		signal.Reset(syscall.SIGPIPE)
		syscall.Kill(os.Getpid(), syscall.SIGPIPE)
		time.Sleep(time.Second)
		os.Exit(128 + int(syscall.SIGPIPE))
	}
	return n, err
}

// File returns the file g writes to.
func (g *pipeGuard) File() *os.File { return g.f }

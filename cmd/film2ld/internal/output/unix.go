//go:build unix

package output

import (
	"io/fs"
	"os"
	"os/signal"
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

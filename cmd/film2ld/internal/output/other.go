//go:build !unix

package output

import (
	"io"
	"io/fs"
	"os"
	"os/signal"
)

func keepOwner(*os.File, fs.FileInfo) {}

func keepSpecialBits(*os.File, fs.FileInfo) error { return nil }

// canWrite refuses a file whose mode has no write bit: on Windows, a
// file with the read-only attribute, which opening for writing refuses.
func canWrite(path string) error {
	st, err := os.Stat(path)
	if err == nil && st.Mode().Perm()&0o200 == 0 {
		return fs.ErrPermission
	}
	return err
}

// CleanupOnSignal makes an interrupt remove every temporary file before
// the process ends.
func CleanupOnSignal() {
	if !installed.CompareAndSwap(false, true) {
		return
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	go func() {
		<-ch
		temps.Lock()
		removeTemps()
		os.Exit(130)
	}()
}

// GuardPipe returns f: SIGPIPE is Unix's.
func GuardPipe(f *os.File) io.Writer { return f }

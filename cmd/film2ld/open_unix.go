//go:build unix

package main

import (
	"io/fs"
	"os"
	"syscall"
)

// openDocument opens a document for reading, as os.Open does, with the
// same errors. os.Open offers every file to the network poller: it puts
// the descriptor in non-blocking mode, fails to register a regular file
// with epoll, and puts it back, five system calls a document that were a
// tenth of a batch export's system calls (strace -c over 300 films: 2,334
// fcntl and 582 failed epoll_ctl for 580 documents). os.NewFile takes the
// descriptor as it is, with one fcntl; a document is read whole at once,
// so the poller has nothing to offer it (a FIFO blocks its thread while it
// waits, as reading standard input does).
func openDocument(name string) (*os.File, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return os.NewFile(uintptr(fd), name), nil
	}
}

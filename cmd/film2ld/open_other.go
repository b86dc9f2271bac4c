//go:build !unix

package main

import "os"

// openDocument opens a document for reading (see open_unix.go).
func openDocument(name string) (*os.File, error) { return os.Open(name) }

package main

import (
	"io"
	"os"
	"strings"
	"testing"
)

func TestZZRun(t *testing.T) {
	args := os.Getenv("ZZ_ARGS")
	if args == "" {
		t.Skip()
	}
	run(strings.Fields(args), nil, io.Discard, io.Discard)
}

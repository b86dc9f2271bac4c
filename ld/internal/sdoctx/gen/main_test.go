package main

import (
	"bytes"
	"os"
	"testing"
)

// TestCommittedTableIsGenerated fails when the committed table is not what
// the generator writes from the built-in context now: after a new
// schema.org release, or a change to the copy's context processing.
func TestCommittedTableIsGenerated(t *testing.T) {
	got, err := source()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../" + fileName)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("ld/internal/sdoctx/%s is not what the generator writes; run go generate ./ld/schemaorg", fileName)
	}
	if again, err := source(); err != nil || !bytes.Equal(again, got) {
		t.Errorf("a second run gives other bytes (%v)", err)
	}
}

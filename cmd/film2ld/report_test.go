package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSARIFURI pins how files become SARIF artifact URIs: relative and
// percent-encoded under the working folder, file:// outside it.
func TestSARIFURI(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(filepath.Dir(filepath.Dir(wd)), "öff site", "a#b.html")
	for in, want := range map[string]string{
		"page.html":                       "page.html",
		"./public/films/la strada.html":   "public/films/la%20strada.html",
		filepath.Join(wd, "x", "東京.html"): "x/%E6%9D%B1%E4%BA%AC.html",
		outside:                           "file://" + filepath.ToSlash(filepath.Dir(filepath.Dir(wd))) + "/%C3%B6ff%20site/a%23b.html",
		"<stdin>":                         "stdin",
	} {
		if got := sarifURI(in); got != want {
			t.Errorf("sarifURI(%q) = %q; want %q", in, got, want)
		}
	}
}

package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestCITestCommandIsREADMEs keeps the README's promise that CI runs exactly
// the test command the README shows on its first screen: .ci/run's last
// command and the README's first "go test" line must be the same command,
// with the race detector and the large tests turned on (largeTest:
// without the variable they would run nowhere).
func TestCITestCommandIsREADMEs(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	first := regexp.MustCompile(`(?m)^((?:[A-Z0-9_]+=\S* )*go test[^#\n]*?)\s*(#.*)?$`).FindSubmatch(readme)
	if first == nil {
		t.Fatal("README.md shows no go test command")
	}
	lines := strings.Split(strings.TrimSpace(string(ci)), "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	if want := string(first[1]); last != want {
		t.Errorf(".ci/run ends with %q, but the README's test command is %q", last, want)
	}
	if !strings.Contains(last, "-race") {
		t.Errorf("CI's test command %q runs without the race detector, so the concurrency tests cannot catch a race", last)
	}
	if !strings.HasPrefix(last, largeTestsVar+"=1 ") {
		t.Errorf("CI's test command %q does not set %s=1, so the large tests run nowhere", last, largeTestsVar)
	}
}

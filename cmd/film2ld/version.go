package main

import (
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
)

// buildVersion says which film2ld this is, from what the Go toolchain
// recorded in the binary, so that no version string in the source can go
// stale: the module version for `go install …@vX.Y.Z`, otherwise "(devel)"
// with the commit and whether the tree had uncommitted changes, as
// `go build` records them from a checkout.
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	return versionOf(info)
}

// versionOf is buildVersion for given build information, apart so that tests
// can feed it every shape the toolchain writes.
func versionOf(info *debug.BuildInfo) string {
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	// A tagged module version already names its commit; a pseudo-version
	// ends in it. Only a development build needs the revision spelled out.
	if v == "(devel)" && rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += " " + rev
		if modified == "true" {
			v += "+dirty"
		}
	}
	return v
}

// semverRe is Semantic Versioning 2.0's grammar, loosely: SARIF's
// semanticVersion must follow it, so a development build leaves it out.
// It is compiled on first use (only SARIF reports read it), not at init.
var semverRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^v?[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)
})

// semanticVersion returns the build's version in SemVer form without the
// leading "v", or "" when the build has none (a development build).
func semanticVersion(v string) string {
	if !semverRe().MatchString(v) {
		return ""
	}
	return strings.TrimPrefix(v, "v")
}

// printVersion writes what `film2ld --version` prints.
func (e *env) printVersion() int {
	return e.printText(fmt.Sprintf("film2ld %s\n", buildVersion()))
}

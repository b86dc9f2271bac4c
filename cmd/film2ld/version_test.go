package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionOf(t *testing.T) {
	rev := []debug.BuildSetting{{Key: "vcs.revision", Value: "0a6e5862f00dbeefcafe0123"}}
	dirty := append(rev[:1:1], debug.BuildSetting{Key: "vcs.modified", Value: "true"})
	for _, c := range []struct {
		name     string
		info     debug.BuildInfo
		want     string
		semantic string
	}{
		{"go install of a tag", debug.BuildInfo{Main: debug.Module{Version: "v1.4.2"}}, "v1.4.2", "1.4.2"},
		{"pseudo-version", debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202044900-0a6e5862f00d"}},
			"v0.0.0-20261202044900-0a6e5862f00d", "0.0.0-20261202044900-0a6e5862f00d"},
		{"checkout build", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: rev}, "(devel) 0a6e5862f00d", ""},
		{"dirty checkout", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: dirty}, "(devel) 0a6e5862f00d+dirty", ""},
		{"no information", debug.BuildInfo{}, "(devel)", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := versionOf(&c.info)
			if got != c.want {
				t.Errorf("versionOf = %q, want %q", got, c.want)
			}
			if s := semanticVersion(got); s != c.semantic {
				t.Errorf("semanticVersion(%q) = %q, want %q", got, s, c.semantic)
			}
		})
	}
}

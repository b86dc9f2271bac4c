//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// smallDocument is a three-line page snippet of a film of our own, the
// kind of document a CI job validates once per page.
const smallDocument = `{"@context": "https://schema.org", "@type": "Movie", "name": "The Lighthouse Keeper",
 "dateCreated": "2004-03-12", "director": {"@type": "Person", "name": "Ines Varga"},
 "image": "https://films.example/lighthouse-keeper.jpg"}
`

// BenchmarkProcess runs the built film2ld binary once per iteration and
// reports what one process costs: wall time (ms/op), CPU time, user and
// system (cpu-ms/op), and the peak resident size (maxrss-MB). Issue 15's
// targets: export of the samples ≤ 30 ms and ≤ 30 MB, validate of a small
// document ≤ 20 ms.
//
//	go test ./cmd/film2ld -run '^$' -bench Process -benchtime 20x
//	FILM2LD_BENCH_BIN=/tmp/old/film2ld go test ./cmd/film2ld -run '^$' -bench Process -benchtime 20x
func BenchmarkProcess(b *testing.B) {
	// The built command, as a user runs it: start-up costs (package init,
	// the schema.org context, the compiled JSON Schemas) only show in a
	// fresh process. FILM2LD_BENCH_BIN measures another build.
	bin := film2ldBinary(b)
	small := filepath.Join(b.TempDir(), "small.jsonld")
	if err := os.WriteFile(small, []byte(smallDocument), 0o644); err != nil {
		b.Fatal(err)
	}
	samples, err := filepath.Glob("../../testdata/samples/*.txt")
	if err != nil || len(samples) == 0 {
		b.Fatalf("no samples: %v", err)
	}
	cases := []struct {
		name string
		args []string
	}{
		// The floor: exec, runtime and package init, no work.
		{"version", []string{"--version"}},
		{"validate-small", []string{"validate", small}},
		{"export-samples", append([]string{"export", "-q"}, samples...)},
		{"export-samples-nquads", append([]string{"export", "-q", "-f", "nquads"}, samples...)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var cpu time.Duration
			var rss int64
			for b.Loop() {
				cmd := exec.Command(bin, c.args...)
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("film2ld %v: %v\n%s", c.args, err, out)
				}
				st := cmd.ProcessState
				cpu += st.UserTime() + st.SystemTime()
				if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
					rss = max(rss, ru.Maxrss) // kilobytes on Linux
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(rss)/1024, "maxrss-MB")
			b.ReportMetric(0, "ns/op")
		})
	}
}

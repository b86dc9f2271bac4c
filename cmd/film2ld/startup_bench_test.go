//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
// document ≤ 20 ms; "floor" is a program of the required libraries alone.
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
		bin  string
		args []string
	}{
		// The floor: a program that links the required libraries and
		// does nothing (floorSource), what no film2ld process can go
		// below on this machine.
		{"floor", floorBinary(b), nil},
		// film2ld's own floor: exec, runtime and package init, no work.
		{"version", bin, []string{"--version"}},
		{"validate-small", bin, []string{"validate", small}},
		{"export-samples", bin, append([]string{"export", "-q"}, samples...)},
		{"export-samples-nquads", bin, append([]string{"export", "-q", "-f", "nquads"}, samples...)},
	}
	peak := peakHelper(b)
	report := filepath.Join(b.TempDir(), "report")
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var wall, cpu time.Duration
			var rss int64
			for b.Loop() {
				cmd := exec.Command(peak, append([]string{report, c.bin}, c.args...)...)
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("film2ld %v: %v\n%s", c.args, err, out)
				}
				data, err := os.ReadFile(report)
				if err != nil {
					b.Fatal(err)
				}
				var w, u, s, kb int64
				if _, err := fmt.Sscan(string(data), &w, &u, &s, &kb); err != nil {
					b.Fatalf("report %q: %v", data, err)
				}
				wall += time.Duration(w) * time.Microsecond
				cpu += time.Duration(u+s) * time.Microsecond
				rss = max(rss, kb)
			}
			b.ReportMetric(float64(wall.Microseconds())/1000/float64(b.N), "ms/op")
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(rss)/1024, "maxrss-MB")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// peakSource is a tiny command that runs another and writes to a file
// its wall time, user and system CPU time (µs) and peak resident size
// (KB). The benchmark cannot take the peak from its own exec of film2ld:
// Linux counts, in the peak of a process started by fork or vfork and
// exec, the resident size of its parent at the fork, here the test binary
// (17 MB, more than film2ld's own peak). Started from this small
// process, film2ld's peak is its own.
const peakSource = `package main

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

func main() {
	cmd := exec.Command(os.Args[2], os.Args[3:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	st := cmd.ProcessState
	ru := st.SysUsage().(*syscall.Rusage)
	report := fmt.Sprintf("%d %d %d %d\n", wall.Microseconds(), st.UserTime().Microseconds(), st.SystemTime().Microseconds(), ru.Maxrss)
	if err := os.WriteFile(os.Args[1], []byte(report), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(st.ExitCode())
}
`

// peakHelper returns the helper built from peakSource, building it on
// first use.
func peakHelper(b testing.TB) string {
	b.Helper()
	peak.once.Do(func() {
		if peak.dir, peak.err = os.MkdirTemp("", "film2ld-peak-"); peak.err != nil {
			return
		}
		peak.path = filepath.Join(peak.dir, "peak")
		for name, text := range map[string]string{"main.go": peakSource, "go.mod": "module peak\n\ngo 1.24\n"} {
			if peak.err = os.WriteFile(filepath.Join(peak.dir, name), []byte(text), 0o644); peak.err != nil {
				return
			}
		}
		cmd := exec.Command("go", "build", "-o", peak.path, ".")
		cmd.Dir = peak.dir
		if out, err := cmd.CombinedOutput(); err != nil {
			peak.err = fmt.Errorf("go build the peak helper: %w\n%s", err, out)
		}
	})
	if peak.err != nil {
		b.Fatal(peak.err)
	}
	return peak.path
}

package lazyre_test

import (
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"

	// The packages that declare patterns, so CompileAll sees them.
	_ "github.com/film2ld/film2ld/mapping/encyclopedia"
	_ "github.com/film2ld/film2ld/mapping/internal/cast"
	_ "github.com/film2ld/film2ld/mapping/internal/text"
	_ "github.com/film2ld/film2ld/mapping/prize"
	_ "github.com/film2ld/film2ld/mapping/reviews"
)

// TestCompileAll compiles every mapper's pattern, which a process only
// does on first use.
func TestCompileAll(t *testing.T) {
	n, err := lazyre.CompileAll()
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Errorf("CompileAll saw %d patterns; the mappers declare about sixty", n)
	}
}

// TestSameAsRegexp checks each method against the compiled pattern, from
// many goroutines at once, as the mappers call them in a batch.
func TestSameAsRegexp(t *testing.T) {
	r := lazyre.New(`(\w+)@(\w+)`)
	in := "ann@a, bob@b and cy"
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			re := r.Regexp()
			if r.MatchString(in) != re.MatchString(in) || r.FindString(in) != "ann@a" ||
				strings.Join(r.FindStringSubmatch(in), " ") != "ann@a ann a" ||
				strings.Join(r.FindAllString(in, -1), " ") != "ann@a bob@b" ||
				len(r.FindAllStringSubmatch(in, -1)) != 2 ||
				r.ReplaceAllString(in, "$2") != "a, b and cy" ||
				strings.Join(r.Split(in, -1), "|") != "|, | and cy" ||
				r.FindStringIndex(in)[1] != 5 ||
				r.ReplaceAllStringFunc(in, strings.ToUpper) != "ANN@A, BOB@B and cy" {
				t.Error("a method differs from regexp's")
			}
		}()
	}
	wg.Wait()
	if _, err := lazyre.CompileAll(); err != nil {
		t.Fatal(err)
	}
	bad := lazyre.New(`(`)
	if _, err := lazyre.CompileAll(); err == nil {
		t.Error("CompileAll passed an unbalanced pattern")
	}
	_ = bad
}

// TestReplaceKeepsUnmatchedString checks that a replacement that matches
// nothing hands back the string itself, not a copy of it (which a
// mapper would keep for every review of a long page), and that one that
// matches still replaces.
func TestReplaceKeepsUnmatchedString(t *testing.T) {
	r := lazyre.New(`<(\w+)>`)
	// The pattern's literals are there, so its filter lets it through.
	src := strings.Repeat("1 < 2 and 3 > 2, no tag. ", 4)
	same := func(a, b string) bool { return len(a) == len(b) && unsafe.StringData(a) == unsafe.StringData(b) }
	if got := r.ReplaceAllString(src, ""); !same(got, src) {
		t.Error("ReplaceAllString copied a string it did not change")
	}
	if got := r.ReplaceAllStringFunc(src, strings.ToUpper); !same(got, src) {
		t.Error("ReplaceAllStringFunc copied a string it did not change")
	}
	if got := r.ReplaceAllString("a <b> c", "[$1]"); got != "a [b] c" {
		t.Errorf("ReplaceAllString = %q; want %q", got, "a [b] c")
	}
	if got := r.ReplaceAllStringFunc("a <b> c", strings.ToUpper); got != "a <B> c" {
		t.Errorf("ReplaceAllStringFunc = %q; want %q", got, "a <B> c")
	}
	if allocs := testing.AllocsPerRun(100, func() { r.ReplaceAllString(src, "") }); allocs != 0 && !raceDetector {
		t.Errorf("ReplaceAllString of an unmatched string allocated %.0f times", allocs)
	}
}

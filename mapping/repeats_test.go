package mapping_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
)

// TestRepeatedCastLines: a document whose cast lines each stand twice
// (pasted again, or listed in two places) maps to the same cast as the
// document without the copies, with one note that counts them, on every
// sample and test film that has a cast, whatever its kind and layout.
func TestRepeatedCastLines(t *testing.T) {
	paths := slices.Clone(samples)
	for _, dir := range filmDirs(t) {
		more, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		paths = append(paths, more...)
	}
	tried := 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		src, err := mapping.Map(bytes.NewReader(data), path, "")
		if err != nil || len(src.Film.Cast) == 0 {
			continue
		}
		// Each line that holds a part, once more right after it; on a
		// prize page, the paragraph that holds them (its lines are
		// joined, and the parts may stand on the lines below their
		// label), once more as a paragraph of its own.
		castLines := map[int]bool{}
		for _, c := range src.Film.Cast {
			castLines[c.Actor.Line] = true
		}
		lines := strings.SplitAfter(string(data), "\n")
		var doubled []string
		for i := 0; i < len(lines); i++ {
			l := lines[i]
			doubled = append(doubled, l)
			if !castLines[i+1] || !strings.HasSuffix(l, "\n") {
				continue
			}
			if src.Kind != film.Prize {
				doubled = append(doubled, l)
				continue
			}
			end := i + 1
			for end < len(lines) && strings.TrimSpace(lines[end]) != "" {
				end++
			}
			doubled = append(doubled, lines[i+1:end]...)
			doubled = append(doubled, "\n")
			doubled = append(doubled, lines[i:end]...)
			i = end - 1
		}
		got, err := mapping.Map(strings.NewReader(strings.Join(doubled, "")), path, src.Kind)
		if err != nil {
			t.Errorf("%s with its cast lines doubled: %v", path, err)
			continue
		}
		tried++
		if !slices.EqualFunc(got.Film.Cast, src.Film.Cast, sameCastMember) {
			t.Errorf("%s with its cast lines doubled: %d parts, want the %d of the document as it is", path, len(got.Film.Cast), len(src.Film.Cast))
		}
		notes := 0
		for _, n := range got.Notes {
			if strings.Contains(n.Message, "an earlier one word for word") {
				notes++
			}
		}
		if notes != 1 {
			t.Errorf("%s with its cast lines doubled: %d notes of repeated parts, want 1: %v", path, notes, got.Notes)
		}
	}
	if tried < 10 {
		t.Errorf("only %d documents with a cast tried", tried)
	}
}

// sameCastMember compares two parts but where they stand.
func sameCastMember(a, b film.CastMember) bool {
	return a.Actor.Value == b.Actor.Value && a.Character == b.Character &&
		a.Description() == b.Description() && slices.Equal(a.RoleNames(), b.RoleNames())
}

// TestMergeHoldsNotesOnce: Merge passes a mapper's notes on as they are,
// not formatted again: an article whose 200,000 actors were each noted
// (names with a digit in them) held every message twice, 37 of its 87 MB.
func TestMergeHoldsNotesOnce(t *testing.T) {
	src := &film.Source{Name: "article.txt", Kind: film.Encyclopedia, Digest: strings.Repeat("a", 64)}
	src.Film.Title = film.Text{Value: "Glass Harbour", Line: 1}
	for i := range 100 {
		src.Notes = append(src.Notes, film.Note{Line: i + 2, Message: fmt.Sprintf("actor \"Extra %d\" does not look like a person's name (it holds a digit); left out", i)})
	}
	f, err := mapping.Merge([]*film.Source{src}, mapping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	held := map[*byte]bool{}
	for _, n := range src.Notes {
		held[unsafe.StringData(n.Message)] = true
	}
	passed := 0
	for _, d := range f.Diagnostics {
		if d.Severity == mapping.Note && d.Name == "article.txt" {
			passed++
			if !held[unsafe.StringData(d.Message)] {
				t.Fatalf("note %q is a copy of the mapper's", d.Message)
			}
		}
	}
	if passed != len(src.Notes) {
		t.Errorf("%d notes passed on, want %d", passed, len(src.Notes))
	}
}

// TestRepeatedReviewsWarnedOnce: the first ten reviews a page repeats
// word for word are each a warning; the others are counted in one, so a
// page of thousands of copies does not print a line for each.
func TestRepeatedReviewsWarnedOnce(t *testing.T) {
	var b strings.Builder
	b.WriteString("Generally favorable reviews - based on 40 Critics\n\n")
	line := 3
	var copies []int
	for i := range 40 {
		fmt.Fprintf(&b, "  %d. Reviewed by: Ann Lee\n    Mar 1, 2011\n    The same words again.\n", i+1)
		if i > 0 {
			copies = append(copies, line+2) // the review's text
		}
		line += 3
	}
	src, err := mapping.Map(strings.NewReader(b.String()), "copies.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	f, err := mapping.Merge([]*film.Source{src}, mapping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var each, counted []mapping.Diagnostic
	for _, d := range f.Diagnostics {
		switch {
		case strings.Contains(d.Message, "review repeats the one at"):
			each = append(each, d)
		case strings.Contains(d.Message, "more reviews repeat earlier ones"):
			counted = append(counted, d)
		}
	}
	if len(f.Reviews) != 1 || len(each) != 10 || len(counted) != 1 {
		t.Fatalf("%d reviews, %d warnings of a copy each, %d counting; want 1, 10 and 1: %+v", len(f.Reviews), len(each), len(counted), f.Diagnostics)
	}
	want := fmt.Sprintf("29 more reviews repeat earlier ones word for word (lines %d, ", copies[10])
	if c := counted[0]; !strings.HasPrefix(c.Message, want) || c.Line != copies[10] || strings.Count(c.Message, ",") != 28 {
		t.Errorf("counting warning %+v; want it at line %d, starting %q and listing 29 lines", c, copies[10], want)
	}
}

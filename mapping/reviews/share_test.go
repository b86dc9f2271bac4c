package reviews

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/film2ld/film2ld/mapping/internal/text"
)

// TestReviewValuesShareTheDocument: a review's reviewer and publication
// are parts of the document's own lines even where the line had to be
// cleaned (a label's no-break space, doubled spaces), and the reviews of
// one day share one date string, so that a page of many reviews is not
// held twice over (the copies were 3 MB of a 50,000-review page).
func TestReviewValuesShareTheDocument(t *testing.T) {
	const nb = "\u00a0"
	page := "Generally favorable reviews - based on 3 Critics\n" +
		"  1. Reviewed by:" + nb + " Ann  Lee\n    Publication:" + nb + " The Daily Lamp\n    Jul 6, 2018\n    Warm.\n" +
		"  2. Reviewed by:" + nb + " Bo Chan\n    Publication: Harbour   Weekly\n    Jul 6, 2018\n    Fine.\n" +
		"  3. Reviewed by:" + nb + " Cy Dahl\n    Jul 7, 2018\n    Good.\n"
	doc, err := text.Read(strings.NewReader(page), "reviews.txt")
	if err != nil {
		t.Fatal(err)
	}
	src, err := FromDoc(doc)
	if err != nil {
		t.Fatal(err)
	}
	inDoc := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		for _, l := range doc.Lines {
			start := uintptr(unsafe.Pointer(unsafe.StringData(l)))
			if len(l) > 0 && p >= start && p+uintptr(len(s)) <= start+uintptr(len(l)) {
				return true
			}
		}
		return false
	}
	rvs := src.Film.Reviews
	if len(rvs) != 3 {
		t.Fatalf("%d reviews, want 3", len(rvs))
	}
	checked := 0
	for i, rv := range rvs {
		for what, v := range map[string]string{"reviewer": rv.Author.Value, "publication": rv.Publisher.Value} {
			if v == "" {
				continue
			}
			checked++
			// A value with doubled spaces is cleaned, so a copy; the rest
			// are the document's.
			if strings.Contains(v, "  ") || v == "Ann Lee" || v == "Harbour Weekly" {
				continue
			}
			if !inDoc(v) {
				t.Errorf("review %d: %s %q is a copy, not a part of the document's line", i+1, what, v)
			}
		}
	}
	if checked != 5 {
		t.Errorf("%d reviewers and publications, want 5: %+v", checked, rvs)
	}
	if unsafe.StringData(rvs[0].Date.Value) != unsafe.StringData(rvs[1].Date.Value) || rvs[0].Date.Value != "2018-07-06" {
		t.Errorf("the reviews of %s do not share their date string", rvs[0].Date.Value)
	}
}

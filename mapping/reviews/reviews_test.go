package reviews

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// A page with stated scores and a repeated band label layout.
func TestStatedScores(t *testing.T) {
	page := "72\nGenerally favorable reviews - based on 1,204 Critics\n" +
		"Critic score distribution:\n  1. Positive: 1,000 out of 1,204\n  2. Mixed: 200 out of 1,204\n  3. Negative: 4 out of 1,204\n" +
		"User Score\n\n6.1\n\nMixed or average reviews- based on 30 Ratings\n" +
		"  1. Reviewed by:\u00a0 someone\n    Jan 2, 2020\n    Two lines\n    of text. Full Review »"
	src, err := Parse(strings.NewReader(page), "r.txt")
	if err != nil {
		t.Fatal(err)
	}
	c, u := src.Film.Critics, src.Film.Users
	if c.Score.Value != 72 || c.Count.Value != 1204 || len(c.Buckets) != 3 || c.Buckets[0].Count.Value != 1000 {
		t.Errorf("critics %+v", c)
	}
	if u.Score.Value != 6.1 || u.Count.Value != 30 || u.Verdict.Value != "Mixed or average reviews" {
		t.Errorf("users %+v", u)
	}
	if len(src.Notes) != 0 {
		t.Errorf("notes %v", src.Notes)
	}
	rv := src.Film.Reviews
	if len(rv) != 1 || rv[0].Critic || rv[0].Author.Value != "someone" || rv[0].Body.Value != "Two lines\nof text." {
		t.Errorf("reviews %+v", rv)
	}
}

// A count's commas group its thousands: one that does not ("1,2", a
// decimal comma or a slip) is no count, refused at its line, where it
// was read as 12; grouped and plain counts are read.
func TestCountGrouping(t *testing.T) {
	for count, want := range map[string]float64{"1,204": 1204, "1204": 1204, "12,345,678": 12345678, "1,2": 0, "1,,2": 0, ",5": 0, "5,": 0, "1,23,4567": 0, "1234,567": 0} {
		page := "72\nGenerally favorable reviews - based on " + count + " Critics\n"
		src, err := Parse(strings.NewReader(page), "r.txt")
		switch {
		case want == 0 && (err == nil || !strings.Contains(err.Error(), "r.txt:2") || !strings.Contains(err.Error(), "is not a count")):
			t.Errorf("%q: %v, count %v", count, err, src)
		case want != 0 && (err != nil || src.Film.Critics.Count.Value != want):
			t.Errorf("%q: %v, want %g", count, err, want)
		}
	}
}

// Two bands missing: nothing can be derived, and the page says so.
func TestUnderivableBands(t *testing.T) {
	page := "Mixed - based on 5 Critics\nCritic score distribution:\n  1. Positive: 2 out of 5\n"
	src, err := Parse(strings.NewReader(page), "r.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Film.Critics.Buckets) != 1 {
		t.Errorf("buckets %+v", src.Film.Critics.Buckets)
	}
	if len(src.Notes) != 1 || !strings.Contains(src.Notes[0].Message, "adds up to 2 of 5") {
		t.Errorf("notes %+v", src.Notes)
	}
}

// TestManyReviews: a page with 50,000 reviews gives every one of them; there
// is no limit that would cut the page short.
func TestManyReviews(t *testing.T) {
	var b strings.Builder
	const n = 50000
	fmt.Fprintf(&b, "Good - based on %d Critics\n", n)
	for i := range n {
		fmt.Fprintf(&b, "  %d. Reviewed by:\u00a0 Critic %d\n    Mar 1, 2011\n    Review number %d.\n", i+1, i, i)
	}
	src, err := Parse(strings.NewReader(b.String()), "big.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(src.Film.Reviews); got != n {
		t.Fatalf("%d reviews; want %d", got, n)
	}
	if last := src.Film.Reviews[n-1]; last.Body.Value != "Review number 49999." || last.Body.Line != 3*n+1 {
		t.Errorf("last review %+v", last)
	}
	// The parser gathers reviews in lists of reviewChunk and joins them:
	// every review in page order, across the joins, and no room to spare
	// (a list grown by append would hold up to a quarter more).
	for i, rv := range src.Film.Reviews {
		if want := fmt.Sprintf("Review number %d.", i); rv.Body.Value != want {
			t.Fatalf("review %d: %q; want %q", i, rv.Body.Value, want)
		}
	}
	if c := cap(src.Film.Reviews); c != n {
		t.Errorf("room for %d reviews; want exactly %d", c, n)
	}
}

// longReviewPage is a page of one critic review whose text runs over n
// lines.
func longReviewPage(n int) string {
	var b strings.Builder
	b.WriteString("Generally favorable reviews - based on 1 Critics\n\n  1. Reviewed by: Ann Lee\n    Jun 2, 2015\n")
	for i := range n {
		fmt.Fprintf(&b, "    Line %d of a review that goes on.\n", i)
	}
	return b.String()
}

// TestLongReviewReadsLinearly: a review's text of many lines is read in
// memory (and so time) linear in its lines, all of them kept in order.
// Each line was appended to the text read so far: 4 MB of one review's
// lines took 206 s (audit 6).
func TestLongReviewReadsLinearly(t *testing.T) {
	allocated := func(n int) uint64 {
		page := longReviewPage(n)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		src, err := Parse(strings.NewReader(page), "long.txt")
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		if len(src.Film.Reviews) != 1 {
			t.Fatalf("%d lines: %d reviews; want 1", n, len(src.Film.Reviews))
		}
		body := src.Film.Reviews[0].Body
		lines := strings.Split(body.Value, "\n")
		if len(lines) != n || lines[0] != "Line 0 of a review that goes on." || lines[n-1] != fmt.Sprintf("Line %d of a review that goes on.", n-1) || body.Line != 5 {
			t.Fatalf("%d lines: the review's text has %d lines, from line %d, first %q, last %q", n, len(lines), body.Line, lines[0], lines[len(lines)-1])
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(4000), allocated(16000)
	// Four times the lines: about four times the memory; quadratic
	// reading allocates sixteen times.
	if ratio := float64(large) / float64(small); ratio > 6 {
		t.Errorf("4,000 lines allocated %d bytes, 16,000 lines %d: %.1f times; want about 4", small, large, ratio)
	}
}

// A review's date no calendar has ("Feb 30, 2020") is still its date's
// line: the date is left out with a note, and the publication and critic
// above it stay theirs, where the three went into the review's text.
func TestImpossibleReviewDate(t *testing.T) {
	for _, date := range []string{"Feb 30, 2020", "Mar 32, 2020", "31/04/2019"} {
		page := "Good - based on 1 Critics\n  1. 80\n    Rhine Valley Film Review\n    Katrin Wölfel\n    " + date + "\n    A patient chamber piece.\n"
		src, err := Parse(strings.NewReader(page), "r.txt")
		if err != nil {
			t.Fatal(err)
		}
		rv := src.Film.Reviews
		if len(rv) != 1 || rv[0].Author.Value != "Katrin Wölfel" || rv[0].Publisher.Value != "Rhine Valley Film Review" || rv[0].Date.Value != "" || rv[0].Body.Value != "A patient chamber piece." {
			t.Errorf("%s: reviews %+v", date, rv)
		}
		if len(src.Notes) != 1 || src.Notes[0].Line != 5 || !strings.Contains(src.Notes[0].Message, "is no calendar date; left out") {
			t.Errorf("%s: notes %+v", date, src.Notes)
		}
	}
}

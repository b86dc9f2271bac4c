package schemas

import (
	"fmt"
	"strings"
	"testing"
)

// movieWith wraps Movie properties in a document that is otherwise valid
// for the google rules (name, image, the recommended properties).
func movieWith(props string) string {
	return `{"@context": "https://schema.org", "@type": "Movie", "@id": "https://films.example/heat",
 "name": "Heat", "image": "https://films.example/heat.jpg", "dateCreated": "1995",
 "director": {"@type": "Person", "name": "Michael Mann"}` + props + `}`
}

const goodAggregate = `, "aggregateRating": {"@type": "AggregateRating", "ratingValue": 4.2, "ratingCount": 120}`
const goodReview = `, "review": {"@type": "Review", "author": {"@type": "Person", "name": "Ann Critic"}, "datePublished": "1995-12-15", "reviewBody": "Tense."}`

func TestGoogleRules(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		// want is "" for no google finding, else "rule line:col property":
		// the line and column of the value at fault, or of the node's
		// opening brace when a property is missing.
		want string
	}{
		{"complete movie", movieWith(goodAggregate + goodReview), ""},
		{"movie without name", strings.Replace(movieWith(goodAggregate+goodReview), `"name": "Heat", `, "", 1), "google.movie.name 1:1 "},
		{"review without author", movieWith(goodAggregate + `, "review": {"@type": "Review", "datePublished": "1995-12-15"}`), "google.review.author 3:158 "},
		{"review author as text", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": "Ann", "datePublished": "1995-12-15"}`), "google.review.author 3:188 author"},
		{"review author without name", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Person"}, "datePublished": "1995-12-15"}`), "google.review.author-name 3:188 author"},
		// Audit 18: a trailer of a name alone passed.
		{"trailer without thumbnail and upload date", movieWith(goodAggregate + goodReview + `, "trailer": {"@type": "VideoObject", "name": "Trailer"}`), "google.video.required 3:298 "},
		{"trailer with what video results require", movieWith(goodAggregate + goodReview + `, "trailer": {"@type": "VideoObject", "name": "Trailer", "thumbnailUrl": "https://example.com/t.jpg", "uploadDate": "2024-01-05"}`), ""},
		{"review author's name a web address", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Person", "name": "https://twitter.com/critic"}, "datePublished": "1995-12-15"}`), "google.review.author-name 3:188 author"},
		{"review author's name an e-mail address", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Person", "name": "critic@example.com"}, "datePublished": "1995-12-15"}`), "google.review.author-name 3:188 author"},
		{"review author's name without its scheme", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Organization", "name": "www.example.com"}, "datePublished": "1995-12-15"}`), "google.review.author-name 3:188 author"},
		{"review author named with a handle", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Person", "name": "@critic"}, "datePublished": "1995-12-15"}`), ""},
		{"review author name too long", movieWith(goodAggregate + fmt.Sprintf(`, "review": {"@type": "Review", "author": {"@type": "Person", "name": %q}, "datePublished": "1995-12-15"}`, strings.Repeat("x", 100))), "google.review.author-name 3:188 author"},
		{"review without date or rating", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Person", "name": "Ann"}}`), "google.review.rating 3:158 "},
		{"review with rating, no date", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "reviewRating": {"@type": "Rating", "ratingValue": 4}}`), "google.review.date 3:158 "},
		{"rating without value", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "datePublished": "1995-12-15", "reviewRating": {"@type": "Rating", "bestRating": 10}}`), "google.rating.value 3:271 "},
		{"rating out of default range", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "datePublished": "1995-12-15", "reviewRating": {"@type": "Rating", "ratingValue": 8}}`), "google.rating.range 3:306 ratingValue"},
		{"rating in stated range", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "datePublished": "1995-12-15", "reviewRating": {"@type": "Rating", "ratingValue": 8, "bestRating": 10}}`), ""},
		{"aggregate without value", movieWith(goodReview + `, "aggregateRating": {"@type": "AggregateRating", "reviewCount": 5}`), "google.aggregate.value 3:217 "},
		{"aggregate without count", movieWith(goodReview + `, "aggregateRating": {"@type": "AggregateRating", "ratingValue": 3}`), "google.aggregate.count 3:217 "},
		{"aggregate out of range", movieWith(goodReview + `, "aggregateRating": {"@type": "AggregateRating", "ratingValue": 81, "reviewCount": 5}`), "google.rating.range 3:261 ratingValue"},
		// A count not above 0 beside an average: "must be positive", as
		// Google's test says; a count of 0 without a score is the
		// missing score's finding alone.
		{"aggregate of no ratings", movieWith(goodReview + `, "aggregateRating": {"@type": "AggregateRating", "ratingValue": 8.8, "bestRating": 10, "ratingCount": "0"}`), "google.aggregate.count 3:299 ratingCount"},
		{"aggregate of negative reviews", movieWith(goodReview + `, "aggregateRating": {"@type": "AggregateRating", "ratingValue": 4, "ratingCount": 9, "reviewCount": -1}`), "google.aggregate.count 3:297 reviewCount"},
		{"aggregate of no score and no ratings", movieWith(goodReview + `, "aggregateRating": {"@type": "AggregateRating", "ratingCount": 0}`), "google.aggregate.value 3:217 "},
		{"aggregate scale stated", movieWith(goodReview + `, "aggregateRating": {"@type": "AggregateRating", "ratingValue": 81, "bestRating": 100, "reviewCount": 5}`), ""},
		{"top-level review without itemReviewed", `{"@context": "https://schema.org", "@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "datePublished": "1995-12-15"}`, "google.review.item-reviewed 1:1 "},
		{"top-level review of a nameless item", `{"@context": "https://schema.org", "@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "datePublished": "1995-12-15", "itemReviewed": {"@type": "Movie"}}`, "google.item-name 1:148 itemReviewed"},
		{"top-level aggregate of a named item", `{"@context": "https://schema.org", "@type": "AggregateRating", "ratingValue": 4, "ratingCount": 9, "itemReviewed": {"@type": "Movie", "name": "Heat"}}`, ""},
		{"review pointing at the movie by @id", `{"@context": "https://schema.org", "@graph": [` + movieWith(goodAggregate+goodReview) + `,
 {"@type": "Review", "author": {"@type": "Person", "name": "Bo"}, "datePublished": "1996-01-02", "itemReviewed": {"@id": "https://films.example/heat"}}]}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Load([]byte(tt.doc), "t.jsonld")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range checkGoogle(g) {
				got = append(got, fmt.Sprintf("%s %d:%d %s", f.Rule, f.Pos.Line, f.Pos.Col, f.Property))
			}
			want := []string{}
			if tt.want != "" {
				want = []string{tt.want}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("findings %q; want %q", got, want)
			}
		})
	}
}

func TestGoogleMovieAdvice(t *testing.T) {
	g, err := Load([]byte(`{"@context": "https://schema.org", "@type": "Movie", "name": "Heat"}`), "t.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	var rules []string
	for _, f := range checkGoogle(g) {
		if f.Severity != Warning {
			t.Errorf("%v is not a warning", f)
		}
		rules = append(rules, f.Rule+" "+f.Message)
	}
	want := []string{
		"google.movie.image a Movie without an image cannot appear in the movie carousel",
		`google.movie.recommended recommended property "aggregateRating" is missing`,
		`google.movie.recommended recommended property "dateCreated" is missing`,
		`google.movie.recommended recommended property "director" is missing`,
		`google.movie.recommended recommended property "review" is missing`,
	}
	if fmt.Sprint(rules) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", rules, want)
	}
	// In a carousel list the image is required.
	g, _ = Load([]byte(`{"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [{"@type": "ListItem", "position": 1, "item": {"@type": "Movie", "name": "Heat"}}]}`), "t.jsonld")
	for _, f := range checkGoogle(g) {
		if f.Rule == "google.movie.image" && f.Severity != Error {
			t.Errorf("image in a carousel: %v", f)
		}
	}
}

func TestThirdPartyReview(t *testing.T) {
	doc := movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "datePublished": "1995-12-15", "url": "https://reviews.example/heat/ann"}`)
	g, err := Load([]byte(doc), "t.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	if fs := checkGoogle(g); len(fs) != 0 {
		t.Errorf("no page URL, yet %v", fs)
	}
	g.PageURL = "https://www.films.example/heat"
	fs := checkGoogle(g)
	if len(fs) != 1 || fs[0].Rule != "google.review.third-party" || fs[0].Severity != Warning || !strings.Contains(fs[0].Message, "reviews.example") {
		t.Errorf("findings %v", fs)
	}
	g.PageURL = "https://reviews.example/heat"
	if fs := checkGoogle(g); len(fs) != 0 {
		t.Errorf("same site, yet %v", fs)
	}
}

func TestSnippet(t *testing.T) {
	doc := map[string]any{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
		"review": []any{
			map[string]any{"@type": "Review", "reviewBody": "no author"},
			map[string]any{"@type": "Review", "author": map[string]any{"@type": "Person", "name": "Ann"}, "datePublished": "1995-12-15"},
		},
		"aggregateRating": map[string]any{"@type": "AggregateRating", "reviewCount": 5.0},
	}
	g, dropped := SnippetFor(doc, "", SnippetOptions{})
	var rules []string
	for _, d := range dropped {
		rules = append(rules, d.Rule)
	}
	if fmt.Sprint(rules) != "[google.aggregate.value google.review.author]" {
		t.Errorf("dropped %v; want them in the order of a report", rules)
	}
	movie := g.Nodes[0]
	if movie.Prop("aggregateRating") != nil {
		t.Error("the AggregateRating without a value is still there")
	}
	if rs := movie.Values("review"); len(rs) != 1 || rs[0].Node.Values("datePublished")[0].Literal != "1995-12-15" {
		t.Errorf("review = %v; want only the review with an author", rs)
	}
	if fs := Validate(g, Google); HasErrors(fs) {
		t.Errorf("the snippet still has errors: %v", fs)
	}
	// The document itself is not edited.
	if len(doc["review"].([]any)) != 2 || doc["aggregateRating"] == nil {
		t.Errorf("SnippetFor changed its document: %v", doc)
	}
}

// TestRatingValues: ratingValue as Google's review-snippet page says it is
// read (a number, a numeric string, a percentage, a fraction such as its
// own "6 / 10"), with the range check applied to what each means.
func TestRatingValues(t *testing.T) {
	tests := []struct {
		value, extra string
		want         string // "" or "rule: message part"
	}{
		{`4`, ``, ``},
		{`"4"`, ``, ``},
		{`" 4.5 "`, ``, ``},
		{`"60%"`, ``, ``},
		{`"60 %"`, ``, ``},
		{`"100%"`, ``, ``},
		{`"6 / 10"`, ``, ``},
		{`"6/10"`, ``, ``},
		{`"8.5 / 10"`, ``, ``},
		{`"81"`, `, "bestRating": "100"`, ``},
		{`8`, `, "bestRating": 10, "worstRating": 0`, ``},
		{`0`, `, "bestRating": 10, "worstRating": 0`, ``},
		{`8`, ``, `google.rating.range: ratingValue 8 is outside 1..5`},
		{`"8"`, ``, `google.rating.range: ratingValue "8" is outside 1..5`},
		{`0`, ``, `google.rating.range: ratingValue 0 is outside 1..5`},
		{`"0.5"`, `, "worstRating": "-0", "bestRating": "0.1"`, `google.rating.range: ratingValue "0.5" is outside 0..0.1 `},
		{`"-3"`, `, "worstRating": "-2", "bestRating": "2"`, `google.rating.range: ratingValue "-3" is outside -2..2 `},
		{`"7"`, `, "worstRating": "10", "bestRating": "5"`, `google.rating.range: worstRating 10 is above bestRating 5: the scale is upside down`},
		{`3`, `, "worstRating": 6`, `google.rating.range: worstRating 6 is above bestRating 5`},
		{`"120%"`, ``, `google.rating.range: ratingValue "120%" is outside 0%..100%`},
		{`"11 / 10"`, ``, `google.rating.range: ratingValue "11 / 10" is more than its scale`},
		{`"6 / 0"`, ``, `google.rating.value: ratingValue "6 / 0" is a fraction over zero`},
		{`"4,5"`, ``, `google.rating.value: ratingValue "4,5" uses a comma for the decimal point`},
		{`"4,25"`, ``, `google.rating.value: ratingValue "4,25" uses a comma for the decimal point`},
		{`"1,000"`, `, "bestRating": "1000"`, `google.rating.value: ratingValue "1,000" has a comma (a thousands separator or a decimal comma)`},
		{`"4,500"`, `, "bestRating": 5`, `google.rating.value: ratingValue "4,500" has a comma (a thousands separator or a decimal comma)`},
		{`"12,5000"`, `, "bestRating": 20`, `google.rating.value: ratingValue "12,5000" uses a comma for the decimal point`},
		{`"four stars"`, ``, `google.rating.value: ratingValue "four stars" is not a number, a percentage or a fraction`},
		{`true`, ``, `google.rating.value: ratingValue the boolean true is not a number`},
	}
	for _, tt := range tests {
		doc := movieWith(goodReview + `, "aggregateRating": {"@type": "AggregateRating", "ratingValue": ` + tt.value + tt.extra + `, "ratingCount": 12}`)
		g, err := Load([]byte(doc), "t.jsonld")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range checkGoogle(g) {
			got = append(got, f.Rule+": "+f.Message)
		}
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("ratingValue %s%s: unexpected %q", tt.value, tt.extra, got)
		case tt.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], tt.want)):
			t.Errorf("ratingValue %s%s: got %q; want %q", tt.value, tt.extra, got, tt.want)
		}
	}
}

// TestFeatureScope: each rule applies to the feature it belongs to. A
// fact check is no review snippet, an employer rating has its own page, a
// review of an item type Google lists no snippet for gets a note, and a
// Rating that is no review's rating (a content rating) is not stars.
func TestFeatureScope(t *testing.T) {
	const ctx = `"@context": "https://schema.org", `
	tests := []struct {
		name, doc string
		want      []string // rule and severity of every google finding
	}{
		{"fact check, complete", `{` + ctx + `"@type": "ClaimReview", "url": "https://example.com/news/science/worldisflat.html",
 "claimReviewed": "The world is flat", "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Square World Society"}},
 "author": {"@type": "Organization", "name": "Example.com science watch"}, "datePublished": "2014-07-23",
 "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "False"}}`, nil},
		{"fact check with a textual verdict only", `{` + ctx + `"@type": "ClaimReview", "url": "https://example.com/fc", "claimReviewed": "x",
 "author": {"@type": "Organization", "name": "FC"}, "datePublished": "2020-01-01", "itemReviewed": {"@type": "Claim"},
 "reviewRating": {"@type": "Rating", "alternateName": "Mostly false"}}`, nil},
		{"fact check without verdict or url", `{` + ctx + `"@type": "ClaimReview", "claimReviewed": "x", "author": {"@type": "Organization", "name": "FC"},
 "datePublished": "2020-01-01", "itemReviewed": {"@type": "Claim"}, "reviewRating": {"@type": "Rating", "ratingValue": "false"}}`,
			[]string{"error google.factcheck.required", "error google.factcheck.rating", "error google.factcheck.rating"}},
		{"fact check as Google's page writes it: no datePublished, which the page lists under the Claim", `{` + ctx + `"@type": "ClaimReview",
 "url": "https://example.com/news/science/worldisflat.html", "claimReviewed": "The world is flat",
 "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Square World Society"}, "datePublished": "2024-06-20"},
 "author": {"@type": "Organization", "name": "Example.com science watch"},
 "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "False"}}`, nil},
		{"fact check without its recommended author and claim", `{` + ctx + `"@type": "ClaimReview", "url": "https://example.com/fc", "claimReviewed": "x",
 "datePublished": "2020-01-01", "reviewRating": {"@type": "Rating", "alternateName": "False"}}`,
			[]string{"warning google.factcheck.recommended", "warning google.factcheck.recommended"}},
		{"employer rating", `{` + ctx + `"@type": "EmployerAggregateRating", "itemReviewed": {"@type": "Organization", "name": "World's Best Coffee Shop"},
 "ratingValue": "91", "bestRating": "100", "worstRating": "1", "ratingCount": "10561"}`, nil},
		{"employer rating as a percentage, no count", `{` + ctx + `"@type": "EmployerAggregateRating", "itemReviewed": {"@type": "Organization", "name": "Shop"},
 "ratingValue": "91%"}`, []string{"error google.employer.required"}},
		{"review of a place", `{` + ctx + `"@type": "Review", "itemReviewed": {"@type": "Place", "name": "Old Town"}, "reviewBody": "Fine."}`,
			[]string{"note google.review.item-type"}},
		{"review of a TV series (a CreativeWorkSeries)", `{` + ctx + `"@type": "Review", "itemReviewed": {"@type": "TVSeries", "name": "Twin Peaks"}}`,
			[]string{"error google.review.author", "warning google.review.date"}},
		{"content rating is not stars", movieWith(goodAggregate + goodReview + `, "contentRating": {"@type": "Rating", "ratingValue": "R"}`), nil},
	}
	for _, tt := range tests {
		g, err := Load([]byte(tt.doc), "t.jsonld")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range sortFindings(checkGoogle(g)) {
			got = append(got, string(f.Severity)+" "+f.Rule)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: got %q; want %q", tt.name, got, tt.want)
		}
	}
}

// TestMovieCarousel: an ItemList that lists a Movie is a movie carousel:
// each ListItem needs a position from 1 and a url or an item, and every
// item is a Movie. Lists of no Movie (a summary page's URLs, books,
// breadcrumbs) are other lists, not checked.
func TestMovieCarousel(t *testing.T) {
	movie := func(name string) string {
		return `{"@type": "Movie", "name": "` + name + `", "image": "https://films.example/` + name + `.jpg", "dateCreated": "2001", "director": {"@type": "Person", "name": "D"}` + goodAggregate + goodReview + `}`
	}
	list := func(typ string, items ...string) string {
		return `{"@context": "https://schema.org", "@type": "` + typ + `", "itemListElement": [` + strings.Join(items, ", ") + `]}`
	}
	for _, tt := range []struct {
		name, doc string
		want      []string // "rule property"
	}{
		{"all-in-one page", list("ItemList", `{"@type": "ListItem", "position": 1, "item": `+movie("a")+`}`, `{"@type": "ListItem", "position": "2", "item": `+movie("b")+`}`), nil},
		{"summary page with a Movie", list("ItemList", `{"@type": "ListItem", "position": 1, "url": "https://films.example/a", "item": `+movie("a")+`}`, `{"@type": "ListItem", "position": 2, "url": "https://films.example/b"}`), nil},
		{"no position", list("ItemList", `{"@type": "ListItem", "item": `+movie("a")+`}`), []string{"google.carousel.item "}},
		{"position not from 1", list("ItemList", `{"@type": "ListItem", "position": 0, "item": `+movie("a")+`}`, `{"@type": "ListItem", "position": 1.5, "item": `+movie("b")+`}`, `{"@type": "ListItem", "position": "three", "item": `+movie("c")+`}`),
			[]string{"google.carousel.item position", "google.carousel.item position", "google.carousel.item position"}},
		{"neither url nor item", list("ItemList", `{"@type": "ListItem", "position": 1, "item": `+movie("a")+`}`, `{"@type": "ListItem", "position": 2}`), []string{"google.carousel.item "}},
		{"a series among Movies", list("ItemList", `{"@type": "ListItem", "position": 1, "item": `+movie("a")+`}`, `{"@type": "ListItem", "position": 2, "item": {"@type": "TVSeries", "name": "S"}}`), []string{"google.carousel.type "}},
		{"Movies listed directly, with a Book", list("ItemList", movie("a"), `{"@type": "Book", "name": "B"}`), []string{"google.carousel.type "}},
		{"summary page of URLs alone", list("ItemList", `{"@type": "ListItem", "position": 1, "url": "https://films.example/a"}`, `{"@type": "ListItem", "url": "https://films.example/b"}`), nil},
		{"a list of books", list("ItemList", `{"@type": "ListItem", "item": {"@type": "Book", "name": "B"}}`), nil},
		{"breadcrumbs", list("BreadcrumbList", `{"@type": "ListItem", "item": `+movie("a")+`}`), nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Load([]byte(tt.doc), "t.jsonld")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range checkGoogle(g) {
				if strings.HasPrefix(f.Rule, "google.carousel.") {
					got = append(got, f.Rule+" "+f.Property)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("carousel findings %q; want %q", got, tt.want)
			}
		})
	}
}

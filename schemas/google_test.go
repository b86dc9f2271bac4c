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
		{"review author name too long", movieWith(goodAggregate + fmt.Sprintf(`, "review": {"@type": "Review", "author": {"@type": "Person", "name": %q}, "datePublished": "1995-12-15"}`, strings.Repeat("x", 100))), "google.review.author-name 3:188 author"},
		{"review without date or rating", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Person", "name": "Ann"}}`), "google.review.rating 3:158 "},
		{"review with rating, no date", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "reviewRating": {"@type": "Rating", "ratingValue": 4}}`), "google.review.date 3:158 "},
		{"rating without value", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "datePublished": "1995-12-15", "reviewRating": {"@type": "Rating", "bestRating": 10}}`), "google.rating.value 3:271 "},
		{"rating out of default range", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "datePublished": "1995-12-15", "reviewRating": {"@type": "Rating", "ratingValue": 8}}`), "google.rating.range 3:306 ratingValue"},
		{"rating in stated range", movieWith(goodAggregate + `, "review": {"@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "datePublished": "1995-12-15", "reviewRating": {"@type": "Rating", "ratingValue": 8, "bestRating": 10}}`), ""},
		{"aggregate without value", movieWith(goodReview + `, "aggregateRating": {"@type": "AggregateRating", "reviewCount": 5}`), "google.aggregate.value 3:217 "},
		{"aggregate without count", movieWith(goodReview + `, "aggregateRating": {"@type": "AggregateRating", "ratingValue": 3}`), "google.aggregate.count 3:217 "},
		{"aggregate out of range", movieWith(goodReview + `, "aggregateRating": {"@type": "AggregateRating", "ratingValue": 81, "reviewCount": 5}`), "google.rating.range 3:261 ratingValue"},
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
	dropped := Snippet(doc, "")
	var rules []string
	for _, d := range dropped {
		rules = append(rules, d.Rule)
	}
	if fmt.Sprint(rules) != "[google.review.author google.aggregate.value]" && fmt.Sprint(rules) != "[google.aggregate.value google.review.author]" {
		t.Errorf("dropped %v", rules)
	}
	if _, ok := doc["aggregateRating"]; ok {
		t.Error("the AggregateRating without a value is still there")
	}
	if r, ok := doc["review"].(map[string]any); !ok || r["datePublished"] != "1995-12-15" {
		t.Errorf("review = %v; want only the review with an author", doc["review"])
	}
	if fs := Validate(FromDoc(doc, ""), Google); HasErrors(fs) {
		t.Errorf("the snippet still has errors: %v", fs)
	}
}

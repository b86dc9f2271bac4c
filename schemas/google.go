package schemas

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The rules below follow Google Search Central's structured data pages for
// the movie carousel and review snippets (Review, AggregateRating): the
// properties they call required are errors, the recommended ones warnings.

// maxAuthorName is Google's limit on a review author's name.
const maxAuthorName = 100

// googleChecker holds the findings of one run.
type googleChecker struct {
	out     []Finding
	pageURL *url.URL
}

func (c *googleChecker) add(sev Severity, rule string, n *Node, prop, msg, fix string) {
	pos := n.Pos
	if prop != "" {
		pos = n.PropPos(prop)
	}
	c.out = append(c.out, Finding{Severity: sev, Rule: rule, Node: n.Describe(), Property: prop, Message: msg, Fix: fix, Pos: pos, node: n})
}

// checkGoogle applies the search-engine rules to every Movie, Review,
// Rating and AggregateRating.
func checkGoogle(g *Graph) []Finding {
	c := &googleChecker{}
	if g.PageURL != "" {
		c.pageURL, _ = url.Parse(g.PageURL)
	}
	for _, n := range g.Nodes {
		if !n.Described {
			continue
		}
		switch {
		case n.Is("Movie"):
			// Movie rich results are for Movies a page is about (or lists);
			// a Movie that is only the item of a review or an event's
			// work is checked by the rules of that node.
			if n.TopLevel || nestedUnder(n, "item", "itemListElement") {
				c.movie(n)
			}
		case n.Is("AggregateRating"):
			c.aggregateRating(n)
		case n.Is("Review"):
			c.review(n)
		case n.Is("Rating"):
			// A review checks its own rating.
			if !nestedUnder(n, "reviewRating") {
				c.rating(n)
			}
		}
	}
	return c.out
}

// nestedUnder reports whether another node refers to n by one of props, so
// that the item it reviews is that node.
func nestedUnder(n *Node, props ...string) bool {
	for _, e := range n.Parents {
		for _, p := range props {
			if e.Property == p {
				return true
			}
		}
	}
	return false
}

func (c *googleChecker) movie(n *Node) {
	if n.Name() == "" {
		c.add(Error, "google.movie.name", n, "", "a Movie needs a name", `add "name" with the film's title`)
	}
	if _, ok := n.First("image"); !ok {
		// The movie carousel requires an image; a Movie outside a list is
		// not a carousel item, so there it is only advice.
		if nestedUnder(n, "item", "itemListElement") {
			c.add(Error, "google.movie.image", n, "", "a Movie in a carousel list needs an image", `add "image" with a poster URL (6:9)`)
		} else {
			c.add(Warning, "google.movie.image", n, "", "a Movie without an image cannot appear in the movie carousel", `add "image" with a poster URL (6:9)`)
		}
	}
	for _, p := range []string{"aggregateRating", "dateCreated", "director", "review"} {
		if _, ok := n.First(p); !ok && !reviewedBy(n, p) {
			c.add(Warning, "google.movie.recommended", n, "", fmt.Sprintf("recommended property %q is missing", p), fmt.Sprintf("add %q if a source states it", p))
		}
	}
}

// reviewedBy reports whether a Review (for prop "review") or an
// AggregateRating (for "aggregateRating") names n as its itemReviewed: the
// same statement written from the other end.
func reviewedBy(n *Node, prop string) bool {
	for _, e := range n.Parents {
		if e.Property == "itemReviewed" && (prop == "review" && e.From.Is("Review") || prop == "aggregateRating" && e.From.Is("AggregateRating")) {
			return true
		}
	}
	return false
}

func (c *googleChecker) review(n *Node) {
	author, hasAuthor := n.First("author")
	switch {
	case !hasAuthor:
		c.add(Error, "google.review.author", n, "", "a Review needs an author", `add "author" as a Person or Organization with a name`)
	case !author.IsNode("Person", "Organization"):
		c.add(Error, "google.review.author", n, "author", "the author must be a Person or Organization, not text", `write "author": {"@type": "Person", "name": …}`)
	default:
		name := author.Node.Name()
		switch {
		case name == "":
			c.add(Error, "google.review.author-name", n, "author", "the author has no name", `give the author a "name"`)
		case utf8.RuneCountInString(name) >= maxAuthorName:
			c.add(Error, "google.review.author-name", n, "author", fmt.Sprintf("the author's name has %d characters; Google takes under %d", utf8.RuneCountInString(name), maxAuthorName), "use the person's or organisation's name only")
		}
	}
	if !nestedUnder(n, "review", "reviews") {
		c.itemReviewed(n, "google.review.item-reviewed")
	}
	_, hasDate := n.First("datePublished")
	rating, hasRating := n.First("reviewRating")
	switch {
	case hasRating && rating.IsNode():
		c.rating(rating.Node)
	case hasRating:
		c.add(Error, "google.review.rating", n, "reviewRating", "reviewRating must be a Rating", `write "reviewRating": {"@type": "Rating", "ratingValue": …}`)
	case hasAuthor && !hasDate:
		// Google lets a review omit its rating only when it has both an
		// author and a date. (A review without an author is reported for
		// that alone: adding the author is the first fix.)
		c.add(Error, "google.review.rating", n, "", "a Review without a date needs a reviewRating", `add "reviewRating", or "datePublished"`)
	}
	if !hasDate && (hasRating || !hasAuthor) {
		// (Without a rating, the missing date is part of the rating error.)
		c.add(Warning, "google.review.date", n, "", "recommended property \"datePublished\" is missing", `add "datePublished" in ISO 8601`)
	}
	c.thirdParty(n)
}

// itemReviewed checks that a review or rating that is not nested in its
// item names the item.
func (c *googleChecker) itemReviewed(n *Node, rule string) {
	item, ok := n.First("itemReviewed")
	switch {
	case !ok:
		c.add(Error, rule, n, "", "a review or rating that is not nested in its item needs itemReviewed", `nest it under the item's "review"/"aggregateRating", or add "itemReviewed"`)
	case !item.IsNode():
		c.add(Error, rule, n, "itemReviewed", "itemReviewed must be a node with a type and a name", `write "itemReviewed": {"@type": "Movie", "name": …}`)
	case item.Node.Name() == "":
		c.add(Error, "google.item-name", n, "itemReviewed", "the reviewed item has no name", `give the item a "name"`)
	}
}

func (c *googleChecker) rating(n *Node) {
	v, ok := n.First("ratingValue")
	if !ok {
		c.add(Error, "google.rating.value", n, "", "a Rating needs a ratingValue", `add "ratingValue" as the page states it`)
		return
	}
	c.ratingRange(n, v)
}

func (c *googleChecker) aggregateRating(n *Node) {
	v, ok := n.First("ratingValue")
	if !ok {
		c.add(Error, "google.aggregate.value", n, "", "an AggregateRating needs a ratingValue (the average score)", `add "ratingValue", or leave the AggregateRating out`)
	} else {
		c.ratingRange(n, v)
	}
	_, hasRatings := n.First("ratingCount")
	_, hasReviews := n.First("reviewCount")
	if !hasRatings && !hasReviews {
		c.add(Error, "google.aggregate.count", n, "", "an AggregateRating needs ratingCount or reviewCount", `add "ratingCount" or "reviewCount"`)
	}
	if !nestedUnder(n, "aggregateRating") {
		c.itemReviewed(n, "google.aggregate.item-reviewed")
	}
	c.thirdParty(n)
}

// ratingRange checks ratingValue against worstRating and bestRating, which
// default to 1 and 5.
func (c *googleChecker) ratingRange(n *Node, v Value) {
	value, ok := number(v)
	if !ok {
		c.add(Error, "google.rating.value", n, "ratingValue", fmt.Sprintf("ratingValue %v is not a number", v.Literal), "write the score as a number")
		return
	}
	worst, best := 1.0, 5.0
	if w, ok := n.First("worstRating"); ok {
		if f, ok := number(w); ok {
			worst = f
		}
	}
	if b, ok := n.First("bestRating"); ok {
		if f, ok := number(b); ok {
			best = f
		}
	}
	if value < worst || value > best {
		c.add(Error, "google.rating.range", n, "ratingValue",
			fmt.Sprintf("ratingValue %g is outside %g..%g (worstRating..bestRating; the defaults are 1 and 5)", value, worst, best),
			`state the scale with "bestRating" and "worstRating"`)
	}
}

// thirdParty warns when a review or rating says it comes from another site
// than the page's: Google's guidelines do not allow marking up reviews
// collected elsewhere as the page's own.
func (c *googleChecker) thirdParty(n *Node) {
	if c.pageURL == nil || c.pageURL.Host == "" {
		return
	}
	for _, prop := range []string{"url", "publisher", "sourceOrganization"} {
		for _, v := range n.Props[prop] {
			s, ok := v.Text()
			if !ok && v.Node != nil {
				if u, found := v.Node.First("url"); found {
					s, ok = u.Text()
				}
			}
			u, err := url.Parse(s)
			if !ok || err != nil || u.Host == "" || sameSite(u.Host, c.pageURL.Host) {
				continue
			}
			c.add(Warning, "google.review.third-party", n, prop,
				fmt.Sprintf("the review comes from %s, not from this page's site %s", u.Host, c.pageURL.Host),
				"mark up only reviews your site collects itself")
			return
		}
	}
}

func sameSite(a, b string) bool {
	return strings.TrimPrefix(a, "www.") == strings.TrimPrefix(b, "www.")
}

// number reads a numeric literal, also when written as a string.
func number(v Value) (float64, bool) {
	switch x := v.Literal.(type) {
	case float64:
		return x, true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil
	}
	return 0, false
}

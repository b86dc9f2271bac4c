package mapping

import (
	"errors"
	"fmt"
	"net/url"
)

// Page is what the owner of the web page a snippet is published on knows
// about the film that the documents may not state: the page's address and
// the film's poster. These are facts from the command line, not from any
// document, so they go into the merged view only and never into a
// source's graph.
type Page struct {
	// URL is the address of the page the markup is for: the Movie's url.
	URL string
	// ID, when set, replaces the Movie's minted IRI (see MovieIRI).
	ID string
	// Image is the address of the film's poster or another image of it.
	Image string
	// Name is the film's title, for documents that do not state it (a
	// review page alone). A title a document states is kept.
	Name string
}

// ErrNotAbsolute means a Page address lacks a scheme and host.
var ErrNotAbsolute = errors.New("not an absolute http(s) URL")

// CheckURL accepts an absolute http or https URL, the only kind a search
// engine reads as a page or an image.
func CheckURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is %w", s, ErrNotAbsolute)
	}
	return nil
}

// MovieIRI is the IRI a page's Movie takes when the caller chose no base of
// its own: the page's address with the fragment "#movie", so that the film
// and the page about it stay two nodes (a page's own statements, such as
// its date, are not the film's).
func MovieIRI(pageURL string) string {
	u, err := url.Parse(pageURL)
	if err != nil || u.Fragment != "" {
		return pageURL
	}
	return pageURL + "#movie"
}

// SetPage adds the page owner's facts to the merged view (Doc, and the
// merged view inside Dataset). With p.ID set, the Movie is renamed
// everywhere it is referred to, in every graph, so that the sources'
// graphs still describe the same node.
func (r *Result) SetPage(p Page) {
	movie := r.movie()
	if movie == nil {
		return
	}
	if p.ID != "" && p.ID != r.MovieID {
		old := r.MovieID
		if old == "" {
			movie["@id"] = p.ID
		} else {
			rename(r.Doc, old, p.ID)
			rename(r.Dataset, old, p.ID)
		}
		r.MovieID = p.ID
	}
	if p.URL != "" {
		movie["url"] = p.URL
	}
	if p.Image != "" {
		movie["image"] = p.Image
	}
	if p.Name != "" && movie["name"] == nil {
		movie["name"] = p.Name
	}
}

// ErrNoName means the Movie has no name: no document states the film's
// title, and a web snippet cannot do without it.
var ErrNoName = errors.New("no document names the film")

// HasName reports whether the merged view's Movie has a name.
func (r *Result) HasName() bool {
	m := r.movie()
	return m != nil && m["name"] != nil
}

// movie returns the merged view's Movie: the first node of Doc's @graph,
// which Dataset's default graph shares.
func (r *Result) movie() map[string]any {
	g, _ := r.Doc["@graph"].([]any)
	if len(g) == 0 {
		return nil
	}
	m, _ := g[0].(map[string]any)
	return m
}

// rename replaces every "@id" (and "@graph" name) old in v by new, in
// place. Maps shared between Doc and Dataset are renamed once: the second
// visit finds new.
func rename(v any, old, new string) {
	switch x := v.(type) {
	case map[string]any:
		if x["@id"] == old {
			x["@id"] = new
		}
		for k, v := range x {
			if k != "@id" {
				rename(v, old, new)
			}
		}
	case []any:
		for _, v := range x {
			rename(v, old, new)
		}
	}
}

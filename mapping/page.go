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
// merged view inside Dataset); see Film.SetPage.
func (r *Result) SetPage(p Page) {
	r.Film.SetPage(p)
	r.render()
}

// ErrNoName means the Movie has no name: no document states the film's
// title, and a web snippet cannot do without it.
var ErrNoName = errors.New("no document names the film")

// HasName reports whether the merged view's Movie has a name.
func (r *Result) HasName() bool { return r.Film.HasName() }

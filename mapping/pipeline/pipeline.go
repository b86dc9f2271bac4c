// Package pipeline runs film2ld's whole job for one film: documents in,
// a chosen view in a chosen format out, diagnostics returned. It is what
// `film2ld export`, `export --batch` and `validate` call, so that a
// library user gets exactly their output without copying the command.
//
// Start with a [Job]: [Job.Read] each document about the film, then
// [Job.Merge], then [Job.Render] the view a format shows ([ViewFor]) and
// [Output.Write] it. [Job.Graph] gives validate's view of the same web
// snippet, with what it left out as findings, and [Load] reads any input
// validate accepts, film documents or linked data, into the graph it
// checks.
//
// # Where it sits
//
// The stages are mapping (read and merge), ld (JSON-LD processing and
// every output format) and schemas (validation). This package strings
// them together, so it imports all three while none of them imports it:
// mapping stays free of JSON-LD processing, and the search-engine rules
// that decide what a web snippet keeps stay in schemas, where validate
// reads them too. It lives under mapping because a film's documents are
// where every run starts; the command in cmd/film2ld only adds flags,
// files, exit codes and messages.
package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/schemas"
)

// ErrNoDocuments means a Job has no film document to merge.
var ErrNoDocuments = errors.New("no film document")

// Options say how to export a film. The zero value writes the web snippet
// of the merged view as compact JSON-LD.
type Options struct {
	// Kind, when set, is the kind every document is read as; else each
	// document's kind is detected from its content.
	Kind film.Kind
	// Merge tunes the merge: the IRI base, the preferred kinds, the
	// dataset layout.
	Merge mapping.Options
	// Page holds the page owner's facts; they go into the merged view.
	// With Page.URL set, the web snippet keeps only the reviews and
	// ratings of review pages on that site, and, unless Page.ID or
	// Merge.Base says otherwise, the Movie's IRI is the page's
	// (mapping.MovieIRI): the film a page is about is named by the page.
	Page mapping.Page
	// Format is the output format.
	Format ld.Format
	// Merged asks the RDF formats for the merged view alone, without the
	// sources' graphs.
	Merged bool
	// KeepRejected keeps, in a web snippet, the reviews and ratings
	// search engines would reject.
	KeepRejected bool
}

// View is what an output shows of a film.
type View int

// The views.
const (
	// Snippet is the merged view without the reviews and ratings search
	// engines would reject: a web page's markup.
	Snippet View = iota
	// Merged is the merged view whole.
	Merged
	// Dataset is the merged view and each source's own graph, for RDF
	// stores (see mapping.Film.Dataset).
	Dataset
)

// ViewFor returns the view a format shows: the RDF dataset formats the
// dataset (unless merged asks for the merged view alone), compact JSON-LD
// and HTML the web snippet (unless keepRejected), the others the merged
// view.
func ViewFor(format ld.Format, merged, keepRejected bool) View {
	switch format {
	case ld.FormatNQuads, ld.FormatCanonical, ld.FormatTriG, ld.FormatSPARQLUpdate:
		if !merged {
			return Dataset
		}
	case ld.FormatJSONLD, ld.FormatHTML:
		if !keepRejected {
			return Snippet
		}
	}
	return Merged
}

// ErrUpdateDefaultGraph means a SPARQL Update was asked for the merged
// view alone or in the default graph: an update replaces the film's named
// graphs, and cannot replace statements in the default graph, which every
// film shares.
var ErrUpdateDefaultGraph = errors.New("a SPARQL Update replaces the film's named graphs; the merged view alone, or in the default graph, puts statements in the default graph, which it cannot replace")

// CheckView reports whether a format can show the view asked for: merged
// (the merged view alone) and inDefaultGraph (the merged view in the
// default graph, mapping.Options.MergedInDefaultGraph) put statements in
// the default graph, which a SPARQL Update cannot replace
// (ErrUpdateDefaultGraph).
func CheckView(format ld.Format, merged, inDefaultGraph bool) error {
	if format == ld.FormatSPARQLUpdate && (merged || inDefaultGraph) {
		return ErrUpdateDefaultGraph
	}
	return nil
}

// IsWebSnippet reports whether a format is a web page's markup, which
// search engines need the film's name in.
func IsWebSnippet(format ld.Format) bool {
	return format == ld.FormatJSONLD || format == ld.FormatHTML
}

// Job is one film's export.
type Job struct {
	opts    Options
	sources []*film.Source
	seen    map[string]string // digest → the document first read with it
}

// New starts a job.
func New(opts Options) *Job {
	return &Job{opts: opts, seen: map[string]string{}}
}

// Read maps one document into the film. A document with the bytes of one
// read before is read once: the same review twice would double every count
// in the RDF. Then Read returns a note saying so, and no error.
func (j *Job) Read(r io.Reader, name string) (*mapping.Diagnostic, error) {
	src, err := mapping.Map(r, name, j.opts.Kind)
	if err != nil {
		return nil, err
	}
	if first, dup := j.seen[src.Digest]; dup {
		return &mapping.Diagnostic{Severity: mapping.Note,
			Message: src.Name + " is the same document as " + first + " (the same bytes); read once"}, nil
	}
	j.seen[src.Digest] = src.Name
	leaveOutBadIRIs(src)
	j.sources = append(j.sources, src)
	return nil, nil
}

// Sources are the documents read, in the order read.
func (j *Job) Sources() []*film.Source { return j.sources }

// Merge merges the documents read into one film and adds the page owner's
// facts; the film's Diagnostics say what the user should know. The film
// has its sources' own views (Film.Views, which Film.Dataset needs) only
// when the job's format shows the dataset.
func (j *Job) Merge() (*mapping.Film, error) {
	if len(j.sources) == 0 {
		return nil, ErrNoDocuments
	}
	f, err := mapping.Merge(j.sources, j.mergeOptions())
	if err != nil {
		return nil, err
	}
	f.SetPage(j.page())
	return f, nil
}

// DropStated forgets the reviews, the cast parts and the credits the
// documents read state, once the film is merged and rendered (Render):
// the merged film and its views hold every review, part and credit (and
// share the texts), so keeping the documents' own was a second copy while
// export writes them: 15 MB of a page of 50,000 reviews, 7 MB (a fifth of
// the live heap) of an article whose cast lists 66,000 actors, 11.6 MB
// (a fifth) of a prize page of 124,000 crew credits as the web snippet
// is written. Merging the job again after it gives a film without them.
func (j *Job) DropStated() {
	for _, s := range j.sources {
		s.Film.Reviews = nil
		s.Film.Cast = nil
		s.Film.Credits = nil
	}
}

// mergeOptions are the job's merge options, without the sources' views
// where its view is not the dataset.
func (j *Job) mergeOptions() mapping.Options {
	opts := j.opts.Merge
	opts.MergedOnly = ViewFor(j.opts.Format, j.opts.Merged, j.opts.KeepRejected) != Dataset
	opts.Name = j.opts.Page.Name
	return opts
}

// page is the page owner's facts with the Movie's IRI they imply.
func (j *Job) page() mapping.Page {
	p := j.opts.Page
	if p.URL != "" && p.ID == "" && j.opts.Merge.Base == "" {
		p.ID = mapping.MovieIRI(p.URL)
	}
	return p
}

// Output is a rendered view of a film.
type Output struct {
	// View is the view rendered.
	View View
	// Film is the view's Film: for a snippet, the merged film without
	// what the snippet left out.
	Film *mapping.Film
	// LeftOut are, for a snippet, the search-engine findings that left
	// each review or rating out, one each (nil for none).
	LeftOut *schemas.Dropped
	// OffSite counts the reviews and ratings left out of a snippet because
	// they come from review pages not on Page.URL's site; OffSiteDocs
	// names those pages (and those that state no address).
	OffSite     int
	OffSiteDocs []string
	// Aggregated is set when a snippet for no page URL marks up reviews
	// or ratings of a review aggregator's page, which search engines ask
	// sites not to do.
	Aggregated bool

	format  ld.Format
	pageURL string
}

// OffSiteMessage says what a snippet left out as taken from review pages
// on other sites than the page's, or "" when it left out none.
func (o *Output) OffSiteMessage() string {
	if o.OffSite == 0 {
		return ""
	}
	what := "reviews and ratings"
	if o.OffSite == 1 {
		what = "review or rating"
	}
	site := o.pageURL
	if u, err := url.Parse(o.pageURL); err == nil && u.Host != "" {
		site = u.Host
	}
	return fmt.Sprintf("left out of the web snippet: %d %s taken from review pages that are not on %s (%s) [%s]",
		o.OffSite, what, site, strings.Join(o.OffSiteDocs, ", "), schemas.RuleThirdParty)
}

// Render renders the view the job's format shows of the merged film f.
// A web snippet of a film no document names fails with mapping.ErrNoName,
// a view the format cannot show with CheckView's error.
func (j *Job) Render(f *mapping.Film) (*Output, error) {
	format := j.opts.Format
	if err := CheckView(format, j.opts.Merged, j.opts.Merge.MergedInDefaultGraph); err != nil {
		return nil, err
	}
	out := &Output{View: ViewFor(format, j.opts.Merged, j.opts.KeepRejected), Film: f, format: format}
	if IsWebSnippet(format) && !f.HasName() {
		// A snippet without the film's name is rejected by every search
		// engine; the RDF formats can still hold the facts.
		return nil, mapping.ErrNoName
	}
	if out.View == Snippet {
		if err := j.snippet(out, "", j.opts.Page.URL); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Doc returns the view as JSON-LD, rendered anew at each call: a film
// with many reviews takes far more memory as JSON-LD maps than as a Film,
// so Write never holds it whole where it can help it.
func (o *Output) Doc() map[string]any {
	if o.View == Dataset {
		return o.Film.Dataset()
	}
	return o.Film.Render()
}

// stream returns Doc with its long lists as sequences, rendered as
// WriteDirect walks them (mapping.Film.RenderStream).
func (o *Output) stream() map[string]any {
	if o.View == Dataset {
		return o.Film.DatasetStream()
	}
	return o.Film.RenderStream()
}

// snippet makes out.Film the web snippet of the merged film: without the
// reviews and ratings search engines would reject, by the rules validate
// applies (schemas.Choose), nor, with a page URL, those of review pages
// that are not on that site (search engines' review-snippet guidelines
// forbid marking up reviews taken from other sites). file names the film
// in the findings.
func (j *Job) snippet(out *Output, file, pageURL string) error {
	f := out.Film
	noReviews := false
	if pageURL != "" {
		own, offsite := SplitBySite(f.Sources, pageURL)
		if len(offsite) > 0 {
			before := len(f.Reviews) + len(f.Ratings)
			if slices.ContainsFunc(own, func(s *film.Source) bool { return s.Kind == film.Reviews }) {
				// Some review pages are the site's own: the snippet is
				// the merged view of them and the other documents.
				g, err := mapping.Merge(own, j.mergeOptions())
				if err != nil {
					return err
				}
				g.SetPage(j.page())
				f = g
				out.OffSite = before - len(f.Reviews) - len(f.Ratings)
			} else {
				noReviews = true
				out.OffSite = before
			}
			out.OffSiteDocs = offsite
		}
	}
	// Each review and rating is rendered alone as Choose judges it, and
	// dropped after: 50,000 of them took 165 MB held together.
	n := len(f.Reviews)
	item := func(i int) map[string]any {
		if i < n {
			return f.RenderItem(&f.Reviews[i], nil)
		}
		return f.RenderItem(nil, &f.Ratings[i-n])
	}
	keep, dropped := schemas.Choose(n+len(f.Ratings), item, file, schemas.SnippetOptions{PageURL: pageURL, NoReviews: noReviews, Place: func(i int) schemas.Pos {
		if i < n {
			return reviewPlace(&f.Reviews[i], file)
		}
		return ratingPlace(&f.Ratings[i-n], file)
	}})
	out.Film = f.Keep(func(i int, _ *mapping.Review) bool { return keep[i] },
		func(i int, _ *mapping.Rating) bool { return keep[n+i] })
	out.LeftOut = dropped
	out.pageURL = pageURL
	if pageURL == "" && len(out.Film.Reviews)+len(out.Film.Ratings) > 0 &&
		slices.ContainsFunc(f.Sources, func(s *film.Source) bool { return s.Kind == film.Reviews }) {
		out.Aggregated = true
	}
	return nil
}

// reviewPlace is where a review is stated: its document and line; file
// when the review knows neither.
func reviewPlace(r *mapping.Review, file string) schemas.Pos {
	if r.Source == nil || r.Source.Name == "" {
		return schemas.Pos{File: file}
	}
	return schemas.Pos{File: r.Source.Name, Line: r.Line}
}

// ratingPlace is where an aggregate rating is stated: its document, and
// the line of its score or, without one, of its count.
func ratingPlace(r *mapping.Rating, file string) schemas.Pos {
	if r.Source == nil || r.Source.Name == "" {
		return schemas.Pos{File: file}
	}
	line := r.Score.Line
	if !r.Score.Set {
		line = r.Count.Line
	}
	return schemas.Pos{File: r.Source.Name, Line: line}
}

// CheckBase accepts a base for minted IRIs (mapping.Options.Base): an
// absolute IRI, by ld's check, that ends where a path can follow, since
// minted IRIs are the base and "film/…" run together.
func CheckBase(base string) error {
	if err := ld.CheckBaseIRI(base); err != nil {
		return err
	}
	if !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") && !strings.HasSuffix(base, ":") {
		return fmt.Errorf("%q must end in /, # or : (IRIs are minted as %sfilm/…)", base, base)
	}
	return nil
}

// SplitBySite splits the sources into those that may give a snippet for
// the page at pageURL its reviews and ratings (every document but a review
// page, and review pages on the page's site) and names the review pages
// that are not, or that state no address.
func SplitBySite(sources []*film.Source, pageURL string) (own []*film.Source, offsite []string) {
	page, _ := url.Parse(pageURL)
	for _, s := range sources {
		if s.Kind != film.Reviews {
			own = append(own, s)
			continue
		}
		u, err := url.Parse(s.URL.Value)
		if s.URL.Value != "" && err == nil && page != nil && sameHost(u.Host, page.Host) {
			own = append(own, s)
			continue
		}
		offsite = append(offsite, s.Name)
	}
	return own, offsite
}

func sameHost(a, b string) bool {
	return strings.EqualFold(strings.TrimPrefix(a, "www."), strings.TrimPrefix(b, "www."))
}

// processor is the process's one JSON-LD processor: it holds the parsed
// schema.org context, which is worth parsing only once.
var processor = sync.OnceValue(func() *ld.Processor {
	return ld.NewProcessor(ld.Config{})
})

// Processor returns the JSON-LD processor the pipeline writes with, for
// callers that process other documents alike.
func Processor() *ld.Processor { return processor() }

// Write writes the output in its format, the Movie at the root of a
// compact or framed document.
func (o *Output) Write(w io.Writer) error {
	if directJSON && (o.format == ld.FormatJSONLD || o.format == ld.FormatHTML) {
		// The web snippet skips json-gold's expansion, framing and
		// compaction of a view that is compact already
		// (ld.Processor.WriteDirectJSON); the differential tests prove
		// the same bytes.
		return processor().WriteDirectJSON(w, o.stream(), o.format, ld.Options{Root: "Movie"})
	}
	if directRDF {
		// The RDF formats skip json-gold's expansion of the rendered
		// film, which knows its shape (ld.Processor.WriteDirect); the
		// differential tests prove the same bytes. The view is rendered
		// node by node as the walk asks for it, never whole.
		return processor().WriteDirect(w, o.stream(), o.format, ld.Options{Root: "Movie"})
	}
	return processor().Write(w, o.Doc(), o.format, ld.Options{Root: "Movie"})
}

// directRDF switches the RDF formats' short path on; tests turn it off to
// compare the two paths.
var directRDF = true

// directJSON switches the web snippet's short path on; tests turn it off
// to compare the two paths.
var directJSON = true

// Bytes is Write into memory.
func (o *Output) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	err := o.Write(&buf)
	return buf.Bytes(), err
}

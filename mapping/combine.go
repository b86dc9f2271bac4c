package mapping

import "github.com/film2ld/film2ld/mapping/film"

// Result is one film's schema.org graph: a Film and its two renderings.
type Result struct {
	// Film is the merged film; Doc and Dataset render it.
	Film *Film
	// Doc is the merged view (Film.Render): JSON-LD with "@context":
	// "https://schema.org" and a "@graph" whose first node is the Movie;
	// people and organisations follow as nodes of their own, referenced by
	// "@id". Numbers are float64.
	Doc map[string]any
	// Dataset is Doc plus provenance, for RDF stores (Film.Dataset).
	Dataset map[string]any
	// MovieID is the Movie's IRI, or "" when no source names the film.
	MovieID     string
	Diagnostics []Diagnostic
}

// Combine is Merge followed by the rendering of the merged view and its
// dataset, for callers that want JSON-LD and no view of their own.
func Combine(sources []*film.Source, opts Options) (*Result, error) {
	opts.MergedOnly = false // the dataset needs the sources' views
	f, err := Merge(sources, opts)
	if err != nil {
		return nil, err
	}
	r := &Result{Film: f, Diagnostics: f.Diagnostics}
	r.render()
	return r, nil
}

func (r *Result) render() {
	r.Doc, r.Dataset, r.MovieID = r.Film.Render(), r.Film.Dataset(), r.Film.ID
}

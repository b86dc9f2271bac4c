package mapping_test

import (
	"bytes"
	"fmt"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
)

// namedGraphs returns the named graphs of a Dataset by name, and the nodes
// of its default graph.
func namedGraphs(t *testing.T, res *mapping.Result) (map[string][]any, []any) {
	t.Helper()
	graphs := map[string][]any{}
	var def []any
	for _, n := range res.Dataset["@graph"].([]any) {
		node := n.(map[string]any)
		if g, ok := node["@graph"].([]any); ok {
			graphs[node["@id"].(string)] = g
		}
		def = append(def, node)
	}
	return graphs, def
}

// TestDatasetLayout: every statement of the dataset is in a named graph of
// the film, the film's graph lists its source graphs, and
// MergedInDefaultGraph keeps the older layout.
func TestDatasetLayout(t *testing.T) {
	for _, dir := range []string{"les-etes-immobiles", "sous-la-glace", "tuz-ve-kul"} {
		res := combine(t, filmFiles(t, filepath.Join("../testdata/films", dir))...)
		graphs, def := namedGraphs(t, res)
		film := mapping.GraphIRI(res.MovieID)
		if res.MovieID == "" || film != res.MovieID+"/merged" {
			t.Fatalf("%s: film %q, graph %q", dir, res.MovieID, film)
		}
		for _, n := range def {
			if len(n.(map[string]any)) != 2 {
				t.Errorf("%s: a statement outside the named graphs: %v", dir, n)
			}
		}
		var self map[string]any
		for _, n := range graphs[film] {
			if m := n.(map[string]any); m["@id"] == film {
				self = m
			}
		}
		if self == nil || self["about"].(map[string]any)["@id"] != res.MovieID {
			t.Fatalf("%s: the film's graph does not describe itself: %v", dir, self)
		}
		var from []string
		for _, s := range list(self[mapping.PropDerivedFrom]) {
			from = append(from, s.(map[string]any)["@id"].(string))
		}
		var sources []string
		for name := range graphs {
			if name != film {
				sources = append(sources, name)
			}
		}
		slices.Sort(from)
		slices.Sort(sources)
		if len(sources) < 2 || !slices.Equal(from, sources) {
			t.Errorf("%s: the film's graph is derived from %q; the source graphs are %q", dir, from, sources)
		}
	}

	srcs := []*film.Source{}
	for _, p := range samples {
		srcs = append(srcs, mapFile(t, p))
	}
	res, err := mapping.Combine(srcs, mapping.Options{MergedInDefaultGraph: true})
	if err != nil {
		t.Fatal(err)
	}
	graphs, def := namedGraphs(t, res)
	if len(graphs) != 3 || graphs[mapping.GraphIRI(res.MovieID)] != nil || def[0].(map[string]any)["@id"] != res.MovieID {
		t.Errorf("MergedInDefaultGraph: named graphs %d, first node of the default graph %v", len(graphs), def[0])
	}
}

func TestDatasetProvenance(t *testing.T) {
	res := combine(t, samples...)
	graphs, _ := namedGraphs(t, res)
	def := graphs[mapping.GraphIRI(res.MovieID)]
	delete(graphs, mapping.GraphIRI(res.MovieID))
	prize := "https://luxprize.eu/movies/2010/ill%C3%A9gal-illegal"
	var names []string
	for name := range graphs {
		names = append(names, name)
	}
	slices.Sort(names)
	if len(names) != 3 || names[0] != prize || !strings.HasPrefix(names[1], "ni:///sha-256;") || !strings.HasPrefix(names[2], "ni:///sha-256;") {
		t.Fatalf("source graphs %q; want the prize page's URL and two ni:///sha-256 IRIs", names)
	}
	// Each source's graph keeps its own running time; the merged view keeps
	// the preferred one.
	durations := map[string]any{}
	for name, g := range graphs {
		movie := g[0].(map[string]any)
		if movie["@id"] != res.MovieID {
			t.Errorf("graph %s: Movie %v; want %s", name, movie["@id"], res.MovieID)
		}
		durations[name] = movie["duration"]
	}
	if durations[prize] != "PT95M" || readGraph(t, res).movie["duration"] != "PT90M" {
		t.Errorf("durations by graph %v, merged %v", durations, readGraph(t, res).movie["duration"])
	}
	// Each source keeps its own spelling.
	spelling := func(graph []any, id string) any {
		for _, n := range graph {
			if m := n.(map[string]any); m["@id"] == id {
				return m["name"]
			}
		}
		return nil
	}
	if got := spelling(graphs[prize], "urn:film2ld:person/esse-lawson"); got != "Essé Lawson" {
		t.Errorf("prize graph spells %v", got)
	}
	// Provenance nodes in the film's graph: kind, subject, retrieval date.
	kinds := map[string]string{}
	for _, n := range def {
		node := n.(map[string]any)
		if k, ok := node["additionalType"].(string); ok {
			kinds[k] = node["@id"].(string)
			if node["about"].(map[string]any)["@id"] != res.MovieID {
				t.Errorf("source %s is not about the film", node["@id"])
			}
			if k == "prize" {
				date := node["http://www.w3.org/ns/prov#generatedAtTime"].(map[string]any)["@value"]
				if date != "2017-11-23" || node["@type"] != "WebPage" {
					t.Errorf("prize source node %v", node)
				}
			}
		}
	}
	if kinds["prize"] != prize || len(kinds) != 3 {
		t.Errorf("source kinds %v", kinds)
	}
}

// TestEveryOrderAndSubset combines every subset of the samples in every
// order: the same subset gives the same dataset bytes, and the film keeps
// one IRI whenever a document names it.
func TestEveryOrderAndSubset(t *testing.T) {
	srcs := make([]*film.Source, len(samples))
	for i, p := range samples {
		srcs[i] = mapFile(t, p)
	}
	for mask := 1; mask < 1<<len(srcs); mask++ {
		var subset []*film.Source
		for i := range srcs {
			if mask&(1<<i) != 0 {
				subset = append(subset, srcs[i])
			}
		}
		var want []byte
		for _, order := range permutations(len(subset)) {
			ordered := make([]*film.Source, len(subset))
			for i, j := range order {
				ordered[i] = subset[j]
			}
			res, err := mapping.Combine(ordered, mapping.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := marshal(t, res.Dataset)
			if want == nil {
				want = got
			} else if !bytes.Equal(got, want) {
				t.Errorf("subset %03b in order %v gives another dataset", mask, order)
			}
			if named := mask&0b110 != 0; named && res.MovieID != "urn:film2ld:film/illegal-2010" {
				t.Errorf("subset %03b: film IRI %q", mask, res.MovieID)
			}
		}
	}
}

func permutations(n int) [][]int {
	if n == 1 {
		return [][]int{{0}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(slices.Clone(p[:i]), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

// TestPeopleAcrossFilms exports two of our films apart: the director, the
// producer, an actor and the composer they share are the same nodes,
// whatever each film's documents spell them like.
func TestPeopleAcrossFilms(t *testing.T) {
	ids := func(dir string) map[string]bool {
		res := combine(t, filmFiles(t, filepath.Join("../testdata/films", dir))...)
		out := map[string]bool{}
		for _, n := range res.Doc["@graph"].([]any)[1:] {
			if id, ok := n.(map[string]any)["@id"].(string); ok {
				out[id] = true
			}
		}
		return out
	}
	a, b := ids("les-etes-immobiles"), ids("sous-la-glace")
	for _, id := range []string{
		"urn:film2ld:person/helene-marchetti-wojcik", // "Helene Marchetti-Wojcik" in one article
		"urn:film2ld:person/anna-nowak",
		"urn:film2ld:person/zofia-grabowska",
		"urn:film2ld:person/jakub-soltys", // "Jakub Soltys" in one article, "Sołtys" elsewhere
		"urn:film2ld:organization/kino-baltyk",
	} {
		if !a[id] || !b[id] {
			t.Errorf("%s: in the first film %v, in the second %v", id, a[id], b[id])
		}
	}
}

// TestSharedSurnameStaysApart: the producers "Anna & Piotr Nowak" and the
// unrelated actor Marek Nowak are three people.
func TestSharedSurnameStaysApart(t *testing.T) {
	g := readGraph(t, combine(t, filmFiles(t, "../testdata/films/les-etes-immobiles")...))
	for _, id := range []string{"anna-nowak", "piotr-nowak", "marek-nowak"} {
		if g.nodes["urn:film2ld:person/"+id] == nil {
			t.Errorf("no node for %s", id)
		}
	}
	var nowaks int
	for id := range g.nodes {
		if strings.HasSuffix(id, "nowak") {
			nowaks++
		}
	}
	if nowaks != 3 {
		t.Errorf("%d Nowaks; want 3", nowaks)
	}
}

func TestPrefer(t *testing.T) {
	var srcs []*film.Source
	for _, p := range samples {
		srcs = append(srcs, mapFile(t, p))
	}
	res, err := mapping.Combine(srcs, mapping.Options{Prefer: []film.Kind{film.Prize}})
	if err != nil {
		t.Fatal(err)
	}
	if d := readGraph(t, res).movie["duration"]; d != "PT95M" {
		t.Errorf("duration %v with the prize page preferred", d)
	}
	want := "duration: 95 min (002_53aa2786e56c2e8a.txt:19) vs 90 min (001_7e8eb98cb7cb1a1b.txt:11); kept PT95M"
	if !slices.ContainsFunc(res.Diagnostics, func(d mapping.Diagnostic) bool { return d.String() == want }) {
		t.Errorf("no warning %q in %v", want, res.Diagnostics)
	}
}

// TestCharacterConflict: two sources give one actor different characters;
// the merged view keeps the preferred one and warns, each source's graph
// keeps its own.
func TestCharacterConflict(t *testing.T) {
	res := combine(t, filmFiles(t, "../testdata/films/sous-la-glace")...)
	var characters []string
	for _, a := range list(readGraph(t, res).movie["actor"]) {
		if r := a.(map[string]any); r["actor"].(map[string]any)["@id"] == "urn:film2ld:person/zofia-grabowska" {
			characters = append(characters, r["characterName"].(string))
		}
	}
	if !slices.Equal(characters, []string{"Marta"}) {
		t.Errorf("merged characters %q", characters)
	}
	graphs, _ := namedGraphs(t, res)
	prize := graphs["https://aurora-prize.example/movies/2011/sous-la-glace-under-the-ice"]
	if prize == nil || !strings.Contains(string(marshal(t, prize)), `"characterName": "Marthe"`) {
		t.Errorf("the prize page's graph lost its character")
	}
}

// TestDatasetWithoutFilmIRI: a film no document names has no IRI to name
// its graph after; its merged view stays in the default graph, and a
// warning says so.
func TestDatasetWithoutFilmIRI(t *testing.T) {
	src := &film.Source{Name: "untitled.txt", Kind: film.Reviews, Digest: strings.Repeat("ab", 32)}
	res, err := mapping.Combine([]*film.Source{src}, mapping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	graphs, def := namedGraphs(t, res)
	if res.MovieID != "" || len(graphs) != 1 || def[0].(map[string]any)["@type"] != "Movie" {
		t.Errorf("film %q, named graphs %d, default graph %v", res.MovieID, len(graphs), def)
	}
	want := "the merged view is in the default graph: the film has no IRI to name its graph after"
	if !slices.ContainsFunc(res.Diagnostics, func(d mapping.Diagnostic) bool { return d.String() == want }) {
		t.Errorf("no warning %q in %v", want, res.Diagnostics)
	}
}

// TestKeepLeavesTheFilm: Film.Keep returns a view without the reviews and
// ratings refused and without the people only they named, and leaves the
// film it was called on as it was.
func TestKeepLeavesTheFilm(t *testing.T) {
	res := combine(t, filmFiles(t, "../testdata/films/les-etes-immobiles")...)
	f := res.Film
	if len(f.Reviews) < 2 || len(f.Ratings) < 1 {
		t.Fatalf("%d reviews, %d ratings: the film no longer tests Keep", len(f.Reviews), len(f.Ratings))
	}
	reviews, ratings, agents := len(f.Reviews), len(f.Ratings), len(f.Agents)
	kept := f.Keep(func(i int, _ *mapping.Review) bool { return i > 0 }, func(int, *mapping.Rating) bool { return false })
	if len(f.Reviews) != reviews || len(f.Ratings) != ratings || len(f.Agents) != agents {
		t.Errorf("Keep changed the film it was called on")
	}
	if len(kept.Reviews) != reviews-1 || len(kept.Ratings) != 0 {
		t.Errorf("kept %d reviews, %d ratings", len(kept.Reviews), len(kept.Ratings))
	}
	gone := f.Reviews[0].Author
	stillNamed := false
	for _, r := range kept.Reviews {
		stillNamed = stillNamed || r.Author == gone || r.Publisher == gone
	}
	for _, a := range kept.Agents {
		if a == gone && !stillNamed {
			t.Errorf("%s stayed without the review that named them", a.Name)
		}
	}
	if gone != nil && !stillNamed && len(kept.Agents) >= agents {
		t.Errorf("%d agents kept of %d", len(kept.Agents), agents)
	}
}

// TestViewsStateTheirSource: each source's view holds only what that
// source states, with its own spellings, and names the Movie as the merged
// view does.
func TestViewsStateTheirSource(t *testing.T) {
	res := combine(t, samples...)
	f := res.Film
	if len(f.Views) != len(f.Sources) {
		t.Fatalf("%d views of %d sources", len(f.Views), len(f.Sources))
	}
	for i, v := range f.Views {
		s := f.Sources[i]
		if v.Source != s || v.ID != f.ID || len(v.Views) != 0 || len(v.WebPages) != 0 {
			t.Errorf("view of %s: source %v, id %q, %d views, %d pages", s.Name, v.Source == s, v.ID, len(v.Views), len(v.WebPages))
		}
		if len(v.Reviews) != len(s.Film.Reviews) && s.Kind == film.Reviews {
			t.Errorf("view of %s: %d reviews; the page states %d", s.Name, len(v.Reviews), len(s.Film.Reviews))
		}
		if s.Kind != film.Reviews && len(v.Reviews)+len(v.Ratings) > 0 {
			t.Errorf("view of %s holds reviews it does not state", s.Name)
		}
	}
}

// TestViewsShareReviews: a source's view refers to the merged view's
// reviews and agents where it would copy them unchanged (a page of 50,000
// reviews is then held once), and has copies of its own where it differs:
// a review the merged view leaves out as another source's, a reviewer the
// sources spell differently.
func TestViewsShareReviews(t *testing.T) {
	review := func(author, body string, line int) film.Review {
		return film.Review{Critic: true, Author: film.Text{Value: author, Line: line}, Body: film.Text{Value: body, Line: line + 1}}
	}
	a := &film.Source{Name: "a.txt", Kind: film.Reviews, Digest: strings.Repeat("aa", 32)}
	a.Film.Title = film.Text{Value: "Glass Harbour", Line: 1}
	a.Film.Reviews = []film.Review{review("Maria Lindqvist", "Cold and fine.", 3), review("Tomas Berg", "Slow.", 6), review("Maria Lindqvist", "Cold and fine.", 9)}
	// A review with a score of its own is shared too: its rating is
	// compared by value, not by where it is held.
	for _, i := range []int{0, 2} {
		a.Film.Reviews[i].Rating = &film.ReviewRating{Score: film.Number{Value: 80, Set: true, Line: 4 + i*3, Literal: "80"},
			Scale: film.Scale{Worst: film.Number{Set: true, Line: -1, Literal: "0"}, Best: film.Number{Value: 100, Set: true, Line: -1, Literal: "100"}}}
	}
	b := &film.Source{Name: "b.txt", Kind: film.Reviews, Digest: strings.Repeat("bb", 32)}
	b.Film.Reviews = []film.Review{review("Jonas Ek", "Bright.", 2), review("Tomas Berg", "Slow.", 5), review("Ida Holm", "Long.", 8)}
	c := &film.Source{Name: "c.txt", Kind: film.Reviews, Digest: strings.Repeat("cc", 32)}
	c.Film.Reviews = []film.Review{review("JONAS EK", "Warm.", 2)}

	f, err := mapping.Merge([]*film.Source{a, b, c}, mapping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Reviews) != 5 {
		t.Fatalf("merged view: %d reviews, want 5 (two copies left out)", len(f.Reviews))
	}
	views := map[string]*mapping.Film{}
	for _, v := range f.Views {
		views[v.Source.Name] = v
	}
	// a's view holds a's two reviews, the very ones of the merged view.
	va := views["a.txt"]
	if len(va.Reviews) != 2 || &va.Reviews[0] != &f.Reviews[0] || &va.Reviews[1] != &f.Reviews[1] {
		t.Errorf("a's view does not share the merged view's reviews: %d reviews", len(va.Reviews))
	}
	if va.Reviews[1].Author == nil || va.Reviews[1].Author.Name != "Tomas Berg" {
		t.Errorf("a's second review by %v", va.Reviews[1].Author)
	}
	if r := va.Reviews[0].Rating; r == nil || r.Score.Literal != "80" || r.Scale.Best.Literal != "100" {
		t.Errorf("a's first review rated %+v", r)
	}
	// b's "Slow." is a's in the merged view, but b's own in b's view.
	vb := views["b.txt"]
	var bodies []string
	for i := range vb.Reviews {
		bodies = append(bodies, vb.Reviews[i].Body)
		for j := range f.Reviews {
			if &vb.Reviews[i] == &f.Reviews[j] {
				t.Errorf("b's view shares review %d with the merged view, which leaves one of b's out", i)
			}
		}
	}
	if !slices.Equal(bodies, []string{"Bright.", "Slow.", "Long."}) {
		t.Errorf("b's view: %q", bodies)
	}
	// Jonas is spelt two ways: the merged view names both, each view its own.
	vc := views["c.txt"]
	if len(vc.Reviews) != 1 || vc.Reviews[0].Author == nil {
		t.Fatalf("c's view: %d reviews", len(vc.Reviews))
	}
	merged, own := f.Reviews[2].Author, vc.Reviews[0].Author
	if merged == nil || own == merged || own.Name != "JONAS EK" || len(own.AlternateNames()) != 0 || len(merged.AlternateNames()) != 1 {
		t.Fatalf("c's view names %q %q, the merged view %v", own.Name, own.AlternateNames(), merged)
	}
	if vb.Reviews[0].Author == merged || vb.Reviews[0].Author.Name != "Jonas Ek" {
		t.Errorf("b's view names Jonas as the merged view does, with c's spelling too")
	}
}

// TestMergedOnly: a film merged without its sources' views
// (Options.MergedOnly) has the same merged view and diagnostics as one
// merged with them, for every test film, with each of its documents
// alone and with page facts set; and it refuses a Dataset rather than
// give one without the sources' graphs.
func TestMergedOnly(t *testing.T) {
	sets := [][]string{samples}
	for _, dir := range filmDirs(t) {
		files := filmFiles(t, dir)
		sets = append(sets, files)
		for _, f := range files {
			sets = append(sets, []string{f})
		}
	}
	for _, paths := range sets {
		var srcs []*film.Source
		for _, p := range paths {
			srcs = append(srcs, mapFile(t, p))
		}
		for _, page := range []mapping.Page{{}, {URL: "https://cinema.example/films/x", ID: "https://cinema.example/films/x#movie", Name: "X"}} {
			whole, err := mapping.Merge(srcs, mapping.Options{})
			if err != nil {
				t.Fatal(err)
			}
			only, err := mapping.Merge(srcs, mapping.Options{MergedOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			whole.SetPage(page)
			only.SetPage(page)
			if len(whole.Views) != len(srcs) || len(only.Views) != 0 {
				t.Fatalf("%v: %d and %d views of %d sources", paths, len(whole.Views), len(only.Views), len(srcs))
			}
			if a, b := marshal(t, whole.Render()), marshal(t, only.Render()); !bytes.Equal(a, b) {
				t.Errorf("%v: merged view differs without the sources' views:\n%s\n%s", paths, a, b)
			}
			if !reflect.DeepEqual(whole.Diagnostics, only.Diagnostics) {
				t.Errorf("%v: diagnostics differ without the sources' views:\n%v\n%v", paths, whole.Diagnostics, only.Diagnostics)
			}
		}
	}
	only, err := mapping.Merge([]*film.Source{mapFile(t, samples[0])}, mapping.Options{MergedOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if recover() == nil {
			t.Error("Dataset of a film merged with MergedOnly did not panic")
		}
	}()
	only.Dataset()
}

// TestMergeNotesCreditTooLargeForMisspellings: a credit the sources fill
// with more people than are compared two by two is merged by exact
// spelling only, with a note that says so.
func TestMergeNotesCreditTooLargeForMisspellings(t *testing.T) {
	var sources []*film.Source
	for s, spell := range []string{"Number", "Numbr"} {
		src := &film.Source{Name: fmt.Sprintf("%c.txt", 'a'+s), Kind: film.Prize, Digest: strings.Repeat(fmt.Sprintf("%c", 'a'+s), 64)}
		src.Film.Title = film.Text{Value: "Glass Harbour", Line: 1}
		for i := range 40 {
			src.Film.Credits = append(src.Film.Credits, film.Credit{Role: film.Producer,
				Agent: film.Agent{Name: film.Text{Value: fmt.Sprintf("Producer %s%06d", spell, i), Line: i + 2}}})
		}
		sources = append(sources, src)
	}
	f, err := mapping.Merge(sources, mapping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Agents) != 80 {
		t.Errorf("%d people, want the 80 spellings apart", len(f.Agents))
	}
	noted := false
	for _, d := range f.Diagnostics {
		noted = noted || d.Severity == mapping.Note && strings.Contains(d.Message, `80 people in the credit "producer"`)
	}
	if !noted {
		t.Errorf("no note on the producers: %v", f.Diagnostics)
	}
}

// TestMergeActorManyCharacters: an actor credited with many parts (past
// the few a scan serves) finds each again by its fold: another source's
// part in other case is one of them, with no conflict; a new part from
// another source is a conflict, as for an actor with one part.
func TestMergeActorManyCharacters(t *testing.T) {
	a := &film.Source{Name: "a.txt", Kind: film.Encyclopedia, Digest: strings.Repeat("aa", 32)}
	a.Film.Title = film.Text{Value: "Glass Harbour", Line: 1}
	for i := range 20 {
		a.Film.Cast = append(a.Film.Cast, film.CastMember{Actor: film.Text{Value: "Ann Lee", Line: i + 2}, Character: fmt.Sprintf("Guest %d", i)})
	}
	b := &film.Source{Name: "b.txt", Kind: film.Prize, Digest: strings.Repeat("bb", 32)}
	b.Film.Cast = []film.CastMember{
		{Actor: film.Text{Value: "Ann Lee", Line: 3}, Character: "GUEST 15"},
		{Actor: film.Text{Value: "Ann Lee", Line: 4}, Character: "Host"},
	}
	f, err := mapping.Merge([]*film.Source{a, b}, mapping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Cast) != 20 {
		t.Errorf("%d parts, want the 20 of the preferred source", len(f.Cast))
	}
	var conflicts []string
	for _, d := range f.Diagnostics {
		if strings.HasPrefix(d.Message, "characterName of") {
			conflicts = append(conflicts, d.Message)
		}
	}
	if len(conflicts) != 1 || !strings.Contains(conflicts[0], "Host") {
		t.Errorf("conflicts %q, want Host's alone", conflicts)
	}
}

// BenchmarkMergeLongCredits: a film whose two sources credit n crew
// members with role names and n parts of one actor; the time per credit
// stays flat as n grows (both took time in n's square).
func BenchmarkMergeLongCredits(b *testing.B) {
	for _, n := range []int{500, 4000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var sources []*film.Source
			for s := range 2 {
				src := &film.Source{Name: fmt.Sprintf("%d.txt", s), Kind: []film.Kind{film.Encyclopedia, film.Prize}[s], Digest: strings.Repeat(fmt.Sprint(s), 64)}
				src.Film.Title = film.Text{Value: "Glass Harbour", Line: 1}
				for i := range n {
					src.Film.Credits = append(src.Film.Credits,
						film.Credit{Role: film.Contributor, RoleName: []string{"", "Sound"}[s], Agent: film.Agent{Name: film.Text{Value: fmt.Sprintf("Crew Member %d", i), Line: i + 2}}})
					src.Film.Cast = append(src.Film.Cast, film.CastMember{Actor: film.Text{Value: "Ann Lee", Line: i + 2}, Character: fmt.Sprintf("Guest %d", i)})
				}
				sources = append(sources, src)
			}
			for b.Loop() {
				if _, err := mapping.Merge(sources, mapping.Options{MergedOnly: true}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/credit")
		})
	}
}

// TestScreenNamesAreNotPeople: a user's screen name is an account, not a
// person's name written another way. "rosa_valdivia" reviewing the film
// is not its lead Rosa Valdivia, nor "tomas.berg" its director Tomas
// Berg; the same handle on two pages is one reviewer; and a critic's
// name with initials stays a name that joins its other spellings.
func TestScreenNamesAreNotPeople(t *testing.T) {
	article := "= Winter Orchard (2018 film) =\n\nWinter Orchard\n- Directed by: Tomas Berg\n- Starring: Rosa Valdivia\n- Running time: 97 minutes\n\n" +
		"Winter Orchard is a 2018 Chilean drama film directed by Tomas Berg.\n\n== Cast ==\n- Rosa Valdivia as Inés\n- Pablo Ríos as Mateo\n"
	page := func(user string) string {
		return "Generally favorable reviews - based on 1 Critics\n\nCritic score distribution:\n  1. Positive: 1 out of 1\n" +
			"  1. Reviewed by:\u00a0 A.J. Moreno\n    Mar 2, 2019\n    Rosa Valdivia carries the film.\n" +
			"User Score\n\n8.0\nGenerally favorable reviews- based on 2 Ratings\n\nUser score distribution:\n  1. Positive: 2 out of 2\n" +
			"  1. 9 " + user + "\n    Mar 5, 2019\n    Loved the orchard scenes. Full Review \u00bb\n" +
			"  2. 8 tomas.berg\n    Mar 6, 2019\n    A quiet film about a family. Full Review \u00bb"
	}
	g := readGraph(t, combineTexts(t, map[string]string{"encyclopedia.txt": article, "review.txt": page("rosa_valdivia"), "review2.txt": page("Rosa_Valdivia")}))
	for id, name := range map[string]string{
		"urn:film2ld:person/rosa-valdivia": "Rosa Valdivia",
		"urn:film2ld:person/tomas-berg":    "Tomas Berg",
		"urn:film2ld:person/tomas.berg":    "tomas.berg",
	} {
		n := g.nodes[id]
		if n == nil {
			t.Errorf("no node %s; nodes: %v", id, slices.Sorted(maps.Keys(g.nodes)))
			continue
		}
		if n["name"] != name || n["alternateName"] != nil {
			t.Errorf("%s: name %v, alternateName %v; want %q alone", id, n["name"], n["alternateName"], name)
		}
	}
	// The two pages' handles differ in case only: one reviewer, under
	// either spelling.
	if n := g.nodes["urn:film2ld:person/rosa_valdivia"]; n == nil || len(list(n["name"]))+len(list(n["alternateName"])) != 2 {
		t.Errorf("the handle rosa_valdivia: %v; want one node with both spellings", n)
	}
	if n := g.nodes["urn:film2ld:person/a-j-moreno"]; n == nil || n["name"] != "A.J. Moreno" {
		t.Errorf("the critic A.J. Moreno: %v", n)
	}
}

// TestCompaniesJoinAcrossLegalForms: "Lagoon Pictures, Inc." in one
// source and "Lagoon Pictures" in another are one company, named as the
// first names it, with a note; "Lagoon Films" stays another.
func TestCompaniesJoinAcrossLegalForms(t *testing.T) {
	article := func(companies string) string {
		return "= Paper Lanterns (2016 film) =\n\nPaper Lanterns\n- Directed by: Ines Caldas\n- Production companies: " + companies +
			"\n- Running time: 95 minutes\n\nPaper Lanterns is a 2016 drama film directed by Ines Caldas.\n"
	}
	res := combineTexts(t, map[string]string{
		"a.txt": article("Lagoon Pictures, Inc., Faro Films, S.L."),
		"b.txt": article("Lagoon Pictures, Faro Films SL, Lagoon Films"),
	})
	g := readGraph(t, res)
	var names []string
	for _, c := range list(g.movie["productionCompany"]) {
		n := g.nodes[c.(map[string]any)["@id"].(string)]
		names = append(names, fmt.Sprint(n["name"]))
	}
	if got := strings.Join(names, "|"); got != "Lagoon Pictures, Inc.|Faro Films, S.L.|Lagoon Films" {
		t.Errorf("production companies %q; want Lagoon Pictures, Inc., Faro Films, S.L. and Lagoon Films", got)
	}
	if !slices.ContainsFunc(res.Diagnostics, func(d mapping.Diagnostic) bool { return strings.Contains(d.Message, "legal form") }) {
		t.Errorf("no message says the spellings differ in a legal form")
	}
}

// TestCriticCountWithoutScore: a page whose critic score is still "tbd"
// states how many critics it will be based on; that count is kept, with
// no score (audit 15: the rating was lost whole). A user summary's count
// alone is not.
func TestCriticCountWithoutScore(t *testing.T) {
	page := "Metascore\ntbd\nBased on 3 Critic Reviews\nCritic Reviews\n" +
		"  1. Reviewed by:\u00a0 Ines Vale\n    Jan 21, 2022\n    Spare and exact.\n" +
		"User Score\nBased on 7 Ratings\n"
	g := readGraph(t, combineTexts(t, map[string]string{"review.txt": page}))
	ratings := list(g.movie["aggregateRating"])
	if len(ratings) != 1 {
		t.Fatalf("aggregateRating %v; want the critics' count alone", ratings)
	}
	r := ratings[0].(map[string]any)
	if r["name"] != "Critic score" || r["reviewCount"] != 3.0 || r["ratingValue"] != nil {
		t.Errorf("aggregateRating %v; want Critic score, reviewCount 3, no ratingValue", r)
	}
}

// A critic who shares a name with someone the film credits is one node
// (a person's IRI is the name's), and a note says so: a critic was made
// the film's editor in silence. A critic of another name, and a credited
// person who reviews nothing, give no note.
func TestCriticCreditedNote(t *testing.T) {
	article := "= Hajnali Part (2018 film) =\n\nHajnali Part\n- Directed by: Szabó Gábor\n- Edited by: Kiss Anna\n- Country: Hungary\n\n" +
		"Hajnali Part is a 2018 Hungarian drama film directed by Szabó Gábor.\n"
	page := "Generally favorable reviews - based on 2 Critics\n\nCritic Reviews\n" +
		"  1. Reviewed by: Kiss Anna\n    Mar 2, 2019\n    A quiet triumph.\n" +
		"  2. Reviewed by: Tóth Béla\n    Mar 3, 2019\n    Slow, but earned.\n"
	var srcs []*film.Source
	for name, doc := range map[string]string{"encyclopedia.txt": article, "reviews.txt": page} {
		src, err := mapping.Map(strings.NewReader(doc), name, "")
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	slices.SortFunc(srcs, func(a, b *film.Source) int { return strings.Compare(a.Name, b.Name) })
	res, err := mapping.Combine(srcs, mapping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, d := range res.Diagnostics {
		if strings.Contains(d.String(), "both reviews the film") {
			notes = append(notes, d.String())
		}
	}
	want := []string{`"Kiss Anna" both reviews the film and is credited in it: read as one person, as people are told apart by their names`}
	if !slices.Equal(notes, want) {
		t.Errorf("notes %q; want %q", notes, want)
	}
}

package mapping

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/locale"
)

// facts merges the film's plain facts (film.Facts) field by field, each
// by its field's type: a list (film.Texts, film.Names) as the union of the
// sources' values in source order, a single value (film.Single,
// film.Minutes) from the first source that states it, with a warning for
// each source that states another.
//
// It walks the struct by reflection, as encoding/json walks a struct: the
// source model and the merged view hold the same film.Facts, so a new
// plain fact is one field there, and no list of fields here (or anywhere
// else) can forget it. The walk is typed all the same: each field's type
// is switched on, and a field of a type merging does not know panics,
// which TestFactsMerge catches before any user can.
func (m *merger) facts(f *Film) {
	dst := reflect.ValueOf(&f.Facts).Elem()
	typ := dst.Type()
	srcs := make([]reflect.Value, len(m.sources))
	for i, s := range m.sources {
		srcs[i] = reflect.ValueOf(&s.Film.Facts).Elem()
	}
	for i := range typ.NumField() {
		field := typ.Field(i)
		name := field.Tag.Get("fact")
		if name == "" {
			name = strings.ToLower(field.Name)
		}
		switch out := dst.Field(i).Addr().Interface().(type) {
		case *film.Texts:
			*out = union(m.sources, srcs, i, func(s string) string { return s })
		case *film.Names:
			*out = film.Names(union(m.sources, srcs, i, fold))
		case *film.Countries:
			*out = film.Countries(inEnglish(union(m.sources, srcs, i, countryKey), m.sources, srcs, i))
		case *film.Single:
			*out = m.single(name, srcs, i, film.Single.String, nil)
		case *film.Minutes:
			// Compared and written in whole seconds: "12 min 40 s" is
			// the same running time from every source that states it.
			*out = film.Minutes(m.single(name, srcs, i, func(s film.Single) string { return film.Minutes(s).String() },
				func(s film.Single) string { return film.Minutes(s).ISO8601() }))
		default:
			panic(fmt.Sprintf("mapping: film.Facts.%s is a %s, which merging does not know", field.Name, field.Type))
		}
	}
}

// union is the sources' values of list field i, each once by key, in
// source order, with the source and line of its first statement. Empty
// values are no facts and are dropped.
func union(sources []*film.Source, srcs []reflect.Value, i int, key func(string) string) film.Texts {
	var out film.Texts
	seen := map[string]bool{}
	for j, s := range sources {
		list := srcs[j].Field(i)
		for k := range list.Len() {
			t := list.Index(k).Interface().(film.Text)
			if t.Value == "" || seen[key(t.Value)] {
				continue
			}
			seen[key(t.Value)] = true
			t.Source = s
			out = append(out, t)
		}
	}
	return out
}

// single is single-valued field i (a film.Single or a type made of it) of
// the first source that states it, and reports a conflict with each source
// that states another value. say writes a value for the message (and two
// values are the same when it writes them alike); show, when not nil,
// writes the kept value as the output states it.
func (m *merger) single(name string, srcs []reflect.Value, i int, say, show func(film.Single) string) film.Single {
	var kept film.Single
	for j, s := range m.sources {
		v := srcs[j].Field(i).Convert(reflect.TypeFor[film.Single]()).Interface().(film.Single)
		if !v.Set {
			continue
		}
		v.Source = s
		if !kept.Set {
			kept = v
			continue
		}
		if say(v) != say(kept) {
			out := say(kept)
			if show != nil {
				out = show(kept)
			}
			m.diag(Warning, "", 0, "%s: %s (%s) vs %s (%s); kept %s", name,
				say(kept), where(kept.Source, kept.Line), say(v), where(s, v.Line), out)
		}
	}
	return kept
}

// inEnglish writes in English each country of kept that its source
// names in French, German, Spanish or Italian ("Belgique"): as another
// source (of sources, whose list field i srcs holds) writes the same
// country in English, when one does, so that the output says what an
// English document says; else by CLDR's English name ("Belgium"). A
// schema.org graph in English named the country in the page's language
// when no English document was merged (or when the page was preferred).
// A name film2ld does not know stays as written: nothing says what it is
// in English.
func inEnglish(kept film.Texts, sources []*film.Source, srcs []reflect.Value, i int) film.Texts {
	for k, t := range kept {
		english, ok := locale.EnglishCountry(t.Value)
		if !ok {
			continue
		}
		if other, found := statedInEnglish(t.Value, sources, srcs, i); found {
			kept[k] = other
			continue
		}
		kept[k].Value = english
	}
	return kept
}

// statedInEnglish returns the first statement of a country, among the
// sources' list field i, that names it in English.
func statedInEnglish(name string, sources []*film.Source, srcs []reflect.Value, i int) (film.Text, bool) {
	key := countryKey(name)
	for j, s := range sources {
		list := srcs[j].Field(i)
		for k := range list.Len() {
			t := list.Index(k).Interface().(film.Text)
			if t.Value == "" || countryKey(t.Value) != key {
				continue
			}
			if _, foreign := locale.EnglishCountry(t.Value); !foreign {
				t.Source = s
				return t, true
			}
		}
	}
	return film.Text{}, false
}

// countryKey is the key two sources' names of one country share: its ISO
// 3166 code when film2ld knows the name ("Belgique" and "Belgium" were
// two countries of one film; audit 14), else the name's fold.
func countryKey(name string) string {
	if code, ok := locale.Country(name); ok {
		return "\x00" + code // no fold of a name starts so
	}
	return fold(name)
}

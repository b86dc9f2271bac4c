package mapping

import (
	"fmt"
	"github.com/film2ld/film2ld/ld/diag"
	"slices"
	"sort"
	"strings"

	"github.com/film2ld/film2ld/mapping/film"
)

// agent is one real person or organisation after resolution: every spelling
// the sources used for it, and what they said about it.
type agent struct {
	org bool
	// spellings records, for each spelling, the sources that use it and
	// where it first stands.
	spellings spellingSet
	// contact and url are what the first source to state them says, with
	// that source, so that a source's own graph holds only its facts.
	contact       *film.Contact
	contactSource *film.Source
	url           string
	urlSource     *film.Source
	// merged explains why different spellings became one agent.
	merged []string
	// sorted caches names(); spellings are only ever added, so its
	// length tells whether it is current.
	sorted []string
	id     string
	name   string
}

// mention is one place a source names an agent, with the credit it is
// named in. Two mentions in the same credit of the same source are two
// different agents whatever their spelling.
type mention struct {
	source *film.Source
	name   film.Text
	org    bool
	// credit identifies the credit: "director", "contributor/Sound",
	// "actor/ivan" (the folded character), "critic".
	credit string
}

// resolver groups mentions into agents.
type resolver struct {
	base   string
	byKey  map[agentKey]*agent
	all    []*agent
	groups map[string][]mention // credit → mentions, for the misspelling pass
	// keys remembers each name's fold key: a film's names are folded
	// again and again (every lookup, every comparison of the spelling
	// sort), and a name outside ASCII goes through Unicode normalisation
	// each time (a tenth of merging, in the samples' profile).
	keys map[string]string
}

// agentKey identifies an agent: a person or an organisation, and its
// name's fold key.
type agentKey struct {
	org bool
	key string
}

func newResolver(base string) *resolver {
	return &resolver{base: base, byKey: map[agentKey]*agent{}, groups: map[string][]mention{}, keys: map[string]string{}}
}

// fold is the package's fold, remembered per name.
func (r *resolver) fold(name string) string {
	k, ok := r.keys[name]
	if !ok {
		k = fold(name)
		r.keys[name] = k
	}
	return k
}

func (r *resolver) agentKey(org bool, name string) agentKey {
	return agentKey{org, r.fold(name)}
}

// add records a mention and returns its agent.
func (r *resolver) add(m mention) *agent {
	k := r.agentKey(m.org, m.name.Value)
	a := r.byKey[k]
	if a == nil {
		a = &agent{org: m.org}
		r.byKey[k] = a
		r.all = append(r.all, a)
	}
	sp := a.spellings.get(m.name.Value)
	if sp == nil {
		if a.spellings.len() > 0 {
			first := a.names()[0]
			a.merged = append(a.merged, fmt.Sprintf("%q (%s) and %q (%s) differ only in accents, case, spacing or punctuation",
				first, a.spellings.get(first).first, m.name.Value, where(m.source, m.name.Line)))
		}
		sp = &spelling{first: place{m.source, m.name.Line}}
		a.spellings.put(m.name.Value, sp)
	}
	sp.add(m.source)
	if m.credit != "" && !m.org {
		r.groups[m.credit] = append(r.groups[m.credit], m)
	}
	return a
}

// lookup returns the agent a name resolved to.
func (r *resolver) lookup(org bool, name string) *agent {
	return r.byKey[r.agentKey(org, name)]
}

// mergeMisspellings joins people whose names are one small misspelling
// apart when they stand in the same credit (the same character, the same
// crew role) in different sources: "Gontcharov" playing Ivan in one source
// and "Golntcharov" playing Ivan in another are one actor. A shared surname
// or a shared role alone never joins two people, and two names listed in
// the same credit by one source stay two.
func (r *resolver) mergeMisspellings() {
	credits := make([]string, 0, len(r.groups))
	for c := range r.groups {
		credits = append(credits, c)
	}
	sort.Strings(credits)
	for _, c := range credits {
		ms := r.groups[c]
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				a, b := ms[i], ms[j]
				if a.source == b.source {
					continue
				}
				ka, kb := r.fold(a.name.Value), r.fold(b.name.Value)
				if ka == kb || !closeSpelling(ka, kb) || r.listedTogether(c, ka, kb) {
					continue
				}
				r.union(r.lookup(false, a.name.Value), r.lookup(false, b.name.Value),
					fmt.Sprintf("%q (%s) and %q (%s) are one small misspelling apart in the same credit (%s)",
						a.name.Value, where(a.source, a.name.Line), b.name.Value, where(b.source, b.name.Line), c))
			}
		}
	}
}

// listedTogether reports whether one source names both keys in one credit.
func (r *resolver) listedTogether(credit, ka, kb string) bool {
	seen := map[*film.Source]int{}
	for _, m := range r.groups[credit] {
		switch r.fold(m.name.Value) {
		case ka:
			seen[m.source] |= 1
		case kb:
			seen[m.source] |= 2
		}
	}
	for _, v := range seen {
		if v == 3 {
			return true
		}
	}
	return false
}

// union merges agent b into a, re-pointing every key.
func (r *resolver) union(a, b *agent, why string) {
	if a == b {
		return
	}
	for _, e := range b.spellings.list {
		s, bs := e.name, e.sp
		as := a.spellings.get(s)
		if as == nil {
			as = &spelling{first: bs.first}
			a.spellings.put(s, as)
		}
		for _, n := range bs.sources {
			as.add(n)
		}
	}
	a.merged = append(append(a.merged, b.merged...), why)
	for k, v := range r.byKey {
		if v == b {
			r.byKey[k] = a
		}
	}
	for i, v := range r.all {
		if v == b {
			r.all = append(r.all[:i], r.all[i+1:]...)
			break
		}
	}
}

// finish chooses each agent's name and mints its IRI. The chosen spelling
// is the best attested: the one whose fold key most sources use, then the
// one with its diacritics, then the one most sources write exactly so; the
// rest become alternate names. The IRI depends only on the chosen name, so
// the same person in two films exported apart is one node in a store.
func (r *resolver) finish() {
	for _, a := range r.all {
		keyCount := map[string]int{}
		for _, e := range a.spellings.list {
			keyCount[r.fold(e.name)] += len(e.sp.sources)
		}
		names := slices.Clone(a.names())
		sort.SliceStable(names, func(i, j int) bool {
			si, sj := names[i], names[j]
			if ki, kj := keyCount[r.fold(si)], keyCount[r.fold(sj)]; ki != kj {
				return ki > kj
			}
			if ai, aj := accents(si), accents(sj); ai != aj {
				return ai > aj
			}
			if ci, cj := len(a.spellings.get(si).sources), len(a.spellings.get(sj).sources); ci != cj {
				return ci > cj
			}
			return si < sj
		})
		a.name = names[0]
		kind := "person/"
		if a.org {
			kind = "organization/"
		}
		a.id = r.base + kind + strings.ReplaceAll(r.fold(a.name), " ", "-") // slug(a.name)
	}
	sort.Slice(r.all, func(i, j int) bool { return r.all[i].id < r.all[j].id })
}

// names returns the agent's spellings in a fixed order, which callers
// must not change. It is kept until a spelling is added: rendering asks
// for it for every view an agent stands in (7 % of a film's allocations).
func (a *agent) names() []string {
	if len(a.sorted) != a.spellings.len() {
		a.sorted = make([]string, 0, a.spellings.len())
		for _, e := range a.spellings.list {
			a.sorted = append(a.sorted, e.name)
		}
		sort.Strings(a.sorted)
	}
	return a.sorted
}

// spellingsIn returns the spellings a source uses for the agent, those with
// diacritics first; none means the source does not name it.
func (a *agent) spellingsIn(s *film.Source) []string {
	var out []string
	for _, n := range a.names() {
		if slices.Contains(a.spellings.get(n).sources, s) {
			out = append(out, n)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return accents(out[i]) > accents(out[j]) })
	return out
}

// alternates returns every spelling but the chosen one.
func (a *agent) alternates() []string {
	var out []string
	for _, s := range a.names() {
		if s != a.name {
			out = append(out, s)
		}
	}
	return out
}

// spelling is one way an agent's name is written: the sources that write
// it so (a set, in the order met; a film has a handful of sources, and a
// map per spelling was a tenth of merging's allocation) and where it first
// stands, for the messages that explain a merge.
type spelling struct {
	sources []*film.Source
	first   place
}

func (sp *spelling) add(s *film.Source) {
	if !slices.Contains(sp.sources, s) {
		sp.sources = append(sp.sources, s)
	}
}

// place is where a spelling first stands; it is formatted (String) only
// for the few messages that name it, not for every mention.
type place struct {
	source *film.Source
	line   int
}

func (p place) String() string { return where(p.source, p.line) }

// where formats a source position for messages.
func where(s *film.Source, line int) string {
	return diag.Position{File: s.Name, Line: line}.String()
}

// creditKey names a credit for the misspelling pass.
func creditKey(role film.Role, roleName string) string {
	if roleName == "" {
		return string(role)
	}
	return string(role) + "/" + strings.ToLower(roleName)
}

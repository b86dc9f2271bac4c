package mapping

import (
	"bytes"
	"fmt"
	"github.com/film2ld/film2ld/mapping/internal/text"
	"hash/maphash"
	"slices"
	"sort"
	"strings"

	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/mapping/film"
)

// agent is one real person or organisation after resolution: every spelling
// the sources used for it, and what they said about it.
type agent struct {
	// Agent is the merged view's copy of the agent, shared by that view
	// rather than copied: its IRI, chosen name and alternates (set by
	// finish), and the URL and contact the first source to state them
	// gives. A page of 50,000 reviews by as many critics held a copy of
	// every agent, and a map from agent to copy, beside the resolver's
	// own (7 MB of export's 53 MB live peak). It is made apart from the
	// rest (in blocks of its own, see newAgent), which goes with the
	// resolver once the film is merged: kept beside each Agent while
	// the film was written, it was 40 bytes for each of an article's
	// 200,000 actors.
	*Agent
	// spellings records, for each spelling, the sources that use it and
	// where it first stands.
	spellings spellingSet
	// extra is what few agents have; nil for the rest.
	extra *agentExtra
	// The Agent's roles and parts are the resolver's too: roles says how
	// the documents name the agent while mentions are added
	// (creditedRole, reviewerRole), so that one name both credited in the
	// film and writing a review of it is noted; parts counts the agent's
	// parts while a view's cast is merged (see merger.cast). Both are
	// zero once Merge returns.
}

// The bits of Agent.roles.
const (
	creditedRole uint8 = 1 << iota // in the film's credits or cast
	reviewerRole                   // a review's author
)

// agentExtra is what an agent has only when a source states a URL or a
// contact for it, or when spellings were merged into it.
type agentExtra struct {
	// contactSource and urlSource are the sources of the Agent's contact
	// and URL, so that a source's own graph holds only its facts.
	contactSource, urlSource *film.Source
	// merged explains why different spellings became one agent.
	merged []string
	// into is the agent this one was joined into (see union).
	into *agent
	// aliases are the agent's other names (film.AgentAlias), each with
	// the source that writes it.
	aliases []sourcedName
	// spellings are the agent's spellings once it has several (see
	// spellingSet).
	spellings *moreSpellings
}

// sourcedName is a name and the source that writes it.
type sourcedName struct {
	name   string
	source *film.Source
}

// more returns the agent's extra, made on first use.
func (a *agent) more() *agentExtra {
	if a.extra == nil {
		a.extra = &agentExtra{}
	}
	return a.extra
}

// mergedWhy returns the explanations of why spellings were merged.
func (a *agent) mergedWhy() []string {
	if a.extra == nil {
		return nil
	}
	return a.extra.merged
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
	base string
	// byKey finds an agent by the hash of its key (see keyHash), not by
	// the key: on a page of 50,000 reviews by as many critics, a map of
	// keys and a memo of every name's fold were 6 MB of merging's peak.
	// A hash met again is checked against the agent's spellings (holds);
	// the agents whose key's hash another key has are in clash, by key.
	// It holds an agent's number (see newAgent) under 32 bits of the
	// hash: a map of 64-bit hashes to pointers took 23 bytes an agent,
	// 4.7 MB of the merge's peak for an article of 200,000 actors, this
	// one 12 (a few of those names' hashes clash); a keyIndex, 10.7.
	byKey keyIndex
	clash map[agentKey]*agent
	hash  func([]byte) uint64
	// keyBuf is scratch space for a key: an ASCII name is folded into it
	// without a string of its own.
	keyBuf []byte
	// all are the agents' Agents, in the order made until finish or
	// Merge puts them in IRI order: the merged view's list of agents,
	// shared (see agentOf).
	all []*Agent
	// blocks and agentBlock are the blocks newAgent makes agents and
	// their Agents in (the last of blocks is being filled); unmet is how
	// many more mentions add may be given (newResolver's bound).
	blocks     [][]agent
	agentBlock []Agent
	unmet      int
	// credited are the mentions with a credit, for the misspelling pass,
	// which groups them by credit and lets them go: a map of credits
	// held a slice for each of 60,000 characters of an article's cast
	// through the rest of the merge. Nil, and nothing recorded, when
	// fewer than two sources credit anyone (see newResolver): the pass
	// joins only names from different sources, and for an article's cast
	// the list (64 bytes a part, grown by doubling) and a credit key for
	// each part were a fifth of the merge's time.
	credited []mention
	// lists are the spellings' sources after their first (see spelling).
	lists sourceLists
	// sources are the film's sources, most preferred first (see
	// merger.rank): of two spellings written as often, the preferred
	// source's names the agent.
	sources []*film.Source
	// keys remembers the fold keys of names outside ASCII: a film's names
	// are folded again and again (every lookup, every comparison of the
	// spelling sort), and Unicode normalisation each time was a tenth of
	// merging, in the samples' profile. An ASCII name folds in one pass.
	keys map[string]string
}

// agentKey identifies an agent: a person or an organisation, and its
// name's fold key.
type agentKey struct {
	org bool
	key string
}

// newResolver returns a resolver for at most mentions mentions, of which
// at most credited have a credit; credited is 0 when the misspelling pass
// has nothing to compare (fewer than two sources credit anyone), and add
// then records none.
func newResolver(base string, mentions, credited int) *resolver {
	seed := maphash.MakeSeed()
	r := &resolver{base: base, byKey: newKeyIndex(mentions), all: make([]*Agent, 0, mentions), unmet: mentions,
		keys: map[string]string{},
		hash: func(b []byte) uint64 { return maphash.Bytes(seed, b) }}
	if credited > 0 {
		r.credited = make([]mention, 0, credited)
	}
	return r
}

// comparesCredits reports whether add records the mentions' credits, so
// that a caller need not make a credit key nobody reads.
func (r *resolver) comparesCredits() bool { return r.credited != nil }

// fold is the package's fold, remembered for names outside ASCII.
func (r *resolver) fold(name string) string {
	if isASCII(name) {
		return foldASCII(name)
	}
	k, ok := r.keys[name]
	if !ok {
		k = fold(name)
		r.keys[name] = k
	}
	return k
}

// key is the identity key of an agent named name: its fold, and for an
// organisation without a legal form that ends it ("Lagoon Pictures,
// Inc." and "Lagoon Pictures" are one company; see orgKey).
func (r *resolver) key(org bool, name string) string {
	if org {
		return orgKey(r.fold(name))
	}
	return r.fold(name)
}

// orgKey drops from an organisation's fold key the legal form it ends
// with (one to three words: "inc", "s l", "gmbh co kg"), unless nothing
// else is left.
func orgKey(k string) string {
	return k[:orgKeyLen([]byte(k))]
}

// orgKeyLen is the length of orgKey(k).
func orgKeyLen(k []byte) int {
	for words := 3; words >= 1; words-- {
		i := len(k)
		for range words {
			if i = bytes.LastIndexByte(k[:i], ' '); i < 0 {
				break
			}
		}
		if i > 0 && text.LegalForm(string(k[i+1:])) {
			return i
		}
	}
	return len(k)
}

// keyHash returns the hash of the key of an agent named name, folded to
// the 32 bits byKey holds.
func (r *resolver) keyHash(org bool, name string) uint32 {
	b := append(r.keyBuf[:0], 'p')
	if org {
		b[0] = 'o'
		if isASCII(name) {
			// Folded into the buffer, as a person's name is: a string
			// for each organisation's key was 5% of a film's
			// allocations.
			b = appendFoldASCII(b, name)
		} else {
			b = append(b, r.fold(name)...)
		}
		b = b[:1+orgKeyLen(b[1:])]
		r.keyBuf = b
		return fold32(r.hash(b))
	}
	if isASCII(name) {
		b = appendFoldASCII(b, name)
	} else {
		b = append(b, r.fold(name)...)
	}
	r.keyBuf = b
	return fold32(r.hash(b))
}

// fold32 folds a 64-bit hash to 32 bits.
func fold32(h uint64) uint32 { return uint32(h ^ h>>32) }

// holds reports whether name is the agent's, the one byKey holds for
// name's key's hash: one of its spellings, or one with its key, which is
// its first spelling's (the one it was made for; joining only adds
// spellings after it). Folding every spelling to compare made a name
// written many ways take time in the square of their number.
func (r *resolver) holds(a *agent, org bool, name string) bool {
	if a.Organization != org {
		return false
	}
	first, _ := a.spellingAt(0)
	return a.spellingOf(name) != nil || r.key(org, first) == r.key(org, name)
}

// lookup returns the agent a name resolved to, or nil.
func (r *resolver) lookup(org bool, name string) *agent {
	return r.find(r.keyHash(org, name), org, name)
}

// find returns the agent of a name whose key's hash is h, or nil.
func (r *resolver) find(h uint32, org bool, name string) *agent {
	if n, ok := r.byKey.get(h); ok {
		if a := r.agentAt(n); r.holds(a, org, name) {
			return joined(a)
		}
	}
	if r.clash == nil {
		return nil
	}
	if a := r.clash[agentKey{org, r.key(org, name)}]; a != nil {
		return joined(a)
	}
	return nil
}

// joined returns the agent a was joined into, or a.
func joined(a *agent) *agent {
	for a.extra != nil && a.extra.into != nil {
		a = a.extra.into
	}
	return a
}

// newAgent returns a new agent, made in a block of agents, and its Agent
// in a block of Agents: one allocation each cost its size class's
// rounding (136 bytes in 144) and the allocator's time for each of an
// article's 66,000 actors. A block is at most maxAgentBlock agents, and
// no more than the mentions not yet met could make, so that the last is
// nearly full. It also returns the agent's number, which agentAt finds
// it by: its block's number, then its place in the block.
func (r *resolver) newAgent(org bool) (*agent, uint32) {
	last := len(r.blocks) - 1
	if last < 0 || len(r.blocks[last]) == cap(r.blocks[last]) {
		n := 8
		if last >= 0 {
			n = 2 * cap(r.blocks[last])
		}
		n = min(n, maxAgentBlock, max(r.unmet, 1))
		r.blocks, r.agentBlock = append(r.blocks, make([]agent, 0, n)), make([]Agent, 0, n)
		last++
	}
	n := uint32(last)<<agentBlockBits | uint32(len(r.blocks[last]))
	r.agentBlock = append(r.agentBlock, Agent{Organization: org, number: n})
	block := append(r.blocks[last], agent{Agent: &r.agentBlock[len(r.agentBlock)-1]})
	r.blocks[last] = block
	return &block[len(block)-1], n
}

// agentOf returns the agent whose Agent (the merged view's copy) is a.
func (r *resolver) agentOf(a *Agent) *agent { return r.agentAt(a.number) }

// agentAt returns the agent numbered n (see newAgent).
func (r *resolver) agentAt(n uint32) *agent {
	return &r.blocks[n>>agentBlockBits][n&(maxAgentBlock-1)]
}

// maxAgentBlock is the most agents newAgent makes at once (32 KB, and
// 48 KB of Agents); agentBlockBits are the bits of an agent's number that
// give its place in its block.
const (
	agentBlockBits = 10
	maxAgentBlock  = 1 << agentBlockBits
)

// add records a mention and returns its agent.
func (r *resolver) add(m mention) *agent {
	r.unmet--
	h := r.keyHash(m.org, m.name.Value)
	a := r.find(h, m.org, m.name.Value)
	if a == nil {
		var n uint32
		a, n = r.newAgent(m.org)
		if _, ok := r.byKey.get(h); !ok {
			r.byKey.put(h, n)
		} else {
			if r.clash == nil {
				r.clash = map[agentKey]*agent{}
			}
			r.clash[agentKey{m.org, r.key(m.org, m.name.Value)}] = a
		}
		r.all = append(r.all, a.Agent)
	}
	sp := a.spellingOf(m.name.Value)
	if sp == nil {
		if a.spellingCount() > 0 {
			name, first := a.leastSpelling()
			how := "accents, case, spacing or punctuation"
			if m.org && r.fold(name) != r.fold(m.name.Value) {
				how = "a legal form (Inc., GmbH, S.L., …)"
			}
			a.more().merged = append(a.more().merged, fmt.Sprintf("%q (%s) and %q (%s) differ only in %s",
				name, first.first(), m.name.Value, where(m.source, m.name.Line), how))
		}
		sp = a.addSpelling(m.name.Value, place{m.source, int32(m.name.Line)})
	}
	r.lists.add(sp, m.source)
	if m.credit != "" && !m.org && r.credited != nil {
		r.credited = append(r.credited, m)
	}
	return a
}

// mergeMisspellings joins people whose names are one small misspelling
// apart when they stand in the same credit (the same character, the same
// crew role) in different sources: "Gontcharov" playing Ivan in one source
// and "Golntcharov" playing Ivan in another are one actor. A shared surname
// or a shared role alone never joins two people, and two people one
// source lists apart in the same credit stay two, also when each is one
// misspelling from a third (joined one after the other, a list of names
// a digit apart became one person).
//
// It compares every two mentions of a credit, so a credit of more than
// maxMisspellingCredit mentions is left as it is, and returned: a real
// credit names a few people (two sources of a crew list of 4,000
// producers took 49 s here before).
func (r *resolver) mergeMisspellings() (skipped []skippedCredit) {
	// By credit, each credit's mentions in the order they came.
	slices.SortStableFunc(r.credited, func(a, b mention) int { return strings.Compare(a.credit, b.credit) })
	credited := r.credited
	r.credited = nil
	for len(credited) > 0 {
		n := 1
		for n < len(credited) && credited[n].credit == credited[0].credit {
			n++
		}
		ms, c := credited[:n], credited[0].credit
		credited = credited[n:]
		if len(ms) == 1 {
			continue // nobody to compare with
		}
		ms, agents := r.distinctMentions(ms)
		if oneSource(ms) {
			continue // pairs within a source are never joined
		}
		if len(ms) > maxMisspellingCredit {
			skipped = append(skipped, skippedCredit{credit: c, mentions: len(ms), people: countDistinct(agents)})
			continue
		}
		keys := make([]string, len(ms)) // each mention's fold key, folded once
		for i, m := range ms {
			keys[i] = r.fold(m.name.Value)
		}
		// Each mention's name core (nameCore), made when first compared.
		cores := make([][]string, len(ms))
		core := func(i int) []string {
			if cores[i] == nil {
				cores[i] = nameCore(ms[i].name.Value)
			}
			return cores[i]
		}
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				a, b := ms[i], ms[j]
				if a.source == b.source || agents[i] == agents[j] {
					continue
				}
				ka, kb := keys[i], keys[j]
				close := closeSpelling(ka, kb)
				reordered := !close && sameWordsReordered(ka, kb)
				// A middle initial is also two letters from no middle
				// name: such a pair is named a variant, not a misspelling.
				variant := !reordered && coresVariant(core(i), core(j))
				if !close && !reordered && !variant || listedApart(ms, agents, agents[i], agents[j]) {
					continue
				}
				why := "are one small misspelling apart"
				switch {
				case reordered:
					why = "are the same names in another order"
				case variant:
					why = "are one name written more or less fully (a middle name, a title, a suffix or a nickname)"
				}
				joined, gone := agents[i], agents[j]
				r.union(joined, gone,
					fmt.Sprintf("%q (%s) and %q (%s) %s in the same credit (%s)",
						a.name.Value, where(a.source, a.name.Line), b.name.Value, where(b.source, b.name.Line), why, c))
				for k := range agents {
					if agents[k] == gone {
						agents[k] = joined
					}
				}
			}
		}
	}
	return skipped
}

// sameWordsReordered reports whether two folded names are the same words
// in another order: "park ji-yeon" and "ji-yeon park", a Korean, Chinese
// or Hungarian name given family name first in one source and last in
// another (audit 12: two directors of one film became four people). Only
// compared within one credit, as misspellings are.
func sameWordsReordered(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) < 2 || len(wa) != len(wb) || a == b {
		return false
	}
	slices.Sort(wa)
	slices.Sort(wb)
	return slices.Equal(wa, wb)
}

// oneSource reports whether every mention is from the first's source.
func oneSource(ms []mention) bool {
	for _, m := range ms[1:] {
		if m.source != ms[0].source {
			return false
		}
	}
	return true
}

// distinctMentions returns a credit's mentions (sorted by credit, in the
// order they came) with one mention of each agent per source, the first,
// and each one's agent as resolved so far. A source that names the same
// person in the same credit again adds nothing to compare: pairs within a
// source are never joined, and listedApart asks only which sources name
// whom. Counted without them, an article that repeats its cast lines
// 30,000 times had 30,000 "people" in each of its credits, and was
// reported so. The result reuses ms's array.
func (r *resolver) distinctMentions(ms []mention) ([]mention, []*agent) {
	type seen struct {
		source *film.Source
		agent  *agent
	}
	// A credit of a few mentions is scanned; past that, a set is kept.
	const scanUpTo = 16
	var met map[seen]bool
	out, agents := ms[:0], make([]*agent, 0, len(ms))
	for _, m := range ms {
		a := r.lookup(false, m.name.Value)
		k := seen{m.source, a}
		if met == nil && len(out) == scanUpTo {
			met = make(map[seen]bool, len(ms))
			for i := range out {
				met[seen{out[i].source, agents[i]}] = true
			}
		}
		if met != nil {
			if met[k] {
				continue
			}
			met[k] = true
		} else if repeats(out, agents, m.source, a) {
			continue
		}
		out = append(out, m)
		agents = append(agents, a)
	}
	return out, agents
}

// repeats reports whether one of ms (whose agents are agents) is source's
// mention of a.
func repeats(ms []mention, agents []*agent, source *film.Source, a *agent) bool {
	for i := range ms {
		if ms[i].source == source && agents[i] == a {
			return true
		}
	}
	return false
}

// countDistinct returns how many different agents agents holds.
func countDistinct(agents []*agent) int {
	set := make(map[*agent]bool, len(agents))
	for _, a := range agents {
		set[a] = true
	}
	return len(set)
}

// skippedCredit is a credit mergeMisspellings did not compare: its
// mentions (one per source and person) are too many. people is how many
// different people they name.
type skippedCredit struct {
	credit           string
	mentions, people int
}

// maxMisspellingCredit is the most mentions of one credit (one per
// source and person) that mergeMisspellings compares two by two.
const maxMisspellingCredit = 64

// listedApart reports whether one source names both agents x and y among
// a credit's mentions (whose agents are agents).
func listedApart(ms []mention, agents []*agent, x, y *agent) bool {
	seen := map[*film.Source]int{}
	for i, m := range ms {
		switch agents[i] {
		case x:
			seen[m.source] |= 1
		case y:
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

// union merges agent b into a: a takes b's spellings and the reasons b
// was made of several, and b points to a (see joined).
func (r *resolver) union(a, b *agent, why string) {
	if a == b {
		return
	}
	for i := range b.spellingCount() {
		name, bs := b.spellingAt(i)
		as := a.spellingOf(name)
		if as == nil {
			as = a.addSpelling(name, bs.first())
		}
		for _, n := range r.lists.sources(bs) {
			r.lists.add(as, n)
		}
	}
	a.more().merged = append(append(a.more().merged, b.mergedWhy()...), why)
	// b's keys still find b, which points to a: re-pointing them, and
	// taking b out of the list, were two scans of every agent for each
	// join (a cast of thousands each spelt two ways was quadratic). b
	// leaves the list in finish.
	b.more().into = a
}

// finish names each agent and mints its IRI (see name and mint), and
// puts r.all in IRI order.
func (r *resolver) finish() {
	r.name()
	r.mint(r.all)
	sort.Slice(r.all, func(i, j int) bool { return r.all[i].ID < r.all[j].ID })
}

// name drops the agents joined into others from r.all and chooses each
// agent's name. The chosen spelling is the best attested: the one whose
// fold key most sources use, then the one with its diacritics, then the
// one most sources write exactly so; the rest become alternate names.
func (r *resolver) name() {
	r.all = slices.DeleteFunc(r.all, func(merged *Agent) bool {
		a := r.agentOf(merged)
		return a.extra != nil && a.extra.into != nil
	})
	for _, merged := range r.all {
		a := r.agentOf(merged)
		if a.spellingCount() == 1 {
			// One spelling, the name (see spellingSet): the same as the
			// sort below would choose, without its map and copy for
			// each of a page's thousands of reviewers.
			if a.extra != nil && a.extra.aliases != nil {
				a.setRare(a.alternates(), a.URL(), a.Contact())
			}
			continue
		}
		keyCount := map[string]int{}
		names := make([]string, a.spellingCount())
		for i := range names {
			name, sp := a.spellingAt(i)
			keyCount[r.fold(name)] += r.lists.count(sp)
			names[i] = name
		}
		sort.SliceStable(names, func(i, j int) bool {
			si, sj := names[i], names[j]
			if ki, kj := keyCount[r.fold(si)], keyCount[r.fold(sj)]; ki != kj {
				return ki > kj
			}
			if ai, aj := accents(si), accents(sj); ai != aj {
				return ai > aj
			}
			if ci, cj := typeset(si), typeset(sj); ci != cj {
				return ci < cj
			}
			if ci, cj := r.lists.count(a.spellingOf(si)), r.lists.count(a.spellingOf(sj)); ci != cj {
				return ci > cj
			}
			// Written as often: the preferred source's spelling ("Pieter
			// van der Meer" of the encyclopedia over the prize page's
			// "Pieter Van Der Meer"), not the one that sorts first.
			if ri, rj := r.rank(a.spellingOf(si)), r.rank(a.spellingOf(sj)); ri != rj {
				return ri < rj
			}
			return si < sj
		})
		a.Name = names[0]
		a.setRare(a.alternates(), a.URL(), a.Contact())
	}
}

// release lets go of what the resolver holds to find and tell agents
// apart, its agents among them, once every view is made: what is left
// (the base, the memo of folds) mints the IRIs.
func (r *resolver) release() {
	r.byKey, r.clash, r.all, r.blocks, r.agentBlock, r.lists, r.credited, r.sources = keyIndex{}, nil, nil, nil, nil, nil, nil, nil
}

// rank returns the place of a spelling's most preferred source among the
// film's sources (len(sources) when none is known).
func (r *resolver) rank(sp *spelling) int {
	best := len(r.sources)
	for _, s := range r.lists.sources(sp) {
		if i := slices.Index(r.sources, s); i >= 0 && i < best {
			best = i
		}
	}
	return best
}

// mint sets each agent's IRI from its chosen name: Base, "person/" or
// "organization/", and the name's fold key with hyphens for spaces. The
// IRI depends only on the chosen name, so the same person in two films
// exported apart is one node in a store; and as agents have different
// fold keys, and a fold key has no hyphen, no two agents have one IRI.
// The IRIs are parts of one string made at its size, the key folded into
// a buffer: a string for each (and a fold and a copy with hyphens made on
// the way) was 3 MB of the live heap for the 66,000 actors of a 2.2 MB
// article, 46 bytes an IRI of 35, and three allocations an agent.
func (r *resolver) mint(agents []*Agent) {
	total := 0
	for _, a := range agents {
		r.keyBuf = r.appendIRI(r.keyBuf[:0], a)
		total += len(r.keyBuf)
	}
	var b strings.Builder
	b.Grow(total)
	for _, a := range agents {
		r.keyBuf = r.appendIRI(r.keyBuf[:0], a)
		start := b.Len()
		b.Write(r.keyBuf)
		a.ID = b.String()[start:] // String does not copy: a part of the one string
	}
}

// appendIRI appends the agent's IRI (see mint) to b.
func (r *resolver) appendIRI(b []byte, a *Agent) []byte {
	b = append(b, r.base...)
	if a.Organization {
		b = append(b, "organization/"...)
	} else {
		b = append(b, "person/"...)
	}
	slug := len(b)
	if isASCII(a.Name) {
		b = appendFoldASCII(b, a.Name)
	} else {
		b = append(b, r.fold(a.Name)...)
	}
	for i := slug; i < len(b); i++ {
		if b[i] == ' ' {
			b[i] = '-'
		}
	}
	return b
}

// spellingsIn returns the spellings a source uses for agent a, those with
// diacritics first; none means the source does not name it.
func (r *resolver) spellingsIn(a *agent, s *film.Source) []string {
	var out []string
	for i := range a.spellingCount() {
		if name, sp := a.spellingAt(i); r.lists.has(sp, s) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	sort.SliceStable(out, func(i, j int) bool { return accents(out[i]) > accents(out[j]) })
	return out
}

// alternates returns every spelling but the chosen one.
func (a *agent) alternates() []string {
	var out []string
	for i := range a.spellingCount() {
		if s, _ := a.spellingAt(i); s != a.Name {
			out = append(out, s)
		}
	}
	if a.extra != nil {
		for _, n := range a.extra.aliases {
			if n.name != a.Name {
				out = append(out, n.name)
			}
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// aliasesIn returns the agent's other names (film.AgentAlias) that
// source writes.
func (a *agent) aliasesIn(source *film.Source) []string {
	if a.extra == nil {
		return nil
	}
	var out []string
	for _, n := range a.extra.aliases {
		if n.source == source {
			out = append(out, n.name)
		}
	}
	return out
}

// place is where a spelling first stands; it is formatted (String) only
// for the few messages that name it, not for every mention.
type place struct {
	source *film.Source
	line   int32 // a document has at most text.MaxLines
}

func (p place) String() string { return where(p.source, int(p.line)) }

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

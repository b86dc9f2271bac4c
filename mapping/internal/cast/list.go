package cast

import (
	"fmt"
	"hash/maphash"
	"slices"

	"github.com/film2ld/film2ld/mapping/film"
)

// List adds a document's parts to its cast as its mapper reads them,
// leaving out a part that repeats an earlier one word for word (the same
// actor, character, role names and description; where it stands does not
// count) and counting it for a note. Merging would make one part of them
// anyway, so the output is the same; but each held a part, a mention in
// the resolver and a place in the merge: an article whose seven cast
// lines were pasted 30,000 times (6.4 MB) took 96 MB to export, for the
// 7 parts it yields. The zero List is ready to use; one List serves one
// document's cast, which only Add may grow.
type List struct {
	seed maphash.Seed
	// table finds a part of the cast by its hash, once the cast is longer
	// than a scan should be: each slot holds a place in the cast plus
	// one (0 is a free slot), found by probing on from the part's hash,
	// and is at most half full. A map of hashes to places took 16 bytes
	// and more a part (about 6 MB of an article's 250,000 Starring
	// items), where a slot is 4 bytes.
	table []int32
	// n counts the table's filled slots.
	n int
	// dropped counts the parts left out; line is where the first stands.
	dropped, line int
}

// scanUpTo is the cast length up to which Add compares a new part with
// every part held rather than keeping an index: a film's cast is short.
const scanUpTo = 16

// Add appends m to cast unless cast holds it already, and returns cast.
func (l *List) Add(cast []film.CastMember, m film.CastMember) []film.CastMember {
	if l.has(cast, &m) {
		if l.dropped == 0 {
			l.line = m.Actor.Line
		}
		l.dropped++
		return cast
	}
	return append(cast, m)
}

// has reports whether cast holds a part the same as m word for word;
// if not, and the table is in use, it records the place m is added at.
func (l *List) has(cast []film.CastMember, m *film.CastMember) bool {
	if len(cast) <= scanUpTo {
		for i := range cast {
			if same(&cast[i], m) {
				return true
			}
		}
		return false
	}
	if l.table == nil {
		l.seed = maphash.MakeSeed()
		l.table = make([]int32, 4*scanUpTo)
		for i := range cast {
			l.insert(cast, i)
		}
	}
	h := l.hash(m)
	mask := uint64(len(l.table) - 1)
	for s := h & mask; ; s = (s + 1) & mask {
		i := l.table[s]
		if i == 0 {
			break
		}
		if same(&cast[i-1], m) {
			return true
		}
	}
	if 2*(l.n+1) > len(l.table) {
		old := l.table
		l.table, l.n = make([]int32, 2*len(old)), 0
		for _, i := range old {
			if i != 0 {
				l.insert(cast, int(i-1))
			}
		}
	}
	l.put(h, len(cast))
	return false
}

// insert records cast[at], which the table does not hold, in the table.
func (l *List) insert(cast []film.CastMember, at int) {
	l.put(l.hash(&cast[at]), at)
}

// put records place at, whose part hashes to h, in the table, which has
// a free slot.
func (l *List) put(h uint64, at int) {
	mask := uint64(len(l.table) - 1)
	s := h & mask
	for l.table[s] != 0 {
		s = (s + 1) & mask
	}
	l.table[s] = int32(at + 1)
	l.n++
}

// Note returns the note that tells how many parts Add left out, if any.
func (l *List) Note() (film.Note, bool) {
	if l.dropped == 0 {
		return film.Note{}, false
	}
	what := "cast entries repeat"
	if l.dropped == 1 {
		what = "cast entry repeats"
	}
	return film.Note{Line: l.line, Message: fmt.Sprintf("%d %s an earlier one word for word (the first on this line); left out", l.dropped, what)}, true
}

// hash hashes what makes two parts the same.
func (l *List) hash(m *film.CastMember) uint64 {
	var h maphash.Hash
	h.SetSeed(l.seed)
	h.WriteString(m.Actor.Value)
	h.WriteByte(0)
	h.WriteString(m.Character)
	h.WriteByte(0)
	h.WriteString(m.Description())
	for _, r := range m.RoleNames() {
		h.WriteByte(0)
		h.WriteString(r)
	}
	return h.Sum64()
}

// same reports whether two parts are the same word for word.
func same(a, b *film.CastMember) bool {
	return a.Actor.Value == b.Actor.Value && a.Character == b.Character &&
		a.Description() == b.Description() && slices.Equal(a.RoleNames(), b.RoleNames())
}

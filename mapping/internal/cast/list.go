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
	// first finds a part of the cast by its hash, once the cast is longer
	// than a scan should be; a hash met again whose part differs keeps
	// both (a clash costs a repeat kept, never a part lost).
	first map[uint64]int
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
	if l.first != nil {
		if h := l.hash(&m); l.first[h] == 0 {
			l.first[h] = len(cast) + 1 // 0 is "none"
		}
	}
	return append(cast, m)
}

// has reports whether cast holds a part the same as m word for word.
func (l *List) has(cast []film.CastMember, m *film.CastMember) bool {
	if len(cast) <= scanUpTo {
		for i := range cast {
			if same(&cast[i], m) {
				return true
			}
		}
		return false
	}
	if l.first == nil {
		l.seed = maphash.MakeSeed()
		l.first = make(map[uint64]int, 2*len(cast))
		for i := range cast {
			if h := l.hash(&cast[i]); l.first[h] == 0 {
				l.first[h] = i + 1
			}
		}
	}
	i := l.first[l.hash(m)]
	return i > 0 && same(&cast[i-1], m)
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

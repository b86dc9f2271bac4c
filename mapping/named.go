package mapping

import (
	"slices"

	"github.com/film2ld/film2ld/mapping/film"
)

// NamedAt returns where the merged view (or a part of it, see Parts and
// Keep) first names one of its agents: the document (one of its Sources)
// and its line, or nil and 0 where that is not known, and in a source's
// own view, which shares the merged view's agents. The place is the
// first the merge met: in the most preferred document that names the
// agent (in any of its spellings), the line of its first mention there.
// validate places a person's findings there, where they named all the
// film's documents together.
func (f *Film) NamedAt(a *Agent) (*film.Source, int) {
	if f.Source != nil {
		return nil, 0
	}
	doc, line := a.namedAt()
	if doc < 0 || doc >= len(f.Sources) {
		return nil, 0
	}
	return f.Sources[doc], line
}

// The bits of a place packed in an Agent's number once Merge returns
// (see placeAgents): the document's place among the film's sources plus
// one (0 for none), then the line. A document has at most text.MaxLines
// (2^21) lines; a film of more than 1,023 documents leaves the agents of
// the others unplaced.
const (
	namedLineBits = 22
	namedMaxLine  = 1<<namedLineBits - 1
	namedMaxDoc   = 1<<(32-namedLineBits) - 1
)

// namedAt unpacks the agent's place: the document's index among the
// merged view's sources (-1 for none) and the line (0 for none).
func (a *Agent) namedAt() (doc, line int) {
	return int(a.number>>namedLineBits) - 1, int(a.number & namedMaxLine)
}

// placeAgents packs into each of the merged view's agents, in the
// number the resolver is done with, where it is first named: of its
// spellings' first places (where the resolver met each first), the one
// in the most preferred source, then at the first line. It runs just
// before the resolver is let go, and costs no memory: a place in every
// Agent would have been 8 bytes for each of an article's 200,000 actors.
func (m *merger) placeAgents(f *Film) {
	for _, merged := range f.Agents {
		a := m.res.agentOf(merged)
		best, bestLine := -1, 0
		for i := range a.spellingCount() {
			_, sp := a.spellingAt(i)
			doc := slices.Index(m.sources, sp.source)
			line := int(sp.line)
			if doc < 0 {
				continue
			}
			if best < 0 || doc < best || doc == best && line > 0 && (bestLine == 0 || line < bestLine) {
				best, bestLine = doc, line
			}
		}
		merged.number = packPlace(best, bestLine)
	}
}

// packPlace packs a document's index (-1 for none) and a line into an
// agent's number; a place that does not fit is packed as none.
func packPlace(doc, line int) uint32 {
	if doc < 0 || doc >= namedMaxDoc {
		return 0
	}
	if line < 0 || line > namedMaxLine {
		line = 0
	}
	return uint32(doc+1)<<namedLineBits | uint32(line)
}

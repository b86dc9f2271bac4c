package jsongold

import (
	"errors"
	"fmt"
)

// ErrWorkLimit reports a dataset whose blank nodes would take the
// canonicalization algorithm more work than its limit allows.
var ErrWorkLimit = errors.New("canonicalization work limit exceeded")

// The work limit of RDFC-1.0's Hash N-Degree Quads algorithm.
//
// rdf-canonize allows n^maxWorkFactor runs of the algorithm in all, n
// being the blank nodes that share first-degree hashes with others, and
// no limit once that passes 2⁵³ (2⁴⁰ in this copy): a limit that is not
// monotonic. A shape of look-alike blank nodes repeated m times (a
// review and its rating of a shared score; "_:a <p> _:b _:g .") costs m
// times one shape's work, while n² grows as m²: one 4-clique was refused
// and five passed; and the copies' cap of a million, which did not grow
// with n, refused 200,000 statements "_:a <p> _:b _:g ." while 900,000
// passed, the limit switched off.
//
// Work is allowed per look-alike blank node instead: the algorithm's
// run for each blank node that shares its hash, with the runs it recurses
// into, may take at most 8^f runs for factor f (8, 64, 512, …), and copy
// at most copiesPerRun times as many issued labels (what its time and
// the memory held at once grow with). A shape repeated costs the same
// per node however often it is repeated (where its nodes look alike in
// one copy already: a chain's first node looks like no other in one
// chain, like the other's first in two, and the labels its run issues
// spare the rest their work), and the same shape
// made larger (a longer ring or chain of alike nodes, a larger clique)
// costs more per node, so a larger input of a shape never passes where
// a smaller one is refused, and the work is at most linear in the input.
// Benign shapes cost one to three runs and a few copies a node; a ring or chain of
// k alike nodes up to k runs and 1.5·k² copies a node (the default lets
// through about 55), the suite's "evil" graphs 43 runs and 1,518
// copies, a clique of k nodes (a poison graph) a number that grows as
// k!: 19 runs a node for 4 nodes, 601 for 6, 35,281 for 8. The runs
// are what rdf-canonize counts; its default, n runs in all for n
// look-alike nodes, is about 1 a node, and film2ld's factor 1 allows 8.

// Work is the count of a canonicalization's Hash N-Degree Quads work,
// held to its limit: the work of each look-alike blank node's run.
type Work struct {
	runs, copies       int64 // of the current node's run
	maxRuns, maxCopies int64 // -1: no limit
	alike, blanks      int
	factor             int
}

// copiesPerRun is how many issuer entries a node's run may copy for each
// run it is allowed. A run copies its issuer for each permutation, and
// where blank nodes chain (an RDF list of alike items) the issuers grow
// with the chain.
const copiesPerRun = 64

// NewWork returns the work limit of factor for a dataset of blanks blank
// nodes, alike of which share first-degree hashes with others (both for
// the limit's message): a negative factor means no limit, 0 none of the
// algorithm's runs.
func NewWork(factor, alike, blanks int) *Work {
	w := &Work{maxRuns: -1, maxCopies: -1, alike: alike, blanks: blanks, factor: factor}
	if factor >= 0 {
		w.maxRuns = 0
		if factor > 0 {
			w.maxRuns = 1 << (3 * min(factor, 18))
		}
		w.maxCopies = copiesPerRun * w.maxRuns
	}
	return w
}

// Start begins the count of a look-alike blank node's run.
func (w *Work) Start() { w.runs, w.copies = 0, 0 }

// Run counts one run of the algorithm, or returns the error of the limit.
func (w *Work) Run() error {
	w.runs++
	if w.maxRuns >= 0 && w.runs > w.maxRuns {
		return w.err("deep iterations (Hash N-Degree Quads)", w.maxRuns)
	}
	return nil
}

// Copy counts n issued labels copied, or returns the error of the limit.
func (w *Work) Copy(n int) error {
	w.copies += int64(n)
	if w.maxCopies >= 0 && w.copies > w.maxCopies {
		return w.err("copies of issued labels (Hash N-Degree Quads)", w.maxCopies)
	}
	return nil
}

func (w *Work) err(what string, limit int64) error {
	return fmt.Errorf("%w: more than %d %s for one of %d blank nodes that look alike (of %d) at work factor %d; a higher work factor allows more",
		ErrWorkLimit, limit, what, w.alike, w.blanks, w.factor)
}

package ld

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// RDFC-1.0's Hash N-Degree Quads algorithm on numbered terms.
//
// jsongold.LabelShared, the general algorithm's step, was handed the
// statements that link a shared blank node to another as json-gold quads
// (four interface nodes and a label string each), a map of every shared
// node's hash, one of every labelled node's label, and kept each node's
// result issuer (a map) until its hash group was labelled: 900,000
// statements "_:aN <p> _:bN _:gN ." took 2.6 GB and 481 s (the heap bound
// made the collector run all but without pause). sharedLabeller does the
// same steps in the same order on term numbers: a node's statements are a
// compressed table of statement numbers, an issuer is the list of the
// terms it issued (a map only once it is long), and a group keeps of each
// result only its hash and its order of issue. The differential tests
// (canon_test.go, FuzzCanonical*) hold it to jsongold.Canonicalize.

// sharedLabeller labels the blank nodes whose first-degree hashes others
// share.
type sharedLabeller struct {
	quads  []dquad
	blank  []bool
	labels []int32 // canonical numbers, -1 where none is issued yet
	next   int32   // the next canonical number
	// sharedAt[t] is 1 + term t's index in ids, 0 for a term not
	// shared. ids are the shared terms by their first-degree hashes,
	// sumOf[i] the index of ids[i]'s hash in sums: the hashes once each
	// (a hashed a node, as firstDegreeLabels lists them, was 48 MB of
	// the 196 MB live for 700,000 pairs of look-alikes).
	sharedAt []int32
	ids      []uint32
	sumOf    []int32
	sums     [][sha256.Size]byte
	// start[i]..start[i+1] in refs are the statements of shared[i] that
	// name another blank node.
	start []int32
	refs  []int32
	// iri gives a predicate's IRI, as the hash of a related node reads it.
	iri  func(uint32) string
	iris map[uint32][]byte // "<iri>", by term
	// The work limit, as jsongold's (CanonOptions.MaxWorkFactor).
	work *jsongold.Work
	hex  [2 * sha256.Size]byte
	buf  []byte
}

// errWork unwinds the recursion of hashNDegree at the work limit.
type errWork struct{ err error }

// termIssuer is RDFC-1.0's identifier issuer of prefix _:b: order[k] was
// issued _:bk. at indexes order once it is long.
type termIssuer struct {
	order []uint32
	at    map[uint32]int32
}

// issuerIndexFrom is the length from which an issuer looks terms up in a
// map rather than by scanning its list.
const issuerIndexFrom = 32

func (is *termIssuer) lookup(t uint32) (int32, bool) {
	if len(is.order) < issuerIndexFrom {
		for k, o := range is.order {
			if o == t {
				return int32(k), true
			}
		}
		return 0, false
	}
	if is.at == nil {
		is.at = make(map[uint32]int32, len(is.order))
		for k, o := range is.order {
			is.at[o] = int32(k)
		}
	}
	k, ok := is.at[t]
	return k, ok
}

func (is *termIssuer) get(t uint32) int32 {
	if k, ok := is.lookup(t); ok {
		return k
	}
	k := int32(len(is.order))
	is.order = append(is.order, t)
	if is.at != nil {
		is.at[t] = k
	}
	return k
}

func (is *termIssuer) clone() *termIssuer {
	return &termIssuer{order: slices.Clone(is.order)}
}

// newSharedLabeller readies the labelling of shared (sorted by hash, as
// firstDegreeLabels lists them) from the statements of quads that link a
// shared blank node to another, for a dataset of blanks blank nodes.
func newSharedLabeller(labels []int32, shared []hashed, unique int, blank []bool, quads []dquad, iri func(uint32) string, blanks, maxWorkFactor int) *sharedLabeller {
	l := &sharedLabeller{quads: quads, blank: blank, labels: labels, next: int32(unique), iri: iri, iris: map[uint32][]byte{}}
	l.sharedAt = make([]int32, len(blank))
	l.ids = make([]uint32, len(shared))
	l.sumOf = make([]int32, len(shared))
	for i, h := range shared {
		l.sharedAt[h.id] = int32(i + 1)
		l.ids[i] = uint32(h.id)
		if i == 0 || h.sum != shared[i-1].sum {
			l.sums = append(l.sums, h.sum)
		}
		l.sumOf[i] = int32(len(l.sums) - 1)
	}
	// Each statement once for each shared blank node it names, as
	// jsongold's addQuad lists it.
	l.start = make([]int32, len(l.ids)+1)
	each := func(q dquad, f func(i int32)) {
		var listed [3]uint32
		for k, t := range [...]uint32{q.s, q.o, q.g} {
			if t == 0 || !blank[t] || slices.Contains(listed[:k], t) {
				continue
			}
			listed[k] = t
			if at := l.sharedAt[t]; at > 0 {
				f(at - 1)
			}
		}
	}
	isShared := func(t uint32) bool { return l.sharedAt[t] > 0 }
	for _, q := range quads {
		if linksSharedBy(q, blank, isShared) {
			each(q, func(i int32) { l.start[i+1]++ })
		}
	}
	for i := 1; i < len(l.start); i++ {
		l.start[i] += l.start[i-1]
	}
	l.refs = make([]int32, l.start[len(l.ids)])
	fill := slices.Clone(l.start[:len(l.ids)])
	for qi, q := range quads {
		if linksSharedBy(q, blank, isShared) {
			each(q, func(i int32) { l.refs[fill[i]] = int32(qi); fill[i]++ })
		}
	}

	l.work = jsongold.NewWork(workFactor(maxWorkFactor), len(l.ids), blanks)
	return l
}

// label issues the canonical labels of the shared blank nodes, as
// jsongold's labelShared does: hash group by hash group, each node not yet
// labelled by the hash of its n-degree quads, the nodes its result issued
// labelled in the order of those hashes.
func (l *sharedLabeller) label() (err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(errWork)
			if !ok {
				panic(r)
			}
			err = e.err
		}
	}()
	// Of each result, its hash (as an index in sums: the nodes of a
	// group are mostly alike, their results' hashes mostly one) and the
	// span of its order of issue in orders.
	type result struct{ sum, from, to int32 }
	var (
		results []result
		orders  []uint32
		sums    [][sha256.Size]byte
		sumAt   = map[[sha256.Size]byte]int32{}
		group   []uint32
		keys    []uint64
	)
	// Room for the largest group at once: grown by doubling, the lists
	// were a tenth of the live heap for 700,000 pairs of look-alikes.
	largest := 0
	for i := 0; i < len(l.ids); {
		j := i + 1
		for j < len(l.ids) && l.sumOf[j] == l.sumOf[i] {
			j++
		}
		largest = max(largest, j-i)
		i = j
	}
	results = make([]result, 0, largest)
	keys = make([]uint64, 0, largest)
	group = make([]uint32, 0, largest)
	for i := 0; i < len(l.ids); {
		j := i + 1
		for j < len(l.ids) && l.sumOf[j] == l.sumOf[i] {
			j++
		}
		// In the order of the terms' labels (_:tN), as jsongold sorts
		// them.
		keys = keys[:0]
		for _, t := range l.ids[i:j] {
			keys = append(keys, labelKey(t))
		}
		slices.Sort(keys)
		group = group[:0]
		for _, k := range keys {
			group = append(group, keyTerm(k))
		}
		results, orders, sums = results[:0], orders[:0], sums[:0]
		clear(sumAt)
		for _, t := range group {
			if l.labels[t] >= 0 {
				continue
			}
			l.work.Start()
			sum, is := l.hashNDegree(t, &termIssuer{order: []uint32{t}})
			at, ok := sumAt[sum]
			if !ok {
				at = int32(len(sums))
				sums = append(sums, sum)
				sumAt[sum] = at
			}
			from := int32(len(orders))
			orders = append(orders, is.order...)
			results = append(results, result{at, from, int32(len(orders))})
		}
		slices.SortStableFunc(results, func(a, b result) int { return bytes.Compare(sums[a.sum][:], sums[b.sum][:]) })
		for _, r := range results {
			for _, t := range orders[r.from:r.to] {
				l.issue(t)
			}
		}
		i = j
	}
	return nil
}

// issue gives t the next canonical label, unless it has one.
func (l *sharedLabeller) issue(t uint32) {
	if l.labels[t] < 0 {
		l.labels[t] = l.next
		l.next++
	}
}

// related is a blank node related to the one hashed, and the hash that
// groups it (RDFC-1.0 4.8.3 step 3).
type related struct {
	hash [sha256.Size]byte
	term uint32
}

// hashNDegree is RDFC-1.0's Hash N-Degree Quads algorithm (4.8.3) for
// blank node t with issuer is: the hash and the issuer it leaves.
func (l *sharedLabeller) hashNDegree(t uint32, is *termIssuer) ([sha256.Size]byte, *termIssuer) {
	if err := l.work.Run(); err != nil {
		panic(errWork{err})
	}
	var rel []related
	at := l.sharedAt[t] - 1
	for _, qi := range l.refs[l.start[at]:l.start[at+1]] {
		q := l.quads[qi]
		for k, r := range [...]uint32{q.s, q.o, q.g} {
			if r == 0 || !l.blank[r] || r == t {
				continue
			}
			rel = append(rel, related{l.hashRelated(r, q.p, is, "sog"[k]), r})
		}
	}
	slices.SortStableFunc(rel, func(a, b related) int { return bytes.Compare(a.hash[:], b.hash[:]) })

	md := sha256.New()
	var path, chosenPath []byte
	for i := 0; i < len(rel); {
		j := i + 1
		for j < len(rel) && rel[j].hash == rel[i].hash {
			j++
		}
		md.Write(l.hexOf(rel[i].hash))
		chosenPath = chosenPath[:0]
		chosen := false
		var chosenIssuer *termIssuer
		list := make([]uint32, 0, j-i)
		for _, r := range rel[i:j] {
			list = append(list, r.term)
		}
		// One related node, the most common case, has one permutation.
		var perm *termPermutator
		if len(list) > 1 {
			perm = newTermPermutator(list)
		}
	permutations:
		for first := true; first || perm != nil && perm.hasNext(); first = false {
			permutation := list
			if perm != nil {
				permutation = perm.next()
			}
			if err := l.work.Copy(len(is.order)); err != nil {
				panic(errWork{err})
			}
			issuerCopy := is.clone()
			path = path[:0]
			var recursion []uint32
			for _, r := range permutation {
				if c := l.labels[r]; c >= 0 {
					path = strconv.AppendInt(append(path, "_:c14n"...), int64(c), 10)
				} else {
					if _, ok := issuerCopy.lookup(r); !ok {
						recursion = append(recursion, r)
					}
					path = strconv.AppendInt(append(path, "_:b"...), int64(issuerCopy.get(r)), 10)
				}
				if chosen && len(path) >= len(chosenPath) && bytes.Compare(path, chosenPath) > 0 {
					continue permutations
				}
			}
			for _, r := range recursion {
				sum, result := l.hashNDegree(r, issuerCopy)
				path = strconv.AppendInt(append(path, "_:b"...), int64(issuerCopy.get(r)), 10)
				path = append(append(append(path, '<'), l.hexOf(sum)...), '>')
				issuerCopy = result
				if chosen && len(path) >= len(chosenPath) && bytes.Compare(path, chosenPath) > 0 {
					continue permutations
				}
			}
			if !chosen || bytes.Compare(path, chosenPath) < 0 {
				chosenPath = append(chosenPath[:0], path...)
				chosenIssuer = issuerCopy
				chosen = true
			}
		}
		md.Write(chosenPath)
		is = chosenIssuer
		i = j
	}
	var sum [sha256.Size]byte
	md.Sum(sum[:0])
	return sum, is
}

// hashRelated is RDFC-1.0's Hash Related Blank Node algorithm (4.7.3) for
// blank node r in a statement of predicate p at position (s, o or g).
func (l *sharedLabeller) hashRelated(r, p uint32, is *termIssuer, position byte) [sha256.Size]byte {
	// Hashed in one call from l's room: a hash.Hash made for each
	// related node was a tenth of the allocations.
	b := append(l.buf[:0], position)
	if position != 'g' {
		iri, ok := l.iris[p]
		if !ok {
			iri = []byte("<" + l.iri(p) + ">")
			l.iris[p] = iri
		}
		b = append(b, iri...)
	}
	switch c := l.labels[r]; {
	case c >= 0:
		b = strconv.AppendInt(append(b, "_:c14n"...), int64(c), 10)
	default:
		if k, ok := is.lookup(r); ok {
			b = strconv.AppendInt(append(b, "_:b"...), int64(k), 10)
		} else {
			b = append(b, l.hexOf(l.sums[l.sumOf[l.sharedAt[r]-1]])...)
		}
	}
	l.buf = b
	return sha256.Sum256(b)
}

// hexOf is sum in hexadecimal, in l's room until the next call.
func (l *sharedLabeller) hexOf(sum [sha256.Size]byte) []byte {
	hex.Encode(l.hex[:], sum[:])
	return l.hex[:]
}

// linksSharedBy is linksShared with the shared nodes told by a function.
func linksSharedBy(q dquad, blank []bool, isShared func(uint32) bool) bool {
	var first uint32
	var two, anyShared bool
	for _, t := range [...]uint32{q.s, q.o, q.g} {
		if t == 0 || !blank[t] {
			continue
		}
		anyShared = anyShared || isShared(t)
		if first == 0 {
			first = t
		} else if t != first {
			two = true
		}
	}
	return two && anyShared
}

// compareTermLabels orders terms as their labels _:tN, which
// jsongold.LabelShared was given, sort as strings: it sorted them.
func compareTermLabels(a, b uint32) int {
	var x, y [10]byte
	return bytes.Compare(strconv.AppendUint(x[:0], uint64(a), 10), strconv.AppendUint(y[:0], uint64(b), 10))
}

// labelKey is a number that orders terms as compareTermLabels does, for
// a sort with no comparison function (sorting a group of 900,000 by
// compareTermLabels was a sixth of the labelling's time): t's digits
// left-aligned on ten places, then their count, as a shorter label
// sorts before a longer one it begins.
func labelKey(t uint32) uint64 {
	d, p := uint64(1), uint64(1_000_000_000)
	for v := t / 10; v > 0; v /= 10 {
		d++
		p /= 10
	}
	return (uint64(t)*p)<<4 | d
}

// keyTerm is the term of labelKey's number.
func keyTerm(k uint64) uint32 {
	p := uint64(1_000_000_000)
	for range k&15 - 1 {
		p /= 10
	}
	return uint32((k >> 4) / p)
}

// termPermutator is json-gold's Permutator (the Steinhaus-Johnson-Trotter
// algorithm over the list sorted) on terms ordered by compareTermLabels:
// the same permutations in the same order. Equal terms share a rank and
// a direction, as they share a key of the Permutator's map.
type termPermutator struct {
	terms []uint32 // by rank
	list  []int    // ranks
	left  []bool   // by rank
	done  bool
}

func newTermPermutator(list []uint32) *termPermutator {
	sorted := slices.Clone(list)
	slices.SortFunc(sorted, compareTermLabels)
	p := &termPermutator{list: make([]int, len(sorted))}
	for i, t := range sorted {
		if i == 0 || t != sorted[i-1] {
			p.terms = append(p.terms, t)
		}
		p.list[i] = len(p.terms) - 1
	}
	p.left = make([]bool, len(p.terms))
	for i := range p.left {
		p.left[i] = true
	}
	return p
}

func (p *termPermutator) hasNext() bool { return !p.done }

func (p *termPermutator) next() []uint32 {
	out := make([]uint32, len(p.list))
	for i, r := range p.list {
		out[i] = p.terms[r]
	}
	k, pos := -1, 0
	n := len(p.list)
	for i, e := range p.list {
		if (k < 0 || e > k) && ((p.left[e] && i > 0 && e > p.list[i-1]) || (!p.left[e] && i < n-1 && e > p.list[i+1])) {
			k, pos = e, i
		}
	}
	if k < 0 {
		p.done = true
		return out
	}
	swap := pos + 1
	if p.left[k] {
		swap = pos - 1
	}
	p.list[pos], p.list[swap] = p.list[swap], k
	for _, e := range p.list {
		if e > k {
			p.left[e] = !p.left[e]
		}
	}
	return out
}

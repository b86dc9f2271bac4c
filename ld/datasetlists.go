package ld

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

const rdfList = rdfNS + "List"

// listPlan is what the general path does to a dataset's RDF lists, found
// on the statements: the conversion from RDF (ld/internal/jsongold's
// FromRDF) folds each list's cells into a @list value, and the
// conversion back to RDF makes new cells for it, labelled after every
// blank node the node map labels. Where that gives the same statements
// under new labels (blank cells, no types), the compact writers give the
// general path's bytes by labelling the cells as it would (see
// Dataset.blankLabels); otherwise impure says why not.
type listPlan struct {
	// folds are the lists folded, each's cells from its head.
	folds []dfold
	// cell is set for every cell of a fold, head marks a fold's head
	// cell with its index in folds plus one (both nil with no folds).
	cell []bool
	head []int32
	// impure, when set, is the change the general path makes beyond
	// labels.
	impure string
	// nested marks the folds that are an item of another fold (their
	// head is referred to by a cell's rdf:first), by index in folds.
	nested []bool
	// unfolded holds the statements whose object, rdf:nil, ends a list
	// FromRDF leaves as it is (see keepFoldable): their rdf:nil stays,
	// where FromRDF makes every other one a list (see jsonLists).
	unfolded map[int32]bool
}

// dfold is one list: its cells from the head, their items, the
// statement that refers to the head (in the node that holds the list)
// with its index in Dataset.quads, and the index of the statement whose
// object is the list's rdf:nil.
type dfold struct {
	cells, items []uint32
	ref          dquad
	at, end      int32
}

// lists returns d's plan for its lists, made once.
func (d *Dataset) lists() *listPlan {
	if d.plan == nil {
		d.plan = d.planLists()
	}
	return d.plan
}

// planLists follows FromRDF's step 4 on each document's statements, each
// once: from each statement whose object is rdf:nil, back through cells
// (blank or not) that one statement refers to (rdf:type aside, which
// FromRDF keeps apart), in one graph, holding exactly one rdf:first, one
// rdf:rest and at most the type rdf:List, to the node holding the head,
// or to the first node that is not blank; then it leaves out, as
// FromRDF's foldable does, lists whose heads are held by each other's
// cells alone and lists with a cell naming a graph.
func (d *Dataset) planLists() *listPlan {
	plan := &listPlan{}
	if !d.hasLists {
		return plan
	}
	term := func(iri string) uint32 {
		for i, t := range d.terms {
			if t.kind == IRI && t.value() == iri {
				return uint32(i)
			}
		}
		return ^uint32(0)
	}
	first, rest, nilIRI, typ, list := term(rdfFirst), term(rdfRest), term(rdfNil), term(rdfType), term(rdfList)
	refs := make([]int32, len(d.terms))
	usage := make([]int32, len(d.terms))
	names := make([]bool, len(d.terms))
	// uses counts the statements a term is in, in any place: a cell of
	// a list folded is in three (its rdf:first and rdf:rest, and the
	// one referring to it). A cell in more would be a node of two labels
	// once folded (in another graph too), or lose its type rdf:List (the
	// general path drops it), or its place as a type.
	uses := make([]int32, len(d.terms))
	for doc := range d.docs {
		stmts := d.distinct(doc)
		for _, i := range stmts {
			q := d.quads[i]
			names[q.g] = q.g != 0
			uses[q.s]++
			uses[q.o]++
			if q.g != 0 {
				uses[q.g]++
			}
			// FromRDF counts the references to each node but those of
			// rdf:type, which become @type, and to rdf:nil.
			if d.terms[q.o].kind != Literal && q.o != nilIRI && q.p != typ {
				refs[q.o]++
				usage[q.o] = i
			}
		}
		// Each node's statements by graph and subject: stmts sorted.
		bySubject := slices.Clone(stmts)
		slices.SortFunc(bySubject, func(a, b int32) int {
			qa, qb := d.quads[a], d.quads[b]
			return cmp.Or(cmp.Compare(qa.g, qb.g), cmp.Compare(qa.s, qb.s), cmp.Compare(a, b))
		})
		of := func(s, g uint32) []int32 {
			i, _ := slices.BinarySearchFunc(bySubject, [2]uint32{g, s}, func(x int32, k [2]uint32) int {
				q := d.quads[x]
				return cmp.Or(cmp.Compare(q.g, k[0]), cmp.Compare(q.s, k[1]))
			})
			j := i
			for j < len(bySubject) && d.quads[bySubject[j]].g == g && d.quads[bySubject[j]].s == s {
				j++
			}
			return bySubject[i:j]
		}
		// wellFormed tells whether s is a cell in graph g, and its item.
		// A cell may be typed rdf:List, which the general path drops
		// (and uses tells).
		wellFormed := func(s, g uint32) (item uint32, ok bool) {
			var firsts, rests, types int
			for _, i := range of(s, g) {
				switch q := d.quads[i]; {
				case q.p == first:
					firsts++
					item = q.o
				case q.p == rest:
					rests++
				case q.p == typ && d.terms[q.o].kind != Literal:
					types++
					if q.o != list {
						return 0, false
					}
				default:
					return 0, false
				}
			}
			return item, firsts == 1 && rests == 1 && types <= 1
		}
		start := len(plan.folds)
		for _, i := range stmts {
			q := d.quads[i]
			if q.o != nilIRI {
				continue
			}
			node, g, p, ref, at := q.s, q.g, q.p, q, i
			var cells, items []uint32
			for p == rest && refs[node] == 1 {
				item, ok := wellFormed(node, g)
				if !ok {
					break
				}
				if d.terms[node].kind != Blank {
					plan.impure = "an RDF list whose cell is an IRI"
				}
				cells, items = append(cells, node), append(items, item)
				at = usage[node]
				ref = d.quads[at]
				if ref.g != g {
					plan.impure = "an RDF list across graphs"
				}
				node, g, p = ref.s, ref.g, ref.p
				if d.terms[node].kind != Blank {
					break
				}
			}
			if len(cells) == 0 {
				// rdf:nil stays rdf:nil.
				continue
			}
			slices.Reverse(cells)
			slices.Reverse(items)
			plan.folds = append(plan.folds, dfold{cells: cells, items: items, ref: ref, at: at, end: i})
		}
		d.keepFoldable(plan, start, names)
		for _, f := range plan.folds[start:] {
			for _, c := range f.cells {
				if uses[c] != 3 {
					plan.impure = "an RDF list whose cell is also a node"
				}
			}
		}
		for _, i := range stmts {
			q := d.quads[i]
			refs[q.o], names[q.g] = 0, false
			uses[q.s], uses[q.o], uses[q.g] = 0, 0, 0
		}
	}
	if len(plan.folds) == 0 {
		return plan
	}
	plan.cell, plan.head = make([]bool, len(d.terms)), make([]int32, len(d.terms))
	plan.nested = make([]bool, len(plan.folds))
	for i, f := range plan.folds {
		for _, c := range f.cells {
			plan.cell[c] = true
		}
		plan.head[f.cells[0]] = int32(i + 1)
	}
	for i, f := range plan.folds {
		if plan.cell[f.ref.s] {
			// A list that is an item of another: labelled inside it
			// (labelCells), its items walked there (blankLabels).
			plan.nested[i] = true
		}
	}
	return plan
}

// keepFoldable drops from plan.folds[start:] the lists FromRDF leaves as
// they are (see jsongold's foldable): those on a cycle of lists each
// held by a cell of the next, and those with a cell naming a graph.
func (d *Dataset) keepFoldable(plan *listPlan, start int, names []bool) {
	folds := plan.folds[start:]
	foldOf := map[uint32]int{}
	ok := make([]bool, len(folds))
	for i, f := range folds {
		ok[i] = true
		for _, c := range f.cells {
			foldOf[c] = i
			if names[c] {
				ok[i] = false
			}
		}
	}
	for i := range jsongold.OnCycles(len(folds), func(i int) (int, bool) {
		next, inList := foldOf[folds[i].ref.s]
		return next, inList
	}) {
		ok[i] = false
	}
	kept := folds[:0]
	for i, f := range folds {
		if ok[i] {
			kept = append(kept, f)
			continue
		}
		if plan.unfolded == nil {
			plan.unfolded = map[int32]bool{}
		}
		plan.unfolded[f.end] = true
	}
	plan.folds = plan.folds[:start+len(kept)]
}

// distinct returns the indexes of input doc's statements, each statement
// once (its first), in the order read.
func (d *Dataset) distinct(doc int) []int32 {
	idx := d.docStatements(doc)
	sorted := slices.Clone(idx)
	slices.SortFunc(sorted, func(a, b int32) int { return cmp.Or(compareQuads(d.quads[a], d.quads[b]), cmp.Compare(a, b)) })
	keep := make([]bool, len(idx))
	for k, i := range sorted {
		if k == 0 || d.quads[i] != d.quads[sorted[k-1]] {
			keep[int(i)-d.docs[doc]] = true
		}
	}
	out := idx[:0]
	for _, i := range idx {
		if keep[int(i)-d.docs[doc]] {
			out = append(out, i)
		}
	}
	return out
}

// RDFNeedsJSONLD returns nil when the compact writers of RDF formats
// (WriteRDF, WriteCanonical) give d's output, or why not, wrapping
// [ErrNeedsJSONLD]: they take RDF lists whose round trip through JSON-LD
// only relabels their cells.
func (d *Dataset) RDFNeedsJSONLD() error {
	if d.needsJSONLD != "" {
		return fmt.Errorf("%w: the data holds %s", ErrNeedsJSONLD, d.needsJSONLD)
	}
	if why := d.lists().impure; why != "" {
		return fmt.Errorf("%w: the data holds %s", ErrNeedsJSONLD, why)
	}
	return nil
}

// labelCells gives the cells of plan's lists the labels the conversion
// to RDF gives them, from next on: it takes the node map's graphs in the
// order of their names, each graph's nodes in the order of their names,
// a node's properties in the order of their keys, a property's values
// in the order held, and labels each list's cells from its head (see
// toDataset and json-gold's parseList). labels holds the node map's
// labels of the other blank nodes.
func (d *Dataset) labelCells(plan *listPlan, labels []uint32, next uint32) {
	name := func(t uint32) string {
		if t == 0 {
			return "@default"
		}
		if d.terms[t].kind == Blank {
			return "_:b" + strconv.Itoa(int(labels[t]))
		}
		return d.terms[t].value()
	}
	key := func(p uint32) string {
		iri := d.terms[p].value()
		if isHTTP(iri) {
			return disguisePrefix + iri
		}
		return iri
	}
	order := make([]int, 0, len(plan.folds))
	for i := range plan.folds {
		if !plan.nested[i] {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(a, b int) int {
		fa, fb := plan.folds[a], plan.folds[b]
		return cmp.Or(cmp.Compare(name(fa.ref.g), name(fb.ref.g)), cmp.Compare(name(fa.ref.s), name(fb.ref.s)),
			cmp.Compare(key(fa.ref.p), key(fb.ref.p)), cmp.Compare(fa.at, fb.at))
	})
	// As json-gold's parseList labels a list: its head, then each item
	// (a list item's cells, the same way), then the next cell.
	var label func(f *dfold)
	label = func(f *dfold) {
		for j, c := range f.cells {
			labels[c] = next
			next++
			if h := plan.head[f.items[j]]; h != 0 {
				label(&plan.folds[h-1])
			}
		}
	}
	for _, i := range order {
		label(&plan.folds[i])
	}
}

package ld

import "fmt"

// jsonLists is what the dataset's JSON-LD writers (WriteJSONLD) do with
// RDF lists: json-gold's conversion from RDF folds each list's cells into
// a {"@list": […]} value of the node that holds the list's head, the
// cells gone from the output, and turns every other statement whose
// object is rdf:nil (an empty list, a list whose cells it does not fold)
// into a {"@list": []} value (FromRDF's step 4, ld/internal/jsongold).
// The writers make those values from the dataset's list plan (see
// datasetlists.go) where the plan folds exactly what FromRDF folds and
// changes nothing else: blank cells in one graph, untyped, each in no
// statement but its rdf:first, its rdf:rest and the one that refers to
// it, and no list inside another's cells (listPlan.impure unset).
// Anything else takes the general path, as before: a flat RDF list of
// 250,000 items converted to JSON-LD took 740–925 MB there, 20–26 times
// its N-Quads.
type jsonLists struct {
	plan *listPlan
	// at gives the fold whose head statement i is (the statement that
	// refers to its first cell), by i.
	at map[int32]int
	// nilTerm, first and typ are the terms of rdf:nil, rdf:first and
	// rdf:type (0 where the dataset has none).
	nilTerm, first, typ uint32
}

// jsonLists returns the writers' plan for d's lists, nil where it has
// none, or an error wrapping ErrNeedsJSONLD where FromRDF would change
// more than the plan tells.
func (d *Dataset) jsonLists() (*jsonLists, error) {
	if !d.hasLists {
		return nil, nil
	}
	plan := d.lists()
	if plan.impure != "" {
		return nil, fmt.Errorf("%w: the data holds %s", ErrNeedsJSONLD, plan.impure)
	}
	jl := &jsonLists{plan: plan, at: make(map[int32]int, len(plan.folds))}
	for i, f := range plan.folds {
		jl.at[f.at] = i
	}
	for i := 1; i < len(d.terms); i++ {
		if t := d.terms[i]; t.kind == IRI {
			switch t.value() {
			case rdfNil:
				jl.nilTerm = uint32(i)
			case rdfFirst:
				jl.first = uint32(i)
			case rdfType:
				jl.typ = uint32(i)
			}
		}
	}
	return jl, nil
}

// docCells returns the cells of the lists folded in input doc, marked in
// a slice by term (nil where it has none): each input's blank nodes are
// its own, so a label that is a cell in one input may be a node in
// another.
func (jl *jsonLists) docCells(d *Dataset, doc int) []bool {
	var cells []bool
	for _, f := range jl.plan.folds {
		if d.docOf(int(f.at)) != doc {
			continue
		}
		if cells == nil {
			cells = make([]bool, len(d.terms))
		}
		for _, c := range f.cells {
			cells[c] = true
		}
	}
	return cells
}

// isList reports whether statement i gives a list value: it refers to a
// folded list's first cell, or its object is rdf:nil (not as a type),
// unless it ends a list FromRDF leaves unfolded.
func (jl *jsonLists) isList(d *Dataset, i int32) bool {
	if _, ok := jl.at[i]; ok {
		return true
	}
	q := d.quads[i]
	return jl.nilTerm != 0 && q.o == jl.nilTerm && q.p != jl.typ && !jl.plan.unfolded[i]
}

// value returns the {"@list": […]} value statement i gives (see isList),
// its items made as FromRDF makes each cell's rdf:first value, rdf:nil
// as an empty list.
func (jl *jsonLists) value(jw *jsonNodeWriter, i int32) map[string]any {
	f, folded := jl.at[i]
	if !folded {
		return map[string]any{"@list": []any{}}
	}
	fold := jl.plan.folds[f]
	g := jw.d.quads[i].g
	items := make([]any, len(fold.items))
	for j, item := range fold.items {
		if item == jl.nilTerm {
			items[j] = map[string]any{"@list": []any{}}
			continue
		}
		_, _, items[j] = jw.rdfValue(dquad{s: fold.cells[j], p: jl.first, o: item, g: g})
	}
	return map[string]any{"@list": items}
}

// holdsList reports whether any of statements qs gives a list value.
func (jl *jsonLists) holdsList(d *Dataset, qs []int32) bool {
	for _, i := range qs {
		if jl.isList(d, i) {
			return true
		}
	}
	return false
}

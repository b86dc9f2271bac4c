package ld

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

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
// it (listPlan.impure unset); a list that is an item of another is made
// as that item.
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
	// cellsOf is the input whose cells (docCells) cells holds, plus one:
	// topNodes and then the writer ask for each input's in turn.
	cellsOf int
	cells   []bool
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
	if jl.cellsOf == doc+1 {
		return jl.cells
	}
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
	jl.cellsOf, jl.cells = doc+1, cells
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
// as an empty list: all of them, or with limit set the first limit of a
// list whose items are all of one kind (see oneKind), and whether it
// left some out for a listTail.
func (jl *jsonLists) value(jw *jsonNodeWriter, i int32, limit int) (v map[string]any, cut bool) {
	f, folded := jl.at[i]
	if !folded {
		return map[string]any{"@list": []any{}}, false
	}
	fold := &jl.plan.folds[f]
	n := len(fold.items)
	if limit > 0 && n > limit && jl.oneKind(jw, fold) {
		n, cut = limit, true
	}
	items := make([]any, n)
	for j := range items {
		items[j] = jl.item(jw, fold, j, jw.d.quads[i].g)
	}
	return map[string]any{"@list": items}, cut
}

// item returns the j-th item of fold, in graph g, as FromRDF makes it:
// a list that is an item (nested) made whole.
func (jl *jsonLists) item(jw *jsonNodeWriter, fold *dfold, j int, g uint32) map[string]any {
	if fold.items[j] == jl.nilTerm {
		return map[string]any{"@list": []any{}}
	}
	if h := jl.plan.head[fold.items[j]]; h != 0 {
		inner := &jl.plan.folds[h-1]
		items := make([]any, len(inner.items))
		for k := range items {
			items[k] = jl.item(jw, inner, k, g)
		}
		return map[string]any{"@list": items}
	}
	_, _, v := jw.rdfValue(dquad{s: fold.cells[j], p: jl.first, o: fold.items[j], g: g})
	return v
}

// oneKind reports whether fold's items are all of one kind for
// compaction's choice of a term (IRI compaction's common type and
// language of a list): all nodes (IRIs, blank nodes, lists), or all
// literals of one datatype or of one language. Then the list's first
// items choose the term the whole list does, and the others can be
// compacted one at a time under it (see listTail). A base direction
// (rdfDirection) adds to a literal's kind: such lists are made whole.
func (jl *jsonLists) oneKind(jw *jsonNodeWriter, fold *dfold) bool {
	if jw.opts.RDFDirection != "" {
		return false
	}
	kind := func(item uint32) (node bool, dt, lang string) {
		t := jw.d.terms[item]
		if t.kind != Literal {
			return true, "", ""
		}
		_, dt, lang = t.literal()
		if lang != "" {
			return false, "", strings.ToLower(lang)
		}
		if dt == xsdString {
			dt = ""
		}
		return false, dt, ""
	}
	node0, dt0, lang0 := kind(fold.items[0])
	for _, item := range fold.items[1:] {
		if node, dt, lang := kind(item); node != node0 || dt != dt0 || lang != lang0 {
			return false
		}
	}
	return true
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

// listAside prefixes the property under which fromRDFAside sets aside a
// list statement whose items past the first few it left out (no IRI
// starts so).
const listAside = "@list "

// takeListTails removes from aside, and returns by property, the list
// statements fromRDFAside cut short (nil where there are none).
func takeListTails(aside map[string][]int32) map[string][]int32 {
	var tails map[string][]int32
	for k, stmts := range aside {
		if pred, ok := strings.CutPrefix(k, listAside); ok {
			if tails == nil {
				tails = map[string][]int32{}
			}
			tails[pred] = stmts
			delete(aside, k)
		}
	}
	return tails
}

// listTail is the items of a list in a node's output: those made with
// the node, then those next makes, one at a time as they are written.
type listTail struct {
	made []any
	next itemStream
}

// listTails puts in m, the output made (compacted or not) of node top,
// the tails of the lists fromRDFAside cut short (tails, by property):
// each list's remaining items made from its cells, expanded as the
// node's expansion makes them and compacted, where the node is, under
// the term the whole list is compacted under. Expansion and compaction
// take a list's items one at a time; the term depends on the items'
// common kind, which the items left out share (jsonLists.oneKind). ok is
// false where a list does not stand in m as one list of the items made
// under one key (a term of @container @list, two lists of a property):
// the node must then be made whole.
func (jw *jsonNodeWriter) listTails(doc int, top, m map[string]any, tails map[string][]int32, compact bool) (ok bool, err error) {
	d, jl := jw.d, jw.lists
	id, _ := top["@id"].(string)
	for pred, stmts := range tails {
		if len(stmts) != 1 {
			return false, nil
		}
		held := asList(top[pred])
		var made []any
		for _, v := range held {
			if l, isList := v.(map[string]any)["@list"].([]any); isList && len(l) > 0 {
				if made != nil {
					return false, nil
				}
				made = l
			}
		}
		key := pred
		if compact {
			sample := make([]any, len(made))
			for i, v := range made {
				sample[i] = lowerLanguage(v)
			}
			if key, err = jw.ctx.CompactIri(pred, map[string]any{"@list": sample}, true, false); err != nil {
				return false, nil
			}
		}
		var listMap map[string]any
		switch v := m[key].(type) {
		case map[string]any:
			listMap = v
		case []any:
			if !compact && len(v) == 1 {
				listMap, _ = v[0].(map[string]any)
			}
		}
		items, isList := listMap["@list"].([]any)
		if len(listMap) != 1 || !isList || len(items) != len(made) {
			return false, nil
		}
		st := stmts[0]
		fold := &jl.plan.folds[jl.at[st]]
		g := d.quads[st].g
		j := len(made)
		listMap["@list"] = &listTail{made: items, next: func() (any, bool, error) {
			if j >= len(fold.items) {
				return nil, false, nil
			}
			v := jl.item(jw, fold, j, g)
			j++
			exp, err := jw.expandedNode(doc, map[string]any{"@id": id, pred: []any{map[string]any{"@list": []any{v}}}}, id, 1)
			if err != nil {
				return nil, false, err
			}
			vs, _ := exp[pred].([]any)
			var one []any
			if len(vs) == 1 {
				one, _ = vs[0].(map[string]any)["@list"].([]any)
			}
			item, isMap := any(nil), false
			if len(one) == 1 {
				item, isMap = one[0].(map[string]any)
			}
			if !isMap {
				return nil, false, fmt.Errorf("%w: an item of a list of %s does not expand as the dataset's", ErrNeedsJSONLD, id)
			}
			if !compact {
				return item, true, nil
			}
			out, err := jw.compactValue(key, item.(map[string]any))
			if err == nil && out == nil {
				err = fmt.Errorf("%w: an item of a list of %s compacts to nothing", ErrNeedsJSONLD, id)
			}
			return out, err == nil, err
		}}
	}
	jw.p.streamed.Add(int64(len(tails)))
	return true, nil
}

// lowerLanguage returns value object v with its language tag in lower
// case, as expansion makes it (v itself where it has none).
func lowerLanguage(v any) any {
	m, _ := v.(map[string]any)
	lang, tagged := m["@language"].(string)
	if !tagged || lang == strings.ToLower(lang) {
		return v
	}
	c := maps.Clone(m)
	c["@language"] = strings.ToLower(lang)
	return c
}

// writeValue writes v, a value of a node's output, at depth: as the
// encoder writes it, but for a list whose items are made as they are
// written (a listTail, in {"@list": …}, alone or in an array).
func (jw *jsonNodeWriter) writeValue(v any, depth int) error {
	e := jw.enc
	switch x := v.(type) {
	case *listTail:
		return jw.writeItems(x.made, x.next, depth)
	case map[string]any:
		if _, tail := x["@list"].(*listTail); tail {
			return jw.writeStreamed(x, depth, nil)
		}
	case []any:
		if slices.ContainsFunc(x, holdsTail) {
			e.buf = append(e.buf, '[')
			count := 0
			for _, item := range x {
				e.nextItem(&count, depth+1)
				if err := jw.writeValue(item, depth+1); err != nil {
					return err
				}
			}
			e.newline(depth)
			e.buf = append(e.buf, ']')
			return e.err
		}
	}
	e.value(v, depth)
	return e.err
}

// holdsTail reports whether v is a list whose items are made as they are
// written.
func holdsTail(v any) bool {
	m, _ := v.(map[string]any)
	_, tail := m["@list"].(*listTail)
	return tail
}

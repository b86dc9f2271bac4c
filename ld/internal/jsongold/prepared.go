package jsongold

import (
	"sort"
	"strings"

	jld "github.com/piprate/json-gold/ld"
)

// Term is one term definition of a context processed ahead of time: the
// term and what processing the context defined it as. Generated code lists
// them (ld/internal/sdoctx), so that a process need not run context
// processing over a large context it always uses.
//
// This file is film2ld's own, not adapted from json-gold.
type Term struct {
	Name string
	Def  TermDefinition
}

// WithTerms returns a copy of c with each of terms defined as listed, as
// processing a local context of those terms would leave it (json-gold's
// createTermDefinition for each). It checks nothing: the table's test must
// prove that it is what Parse gives. The definitions are shared with terms
// (no copy is made, and none is needed: nothing changes a definition once
// it is in a context), so terms must never change.
func (c *Context) WithTerms(terms []Term) *Context {
	result := CopyContext(c)
	defs := make(map[string]*TermDefinition, len(result.TermDefinitions)+len(terms))
	for k, v := range result.TermDefinitions {
		defs[k] = v
	}
	for i := range terms {
		t := &terms[i]
		def := &t.Def
		// termHasColon is unexported, so generated code cannot write it;
		// it is what createTermDefinition computes from the term.
		if hasColon := strings.Index(t.Name, ":") > 0; hasColon != def.termHasColon {
			d := *def
			d.termHasColon = hasColon
			def = &d
		}
		defs[t.Name] = def
	}
	result.TermDefinitions = defs
	// A table in shortest-least order (sdoctx's is) spares GetInverse
	// its sort, half of its time for 3,000 terms; checking the order is
	// one comparison per term.
	if len(c.TermDefinitions) == 0 && inShortestLeastOrder(terms) {
		result.termOrder = make([]string, len(terms))
		for i := range terms {
			result.termOrder[i] = terms[i].Name
		}
	}
	return result
}

// inShortestLeastOrder reports whether terms' names are in strictly
// increasing shortest-least order, and so distinct.
func inShortestLeastOrder(terms []Term) bool {
	for i := 1; i < len(terms); i++ {
		if !jld.CompareShortestLeast(terms[i-1].Name, terms[i].Name) {
			return false
		}
	}
	return true
}

// CopyTerms returns a new context that carries options, with c's values
// and a copy of c's term definitions and protected terms (in maps of its
// own, which the caller may change), and with the terms in nulled defined
// as null. It keeps what c knows of its terms' order, which GetInverse
// checks before it relies on it.
func (c *Context) CopyTerms(options *jld.JsonLdOptions, nulled []string) *Context {
	result := NewContext(nil, options)
	values := *c.Values
	result.Values = &values
	result.TermDefinitions = make(map[string]*TermDefinition, len(c.TermDefinitions)+len(nulled))
	for k, v := range c.TermDefinitions {
		result.TermDefinitions[k] = v
	}
	for k, v := range c.Protected {
		result.Protected[k] = v
	}
	for _, term := range nulled {
		result.TermDefinitions[term] = nil
	}
	result.termOrder = c.termOrder
	return result
}

// sortedTerms returns the context's terms in shortest-least order: the
// order WithTerms recorded, when it still lists exactly the context's
// terms (as many, each defined, and distinct, as WithTerms made sure),
// else the terms sorted.
func (c *Context) sortedTerms() []string {
	if c.termOrder != nil && len(c.termOrder) == len(c.TermDefinitions) {
		all := true
		for _, t := range c.termOrder {
			if _, ok := c.TermDefinitions[t]; !ok {
				all = false
				break
			}
		}
		if all {
			return c.termOrder
		}
	}
	terms := jld.GetKeys(c.TermDefinitions)
	sort.Sort(jld.ShortestLeast(terms))
	return terms
}

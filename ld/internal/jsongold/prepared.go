package jsongold

import "strings"

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
	return result
}

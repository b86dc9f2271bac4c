package ld

// LazyItems returns how many items of doc's sequences the web snippet's
// short path builds again as it writes them rather than holding them (see
// jlazy), and how many nodes it keeps described in a few bytes rather
// than as nodes (lazyDescription), or -1 where it takes json-gold's path.
func LazyItems(p *Processor, doc any, f Format, opts Options) (items, described int) {
	b, _, ok := p.directJSON(doc, f, opts)
	if !ok {
		return -1, -1
	}
	return len(b.lazy.items), b.lazy.described
}

// SetFlatKeep sets how many values of a property the flattened direct
// path keeps in a node before it keeps them aside, and returns the
// function that puts the old number back.
func SetFlatKeep(n int) (restore func()) {
	old := flatKeep
	flatKeep = n
	return func() { flatKeep = old }
}

// LightRefs returns how many references of doc's sequences the web
// snippet's short path holds as light references rather than nodes (see
// lightRef), and how many of those became nodes after all (promote), or
// -1 where it takes json-gold's path.
func LightRefs(p *Processor, doc any, f Format, opts Options) (refs, promoted int) {
	b, _, ok := p.directJSON(doc, f, opts)
	if !ok {
		return -1, -1
	}
	return len(b.lazy.refs), len(b.lazy.promoted)
}

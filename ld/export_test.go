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

package ld

// RecordLines asks ReadNQuads to remember the line each subject first
// stands on, so that a check of the data can point at it (SubjectLines).
// It is off by default: a dump loaded into a store has no use for it.
func (d *Dataset) RecordLines() {
	if d.lines == nil {
		d.lines = map[uint32]int{}
	}
}

// SubjectLines returns, for each IRI subject read since RecordLines, the
// line of the first statement about it in its input.
func (d *Dataset) SubjectLines() map[string]int {
	out := make(map[string]int, len(d.lines))
	for id, line := range d.lines {
		if t := d.terms[id]; t.kind == IRI {
			out[t.value()] = line
		}
	}
	return out
}

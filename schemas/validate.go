package schemas

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/film2ld/film2ld/ld/diag"
)

// Profile selects the layers Validate runs.
type Profile string

// The profiles.
const (
	// Google runs every layer: shapes, vocabulary and search-engine rules.
	Google Profile = "google"
	// SchemaOrg runs shapes and vocabulary only: markup for any consumer.
	SchemaOrg Profile = "schemaorg"
)

// ParseProfile reads a profile name.
func ParseProfile(s string) (Profile, error) {
	switch Profile(s) {
	case Google, SchemaOrg:
		return Profile(s), nil
	}
	return "", fmt.Errorf("unknown profile %q (want google or schemaorg)", s)
}

// Validate checks a graph and returns its findings, sorted, each once.
func Validate(g *Graph, p Profile) []Finding {
	return ValidateReporting(g, p, nil)
}

// ValidateReporting is Validate for a caller that reports only the rules
// report accepts (all, when nil; validate's --enable and --disable): of a
// defect two layers see, the finding kept is one of a reported rule
// where there is one (see Validation.Report). The caller still drops the
// findings of the rules it does not report.
func ValidateReporting(g *Graph, p Profile, report func(rule string) bool) []Finding {
	v := NewValidation(p, false)
	v.Report(report)
	v.Add(g, nil)
	return v.Findings()
}

// Validation checks a graph given in parts, each a graph of its own, and
// gives the findings Validate would give for the whole: the same rules,
// and each defect named once (a node in two parts, such as a reviewer of
// reviews in both, is checked in each). The caller makes the parts so
// that each holds every node its nodes refer to, and says which findings
// of a part to keep (a part's stand-in for a node checked whole in
// another). Validating a large film a part at a time holds one part's
// graph at a time, not the film's (see pipeline.Job.Check).
type Validation struct {
	profile Profile
	parts   bool
	// layers are the findings of each layer, in Validate's order:
	// reading, shapes, vocabulary, search-engine rules. A defect two
	// layers see is named by the earlier one (onePerPlace), so each is
	// gathered over all parts before the layers are joined.
	layers [4][]Finding
	// report, when set, is the rules the caller reports (see Report).
	report func(rule string) bool
}

// Report tells the validation which rules the caller reports (nil: all).
// A defect two layers see is named once, by the earlier layer's finding
// (onePerPlace); where that one's rule is not reported and another's is,
// the other is kept, so that --enable vocab.date reports a Movie's date
// that the Movie's shape saw first, and --disable shape.movie does not
// hide it.
func (v *Validation) Report(report func(rule string) bool) { v.report = report }

// NewValidation starts a validation with profile p. With parts set, each
// graph added is a part, let go of once added: its findings keep no node
// (see Detach).
func NewValidation(p Profile, parts bool) *Validation {
	return &Validation{profile: p, parts: parts}
}

// Add checks g and gathers its findings, those keep accepts when keep is
// not nil.
func (v *Validation) Add(g *Graph, keep func(Finding) bool) {
	problems := append([]Finding(nil), g.Problems...)
	if v.profile != Google {
		for i, f := range problems {
			// Without a rich result to lose, a dangling reference is the
			// ordinary linked-data warning.
			if f.Rule == RuleDangling {
				problems[i].Severity = Warning
			}
		}
	}
	layers := [4][]Finding{problems, checkShapes(g), checkVocabulary(g)}
	if v.profile == Google {
		layers[3] = checkGoogle(g)
	}
	for i, fs := range layers {
		if keep != nil {
			fs = slices.DeleteFunc(fs, func(f Finding) bool { return !keep(f) })
		}
		if v.parts {
			Detach(fs)
		}
		for j := range fs {
			fs[j] = fs[j].Clipped()
		}
		v.layers[i] = append(v.layers[i], fs...)
	}
}

// Findings returns the findings gathered, sorted, each once.
func (v *Validation) Findings() []Finding {
	var fs []Finding
	for _, l := range v.layers {
		fs = append(fs, l...)
	}
	return sortFindings(onePerPlace(fs, v.report))
}

// onePerPlace keeps one finding per node, property and position: two layers
// often see the same defect (text where the author should be a Person is a
// vocabulary warning and a search-engine error), and a report should name
// each defect once. The most severe finding wins; of equals, the earlier
// layer's. fs, the layers' findings in order, is sorted by place (stably,
// so that a place's findings keep their order) and compacted in place: a
// map of places, keyed by strings made for it, took 140 MB beside the
// 300,000 findings of a page of 60,000 blocks. The order fs is left in
// does not matter: no two places' findings are equal in sortFindings'
// order. With report not nil, a finding of a rule it accepts wins over
// one of a rule it does not, whatever their severities.
func onePerPlace(fs []Finding, report func(rule string) bool) []Finding {
	slices.SortStableFunc(fs, comparePlaces)
	reported := func(f Finding) bool { return report == nil || report(f.Rule) }
	out := fs[:0]
	for i := 0; i < len(fs); {
		j, win := i+1, i
		for j < len(fs) && comparePlaces(fs[i], fs[j]) == 0 {
			switch wr, jr := reported(fs[win]), reported(fs[j]); {
			case jr && !wr:
				win = j
			case jr == wr && fs[win].Severity != Error && fs[j].Severity == Error:
				win = j
			}
			j++
		}
		out = append(out, fs[win])
		i = j
	}
	clear(fs[len(out):])
	return out
}

// comparePlaces orders findings by their place: position, node (as
// described, then as numbered: two nodes alike are two places) and
// property, and for a finding about the node (no property) its rule and
// message, which tell four recommended properties missing from one Movie
// apart as four findings.
func comparePlaces(a, b Finding) int {
	c := cmp.Or(diag.Compare(a.Pos, b.Pos), cmp.Compare(a.Node, b.Node), cmp.Compare(a.nodeSeq, b.nodeSeq), cmp.Compare(a.Property, b.Property))
	if c != 0 || a.Property != "" {
		return c
	}
	return cmp.Or(cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Message, b.Message))
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

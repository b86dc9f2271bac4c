package schemas

import "fmt"

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
	fs := append([]Finding(nil), g.Problems...)
	if p != Google {
		for i, f := range fs {
			// Without a rich result to lose, a dangling reference is the
			// ordinary linked-data warning.
			if f.Rule == RuleDangling {
				fs[i].Severity = Warning
			}
		}
	}
	fs = append(fs, checkShapes(g)...)
	fs = append(fs, checkVocabulary(g)...)
	if p == Google {
		fs = append(fs, checkGoogle(g)...)
	}
	return sortFindings(onePerPlace(fs))
}

// onePerPlace keeps one finding per node, property and position: two layers
// often see the same defect (text where the author should be a Person is a
// vocabulary warning and a search-engine error), and a report should name
// each defect once. The most severe finding wins; of equals, the earlier
// layer's.
func onePerPlace(fs []Finding) []Finding {
	type place struct {
		pos        Pos
		node, prop string
	}
	best := map[place]int{}
	var out []Finding
	for _, f := range fs {
		k := place{f.Pos, f.Node, f.Property}
		if f.Property == "" {
			// Node-level findings (a missing property) are distinct by
			// rule and message: four recommended properties missing from
			// one Movie are four findings, not the first of them.
			k.prop = "\x00" + f.Rule + "\x00" + f.Message
		}
		i, seen := best[k]
		switch {
		case !seen:
			best[k] = len(out)
			out = append(out, f)
		case f.Severity == Error && out[i].Severity != Error:
			out[i] = f
		}
	}
	return out
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

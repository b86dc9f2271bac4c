package schemas

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity grades a Finding.
type Severity string

// Severities. An error makes validate exit 1; a warning does not (unless
// the command asks it to); a note only informs.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Note    Severity = "note"
)

// Pos is where something stands in an input: a file, and the 1-based line
// and column (in characters, that is Unicode code points) of the JSON value, or of the HTML block or N-Quads
// line when finer is not known. Line 0 means the input as a whole.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// Finding is one problem with the markup.
type Finding struct {
	Severity Severity
	// Rule is a stable identifier ("google.review.author",
	// "vocab.unknown-property"), for filtering and for SARIF.
	Rule string
	// Node names the node: its type and its IRI or name
	// (`Movie <https://…>`, `Review "Great"`, `Review (review of Movie "Heat")`).
	Node string
	// Property is the schema.org property at fault, or "" for the node.
	Property string
	// Message says what is wrong; Fix says what would put it right.
	Message string
	Fix     string
	Pos     Pos
	// node is the node the finding is about, for Snippet.
	node *Node
}

func (f Finding) String() string {
	s := fmt.Sprintf("%s: %s: %s", f.Pos, f.Severity, f.Node)
	if f.Property != "" {
		s += ": " + f.Property
	}
	s += ": " + f.Message
	if f.Fix != "" {
		s += " (" + f.Fix + ")"
	}
	return s + " [" + f.Rule + "]"
}

// sortFindings orders findings by file, line, column, rule, node,
// property and message, and drops exact repeats, so that a report never
// depends on map order or on the order gojsonschema happened to use.
func sortFindings(fs []Finding) []Finding {
	slices.SortFunc(fs, compareFindings)
	return slices.Compact(fs)
}

// compareFindings is the order of sortFindings.
func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Pos.File, b.Pos.File),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Col, b.Pos.Col),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Node, b.Node),
		cmp.Compare(a.Property, b.Property),
		cmp.Compare(a.Message, b.Message),
	)
}

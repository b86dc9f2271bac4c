package schemas

import (
	"cmp"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/film2ld/film2ld/ld/diag"
)

// Severity grades a Finding; it is film2ld's one severity type.
type Severity = diag.Severity

// Severities. An error makes validate exit 1; a warning does not (unless
// the command asks it to); a note only informs.
const (
	Error   = diag.Error
	Warning = diag.Warning
	Note    = diag.Note
)

// Pos is where a finding stands: the file, and the 1-based line and column
// (in characters) of the JSON value, or of the HTML block or N-Quads line
// when finer is not known. Line 0 means the input as a whole. It is
// film2ld's one position type.
type Pos = diag.Position

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
	// node is the node the finding is about, for the snippet's choices.
	node *Node
	// nodeSeq is that node's number (Node.seq), which Detach keeps: it
	// tells two nodes' findings apart in onePerPlace; 0 for none.
	nodeSeq int
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

// Detach lets findings go of the graph they were found in: each holds
// the node it is about, for Previews and the web snippet's choices, and
// through it the node's whole tree. A caller that keeps findings for a
// report without those (validate over a folder) would otherwise keep
// every input's graph until the end. What the findings say is unchanged.
func Detach(fs []Finding) {
	for i := range fs {
		fs[i].node = nil
	}
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
		diag.Compare(a.Pos, b.Pos),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Node, b.Node),
		cmp.Compare(a.Property, b.Property),
		cmp.Compare(a.Message, b.Message),
	)
}

// maxQuoted is the most bytes of a value from the input (a name, an IRI,
// a type or key) a finding quotes, and maxField the most bytes of any of
// its texts. A page may hold a name of 200 MB; each finding about its
// node named it whole, so validate of such a page wrote a gigabyte of
// report and took 4 GB of memory. What is left out is in the input, at
// the finding's position.
const (
	maxQuoted = 120
	maxField  = 600
)

// clip returns s, or its first maxQuoted bytes, cut at a character
// boundary, and "…".
func clip(s string) string {
	if len(s) <= maxQuoted {
		return s
	}
	return s[:runeStart(s, maxQuoted)] + "…"
}

// clipField returns s, or, when it is longer than maxField, its start and
// its end with " … " between them, maxField bytes in all: a message's value may stand in its
// middle, and its end says what is wrong with it.
func clipField(s string) string {
	if len(s) <= maxField {
		return s
	}
	const gap = " … "
	tail := len(s) - maxField/3
	for !utf8.RuneStart(s[tail]) {
		tail++
	}
	head := runeStart(s, maxField-len(gap)-(len(s)-tail))
	return s[:head] + gap + s[tail:]
}

// runeStart returns the largest i ≤ n at which a character of s starts.
func runeStart(s string, n int) int {
	for n > 0 && n < len(s) && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}

// Clipped returns f with each of its texts at most 600 bytes (its start
// and end kept): a finding may quote a value of any length, and its
// reader needs only to find it.
func (f Finding) Clipped() Finding {
	f.Node = clipField(f.Node)
	f.Property = clipField(f.Property)
	f.Message = clipField(f.Message)
	f.Fix = clipField(f.Fix)
	return f
}

package ld

import (
	"errors"
	"fmt"

	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// Sentinel errors; callers branch on them with [errors.Is].
var (
	// ErrRemoteContext reports a context URL other than schema.org's in a
	// processor made without [Config.AllowRemote].
	ErrRemoteContext = errors.New("remote context not allowed")
	// ErrRelativeIRI reports a relative IRI reference with no base IRI to
	// resolve it against; JSON-LD would silently drop its statement.
	ErrRelativeIRI = errors.New("relative IRI reference")
	// ErrInvalidIRI reports an IRI that cannot be written to N-Quads as it is,
	// or that json-gold would drop.
	ErrInvalidIRI = errors.New("invalid IRI")
	// ErrInvalidLiteral reports a literal that is not valid RDF text (a
	// control character, invalid UTF-8 such as an unpaired surrogate) or a
	// number that has no exact RDF form.
	ErrInvalidLiteral = errors.New("invalid literal")
	// ErrInvalidLanguage reports a language tag that is not well formed.
	ErrInvalidLanguage = errors.New("invalid language tag")
	// ErrInvalidInput reports a document that is not JSON-LD this package can
	// process: a value of an unsupported Go type, an unknown keyword, or an
	// error from the JSON-LD algorithms.
	ErrInvalidInput = errors.New("invalid JSON-LD input")
	// ErrSyntax reports input text (N-Quads, JSON in HTML) that does not parse.
	ErrSyntax = errors.New("syntax error")
	// ErrNoRoot reports that framing found no node of the requested type.
	ErrNoRoot = errors.New("no root node")
	// ErrUnreachable reports nodes that framing would leave out because they
	// cannot be reached from the root node.
	ErrUnreachable = errors.New("nodes not reachable from the root")
	// ErrFrameWork reports a graph whose framing would embed its nodes
	// more times than its size allows: nodes reached by many paths, which
	// json-gold's @last embedding frames again on each (exponential in a
	// chain of diamonds). [Processor.Write] then compacts the graph
	// unframed, as it does a graph with no root.
	ErrFrameWork = jsongold.ErrFrameWork
	// ErrWorkLimit reports a graph whose canonicalization would take more
	// work than [Config.MaxWorkFactor] allows (a "poison" graph).
	ErrWorkLimit = jsongold.ErrWorkLimit
	// ErrUnknownFormat reports an output format name [ParseFormat] does not know.
	ErrUnknownFormat = errors.New("unknown format")
)

// NodeError reports a value that cannot become RDF as it is, naming where it
// is in the document.
type NodeError struct {
	// Node names the node: its IRI, or its type and name ("Movie \"Heat\"")
	// for a blank node, with the way it was reached if it has no name.
	Node string
	// Property is the compacted property ("image", "@id", "@type").
	Property string
	// Value is the offending IRI or literal.
	Value string
	// Err is the reason, one of the sentinel errors.
	Err error
}

// Error reports the node, the property, the reason and the value.
func (e *NodeError) Error() string {
	if e.Value == "" && errors.Is(e.Err, ErrRelativeIRI) {
		// An empty value ("image": "", which sites write for a missing
		// picture) is a reference to the document itself: name it as
		// what the user sees.
		return fmt.Sprintf("%s: %s: the value is empty, which as an IRI is a %v to the document itself (remove the property, or give a base IRI to resolve it)", e.Node, e.Property, e.Err)
	}
	msg := fmt.Sprintf("%s: %s: %v %q", e.Node, e.Property, e.Err, e.Value)
	if errors.Is(e.Err, ErrRelativeIRI) {
		msg += " (give a base IRI to resolve it)"
	}
	return msg
}

// Unwrap returns the reason, so errors.Is finds the sentinel.
func (e *NodeError) Unwrap() error { return e.Err }

// LanguageTagError is an [ErrInvalidLanguage] error: the tag, as the
// processor holds it (in lower case once expanded), that is not well
// formed. A caller that places the error finds the tag by it.
type LanguageTagError struct {
	Tag string
}

// Error names the tag.
func (e *LanguageTagError) Error() string {
	return fmt.Sprintf("%v %q", ErrInvalidLanguage, e.Tag)
}

// Unwrap returns ErrInvalidLanguage, so errors.Is finds it.
func (e *LanguageTagError) Unwrap() error { return ErrInvalidLanguage }

// PosError reports a problem at a position in a named input: the one
// positioned error of film2ld (see package diag), whose ErrorWithPosition
// shows the offending line with a caret when the reader kept it.
type PosError = diag.PosError

// InputPathError is an [ErrInvalidInput] error at a place in a JSON-LD
// document: a value film2ld's check of the input refuses, at Pointer (a
// JSON Pointer, RFC 6901, its tokens as the document writes them:
// "/@graph/0/name"). [PointerOffset] finds the place in the document's
// text, so that a caller can name its line and column.
type InputPathError struct {
	Pointer string
	Msg     string
	// Kind, when set, is a more precise sentinel the error also is
	// (ErrNoDouble).
	Kind error
}

// ErrNoDouble is an [InputPathError] of a number no double holds (too
// large, too small, an integer past 2^53 that would change): JSON-LD
// works on doubles, and dropping it is no option (--lenient refuses it
// too); the message tells how to keep it.
var ErrNoDouble = errors.New("no double holds the number")

func (e *InputPathError) Error() string {
	return ErrInvalidInput.Error() + ": " + e.Pointer + ": " + e.Msg
}

// Unwrap makes the error ErrInvalidInput, and its Kind.
func (e *InputPathError) Unwrap() []error {
	if e.Kind != nil {
		return []error{ErrInvalidInput, e.Kind}
	}
	return []error{ErrInvalidInput}
}

// inputError returns an *InputPathError at pointer.
func inputError(pointer, format string, args ...any) error {
	return &InputPathError{Pointer: pointer, Msg: fmt.Sprintf(format, args...)}
}

package ld

import (
	"bytes"
	"fmt"
	"io"
)

// MaxHTMLAttributes is the most attributes a start tag of a page may
// have. No page written for people comes near it; a tag written to wear a
// reader out (`<div a a a …`) is refused when its attributes pass it.
const MaxHTMLAttributes = 10000

// ErrHTMLAttributes reports a start tag with more than [MaxHTMLAttributes]
// attributes.
var ErrHTMLAttributes = fmt.Errorf("an HTML start tag with more than %d attributes", MaxHTMLAttributes)

// tagAttrsError is what an attrGuard's Read returns past the limit: the
// tokenizer hands it back as its error, and the reader makes a position of
// the tag's line.
type tagAttrsError struct{ line int }

func (e *tagAttrsError) Error() string {
	return fmt.Sprintf("line %d: %v", e.line, ErrHTMLAttributes)
}

func (e *tagAttrsError) Unwrap() error { return ErrHTMLAttributes }

// attrGuard is the reader under an html.Tokenizer: it follows the
// tokenizer's states over the bytes it hands it, and counts the
// attributes of each start tag, so that it can stop a tag with too many
// before the tokenizer has noted them all. The tokenizer keeps the place
// of every attribute of the tag it reads, about 50 bytes each, and its
// byte limit cannot tell a tag from text: a page of one tag of 200 MB of
// "a " took 1.74 GB to refuse, one of 20 MB was read at 950 MB.
//
// Its states are golang.org/x/net/html's token.go (v0.47.0), byte for
// byte: the start of a tag, comments and markup declarations (which end
// at their own '>'), attribute values (a quoted one may hold '>'), and
// the raw text of script, style and the like (which ends only at its own
// end tag). FuzzAttrGuard compares the two on every page the fuzzer
// makes; a guard that fell out of step would count text as attributes
// (refusing a page only past the limit) or miss a tag (the memory as
// before), never change what is read.
type attrGuard struct {
	r     io.Reader
	limit int // MaxHTMLAttributes; tests lower it
	err   error

	state   guardState
	match   int      // bytes of an end tag's name matched so far
	dashes  int      // a comment's '-' run
	begin   bool     // a comment's first byte is next
	start   bool     // the tag read is a start tag
	name    [10]byte // a start tag's name, lowercased, as far as 10 bytes
	nameLen int
	quote   byte
	raw     string // the raw text element the tag opened ("" for none)
	attrs   int

	line    int // the line of the next byte
	tagLine int // the line of the start tag read

	// tagDone, when set (by tests), is told each start tag's attribute
	// count and the offset of the byte after its '>'.
	tagDone func(attrs int, end int64)
	offset  int64 // of b's first byte in scan
	at      int64 // of the byte step reads
}

type guardState uint8

const (
	gData        guardState = iota
	gLess                   // after '<'
	gEndOpen                // after "</"
	gDecl                   // after "<!"
	gDeclDash               // after "<!-"
	gUntilClose             // a bogus comment or doctype, to its '>'
	gComment                // after "<!--"
	gCommentBang            // after "--!" in a comment
	gTagName
	gTagSpace  // before an attribute, or the tag's '>'
	gAttrName  // after an attribute name's first byte
	gAttrAfter // after an attribute name: '=' or not
	gAttrEq    // after '='
	gQuoted
	gUnquoted
	gRaw         // the text of style, textarea, title and the like
	gRawLess     // after '<' in it
	gRawEnd      // after "</" in it, matching its name
	gPlaintext   // the rest of the page
	gScript      // scriptData
	gScriptLess  // scriptDataLessThanSign
	gScriptEnd   // scriptDataEndTagOpen
	gEscStart    // scriptDataEscapeStart
	gEscStartDsh // scriptDataEscapeStartDash
	gEsc         // scriptDataEscaped
	gEscDash
	gEscDashDash
	gEscLess
	gEscEnd
	gDblStart // scriptDataDoubleEscapeStart
	gDbl      // scriptDataDoubleEscaped
	gDblDash
	gDblDashDash
	gDblLess
	gDblEnd
)

// newAttrGuard reads r, whose first byte stands on the page's line line,
// with the tokenizer in its text state.
func newAttrGuard(r io.Reader, line int) *attrGuard {
	return &attrGuard{r: r, limit: MaxHTMLAttributes, line: line}
}

func (g *attrGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	if k := g.scan(p[:n]); k < n {
		if k == 0 {
			return 0, g.err
		}
		// The bytes before the attribute past the limit are the
		// tokenizer's; the next read has the error.
		return k, nil
	}
	return n, err
}

// scan follows the states over b and returns len(b), or the length of
// the part before the byte that took a tag past the limit.
func (g *attrGuard) scan(b []byte) int {
	counted := 0 // b[:counted]'s lines are in g.line
	for i := 0; i < len(b); i++ {
		// Runs that change nothing are skipped by a byte search for the
		// one byte that may.
		var next byte
		switch g.state {
		case gData, gScript:
			next = '<'
		case gQuoted:
			next = g.quote
		case gUntilClose:
			next = '>'
		case gPlaintext:
			i = len(b) - 1
			continue
		}
		if next != 0 {
			j := bytes.IndexByte(b[i:], next)
			if j < 0 {
				i = len(b) - 1
				continue
			}
			i += j
		}
		c := b[i]
		if g.state == gLess && isASCIILetter(c) {
			g.line += bytes.Count(b[counted:i], []byte("\n"))
			counted = i
			g.tagLine = g.line
		}
		g.at = g.offset + int64(i)
		if !g.step(c) {
			g.err = &tagAttrsError{line: g.tagLine}
			return i
		}
	}
	g.line += bytes.Count(b[counted:], []byte("\n"))
	g.offset += int64(len(b))
	return len(b)
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

// scriptName is the name whose end tag ends a script's text.
const scriptName = "script"

// rawNames are the elements other than script and plaintext whose text
// is raw, ended only by their end tag.
var rawNames = []string{"iframe", "noembed", "noframes", "noscript", "style", "textarea", "title", "xmp"}

// step reads c in the current state and returns false when c took a
// start tag past the limit. A state that ends before c (the tokenizer's
// "z.raw.end--") reads c again in the next: the loop's continue.
func (g *attrGuard) step(c byte) bool {
	for {
		switch g.state {
		case gData:
			if c == '<' {
				g.state = gLess
			}
		case gLess:
			switch {
			case isASCIILetter(c):
				g.openTag(true)
				g.name[0], g.nameLen = lower(c), 1
			case c == '/':
				g.state = gEndOpen
			case c == '!':
				g.state = gDecl
			case c == '?':
				g.state = gUntilClose
			default:
				g.state = gData
				continue
			}
		case gEndOpen:
			switch {
			case c == '>':
				g.state = gData
			case isASCIILetter(c):
				g.openTag(false)
			default:
				g.state = gUntilClose
			}
		case gDecl, gDeclDash:
			// "<!--" opens a comment; anything else, a doctype or a
			// bogus comment, ends at the first '>' after "<!".
			switch {
			case c == '-' && g.state == gDecl:
				g.state = gDeclDash
			case c == '-':
				g.state, g.dashes, g.begin = gComment, 0, true
			default:
				g.state = gUntilClose
				continue
			}
		case gUntilClose:
			if c == '>' {
				g.state = gData
			}
		case gComment:
			switch {
			case c == '-':
				g.dashes++
			case c == '>' && (g.dashes >= 2 || g.begin):
				g.state = gData
			case c == '!' && g.dashes >= 2:
				g.state = gCommentBang
			default:
				g.dashes, g.begin = 0, false
			}
		case gCommentBang:
			switch c {
			case '>':
				g.state = gData
			case '-':
				g.state, g.dashes, g.begin = gComment, 1, false
			default:
				g.state, g.dashes, g.begin = gComment, 0, false
			}
		case gTagName:
			switch {
			case isHTMLSpace(c):
				g.state = gTagSpace
			case c == '/' || c == '>':
				g.state = gTagSpace
				continue
			case g.start && g.nameLen < len(g.name):
				g.name[g.nameLen] = lower(c)
				g.nameLen++
			}
		case gTagSpace:
			switch {
			case isHTMLSpace(c):
			case c == '>':
				g.closeTag()
			case c == '/':
				// An attribute with no name, which is not kept:
				// the tokenizer reads the '/' as its value.
			default:
				g.state = gAttrName
				if g.start {
					g.attrs++
					if g.attrs > g.limit {
						return false
					}
				}
			}
		case gAttrName:
			if c == '=' || c == '/' || c == '>' || isHTMLSpace(c) {
				g.state = gAttrAfter
				continue
			}
		case gAttrAfter:
			switch {
			case isHTMLSpace(c):
			case c == '/':
				g.state = gTagSpace
			case c == '=':
				g.state = gAttrEq
			default:
				g.state = gTagSpace
				continue
			}
		case gAttrEq:
			switch {
			case isHTMLSpace(c):
			case c == '>':
				g.state = gTagSpace
				continue
			case c == '"' || c == '\'':
				g.state, g.quote = gQuoted, c
			default:
				g.state = gUnquoted
			}
		case gQuoted:
			if c == g.quote {
				g.state = gTagSpace
			}
		case gUnquoted:
			switch {
			case isHTMLSpace(c):
				g.state = gTagSpace
			case c == '>':
				g.state = gTagSpace
				continue
			}
		case gRaw:
			if c == '<' {
				g.state = gRawLess
			}
		case gRawLess:
			if c != '/' {
				g.state = gRaw
				continue
			}
			g.state, g.match = gRawEnd, 0
		case gRawEnd, gScriptEnd, gEscEnd, gDblEnd:
			if g.endTag(c) {
				continue
			}
		case gPlaintext:
		case gScript:
			if c == '<' {
				g.state = gScriptLess
			}
		case gScriptLess:
			switch c {
			case '/':
				g.state, g.match = gScriptEnd, 0
			case '!':
				g.state = gEscStart
			default:
				g.state = gScript
				continue
			}
		case gEscStart, gEscStartDsh:
			switch {
			case c == '-' && g.state == gEscStart:
				g.state = gEscStartDsh
			case c == '-':
				g.state = gEscDashDash
			default:
				g.state = gScript
				continue
			}
		case gEsc, gEscDash, gEscDashDash:
			g.escapedText(c, gEsc, gEscDash, gEscDashDash, gEscLess)
		case gEscLess:
			switch {
			case c == '/':
				g.state, g.match = gEscEnd, 0
			case isASCIILetter(c):
				g.state, g.match = gDblStart, 0
				continue
			default:
				g.state = gScript
				continue
			}
		case gDblStart:
			if g.match < len(scriptName) {
				if c != scriptName[g.match] && c != scriptName[g.match]-('a'-'A') {
					g.state = gEsc
					continue
				}
				g.match++
				break
			}
			if c == '/' || c == '>' || isHTMLSpace(c) {
				g.state = gDbl
				break
			}
			g.state = gEsc
			continue
		case gDbl, gDblDash, gDblDashDash:
			g.escapedText(c, gDbl, gDblDash, gDblDashDash, gDblLess)
		case gDblLess:
			if c != '/' {
				g.state = gDbl
				continue
			}
			g.state, g.match = gDblEnd, 0
		}
		return true
	}
}

// escapedText steps a script's escaped text (after "<!--") or its
// double-escaped text (after "<script" within that), which the tokenizer
// reads alike: text, one dash, two or more, "<", and "-->" back to plain
// script text.
func (g *attrGuard) escapedText(c byte, text, dash, dashDash, less guardState) {
	switch {
	case c == '-' && g.state == text:
		g.state = dash
	case c == '-':
		g.state = dashDash
	case c == '<':
		g.state = less
	case c == '>' && g.state == dashDash:
		g.state = gScript
	default:
		g.state = text
	}
}

// openTag starts a start (or end) tag, after "<a" (or "</a").
func (g *attrGuard) openTag(start bool) {
	g.state, g.start, g.attrs, g.nameLen = gTagName, start, 0, 0
}

// closeTag ends a tag at its '>': a start tag of a raw text element
// opens its text.
func (g *attrGuard) closeTag() {
	g.state = gData
	if !g.start {
		return
	}
	if g.tagDone != nil {
		g.tagDone(g.attrs, g.at+1)
	}
	switch string(g.name[:g.nameLen]) {
	case "script":
		g.state = gScript
	case "plaintext":
		g.state = gPlaintext
	default:
		// The name kept is one of rawNames, not a copy of the page's.
		for _, name := range rawNames {
			if string(g.name[:g.nameLen]) == name {
				g.state, g.raw = gRaw, name
			}
		}
	}
}

// endTag matches c against the raw text's end tag, after "</", and
// reports whether the state it moved to reads c again. Its name is the
// raw element's (script for the script states); where the name and a
// space, '/' or '>' are matched, the text ends and the tag is read as an
// end tag, but for a double-escaped script, whose text goes on escaped.
func (g *attrGuard) endTag(c byte) (again bool) {
	name, back := g.raw, gRaw
	switch g.state {
	case gScriptEnd:
		name, back = scriptName, gScript
	case gEscEnd:
		name, back = scriptName, gEsc
	case gDblEnd:
		name, back = scriptName, gDbl
	}
	if g.match < len(name) {
		if c != name[g.match] && c != name[g.match]-('a'-'A') {
			g.state = back
			return true
		}
		g.match++
		return false
	}
	if c != '/' && c != '>' && !isHTMLSpace(c) {
		g.state = back
		return true
	}
	if g.state == gDblEnd {
		g.state = gEsc
		return false
	}
	// The tokenizer reads "</name" again as an end tag in its text
	// state; c ends the name.
	g.start, g.attrs = false, 0
	g.state = gTagName
	return true
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

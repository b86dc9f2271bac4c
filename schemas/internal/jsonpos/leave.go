package jsonpos

// LeftOut counts what ParseLeavingOut left out of a document's top-level
// items: the items of its top-level array (but the first, which tells
// the document's @context) and of its top-level object's "@graph" array,
// and the items of the arrays among them, that are values or objects with
// nothing in them. JSON-LD drops them, and a reader of the document's
// nodes reads them as one finding: their count and the first one's
// place.
type LeftOut struct {
	// Values counts the numbers, strings, booleans and nulls left out;
	// FirstValue is the first one's offset (-1 when none).
	Values, FirstValue int
	// Empty counts the objects with nothing in them, Arrays the arrays
	// left out (that held nothing else, or nothing); FirstEmpty is the
	// first such object's offset (-1 when none).
	Empty, Arrays, FirstEmpty int
	// Strings is set when a value left out is a string: a caller that
	// looks for a term among the document's strings must read it whole.
	Strings bool
}

// Unplain reports whether what was left out makes the document one
// that is not plain markup (schemas' plainJSONLD, which wants objects
// alone among the top-level items): a value or an array, anywhere, or an
// object with nothing in it in a top-level array (top), whose every item
// must name the schema.org context.
func (l LeftOut) Unplain(top bool) bool {
	return l.Values > 0 || l.Arrays > 0 || top && l.Empty > 0
}

// Any reports whether anything was left out.
func (l LeftOut) Any() bool { return l.Values > 0 || l.Empty > 0 || l.Arrays > 0 }

// ParseLeavingOut is Parse, but it leaves out of the tree what LeftOut
// counts, and returns their count: a "@graph" of a million {} and values
// among a few nodes was a tree of a million values (96 bytes each, and
// a node each for the {}) where what they say is one finding. The rest
// of the tree is Parse's. Where the fast way cannot read data (see
// scanner), or its top-level object writes "@graph" twice, nothing is
// left out.
func ParseLeavingOut(data []byte) (*Value, LeftOut, error) {
	s := &scanner{data: data, ok: true, leave: true}
	s.left.FirstValue, s.left.FirstEmpty = -1, -1
	s.space()
	var v *Value
	if s.off < len(data) && data[s.off] == '[' {
		v = s.arrayLeaving(true)
	} else {
		v = s.value()
	}
	s.space()
	if !s.ok || s.off != len(data) {
		v, err := ParseCarefully(data)
		return v, LeftOut{FirstValue: -1, FirstEmpty: -1}, err
	}
	if s.graphTwice {
		v, err := Parse(data)
		return v, LeftOut{FirstValue: -1, FirstEmpty: -1}, err
	}
	return v, s.left, nil
}

// arrayLeaving is array for an array of top-level items, leaving out
// what LeftOut counts; keepFirst keeps its first item as it is.
func (s *scanner) arrayLeaving(keepFirst bool) *Value {
	v := &Value{Kind: Array, Offset: s.off}
	if s.depth++; s.depth > MaxDepth {
		return s.fail()
	}
	s.off++ // [
	s.space()
	if s.off < len(s.data) && s.data[s.off] == ']' {
		s.off++
		s.depth--
		return v
	}
	for i := 0; s.ok; i++ {
		if s.off >= len(s.data) {
			return s.fail()
		}
		start := s.off
		var item *Value
		switch c := s.data[s.off]; {
		case keepFirst && i == 0:
			item = s.value()
		case c == '[':
			item = s.arrayLeaving(false)
			if s.ok && len(item.Items) == 0 {
				s.left.Arrays++
				item = nil
			}
		case c == '{':
			if s.emptyObject() {
				if s.left.Empty == 0 {
					s.left.FirstEmpty = start
				}
				s.left.Empty++
				break
			}
			item = s.object()
		default:
			str := s.scalar()
			if !s.ok {
				return nil
			}
			if s.left.Values == 0 {
				s.left.FirstValue = start
			}
			s.left.Values++
			s.left.Strings = s.left.Strings || str
		}
		if !s.ok {
			return nil
		}
		if item != nil {
			v.Items = append(v.Items, item)
		}
		if s.after(']') {
			return s.done(v)
		}
	}
	return nil
}

// emptyObject reads an object with nothing in it ("{", white space,
// "}") at s.off, and reports whether there was one; else it reads
// nothing.
func (s *scanner) emptyObject() bool {
	i := s.off + 1
	for i < len(s.data) {
		switch s.data[i] {
		case ' ', '\t', '\n', '\r':
			i++
			continue
		case '}':
			s.off = i + 1
			return true
		}
		return false
	}
	return false
}

// scalar reads the number, string or literal at s.off as value reads
// it, without making a Value, and reports whether it is a string.
func (s *scanner) scalar() (isString bool) {
	if s.off >= len(s.data) {
		s.fail()
		return false
	}
	switch c := s.data[s.off]; {
	case c == '"':
		end, plain, ok := s.stringEnd()
		switch {
		case !ok:
			s.fail()
		case plain:
			s.off = end + 1
		default:
			// Read as value reads it: what encoding/json refuses
			// fails.
			if _, ok := s.unquote(end, false); !ok {
				s.fail()
			}
		}
		return true
	case c == 't':
		s.literal("true", nil)
	case c == 'f':
		s.literal("false", nil)
	case c == 'n':
		s.literal("null", nil)
	case c == '-' || c >= '0' && c <= '9':
		if _, ok := s.numberValue(); !ok {
			s.fail()
		}
	default:
		s.fail()
	}
	return false
}

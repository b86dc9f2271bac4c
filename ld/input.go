package ld

import (
	"encoding/json"
	"fmt"
	"iter"
	"maps"
	"math"
	"math/big"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// normalize returns a deep copy of doc made of the types json-gold handles
// (map[string]any, []any, string, float64, bool, nil). It converts Go
// integers and json.Number, because json-gold panics on ints, and rejects
// everything else, NaN and infinities, and keys that look like keywords but
// are none (expansion would drop them).
func normalize(v any, path string) (any, error) {
	return normalizeValue(v, &jsonPath{root: path, index: -1, doc: v}, false, nil)
}

// normalizeLenient is normalize for a lenient call: what JSON-LD ignores
// (keys and @id or @type values that look like keywords but are none) is
// dropped and recorded in d instead of refused.
func normalizeLenient(v any, path string, d *Dropped) (any, error) {
	return normalizeValue(v, &jsonPath{root: path, index: -1, doc: v}, false, d)
}

// jsonPath is the JSON Pointer of a value normalizeValue reads, kept as
// its steps and written out only for a message: built as a string at
// every level, the paths of a document nested 10,000 deep (a Turtle list
// of lists) summed to 950 MB, quadratic in the depth.
type jsonPath struct {
	up        *jsonPath
	root      string // the pointer of the top, for the top
	key       string
	index     int  // the array index, or -1 for key
	inContext bool // a step is "@context"
	// doc is the whole document, at the top only (see mayBeJSONLiteral).
	doc any
}

// mayBeJSONLiteral reports whether the value at p may be a JSON literal
// other than an @value's: whether a context of the document (the top's
// doc) names "@json", which a term typed so does. Asked only of an empty
// key, which is rare, so the document is searched only then.
func (p *jsonPath) mayBeJSONLiteral() bool {
	for p.up != nil {
		p = p.up
	}
	return namesJSONType(p.doc, false)
}

// namesJSONType reports whether v holds the string "@json" inside an
// "@context" (inContext: v is inside one).
func namesJSONType(v any, inContext bool) bool {
	switch v := v.(type) {
	case string:
		return inContext && v == "@json"
	case []any:
		for _, e := range v {
			if namesJSONType(e, inContext) {
				return true
			}
		}
	case map[string]any:
		for k, e := range v {
			if namesJSONType(e, inContext || k == "@context") {
				return true
			}
		}
	}
	return false
}

func (p *jsonPath) child(key string) *jsonPath {
	return &jsonPath{up: p, key: key, index: -1, inContext: p.inContext || key == "@context"}
}

func (p *jsonPath) item(i int) *jsonPath {
	return &jsonPath{up: p, index: i, inContext: p.inContext}
}

// String is the pointer: the top's, then "/" and each step.
func (p *jsonPath) String() string {
	var steps []*jsonPath
	for ; p.up != nil; p = p.up {
		steps = append(steps, p)
	}
	var b strings.Builder
	b.WriteString(p.root)
	for _, s := range slices.Backward(steps) {
		b.WriteByte('/')
		if s.index >= 0 {
			b.WriteString(strconv.Itoa(s.index))
		} else {
			b.WriteString(s.key)
		}
	}
	return b.String()
}

// keywordLike matches what JSON-LD treats as a keyword it does not know:
// "@" and letters only.
var keywordLike = lazyRegexp(`^@[a-zA-Z]+$`)

// LooksLikeUnknownKeyword reports whether s has the form of a JSON-LD
// keyword ("@" and letters) and is none: expansion drops such a key, and
// such an @id or @type value, without a word ("@tpye" for "@type"), which
// film2ld's reading of JSON-LD refuses (or --lenient drops with a
// warning). Readers of decoded JSON-LD that skip the JSON-LD processor
// use it to send such documents to it.
func LooksLikeUnknownKeyword(s string) bool {
	return keywordLike().MatchString(s) && !jsongold.IsKeyword(s)
}

// normalizeValue is normalize; literal is set inside an @value, whose JSON
// literal content may use any keys.
func normalizeValue(v any, path *jsonPath, literal bool, d *Dropped) (any, error) {
	switch v := v.(type) {
	case nil, string, bool:
		return v, nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, inputError(path.String(), "number %v has no JSON form", v)
		}
		return v, nil
	case float32:
		return normalizeValue(float64(v), path, literal, d)
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		f, exact := intToFloat(v)
		if !exact {
			return nil, inputError(path.String(), "integer %v cannot be represented exactly", v)
		}
		return f, nil
	case json.Number:
		return numberValue(v, path, literal, d)
	case map[string]any:
		if !literal {
			if err := checkShape(v, path); err != nil {
				return nil, err
			}
		}
		out := make(map[string]any, len(v))
		// Of two keys in error, the first in key order is reported, and a
		// lenient run meets the keys in that order, so that the message
		// and the place a drop is first seen at are the same on every run
		// (a map's own order is not). A valid map is read in its own
		// order, which costs nothing.
		var firstErr error
		errKey := ""
		fail := func(k string, err error) {
			if firstErr == nil || k < errKey {
				firstErr, errKey = err, k
			}
		}
		for k, e := range keyOrder(v, d != nil) {
			// Only "@" and letters has the form of a keyword: "@" alone
			// or "@foo.bar" is an ordinary term (W3C expand 0119).
			if !literal && keywordLike().MatchString(k) && !jsongold.IsKeyword(k) {
				if d == nil {
					fail(k, inputError(path.child(k).String(), "unknown keyword %q would be dropped", k))
					continue
				}
				d.add("key that looks like a keyword but is none (JSON-LD ignores it)", path.child(k).String())
				continue
			}
			// The empty key names no property. json-gold's expansion
			// drops it without a word; jsonld.js reads it as the
			// vocabulary's own IRI (<http://schema.org/>), no property
			// either (audit 7). In a document whose context types a
			// term @json it may be a JSON literal's key, left to
			// JSON-LD (W3C expand js10).
			if k == "" && !literal && !path.inContext && !path.mayBeJSONLiteral() {
				if d == nil {
					fail(k, inputError(path.child(k).String(), "the empty key \"\" names no property: JSON-LD would drop it (or, in some processors, read it as the vocabulary's own IRI)"))
					continue
				}
				d.add("empty key \"\" (names no property; JSON-LD drops it)", path.child(k).String())
				continue
			}
			// "@id": "@ignoreMe" and such: JSON-LD ignores a value with the
			// form of a keyword where an IRI belongs.
			// (In a term definition json-gold ignores it already, and the
			// term falls back to @vocab, so it passes there.)
			if s, ok := e.(string); ok && !literal && (k == "@id" || k == "@type") && keywordLike().MatchString(s) && !jsongold.IsKeyword(s) && !path.inContext {
				if d == nil {
					fail(k, inputError(path.child(k).String(), "%q looks like a keyword, so JSON-LD would ignore it", s))
					continue
				}
				d.add("@id or @type value that looks like a keyword (JSON-LD ignores it)", fmt.Sprintf("%s: %q", path.child(k), s))
				if len(v) == 1 {
					// A reference to nothing: as null, it goes altogether.
					return nil, nil
				}
				continue
			}
			n, err := normalizeValue(e, path.child(k), literal || k == "@value", d)
			if err != nil {
				fail(k, err)
				continue
			}
			out[k] = n
		}
		if firstErr != nil {
			return nil, firstErr
		}
		return out, nil
	case []any:
		out := make([]any, 0, len(v))
		i := 0 // the item's index in the text
		for _, e := range v {
			if run, ok := e.(*leftOut); ok {
				i += run.n // items left out (ReadLeavingOut), counted
				continue
			}
			n, err := normalizeValue(e, path.item(i), literal, d)
			if err != nil {
				return nil, err
			}
			out = append(out, n)
			i++
		}
		return out, nil
	case []map[string]any:
		items := make([]any, len(v))
		for i, e := range v {
			items[i] = e
		}
		return normalizeValue(items, path, literal, d)
	case []string:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = e
		}
		return out, nil
	}
	return nil, inputError(path.String(), "unsupported Go type %s", reflect.TypeOf(v))
}

// keyOrder yields a map's entries: in key order when sorted, else in the
// map's own.
func keyOrder(m map[string]any, sorted bool) iter.Seq2[string, any] {
	if !sorted {
		return maps.All(m)
	}
	return func(yield func(string, any) bool) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !yield(k, m[k]) {
				return
			}
		}
	}
}

func intToFloat(v any) (float64, bool) {
	rv := reflect.ValueOf(v)
	if rv.CanInt() {
		i := rv.Int()
		f := float64(i)
		return f, f < 1<<63 && int64(f) == i
	}
	u := rv.Uint()
	f := float64(u)
	return f, f < 1<<64 && uint64(f) == u
}

// numberValue converts a number as written in JSON. JSON-LD works on
// doubles, so a number a double cannot hold is refused with its own text
// (never a rounded one) and a hint that keeps its value: one too large
// (1e400), too small to be anything but zero (0.1e-400), or an integer past
// 2^53 that would change (9007199254740993). Inside a JSON literal (@json)
// the same holds, as the literal is written through doubles too.
func numberValue(n json.Number, path *jsonPath, literal bool, d *Dropped) (any, error) {
	text := n.String()
	f, err := n.Float64()
	hint := func(datatype string) string {
		return fmt.Sprintf(`write it as a string with a datatype, such as {"@value": %q, "@type": "http://www.w3.org/2001/XMLSchema#%s"}`, text, datatype)
	}
	if err != nil || math.IsInf(f, 0) {
		return nil, noDouble(path.String(), "number %s is too large for a double; %s", text, hint("decimal"))
	}
	if f == 0 && strings.ContainsAny(strings.SplitN(strings.ToLower(text), "e", 2)[0], "123456789") {
		return nil, noDouble(path.String(), "number %s is too small for a double (it would become 0); %s", text, hint("decimal"))
	}
	if !strings.ContainsAny(text, ".eE") && math.Abs(f) >= 1<<53 {
		if i, ok := new(big.Int).SetString(text, 10); ok {
			back, _ := new(big.Float).SetFloat64(f).Int(nil)
			if back.Cmp(i) != 0 {
				return nil, noDouble(path.String(), "integer %s has no exact double (it would become %s); %s", text, back, hint("integer"))
			}
		}
	}
	if strings.ContainsAny(text, ".eE") && f == math.Trunc(f) && !isInteger(text) {
		return nil, noDouble(path.String(), "number %s would lose its fraction as a double (it would become %s, an integer); %s", text, strconv.FormatFloat(f, 'f', -1, 64), hint("decimal"))
	}
	return normalizeValue(f, path, literal, d)
}

// isInteger reports whether the JSON number text (a decimal or an
// exponent) has an integer value. A double of a number that has a
// fraction and became an integer lost every digit of the fraction, and
// JSON-LD then writes it as an xsd:integer: 1.00000000000000000001 became
// "1"^^xsd:integer with exit status 0. (Digits past a double's precision
// that leave a fraction, as serializers print them, 48.858844300000001,
// are the double's own, and pass.)
func isInteger(text string) bool {
	if mantissa, exp, found := strings.Cut(strings.ToLower(text), "e"); !found {
		_, frac, _ := strings.Cut(mantissa, ".")
		return strings.Trim(frac, "0") == ""
	} else if !strings.HasPrefix(exp, "-") && !strings.Contains(mantissa, ".") {
		return true
	}
	r, ok := new(big.Rat).SetString(text)
	return !ok || r.IsInt()
}

// noDouble returns an ErrNoDouble *InputPathError at pointer.
func noDouble(pointer, format string, args ...any) error {
	return &InputPathError{Pointer: pointer, Msg: fmt.Sprintf(format, args...), Kind: ErrNoDouble}
}

// contextKeywords are the keywords a context may hold as keys.
var contextKeywords = map[string]bool{"@base": true, "@direction": true, "@import": true, "@language": true,
	"@propagate": true, "@protected": true, "@type": true, "@version": true, "@vocab": true}

// checkShape refuses errors the JSON-LD API defines that json-gold v0.8.0
// lets through: a value object with several types ("invalid typed value"),
// and in a local context a term definition for the empty string ("invalid
// term definition"), a keyword other than the context's own ("keyword
// redefinition"), or "@type" defined other than as a protected @set
// container.
func checkShape(m map[string]any, path *jsonPath) error {
	if _, isValue := m["@value"]; isValue {
		if _, many := m["@type"].([]any); many {
			return inputError(path.String(), "invalid typed value: a value object has one @type, not a list")
		}
	}
	for _, ctx := range asList(m["@context"]) {
		c, ok := ctx.(map[string]any)
		if !ok {
			continue
		}
		for k, def := range keyOrder(c, true) { // the same error on every run
			switch {
			case k == "":
				return inputError(path.child("@context").String(), "invalid term definition: a term cannot be the empty string")
			case k == "@type":
				// {"@container": "@set"} and {"@protected": true}, alone or
				// together (JSON-LD 1.1, Create Term Definition step 4).
				d, ok := def.(map[string]any)
				ok = ok && len(d) > 0
				if c, has := d["@container"]; ok && has && c != "@set" {
					ok = false
				}
				for key := range d {
					ok = ok && (key == "@container" || key == "@protected")
				}
				if !ok {
					return inputError(path.child("@context").String(), "keyword redefinition: @type may only be given {\"@container\": \"@set\"} and @protected")
				}
			case jsongold.IsKeyword(k) && !contextKeywords[k]:
				return inputError(path.child("@context").String(), "keyword redefinition: %s cannot be defined in a context", k)
			}
		}
	}
	return nil
}

package ld

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/film2ld/film2ld/ld/internal/jsonscan"
)

// rdfJSON is the datatype of JSON literals.
const rdfJSON = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"

// canonicalJSON writes v in the JSON Canonicalization Scheme (RFC 8785),
// the form JSON-LD gives a JSON literal in RDF: object keys sorted by UTF-16
// code units, numbers as ECMAScript writes them, strings escaping only what
// JSON requires. json-gold's own canonicalizer fails on any @json value that
// is not an object (an array, a string, a number, null) and writes the text
// of its error as the literal instead.
func canonicalJSON(v any) (string, error) {
	var b strings.Builder
	if err := writeJCS(&b, v); err != nil {
		return "", err
	}
	return b.String(), nil
}

func writeJCS(b *strings.Builder, v any) error {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case float64:
		s, err := es6Number(v)
		if err != nil {
			return err
		}
		b.WriteString(s)
	case json.Number:
		f, err := v.Float64()
		if err != nil {
			return fmt.Errorf("%w: number %s in a JSON literal: %v", ErrInvalidLiteral, v, err)
		}
		return writeJCS(b, f)
	case string:
		writeJCSString(b, v)
	case []any:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeJCS(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(x, y string) int {
			return slices.Compare(utf16.Encode([]rune(x)), utf16.Encode([]rune(y)))
		})
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJCSString(b, k)
			b.WriteByte(':')
			if err := writeJCS(b, v[k]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	default:
		return fmt.Errorf("%w: %T in a JSON literal", ErrInvalidLiteral, v)
	}
	return nil
}

func writeJCSString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// es6Number formats f as ECMAScript's Number.prototype.toString does
// (ECMA-262, Number::toString), which RFC 8785 prescribes.
func es6Number(f float64) (string, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "", fmt.Errorf("%w: %v has no JSON form", ErrInvalidLiteral, f)
	}
	if f == 0 {
		return "0", nil
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	// The shortest digits that read back as f, and their exponent.
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp)
	k, n := len(digits), x+1
	var s string
	switch {
	case k <= n && n <= 21:
		s = digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		s = digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		s = "0." + strings.Repeat("0", -n) + digits
	default:
		s = digits[:1]
		if k > 1 {
			s += "." + digits[1:]
		}
		if n-1 >= 0 {
			s += "e+" + strconv.Itoa(n-1)
		} else {
			s += "e-" + strconv.Itoa(1-n)
		}
	}
	return sign + s, nil
}

// jsonLiteral returns the RDF form of a JSON literal value object
// ({"@value": …, "@type": "@json"}): its canonical text typed rdf:JSON.
func jsonLiteral(m map[string]any) (map[string]any, error) {
	text, err := canonicalJSON(m["@value"])
	if err != nil {
		return nil, err
	}
	out := map[string]any{"@value": text, "@type": rdfJSON}
	if idx, ok := m["@index"]; ok {
		out["@index"] = idx
	}
	return out, nil
}

// checkJSONLiteral returns an ErrInvalidLiteral error where s, the text
// of a literal typed rdf:JSON, is not JSON, writes a key twice in one
// object (JSON readers keep one of the two values, json-gold the last:
// the other was dropped without a word), or holds a number no double
// holds (1e400), which the conversion to JSON-LD cannot keep; nil
// otherwise. The RDF readers check each such literal as they read it, so
// that the error names its line.
func checkJSONLiteral(s string) error {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		if err == nil {
			err = fmt.Errorf("more than one JSON value")
		}
		return fmt.Errorf("%w: invalid JSON literal: rdf:JSON literal %q is not JSON: %v", ErrInvalidLiteral, clipText(s), err)
	}
	if d, dup := jsonscan.DuplicateKey([]byte(s)); dup {
		return fmt.Errorf("%w: rdf:JSON literal %q writes the key %q twice in one object (JSON readers keep one of the two values)", ErrInvalidLiteral, clipText(s), d.Key)
	}
	var bad string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case json.Number:
			if f, err := strconv.ParseFloat(string(x), 64); bad == "" && (err != nil || math.IsInf(f, 0)) {
				bad = string(x)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	if bad != "" {
		return fmt.Errorf("%w: rdf:JSON literal %q holds the number %s, which no double holds (JSON-LD reads JSON numbers as doubles)", ErrInvalidLiteral, clipText(s), bad)
	}
	return nil
}

// clipText returns s, or its first 60 characters (quotedWord) and "…",
// for a message.
func clipText(s string) string {
	if n := quotedWord(s); n < len(s) {
		return s[:n] + "…"
	}
	return s
}

// readJSONLiterals turns, in place, every literal typed rdf:JSON of
// expanded JSON-LD (from RDF) into a JSON literal value, as the
// serialize-RDF-as-JSON-LD algorithm does; a literal that is not JSON is an
// error (json-gold keeps it as a typed string).
func readJSONLiterals(v any) error {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if err := readJSONLiterals(e); err != nil {
				return err
			}
		}
	case map[string]any:
		if t, _ := v["@type"].(string); t == rdfJSON {
			if s, ok := v["@value"].(string); ok {
				if err := checkJSONLiteral(s); err != nil {
					return err
				}
				var parsed any
				if err := json.Unmarshal([]byte(s), &parsed); err != nil {
					return fmt.Errorf("%w: invalid JSON literal: rdf:JSON literal %q is not JSON: %v", ErrInvalidLiteral, s, err)
				}
				v["@value"] = parsed
				v["@type"] = "@json"
				return nil
			}
		}
		for _, e := range v {
			if err := readJSONLiterals(e); err != nil {
				return err
			}
		}
	}
	return nil
}

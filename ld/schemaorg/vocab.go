package schemaorg

import (
	"slices"
	"sort"
	"strings"
)

// TypeInfo describes one schema.org type (an rdfs:Class).
type TypeInfo struct {
	// Name is the local name, such as "Movie".
	Name string
	// Supertypes are the direct rdfs:subClassOf parents that are schema.org
	// types, sorted.
	Supertypes []string
	// Enumeration reports whether the type is Enumeration or one of its
	// subtypes, whose values are enumeration members such as "Hardcover".
	Enumeration bool
	// DataType reports whether values of the type are literals: DataType,
	// the types the vocabulary declares as schema:DataType (Text, Number,
	// Boolean, Date, DateTime, Time, Quantity) and their subtypes (URL,
	// Integer, Float, Duration, …).
	DataType bool
	// SupersededBy names the term that replaces this one, or is empty.
	SupersededBy string
	// Section is the hosted extension the term belongs to ("pending",
	// "health-lifesci", "auto", "bib", "meta"), or empty for the core.
	Section string
}

// PropertyInfo describes one schema.org property (an rdf:Property).
type PropertyInfo struct {
	// Name is the local name, such as "actor".
	Name string
	// Domain lists the types of schema:domainIncludes, sorted.
	Domain []string
	// Range lists the types of schema:rangeIncludes, sorted.
	Range []string
	// SupersededBy names the term that replaces this one, or is empty.
	SupersededBy string
	// InverseOf names the inverse property, or is empty.
	InverseOf string
	// Section is as in [TypeInfo].
	Section string
	// LanguageCode reports that the property's definition asks for one
	// of the IETF BCP 47 language codes where its value is Text
	// (inLanguage: "en", not "English").
	LanguageCode bool
}

// MemberInfo describes one enumeration member, such as "Monday".
type MemberInfo struct {
	// Name is the local name.
	Name string
	// Enumerations lists the types the member belongs to, sorted; a few
	// members (Radiography) belong to two.
	Enumerations []string
	// SupersededBy names the term that replaces this one, or is empty.
	SupersededBy string
	// Section is as in [TypeInfo].
	Section string
}

const (
	isEnumeration = 1 << iota
	isDataType
)

// The generated tables use these compact records; the exported Info types
// are built from them on lookup so callers get copies they may change.
type typeRec struct {
	name, supersededBy, section string
	flags                       uint8
	supertypes                  []string
}

type propertyRec struct {
	name, supersededBy, inverseOf, section string
	domain, rng                            []string
}

type memberRec struct {
	name, supersededBy, section string
	enumerations                []string
}

// LocalName strips a schema.org prefix ("schema:", "http://schema.org/" or
// "https://schema.org/") from term and reports whether there was one.
func LocalName(term string) (string, bool) {
	for _, p := range [...]string{"schema:", "http://schema.org/", "https://schema.org/"} {
		if name, ok := strings.CutPrefix(term, p); ok {
			return name, true
		}
	}
	return term, false
}

func find[R any](table []R, name string, key func(*R) string) (*R, bool) {
	name, _ = LocalName(name)
	i := sort.Search(len(table), func(i int) bool { return key(&table[i]) >= name })
	if i < len(table) && key(&table[i]) == name {
		return &table[i], true
	}
	return nil, false
}

// Type looks up a type by local name (or schema.org IRI or CURIE).
func Type(name string) (TypeInfo, bool) {
	r, ok := find(typeTable[:], name, func(r *typeRec) string { return r.name })
	if !ok {
		return TypeInfo{}, false
	}
	return TypeInfo{
		Name:         r.name,
		Supertypes:   slices.Clone(r.supertypes),
		Enumeration:  r.flags&isEnumeration != 0,
		DataType:     r.flags&isDataType != 0,
		SupersededBy: r.supersededBy,
		Section:      r.section,
	}, true
}

// Property looks up a property by local name (or schema.org IRI or CURIE).
func Property(name string) (PropertyInfo, bool) {
	r, ok := find(propertyTable[:], name, func(r *propertyRec) string { return r.name })
	if !ok {
		return PropertyInfo{}, false
	}
	return PropertyInfo{
		Name:         r.name,
		Domain:       slices.Clone(r.domain),
		Range:        slices.Clone(r.rng),
		SupersededBy: r.supersededBy,
		InverseOf:    r.inverseOf,
		Section:      r.section,
		LanguageCode: slices.Contains(languageCodeProperties, r.name),
	}, true
}

// Member looks up an enumeration member by local name (or schema.org IRI or
// CURIE).
func Member(name string) (MemberInfo, bool) {
	r, ok := find(memberTable[:], name, func(r *memberRec) string { return r.name })
	if !ok {
		return MemberInfo{}, false
	}
	return MemberInfo{
		Name:         r.name,
		Enumerations: slices.Clone(r.enumerations),
		SupersededBy: r.supersededBy,
		Section:      r.section,
	}, true
}

// IsSubtypeOf reports whether type t is super or a descendant of it through
// rdfs:subClassOf (so IsSubtypeOf("Movie", "Thing") is true, and so is
// IsSubtypeOf("Movie", "Movie")). It is false when t is not a known type.
func IsSubtypeOf(t, super string) bool {
	super, _ = LocalName(super)
	seen := map[string]bool{}
	queue := []string{t}
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		r, ok := find(typeTable[:], name, func(r *typeRec) string { return r.name })
		if !ok || seen[r.name] {
			continue
		}
		if r.name == super {
			return true
		}
		seen[r.name] = true
		queue = append(queue, r.supertypes...)
	}
	return false
}

// IsDataType reports whether name is a data type such as Text, URL, Date or
// Duration, whose values are literals rather than nodes.
func IsDataType(name string) bool {
	t, ok := Type(name)
	return ok && t.DataType
}

// SupersededBy returns the term that replaces the type, property or
// enumeration member term, or "" when term is current or unknown.
func SupersededBy(term string) string {
	if r, ok := find(typeTable[:], term, func(r *typeRec) string { return r.name }); ok {
		return r.supersededBy
	}
	if r, ok := find(propertyTable[:], term, func(r *propertyRec) string { return r.name }); ok {
		return r.supersededBy
	}
	if r, ok := find(memberTable[:], term, func(r *memberRec) string { return r.name }); ok {
		return r.supersededBy
	}
	return ""
}

// Types returns the local names of every type, sorted.
func Types() []string {
	out := make([]string, len(typeTable))
	for i := range typeTable {
		out[i] = typeTable[i].name
	}
	return out
}

// Properties returns the local names of every property, sorted.
func Properties() []string {
	out := make([]string, len(propertyTable))
	for i := range propertyTable {
		out[i] = propertyTable[i].name
	}
	return out
}

// Members returns the local names of every enumeration member, sorted.
func Members() []string {
	out := make([]string, len(memberTable))
	for i := range memberTable {
		out[i] = memberTable[i].name
	}
	return out
}

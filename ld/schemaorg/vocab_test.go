package schemaorg_test

import (
	"slices"
	"testing"

	"github.com/film2ld/film2ld/ld/schemaorg"
)

func TestCounts(t *testing.T) {
	// The release notes of 30.0 (shared/schemaorg/README.md) give these.
	if n := len(schemaorg.Types()); n != 933 {
		t.Errorf("types: %d, want 933", n)
	}
	if n := len(schemaorg.Properties()); n != 1521 {
		t.Errorf("properties: %d, want 1521", n)
	}
	if n := len(schemaorg.Members()); n != 533 {
		t.Errorf("members: %d, want 533", n)
	}
	for _, names := range [][]string{schemaorg.Types(), schemaorg.Properties(), schemaorg.Members()} {
		if !slices.IsSorted(names) {
			t.Error("names not sorted")
		}
	}
}

func TestIsSubtypeOf(t *testing.T) {
	tests := []struct {
		t, super string
		want     bool
	}{
		{"Movie", "CreativeWork", true},
		{"Movie", "Thing", true},
		{"CreativeWork", "Thing", true},
		{"Movie", "Movie", true},
		{"PerformanceRole", "Role", true},
		{"PerformanceRole", "Intangible", true},
		{"AggregateRating", "Rating", true},
		{"CriticReview", "Review", true},
		{"Person", "CreativeWork", false},
		{"Thing", "Movie", false},
		{"URL", "Text", true},
		{"Integer", "Number", true},
		{"Duration", "Quantity", true},
		{"DayOfWeek", "Enumeration", true},
		{"http://schema.org/Movie", "schema:Thing", true},
		{"NoSuchType", "Thing", false},
		{"actor", "Thing", false}, // a property, not a type
	}
	for _, tt := range tests {
		if got := schemaorg.IsSubtypeOf(tt.t, tt.super); got != tt.want {
			t.Errorf("IsSubtypeOf(%q, %q) = %v, want %v", tt.t, tt.super, got, tt.want)
		}
	}
}

func TestType(t *testing.T) {
	tests := []struct {
		name string
		want schemaorg.TypeInfo
	}{
		{"Movie", schemaorg.TypeInfo{Name: "Movie", Supertypes: []string{"CreativeWork"}}},
		{"https://schema.org/Thing", schemaorg.TypeInfo{Name: "Thing"}},
		{"DayOfWeek", schemaorg.TypeInfo{Name: "DayOfWeek", Supertypes: []string{"Enumeration"}, Enumeration: true}},
		{"Text", schemaorg.TypeInfo{Name: "Text", DataType: true}},
		{"URL", schemaorg.TypeInfo{Name: "URL", Supertypes: []string{"Text"}, DataType: true}},
		{"Duration", schemaorg.TypeInfo{Name: "Duration", Supertypes: []string{"Quantity"}, DataType: true}},
		{"3DModel", schemaorg.TypeInfo{Name: "3DModel", Supertypes: []string{"MediaObject"}, Section: "pending"}},
	}
	for _, tt := range tests {
		got, ok := schemaorg.Type(tt.name)
		if !ok || !equalType(got, tt.want) {
			t.Errorf("Type(%q) = %+v, %v; want %+v", tt.name, got, ok, tt.want)
		}
	}
	if _, ok := schemaorg.Type("actor"); ok {
		t.Error(`Type("actor") found a property`)
	}
}

func equalType(a, b schemaorg.TypeInfo) bool {
	return a.Name == b.Name && slices.Equal(a.Supertypes, b.Supertypes) && a.Enumeration == b.Enumeration &&
		a.DataType == b.DataType && a.SupersededBy == b.SupersededBy && a.Section == b.Section
}

func TestDataTypes(t *testing.T) {
	for _, name := range []string{"Text", "Number", "Date", "DateTime", "Duration", "URL", "Boolean",
		"Integer", "Time", "Float", "DataType", "Quantity", "CssSelectorType", "PronounceableText"} {
		if !schemaorg.IsDataType(name) {
			t.Errorf("IsDataType(%q) = false", name)
		}
	}
	for _, name := range []string{"Movie", "Thing", "Enumeration", "QuantitativeValue", "actor", "nope"} {
		if schemaorg.IsDataType(name) {
			t.Errorf("IsDataType(%q) = true", name)
		}
	}
}

func TestProperty(t *testing.T) {
	actor, ok := schemaorg.Property("actor")
	if !ok {
		t.Fatal("actor not found")
	}
	if !slices.Contains(actor.Domain, "Movie") || !slices.Equal(actor.Range, []string{"PerformingGroup", "Person"}) {
		t.Errorf("actor = %+v", actor)
	}
	alumni, _ := schemaorg.Property("schema:alumni")
	if alumni.InverseOf != "alumniOf" {
		t.Errorf("alumni.InverseOf = %q", alumni.InverseOf)
	}
	// Callers get copies: changing one must not change the table.
	actor.Domain[0] = "Changed"
	again, _ := schemaorg.Property("actor")
	if again.Domain[0] == "Changed" {
		t.Error("Property returned the table's own slice")
	}
}

func TestSupersededBy(t *testing.T) {
	tests := map[string]string{
		"actors":    "actor",
		"directors": "director",
		"musicBy":   "",
		"actor":     "",
		"Movie":     "",
		"nothing":   "",
	}
	for term, want := range tests {
		if got := schemaorg.SupersededBy(term); got != want {
			t.Errorf("SupersededBy(%q) = %q, want %q", term, got, want)
		}
	}
}

func TestMember(t *testing.T) {
	tests := []struct {
		name  string
		enums []string
	}{
		{"Monday", []string{"DayOfWeek"}},
		{"True", []string{"Boolean"}},
		{"Hardcover", []string{"BookFormatType"}},
		{"Radiography", []string{"MedicalImagingTechnique", "MedicalSpecialty"}},
	}
	for _, tt := range tests {
		m, ok := schemaorg.Member(tt.name)
		if !ok || !slices.Equal(m.Enumerations, tt.enums) {
			t.Errorf("Member(%q) = %+v, %v", tt.name, m, ok)
		}
	}
}

func TestLocalName(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"schema:Movie", "Movie", true},
		{"http://schema.org/Movie", "Movie", true},
		{"https://schema.org/Movie", "Movie", true},
		{"Movie", "Movie", false},
		{"http://example.org/Movie", "http://example.org/Movie", false},
	}
	for _, tt := range tests {
		if got, ok := schemaorg.LocalName(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("LocalName(%q) = %q, %v", tt.in, got, ok)
		}
	}
}

func TestContext(t *testing.T) {
	ctx := schemaorg.Context()
	inner, ok := ctx["@context"].(map[string]any)
	if !ok {
		t.Fatal("no @context object")
	}
	if inner["@vocab"] != "http://schema.org/" {
		t.Errorf("@vocab = %v", inner["@vocab"])
	}
	if inner["type"] != "@type" || inner["id"] != "@id" {
		t.Error("id/type aliases missing")
	}
	want := map[string]any{"@id": "schema:datePublished", "@type": "Date"}
	if got, _ := inner["datePublished"].(map[string]any); got["@id"] != want["@id"] || got["@type"] != want["@type"] {
		t.Errorf("datePublished = %v", got)
	}
	// A fresh copy per call.
	inner["@vocab"] = "changed"
	if schemaorg.Context()["@context"].(map[string]any)["@vocab"] != "http://schema.org/" {
		t.Error("Context returned shared state")
	}
}

func BenchmarkIsSubtypeOf(b *testing.B) {
	for b.Loop() {
		schemaorg.IsSubtypeOf("Movie", "Thing")
	}
}

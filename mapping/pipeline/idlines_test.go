package pipeline

import (
	"maps"
	"testing"
)

// TestIDLines: each "@id" is placed at the line where it first stands,
// counted from 1, whatever the line endings, escapes in the id, the
// separators around it, and a last line with no line break.
func TestIDLines(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       map[string]int
	}{
		{"pretty", "{\n  \"@id\": \"urn:x:a\",\n  \"knows\": {\n    \"@id\": \"_:b1\"\n  }\n}\n",
			map[string]int{"urn:x:a": 2, "_:b1": 4}},
		{"repeated", "[\n{\"@id\": \"urn:x:a\"},\n{\"@id\":\"urn:x:b\"},\n{\"@id\" : \"urn:x:a\"}\n]",
			map[string]int{"urn:x:a": 2, "urn:x:b": 3}},
		{"CRLF", "{\r\n  \"@id\": \"urn:x:c\",\r\n  \"name\": \"x\"\r\n}\r\n", map[string]int{"urn:x:c": 2}},
		{"escapes", "{\"@id\": \"urn:x:\\u00e9t\\u00e9\"}", map[string]int{"urn:x:été": 1}},
		{"last line unbroken", "{\n\"name\": \"y\",\n\"@id\": \"urn:x:d\"}", map[string]int{"urn:x:d": 3}},
		{"not a string", "{\n\"@id\": 5\n}\n", map[string]int{}},
		{"none", "", map[string]int{}},
	} {
		if got := idLines([]byte(tt.text)); !maps.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

package schemas

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/ld/schemaorg"
	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/schemas/internal/jsonpos"
)

// sharedDir finds the read-only shared folder beside the worktree (schema.org's
// release and its examples), or "" where a clone has none.
func sharedDir() string {
	for _, d := range []string{os.Getenv("FILM2LD_SHARED"), "../../shared", "../../../shared"} {
		if d == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "schemaorg", "examples")); err == nil {
			return d
		}
	}
	return ""
}

// differentialDocs gathers JSON-LD texts by their names: the corpus (each
// script block of its pages), schema.org's examples where the shared folder
// is present, film2ld's own export of every test film, and the documents
// of the other tests here.
func differentialDocs(t *testing.T) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{}
	addFile := func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		data = bytes.TrimPrefix(data, bom)
		if !strings.HasSuffix(path, ".html") {
			docs[path] = data
			return
		}
		texts, err := ld.ScriptTexts(bytes.NewReader(data), path)
		if err != nil {
			t.Fatal(err)
		}
		for i, st := range texts {
			docs[fmt.Sprintf("%s#%d", path, i)] = st.Text
		}
	}
	for _, pattern := range []string{"testdata/corpus/*.json*", "testdata/corpus/*.html", "testdata/vocab/*.jsonld", "testdata/shapes/*.json*"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			addFile(f)
		}
	}
	if shared := sharedDir(); shared != "" {
		files, _ := filepath.Glob(filepath.Join(shared, "schemaorg", "examples", "*.jsonld"))
		for _, f := range files {
			addFile(f)
		}
	} else {
		t.Log("no shared folder (set FILM2LD_SHARED): schema.org's examples are left out")
	}
	films, _ := filepath.Glob("../testdata/films/*")
	for _, dir := range films {
		var sources []*film.Source
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			kind, err := mapping.Detect(data, f)
			if err != nil {
				continue
			}
			src, err := mapping.Map(bytes.NewReader(data), f, kind)
			if err != nil {
				continue
			}
			sources = append(sources, src)
		}
		if len(sources) == 0 {
			continue
		}
		res, err := mapping.Combine(sources, mapping.Options{})
		if err != nil {
			continue
		}
		for name, doc := range map[string]any{"doc": res.Doc, "dataset": res.Dataset} {
			data, err := json.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			docs[dir+"/"+name] = data
		}
	}
	for name, d := range plainCases {
		docs["case:"+name] = []byte(d)
	}
	docs["bench"] = benchDoc(50)
	return docs
}

// plainCases are documents at the edge of the plain subset; each must be
// either refused by plainJSONLD or accepted by the processor, and the test
// reports which.
var plainCases = map[string]string{
	"plain":              `{"@context":"https://schema.org","@type":"Movie","name":"A","url":"https://a.example/m","image":"/i.jpg"}`,
	"graph":              `{"@context":"https://schema.org","@graph":[{"@id":"_:m","@type":"Movie","name":"A"},{"@type":"Review","itemReviewed":{"@id":"_:m"}}]}`,
	"array":              `[{"@context":"https://schema.org","@type":"Movie","name":"A"},{"@context":"http://schema.org/","@type":"Person","name":"B"}]`,
	"array-no-context":   `[{"@context":"https://schema.org","@type":"Movie","name":"A"},{"@type":"Person","name":"B"}]`,
	"nested-context":     `{"@context":"https://schema.org","@type":"Movie","director":{"@context":"https://schema.org","@type":"Person","name":"B"}}`,
	"nested-context-arr": `{"@context":["https://schema.org"],"@type":"Movie","director":{"@context":"https://schema.org","@type":"Person","name":"B"}}`,
	"type-number":        `{"@context":"https://schema.org","@type":123}`,
	"unknown-keyword":    `{"@context":"https://schema.org","@type":"Movie","@foo":"x"}`,
	"id-space":           `{"@context":"https://schema.org","@type":"Movie","@id":"https://a.example/a b"}`,
	"id-control":         `{"@context":"https://schema.org","@type":"Movie","@id":"https://a.example/a\u0001"}`,
	"id-relative-space":  `{"@context":"https://schema.org","@type":"Movie","@id":"a b"}`,
	"id-colon":           `{"@context":"https://schema.org","@type":"Movie","@id":":a"}`,
	"id-two-hashes":      `{"@context":"https://schema.org","@type":"Movie","@id":"#a#b"}`,
	"id-keywordlike":     `{"@context":"https://schema.org","@type":"Movie","@id":"@ignoreMe"}`,
	"id-blank":           `{"@context":"https://schema.org","@type":"Movie","@id":"_:"}`,
	"url-space":          `{"@context":"https://schema.org","@type":"Movie","url":"https://a.example/a b"}`,
	"url-relative":       `{"@context":"https://schema.org","@type":"Movie","url":"/title/tt0111161/","image":"poster.jpg?w=2"}`,
	"url-bad-host":       `{"@context":"https://schema.org","@type":"Movie","url":"http://exa mple/"}`,
	"url-empty-host":     `{"@context":"https://schema.org","@type":"Movie","url":"http://"}`,
	"url-number":         `{"@context":"https://schema.org","@type":"Movie","url":5,"sameAs":true}`,
	"type-space":         `{"@context":"https://schema.org","@type":"Fancy Movie"}`,
	"type-unknown":       `{"@context":"https://schema.org","@type":"Moovie","naem":"A"}`,
	"type-alias":         `{"@context":"https://schema.org","@type":"id"}`,
	"alias-keys":         `{"@context":"https://schema.org","type":"Movie","id":"https://a.example/m"}`,
	"colliding":          `{"@context":"https://schema.org","@id":"https://a.example/m","id":"https://a.example/n"}`,
	"key-space":          `{"@context":"https://schema.org","@type":"Movie","my name":"A"}`,
	"key-compact":        `{"@context":"https://schema.org","@type":"Movie","schema:name":"A","og:title":"B"}`,
	"language":           `{"@context":"https://schema.org","@type":"Movie","name":{"@value":"A","@language":"en US"}}`,
	"value-object":       `{"@context":"https://schema.org","@type":"Movie","name":{"@value":"A","@language":"en"}}`,
	"list":               `{"@context":"https://schema.org","@type":"Movie","actor":{"@list":[{"@type":"Person"}]}}`,
	"nested-array":       `{"@context":"https://schema.org","@type":"Movie","genre":[["a"],"b"]}`,
	"big-int":            `{"@context":"https://schema.org","@type":"Movie","ratingCount":9007199254740993}`,
	"big-round":          `{"@context":"https://schema.org","@type":"Movie","ratingCount":9007199254740992}`,
	"tiny":               `{"@context":"https://schema.org","@type":"Movie","ratingCount":1e-400}`,
	"lost-fraction":      `{"@context":"https://schema.org","@type":"Movie","ratingCount":1.00000000000000000001}`,
	"whole-decimals":     `{"@context":"https://schema.org","@type":"Movie","ratingCount":2.000,"b":1.5e1,"c":48.858844300000001}`,
	"zeros":              `{"@context":"https://schema.org","@type":"Movie","ratingCount":-0.000e5,"b":0,"c":0.0}`,
	"control-text":       `{"@context":"https://schema.org","@type":"Movie","name":"a\u0000b\u001f"}`,
	"surrogate":          `{"@context":"https://schema.org","@type":"Movie","name":"\ud800"}`,
	"empty-object":       `{"@context":"https://schema.org","@type":"Movie","director":{}}`,
	"empty-types":        `{"@context":"https://schema.org","@type":[],"name":"A"}`,
	"no-context":         `{"@type":"Movie","name":"A"}`,
	"other-context":      `{"@context":"https://schemas.org","@type":"Movie"}`,
	"context-object":     `{"@context":{"@vocab":"https://schema.org/"},"@type":"Movie"}`,
	"graph-and-keys":     `{"@context":"https://schema.org","@type":"ItemList","@graph":[{"@type":"Movie"}]}`,
	"date":               `{"@context":"https://schema.org","@type":"Movie","datePublished":2020,"dateCreated":"no date"}`,
	"null":               `{"@context":"https://schema.org","@type":"Movie","name":null,"actor":[null,{"@type":"Person"}]}`,
	"dup-keys":           `{"@context":"https://schema.org","@type":123,"@type":"Movie"}`,
	"top-string":         `"https://schema.org"`,
	"urn":                `{"@context":"https://schema.org","@type":"Movie","@id":"urn:film2ld:movie/a","sameAs":"urn:isbn:0451450523"}`,
	"prefix-id":          `{"@context":"https://schema.org","@type":"Movie","@id":"schema:Movie","url":"xsd:string"}`,
	"mailto":             `{"@context":"https://schema.org","@type":"Person","url":"mailto:a@example.com","@id":"tag:a.example,2020:x y"}`,
	"scheme-only":        `{"@context":"https://schema.org","@type":"Person","url":"a:","@id":"1a:b"}`,
}

// TestPlainJSONLDAgrees holds plainJSONLD to its promise: every document it
// accepts, the JSON-LD processor accepts, so skipping the processor never
// loses a finding. It also makes sure the fast path is taken where it
// matters (the benchmark's page, schema.org's examples).
func TestPlainJSONLDAgrees(t *testing.T) {
	docs := differentialDocs(t)
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	slices.Sort(names)
	accepted := 0
	for _, name := range names {
		v, err := jsonpos.Parse(docs[name])
		if err != nil {
			continue
		}
		if !plainJSONLD(docs[name], v) {
			t.Logf("slow path: %s", name)
			continue
		}
		accepted++
		if f := checkJSONLD(source{file: name, data: docs[name], idx: diag.NewIndex(docs[name]), positioned: true, line0: 1}, v, false); f != nil {
			t.Errorf("%s: plainJSONLD accepts what the processor rejects: %s", name, f.Message)
		}
	}
	t.Logf("%d of %d documents take the fast path", accepted, len(names))
	for _, must := range []string{"bench", "case:plain", "case:graph", "case:array", "case:url-relative", "case:nested-context", "case:null"} {
		v, err := jsonpos.Parse(docs[must])
		if err != nil || !plainJSONLD(docs[must], v) {
			t.Errorf("%s: plain markup should take the fast path", must)
		}
	}
	if accepted < len(names)/2 {
		t.Errorf("only %d of %d documents take the fast path", accepted, len(names))
	}
}

// TestPlainJSONLDTerms runs every term of the built-in context through both
// paths as a key, as a type and, for terms typed @id, with an IRI value.
func TestPlainJSONLDTerms(t *testing.T) {
	ctx := schemaorg.Context()["@context"].(map[string]any)
	for term := range ctx {
		for _, doc := range []string{
			fmt.Sprintf(`{"@context":"https://schema.org","@type":%q,%q:"x"}`, term, term),
			fmt.Sprintf(`{"@context":"https://schema.org",%q:["https://a.example/x","/rel",{"@type":"Thing"},2,true]}`, term),
		} {
			v, err := jsonpos.Parse([]byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			if plainJSONLD([]byte(doc), v) {
				if f := checkJSONLD(source{file: term, data: []byte(doc), idx: diag.NewIndex([]byte(doc)), positioned: true}, v, false); f != nil {
					t.Errorf("%s: plainJSONLD accepts what the processor rejects: %s", doc, f.Message)
				}
			}
		}
	}
}

// FuzzPlainJSONLD: whatever plainJSONLD accepts, the processor accepts.
func FuzzPlainJSONLD(f *testing.F) {
	for _, d := range plainCases {
		f.Add([]byte(d))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := jsonpos.Parse(data)
		if err != nil || !plainJSONLD(data, v) {
			return
		}
		if fd := checkJSONLD(source{file: "fuzz", data: data, idx: diag.NewIndex(data), positioned: true}, v, false); fd != nil {
			t.Errorf("plainJSONLD accepts what the processor rejects: %s", fd.Message)
		}
	})
}

// benchDoc is a Movie with n reviews on one line, like BenchmarkOneLinePage's.
func benchDoc(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"@context":"https://schema.org","@type":"Movie","@id":"https://films.example/stalker","name":"Stalker","image":"https://films.example/s.jpg","review":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"@type":"Review","name":"Review %d: «Stalker» — 三度目の正直","author":{"@type":"Person","name":"Critic %d"},"reviewRating":{"@type":"Rating","ratingValue":%d,"bestRating":10}}`, i, i%97, i%10+1)
	}
	b.WriteString("]}")
	return b.Bytes()
}

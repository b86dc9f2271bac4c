// Adapted from github.com/piprate/json-gold v0.8.0, ld/api_normalize.go and
// ld/id_issuer.go. Copyright 2015-2017 Piprate Limited.
//
// Licensed under the Apache License, Version 2.0 (the "License"); you may
// not use this file except in compliance with the License. You may obtain a
// copy of the License at http://www.apache.org/licenses/LICENSE-2.0 (and in
// the file LICENSE beside this one). Unless required by applicable law or
// agreed to in writing, software distributed under the License is
// distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
// KIND, either express or implied. See the License for the specific
// language governing permissions and limitations under the License.
//
// Changes from upstream (see UPSTREAM.md): URDNA2015 (RDFC-1.0) only; a
// work limit on the Hash N-Degree Quads algorithm (work.go: each
// look-alike blank node's, where rdf-canonize's maxWorkFactor is the
// graph's), so a poison graph is refused instead of running for ever; the hash function is a parameter (RDFC-1.0 allows SHA-384); quads
// are written in canonical N-Quads form (control characters escaped as
// RDF 1.1 canonical N-Triples requires, by film2ld's ld/internal/ntriples)
// for hashing and for output.

package jsongold

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"slices"
	"sort"
	"strings"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/ntriples"
)

// CanonOptions tune [Canonicalize].
type CanonOptions struct {
	// MaxWorkFactor bounds the Hash N-Degree Quads algorithm (see
	// [NewWork]): its run for each blank node whose first-degree hash is
	// not unique may take 8^MaxWorkFactor runs in all, with those it
	// recurses into. 0 means the default,
	// 1; a negative value means no limit. (film2ld's processor passes
	// its own default, 2.)
	MaxWorkFactor int
	// Hash makes the hash function (default SHA-256).
	Hash func() hash.Hash
}

// Canonicalize returns the quads of ds in RDFC-1.0 canonical form, one
// N-Quads line each, sorted. It changes the quads of ds in place.
func Canonicalize(ds *jld.RDFDataset, opts CanonOptions) ([]string, error) {
	if opts.Hash == nil {
		opts.Hash = sha256.New
	}
	if opts.MaxWorkFactor == 0 {
		opts.MaxWorkFactor = 1
	}
	na := &canonState{
		blankNodeInfo:   map[string]*nodeInfo{},
		canonicalIssuer: newIssuer("_:c14n"),
		hash:            opts.Hash,
	}
	return na.run(ds, opts.MaxWorkFactor)
}

type nodeInfo struct {
	quads []*jld.Quad
	hash  string
}

type canonState struct {
	blankNodeInfo    map[string]*nodeInfo
	hashToBlankNodes map[string][]string
	canonicalIssuer  *issuer
	hash             func() hash.Hash
	// work counts the Hash N-Degree Quads runs and the issuer entries
	// their permutations copy, held to the work limit.
	work *Work
}

// errLimit unwinds the recursion of hashNDegreeQuads.
type errLimit struct{ err error }

func (na *canonState) run(ds *jld.RDFDataset, factor int) ([]string, error) {
	var quads []*jld.Quad
	for _, graphName := range sortedKeys(ds.Graphs) {
		triples := ds.Graphs[graphName]
		if graphName == "@default" {
			graphName = ""
		}
		for _, quad := range triples {
			if graphName != "" {
				if strings.HasPrefix(graphName, "_:") {
					quad.Graph = jld.NewBlankNode(graphName)
				} else {
					quad.Graph = jld.NewIRI(graphName)
				}
			}
			quads = append(quads, quad)
			na.addQuad(quad, false)
		}
	}
	nonNormalized := make(map[string]bool, len(na.blankNodeInfo))
	for id := range na.blankNodeInfo {
		nonNormalized[id] = true
	}
	for simple := true; simple; {
		simple = false
		na.hashToBlankNodes = map[string][]string{}
		for _, id := range sortedSet(nonNormalized) {
			h := na.hashFirstDegreeQuads(id)
			na.hashToBlankNodes[h] = append(na.hashToBlankNodes[h], id)
		}
		for _, h := range sortedKeys(na.hashToBlankNodes) {
			idList := na.hashToBlankNodes[h]
			if len(idList) > 1 {
				continue
			}
			na.canonicalIssuer.get(idList[0])
			delete(nonNormalized, idList[0])
			delete(na.hashToBlankNodes, h)
			simple = true
		}
	}

	if err := na.labelShared(factor, len(na.blankNodeInfo)); err != nil {
		return nil, err
	}

	lines := make([]string, len(quads))
	for i, quad := range quads {
		for _, np := range []*jld.Node{&quad.Subject, &quad.Object, &quad.Graph} {
			if *np != nil && jld.IsBlankNode(*np) {
				*np = jld.NewBlankNode(na.canonicalIssuer.get((*np).GetValue()))
			}
		}
		lines[i] = NQuad(quad)
	}
	sort.Strings(lines)
	return lines, nil
}

// addQuad lists quad among the statements of each blank node it names,
// once for each blank node (RDFC-1.0 4.4.3 step 2: "for each blank node
// that is a component of quad"; json-gold listed a quad once per
// position, so that "_:c <p> _:c ." stood twice among _:c's statements,
// hashed twice: its labels differed from rdf-canonize's and the spec's);
// with known, only of the blank nodes na knows.
func (na *canonState) addQuad(quad *jld.Quad, known bool) {
	var listed [3]string
	for i, n := range []jld.Node{quad.Subject, quad.Object, quad.Graph} {
		if n != nil && jld.IsBlankNode(n) {
			id := n.GetValue()
			if slices.Contains(listed[:i], id) {
				continue
			}
			listed[i] = id
			info := na.blankNodeInfo[id]
			if info == nil && known {
				continue
			}
			if info == nil {
				info = &nodeInfo{}
				na.blankNodeInfo[id] = info
			}
			info.quads = append(info.quads, quad)
		}
	}
}

// labelShared issues canonical labels to the blank nodes of
// na.hashToBlankNodes, which share first-degree hashes, by the Hash
// N-Degree Quads algorithm, with the work limit of factor (see
// CanonOptions.MaxWorkFactor); blanks is the dataset's number of blank
// nodes, for the limit's message.
func (na *canonState) labelShared(factor, blanks int) (err error) {
	nonUnique := 0
	for _, ids := range na.hashToBlankNodes {
		nonUnique += len(ids)
	}
	na.work = NewWork(factor, nonUnique, blanks)
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(errLimit)
			if !ok {
				panic(r)
			}
			err = e.err
		}
	}()
	for _, h := range sortedKeys(na.hashToBlankNodes) {
		hashPaths := map[string][]*issuer{}
		for _, id := range na.hashToBlankNodes[h] {
			if na.canonicalIssuer.has(id) {
				continue
			}
			iss := newIssuer("_:b")
			iss.get(id)
			na.work.Start()
			ph, result := na.hashNDegreeQuads(id, iss)
			hashPaths[ph] = append(hashPaths[ph], result)
		}
		for _, ph := range sortedKeys(hashPaths) {
			for _, result := range hashPaths[ph] {
				for _, existing := range result.order {
					na.canonicalIssuer.get(existing)
				}
			}
		}
	}
	return nil
}

func (na *canonState) hashFirstDegreeQuads(id string) string {
	info := na.blankNodeInfo[id]
	if info.hash != "" {
		return info.hash
	}
	nquads := make([]string, 0, len(info.quads))
	for _, quad := range info.quads {
		c := *quad
		c.Subject = firstDegree(id, quad.Subject)
		c.Object = firstDegree(id, quad.Object)
		c.Graph = firstDegree(id, quad.Graph)
		nquads = append(nquads, NQuad(&c))
	}
	sort.Strings(nquads)
	h := na.hash()
	for _, q := range nquads {
		h.Write([]byte(q))
	}
	info.hash = fmt.Sprintf("%x", h.Sum(nil))
	return info.hash
}

func firstDegree(id string, n jld.Node) jld.Node {
	if n == nil || !jld.IsBlankNode(n) {
		return n
	}
	if n.GetValue() == id {
		return jld.NewBlankNode("_:a")
	}
	return jld.NewBlankNode("_:z")
}

func (na *canonState) hashRelatedBlankNode(related string, quad *jld.Quad, iss *issuer, position string) string {
	var id string
	switch {
	case na.canonicalIssuer.has(related):
		id = na.canonicalIssuer.get(related)
	case iss.has(related):
		id = iss.get(related)
	default:
		id = na.hashFirstDegreeQuads(related)
	}
	md := na.hash()
	md.Write([]byte(position))
	if position != "g" {
		md.Write([]byte("<" + quad.Predicate.GetValue() + ">"))
	}
	md.Write([]byte(id))
	return fmt.Sprintf("%x", md.Sum(nil))
}

func (na *canonState) hashNDegreeQuads(id string, iss *issuer) (string, *issuer) {
	if err := na.work.Run(); err != nil {
		panic(errLimit{err})
	}
	hashToRelated := na.createHashToRelated(id, iss)
	md := na.hash()
	for _, h := range sortedKeys(hashToRelated) {
		md.Write([]byte(h))
		chosenPath := ""
		var chosenIssuer *issuer
		perm := jld.NewPermutator(hashToRelated[h])
	permutations:
		for perm.HasNext() {
			permutation := perm.Next()
			if err := na.work.Copy(len(iss.order)); err != nil {
				panic(errLimit{err})
			}
			issuerCopy := iss.clone()
			path := ""
			var recursionList []string
			for _, related := range permutation {
				if na.canonicalIssuer.has(related) {
					path += na.canonicalIssuer.get(related)
				} else {
					if !issuerCopy.has(related) {
						recursionList = append(recursionList, related)
					}
					path += issuerCopy.get(related)
				}
				if chosenPath != "" && len(path) >= len(chosenPath) && path > chosenPath {
					continue permutations
				}
			}
			for _, related := range recursionList {
				resultHash, resultIssuer := na.hashNDegreeQuads(related, issuerCopy)
				path += issuerCopy.get(related)
				path += "<" + resultHash + ">"
				issuerCopy = resultIssuer
				if chosenPath != "" && len(path) >= len(chosenPath) && path > chosenPath {
					continue permutations
				}
			}
			if chosenPath == "" || path < chosenPath {
				chosenPath = path
				chosenIssuer = issuerCopy
			}
		}
		md.Write([]byte(chosenPath))
		iss = chosenIssuer
	}
	return fmt.Sprintf("%x", md.Sum(nil)), iss
}

var positions = [...]string{"s", "o", "g"}

func (na *canonState) createHashToRelated(id string, iss *issuer) map[string][]string {
	hashToRelated := map[string][]string{}
	for _, quad := range na.blankNodeInfo[id].quads {
		for i, n := range []jld.Node{quad.Subject, quad.Object, quad.Graph} {
			if n != nil && jld.IsBlankNode(n) && n.GetValue() != id {
				related := n.GetValue()
				h := na.hashRelatedBlankNode(related, quad, iss, positions[i])
				hashToRelated[h] = append(hashToRelated[h], related)
			}
		}
	}
	return hashToRelated
}

// issuer is json-gold's IdentifierIssuer, whose order of issue the
// algorithm needs and json-gold does not export.
type issuer struct {
	prefix   string
	counter  int
	existing map[string]string
	order    []string
}

func newIssuer(prefix string) *issuer {
	return &issuer{prefix: prefix, existing: map[string]string{}}
}

func (ii *issuer) clone() *issuer {
	c := &issuer{prefix: ii.prefix, counter: ii.counter, existing: make(map[string]string, len(ii.existing)),
		order: append([]string(nil), ii.order...)}
	for k, v := range ii.existing {
		c.existing[k] = v
	}
	return c
}

func (ii *issuer) get(old string) string {
	if ex, ok := ii.existing[old]; ok {
		return ex
	}
	id := fmt.Sprintf("%s%d", ii.prefix, ii.counter)
	ii.counter++
	ii.existing[old] = id
	ii.order = append(ii.order, old)
	return id
}

func (ii *issuer) has(old string) bool {
	_, ok := ii.existing[old]
	return ok
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sortedSet(m map[string]bool) []string { return sortedKeys(m) }

// NQuad writes one quad as a canonical N-Quads line (with its newline):
// IRIs as they are (they were checked), literals with the escapes of
// canonical N-Triples — \b \t \n \f \r \" \\ and \u00XX for the other
// control characters U+0000–U+001F and U+007F — and datatype xsd:string
// left implicit.
func NQuad(q *jld.Quad) string {
	var b strings.Builder
	// One allocation for most lines (escapes may need more).
	b.Grow(termLen(q.Subject) + termLen(q.Predicate) + termLen(q.Object) + termLen(q.Graph) + 6)
	term(&b, q.Subject)
	b.WriteByte(' ')
	term(&b, q.Predicate)
	b.WriteByte(' ')
	term(&b, q.Object)
	if q.Graph != nil {
		b.WriteByte(' ')
		term(&b, q.Graph)
	}
	b.WriteString(" .\n")
	return b.String()
}

const (
	xsdString     = "http://www.w3.org/2001/XMLSchema#string"
	rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
)

// termLen is the length term writes for n, before escapes.
func termLen(n jld.Node) int {
	switch v := n.(type) {
	case jld.IRI:
		return len(v.Value) + 2
	case jld.BlankNode:
		return len(v.Attribute)
	case jld.Literal:
		return len(v.Value) + len(v.Datatype) + len(v.Language) + 6
	}
	return 0
}

func term(b *strings.Builder, n jld.Node) {
	switch v := n.(type) {
	case jld.IRI:
		// Piece by piece: a concatenation would allocate a string per
		// term of every statement hashed.
		ntriples.WriteIRI(b, v.Value)
	case jld.BlankNode:
		b.WriteString(v.Attribute)
	case jld.Literal:
		ntriples.WriteString(b, v.Value)
		switch {
		case v.Datatype == rdfLangString || v.Language != "":
			b.WriteByte('@')
			b.WriteString(v.Language)
		case v.Datatype != "" && v.Datatype != xsdString:
			b.WriteString("^^")
			ntriples.WriteIRI(b, v.Datatype)
		}
	}
}

func asList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	if v == nil {
		return nil
	}
	return []any{v}
}

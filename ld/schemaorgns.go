package ld

import (
	"bytes"
	"strings"
)

// The schema.org context maps its terms to IRIs in the http namespace,
// http://schema.org/name; schema.org and search engines take the https
// one, https://schema.org/name, for the same term. Linked data that uses
// the https namespace compacts to none of the context's terms, so a
// check that reads the compacted terms would read such data unlike the
// same data in the http namespace: an image IRI, which the context's
// "image" coerces to a string, became a reference to an undescribed node.
// (schemaVocab, in directjson.go, is the http one.)
const schemaOrgHTTPS = "https://schema.org/"

// FoldSchemaOrgHTTPS asks ReadNQuads to read every schema.org IRI in the
// https namespace as the one in the http namespace, wherever it stands
// but as a subject or a graph name (a property, a type, an enumeration
// member, a datatype), as a check of the data against schema.org's terms
// needs it. It is off by default: conversion keeps every IRI as written.
func (d *Dataset) FoldSchemaOrgHTTPS() { d.foldHTTPS = true }

// FoldSchemaOrgHTTPS is [Dataset.FoldSchemaOrgHTTPS] for statements
// already read: it rewrites them in place.
func FoldSchemaOrgHTTPS(quads []Quad) {
	for i := range quads {
		q := &quads[i]
		q.Predicate.Value = foldHTTPS(q.Predicate.Value)
		if q.Object.Kind == IRI {
			q.Object.Value = foldHTTPS(q.Object.Value)
		}
		if q.Object.Kind == Literal {
			q.Object.Datatype = foldHTTPS(q.Object.Datatype)
		}
	}
}

// foldHTTPS returns iri in schema.org's http namespace when it is in the
// https one, else iri.
func foldHTTPS(iri string) string {
	if rest, ok := strings.CutPrefix(iri, schemaOrgHTTPS); ok {
		return schemaVocab + rest
	}
	return iri
}

var schemaOrgHTTPSBytes = []byte(schemaOrgHTTPS)

// foldRawHTTPS is foldHTTPS for a statement as the N-Quads reader lexes
// it: its predicate, an IRI object and a literal's datatype.
func foldRawHTTPS(q *rawQuad) {
	fold := func(b []byte) []byte {
		if rest, ok := bytes.CutPrefix(b, schemaOrgHTTPSBytes); ok {
			return append([]byte(schemaVocab), rest...)
		}
		return b
	}
	q[1].value = fold(q[1].value)
	if q[2].kind == IRI {
		q[2].value = fold(q[2].value)
	}
	if q[2].kind == Literal {
		q[2].datatype = fold(q[2].datatype)
	}
}

// Package mapping turns film documents into one schema.org graph per film.
//
// Call [Map] once per document: it detects the document's kind from its
// content (a review aggregator's page, an encyclopedia article, a film
// prize's page) and reads it with that kind's mapper into a [film.Source].
// Then call [Merge] with every Source about one film to get the typed
// merged [Film]: its facts once each, with their sources, the conflicts
// between sources as [Diagnostic]s, and each source's own view (unless
// Options.MergedOnly: a caller that writes the merged view alone skips
// them). Last, render a view as schema.org JSON-LD: [Film.Render] (the
// merged graph, or a source's graph from Film.Views), [Film.Dataset] (both,
// for RDF stores). render.go is the only file that knows schema.org's terms.
// [Combine] does all three for callers that want JSON-LD at once.
//
// # Identity
//
// Merge mints IRIs from facts, never from file names or input order:
// Base+"film/<title>-<year>", Base+"person/<name>" and
// Base+"organization/<name>", where the names are folded to lower case
// without accents. People spelled alike up to accents, case, spacing and
// punctuation are one node, and so are two spellings one small misspelling
// apart in the same credit of different sources.
//
// # Facts only
//
// Every value in the output is stated by a document. Nothing is guessed: a
// verdict ("Mixed or average reviews") is not turned into a score, a score's
// scale is the page's own or its site's documented one (see package
// reviews), never assumed, and facts schema.org has no term for (a budget)
// are reported as [Diagnostic]s instead of being dropped in silence.
//
// A value that does not look like a person's name (it still holds a role
// separator such as " — " or " as ", an annotation in brackets, a digit or a
// sentence) is never minted as a Person: [Map] leaves it out with a note
// naming its line. Lines a mapper cannot place are counted in one note per
// section. mapping/README.md lists every layout each mapper accepts.
//
// This package does not depend on package ld or package schemas: it writes
// plain JSON-LD values that they then process.
package mapping

// Package schemas checks schema.org markup the way film2ld's validate command
// reports it: JSON Schemas for the shapes of film nodes, the schema.org
// vocabulary of the built-in release, and search engines' rules for Movie,
// Review and AggregateRating rich results.
//
// Build a [Graph] first: [Load] reads one JSON-LD document (JSON text, with
// the line and column of every value), [LoadHTML] every ld+json block of a
// page, and [FromDoc] an already decoded document such as film2ld's own
// export. Then call [Validate] with a [Profile]; it returns [Finding]s in a
// fixed order.
//
// # The graph, not the JSON
//
// The checks look at nodes, not at how the JSON nests them: a node given in
// a "@graph", nested as a property value, or split over several blocks that
// share an "@id" is one [Node], with every place it was written. So a
// Review inside a Movie and a Review at the top level that points at the
// Movie with itemReviewed are checked alike.
//
// # Layers
//
//   - shape: embedded draft-07 JSON Schemas (schemas/json), applied with
//     gojsonschema to each node's normalised form (see [Node.Shape]).
//   - vocabulary: schema.org release 30.0 from package ld/schemaorg: unknown
//     or superseded terms, properties outside their type's domain, and
//     values of the wrong kind (a date that is not ISO 8601, say).
//   - google: the required and recommended properties and value rules of
//     Google Search Central for Movie, Review and AggregateRating.
//
// # Determinism
//
// gojsonschema reports errors in a varying order; Validate sorts findings by
// position, rule and node, and drops repeats, so the same input always gives
// the same report.
package schemas

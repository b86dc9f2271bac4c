// Package schemas checks schema.org markup the way film2ld's validate command
// reports it: JSON Schemas for the shapes of film nodes, the schema.org
// vocabulary of the built-in release, and search engines' rules for Movie,
// Review and AggregateRating rich results.
//
// Build a [Graph] first: [Load] reads one JSON-LD document (JSON text, with
// the line and column of every value), [LoadHTML] every ld+json block of a
// page, and [FromDoc] an already decoded document such as film2ld's own
// export. Then call [Validate] with a [Profile]; it returns [Finding]s in a
// fixed order. A large graph made of parts, each with the nodes its nodes
// refer to, can be checked a part at a time ([Validation]), with the same
// findings. [Rules] lists every rule with the page it follows,
// [Previews] tells what a search engine could show for each Movie, and
// [SchemaJSON] gives the JSON Schemas for use elsewhere.
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
//     Google Search Central, each on its own feature: the movie carousel,
//     the review snippet (only on the item types that page lists, with
//     ratingValue read as a number, percentage or fraction), fact checks
//     (ClaimReview) and employer ratings (EmployerAggregateRating).
//
// # Nothing unchecked passes
//
// Reading reports whatever keeps markup from being checked: text that is
// not JSON or nests deeper than [MaxDepth], a context that cannot be
// loaded offline, a @vocab that is not schema.org's, a document the
// JSON-LD processor of package ld rejects (as convert would), an empty
// document, and references to nodes the input never defines. Rules whose
// finding means part of an input was not checked are marked
// [Rule.Unchecked].
//
// # Positions
//
// Lines and columns count characters (code points), from one index per
// input, so placing every node of a one-line megabyte page is linear.
//
// # Cost
//
// Time is linear in the input. Three fast paths skip work whose result is
// known, each held by a differential test to the findings of the slow way
// (TestFastPathsAgree compares whole reports): a byte scanner reads
// well-formed JSON (internal/jsonpos); plain markup under the schema.org
// context skips the JSON-LD processor's check, which it is sure to pass
// (fastld.go); and the JSON Schemas are applied property by property, each
// distinct value once per input (shapesplit.go).
//
// # Determinism
//
// gojsonschema reports errors in a varying order; Validate sorts findings by
// position, rule and node, and drops repeats, so the same input always gives
// the same report.
package schemas

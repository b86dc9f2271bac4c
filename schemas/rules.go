package schemas

import (
	"slices"
	"strings"
	"sync"
)

// Rule is one check validate makes: a stable identifier, the layer and
// profile it belongs to, what it checks, and the page that says why.
// Identifiers never change, since SARIF consumers, --disable lists and
// baselines keep them.
type Rule struct {
	ID string
	// Severity is the rule's usual severity; a few rules grade one case an
	// error and another a warning, and say so in Summary.
	Severity Severity
	// Summary says in one line what the rule checks.
	Summary string
	// Source is the documentation the rule follows.
	Source string
	// Unchecked is set for rules whose finding means that part of an
	// input could not be checked at all; the command never lets such a
	// finding be disabled or baselined, so that nothing unchecked passes.
	Unchecked bool
}

// uncheckedRules are the rules whose findings mean nothing (or part of
// nothing) was checked.
var uncheckedRules = map[string]bool{
	RuleInput: true, RuleJSONSyntax: true, RuleJSONDepth: true, RuleContext: true,
	RuleVocab: true, RuleJSONLD: true, RuleEmpty: true, RuleUnsupported: true,
}

// Sources of the rules.
const (
	srcReviewSnippet  = "https://developers.google.com/search/docs/appearance/structured-data/review-snippet"
	srcMovie          = "https://developers.google.com/search/docs/appearance/structured-data/movie"
	srcVideo          = "https://developers.google.com/search/docs/appearance/structured-data/video"
	srcFactCheck      = "https://developers.google.com/search/docs/appearance/structured-data/factcheck"
	srcEmployerRating = "https://developers.google.com/search/docs/appearance/structured-data/employer-rating"
	srcGeneral        = "https://developers.google.com/search/docs/appearance/structured-data/sd-policies"
	srcJSON           = "https://www.rfc-editor.org/rfc/rfc8259"
	srcJSONLD         = "https://www.w3.org/TR/json-ld11/"
	srcHTMLScript     = "https://www.w3.org/TR/json-ld11/#embedding-json-ld-in-html-documents"
	srcHTMLEncoding   = "https://html.spec.whatwg.org/multipage/parsing.html#determining-the-character-encoding"
	srcSchemaOrg      = "https://schema.org/docs/datamodel.html"
	srcSchemaOrgFull  = "https://schema.org/docs/full.html"
	srcShapes         = "https://github.com/film2ld/film2ld/tree/main/schemas/json"
)

// Rule identifiers of the reading and JSON-LD layer.
const (
	// RuleBOM notes a UTF-8 byte-order mark, which is skipped.
	RuleBOM = "json.bom"
	// RuleJSONSyntax is text that is not JSON.
	RuleJSONSyntax = "json.syntax"
	// RuleJSONDepth is nesting past the documented limit.
	RuleJSONDepth = "json.depth"
	// RuleDuplicateKey is a key written twice in one object.
	RuleDuplicateKey = "json.duplicate-key"
	// RuleContext is a @context that cannot be loaded or is not schema.org's.
	RuleContext = "jsonld.context"
	// RuleVocab is a @vocab that is not schema.org's namespace.
	RuleVocab = "jsonld.vocab"
	// RuleJSONLD is a document the JSON-LD processor (as convert runs it)
	// rejects.
	RuleJSONLD = "jsonld.invalid"
	// RuleJSONLDSyntax is a document that is not a node, an array of nodes
	// or a @graph, or that holds what JSON-LD drops at the top of a graph.
	RuleJSONLDSyntax = "jsonld.syntax"
	// RuleUnsupported is JSON-LD film2ld checks only in part.
	RuleUnsupported = "jsonld.unsupported"
	// RuleEmpty is an input with no node at all.
	RuleEmpty = "jsonld.empty"
	// RuleNamedGraphs is linked data in named graphs that are not a
	// film's merged view or its sources.
	RuleNamedGraphs = "jsonld.named-graphs"
	// RuleNoSchemaOrg is a block or file whose nodes are none of schema.org.
	RuleNoSchemaOrg = "jsonld.no-schemaorg"
	// RuleDangling is a reference to an @id the input defines nowhere.
	RuleDangling = "jsonld.dangling-ref"
	// RuleBlockWrapper is a script block whose JSON is wrapped in an HTML
	// comment or a CDATA section, read inside it.
	RuleBlockWrapper = "html.block-wrapper"
	// RuleNoScript is a page without a JSON-LD block.
	RuleNoScript = "html.no-jsonld"
	// RuleEncoding notes a page read in the encoding it declares, not
	// UTF-8 (ld.DecodeHTML).
	RuleEncoding = "html.encoding"
	// RuleInput is an input that could not be read.
	RuleInput = "input"
	// RuleLeftOut is a film document's node that export leaves out of the
	// web snippet.
	RuleLeftOut = "snippet.left-out"
)

// Rule identifiers of the vocabulary layer. Errors are markup that no
// reading makes right; warnings are markup that schema.org's data model
// lets consumers accept, less precisely.
const (
	// RuleUnknownType (error) is a type schema.org does not define
	// ("Moive").
	RuleUnknownType = "vocab.unknown-type"
	// RuleUnknownProperty (error) is a property schema.org does not define
	// ("datepublished").
	RuleUnknownProperty = "vocab.unknown-property"
	// RuleDomain (warning) is a property outside its type's
	// domainIncludes (characterName on a Person), the Role pattern
	// excepted.
	RuleDomain = "vocab.domain"
	// RuleSuperseded (warning) is a retired type, property or enumeration
	// member ("actors").
	RuleSuperseded = "vocab.superseded"
	// RuleValueKind (error) is a value of the wrong kind for a range
	// without Text (ratingCount "many", a Person as a name, a url with
	// spaces).
	RuleValueKind = "vocab.value-kind"
	// RuleTextForNode (warning) is text where the range has node types
	// only ("director": "Michael Mann"); schema.org asks consumers to
	// accept it.
	RuleTextForNode = "vocab.text-for-node"
	// RuleDate (error) is a Date or DateTime that is not ISO 8601 or not
	// on the calendar ("2011-02-30").
	RuleDate = "vocab.date"
	// RuleDuration (error) is a Duration that is not ISO 8601 ("90",
	// "P1H").
	RuleDuration = "vocab.duration"
	// RuleRelativeURL (warning) is a URL with its scheme left out
	// ("www.imdb.com/title/…"), which resolves against the page instead.
	RuleRelativeURL = "vocab.relative-url"
	// RuleRelativeReference (note) is any other relative URL
	// ("/film/heat/"): a page resolves it against its address, linked
	// data read on its own cannot.
	RuleRelativeReference = "vocab.relative-reference"
	// RuleHTMLEntity (warning) is an HTML character reference in text
	// ("&eacute;"), which JSON-LD does not read.
	RuleHTMLEntity = "vocab.html-entity"
	// RuleLanguage (warning) is text that is no BCP 47 language code
	// where schema.org asks for one ("inLanguage": "English").
	RuleLanguage = "vocab.language"
	// RuleRange is a node value of a type outside the property's range:
	// an error where schema.org gives one type, a warning where it gives
	// several.
	RuleRange = "vocab.range"
)

// RuleShapePrefix starts the identifier of each JSON Schema rule, one per
// shape type: "shape.movie", "shape.review" (see shapeRules).
const RuleShapePrefix = "shape."

// Rule identifiers of the search-engine layer (the google profile), after
// Google's structured-data documentation for movies, review snippets, fact
// checks and employer ratings (each rule's Source in the table below).
const (
	// RuleMovieName is a Movie without a name.
	RuleMovieName = "google.movie.name"
	// RuleMovieImage is a Movie without an image: an error in a carousel
	// list, a warning elsewhere.
	RuleMovieImage = "google.movie.image"
	// RuleCarouselItem is a ListItem of a movie carousel (an ItemList
	// that lists a Movie) without a position from 1, or with neither a
	// url (a summary page) nor an item (an all-in-one page).
	RuleCarouselItem = "google.carousel.item"
	// RuleCarouselType is an item of a movie carousel that is no Movie:
	// a carousel lists items of one type.
	RuleCarouselType = "google.carousel.type"
	// RuleMovieRecommended is a Movie lacking a property Google
	// recommends (aggregateRating, dateCreated, director, review).
	RuleMovieRecommended = "google.movie.recommended"
	// RuleVideoRequired (warning) is a VideoObject without a property
	// Google's video results require (name, thumbnailUrl, uploadDate).
	RuleVideoRequired = "google.video.required"
	// RuleReviewAuthor is a Review without an author that is a Person or
	// Organization.
	RuleReviewAuthor = "google.review.author"
	// RuleReviewAuthorName is a review author without a name, with one of
	// 100 characters or more, or with an address for a name.
	RuleReviewAuthorName = "google.review.author-name"
	// RuleReviewItemReviewed is a Review neither nested in its item nor
	// naming it in itemReviewed.
	RuleReviewItemReviewed = "google.review.item-reviewed"
	// RuleReviewItemType notes a reviewed item of a type Google shows no
	// review snippet for, so the review-snippet rules do not apply.
	RuleReviewItemType = "google.review.item-type"
	// RuleReviewRating is a Review whose reviewRating is not a Rating, or
	// that has neither a rating nor an author and a date.
	RuleReviewRating = "google.review.rating"
	// RuleReviewDate is a Review without datePublished.
	RuleReviewDate = "google.review.date"
	// RuleThirdParty is a review from another site than the page's
	// (--page-url); search engines ask sites to mark up only their own.
	RuleThirdParty = "google.review.third-party"
	// RuleItemName is a reviewed item without a name.
	RuleItemName = "google.item-name"
	// RuleRatingValue is a Rating without a ratingValue, or with one
	// Google cannot read as a number, percentage or fraction.
	RuleRatingValue = "google.rating.value"
	// RuleRatingRange is a ratingValue outside worstRating..bestRating
	// (1..5 when not stated), a percentage outside 0..100, or a fraction
	// above its scale.
	RuleRatingRange = "google.rating.range"
	// RuleAggregateValue is an AggregateRating without a ratingValue.
	RuleAggregateValue = "google.aggregate.value"
	// RuleAggregateCount is an AggregateRating with neither ratingCount
	// nor reviewCount.
	RuleAggregateCount = "google.aggregate.count"
	// RuleAggregateItemReviewed is an AggregateRating neither nested in
	// its item nor naming it in itemReviewed.
	RuleAggregateItemReviewed = "google.aggregate.item-reviewed"
	// RuleOneAggregate is an AggregateRating the web snippet leaves out
	// because its item already has one (see Choose and SnippetFor).
	RuleOneAggregate = "google.aggregate.one"
	// RuleFactCheckRequired is a ClaimReview without claimReviewed, url
	// or a reviewRating that is a Rating.
	RuleFactCheckRequired = "google.factcheck.required"
	// RuleFactCheckVerdict is a ClaimReview rating without alternateName
	// (the verdict shown), or whose ratingValue is no number.
	RuleFactCheckVerdict = "google.factcheck.rating"
	// RuleFactCheckRecommended is a ClaimReview without author,
	// datePublished or itemReviewed.
	RuleFactCheckRecommended = "google.factcheck.recommended"
	// RuleEmployerRequired is an EmployerAggregateRating without a named
	// itemReviewed Organization, a ratingValue, or a count.
	RuleEmployerRequired = "google.employer.required"
)

// ruleDef is a row of the rule table.
type ruleDef struct {
	id       string
	severity Severity
	summary  string
	source   string
}

var ruleTable = []ruleDef{
	{RuleInput, Error, "the input could not be read, so nothing in it was checked", srcGeneral},
	{RuleBOM, Note, "the file starts with a UTF-8 byte-order mark, which is skipped", srcJSON + "#section-8.1"},
	{RuleJSONSyntax, Error, "the text is not JSON; nothing in it was checked", srcJSON},
	{RuleJSONDepth, Error, "arrays and objects nest deeper than film2ld reads (256 levels); nothing in the document was checked", srcJSON + "#section-9"},
	{RuleDuplicateKey, Error, "an object writes a key twice; JSON-LD processors keep the last value, other readers the first", srcJSON + "#section-4"},
	{RuleContext, Error, "the @context cannot be loaded offline or is not schema.org's, so terms could not be checked as written", srcJSONLD + "#the-context"},
	{RuleVocab, Error, "the @vocab is not schema.org's namespace (\"http://schema.org\" lacks the final slash), so no term means a schema.org one", srcJSONLD + "#default-vocabulary"},
	{RuleJSONLD, Error, "the JSON-LD processor rejects the document (convert would fail on it)", srcJSONLD},
	{RuleJSONLDSyntax, Error, "a JSON-LD document is an object, an array of objects, or a @graph: what JSON-LD drops at the top of a graph (the document's, or a node's @graph) is an error where it states something (values, @value and @list objects), a warning where it states nothing (a node with only @id, {} beside nodes)", srcJSONLD + "#json-ld-grammar"},
	{RuleUnsupported, Error, "JSON-LD that film2ld checks only in part (@reverse, a nested @graph; a note for @list, whose values are checked as a set)", srcJSONLD},
	{RuleEmpty, Error, "the input holds no node at all: nothing was checked (a warning for a page's script block that holds none, beside the others)", srcJSONLD},
	{RuleNamedGraphs, Warning, "statements in named graphs that are not a film's merged view or its sources: left unchecked beside a default graph (a warning), else checked as one graph (a note)", srcJSONLD + "#named-graphs"},
	{RuleNoSchemaOrg, Warning, "no node of the block or file has a schema.org type, so no schema.org rule applies", srcSchemaOrg},
	{RuleDangling, Error, "a reference to an @id that the input defines nowhere: an error under properties a rich result reads (aggregateRating, review, reviewRating, author, itemReviewed), else a warning", srcJSONLD + "#node-identifiers"},
	{RuleBlockWrapper, Warning, "a script block's JSON wrapped in an HTML comment or a CDATA section (<!-- … -->, /* <![CDATA[ */ … /* ]]> */), which JSON-LD does not allow; read inside it", srcHTMLScript},
	{RuleNoScript, Warning, "a page without a <script type=\"application/ld+json\"> block", srcHTMLScript},
	{RuleEncoding, Note, "a page read in the encoding it declares (a UTF-16 byte-order mark, a <meta charset>), not UTF-8", srcHTMLEncoding},
	{RuleLeftOut, Warning, "a film document's Review or AggregateRating that export leaves out of the web snippet", srcReviewSnippet},

	{RuleUnknownType, Error, "a type schema.org does not define", srcSchemaOrgFull},
	{RuleUnknownProperty, Error, "a property schema.org does not define", srcSchemaOrgFull},
	{RuleDomain, Warning, "a property outside its type's domainIncludes", srcSchemaOrg},
	{RuleSuperseded, Warning, "a retired type, property or enumeration member", srcSchemaOrg},
	{RuleValueKind, Error, "a value of the wrong kind for a range without Text", srcSchemaOrg},
	{RuleTextForNode, Warning, "text where the range has node types only; schema.org asks consumers to accept it", srcSchemaOrg},
	{RuleDate, Error, "a Date or DateTime that is not ISO 8601 or not on the calendar", "https://schema.org/Date"},
	{RuleDuration, Error, "a Duration that is not ISO 8601", "https://schema.org/Duration"},
	{RuleRelativeURL, Warning, "a URL with its scheme left out, which resolves against the page", "https://schema.org/URL"},
	{RuleHTMLEntity, Warning, "an HTML character reference in text (\"&eacute;\"), which JSON-LD shows as written", "https://www.w3.org/TR/json-ld11/#embedding-json-ld-in-html-documents"},
	{RuleRelativeReference, Note, "a relative URL, which a page resolves against its address but linked data read on its own cannot (without --page-url)", "https://www.w3.org/TR/json-ld11/#iris"},
	{RuleLanguage, Warning, "text that is no BCP 47 language code where schema.org asks for one (inLanguage, subtitleLanguage, availableLanguage, knowsLanguage)", "https://schema.org/inLanguage"},
	{RuleRange, Error, "a node of a type outside the property's rangeIncludes: an error where schema.org gives one type (director: Person), a warning where it gives several", srcSchemaOrg},

	{RuleMovieName, Error, "a Movie needs a name", srcMovie},
	{RuleMovieImage, Error, "a Movie in a carousel list needs an image (a warning for a Movie outside a list)", srcMovie},
	{RuleCarouselItem, Error, "a ListItem of a movie carousel needs a position (1, 2, …) and a url or an item", srcMovie},
	{RuleCarouselType, Error, "a movie carousel's items are all Movies", srcMovie},
	{RuleVideoRequired, Warning, "a VideoObject lacks a property Google's video results require (name, thumbnailUrl, uploadDate)", srcVideo},
	{RuleMovieRecommended, Warning, "a Movie lacks a property Google recommends (aggregateRating, dateCreated, director, review)", srcMovie},
	{RuleReviewAuthor, Error, "a Review needs an author that is a Person or Organization", srcReviewSnippet},
	{RuleReviewAuthorName, Error, "a review author needs a name under 100 characters, not an address", srcReviewSnippet},
	{RuleReviewItemReviewed, Error, "a Review not nested in its item needs itemReviewed", srcReviewSnippet},
	{RuleReviewItemType, Note, "the reviewed item is not of a type Google shows review snippets for, so the review-snippet rules do not apply", srcReviewSnippet},
	{RuleReviewRating, Error, "a Review needs a reviewRating that is a Rating, unless it has an author and a date", srcReviewSnippet},
	{RuleReviewDate, Warning, "a Review lacks datePublished, which Google recommends", srcReviewSnippet},
	{RuleThirdParty, Warning, "a review from another site than the page's (--page-url)", srcReviewSnippet},
	{RuleItemName, Error, "the reviewed item needs a name", srcReviewSnippet},
	{RuleRatingValue, Error, "a ratingValue Google cannot read: it takes a number, a numeric string, a percentage (\"60%\") or a fraction (\"6 / 10\")", srcReviewSnippet},
	{RuleRatingRange, Error, "a ratingValue outside worstRating..bestRating (1..5 when not stated), a percentage outside 0..100, a fraction above its scale", srcReviewSnippet},
	{RuleAggregateValue, Error, "an AggregateRating needs a ratingValue", srcReviewSnippet},
	{RuleAggregateCount, Error, "an AggregateRating needs ratingCount or reviewCount, and beside its ratingValue each must be positive", srcReviewSnippet},
	{RuleAggregateItemReviewed, Error, "an AggregateRating not nested in its item needs itemReviewed", srcReviewSnippet},
	{RuleOneAggregate, Warning, "the web snippet keeps one aggregateRating per item, the first the rules accept; Google reads one", srcReviewSnippet},
	{RuleFactCheckRequired, Error, "a ClaimReview needs claimReviewed, url and a reviewRating", srcFactCheck},
	{RuleFactCheckVerdict, Error, "a ClaimReview's rating needs alternateName (the verdict shown), and a ratingValue that evaluates to a number", srcFactCheck},
	{RuleFactCheckRecommended, Warning, "a ClaimReview lacks author or itemReviewed, which Google recommends", srcFactCheck},
	{RuleEmployerRequired, Error, "an EmployerAggregateRating needs an itemReviewed Organization with a name, a ratingValue, and ratingCount or reviewCount", srcEmployerRating},
}

// snippetRules are the search-engine rules whose findings leave a Review
// or AggregateRating out of the web snippet (export's, by Choose, and
// validate's of linked data, by SnippetFor): the node the finding is
// about, or the review whose Rating it is about. They are the errors of
// the review-snippet, fact-check and employer-rating pages, which every
// finding of theirs is, and another site's review, which warns since
// validate cannot know the page is not the review's own. The movie
// carousel's rules judge the Movie, which a snippet cannot do without; a
// missing date, a review's item type and the fact check's recommendations
// only warn or inform. RuleOneAggregate is applied after these, by the
// snippet itself.
var snippetRules = map[string]bool{
	RuleReviewAuthor: true, RuleReviewAuthorName: true, RuleReviewItemReviewed: true, RuleReviewRating: true,
	RuleItemName: true, RuleRatingValue: true, RuleRatingRange: true,
	RuleAggregateValue: true, RuleAggregateCount: true, RuleAggregateItemReviewed: true,
	RuleFactCheckRequired: true, RuleFactCheckVerdict: true, RuleEmployerRequired: true,
	RuleThirdParty: true,
}

// leftOutWhy says, for a search-engine rule that leaves reviews and
// ratings out of the web snippet, why the nodes it rejects are left out,
// in words that follow a count of nodes ("7 AggregateRatings with no
// stated score"): the rule's summary as the reader of a count needs it.
var leftOutWhy = map[string]string{
	RuleAggregateValue:        "with no stated score",
	RuleAggregateCount:        "with no count of ratings or reviews",
	RuleOneAggregate:          "beyond the film's first (search engines read one per film)",
	RuleAggregateItemReviewed: "that name no rated item",
	RuleReviewAuthor:          "with no author",
	RuleReviewAuthorName:      "whose author has no usable name",
	RuleReviewRating:          "with neither a date nor a score",
	RuleReviewItemReviewed:    "that name no reviewed item",
	RuleThirdParty:            "from another site",
	RuleRatingValue:           "with a score that is not a number",
	RuleRatingRange:           "with a score outside its scale",
	RuleItemName:              "whose item has no name",
}

// LeftOutWhy says why the web snippet left out the nodes a rule rejects,
// in words that follow a count of them ("3 Reviews" "with no author"), so
// that every summary of a snippet words a rule alike. A rule without words
// of its own is "that search engines reject".
func LeftOutWhy(rule string) string {
	if why, ok := leftOutWhy[rule]; ok {
		return why
	}
	return "that search engines reject"
}

// shapeRules are the JSON Schema rules, one per shape type.
func shapeRules() []Rule {
	out := make([]Rule, 0, len(shapeTypes))
	for _, t := range shapeTypes {
		out = append(out, Rule{ID: RuleShapePrefix + strings.ToLower(t), Severity: Error,
			Summary: "a " + t + " node does not fit film2ld's JSON Schema for " + t + " (json/" + strings.ToLower(t) + ".json)",
			Source:  srcShapes + "/" + strings.ToLower(t) + ".json"})
	}
	return out
}

// Rules returns every rule, sorted by identifier.
func Rules() []Rule {
	out := shapeRules()
	for _, d := range ruleTable {
		out = append(out, Rule{ID: d.id, Severity: d.severity, Summary: d.summary, Source: d.source, Unchecked: uncheckedRules[d.id]})
	}
	slices.SortFunc(out, func(a, b Rule) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// LookupRule returns the rule with an identifier.
func LookupRule(id string) (Rule, bool) {
	r, ok := rulesByID()[id]
	return r, ok
}

// rulesByID indexes Rules once: validate looks up the rule of every
// finding, and building and sorting the list each time was a tenth of
// checking a document of 20,000 small nodes.
var rulesByID = sync.OnceValue(func() map[string]Rule {
	out := map[string]Rule{}
	for _, r := range Rules() {
		out[r.ID] = r
	}
	return out
})

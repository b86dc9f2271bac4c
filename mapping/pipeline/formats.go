package pipeline

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/film2ld/film2ld/ld"
)

// extFormats are the output formats a file name's extension implies, the
// first the one it names alone.
var extFormats = map[string][]ld.Format{
	".nq":     {ld.FormatNQuads, ld.FormatCanonical},
	".nquads": {ld.FormatNQuads, ld.FormatCanonical},
	".jsonld": {ld.FormatJSONLD, ld.FormatExpanded, ld.FormatFlattened},
	".json":   {ld.FormatJSONLD, ld.FormatExpanded, ld.FormatFlattened},
	".html":   {ld.FormatHTML},
	".htm":    {ld.FormatHTML},
	".ttl":    {ld.FormatTurtle},
	".trig":   {ld.FormatTriG},
	".ru":     {ld.FormatSPARQLUpdate},
}

// OutputFormats returns the output formats a file of this name can hold,
// the one its extension names first; none for an extension film2ld does
// not know (or "-", standard output).
func OutputFormats(name string) []ld.Format {
	if name == "" || name == "-" {
		return nil
	}
	return extFormats[strings.ToLower(filepath.Ext(name))]
}

// Extension returns the file name extension of a format's files.
func Extension(f ld.Format) string {
	switch f {
	case ld.FormatHTML:
		return ".html"
	case ld.FormatNQuads, ld.FormatCanonical:
		return ".nq"
	case ld.FormatTurtle:
		return ".ttl"
	case ld.FormatTriG:
		return ".trig"
	case ld.FormatSPARQLUpdate:
		return ".ru"
	}
	return ".jsonld"
}

// Concatenates reports whether several films' outputs in a format make one
// output when written one after the other (their blank nodes kept apart
// with ld.PrefixBlankNodes): the line-based N-Quads formats.
func Concatenates(f ld.Format) bool {
	return f == ld.FormatNQuads || f == ld.FormatCanonical
}

// siteExts are the extensions of the files validate reads in a folder:
// pages, JSON-LD, N-Quads, Turtle and TriG.
var siteExts = map[string]bool{".html": true, ".htm": true, ".jsonld": true, ".json": true, ".nq": true, ".nt": true, ".ttl": true, ".trig": true}

// IsSiteFile reports whether validate reads a file found in a folder (a
// site's build output, a dump of linked data): a page (.html, .htm),
// JSON-LD (.jsonld), N-Quads (.nq, .nt), Turtle (.ttl) or TriG (.trig),
// and a .json file only when it holds an "@context" key, since
// a site has JSON of other kinds (manifests, search indexes). content is
// called, for a .json file only, to get the file's bytes; nil (a file that
// cannot be read) leaves it out.
func IsSiteFile(name string, content func() []byte) bool {
	ext := strings.ToLower(filepath.Ext(name))
	if !siteExts[ext] {
		return false
	}
	return ext != ".json" || bytes.Contains(content(), []byte(`"@context"`))
}

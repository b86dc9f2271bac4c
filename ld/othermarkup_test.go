package ld_test

import (
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestOtherMarkup finds Microdata and RDFa, and not Open Graph's <meta
// property> tags, which most pages have.
func TestOtherMarkup(t *testing.T) {
	for _, tt := range []struct {
		page string
		want ld.Markup
	}{
		{`<div itemscope itemtype="https://schema.org/Movie"><h1 itemprop="name">Avatar</h1></div>`, ld.Markup{Syntax: "Microdata", Attr: "itemscope", Line: 1}},
		{"<html>\n<body>\n<section itemtype=\"https://schema.org/Movie\">", ld.Markup{Syntax: "Microdata", Attr: "itemtype", Line: 3}},
		{`<body vocab="https://schema.org/"><div typeof="Movie">`, ld.Markup{Syntax: "RDFa", Attr: "vocab", Line: 1}},
		{"<html prefix=\"og: https://ogp.me/ns#\">\n<div typeof=\"schema:Movie\">", ld.Markup{Syntax: "RDFa", Attr: "typeof", Line: 2}},
		{`<head><meta property="og:title" content="Avatar"><meta name="description" content="x"></head>`, ld.Markup{}},
		{`<!-- <div itemscope> --><script>var s = "<div itemscope>";</script><p>itemscope</p>`, ld.Markup{}},
		{"", ld.Markup{}},
	} {
		if got := ld.OtherMarkup(strings.NewReader(tt.page)); got != tt.want {
			t.Errorf("OtherMarkup(%.50q) = %+v, want %+v", tt.page, got, tt.want)
		}
	}
}

// TestBlockWrapper names the wrappers old pages put around a script's
// text, and nothing else.
func TestBlockWrapper(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"\n<!--\n{\"@type\": \"Movie\"}\n-->\n", "an HTML comment (<!-- … -->)"},
		{"  // <!--\n{}\n// -->", "an HTML comment (<!-- … -->)"},
		{"\n//<![CDATA[\n{}\n//]]>", "a CDATA section (<![CDATA[ … ]]>)"},
		{"<![CDATA[{}]]>", "a CDATA section (<![CDATA[ … ]]>)"},
		{`{"name": "<!-- -->"}`, ""},
		{"// a comment\n{}", ""},
		{"", ""},
	} {
		if got := ld.BlockWrapper([]byte(tt.text)); got != tt.want {
			t.Errorf("BlockWrapper(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

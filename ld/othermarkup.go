package ld

import (
	"bytes"
	"io"

	"golang.org/x/net/html"
)

// Markup is structured data a page holds in another syntax than JSON-LD.
type Markup struct {
	// Syntax is "Microdata" or "RDFa"; "" when the page holds neither.
	Syntax string
	// Attr is the attribute that tells it ("itemscope", "typeof"), on
	// Line, the 1-based line of the element's start tag.
	Attr string
	Line int
}

// OtherMarkup returns the first sign, in the page read from r, of
// structured data in Microdata (an itemscope or itemtype attribute) or
// RDFa (typeof or vocab; property alone is left out, as Open Graph's
// <meta property> tags are on most pages and are not schema.org data).
// film2ld reads JSON-LD only: a page without a JSON-LD block but with such
// markup is told apart from a page with no data at all.
func OtherMarkup(r io.Reader) Markup {
	z := html.NewTokenizer(newAttrGuard(r, 1))
	z.SetMaxBuf(MaxHTMLToken)
	line := 1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return Markup{}
		}
		at := line
		line += bytes.Count(z.Raw(), []byte("\n"))
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		_, more := z.TagName()
		for more {
			var k []byte
			k, _, more = z.TagAttr()
			switch string(k) {
			case "itemscope", "itemtype":
				return Markup{Syntax: "Microdata", Attr: string(k), Line: at}
			case "typeof", "vocab":
				return Markup{Syntax: "RDFa", Attr: string(k), Line: at}
			}
		}
	}
}

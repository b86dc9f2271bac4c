package ld

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/net/html"
)

// guardTag is one start tag as the tokenizer or the guard counts it.
type guardTag struct {
	attrs int
	end   int64 // offset of the byte after its '>'
}

// tokenizerTags is what the attrGuard must agree with: each start tag
// the tokenizer reads (no limits), with its attributes and end.
func tokenizerTags(page []byte) []guardTag {
	z := html.NewTokenizer(bytes.NewReader(page))
	var tags []guardTag
	var offset int64
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return tags
		}
		offset += int64(len(z.Raw()))
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		n := 0
		_, more := z.TagName()
		for more {
			_, _, more = z.TagAttr()
			n++
		}
		tags = append(tags, guardTag{attrs: n, end: offset})
	}
}

// guardTags reads page through an attrGuard with no limit, in pieces of
// the reader r makes of it, and returns the start tags it saw.
func guardTags(t testing.TB, r io.Reader) []guardTag {
	g := newAttrGuard(r, 1)
	g.limit = int(^uint(0) >> 1)
	var tags []guardTag
	g.tagDone = func(attrs int, end int64) { tags = append(tags, guardTag{attrs, end}) }
	if _, err := io.Copy(io.Discard, g); err != nil {
		t.Fatal(err)
	}
	return tags
}

// checkGuardAgrees fails t where the guard's tags differ from the
// tokenizer's, read whole, a byte at a time and in halves.
func checkGuardAgrees(t *testing.T, page []byte) {
	t.Helper()
	want := tokenizerTags(page)
	readers := map[string]io.Reader{
		"whole":  bytes.NewReader(page),
		"bytes":  iotest.OneByteReader(bytes.NewReader(page)),
		"halves": io.MultiReader(bytes.NewReader(page[:len(page)/2]), bytes.NewReader(page[len(page)/2:])),
	}
	for name, r := range readers {
		if got := guardTags(t, r); !reflect.DeepEqual(got, want) {
			t.Errorf("read %s: %q\nguard     %v\ntokenizer %v", name, page, got, want)
		}
	}
}

// guardPages are pages whose every state the guard must follow as the
// tokenizer does: attributes of every form, and the places where '<' and
// '>' are not a tag's (comments, declarations, quoted values, raw text,
// and a script's escapes, where "</script>" may not end it).
var guardPages = []string{
	`<div a b=1 c='x>y' d="p>q" e = f g=>text</div>`,
	`<p a=/><br/><img src=x / alt=""/><a///b>`,
	`<x =a ==b a= b>`,
	`<div a="b"c="d"e/f/g>`,
	`<a b="unclosed >...`,
	`<<div a>< div b><1 c><?php x="<y z>" ?><div d e>`,
	`<!-- <div a b> --><!--> <div c><!---> <div d><!-- x --!> <div e f>`,
	`<!-- a --!x <div> --!-> <i j> -- > <k l> --><m n>`,
	`<!DOCTYPE html "<div a>"><!x <y z>><!-><b c><!--><q r>`,
	`</div a=">" b><//x y><p q></ ><r s></><t u>`,
	`<title>a <b c> </titlex> <d e></TITLE ><f g>`,
	`<textarea><x y></textarea/><style>p>a{}<s t></style><xmp><a b></xmp><i j>`,
	`<iframe><a b></iframe><noscript><c d></noscript><noembed><e f></noembed><noframes><g h></noframes><k l>`,
	`<script>if (a<b) c="</scrip"; d="<div e f>"</script><g h>`,
	`<script><!-- <script> </script> <a b> --> </script><c d>`,
	`<script><!-- <script> x </script> </script><a b>`,
	`<script><!--<scriptx></script><a b>`,
	`<script><!-- -<a b> </script ><c d>`,
	`<script><!--<SCRIPT/> --> <e f></script><g h>`,
	`<script><!- <a b></script><c d><script><!--></script><e f>`,
	`<script><!-- <script> --> </script><a b>`,
	`<script><!-- <script> <!-- --> </script> </script><a b>`,
	`<script type="application/ld+json">{"a": "<div b c>"}</script><d e>`,
	`<SCRIPT>x</SCRIPT\t><Style>y</sTyle/><p a>`,
	`<plaintext><a b c></plaintext><d e>`,
	`<scriptx a b><c d></script><e f>`,
	"<div\na\r\nb\tc\fd>",
	`<div a='' b="" c=d=e f="g"h='i'j>`,
}

func TestAttrGuardFollowsTokenizer(t *testing.T) {
	for _, page := range guardPages {
		checkGuardAgrees(t, []byte(page))
	}
	// Pages written by others: the corpus and the W3C suite's pages.
	files, _ := filepath.Glob("../schemas/testdata/corpus/*.html")
	if len(files) == 0 {
		t.Fatal("no pages in ../schemas/testdata/corpus")
	}
	if dir := w3cDir(); dir != "" {
		more, _ := filepath.Glob(filepath.Join(dir, "json-ld-api-tests", "*", "*.html"))
		files = append(files, more...)
	} else {
		t.Log("W3C suites not found at ../../shared/w3c (FILM2LD_W3C names their folder): their pages are not read")
	}
	for _, f := range files {
		page, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkGuardAgrees(t, page)
	}
}

func FuzzAttrGuard(f *testing.F) {
	for _, page := range guardPages {
		f.Add([]byte(page))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		checkGuardAgrees(t, page)
	})
}

// The guard stops the read at the attribute past the limit, on the line
// of its tag, and lets a tag at the limit through.
func TestAttrGuardLimit(t *testing.T) {
	page := "<p>\n<div a b>\n<i\nc d e f>"
	for limit, want := range map[int]int{4: 0, 3: 3, 1: 2} {
		g := newAttrGuard(iotest.OneByteReader(strings.NewReader(page)), 1)
		g.limit = limit
		_, err := io.ReadAll(g)
		te := (*tagAttrsError)(nil)
		switch {
		case want == 0 && err != nil:
			t.Errorf("limit %d: %v", limit, err)
		case want != 0 && (!errors.As(err, &te) || te.line != want || !errors.Is(err, ErrHTMLAttributes)):
			t.Errorf("limit %d: got %v, want a tag on line %d", limit, err, want)
		}
	}
}

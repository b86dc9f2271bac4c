package ld

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// Declared is the character encoding an HTML page declares for itself.
type Declared struct {
	// Name is the encoding's name as the WHATWG Encoding Standard gives
	// it ("windows-1252", "shift_jis", "utf-16le"); "" when the page
	// declares UTF-8 or nothing.
	Name string
	// By says where the page declares it: "its byte-order mark", "its
	// <meta charset> on line 3", "its <meta http-equiv> on line 3".
	By string

	enc encoding.Encoding
}

// utf32 reports a page that starts with a UTF-32 byte-order mark.
func (d Declared) utf32() bool { return strings.HasPrefix(d.Name, "utf-32") }

// String says how the page was read, for a note: "read as shift_jis, as
// its <meta charset> on line 2 declares"; "" for the zero Declared.
func (d Declared) String() string {
	if d.Name == "" {
		return ""
	}
	return "read as " + d.Name + ", as " + d.By + " declares"
}

// prescanBytes is how much of a page the HTML standard looks at for a
// <meta> that declares its encoding.
const prescanBytes = 1024

// DeclaredEncoding returns the encoding the HTML page that begins with
// head declares, found as browsers find it (the HTML standard's encoding
// sniffing, for a file: no transport layer, and no guess): a UTF-16
// byte-order mark, else the first <meta charset="…"> or <meta
// http-equiv="Content-Type" content="…; charset=…"> in its first 1024
// bytes whose label the Encoding Standard knows. A UTF-8 byte-order mark
// or declaration gives the zero Declared, as does a page that declares
// nothing: such pages are read as UTF-8, and a byte that is not UTF-8
// stays an error, never a guess. As the standard says, a <meta> that
// names UTF-16 means UTF-8 (the bytes were read to find it), and
// x-user-defined means windows-1252.
func DeclaredEncoding(head []byte) Declared {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE, 0, 0}):
		// UTF-32, which no browser reads (they take this mark for
		// UTF-16's): a Declared that DecodeHTML refuses, where read as
		// UTF-16 the page's every tag was lost and it held "no block".
		return Declared{Name: "utf-32le", By: "its byte-order mark"}
	case bytes.HasPrefix(head, []byte{0, 0, 0xFE, 0xFF}):
		return Declared{Name: "utf-32be", By: "its byte-order mark"}
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return Declared{Name: "utf-16le", By: "its byte-order mark", enc: unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)}
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return Declared{Name: "utf-16be", By: "its byte-order mark", enc: unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)}
	case bytes.HasPrefix(head, utf8BOM):
		return Declared{}
	}
	return declaredBy(prescan(head[:min(len(head), prescanBytes)]))
}

// DeclaredUTF8 returns where the HTML page that begins with head declares
// that it is UTF-8, found as DeclaredEncoding finds a declaration ("its
// byte-order mark", "its <meta charset> on line 3"), or "" when it
// declares nothing or another encoding: a page refused for a byte that
// is not UTF-8 is then said to contradict its own declaration, rather
// than to declare nothing.
func DeclaredUTF8(head []byte) string {
	if bytes.HasPrefix(head, utf8BOM) {
		return "its byte-order mark"
	}
	enc, by := prescan(head[:min(len(head), prescanBytes)])
	if enc == nil {
		return ""
	}
	if name, _ := htmlindex.Name(enc); name != "utf-8" {
		return ""
	}
	return by
}

// declaredBy is the Declared of an encoding a <meta> declares by, or the
// zero Declared for nil, UTF-8 and UTF-16.
func declaredBy(enc encoding.Encoding, by string) Declared {
	if enc == nil {
		return Declared{}
	}
	name, _ := htmlindex.Name(enc)
	switch name {
	case "utf-8", "utf-16le", "utf-16be":
		return Declared{}
	case "x-user-defined":
		name = "windows-1252"
		enc, _ = htmlindex.Get(name)
	}
	return Declared{Name: name, By: by, enc: enc}
}

// prescan returns the encoding of the first <meta> of head that declares
// one by a label the Encoding Standard knows (one it does not know is
// passed over, as the standard says), and where it stands; nil when none
// does. It reads head with the HTML tokenizer, which skips comments and
// the text of scripts as the standard's prescan skips comments and other
// tags.
func prescan(head []byte) (enc encoding.Encoding, by string) {
	z := html.NewTokenizer(bytes.NewReader(head))
	line := 1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return nil, ""
		}
		at := line
		line += bytes.Count(z.Raw(), []byte("\n"))
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		if string(name) != "meta" {
			continue
		}
		var charset, content string
		var pragma bool
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			switch string(k) {
			case "charset":
				charset = string(v)
			case "content":
				content = string(v)
			case "http-equiv":
				pragma = strings.EqualFold(string(v), "content-type")
			}
		}
		label, how := charset, "charset"
		if label == "" && pragma {
			label, how = charsetOfContent(content), "http-equiv"
		}
		if label == "" {
			continue
		}
		if enc, err := htmlindex.Get(label); err == nil {
			return enc, fmt.Sprintf("its <meta %s> on line %d", how, at)
		}
	}
}

// charsetOfContent is the HTML standard's algorithm for extracting a
// character encoding from a meta element's content ("text/html;
// charset=windows-1252"): the value after the first "charset" that is
// followed by "=", unquoted or in quotes.
func charsetOfContent(s string) string {
	for {
		i := indexFoldASCII(s, "charset")
		if i < 0 {
			return ""
		}
		s = strings.TrimLeft(s[i+len("charset"):], " \t\n\f\r")
		if strings.HasPrefix(s, "=") {
			s = strings.TrimLeft(s[1:], " \t\n\f\r")
			break
		}
	}
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		if end := strings.IndexByte(s[1:], s[0]); end >= 0 {
			return s[1 : 1+end]
		}
		return ""
	}
	if end := strings.IndexAny(s, " \t\n\f\r;"); end >= 0 {
		s = s[:end]
	}
	return s
}

// indexFoldASCII is strings.Index of word (ASCII, lower case) in s, in
// any ASCII case. (strings.ToLower would move the offsets: "İ" lowers to
// three bytes.)
func indexFoldASCII(s, word string) int {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for ; j < len(word); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != word[j] {
				break
			}
		}
		if j == len(word) {
			return i
		}
	}
	return -1
}

// ErrUndecodable reports bytes that are not text in the encoding a page
// declares; errors.Is finds it in DecodeHTML's errors, whose words say
// which encoding and where the page declares it.
var ErrUndecodable = errors.New("bytes that are not text in the encoding the page declares")

// undecodable is an error that is ErrUndecodable in its own words.
type undecodable string

func (e undecodable) Error() string        { return string(e) }
func (e undecodable) Is(target error) bool { return target == ErrUndecodable }

// DecodeHTML returns the HTML page data as UTF-8 when it declares another
// encoding (see [DeclaredEncoding]; a page that is not UTF-8 may declare
// it anywhere, as browsers read a page again when they meet the
// declaration), with the declaration; otherwise data itself and the zero
// Declared. The readers of this package read UTF-8 only, so a page in
// another encoding goes through DecodeHTML first, as a browser decodes it
// before it parses. Bytes the encoding does not define (which its decoder
// would turn into U+FFFD without a word) are an error placed at the line
// and column of the decoded page where they stand; so is a page that
// declares an encoding the standard only ever decodes to U+FFFD (the
// "replacement" encoding: ISO-2022-KR and others).
func DecodeHTML(data []byte, name string) ([]byte, Declared, error) {
	d := DeclaredEncoding(data)
	if d.Name == "" && !bytes.HasPrefix(data, utf8BOM) && !utf8.Valid(data) {
		// A <meta> past the first 1024 bytes (after a long <head>
		// script): a browser that meets it while parsing a page it took
		// for another encoding reads the page again in the one it
		// declares (the HTML standard's "change the encoding"). Looked
		// for only in a page that is not UTF-8, which is otherwise an
		// error.
		d = declaredBy(prescan(data))
	}
	if d.Name == "" {
		return data, d, nil
	}
	if d.Name == "replacement" || d.utf32() {
		return nil, d, replacementError(d, name)
	}
	if strings.HasPrefix(d.Name, "utf-16") {
		if off := unpairedSurrogate(data, d.Name == "utf-16be"); off >= 0 {
			// Placed in the part before it, decoded.
			before, _ := d.enc.NewDecoder().Bytes(data[:off])
			return nil, d, posError(before, name, len(before), undecodable(fmt.Sprintf(
				"half of a UTF-16 surrogate pair without the other half, at byte offset %d (the page is %s, as %s declares)", off, d.Name, d.By)))
		}
	}
	var out []byte
	if cm, ok := d.enc.(*charmap.Charmap); ok && strings.HasPrefix(d.Name, "windows-") {
		out = decodeWindows(cm, data)
	} else {
		var err error
		if out, err = d.enc.NewDecoder().Bytes(data); err != nil {
			return nil, d, fmt.Errorf("%s: %w", name, err)
		}
	}
	// U+FFFD is what the decoders write for bytes the encoding does not
	// define. Only UTF-16 (checked above) and GB18030 can write it for
	// a character of the page.
	if d.Name != "gb18030" && !strings.HasPrefix(d.Name, "utf-16") {
		if i := bytes.IndexRune(out, utf8.RuneError); i >= 0 {
			return nil, d, posError(out, name, i, undecodable(fmt.Sprintf(
				"bytes that are not %s text, the encoding %s declares", d.Name, d.By)))
		}
	}
	return out, d, nil
}

// decodeWindows decodes a page in one of the windows-* single-byte
// encodings as the Encoding Standard does, and so browsers: its indexes
// give each byte from 0x80 to 0x9F that the code page leaves undefined
// (0x81, 0x8D, 0x8F, 0x90 and 0x9D in windows-1252) the C1 control of
// the same number, where golang.org/x/text decodes it as U+FFFD, which
// DecodeHTML refuses: a windows-1252 page with a stray 0x81 was refused.
func decodeWindows(cm *charmap.Charmap, data []byte) []byte {
	out := make([]byte, 0, len(data)+len(data)/4)
	for _, b := range data {
		r := cm.DecodeByte(b)
		if r == utf8.RuneError && b >= 0x80 && b < 0xA0 {
			r = rune(b)
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// unpairedSurrogate returns the byte offset of the first UTF-16 code
// unit of data (after its byte-order mark) that is half of a surrogate
// pair without the other half, or of an odd last byte; -1 when there is
// none.
func unpairedSurrogate(data []byte, bigEndian bool) int {
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(data[i])<<8 | uint16(data[i+1])
		}
		return uint16(data[i+1])<<8 | uint16(data[i])
	}
	i := 2
	for ; i+1 < len(data); i += 2 {
		switch u := unit(i); {
		case u >= 0xD800 && u < 0xDC00:
			if i+3 >= len(data) {
				return i
			}
			if v := unit(i + 2); v < 0xDC00 || v >= 0xE000 {
				return i
			}
			i += 2
		case u >= 0xDC00 && u < 0xE000:
			return i
		}
	}
	if i < len(data) {
		return i
	}
	return -1
}

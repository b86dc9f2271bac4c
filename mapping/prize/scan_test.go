package prize

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The patterns scan.go's scanners replace, as the mapper wrote them: each
// scanner must return exactly what its pattern does.
var (
	phonePattern        = regexp.MustCompile(`(?i)\b(t[ée]l(?:[ée]phone|[ée]fono|efon)?|phone|fax|mobile?|cell|handy|m[oó]vil|cellulare|portable)\.?\s*:?\s*(\+?\d[\d ()./-]{5,}\d)`)
	emailPattern        = regexp.MustCompile(`(?:\b(?i:e-?mail|courriel|mail|correo(?: electr[oó]nico)?|posta elettronica|e-?post)\.?\s*:?\s*)?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)`)
	webPattern          = regexp.MustCompile(`(?:\b(?i:web(?:site|seite)?|site(?: web| internet)?|sitio web|sito(?: web)?|internet|homepage|url)\.?\s*:?\s*)?((?:https?://|www\.)[^\s,;]+)`)
	contactLabelPattern = regexp.MustCompile(`\b(?i:e-?mail|courriel|correo(?: electr[oó]nico)?|posta elettronica|web(?:site|seite)?|sitio web|sito web|homepage|t[ée]l(?:[ée]phone|[ée]fono|efon)?|phone|fax|mobile?|handy|m[oó]vil|cellulare)\.?\s*:`)
	officeLabelPattern  = regexp.MustCompile(`[;,.]\s*(\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,3}\s*:)`)
	mdLinkPattern       = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdStrongPattern     = regexp.MustCompile(`\*+([^*]+)\*+`)
	mdURLPattern        = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	mdEscapePattern     = regexp.MustCompile(`\\([\\()\[\]*_#.!-])`)
)

// phoneCases are sales lines and their telephone and fax numbers' labels
// and numbers, as the pattern finds them.
var phoneCases = []struct {
	in   string
	want []string // label, number, label, number, …
}{
	{"Films distribution 34 rue du Louvre, 75001 Paris, France Tél : +33 1 53 10 33 99 Fax : +33 1 53 10 33 98 info@filmsdistribution.com",
		[]string{"Tél", "+33 1 53 10 33 99", "Fax", "+33 1 53 10 33 98"}},
	{"TÉLÉPHONE: 01 23 45 67 89", []string{"TÉLÉPHONE", "01 23 45 67 89"}},
	{"Telefono +39 06 1234567, Cellulare: 333 1234567", []string{"Telefono", "+39 06 1234567", "Cellulare", "333 1234567"}},
	// A number starts with a digit or "+", not a bracket.
	{"Telefon: (030) 555-0100 / Handy 0170.555.0100", []string{"Handy", "0170.555.0100"}},
	{"Telefon: 030 (555) 0100", []string{"Telefon", "030 (555) 0100"}},
	{"Tel.:+49 40 0000 Mobil: 0171 000000", []string{"Tel", "+49 40 0000", "Mobil", "0171 000000"}},
	{"Móvil 600 000 000; MOVIL 600 000 001; portable: 06 00 00 00 00", []string{"Móvil", "600 000 000", "MOVIL", "600 000 001", "portable", "06 00 00 00 00"}},
	{"mobile phone 0044 20 7946 0000", []string{"phone", "0044 20 7946 0000"}},
	// No word boundary before the label, too short a number, a number
	// that ends in no digit within reach, a label and no number.
	{"Telefax: +33 1 00 00 00 00", nil},
	{"xTel: 0123456789", nil},
	{"Tel: 12345", nil},
	{"Tel: 1 2 3-", nil},
	{"Fax :", nil},
	{"Tel: +x 0123456789", nil},
	// The shorter label when the longer one has no number ("Tel" of
	// "Telephone" can have none: "ephone" follows it).
	{"cell 0123456 7", []string{"cell", "0123456 7"}},
	{"Tel 0123456789Fax 0123456789", []string{"Tel", "0123456789"}},
}

func TestPhoneMatches(t *testing.T) {
	for _, c := range phoneCases {
		got := phoneMatches(c.in)
		var texts []string
		for _, m := range got {
			texts = append(texts, c.in[m[2]:m[3]], c.in[m[4]:m[5]])
		}
		if !reflect.DeepEqual(texts, c.want) {
			t.Errorf("phoneMatches(%q) reads %q, want %q", c.in, texts, c.want)
		}
		checkPhones(t, c.in)
	}
	for _, s := range labelInputs(t) {
		checkPhones(t, s)
	}
}

func checkPhones(t *testing.T, s string) {
	t.Helper()
	if got, want := phoneMatches(s), phonePattern.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("phoneMatches(%q) = %v, the pattern %v", s, got, want)
	}
}

// addressCases are sales lines and the e-mail and web addresses read
// from them, each with its label where it has one.
var addressCases = []struct {
	in           string
	emails, webs []string // each match's text, then its value's
}{
	{"Films distribution 34 rue du Louvre, 75001 Paris, France Tél : +33 1 53 10 33 99 Fax : +33 1 53 10 33 98 info@filmsdistribution.com www.filmsdistribution.com",
		[]string{"info@filmsdistribution.com", "info@filmsdistribution.com"}, []string{"www.filmsdistribution.com", "www.filmsdistribution.com"}},
	{"E-Mail: a.b+c@x-y.example.org; Website: https://x.example/a?b=1, web http://y.example",
		[]string{"E-Mail: a.b+c@x-y.example.org", "a.b+c@x-y.example.org"},
		[]string{"Website: https://x.example/a?b=1", "https://x.example/a?b=1", "web http://y.example", "http://y.example"}},
	{"Correo electrónico: ana@cine.example Sitio web www.cine.example", []string{"Correo electrónico: ana@cine.example", "ana@cine.example"},
		[]string{"Sitio web www.cine.example", "www.cine.example"}},
	// "correo" and the address: the longer label has none after it.
	{"correo electronico@cine.example", []string{"correo electronico@cine.example", "electronico@cine.example"}, nil},
	{"mail@x.example", []string{"mail@x.example", "mail@x.example"}, nil},
	{"x.mail: a@b.example", []string{"mail: a@b.example", "a@b.example"}, nil},
	{"POSTA ELETTRONICA. : a@b.c", []string{"POSTA ELETTRONICA. : a@b.c", "a@b.c"}, nil},
	// A full stop after a space is no label's: the address alone.
	{"posta elettronica . : a@b.c", []string{"a@b.c", "a@b.c"}, nil},
	// (?i) reads "ſ" as "s", and \b holds before it after a letter.
	{"xſite: www.a.example e-poſt a@b.c", []string{"e-poſt a@b.c", "a@b.c"}, []string{"ſite: www.a.example", "www.a.example"}},
	// No domain after the "@", no "." in it, no run after "www.", a
	// scheme in capitals.
	{"a@ b@c c@d. HTTP://x.example www. www.,", nil, nil},
	{"a@b.c@d.e", []string{"a@b.c", "a@b.c"}, nil},
}

func TestAddressScans(t *testing.T) {
	for _, c := range addressCases {
		for _, k := range []struct {
			name string
			got  [][]int
			want []string
		}{{"emailScan", emailScan.find(c.in), c.emails}, {"webScan", webScan.find(c.in), c.webs}} {
			var texts []string
			for _, m := range k.got {
				texts = append(texts, c.in[m[0]:m[1]], c.in[m[2]:m[3]])
			}
			if !reflect.DeepEqual(texts, k.want) {
				t.Errorf("%s(%q) reads %q, want %q", k.name, c.in, texts, k.want)
			}
		}
		checkAddresses(t, c.in)
	}
	for _, s := range labelInputs(t) {
		checkAddresses(t, s)
	}
	// A long run of a local part's characters, with labels in it, and
	// no "@" at its end: read in time linear in its length, as the
	// pattern reads it.
	long := strings.Repeat("mail.", 200000) + " @x.example"
	done := make(chan bool)
	go func() {
		emailScan.find(long)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("emailScan.find of 1 MB of \"mail.\" takes more than 5 s")
	}
}

func checkAddresses(t *testing.T, s string) {
	t.Helper()
	if got, want := emailScan.find(s), emailPattern.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("emailScan.find(%q) = %v, the pattern %v", s, got, want)
	}
	if got, want := webScan.find(s), webPattern.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("webScan.find(%q) = %v, the pattern %v", s, got, want)
	}
}

// FuzzAddressScans: emailScan and webScan find what their patterns
// find, in any text.
func FuzzAddressScans(f *testing.F) {
	for _, c := range addressCases {
		f.Add(c.in)
	}
	f.Fuzz(checkAddresses)
}

// FuzzPhoneMatches: phoneMatches finds what the pattern finds, in any
// text.
func FuzzPhoneMatches(f *testing.F) {
	for _, c := range phoneCases {
		f.Add(c.in)
	}
	f.Fuzz(checkPhones)
}

// markdownCases are lines with Markdown and the text each scanner makes
// of them.
var markdownCases = []struct {
	in                               string
	link, strong, url, escape, whole string
}{
	{in: "[Home](#) > [Illégal \\(Illegal\\)](#)", link: "Home > Illégal \\(Illegal\\)", escape: "[Home](#) > [Illégal (Illegal)](#)",
		whole: "Home > Illégal (Illegal)"},
	{in: "Published on *LUX Prize* (<https://luxprize.eu>)", strong: "Published on LUX Prize (<https://luxprize.eu>)",
		url: "Published on *LUX Prize* (https://luxprize.eu)", whole: "Published on LUX Prize (https://luxprize.eu)"},
	{in: "Source URL (retrieved on 23-11-2017): <https://luxprize.eu/movies/2010/ill%C3%A9gal-illegal>",
		url:   "Source URL (retrieved on 23-11-2017): https://luxprize.eu/movies/2010/ill%C3%A9gal-illegal",
		whole: "Source URL (retrieved on 23-11-2017): https://luxprize.eu/movies/2010/ill%C3%A9gal-illegal"},
	{in: "**Bold** and ***more*** but *not", strong: "Bold and more but *not", whole: "Bold and more but *not"},
	{in: "[a [b](c) [d] [e](f", link: "a [b [d] [e](f", whole: "a [b [d] [e](f"},
	{in: "[a] [b](c)", link: "[a] b", whole: "[a] b"},
	{in: "[x](", link: "[x]("},
	{in: "<mailto:a@b.example> <http:> <https: x> <<http://x> <ftp://y>", url: "mailto:a@b.example <http:> <https: x> <http://x <ftp://y>",
		whole: "mailto:a@b.example <http:> <https: x> <http://x <ftp://y>"},
	{in: "\\\\\\( \\a \\- \\", escape: "\\( \\a - \\", whole: "\\( \\a - \\"},
	{in: "*", strong: "*"},
	{in: "no marks"},
}

func TestMarkdownScanners(t *testing.T) {
	for _, c := range markdownCases {
		for _, step := range []struct {
			name      string
			got, want string
		}{
			{"unlink", unlink(c.in), c.link},
			{"unstrong", unstrong(c.in), c.strong},
			{"unangle", unangle(c.in), c.url},
			{"unescape", unescape(c.in), c.escape},
			{"unmarkdown", unmarkdown(c.in), c.whole},
		} {
			want := step.want
			if want == "" {
				want = c.in
			}
			if step.got != want {
				t.Errorf("%s(%q) = %q, want %q", step.name, c.in, step.got, want)
			}
		}
		checkMarkdown(t, c.in)
	}
	for _, s := range labelInputs(t) {
		checkMarkdown(t, s)
	}
}

func checkMarkdown(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		name string
		scan func(string) string
		re   *regexp.Regexp
	}{
		{"unlink", unlink, mdLinkPattern},
		{"unstrong", unstrong, mdStrongPattern},
		{"unangle", unangle, mdURLPattern},
		{"unescape", unescape, mdEscapePattern},
	} {
		if got, want := c.scan(s), c.re.ReplaceAllString(s, "$1"); got != want {
			t.Errorf("%s(%q) = %q, the pattern %q", c.name, s, got, want)
		}
	}
}

// FuzzMarkdownScanners: each Markdown scanner makes what its pattern's
// replacement makes, of any text.
func FuzzMarkdownScanners(f *testing.F) {
	for _, c := range markdownCases {
		f.Add(c.in)
	}
	f.Fuzz(checkMarkdown)
}

// officeCases are sales lines and the labels read in them: a contact's
// (in any case, with a full stop and spaces before the colon) and an
// office's after a separator.
var officeCases = []struct {
	in              string
	contact, office []string
}{
	{"Nord Sales, Hafenweg 3, Hamburg Tel.: +49 40 0000; European office: Ring 1, Wien. Bureau de Paris : 3 rue X",
		[]string{"Tel.:"}, []string{"European office:", "Bureau de Paris :"}},
	{"Fax : ; E-MAIL: ; Sitio web : ; TÉLÉPHONE: ; xfax: ; fax ; ſito web:", []string{"Fax :", "E-MAIL:", "Sitio web :", "TÉLÉPHONE:", "web:"},
		[]string{"E-MAIL:", "Sitio web :", "TÉLÉPHONE:"}},
	// (No \b stands between a space and "ſ": "ſito web:" is read from
	// "web".) Five words are too many; a word of a small letter first; an
	// apostrophe and a hyphen in a word; a colon after a space.
	{"; One Two Three Four Five: x, Ufficio d'Roma-Est : y. lower case: z,Émile:", nil,
		[]string{"Ufficio d'Roma-Est :", "Émile:"}},
	{"; Ab\xff: x; Ab’cd:", nil, []string{"Ab’cd:"}},
}

func TestOfficeLabels(t *testing.T) {
	texts := func(s string, ms [][]int, k int) []string {
		var out []string
		for _, m := range ms {
			out = append(out, s[m[k]:m[k+1]])
		}
		return out
	}
	for _, c := range officeCases {
		if got := texts(c.in, contactLabelMatches(c.in), 0); !reflect.DeepEqual(got, c.contact) {
			t.Errorf("contactLabelMatches(%q) reads %q, want %q", c.in, got, c.contact)
		}
		if got := texts(c.in, officeLabelMatches(c.in), 2); !reflect.DeepEqual(got, c.office) {
			t.Errorf("officeLabelMatches(%q) reads %q, want %q", c.in, got, c.office)
		}
		checkOfficeLabels(t, c.in)
	}
	for _, s := range labelInputs(t) {
		checkOfficeLabels(t, s)
	}
}

func checkOfficeLabels(t *testing.T, s string) {
	t.Helper()
	if got, want := contactLabelMatches(s), contactLabelPattern.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("contactLabelMatches(%q) = %v, the pattern %v", s, got, want)
	}
	if got, want := officeLabelMatches(s), officeLabelPattern.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("officeLabelMatches(%q) = %v, the pattern %v", s, got, want)
	}
}

// FuzzOfficeLabels: contactLabelMatches and officeLabelMatches find what
// their patterns find, in any text.
func FuzzOfficeLabels(f *testing.F) {
	for _, c := range officeCases {
		f.Add(c.in)
	}
	f.Fuzz(checkOfficeLabels)
}

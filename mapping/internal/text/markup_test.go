package text

import "testing"

// TestUnmarkup: inline HTML is read as a person reads it, and text that
// only looks like markup is left as it is.
func TestUnmarkup(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Anne Coesens<br>Alexandre Gontcharov", "Anne Coesens, Alexandre Gontcharov"},
		{"André Dziezuk<br />Marc Mergen", "André Dziezuk, Marc Mergen"},
		{"A <BR/> B<br\t/>C", "A, B, C"},
		{"It shows.<br>Still worth it.<br />", "It shows. Still worth it."},
		{"<br>Tom Reid, <br> Lena Park", "Tom Reid, Lena Park"},
		{`Iris Vane<ref name="kit">Credits, the press kit.</ref>`, "Iris Vane"},
		{`Ada Quist<ref name="kit" />, Ben Lowe`, "Ada Quist, Ben Lowe"},
		{"A<ref>one\nline <i>two</i></ref> B<ref>x</ref>", "A B"},
		{"Hugo Brandt <small>(Old Man)</small>", "Hugo Brandt (Old Man)"},
		{`<span class="nowrap">Tom&nbsp;Reid</span>`, "Tom\u00a0Reid"},
		{"Ben &amp; Cole Lowe", "Ben & Cole Lowe"},
		{"can&#39;t", "can't"},
		// Text, not markup.
		{"Rated <18 in some markets", "Rated <18 in some markets"},
		{"a <brand> new day", "a <brand> new day"},
		{"if a < b and c > d", "if a < b and c > d"},
		{"Fox & Hound Films; Studio A", "Fox & Hound Films; Studio A"},
		{"plain", "plain"},
	} {
		if got := Unmarkup(tt.in); got != tt.want {
			t.Errorf("Unmarkup(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

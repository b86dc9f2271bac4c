package text

import "testing"

// dropInvisible takes direction marks out of a name with no letter of a
// right-to-left script, where they order nothing, and leaves them in an
// Arabic or Hebrew name, where they may place its punctuation; joiners,
// which shape letters, always stay.
func TestDropInvisibleDirectionMarks(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Shirley Rum\u200eierk", "Shirley Rumierk"},
		{"\u200fAnna Berg\u200f", "Anna Berg"},
		{"Ali\u061c Khan", "Ali Khan"},
		{"Hong\u3164Gil-dong", "Hong Gil-dong"},
		{"Ann\u034fa Berg", "Anna Berg"},
		{"\u05e9\u05b8\u034f\u05b0", "\u05e9\u05b8\u034f\u05b0"},
		{"\u1100\u1160", "\u1100\u1160"},
		{"محمد رضا\u200f", "محمد رضا\u200f"},
		{"שרה לוי (2)\u200e", "שרה לוי (2)\u200e"},
		{"Mohammad\u200cReza", "Mohammad\u200cReza"},
		{"क्\u200dष", "क्\u200dष"},
	} {
		if got, _ := dropInvisible(tt.in); got != tt.want {
			t.Errorf("dropInvisible(%+q) = %+q; want %+q", tt.in, got, tt.want)
		}
	}
}

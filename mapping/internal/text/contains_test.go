package text

import (
	"strings"
	"testing"
)

func checkContainsVia(t *testing.T, s, sub string, k int) {
	if got, want := ContainsVia(s, sub, k), strings.Contains(s, sub); got != want {
		t.Errorf("ContainsVia(%q, %q, %d) = %v, want %v", s, sub, k, got, want)
	}
}

func TestContainsVia(t *testing.T) {
	subs := []string{"eview", "score", "Score", "based on", "Based on", "a", "", "aa", "aba"}
	texts := []string{
		"", "e", "eview", "review", "Reviewed by: Ann", "reviev eview", "evie", "view", "Rev",
		"Critic score distribution:", "sscore", "scor", "ccore score", "based o", "Based on 5 Critics",
		"abased on", "based onbased on", "aaa", "ababa", "ab", "b", "score\xffeview", "\xe2\x80\x99score",
		"User Score", "SCORE", "Metascore: 81",
	}
	for _, sub := range subs {
		for k := -1; k <= len(sub); k++ {
			for _, s := range texts {
				checkContainsVia(t, s, sub, k)
				checkContainsVia(t, s+"x", sub, k)
				checkContainsVia(t, "x"+s, sub, k)
			}
		}
	}
}

func TestContainsAnyOf2(t *testing.T) {
	for _, s := range []string{"", "=", "#", "a=b", "a#", "é=", "\xff#", "plain prose", ":", "\t"} {
		for _, set := range []string{"=#", ":\t", "]&"} {
			if got, want := ContainsAnyOf2(s, set[0], set[1]), strings.ContainsAny(s, set); got != want {
				t.Errorf("ContainsAnyOf2(%q, %q) = %v, want %v", s, set, got, want)
			}
		}
	}
}

func FuzzContainsVia(f *testing.F) {
	f.Add("Reviewed by: Ann", "eview", 2)
	f.Add("Critic score distribution:", "score", 1)
	f.Add("Mixed or average reviews - based on 5 Critics", "based on", 0)
	f.Add("aaab", "aab", 1)
	f.Fuzz(func(t *testing.T, s, sub string, k int) {
		checkContainsVia(t, s, sub, k)
		if len(sub) >= 2 {
			if got, want := ContainsAnyOf2(s, sub[0]&0x7F, sub[1]&0x7F), strings.ContainsAny(s, string([]byte{sub[0] & 0x7F, sub[1] & 0x7F})); got != want {
				t.Errorf("ContainsAnyOf2(%q, %q, %q) = %v, want %v", s, sub[0]&0x7F, sub[1]&0x7F, got, want)
			}
		}
	})
}

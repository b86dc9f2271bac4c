package prize

import (
	"strings"
	"sync"
	"unicode"
)

// englishFirst tells which of a page's two titles is the English one, for
// pages that write "Original (English)" and pages that write "English
// (Original)". The English title is the one with more common English
// words; letters outside ASCII count against a title, since English titles
// seldom have them. sure is false when the two score alike; the page's
// usual order, original first, is then kept.
func englishFirst(first, second string) (english, original string, sure bool) {
	a, b := englishness(first), englishness(second)
	switch {
	case b > a:
		return second, first, true
	case a > b:
		return first, second, true
	default:
		return second, first, false
	}
}

// englishness scores a title: +1 for each common English word, -1 for
// each word with a letter outside ASCII.
func englishness(title string) int {
	score := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		if commonEnglish()[w] {
			score++
		}
		for _, r := range w {
			if r > unicode.MaxASCII {
				score--
				break
			}
		}
	}
	return score
}

// commonEnglish are English function words and the nouns and adjectives
// film titles use most. Words that are also common in other European
// languages' titles ("de", "la", "die", "son", "art") are left out.
var commonEnglish = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the a an of and in on at to for from with without under over
		into out up down by after before between behind beyond through my your his her our their its
		this that these those who what when where why how is are was be not no all one two three last
		first only every other another some
		night day days morning evening light dark darkness time times year years summer winter spring
		autumn fall love life lives man men woman women girl girls boy boys child children world house
		home city town village country land island sea ocean river lake water fire ice snow rain wind
		storm sun moon star stars sky earth road way journey war peace king queen heart hearts dream
		dreams dead death black white red blue green grey gray golden silver little old new good bad
		long short great high deep cold warm wild silent silence lost hidden secret last mother father
		brother sister daughter family friends friend lesson class enemy god stations cross force
		wonders beautiful youth salt ash coast tide ferry amber glass paper stone iron blood bread
		song songs story stories tale tales return ghost ghosts shadow shadows window door wall garden
		forest mountain valley border edge end beginning soul body eyes hands face voice people
		illegal`) {
		m[w] = true
	}
	return m
})

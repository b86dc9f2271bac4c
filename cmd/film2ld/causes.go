package main

import (
	"fmt"
	"iter"
	"sort"
	"strings"
	"sync"

	"github.com/film2ld/film2ld/schemas"
)

// leftOutSummary groups what the snippet left out by node type and rule:
// one line per cause, in a fixed order.
func leftOutSummary(dropped iter.Seq[schemas.Finding]) []string {
	type cause struct{ typ, rule string }
	counts := map[cause]int{}
	var order []cause
	for d := range dropped {
		typ, _, _ := strings.Cut(d.Node, " ")
		c := cause{typ, d.Rule}
		if counts[c] == 0 {
			order = append(order, c)
		}
		counts[c]++
	}
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].rule != order[j].rule {
			return order[i].rule < order[j].rule
		}
		return order[i].typ < order[j].typ
	})
	var lines []string
	for _, c := range order {
		n := counts[c]
		lines = append(lines, fmt.Sprintf("left out of the web snippet: %d %s %s [%s]", n, plural(n, c.typ), schemas.LeftOutWhy(c.rule), c.rule))
	}
	return lines
}

// tally counts the warnings of a batch by cause, for its last lines. It is
// shared by the films' environments, which run at once.
type tally struct {
	mu     sync.Mutex
	counts map[string]int
	// aggregated is set when a film's snippet marks up a review
	// aggregator's reviews; a batch says so once, at its end.
	aggregated bool
	notes      int
}

func (t *tally) addNote() {
	t.mu.Lock()
	t.notes++
	t.mu.Unlock()
}

func (t *tally) add(cause string, n int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.counts == nil {
		t.counts = map[string]int{}
	}
	t.counts[cause] += n
}

func (t *tally) setAggregated() {
	t.mu.Lock()
	t.aggregated = true
	t.mu.Unlock()
}

// causeOf is the cause a warning is counted under: a snippet rule, a
// disagreement between sources, or the rest.
func causeOf(message string) (string, int) {
	if rest, ok := strings.CutPrefix(message, "left out of the web snippet: "); ok {
		var n int
		var restAfter string
		if _, err := fmt.Sscanf(rest, "%d %s", &n, &restAfter); err == nil && strings.HasSuffix(message, "]") {
			rule := message[strings.LastIndex(message, "[")+1 : len(message)-1]
			return "left out of the web snippet [" + rule + "]", n
		}
		return "left out of the web snippet", 1
	}
	if strings.Contains(message, ") vs ") {
		return "sources disagree", 1
	}
	return "other", 1
}

// summary renders the counts, largest first, as one line.
func (t *tally) summary() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	notes := ""
	if t.notes > 0 {
		notes = fmt.Sprintf("; %d %s (--verbose shows them)", t.notes, plural(t.notes, "note"))
	}
	if len(t.counts) == 0 {
		return "no warnings" + notes
	}
	causes := make([]string, 0, len(t.counts))
	for c := range t.counts {
		causes = append(causes, c)
	}
	sort.Slice(causes, func(i, j int) bool {
		if t.counts[causes[i]] != t.counts[causes[j]] {
			return t.counts[causes[i]] > t.counts[causes[j]]
		}
		return causes[i] < causes[j]
	})
	parts := make([]string, len(causes))
	for i, c := range causes {
		parts[i] = fmt.Sprintf("%d %s", t.counts[c], c)
	}
	return "warnings by cause: " + strings.Join(parts, ", ") + notes
}

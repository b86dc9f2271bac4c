package schemas

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// ruleID is what a rule identifier looks like.
var ruleID = regexp.MustCompile(`^(google|vocab|json|jsonld|html|shape|snippet)\.[a-z][a-z.-]*$|^input$`)

// TestRulesDocumented: every rule has a summary, a severity and the page
// it follows, once; and every rule identifier the package's code writes
// is in the table, so --rules and SARIF never meet a rule they cannot
// describe; and each identifier is written once, as a documented constant.
func TestRulesDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		seen[r.ID] = true
		if r.Summary == "" || r.Severity == "" {
			t.Errorf("rule %s: no summary or severity", r.ID)
		}
		if u, err := url.Parse(r.Source); err != nil || u.Scheme != "https" {
			t.Errorf("rule %s: source %q is no https URL", r.ID, r.Source)
		}
	}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		// Rule identifiers are written once, as documented constants of
		// rules.go; everywhere else names them by constant.
		constants := map[*ast.BasicLit]bool{}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST || name != "rules.go" {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, v := range vs.Values {
					lit, ok := v.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						continue
					}
					constants[lit] = true
					if s, _ := strconv.Unquote(lit.Value); ruleID.MatchString(s) && vs.Doc == nil && (len(gd.Specs) > 1 || gd.Doc == nil) {
						t.Errorf("%s: rule constant %s has no doc comment", fset.Position(lit.Pos()), vs.Names[i])
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			if !ruleID.MatchString(s) || strings.HasSuffix(s, ".") {
				return true
			}
			if !seen[s] {
				t.Errorf("%s: rule %q is not in the rule table", fset.Position(lit.Pos()), s)
			}
			if !constants[lit] {
				t.Errorf("%s: rule %q is written as a literal; use its constant", fset.Position(lit.Pos()), s)
			}
			return true
		})
	}
}

// TestLeftOutWhy: every rule that can leave a review or rating out of the
// web snippet (an error of the review-snippet page, and the two warnings
// that drop nodes: another site's review, a second aggregate) has words of
// its own; every worded rule is in the table; others get the general words.
func TestLeftOutWhy(t *testing.T) {
	general := LeftOutWhy("no.such-rule")
	if general == "" {
		t.Fatal("no general words")
	}
	for id := range leftOutWhy {
		if _, ok := LookupRule(id); !ok {
			t.Errorf("leftOutWhy words %s, which is no rule", id)
		}
	}
	for _, r := range Rules() {
		drops := r.Source == srcReviewSnippet && r.Severity == Error || r.ID == RuleThirdParty || r.ID == RuleOneAggregate
		why := LeftOutWhy(r.ID)
		if drops && (why == general || why == "") {
			t.Errorf("rule %s leaves nodes out of the snippet but has no words for why", r.ID)
		}
		if !drops && why != general {
			t.Errorf("rule %s never leaves a node out yet has words %q", r.ID, why)
		}
	}
	if got := LeftOutWhy(RuleAggregateValue); got != "with no stated score" {
		t.Errorf("LeftOutWhy(%s) = %q", RuleAggregateValue, got)
	}
}

// TestSnippetRules: the rules that leave a review or rating out of the web
// snippet are exactly the errors of the review-snippet, fact-check and
// employer-rating pages, and another site's review; the movie carousel's
// rules never do.
func TestSnippetRules(t *testing.T) {
	for id := range snippetRules {
		if _, ok := LookupRule(id); !ok {
			t.Errorf("snippetRules names %s, which is no rule", id)
		}
	}
	for _, r := range Rules() {
		page := r.Source == srcReviewSnippet || r.Source == srcFactCheck || r.Source == srcEmployerRating
		want := page && r.Severity == Error || r.ID == RuleThirdParty
		if snippetRules[r.ID] != want {
			t.Errorf("rule %s (%s, %s): in snippetRules %v; want %v", r.ID, r.Severity, r.Source, snippetRules[r.ID], want)
		}
	}
}

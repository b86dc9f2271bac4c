package ld

import (
	"bufio"
	"fmt"
	"io"
)

// writeBigNQuads writes films made-up films as N-Quads in the shape of an
// archive film2ld exports: per film a Movie IRI with literals of several
// datatypes and language tags (some in upper case), people by IRI shared
// between films, reviews, authors and ratings as blank nodes, and each
// source's statements again in a named graph (IRI or blank). Lines are not
// sorted and a few repeat, as in a concatenation of exports. 234
// statements and about 22 KB per film (2,250 films make 50 MB). The data is
// made up here so that nothing large is committed.
func writeBigNQuads(w io.Writer, films int) error {
	bw := bufio.NewWriter(w)
	const (
		s    = "<https://schema.org/"
		film = "<http://f.example/m/"
		pers = "<http://f.example/p/"
		typ  = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
		xsd  = "^^<http://www.w3.org/2001/XMLSchema#"
	)
	for i := range films {
		f := fmt.Sprintf("%s%d>", film, i)
		src := fmt.Sprintf("<http://f.example/s/%d>", i)
		graphs := []string{"", " " + src, fmt.Sprintf(" _:g%d", i)}
		for gi, g := range graphs {
			fmt.Fprintf(bw, "%s %s %sMovie>%s .\n", f, typ, s, g)
			fmt.Fprintf(bw, "%s %sname> \"Film number %d\"@en%s .\n", f, s, i, g)
			fmt.Fprintf(bw, "%s %sname> \"Film Nummer %d\"@DE-at%s .\n", f, s, i, g)
			fmt.Fprintf(bw, "%s %sdatePublished> \"19%02d-0%d-1%d\"%sdate>%s .\n", f, s, i%100, 1+i%9, i%10, xsd, g)
			fmt.Fprintf(bw, "%s %sduration> \"PT%dM\"%sduration>%s .\n", f, s, 80+i%90, xsd, g)
			fmt.Fprintf(bw, "%s %sdescription> \"About \\\"%d\\\",\\n\\t\\u00E9t\\u00E9.\"%s .\n", f, s, i, g)
			for k := range 6 {
				p := fmt.Sprintf("%s%d>", pers, (i*7+k*13)%(films/3+5))
				role := []string{"director", "actor", "actor", "actor", "author", "producer"}[k]
				fmt.Fprintf(bw, "%s %s%s> %s%s .\n", f, s, role, p, g)
				fmt.Fprintf(bw, "%s %s %sPerson>%s .\n", p, typ, s, g)
				fmt.Fprintf(bw, "%s %sname> \"Person %d\"%s .\n", p, s, (i*7+k*13)%(films/3+5), g)
			}
			if gi == 0 {
				continue // the reviews are in the default and the source graph
			}
			for r := range 8 {
				rv := fmt.Sprintf("_:r%d_%d", i, r)
				au := fmt.Sprintf("_:a%d_%d", i, r)
				rt := fmt.Sprintf("_:t%d_%d", i, r)
				fmt.Fprintf(bw, "%s %sreview> %s%s .\n", f, s, rv, g)
				fmt.Fprintf(bw, "%s %s %sReview>%s .\n", rv, typ, s, g)
				fmt.Fprintf(bw, "%s %sauthor> %s%s .\n", rv, s, au, g)
				fmt.Fprintf(bw, "%s %s %sPerson>%s .\n", au, typ, s, g)
				fmt.Fprintf(bw, "%s %sname> \"Critic %d of film %d\"%s .\n", au, s, r, i, g)
				fmt.Fprintf(bw, "%s %sreviewBody> \"Review %d of %d: 3\\u00BD \\u2605\"@en-GB%s .\n", rv, s, r, i, g)
				fmt.Fprintf(bw, "%s %sreviewRating> %s%s .\n", rv, s, rt, g)
				fmt.Fprintf(bw, "%s %s %sRating>%s .\n", rt, typ, s, g)
				fmt.Fprintf(bw, "%s %sratingValue> \"%d\"%sinteger>%s .\n", rt, s, 1+(i+r)%5, xsd, g)
				fmt.Fprintf(bw, "%s %sbestRating> \"5\"%sinteger>%s .\n", rt, s, xsd, g)
			}
			// A statement repeated, as in a concatenation of two exports.
			fmt.Fprintf(bw, "%s %s %sMovie>%s .\n", f, typ, s, g)
		}
	}
	return bw.Flush()
}

package ld

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
)

// countingWriter keeps and counts the writes it is given.
type countingWriter struct {
	buf    bytes.Buffer
	writes int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	return w.buf.Write(p)
}

// nestedFilm is a blank node film whose one block nests n reviews, each
// with a nested rating and a nested author, in graph g ("" the default).
func nestedFilm(n int, g string) string {
	var b strings.Builder
	in := " ."
	if g != "" {
		in = " <" + g + "> ."
	}
	fmt.Fprintf(&b, "_:film <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie>%s\n", in)
	fmt.Fprintf(&b, "_:film <http://schema.org/name> \"Nested\"%s\n", in)
	for i := range n {
		fmt.Fprintf(&b, "_:film <http://schema.org/review> _:r%d%s\n", i, in)
		fmt.Fprintf(&b, "_:r%d <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Review>%s\n", i, in)
		fmt.Fprintf(&b, "_:r%d <http://schema.org/reviewBody> \"Review %d, é \\\"quoted\\\"\"%s\n", i, i, in)
		fmt.Fprintf(&b, "_:r%d <http://schema.org/reviewRating> _:rating%d%s\n", i, i, in)
		fmt.Fprintf(&b, "_:rating%d <http://schema.org/ratingValue> \"%d\"^^<http://www.w3.org/2001/XMLSchema#integer>%s\n", i, i%5, in)
		fmt.Fprintf(&b, "_:r%d <http://schema.org/author> _:a%d%s\n", i, i, in)
		fmt.Fprintf(&b, "_:a%d <http://schema.org/name> \"Author %d\"%s\n", i, i, in)
	}
	if g != "" {
		fmt.Fprintf(&b, "<%s> <http://www.w3.org/ns/prov#wasDerivedFrom> <urn:x:src> <%s> .\n", g, g)
		b.WriteString("<urn:x:page> <http://schema.org/name> \"source\" <urn:x:src> .\n")
	}
	return b.String()
}

// TestGraphWriterFlushInBlocks proves that flushing the writers' text to
// w inside a subject block, after any statement, gives the bytes of
// writing each block whole: each writer's output with a flush size of one
// byte (a flush after every statement) against one too large to flush
// before the end.
func TestGraphWriterFlushInBlocks(t *testing.T) {
	defer func(n int) { blockFlushSize = n }(blockFlushSize)
	cases := map[string]string{
		"nested film":          nestedFilm(300, ""),
		"nested film in graph": nestedFilm(300, "urn:x:g"),
	}
	for name, nq := range rdfCases {
		cases[name] = nq
	}
	writers := map[string]func(io.Writer, []Quad) error{
		"turtle": WriteTurtle, "trig": WriteTriG, "sparql-update": WriteSPARQLUpdate,
	}
	for name, nq := range cases {
		quads := readCase(t, nq)
		for format, write := range writers {
			blockFlushSize = math.MaxInt
			var whole countingWriter
			errWhole := write(&whole, quads)
			blockFlushSize = 1
			var flushed countingWriter
			errFlushed := write(&flushed, quads)
			if fmt.Sprint(errWhole) != fmt.Sprint(errFlushed) {
				t.Fatalf("%s, %s: error %v flushed, %v whole", name, format, errFlushed, errWhole)
			}
			if errWhole != nil {
				continue
			}
			if !bytes.Equal(flushed.buf.Bytes(), whole.buf.Bytes()) {
				t.Errorf("%s, %s: flushed in blocks:\n%s\nwhole:\n%s", name, format, flushed.buf.Bytes(), whole.buf.Bytes())
			}
			if strings.HasPrefix(name, "nested film") && flushed.writes < 300*3 {
				t.Errorf("%s, %s: %d writes; want one per statement of the film's block", name, format, flushed.writes)
			}
		}
	}
}

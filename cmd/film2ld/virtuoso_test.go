package main

import (
	"bufio"
	"bytes"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestVirtuosoLoadsNQuads loads the N-Quads export of every test film into
// a real triple store, OpenLink Virtuoso, and checks that each named graph
// holds exactly the statements film2ld wrote into it, accented names
// intact. It needs virtuoso-t and isql-vt (Debian's
// virtuoso-opensource-7-bin), which .ci/run installs.
func TestVirtuosoLoadsNQuads(t *testing.T) {
	v := startVirtuoso(t)
	dir := v.tempDir(t)
	sql := func(stmt string) string {
		t.Helper()
		return v.sql(t, stmt)
	}

	for name, files := range exportCases(t) {
		nq := exportBytes(t, "nquads", files)
		path := filepath.Join(dir, name+".nq")
		if err := os.WriteFile(path, nq, 0o644); err != nil {
			t.Fatal(err)
		}
		// Statements in the default graph go to a graph of the test's own.
		def := "urn:film2ld-test:" + name
		want := graphCounts(nq, def)
		// One isql run loads the film, counts the statements of every
		// graph, then clears the film's graphs for the next one (graphs
		// are per film here, and a person shared by two films is one
		// node: its statements repeat). Its output holds other lines
		// too; only rows naming one of the film's graphs are read.
		var stmts strings.Builder
		fmt.Fprintf(&stmts, "DB.DBA.TTLP_MT(file_to_string_output('%s'), '', '%s', 512);", path, def)
		stmts.WriteString("SPARQL SELECT ?g COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g;")
		for g := range want {
			// SQL, not SPARQL's CLEAR GRAPH <…>: isql splits
			// statements at a ';' outside quotes, and document graphs'
			// names (ni:///sha-256;…) hold one.
			fmt.Fprintf(&stmts, "DELETE FROM DB.DBA.RDF_QUAD WHERE G = iri_to_id('%s');", g)
		}
		got := map[string]int{}
		sc := bufio.NewScanner(strings.NewReader(sql(stmts.String())))
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) == 2 {
				if _, ok := want[f[0]]; ok {
					got[f[0]], _ = strconv.Atoi(f[1])
				}
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: statements per graph in Virtuoso %v; film2ld wrote %v", name, got, want)
		}
	}

	// Accents survive the round trip.
	nq := exportBytes(t, "nquads", exportCases(t)["samples"])
	path := filepath.Join(dir, "again.nq")
	os.WriteFile(path, nq, 0o644)
	sql(fmt.Sprintf("DB.DBA.TTLP_MT(file_to_string_output('%s'), '', 'urn:film2ld-test:again', 512);", path))
	out := sql("SPARQL SELECT ?n WHERE { GRAPH <urn:film2ld:film/illegal-2010/merged> { <urn:film2ld:person/esse-lawson> <http://schema.org/name> ?n } };")
	if !strings.Contains(out, "Essé Lawson") {
		t.Errorf("Virtuoso does not give back the accented name:\n%s", out)
	}
}

// graphCounts counts N-Quads statements by graph, the default graph under def.
func graphCounts(nq []byte, def string) map[string]int {
	counts := map[string]int{}
	for _, line := range bytes.Split(bytes.TrimSpace(nq), []byte("\n")) {
		s := strings.TrimSuffix(strings.TrimSpace(string(line)), " .")
		g := def
		// A graph is a fourth term: an IRI after the object.
		if i := strings.LastIndex(s, " <"); strings.HasSuffix(s, ">") && i > 0 && isFourthTerm(s[:i]) {
			g = s[i+2 : len(s)-1]
		}
		counts[g]++
	}
	return counts
}

// isFourthTerm reports whether what precedes the last IRI of a statement
// is already subject, predicate and object (so the IRI names a graph).
func isFourthTerm(head string) bool {
	// subject and predicate are the first two terms; the object follows.
	rest := head
	for range 2 {
		i := strings.IndexByte(rest, ' ')
		if i < 0 {
			return false
		}
		rest = rest[i+1:]
	}
	return rest != ""
}

// freePorts returns two TCP ports free on loopback, for Virtuoso's SQL
// and HTTP servers.
func freePorts() (int, int, error) {
	var ports [2]int
	for i := range ports {
		// Both listeners stay open until both ports are known, so the
		// two differ.
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return 0, 0, err
		}
		defer l.Close()
		ports[i] = l.Addr().(*net.TCPAddr).Port
	}
	return ports[0], ports[1], nil
}

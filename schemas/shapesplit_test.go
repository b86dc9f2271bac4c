package schemas

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/xeipuuv/gojsonschema"
)

// TestShapeSplitAgrees holds the property-by-property check (with its
// cache) to the whole-node check it replaces: the same findings, messages
// and positions, in the same order, for every node of the shape cases, the
// corpus, schema.org's examples (where the shared folder is present), the
// test films' exports and the other differential documents.
func TestShapeSplitAgrees(t *testing.T) {
	set, err := shapes()
	if err != nil {
		t.Fatal(err)
	}
	docs := differentialDocs(t)
	for _, tc := range shapeCases {
		docs["shape:"+tc.name] = []byte(tc.doc)
	}
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	slices.Sort(names)
	// One cache across documents, as a large page shares one: a verdict
	// cached from one node must hold for every other node.
	cache := shapeCache{}
	findings := 0
	for _, name := range names {
		g, err := Load(docs[name], name)
		if err != nil {
			continue
		}
		split, whole := set.checkNodes(g.Nodes, cache), set.checkNodes(g.Nodes, nil)
		findings += len(whole)
		if fmt.Sprint(split) != fmt.Sprint(whole) {
			t.Errorf("%s: split by property:\n%v\nwhole nodes:\n%v", name, split, whole)
		}
	}
	if findings < 20 {
		t.Errorf("only %d shape findings in all: the comparison proves little", findings)
	}
	t.Logf("%d documents, %d shape findings alike; %d cached property verdicts", len(names), findings, len(cache))
	// Every type film2ld's pages are made of must take the fast way.
	for _, typ := range []string{"Movie", "Review", "Rating", "AggregateRating", "Person", "Organization"} {
		if set.split[typ] == nil {
			t.Errorf("%s is checked whole, not property by property", typ)
		}
	}
}

// TestShapeSplitAll compiles every type's split schema, which a process
// does only for the types its documents use, so that a broken schema fails
// here rather than in a user's run; and checks that each property the
// type's files name has its schemas. Each type starts from a fresh set, as
// a process whose page holds that type alone does, so that no type
// compiles only because another registered a file it refers to.
func TestShapeSplitAll(t *testing.T) {
	types, err := shapes()
	if err != nil {
		t.Fatal(err)
	}
	for typ := range types.split {
		set, err := loadShapes()
		if err != nil {
			t.Fatal(err)
		}
		compile := set.split[typ]
		sp, err := compile()
		if err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
		files, _ := set.closure(strings.ToLower(typ) + ".json")
		for _, f := range files {
			props, _ := set.docs[f]["properties"].(map[string]any)
			for p := range props {
				if sp.props[p] == nil {
					t.Errorf("%s.%s (%s): no compiled schema", typ, p, f)
					continue
				}
				if schemas, err := sp.props[p].schemas(); err != nil || len(schemas) == 0 {
					t.Errorf("%s.%s (%s): no compiled schema (%v)", typ, p, f, err)
				}
			}
		}
		if again, _ := compile(); again != sp {
			t.Errorf("%s: compiled twice", typ)
		}
	}
}

// TestShapeSplitConcurrentFirstUse meets the first use of every type and
// property from several goroutines at once, as checkShapes' parallel
// chunks may: under -race this holds the lazy registration and
// compilation to one writer of the loaders at a time, and every caller
// must get the one compiled result.
func TestShapeSplitConcurrentFirstUse(t *testing.T) {
	set, err := loadShapes()
	if err != nil {
		t.Fatal(err)
	}
	const workers = 4
	got := make([]map[string][]*gojsonschema.Schema, workers)
	var wg sync.WaitGroup
	for w := range workers {
		got[w] = map[string][]*gojsonschema.Schema{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for typ, compile := range set.split {
				sp, err := compile()
				if err != nil {
					t.Error(err)
					return
				}
				for p, ps := range sp.props {
					schemas, err := ps.schemas()
					if err != nil {
						t.Error(err)
						return
					}
					got[w][typ+"."+p] = schemas
				}
			}
		}()
	}
	wg.Wait()
	if len(got[0]) == 0 {
		t.Fatal("no property schemas compiled")
	}
	for w := 1; w < workers; w++ {
		for k, schemas := range got[0] {
			if !slices.Equal(got[w][k], schemas) {
				t.Errorf("%s: goroutines got different compiled schemas", k)
			}
		}
	}
}

package schemas

import (
	"reflect"
	"sync"
	"testing"

	"github.com/film2ld/film2ld/ld/schemaorg"
)

// TestLazyVocabularyMatchesEager builds every type, property and member
// entry on demand, from several goroutines at once (go test -race), and
// requires each to be what building the whole vocabulary up front (the
// code before entries were built lazily, kept here) gave; unknown names
// give nil and are not kept.
func TestLazyVocabularyMatchesEager(t *testing.T) {
	v := vocab()
	typeNames, propNames, memberNames := schemaorg.Types(), schemaorg.Properties(), schemaorg.Members()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, name := range typeNames {
				v.typ(name)
			}
			for _, name := range propNames {
				v.prop(name)
			}
		}()
	}
	wg.Wait()

	memo := map[string]*rangeKinds{}
	for _, name := range typeNames {
		tt, _ := schemaorg.Type(name)
		want := &vocabType{name: name, ancestors: map[string]bool{}, enumeration: tt.Enumeration,
			dataType: tt.DataType, supersededBy: tt.SupersededBy, core: tt.Section == ""}
		for queue := []string{name}; len(queue) > 0; queue = queue[1:] {
			if !want.ancestors[queue[0]] {
				want.ancestors[queue[0]] = true
				st, _ := schemaorg.Type(queue[0])
				queue = append(queue, st.Supertypes...)
			}
		}
		if tt.DataType {
			want.dataRange = rangeOf([]string{name}, nil)
		}
		if got := v.typ(name); !reflect.DeepEqual(got, want) {
			t.Errorf("type %s: lazy %+v, eager %+v", name, got, want)
		}
		if got := v.datatype(name); tt.DataType != (got != nil) {
			t.Errorf("type %s: datatype %v", name, got)
		}
	}
	for _, name := range propNames {
		p, _ := schemaorg.Property(name)
		want := &vocabProp{domain: p.Domain, rangeNames: p.Range, supersededBy: p.SupersededBy, rng: *rangeOf(p.Range, memo), languageCode: p.LanguageCode}
		if got := v.prop(name); !reflect.DeepEqual(got, want) {
			t.Errorf("property %s: lazy %+v, eager %+v", name, got, want)
		}
	}
	for _, name := range memberNames {
		m, _ := schemaorg.Member(name)
		if got := v.member(name); got == nil || !reflect.DeepEqual(*got, m) {
			t.Errorf("member %s: lazy %+v, eager %+v", name, got, m)
		}
	}
	if len(typeNames) < 500 || len(propNames) < 1000 || len(memberNames) < 100 {
		t.Errorf("%d types, %d properties, %d members: the comparison proves little", len(typeNames), len(propNames), len(memberNames))
	}
	for _, junk := range []string{"", "Moive", "notAProperty", "https://schema.org/Movie", "schema:Movie", "http://schema.org/actor", "schema:InStock"} {
		if v.typ(junk) != nil || v.prop(junk) != nil || v.member(junk) != nil || v.datatype(junk) != nil {
			t.Errorf("%q: found", junk)
		}
		if _, kept := v.types.m.Load(junk); kept {
			t.Errorf("%q: an unknown name was kept", junk)
		}
	}
}

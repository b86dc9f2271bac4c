package text

import (
	"reflect"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// creditListMap is CreditList as it was, a set from the first credit.
type creditListMap struct{ seen map[creditKey]bool }

func (l *creditListMap) Add(credits []film.Credit, more ...film.Credit) []film.Credit {
	for _, c := range more {
		if c.Agent.Contact() != nil || c.Agent.URL() != "" {
			credits = append(credits, c)
			continue
		}
		k := creditKey{c.Role, c.RoleName, c.Agent.Organization, c.Agent.Name.Value}
		if l.seen[k] {
			continue
		}
		if l.seen == nil {
			l.seen = map[creditKey]bool{}
		}
		l.seen[k] = true
		credits = append(credits, c)
	}
	return credits
}

// creditsFrom makes credits from data, a byte each, from few enough
// values that they repeat: the scan, the switch to a set past
// scanCredits and the set all meet repeats.
func creditsFrom(data []byte) [][]film.Credit {
	roles := []film.Role{film.Director, film.Contributor, film.Producer}
	names := []string{"Ann Lee", "ann lee", "Bo", "", "Ann  Lee", "Cy Do", "Di", "Ed", "Fa", "Gu", "Hu", "Io", "Jo", "Ka", "Lu", "Mo", "Nu", "Ox", "Pi", "Qu", "Ro", "Su", "Tu", "Uu", "Vi", "Wu", "Xi", "Yu", "Zo", "Ab", "Ac", "Ad", "Ae", "Af", "Ag"}
	var out [][]film.Credit
	var batch []film.Credit
	for i, b := range data {
		c := film.Credit{Role: roles[int(b)%len(roles)], Agent: film.Agent{Name: film.Text{Value: names[int(b>>2)%len(names)], Line: i}}}
		switch b % 11 {
		case 0:
			c.RoleName = "World sales"
		case 1:
			c.Agent.Organization = true
		case 2:
			c.Agent.SetURL("https://example.org/")
		case 3:
			c.Agent.SetContact(&film.Contact{Email: "a@b.c"})
		}
		batch = append(batch, c)
		if b%5 == 0 {
			out = append(out, batch)
			batch = nil
		}
	}
	return append(out, batch)
}

// checkCreditList adds data's credits batch by batch to a CreditList and
// to the old set, and requires the same lists: after each batch the same
// length and the same credits appended (both only append; comparing the
// whole lists after every batch made TestCreditListAsSet quadratic, 2.4 s
// of CPU), and at the end the whole lists, so that a credit changed in
// place is caught too.
func checkCreditList(t *testing.T, data []byte) {
	var l CreditList
	var old creditListMap
	var got, want []film.Credit
	for _, batch := range creditsFrom(data) {
		from := len(want)
		got = l.Add(got, batch...)
		want = old.Add(want, batch...)
		if len(got) != len(want) || !reflect.DeepEqual(got[from:], want[from:]) {
			t.Fatalf("after %d credits: CreditList.Add gives %v, want %v", len(want), got, want)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("after all %d credits: CreditList.Add gives %v, want %v", len(want), got, want)
	}
}

func TestCreditListAsSet(t *testing.T) {
	checkCreditList(t, nil)
	var data []byte
	for i := range 600 {
		data = append(data, byte(i*37+i/7))
		checkCreditList(t, data)
	}
}

func FuzzCreditList(f *testing.F) {
	f.Add([]byte("abcabc"))
	f.Add([]byte{0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64, 68, 72, 76, 80, 84, 88, 92, 96, 100, 104, 108, 112, 116, 120, 124, 128, 132, 136, 0, 4})
	f.Fuzz(checkCreditList)
}

package film

import (
	"testing"
	"unsafe"
)

// A document's credit is held once per person it names through the
// merge's peak (248,000 of them on a prize page of crew pairs): its
// size is part of export's memory bound. It fails if the agent's rare
// contact and URL become fields of every credit again (96 bytes).
func TestCreditSize(t *testing.T) {
	if got := unsafe.Sizeof(Credit{}); got > 80 {
		t.Errorf("a Credit is %d bytes; want at most 80", got)
	}
}

// An Agent copied (a credit copied from another) and then given a URL or
// a contact changes alone: the two never share the change.
func TestAgentCopiesShareNoChange(t *testing.T) {
	a := Agent{Name: Text{Value: "Aurora Sales"}, Organization: true}
	a.SetURL("https://a.example")
	b := a
	b.SetContact(&Contact{Email: "b@b.example"})
	b.SetURL("https://b.example")
	if a.URL() != "https://a.example" || a.Contact() != nil {
		t.Errorf("the original reads %q, %v after its copy changed", a.URL(), a.Contact())
	}
	if b.URL() != "https://b.example" || b.Contact() == nil || b.Contact().Email != "b@b.example" {
		t.Errorf("the copy reads %q, %v", b.URL(), b.Contact())
	}
	b.SetURL("")
	b.SetContact(nil)
	if b.reach != nil || b.URL() != "" || b.Contact() != nil {
		t.Errorf("an agent stating neither holds %+v", b.reach)
	}
}

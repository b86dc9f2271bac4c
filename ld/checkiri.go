package ld

import (
	"errors"
	"fmt"
	"strings"
)

// CheckIRI returns why iri cannot name a node as Expand checks every @id
// and @id-valued property: nil for an absolute IRI or blank node label
// Expand keeps, ErrRelativeIRI (wrapped or not, see errors.Is) for a
// relative reference whose characters are valid (Expand accepts it when
// given a base), ErrInvalidIRI otherwise. It lets a caller that only needs
// to know whether Expand would refuse a document skip expanding it (see
// package schemas).
func CheckIRI(iri string) error { return checkIRI(iri, true) }

// CheckBaseIRI accepts a base IRI to resolve relative references against
// (Options.Base): an absolute IRI, such as a page's own address
// ("https://films.example/movies/heat.html"), as RFC 3986 resolves
// against any. The error says what is wrong in words a flag's user reads.
func CheckBaseIRI(base string) error {
	switch err := CheckIRI(base); {
	case errors.Is(err, ErrRelativeIRI) || strings.HasPrefix(base, "_:"):
		// (A blank node label is no IRI to resolve against.)
		return fmt.Errorf("%q is not an absolute IRI (it needs a scheme such as https: or urn:)", base)
	case err != nil:
		return fmt.Errorf("%q holds a character an IRI cannot", base)
	}
	return nil
}

package prize

import (
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// TestSalesContact pins how a world-sales line splits into the company's
// name and its address, in the address orders European pages use.
func TestSalesContact(t *testing.T) {
	tests := []struct{ line, name, address, email string }{
		{"Films distribution 34 rue du Louvre, 75001 Paris, France info@films.example", "Films distribution", "34 rue du Louvre, 75001 Paris, France", "info@films.example"},
		{"The Match Factory, Balthasarstrasse 79-81, 50670 Cologne, Germany, info@match.example", "The Match Factory", "Balthasarstrasse 79-81, 50670 Cologne, Germany", "info@match.example"},
		{"Nordlys Sales, Oslo, Norway", "Nordlys Sales", "Oslo, Norway", ""},
		{"Harbour Films, Inc., 120 Wharf Street, Halifax", "Harbour Films, Inc.", "120 Wharf Street, Halifax", ""},
		{"Wide Management", "Wide Management", "", ""},
		// The street before its number, with no comma after the name:
		// the street ran into the company's name. A legal form ends the
		// name; else the street's first word, or its compound, does.
		{"Lagoon Sales GmbH Balthasarstraße 79, 50670 Köln, Deutschland", "Lagoon Sales GmbH", "Balthasarstraße 79, 50670 Köln, Deutschland", ""},
		{"Films Boréal SPRL Rue Royale 12, 1000 Bruxelles", "Films Boréal SPRL", "Rue Royale 12, 1000 Bruxelles", ""},
		{"Films Boréal rue de la Loi 12, 1000 Bruxelles", "Films Boréal", "rue de la Loi 12, 1000 Bruxelles", ""},
		{"Nordvik Film Via Giulia 12, 00186 Roma, Italia", "Nordvik Film", "Via Giulia 12, 00186 Roma, Italia", ""},
		{"Onda Vendite S.r.l. Viale Mazzini 4, 00195 Roma", "Onda Vendite S.r.l.", "Viale Mazzini 4, 00195 Roma", ""},
		{"Ventana Films S.L. Calle de Alcalá 45, 28014 Madrid, España", "Ventana Films S.L.", "Calle de Alcalá 45, 28014 Madrid, España", ""},
		{"Marea Ventas Avenida de América 8, 28002 Madrid", "Marea Ventas", "Avenida de América 8, 28002 Madrid", ""},
		{"Haff Sales Gartenstraße 4, 10115 Berlin", "Haff Sales", "Gartenstraße 4, 10115 Berlin", ""},
		{"Deichlicht Film Hauptstr. 17, 25813 Husum", "Deichlicht Film", "Hauptstr. 17, 25813 Husum", ""},
		{"Tulp Sales BV Keizersgracht 120, 1015 CX Amsterdam", "Tulp Sales BV", "Keizersgracht 120, 1015 CX Amsterdam", ""},
		{"Elbe Sales Alte Straße 5, 20095 Hamburg", "Elbe Sales", "Alte Straße 5, 20095 Hamburg", ""},
		// A street's word joined to the name's words is the name's.
		{"Films de la Rue 8 avenue Foch, 75016 Paris", "Films de la Rue", "8 avenue Foch, 75016 Paris", ""},
		{"Casa del Corso Via Roma 2, 00184 Roma", "Casa del Corso", "Via Roma 2, 00184 Roma", ""},
		// A number in the name, before a company's word, is the name's
		// (it was cut at the digit: "Studio"; audit 17).
		{"Studio 9 Films, 12 rue Neuve, 75002 Paris", "Studio 9 Films", "12 rue Neuve, 75002 Paris", ""},
		{"Studio 9 Films 12 rue Neuve, 75002 Paris", "Studio 9 Films", "12 rue Neuve, 75002 Paris", ""},
		{"Line 7 Pictures, Gartenstraße 4, 10115 Berlin", "Line 7 Pictures", "Gartenstraße 4, 10115 Berlin", ""},
		// Empty parts are left out of the address, an abbreviation's
		// full stop kept.
		{"Deichlicht Film, Hauptstr. 17, 25813 Husum, Deutschland, , ", "Deichlicht Film", "Hauptstr. 17, 25813 Husum, Deutschland", ""},
		{"Harbour Films, Inc., 120 Wharf St.", "Harbour Films, Inc.", "120 Wharf St.", ""},
	}
	for _, tt := range tests {
		a := salesContact(tt.line)
		if a.Name.Value != tt.name || a.Contact().Address != tt.address || a.Contact().Email != tt.email {
			t.Errorf("salesContact(%q) = name %q, address %q, email %q; want %q, %q, %q",
				tt.line, a.Name.Value, a.Contact().Address, a.Contact().Email, tt.name, tt.address, tt.email)
		}
	}
}

// TestSalesOffices: a world-sales line that goes on to a second office
// gives the first office's address, telephone and e-mail together, and
// notes the other; read as one, the address was both offices', the
// e-mail the first's and the telephone the second's (audit 15).
func TestSalesOffices(t *testing.T) {
	for _, tt := range []struct {
		value                                 string
		name, address, phone, fax, email, web string
		leftOut                               int
	}{
		{"Kite Films, Calle Luna 3, 28004 Madrid, Spain Tel: +34 91 000 0001 madrid@kite.example www.kite.example / Tokyo office: 2-1 Ginza, Tokyo Tel: +81 3 0000 0000 tokyo@kite.example",
			"Kite Films", "Calle Luna 3, 28004 Madrid, Spain", "+34 91 000 0001", "", "madrid@kite.example", "http://www.kite.example", 1},
		{"Vela Sales 12 Quai Est, 69002 Lyon Tél : +33 1 99 00 11 22 Fax : +33 1 99 00 11 23 | Montréal: 400 rue Ouest, Montréal Tél : +1 514 000 0000 Fax : +1 514 000 0001 | Berlin: b@vela.example",
			"Vela Sales", "12 Quai Est, 69002 Lyon", "+33 1 99 00 11 22", "+33 1 99 00 11 23", "", "", 2},
		// Two numbers in one office: the first, not the last.
		{"Orbit Sales, 5 Long Lane, London Phone: +44 20 0000 0001 Phone: +44 20 0000 0002 sales@orbit.example",
			"Orbit Sales", "5 Long Lane, London", "+44 20 0000 0001", "", "sales@orbit.example", "", 0},
		// The telephone's label in German, Spanish and Italian (its
		// number was lost in the address, with no note).
		{"Haff Sales, Gartenstraße 4, 10115 Berlin Telefon: +49 30 0000 0001 info@haff.example",
			"Haff Sales", "Gartenstraße 4, 10115 Berlin", "+49 30 0000 0001", "", "info@haff.example", "", 0},
		{"Marea Ventas, Calle Mar 8, 28001 Madrid, España Teléfono: +34 91 000 0002",
			"Marea Ventas", "Calle Mar 8, 28001 Madrid, España", "+34 91 000 0002", "", "", "", 0},
		{"Onda Vendite, Via Roma 2, 00184 Roma Telefono +39 06 0000 0003",
			"Onda Vendite", "Via Roma 2, 00184 Roma", "+39 06 0000 0003", "", "", "", 0},
		// A second office after a label that names it, in the pages'
		// languages: its address and telephone ran into the first's
		// address (audit 17).
		{"Cedar Sales, 5 King Street, Toronto, Canada, Tel: +1 416 000 0000, info@cedar.example; US office: 200 Main Street, Austin, USA, +1 512 000 0000",
			"Cedar Sales", "5 King Street, Toronto, Canada", "+1 416 000 0000", "", "info@cedar.example", "", 1},
		{"Vela Sales, 12 quai Est, 69002 Lyon, France. Bureau de Paris : 3 rue Neuve, 75002 Paris",
			"Vela Sales", "12 quai Est, 69002 Lyon, France", "", "", "", "", 1},
		{"Haff Sales, Gartenstraße 4, 10115 Berlin; Büro München: Sonnenstraße 2, 80331 München",
			"Haff Sales", "Gartenstraße 4, 10115 Berlin", "", "", "", "", 1},
		{"Kite Films, Calle Luna 3, 28004 Madrid; Los Angeles: 9 Sunset Blvd, Los Angeles, +1 310 000 0000",
			"Kite Films", "Calle Luna 3, 28004 Madrid", "", "", "", "", 1},
		// A semicolon before a contact's label starts no office.
		{"Orbit Sales, 5 Long Lane, London; Tel: +44 20 0000 0001; Fax: +44 20 0000 0002",
			"Orbit Sales", "5 Long Lane, London", "+44 20 0000 0001", "+44 20 0000 0002", "", "", 0},
		// The contact's labels in French, Italian, Spanish and German start
		// its fields; none is left in the address, nor the separators
		// around what was read (audit 17: "France. . Courriel :").
		{"Pyra Sales, 32 rue Neuve, 75010 Paris, France. Tél : +33 1 99 00 12 34. Courriel : sales@pyra.example",
			"Pyra Sales", "32 rue Neuve, 75010 Paris, France", "+33 1 99 00 12 34", "", "sales@pyra.example", "", 0},
		{"Films Boréal, Rue Royale 12, 1000 Bruxelles. Tél. : +32 2 000 00 00. Fax : . E-mail : info@boreal.example",
			"Films Boréal", "Rue Royale 12, 1000 Bruxelles", "+32 2 000 00 00", "", "info@boreal.example", "", 0},
		{"Onda Vendite, Via Roma 2, 00184 Roma. Tel. +39 06 0000 0003. E-mail: info@onda.example. Sito web: www.onda.example",
			"Onda Vendite", "Via Roma 2, 00184 Roma", "+39 06 0000 0003", "", "info@onda.example", "http://www.onda.example", 0},
		{"Marea Ventas, Calle Mar 8, 28001 Madrid, España. Teléfono: +34 91 000 0002. Correo electrónico: ventas@marea.example. Web: www.marea.example",
			"Marea Ventas", "Calle Mar 8, 28001 Madrid, España", "+34 91 000 0002", "", "ventas@marea.example", "http://www.marea.example", 0},
		{"Nordlicht Vertrieb, Hauptstr. 17, 25813 Husum, Deutschland, Telefon: +49 4841 000, E-Mail: info@nordlicht.example, ",
			"Nordlicht Vertrieb", "Hauptstr. 17, 25813 Husum, Deutschland", "+49 4841 000", "", "info@nordlicht.example", "", 0},
		// An international number with no label is the telephone.
		{"Kino Sales, 8 Long Lane, London, +44 20 0000 0009",
			"Kino Sales", "8 Long Lane, London", "+44 20 0000 0009", "", "", "", 0},
		// A slash that starts no office stays in the line.
		{"Nordlys Sales / Distribution, Oslo, Norway", "Nordlys Sales / Distribution", "Oslo, Norway", "", "", "", "", 0},
	} {
		src := parseAfterTitle(t, "2020\n\nSynopsis:\n\nA film.\n\nWorld sales: "+tt.value+"\n")
		var sales *film.Agent
		for i, c := range src.Film.Credits {
			if c.RoleName == "World sales" {
				sales = &src.Film.Credits[i].Agent
			}
		}
		if sales == nil {
			t.Errorf("%q: no world-sales credit", tt.value)
			continue
		}
		c := sales.Contact()
		if sales.Name.Value != tt.name || c.Address != tt.address || c.Telephone != tt.phone || c.Fax != tt.fax || c.Email != tt.email || c.URL != tt.web {
			t.Errorf("%q:\n got %q %+v\nwant %q {Address:%s Telephone:%s Fax:%s Email:%s URL:%s}", tt.value, sales.Name.Value, *c, tt.name, tt.address, tt.phone, tt.fax, tt.email, tt.web)
		}
		noted := 0
		for _, n := range src.Notes {
			if strings.Contains(n.Message, "another office is left out") {
				noted++
			}
		}
		if noted != tt.leftOut {
			t.Errorf("%q: %d offices noted as left out; want %d: %v", tt.value, noted, tt.leftOut, src.Notes)
		}
	}
}

package prize

import "testing"

// TestSalesContact pins how a world-sales line splits into the company's
// name and its address, in the address orders European pages use.
func TestSalesContact(t *testing.T) {
	tests := []struct{ line, name, address, email string }{
		{"Films distribution 34 rue du Louvre, 75001 Paris, France info@films.example", "Films distribution", "34 rue du Louvre, 75001 Paris, France", "info@films.example"},
		{"The Match Factory, Balthasarstrasse 79-81, 50670 Cologne, Germany, info@match.example", "The Match Factory", "Balthasarstrasse 79-81, 50670 Cologne, Germany", "info@match.example"},
		{"Nordlys Sales, Oslo, Norway", "Nordlys Sales", "Oslo, Norway", ""},
		{"Harbour Films, Inc., 120 Wharf Street, Halifax", "Harbour Films, Inc.", "120 Wharf Street, Halifax", ""},
		{"Wide Management", "Wide Management", "", ""},
	}
	for _, tt := range tests {
		a := salesContact(tt.line)
		if a.Name.Value != tt.name || a.Contact.Address != tt.address || a.Contact.Email != tt.email {
			t.Errorf("salesContact(%q) = name %q, address %q, email %q; want %q, %q, %q",
				tt.line, a.Name.Value, a.Contact.Address, a.Contact.Email, tt.name, tt.address, tt.email)
		}
	}
}

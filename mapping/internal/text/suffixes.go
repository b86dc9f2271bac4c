package text

import (
	"strings"
	"unicode"
)

// generationalSuffixes end a name after a comma or a space ("Sammy Davis,
// Jr.", "Martin Luther King III"), as written, with and without the full
// stop. "V" is not one: a mononym ("V", a singer credited so) stands alone
// in a list as often.
var generationalSuffixes = map[string]bool{
	"Jr": true, "Jr.": true, "Jnr": true, "Jnr.": true, "Sr": true, "Sr.": true, "Snr": true, "Snr.": true,
	"II": true, "III": true, "IV": true,
}

// postNominals are the letters a credit writes after a member's name
// for a professional society of their craft, or for an honour, without
// their dots and in capitals ("Roger Deakins, ASC, BSC", "Kwame Boateng
// (p.g.a.)", "Ron Johanson OAM ACS"). They name no person: split at
// commas, each was a Person of its own (audit 18). The societies are
// IMAGO's cinematographers' (ASC, BSC, AFC, AIC, …), and the editors',
// sound, casting, producers' and effects guilds' that credits write.
var postNominals = map[string]bool{
	// Cinematographers.
	"ASC": true, "BSC": true, "CSC": true, "ACS": true, "AFC": true, "AIC": true, "AEC": true, "BVK": true,
	"AAC": true, "SBC": true, "NSC": true, "DFF": true, "FSF": true, "FNF": true, "FSC": true, "IKS": true,
	"PSC": true, "ACK": true, "SCS": true, "HSC": true, "HFS": true, "ZFS": true, "SAS": true, "GSC": true,
	"ESC": true, "LGC": true, "LKS": true, "RSC": true, "RGC": true, "RSG": true, "UCU": true, "ISC": true,
	"NZCS": true, "HKSC": true, "JSC": true, "ABC": true, "ADF": true, "ADFC": true, "AMC": true, "ACC": true,
	"SASC": true, "ACT": true, "TSC": true, "IMAGO": true,
	// Camera operators.
	"SOC": true, "GBCT": true, "ACO": true,
	// Editors.
	"ACE": true, "BFE": true, "CCE": true, "ASE": true, "GBFTE": true,
	// Sound, casting, producers, visual effects, engineers.
	"CAS": true, "MPSE": true, "AMPS": true, "CSA": true, "CDG": true, "PGA": true, "VES": true, "SMPTE": true,
	// Honours.
	"OBE": true, "MBE": true, "CBE": true, "KBE": true, "DBE": true, "OAM": true,
}

// isGenerational reports whether a word is a generational suffix.
func isGenerational(w string) bool { return generationalSuffixes[w] }

// isPostNominal reports whether a word is a society's or honour's
// letters: in capitals ("ASC") or with a dot after each letter, in
// either case ("A.S.C.", "p.g.a.").
func isPostNominal(w string) bool {
	if len(w) < 3 || len(w) > 12 {
		return false
	}
	dotted := strings.Contains(w, ".")
	var b [12]byte
	n := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == '.':
		case 'A' <= c && c <= 'Z':
			b[n] = c
			n++
		case 'a' <= c && c <= 'z' && dotted:
			b[n] = c - 'a' + 'A'
			n++
		default:
			return false
		}
	}
	return postNominals[string(b[:n])]
}

// nameTail reports whether a list item is no name but the end of the one
// before it: a generational suffix or a society's letters, alone or
// followed by more of the entry ("Jr.", "Jr. (Willy)", "ASC", "ASC and
// Ana Ruiz").
func nameTail(item string) bool {
	w := item
	if i := strings.IndexAny(item, " ("); i >= 0 {
		w = item[:i]
	}
	w = strings.TrimRight(w, ",")
	return isGenerational(w) || isPostNominal(w)
}

// JoinNameTails joins to the item before it each item of a list split at
// commas that ends the name before it rather than naming someone: "Sammy
// Davis", "Jr. (Willy)" is "Sammy Davis, Jr. (Willy)", and "Roger
// Deakins", "ASC" is "Roger Deakins, ASC" (whose letters CheckPeople
// takes off). Read apart, each was a Person: "Jr.", "ASC" (audit 18).
func JoinNameTails(items []string) []string {
	if len(items) < 2 {
		return items
	}
	out := items[:1]
	for _, it := range items[1:] {
		if nameTail(it) && out[len(out)-1] != "" {
			out[len(out)-1] += ", " + it
			continue
		}
		out = append(out, it)
	}
	return out
}

// TakePostNominals returns a name without the society's or honour's
// letters after it ("Roger Deakins, ASC, BSC", "Jakub Kijowski PSC",
// "Kwame Boateng (p.g.a.)"), and the letters as written. A name that is
// the letters alone keeps them: "ABC" may be someone's name.
func TakePostNominals(name string) (string, []string) {
	if !strings.ContainsFunc(name, unicode.IsUpper) && !strings.Contains(name, ".") {
		return name, nil
	}
	var marks []string
	s := name
	for {
		t := strings.TrimRight(s, " ,")
		// A bracket of letters alone: "(p.g.a.)", "(ASC)".
		if strings.HasSuffix(t, ")") {
			if open := strings.LastIndexByte(t, '('); open > 0 && isPostNominal(strings.TrimSpace(t[open+1:len(t)-1])) {
				marks = append(marks, strings.TrimSpace(t[open+1:len(t)-1]))
				s = t[:open]
				continue
			}
		}
		i := strings.LastIndexAny(t, " ,")
		if i <= 0 || !isPostNominal(t[i+1:]) {
			break
		}
		rest := strings.TrimRight(t[:i], " ,")
		if rest == "" {
			break
		}
		marks = append(marks, t[i+1:])
		s = rest
	}
	if len(marks) == 0 {
		return name, nil
	}
	s = strings.TrimRight(s, " ,")
	if s == "" {
		return name, nil
	}
	// Read from the name outwards, as written.
	for i, j := 0, len(marks)-1; i < j; i, j = i+1, j-1 {
		marks[i], marks[j] = marks[j], marks[i]
	}
	return s, marks
}

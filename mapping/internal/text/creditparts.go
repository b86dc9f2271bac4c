package text

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/film"
)

// writingParts are the parts of a film's writing that a bracket after a
// writer's name names ("Writer: Edith Ward (story), Ralph O'Shea
// (titles)"), lower case, with the role name the credit gets: the one a
// label for that part gives ("Story by:" is the role Story), or "" where
// the label credits the writer alone ("Screenplay by:"). In the languages
// of the pages film2ld reads.
var writingParts = map[string]string{
	"story": "Story", "original story": "Story", "screen story": "Story", "histoire": "Story",
	"soggetto": "Story", "argumento": "Story", "argument": "Story", "idée originale": "Story",
	"screenplay": "", "script": "", "scenario": "", "teleplay": "", "scénario": "", "drehbuch": "",
	"sceneggiatura": "", "guion": "", "guión": "",
	"dialogue": "Dialogue", "dialogues": "Dialogue", "dialog": "Dialogue", "dialogs": "Dialogue",
	"dialoghi": "Dialogue", "diálogos": "Dialogue", "dialoge": "Dialogue", "additional dialogue": "Additional dialogue",
	"adaptation": "Adaptation", "adaptación": "Adaptation", "adattamento": "Adaptation",
	"titles": "Titles", "intertitles": "Intertitles",
}

// TakeCreditParts takes from each person's credit the bracket after the
// name that says what part of the job was theirs ("Edith M. Ward
// (story)", "Javed Siddiqui (dialogues)", "Ana Lis (second unit)"): in
// the name it made no person's, and the credit was left out (audit 18).
// The part becomes the credit's role name: a writer's from writingParts,
// else its words as written, capitalised ("Titles", "Second unit"). A
// credit that has a role name of its own ("Cinematography") keeps it,
// and the part is left out. Each is noted, as a mapper reports it: the
// label the credits were read under.
//
// Only a bracket of one to three lower-case words counts; remark says
// which of them are a remark on the credit that no credit has a place
// for (an annotation such as "(uncredited)"): those are left out, with a
// note. A name, a place or a year in brackets stays, for CheckPeople to
// judge.
func TakeCreditParts(label string, credits []film.Credit, remark func(part string) bool) []film.Note {
	var notes []film.Note
	for i := range credits {
		c := &credits[i]
		if c.Agent.Organization {
			continue
		}
		name := c.Agent.Name.Value
		part, base, ok := creditPart(name)
		if !ok {
			continue
		}
		c.Agent.Name.Value = base
		if remark != nil && remark(part) {
			notes = append(notes, film.Note{Line: c.Agent.Name.Line,
				Message: fmt.Sprintf("%s: %q: the remark in brackets is left out", label, Short(name))})
			continue
		}
		roleName, writing := writingParts[part]
		switch {
		case c.RoleName != "":
			notes = append(notes, film.Note{Line: c.Agent.Name.Line,
				Message: fmt.Sprintf("%s: %q: the part in brackets, %s, is left out (the credit's role is %s)", label, Short(name), part, c.RoleName)})
			continue
		case writing && c.Role == film.Author:
		default:
			r, size := utf8.DecodeRuneInString(part)
			roleName = string(unicode.ToUpper(r)) + part[size:]
		}
		c.RoleName = roleName
		if roleName == "" {
			notes = append(notes, film.Note{Line: c.Agent.Name.Line,
				Message: fmt.Sprintf("%s: %q: the part in brackets, %s, is what the label credits", label, Short(name), part)})
			continue
		}
		notes = append(notes, film.Note{Line: c.Agent.Name.Line,
			Message: fmt.Sprintf("%s: %q: the part in brackets, %s, is the credit's role name %q", label, Short(name), part, roleName)})
	}
	return notes
}

// creditPart splits "Edith M. Ward (story)" into the bracket's words and
// the name before it, when the name ends in a bracket of one to three
// lower-case words of letters alone.
func creditPart(name string) (part, base string, ok bool) {
	if !strings.HasSuffix(name, ")") {
		return "", name, false
	}
	open := strings.LastIndex(name, " (")
	if open <= 0 {
		return "", name, false
	}
	part = Clean(name[open+2 : len(name)-1])
	base = strings.TrimSpace(name[:open])
	if part == "" || base == "" || strings.Count(part, " ") > 2 {
		return "", name, false
	}
	for _, r := range part {
		if r != ' ' && r != '-' && r != '\'' && !unicode.IsLower(r) {
			return "", name, false
		}
	}
	return part, base, true
}

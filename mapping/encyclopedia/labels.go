package encyclopedia

import (
	"bytes"
	"strings"
	"sync"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/jobs"
	"github.com/film2ld/film2ld/mapping/internal/locale"
	"github.com/film2ld/film2ld/mapping/internal/text"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

// fact is what an infobox field states.
type fact int

const (
	// factCredit is a crew or company credit.
	factCredit fact = iota
	// factCast is a list of actors without characters ("Starring").
	factCast
	factRuntime
	factCountries
	factLanguages
	factGenres
	factReleases
	factBasedOn
	// factYear is the year the film was made: German, Italian and Spanish
	// infoboxes state it in a field ("Erscheinungsjahr", "Anno", "Año").
	factYear
	// factOtherTitle is a title the film has besides the article's
	// ("Originaltitel", "Titolo originale").
	factOtherTitle
	// factContentRating is a rating board's ("Altersfreigabe: FSK 12").
	factContentRating
	// factUnmapped is stated but has no schema.org Movie property (a
	// budget, a box office figure): it is reported, not dropped in silence.
	factUnmapped
)

// field says how one infobox label is read.
type field struct {
	fact     fact
	role     film.Role
	roleName string
	org      bool
	// castRole is a role name every actor the field lists gets: the
	// infobox of an animated film lists its cast as "Voices of".
	castRole string
}

func credit(role film.Role, roleName string) field {
	return field{fact: factCredit, role: role, roleName: roleName}
}

func company(role film.Role, roleName string) field {
	return field{fact: factCredit, role: role, roleName: roleName, org: true}
}

// labels maps infobox labels, as labelKey normalises them, to what they
// state. Film infoboxes write a label in a long form ("Directed by",
// "Release dates") and, in older or other renderings, a short one
// ("Director", "Released"); both are here, with their plurals. A new
// variant is one line here and one row in TestLabels. Built on first use,
// as the other tables here are: a package-level map is built at every
// start, also by a command that reads no film document (validate of a
// page's markup).
var labels = sync.OnceValue(func() map[string]field {
	return map[string]field{
		"directed by": credit(film.Director, ""), "director": credit(film.Director, ""), "directors": credit(film.Director, ""),
		"produced by": credit(film.Producer, ""), "producer": credit(film.Producer, ""), "producers": credit(film.Producer, ""),
		"written by": credit(film.Author, ""), "writer": credit(film.Author, ""), "writers": credit(film.Author, ""),
		"screenplay by": credit(film.Author, ""), "screenplay": credit(film.Author, ""),
		"teleplay by": credit(film.Author, ""), "teleplay": credit(film.Author, ""),
		"story by": credit(film.Author, "Story"), "story": credit(film.Author, "Story"),
		"music by": credit(film.Composer, ""), "music": credit(film.Composer, ""), "composer": credit(film.Composer, ""),
		"composers": credit(film.Composer, ""), "original music by": credit(film.Composer, ""), "score by": credit(film.Composer, ""),
		"cinematography": credit(film.Contributor, "Cinematography"), "director of photography": credit(film.Contributor, "Cinematography"),
		"edited by": credit(film.Contributor, "Editing"), "editing": credit(film.Contributor, "Editing"),
		"editor": credit(film.Contributor, "Editing"), "editors": credit(film.Contributor, "Editing"),
		"film editing": credit(film.Contributor, "Editing"),
		"narrated by":  credit(film.Contributor, "Narration"), "narrator": credit(film.Contributor, "Narration"),
		"narrators":    credit(film.Contributor, "Narration"),
		"presented by": credit(film.Contributor, "Presenter"), "presenter": credit(film.Contributor, "Presenter"),
		"production company": company(film.ProductionCompany, ""), "production companies": company(film.ProductionCompany, ""),
		"production": company(film.ProductionCompany, ""),
		"studio":     company(film.ProductionCompany, ""), "studios": company(film.ProductionCompany, ""),
		"distributed by": company(film.Contributor, "Distribution"), "distributor": company(film.Contributor, "Distribution"),
		// An infobox's "Distribution : Cinéart" (a French fiche's) is the
		// distributor; a section of that heading is not (familyFrenchCast).
		"distribution": company(film.Contributor, "Distribution"), "société de distribution": company(film.Contributor, "Distribution"),
		"sociétés de distribution": company(film.Contributor, "Distribution"),
		"distributors":             company(film.Contributor, "Distribution"),
		"starring":                 {fact: factCast}, "cast": {fact: factCast},
		"voices of": {fact: factCast, castRole: "voice"}, "voices": {fact: factCast, castRole: "voice"},
		"running time": {fact: factRuntime}, "runtime": {fact: factRuntime}, "length": {fact: factRuntime},
		"country": {fact: factCountries}, "countries": {fact: factCountries}, "country of origin": {fact: factCountries},
		"language": {fact: factLanguages}, "languages": {fact: factLanguages},
		"genre": {fact: factGenres}, "genres": {fact: factGenres},
		"original language": {fact: factLanguages}, "original languages": {fact: factLanguages},
		"release date": {fact: factReleases}, "release dates": {fact: factReleases}, "released": {fact: factReleases},
		"based on": {fact: factBasedOn},
		"budget":   {fact: factUnmapped}, "box office": {fact: factUnmapped}, "gross": {fact: factUnmapped},
		// A television film's infobox ("Infobox television") writes
		// "Release" and "Network" (audit 15: both were unknown fields).
		// schema.org's Movie has no property for the broadcaster: it is
		// a BroadcastEvent's publishedOn, and film2ld makes no such event
		// of a release; it is reported, as a budget is.
		"release": {fact: factReleases}, "original release": {fact: factReleases}, "first aired": {fact: factReleases},
		"network": {fact: factUnmapped}, "original network": {fact: factUnmapped}, "channel": {fact: factUnmapped},
		// A documentary's infobox lists the people it shows as "Featuring".
		"featuring": {fact: factCast},

		// French Wikipedia's film infobox. "Sortie" gives the release
		// dates ("14 mai 2019 (Cannes) ; 2 octobre 2019 (France)"), or a
		// year alone, which releases reports (audit 17: both unknown).
		"photographie": credit(film.Contributor, "Cinematography"), "directeur de la photographie": credit(film.Contributor, "Cinematography"),
		"montage": credit(film.Contributor, "Editing"),
		"sortie":  {fact: factReleases}, "date de sortie": {fact: factReleases}, "dates de sortie": {fact: factReleases},
		"titre original": {fact: factOtherTitle}, "réalisation": credit(film.Director, ""),
		"scénario": credit(film.Author, ""), "acteurs principaux": {fact: factCast},
		"sociétés de production": company(film.ProductionCompany, ""), "société de production": company(film.ProductionCompany, ""),
		"pays de production": {fact: factCountries}, "pays d'origine": {fact: factCountries}, "durée": {fact: factRuntime},
		"pays": {fact: factCountries}, "langue": {fact: factLanguages}, "langue originale": {fact: factLanguages},
		"musique": credit(film.Composer, ""),

		// German, Italian and Spanish Wikipedia's film infoboxes (audit 15:
		// such articles were no film documents, and with --kind
		// encyclopedia the whole infobox became the abstract).
		"originaltitel": {fact: factOtherTitle}, "produktionsland": {fact: factCountries},
		"produktionsländer": {fact: factCountries}, "originalsprache": {fact: factLanguages},
		"sprache": {fact: factLanguages}, "erscheinungsjahr": {fact: factYear}, "produktionsjahr": {fact: factYear},
		"länge": {fact: factRuntime}, "altersfreigabe": {fact: factContentRating},
		"regie": credit(film.Director, ""), "drehbuch": credit(film.Author, ""), "produktion": credit(film.Producer, ""),
		"musik": credit(film.Composer, ""), "kamera": credit(film.Contributor, "Cinematography"),
		"schnitt": credit(film.Contributor, "Editing"), "besetzung": {fact: factCast}, "darsteller": {fact: factCast},
		"produktionsfirma": company(film.ProductionCompany, ""), "verleih": company(film.Contributor, "Distribution"),
		"titolo originale": {fact: factOtherTitle}, "paese di produzione": {fact: factCountries},
		"paese": {fact: factCountries}, "paesi": {fact: factCountries}, "lingua": {fact: factLanguages},
		"anno": {fact: factYear}, "durata": {fact: factRuntime}, "lingua originale": {fact: factLanguages},
		"genere": {fact: factGenres}, "regia": credit(film.Director, ""), "soggetto": credit(film.Author, "Story"),
		"sceneggiatura": credit(film.Author, ""), "produttore": credit(film.Producer, ""),
		"produttori": credit(film.Producer, ""), "casa di produzione": company(film.ProductionCompany, ""),
		"distribuzione in italiano": company(film.Contributor, "Distribution"), "distribuzione": company(film.Contributor, "Distribution"),
		"fotografia": credit(film.Contributor, "Cinematography"), "montaggio": credit(film.Contributor, "Editing"),
		"musiche": credit(film.Composer, ""), "interpreti e personaggi": {fact: factCast}, "interpreti": {fact: factCast},
		"título": {fact: factOtherTitle}, "título original": {fact: factOtherTitle}, "dirección": credit(film.Director, ""),
		"producción": credit(film.Producer, ""), "guion": credit(film.Author, ""), "guión": credit(film.Author, ""),
		"música": credit(film.Composer, ""), "fotografía": credit(film.Contributor, "Cinematography"),
		"montaje": credit(film.Contributor, "Editing"), "protagonistas": {fact: factCast}, "reparto": {fact: factCast},
		"país": {fact: factCountries}, "países": {fact: factCountries}, "año": {fact: factYear},
		"idioma": {fact: factLanguages}, "idiomas": {fact: factLanguages}, "idioma(s)": {fact: factLanguages},
		"idioma original": {fact: factLanguages}, "duración": {fact: factRuntime}, "género": {fact: factGenres},
		"productora": company(film.ProductionCompany, ""), "productoras": company(film.ProductionCompany, ""),
		"compañías": company(film.ProductionCompany, ""), "distribución": company(film.Contributor, "Distribution"),
		"clasificación": {fact: factContentRating},
	}
})

// labelKey normalises a label for the table: lower case, single spaces,
// no footnote marks or trailing colon.
func labelKey(label string) string {
	if strings.IndexByte(label, '[') >= 0 {
		label = footnoteRe.ReplaceAllString(label, "")
	}
	return strings.TrimSuffix(strings.ToLower(text.Clean(label)), ":")
}

// lookup returns how a label is read; ok is false for a label the table
// does not hold.
//
// A label in ASCII without a footnote mark, most of a page's, has for
// its key its cleaned text in lower case: folded in a buffer on the
// stack, it is looked up in both tables without labelKey's copies
// (detection looks up every short line of every document, and the key's
// copy was a third of encyclopedia.Signals' time on the other kinds'
// pages). TestLookupAsLabelKey holds it to labelKey's result.
func lookup(label string) (field, bool) {
	if strings.IndexByte(label, '[') < 0 {
		var buf [64]byte
		if key, ascii := locale.AppendLowerASCII(buf[:0], text.Clean(label)); ascii {
			key, _ = bytes.CutSuffix(key, colon)
			if f, ok := labels()[string(key)]; ok {
				return f, true
			}
			if roleName, job := jobs.LookupKey(key); job {
				return credit(film.Contributor, roleName), true
			}
			return field{}, false
		}
	}
	f, ok := labels()[labelKey(label)]
	if !ok {
		// A crew job with no property of its own ("Gaffer", "Kostüm"):
		// the table both mappers share.
		if roleName, job := jobs.Lookup(label); job {
			return credit(film.Contributor, roleName), true
		}
	}
	return f, ok
}

var colon = []byte(":")

// family is what a section of the article holds.
type family int

const (
	// familyUnmapped is a section film2ld does not read (Production,
	// Reception): its lines are counted in one note.
	familyUnmapped family = iota
	familyPlot
	familyCast
	// familyVoiceCast is a cast section of an animated film: every entry
	// is a voice part.
	familyVoiceCast
	// familyNavigation is a list of links to other pages.
	familyNavigation
	// familySegments lists an anthology film's segments or episodes,
	// each a work of its own with its title and director: schema.org
	// could hold each as a hasPart, but their lines have no one layout
	// to read a title and its credits from, so they are reported with
	// a note that says what they are, never read as the section above
	// (under "Cast", a segment "The Ferry – Mara Velden" was an actor
	// "The Ferry" playing "Mara Velden").
	familySegments
	// familyFrenchCast is a heading that names the cast in a French
	// article ("Distribution", French Wikipedia's) and a section about
	// the film's distribution in an English one: startSection reads it
	// by the article's language. In an infobox, the same word is a label
	// for the distributor.
	familyFrenchCast
)

// sections maps section headings, as labelKey normalises them, to their
// family. A sub-section whose heading is not here belongs to its parent's
// family ("=== Main ===" under "== Cast ==").
var sections = sync.OnceValue(func() map[string]family {
	return map[string]family{
		"plot": familyPlot, "synopsis": familyPlot, "plot summary": familyPlot, "premise": familyPlot,
		"summary": familyPlot, "story": familyPlot, "storyline": familyPlot, "content": familyPlot,
		"cast": familyCast, "starring": familyCast, "cast and characters": familyCast, "principal cast": familyCast,
		"main cast": familyCast, "cast and crew": familyCast, "featuring": familyCast, "participants": familyCast,
		"interviewees": familyCast, "appearances": familyCast, "people interviewed": familyCast, "cast list": familyCast,
		"voice cast": familyVoiceCast, "voices": familyVoiceCast, "voice actors": familyVoiceCast,
		"see also": familyNavigation, "references": familyNavigation, "external links": familyNavigation,
		"further reading": familyNavigation, "notes": familyNavigation, "bibliography": familyNavigation,
		"sources": familyNavigation, "footnotes": familyNavigation, "citations": familyNavigation,
		// Sections film2ld does not read, listed so that a browser copy's plain
		// heading ("Reception" alone on its line) ends the section above it
		// instead of being read as one of its lines.
		"production": familyUnmapped, "development": familyUnmapped, "filming": familyUnmapped,
		"pre-production": familyUnmapped, "post-production": familyUnmapped, "casting": familyUnmapped,
		"music": familyUnmapped, "soundtrack": familyUnmapped, "release": familyUnmapped,
		"box office": familyUnmapped, "home media": familyUnmapped, "marketing": familyUnmapped,
		"reception": familyUnmapped, "critical response": familyUnmapped, "critical reception": familyUnmapped,
		"accolades": familyUnmapped, "awards": familyUnmapped, "awards and nominations": familyUnmapped,
		"themes": familyUnmapped, "analysis": familyUnmapped, "legacy": familyUnmapped,
		"controversy": familyUnmapped, "historical accuracy": familyUnmapped, "sequel": familyUnmapped,
		"background": familyUnmapped, "adaptations": familyUnmapped, "festivals": familyUnmapped,
		"broadcast": familyUnmapped, "restoration": familyUnmapped, "preservation": familyUnmapped,
		// An anthology's parts, in the languages of the other headings.
		"segments": familySegments, "segment": familySegments, "episodes": familySegments, "episode": familySegments,
		"sketches": familySegments, "segments and cast": familySegments, "épisodes": familySegments,
		"segmente": familySegments, "episoden": familySegments, "episodi": familySegments, "segmenti": familySegments,
		"episodios": familySegments, "segmentos": familySegments, "sketchs": familySegments, "sketche": familySegments,
		// French articles' sections: "Distribution" is the cast there.
		"distribution": familyFrenchCast, "distribution des rôles": familyCast, "fiche technique": familyUnmapped,
		"résumé": familyPlot, "voir aussi": familyNavigation, "notes et références": familyNavigation,
		"liens externes": familyNavigation, "articles connexes": familyNavigation, "accueil": familyUnmapped,
		"distinctions": familyUnmapped, "tournage": familyUnmapped, "doublage": familyUnmapped,
		// German, Italian and Spanish articles' sections (audit 15).
		"handlung": familyPlot, "inhalt": familyPlot, "trama": familyPlot, "sinopsis": familyPlot, "argumento": familyPlot,
		"besetzung": familyCast, "darsteller": familyCast, "interpreti e personaggi": familyCast, "interpreti": familyCast,
		"reparto":  familyCast,
		"weblinks": familyNavigation, "einzelnachweise": familyNavigation, "literatur": familyNavigation,
		"siehe auch": familyNavigation, "anmerkungen": familyNavigation, "note": familyNavigation,
		"collegamenti esterni": familyNavigation, "voci correlate": familyNavigation, "altri progetti": familyNavigation,
		"bibliografia": familyNavigation, "referencias": familyNavigation, "enlaces externos": familyNavigation,
		"véase también": familyNavigation, "bibliografía": familyNavigation, "notas": familyNavigation,
		"produktion": familyUnmapped, "hintergrund": familyUnmapped, "entstehung": familyUnmapped,
		"dreharbeiten": familyUnmapped, "veröffentlichung": familyUnmapped, "rezeption": familyUnmapped,
		"kritik": familyUnmapped, "kritiken": familyUnmapped, "auszeichnungen": familyUnmapped,
		"synchronisation": familyUnmapped, "filmmusik": familyUnmapped,
		"produzione": familyUnmapped, "distribuzione": familyUnmapped, "accoglienza": familyUnmapped,
		"critica": familyUnmapped, "riconoscimenti": familyUnmapped, "incassi": familyUnmapped,
		"colonna sonora": familyUnmapped, "doppiaggio": familyUnmapped, "riprese": familyUnmapped,
		"producción": familyUnmapped, "recepción": familyUnmapped, "premios": familyUnmapped,
		"premios y nominaciones": familyUnmapped, "taquilla": familyUnmapped, "estreno": familyUnmapped,
		"banda sonora": familyUnmapped, "rodaje": familyUnmapped, "crítica": familyUnmapped, "distribución": familyUnmapped,
	}
})

// footnoteRe is a reference mark in running text: "[1]", "[a]",
// "[citation needed]".
var footnoteRe = lazyre.New(`\[(?:\d+|[a-z]|note \d+|nb \d+|citation needed)\]`)

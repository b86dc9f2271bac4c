package encyclopedia

import (
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/mappertest"
)

// One row per layout variant of encyclopedia articles: the exact facts and
// the exact notes it gives.
func TestLayouts(t *testing.T) {
	tests := []struct {
		name    string
		article string
		want    []string
		notes   []string
	}{
		{
			// A cast table copied as a list: each row a list mark, the
			// actor, a tab, the character. The actor was left out, "it
			// starts with a list mark" (audit 6).
			name: "list of tabbed rows",
			article: `= Salt Marsh (2019 film) =

== Cast ==
- Anne Coesens	Tania
* Omar Haddad	Sami
1. Lena Park	Mara, his sister
`,
			want: []string{
				"cast: Anne Coesens as Tania@4", "cast: Lena Park as Mara {his sister}@6", "cast: Omar Haddad as Sami@5",
				"title: Salt Marsh@1", "year: 2019@1",
			},
		},
		{
			// A character that is the film's title, or a segment's, names
			// the work: it is one character however it is joined, even
			// with an article on each side (audit 17: "le Sel et la Lune"
			// became two characters). A pair in bare words is one name.
			name: "character named as a title",
			article: `= La Veuve et la Mer =

== Segments ==
- le Phare et la Lune, directed by Ana Reis

== Cast ==
- Salomé : la Veuve et la Mer
- Jon Ek : le Phare et la Lune
- Ada Lind : le Douanier et la Sirène
- Tom Ruiz : Sel et Poivre
`,
			want: []string{
				"cast: Ada Lind as la Sirène@9", "cast: Ada Lind as le Douanier@9",
				"cast: Jon Ek as le Phare et la Lune@8", "cast: Salomé as la Veuve et la Mer@7",
				"cast: Tom Ruiz as Sel et Poivre@10",
				"title: La Veuve et la Mer@1",
			},
			notes: []string{`4: section "Segments" lists the film's segments, which film2ld does not map (schema.org's hasPart could hold each as a work of its own): 1 line left out (line 4), the first: "- le Phare et la Lune, directed by Ana Reis"`},
		},
		{
			// A name in a tabbed cell's list that starts with a label's
			// word ("Country", "Channel", "Story", "Running time") is a
			// name, not another field (audit 17: "Country Road Pictures"
			// became the country "Road Pictures").
			name: "list item starting with a label word",
			article: `Harbour Frost
From Wikipedia, the free encyclopedia

Directed by	Ada Lind
Production
companies	Lantern Pictures
Country Road Pictures
Channel Nord
Story Films
Distributed by	Running Time Releasing
Music Box Films
Running time	95 minutes

Harbour Frost is a 2014 Irish drama film.
`,
			want: []string{
				"abstract@14: Harbour Frost is a 2014 Irish drama film.",
				"contributor/Distribution: Music Box Films@11", "contributor/Distribution: Running Time Releasing@10",
				"director: Ada Lind@4",
				"production company: Channel Nord@8", "production company: Country Road Pictures@7",
				"production company: Lantern Pictures@6", "production company: Story Films@9",
				"runtime: 95@12", "title: Harbour Frost@1", "year: 2014@14",
			},
		},
		{
			// The same, with each label alone above its values (a mobile
			// page's copy).
			name: "label-alone list item starting with a label word",
			article: `Harbour Frost
From Wikipedia, the free encyclopedia

Directed by
Ada Lind
Production companies
Lantern Pictures
Box Office Pictures
Language
English

Harbour Frost is a 2014 Irish drama film.
`,
			want: []string{
				"abstract@12: Harbour Frost is a 2014 Irish drama film.",
				"director: Ada Lind@5",
				"language: English@10",
				"production company: Box Office Pictures@8", "production company: Lantern Pictures@7",
				"title: Harbour Frost@1", "year: 2014@12",
			},
		},
		{
			// A text browser's rendering of the infobox (lynx, w3m): each
			// value aligned after its label with spaces, the caption
			// repeating the title above it, a list's further names
			// indented under the first (audit 17: the director became an
			// alternate name, or the whole infobox the abstract).
			name: "space-aligned infobox",
			article: `Harbour of Glass
From Wikipedia, the free encyclopedia

Harbour of Glass
Directed by        A. B. Lindqvist
Screenplay by      Eva Holm
                   J. R. Sand
Country            Sweden
Running time       88 minutes

Harbour of Glass is a 1931 Swedish drama film.
`,
			want: []string{
				"abstract@11: Harbour of Glass is a 1931 Swedish drama film.",
				"author: Eva Holm@6", "author: J. R. Sand@7",
				"country: Sweden@8", "director: A. B. Lindqvist@5", "runtime: 88@9",
				"title: Harbour of Glass@1", "year: 1931@11",
			},
		},
		{
			// The same with the page indented, as lynx dumps it; headings
			// at the margin, lists further in.
			name: "text browser dump with a page indent",
			article: `   Harbour of Glass

   From Wikipedia, the free encyclopedia

   Directed by        A. B. Lindqvist
   Produced by        Eva Holm

   Harbour of Glass is a 1931 Swedish drama film.

Cast

     * Eva Holm as Ingrid
     * Olle Berg as the Ferryman
`,
			want: []string{
				"abstract@8: Harbour of Glass is a 1931 Swedish drama film.",
				"cast: Eva Holm as Ingrid@12", "cast: Olle Berg as the Ferryman@13",
				"director: A. B. Lindqvist@5", "producer: Eva Holm@6",
				"title: Harbour of Glass@1", "year: 1931@8",
			},
		},
		{
			// One space between label and value: a name's initials end no
			// sentence.
			name: "spaced infobox with initials",
			article: `= Harbour of Glass =

Directed by A. B. Lindqvist
Produced by Eva Holm

Harbour of Glass is a 1931 Swedish drama film.
`,
			want: []string{
				"abstract@6: Harbour of Glass is a 1931 Swedish drama film.",
				"director: A. B. Lindqvist@3", "producer: Eva Holm@4",
				"title: Harbour of Glass@1", "year: 1931@6",
			},
		},
		{
			// A name with the bracket an encyclopedia adds to tell the
			// person from a namesake: the name is kept, the bracket
			// reported (audit 17: the whole credit was left out). A
			// bracket after the character is the part's.
			name: "disambiguated names",
			article: `= Frost Garden (2021 film) =

- Directed by: Nagy Anna (director)
- Produced by: Kim Min-jun (producer), Lee Ji-eun (film producer, born 1975)
- Music by: Hans Berg (Komponist)

== Cast ==
- Kovács István (actor, born 1990) as the young Bálint
- Olle Berg (Swedish actor) – Nils
- Petra Holm (1950–2011) as Greta
- Ana Ruiz as Chiara (singer)
- Jon Ek (The Actor)
`,
			want: []string{
				"cast: Ana Ruiz as Chiara {singer}@11", "cast: Kovács István as the young Bálint@8",
				"cast: Jon Ek as The Actor@12", "cast: Olle Berg as Nils@9", "cast: Petra Holm as Greta@10",
				"composer: Hans Berg@5", "director: Nagy Anna@3",
				"producer: Kim Min-jun@4", "producer: Lee Ji-eun@4",
				"title: Frost Garden@1", "year: 2021@1",
			},
			notes: []string{
				`3: Directed by: "Nagy Anna (director)": the disambiguation in brackets, director, is left out`,
				`4: Produced by: "Kim Min-jun (producer), Lee Ji-eun (film producer, born 1...": the disambiguation in brackets, producer, is left out`,
				`4: Produced by: "Kim Min-jun (producer), Lee Ji-eun (film producer, born 1...": the disambiguation in brackets, film producer, born 1975, is left out`,
				`5: Music by: "Hans Berg (Komponist)": the disambiguation in brackets, Komponist, is left out`,
				`8: Cast: "Kovács István (actor, born 1990) as the young Bálint": the disambiguation in brackets, actor, born 1990, is left out`,
				`9: Cast: "Olle Berg (Swedish actor) – Nils": the disambiguation in brackets, Swedish actor, is left out`,
				`10: Cast: "Petra Holm (1950–2011) as Greta": the disambiguation in brackets, 1950–2011, is left out`,
			},
		},
		{
			// A Markdown table whose labels are bold: each row its own
			// field, never a name in the list above it; italics in a
			// value are markup.
			name: "Markdown table with bold labels",
			article: `# The Paper Crane

|                   |                               |
|-------------------|-------------------------------|
| **Directed by**   | Ada Lind                      |
| **Screenplay by** | Tom Ruiz                      |
| **Based on**      | *Orizuru* by Ida Berg         |
| **Country**       | Japan                         |

**The Paper Crane** is a 2012 Japanese animated film.
`,
			want: []string{
				"abstract@10: The Paper Crane is a 2012 Japanese animated film.",
				"author: Tom Ruiz@6", "based on: Orizuru|Ida Berg@7",
				"country: Japan@8", "director: Ada Lind@5",
				"title: The Paper Crane@1", "year: 2012@10",
			},
		},
		{
			// French, German, Italian and Spanish release dates, their
			// months in words; the French infobox's "Photographie",
			// "Montage" and "Sortie" (audit 17: unknown labels).
			name: "release dates in other languages",
			article: `= L'Écume =

- Photographie : Ada Lind
- Montage : Tom Ruiz
- Sortie : 14 mai 2019 (Cannes) ; 1er octobre 2019 (France)
- Release dates: 17. Mai 2018 (Berlin), 3 maggio 2018 (Roma)
- Released: 14 de mayo de 2019 (Madrid), 2. April 2020 (Wien)
`,
			want: []string{
				"contributor/Cinematography: Ada Lind@3", "contributor/Editing: Tom Ruiz@4",
				"release: 2018-05-03|Roma@6", "release: 2018-05-17|Berlin@6",
				"release: 2019-05-14|Cannes@5", "release: 2019-05-14|Madrid@7",
				"release: 2019-10-01|France@5", "release: 2020-04-02|Wien@7",
				"title: L'Écume@1",
			},
		},
		{
			// A voice cast table with the character first and an actor for
			// each version (audit 17: every actor was left out).
			name: "character-first cast table",
			article: `= Moss Fox (2015 film) =

== Voice cast ==
| Character | French | English |
|---|---|---|
| Renard | Ana Reis | Tom Ruiz |
| The Owl | Ida Berg | Ida Berg |

== Cast ==
Role	Actor
Maeve	Ada Lind
`,
			want: []string{
				"cast: Ada Lind as Maeve@11",
				"cast: Ana Reis as Renard [voice]@6", "cast: Ida Berg as The Owl [voice]@7", "cast: Tom Ruiz as Renard [voice]@6",
				"title: Moss Fox@1", "year: 2015@1",
			},
			notes: []string{
				`4: section "Voice cast": a table of the character and its actors by "French", "English"; each actor is kept with the character, the columns' heads are left out (schema.org has no term for a version's cast)`,
			},
		},
		{
			// A copy of the page's source keeps its inline HTML: a line
			// break between two names (which made one person of both), a
			// footnote, small print, character references.
			name: "inline HTML",
			article: `= Salt Marsh (2019 film) =

Salt Marsh
Directed by: Iris Vane<ref name="kit">Credits, the press kit.</ref>
Starring: Tom Reid<br />Lena Park<BR>Omar Haddad
Produced by: Ada Quist<ref name="kit" />, Ben Lowe &amp; Cole Lowe

Salt Marsh is a 2019 film <small>(its only one)</small> by Iris Vane.
`,
			want: []string{
				"abstract@8: Salt Marsh is a 2019 film (its only one) by Iris Vane.",
				"cast: Lena Park@5", "cast: Omar Haddad@5", "cast: Tom Reid@5",
				"director: Iris Vane@4",
				"producer: Ada Quist@6", "producer: Ben Lowe@6", "producer: Cole Lowe@6",
				"title: Salt Marsh@1", "year: 2019@1",
			},
		},
		{
			// A television film's infobox (Wikipedia's "Infobox television",
			// other wikis' film infoboxes) opens with its genres.
			name: "genres",
			article: `= Harbour Lights =

Harbour Lights
Genre:
  - Drama
  - Comedy-drama
Directed by: Tom Ruiz
Genres: Drama, Coming-of-age

Harbour Lights is a television film.
`,
			want: []string{
				"abstract@10: Harbour Lights is a television film.",
				"director: Tom Ruiz@7",
				"genre: Comedy-drama@6", "genre: Coming-of-age@8", "genre: Drama@5", "genre: Drama@8",
				"title: Harbour Lights@1",
			},
		},
		{
			// A tab after the list mark is a list item's space, not a
			// table's cells: every actor was "-", left out.
			name:    "tab after the list mark",
			article: "= Road (2017 film) =\n\nRoad\n-\tDirector: Lucía Ortega\n\nRoad is a 2017 Spanish film.\n\n==Cast==\n-\tValentina Ruiz as Rosa\n*\tPedro Gil\tJuan\n1.\tAna Ruiz (Dr.)\n",
			want: []string{
				"abstract@6: Road is a 2017 Spanish film.",
				"cast: Ana Ruiz as Dr.@11", "cast: Pedro Gil as Juan@10", "cast: Valentina Ruiz as Rosa@9",
				"director: Lucía Ortega@4",
				"title: Road@1", "year: 2017@1",
			},
		},
		{
			// A year in the title no film has: left out with a note (it
			// was year 0, and the film's IRI …-0).
			name:    "title year out of range",
			article: "= Road (9999 film) =\n\nRoad\n- Director: Lucía Ortega\n\nRoad is a Spanish film.\n",
			want: []string{
				"abstract@6: Road is a Spanish film.",
				"director: Lucía Ortega@4",
				"title: Road@1",
			},
			notes: []string{`1: the title's year "9999" is not a film's year (1880 to 2999); left out`},
		},
		{
			name: "short labels, the sample's layout",
			article: `= Heatwave =

Heatwave (French: Canicule) is a 1999 French comedy film.

- Release date: May 12, 1999 (Cannes), 3 June 1999
- Written by: Luc Martin and Zoé Bernard
- Narrated by: Paul Petit
- Website: heatwave.example

==Reception==
It was liked.
Twice.

==Cast==
- Zoé Bernard
- Luc Martin as Himself / The Narrator
`,
			want: []string{
				"abstract@3: Heatwave (French: Canicule) is a 1999 French comedy film.",
				"author: Luc Martin@6", "author: Zoé Bernard@6",
				"cast: Luc Martin [himself The Narrator]@16", "cast: Zoé Bernard@15",
				"contributor/Narration: Paul Petit@7",
				"other title: Canicule@3",
				"release: 1999-05-12|Cannes@5", "release: 1999-06-03|@5",
				"title: Heatwave@1", "year: 1999@3",
			},
			notes: []string{
				`8: infobox field "Website" is not known to film2ld; left out: "heatwave.example"`,
				`11: section "Reception" is not mapped: 2 lines left out (lines 11-12), the first: "It was liked."`,
			},
		},
		{
			name: "a series' run and its episode counts",
			article: `= Ice Roads =

Ice Roads
- Directed by: Aaju Peter
- No. of episodes: 8
- Nombre de saisons: 2
- Release: 3 March 2021 – 7 April 2021
- Release date: 12 May 2021 (Iqaluit) - 3 June 2021 (Ottawa)

Ice Roads is a 2021 Canadian television miniseries.
`,
			want: []string{
				"abstract@10: Ice Roads is a 2021 Canadian television miniseries.",
				"director: Aaju Peter@4",
				"release: 2021-03-03|@7", "release: 2021-05-12|Iqaluit@8", "release: 2021-06-03|Ottawa@8",
				"title: Ice Roads@1", "year: 2021@10",
			},
			notes: []string{
				`5: infobox field "No. of episodes": the article describes a television series, which film2ld reads as one Movie (schema.org's TVSeries is not written); left out: "8"`,
				`6: infobox field "Nombre de saisons": the article describes a television series, which film2ld reads as one Movie (schema.org's TVSeries is not written); left out: "2"`,
				`7: Release: "7 April 2021" ends the run that starts "3 March 2021", no release; left out`,
			},
		},
		{
			name: "long labels, lists over sub-items and continuation lines",
			article: `= Grey Harbour (2019 film) =

Grey Harbour
Directed by: Mirela Dobre
Written by:
  - Mirela Dobre
  - Tomás Quiroga
Starring: Ilinca Pop,
  Radu Marin
Production companies:
  * Cetate Film
  * Faro & Luz Producciones
Release dates:
  - 3 September 2019 (Venice)
  - 14 February 2020 (Romania)
Running time: 1h 38min
Countries: Romania, Spain
Languages:
  - Romanian
  - Spanish
Box office: $1.2 million[2]

Grey Harbour is a 2019 drama film.
`,
			want: []string{
				"abstract@23: Grey Harbour is a 2019 drama film.",
				"author: Mirela Dobre@6", "author: Tomás Quiroga@7",
				"cast: Ilinca Pop@8", "cast: Radu Marin@9",
				"country: Romania@17", "country: Spain@17",
				"director: Mirela Dobre@4",
				"language: Romanian@19", "language: Spanish@20",
				"production company: Cetate Film@11", "production company: Faro & Luz Producciones@12",
				"release: 2019-09-03|Venice@14", "release: 2020-02-14|Romania@15",
				"runtime: 98@16",
				"title: Grey Harbour@1", "unmapped: Box office=$1.2 million@21", "year: 2019@1",
			},
		},
		{
			name: "labels alone on their line, values below (a browser copy)",
			article: `= Salt Road =

Directed by
Hamid Rezaei
Produced by
Leila Karimi
Ben Okafor
Running time
95 min

Salt Road is a 2021 Iranian-Nigerian road film.
`,
			want: []string{
				"abstract@11: Salt Road is a 2021 Iranian-Nigerian road film.",
				"director: Hamid Rezaei@4", "producer: Leila Karimi@6", "producer: Ben Okafor@7",
				"runtime: 95@9", "title: Salt Road@1", "year: 2021@11",
			},
		},
		{
			name: "voice cast of an animated film, dash and colon lines",
			article: `= The Paper Fox =

- Voices of: Ada Lind, Kofi Mensah

The Paper Fox is a 2018 animated film.

== Voice cast ==
- Ada Lind – Fenna, a paper fox
- Kofi Mensah: Old Crow (uncredited)
- Sam Ortiz (Mole)

== Production ==
=== Animation ===
Drawn by hand.
`,
			want: []string{
				"abstract@5: The Paper Fox is a 2018 animated film.",
				"cast: Ada Lind [voice]@3", "cast: Ada Lind as Fenna [voice] {a paper fox}@8",
				"cast: Kofi Mensah [voice]@3", "cast: Kofi Mensah as Old Crow [uncredited voice]@9",
				"cast: Sam Ortiz as Mole [voice]@10",
				"title: The Paper Fox@1", "year: 2018@5",
			},
			notes: []string{`14: section "Animation" is not mapped: 1 line left out (line 14), the first: "Drawn by hand."`},
		},
		{
			name: "documentary: narrator, cast and characters, as himself, prose in the cast section",
			article: `= Ice Roads =

Ice Roads is a 2016 Canadian documentary film.

== Cast and characters ==
The film follows three drivers:
- Joe Tremblay as himself
- Marie Okpik as herself (archive footage)
Narrated by Paul Petit
- Anne Coesens — Tania
- The film also features many fishermen from the bay who were never named.
`,
			want: []string{
				"abstract@3: Ice Roads is a 2016 Canadian documentary film.",
				"cast: Anne Coesens as Tania@10",
				"cast: Joe Tremblay [himself]@7",
				"cast: Marie Okpik [archive footage herself]@8",
				"title: Ice Roads@1", "year: 2016@3",
			},
			notes: []string{
				`6: section "Cast and characters": lines not recognised as cast entries: 2 lines left out (lines 6, 9), the first: "The film follows three drivers:"`,
				`11: actor "The film also features many fishermen from the bay who we..." does not look like a person's name (it has 13 words, more than a name has); left out`,
			},
		},
		{
			name: "a browser copy: plain title, tagline, sentence-like spaced labels stay prose",
			article: `Night Bus

From Wikipedia, the free encyclopedia

Directed by Ines Vale
Running time 1:31

Based on a true story, Night Bus follows a driver. It was shot in Porto.

Cast[edit]
** Ines Vale as the driver
`,
			want: []string{
				"abstract@8: Based on a true story, Night Bus follows a driver. It was shot in Porto.",
				"cast: Ines Vale as the driver@11", "director: Ines Vale@5", "runtime: 91@6", "title: Night Bus@1",
			},
		},
		{
			name: "stray infobox lines, a release date with its ISO copy, a range of minutes",
			article: `= Two Rivers =

- Language: French
- German
- Release date: 12 May 2015 (2015-05-12) (Cannes)
- Running time: 95–100 minutes
- Runn

Two Rivers is a film.
`,
			want: []string{
				"abstract@9: Two Rivers is a film.", "language: French@3", "release: 2015-05-12|Cannes@5", "title: Two Rivers@1",
			},
			notes: []string{
				`6: Running time: "95–100 minutes" is a range, not one running time; left out`,
				`4: infobox: lines not recognised: 2 lines left out (lines 4, 7), the first: "- German"`,
			},
		},
		{
			name: "an infobox rendered with spaces only",
			article: `= Harbour Lights =

Harbour Lights
Directed by Tom Ruiz
Starring Ada Lind, Kofi Mensah
Country Ireland
Running time 88 minutes

Starring roles went to unknowns. Harbour Lights is a 2020 Irish film.
`,
			want: []string{
				"abstract@9: Starring roles went to unknowns. Harbour Lights is a 2020 Irish film.",
				"cast: Ada Lind@5", "cast: Kofi Mensah@5", "country: Ireland@6", "director: Tom Ruiz@4",
				"runtime: 88@7", "title: Harbour Lights@1", "year: 2020@9",
			},
		},
		{
			name:    "a cast table copied with tabs",
			article: "= Harbour Lights =\n\n== Cast ==\nActor\tRole\nAda Lind\tMaeve (voice)\nKofi Mensah\tThe Harbour Master\n",
			want:    []string{"cast: Ada Lind as Maeve [voice]@5", "cast: Kofi Mensah as The Harbour Master@6", "title: Harbour Lights@1"},
		},
		{
			name: "wiki and Markdown markup, HTML entities",
			article: `= ''Harbour Lights'' (2020 film) =

- Directed by: [[Tom Ruiz (director)|Tom Ruiz]]
- Production company: Faro &amp; Luz
- Starring: [Ada Lind](https://example.org/ada)

'''Harbour Lights''' is a 2020 Irish film.

== Cast ==
- [[Ada Lind]] as Maeve
`,
			want: []string{
				"abstract@7: Harbour Lights is a 2020 Irish film.", "cast: Ada Lind as Maeve@10", "cast: Ada Lind@5",
				"director: Tom Ruiz@3", "production company: Faro & Luz@4", "title: Harbour Lights@1", "year: 2020@1",
			},
		},
		{
			name:    "cut off in the middle of an infobox label",
			article: "= Dry Season =\n\nDry Season\n- Directed by: Ama Owusu\n- Starring: Kwame Boateng\n- Runn",
			want:    []string{"cast: Kwame Boateng@5", "director: Ama Owusu@4", "title: Dry Season@1"},
			notes:   []string{`6: cut off: the document ends in the middle of this line; left out: "- Runn"`},
		},
		{
			name:    "an indented infobox, its sub-items indented further",
			article: "= Night Bus =\n\n  - Director: Ines Vale\n  - Starring:\n      - Tom Ruiz\n      - Ada Lind\n  - Country: Portugal\n",
			want:    []string{"cast: Ada Lind@6", "cast: Tom Ruiz@5", "country: Portugal@7", "director: Ines Vale@3", "title: Night Bus@1"},
		},
		{
			name: "a desktop browser copy: image caption, wrapped label, tab with no value, hatnote in a section",
			article: "Tin Harbour\n\nFrom Wikipedia, the free encyclopedia\n\nTin Harbour\nTheatrical release poster\n" +
				"Directed by\tIdris Bello\nScreenplay by\t\nIdris Bello\nKemi Adeyemi\nProduction\ncompany\t\nLagoon Pictures\n" +
				"Running time\t101 minutes[1]\nTin Harbour is a 2017 Nigerian drama film.\n\n" +
				"Cast\nMain article: List of Tin Harbour characters\nTunde Okoro as Musa, a welder\n",
			want: []string{
				"abstract@15: Tin Harbour is a 2017 Nigerian drama film.",
				"author: Idris Bello@9", "author: Kemi Adeyemi@10", "cast: Tunde Okoro as Musa {a welder}@19",
				"director: Idris Bello@7", "production company: Lagoon Pictures@13", "runtime: 101@14",
				"title: Tin Harbour@1", "year: 2017@15",
			},
			notes: []string{`6: infobox: lines not recognised: 1 line left out (line 6), the first: "Theatrical release poster"`},
		},
		{
			name:    "cut off in the first infobox line",
			article: "= Dry Season =\n\nDry Season\n- Dire",
			want:    []string{"title: Dry Season@1"},
			notes:   []string{`4: cut off: the document ends in the middle of this line; left out: "- Dire"`},
		},
		{
			name:    "cut off in a heading",
			article: "= Dry Season =\n\nDry Season is a film.\n\n==Plot==\nA drought.\n\n==Ca",
			want:    []string{"abstract@3: Dry Season is a film.", "description@6: A drought.", "title: Dry Season@1"},
			notes:   []string{`8: cut off: the document ends in the middle of this line; left out: "==Ca"`},
		},
		{
			name:    "cut off in the middle of a name in the cast",
			article: "= Dry Season =\n\n==Cast==\n- Kwame Boateng as Kofi\n- Ama Ow",
			want:    []string{"cast: Kwame Boateng as Kofi@4", "title: Dry Season@1"},
			notes:   []string{`5: cut off: the document ends in the middle of this line; left out: "- Ama Ow"`},
		},
		{
			// Audit 12: the line was left out whole ("no date in").
			name:    "release dates with dots and slashes, and a month alone",
			article: "= X (2019 film) =\n\n- Release date: 17.05.2019 (Cannes), May 2019 (Spain), 25/06/2019 (France), 12/03/2019 (Italy)\n",
			want: []string{
				"release: 2019-05-17|Cannes@3", "release: 2019-05|Spain@3", "release: 2019-06-25|France@3",
				"title: X@1", "year: 2019@1",
			},
			notes: []string{`3: Release date: ambiguous date: "12/03/2019" could be day/month or month/day; left out`},
		},
		{
			name:    "a running time and a date the reader cannot read",
			article: "= X (2001 film) =\n\n- Running time: long\n- Release date: 31 February 2001 (Cannes)\n- Director: Kwame Boateng (Accra unit)\n- Producer: Ama Owusu (p.g.a.)\n",
			// A society's letters in brackets are no annotation: they
			// come off, and the producer stays (audit 18).
			want: []string{"producer: Ama Owusu@6", "title: X@1", "year: 2001@1"},
			notes: []string{
				`3: Running time: "long" is not a running time; left out`,
				`4: Release date: "31 February 2001" is not a date; left out`,
				`6: producer "Ama Owusu (p.g.a.)": p.g.a. after the name is a professional society's or an honour's letters, not a person; left out`,
				`5: director "Kwame Boateng (Accra unit)" does not look like a person's name (it holds an annotation in brackets); left out`,
			},
		},
		{
			name: "browser copy: a wrapped label whose second half holds the value, a plain heading after the cast",
			article: "Harbour Lights (2012 film)\n\nHarbour Lights\nDirected by\tIda Lund\nProduction\ncompany\tNordvik Film\nRunning time\t101 minutes[1]\n\n" +
				"Harbour Lights is a 2012 Norwegian drama film.\n\nCast\nIda Lund as Marit\nOle Berg as Kasper, Marit's brother\n\nReception\nThe film was liked.\n",
			want: []string{
				"abstract@9: Harbour Lights is a 2012 Norwegian drama film.",
				"cast: Ida Lund as Marit@12", "cast: Ole Berg as Kasper {Marit's brother}@13",
				"director: Ida Lund@4", "production company: Nordvik Film@6", "runtime: 101@7",
				"title: Harbour Lights@1", "year: 2012@1",
			},
			notes: []string{`16: section "Reception" is not mapped: 1 line left out (line 16), the first: "The film was liked."`},
		},
		{
			name:    "browser copy: a disambiguated plain title, no tagline, no repeated title",
			article: "Dust Roads (1987 film)\n\nDirected by\tIlse Varga\n",
			want:    []string{"director: Ilse Varga@3", "title: Dust Roads@1", "year: 1987@1"},
		},
		{
			// Audit 13: with no blank line after the infobox, its last
			// list ran on over the lead, the headings and what followed:
			// the lead became a language, the cast was lost.
			name: "browser copy: the lead and a heading right after the infobox's last list",
			article: "Salt Road\nFrom Wikipedia, the free encyclopedia\nSalt Road\nDirected by\nMirela Dobre\nLanguages\nRomanian\n" +
				"Salt Road is a 2012 Romanian drama film directed by Mirela Dobre.\nPlot\nA driver crosses the salt flats at night.\n" +
				"Cast\nIlinca Pop as Vesna\n",
			want: []string{
				"abstract@8: Salt Road is a 2012 Romanian drama film directed by Mirela Dobre.",
				"cast: Ilinca Pop as Vesna@12", "description@10: A driver crosses the salt flats at night.",
				"director: Mirela Dobre@5", "language: Romanian@7", "title: Salt Road@1", "year: 2012@8",
			},
		},
		{
			name: "browser copy: a heading right after the infobox's last list",
			article: "Salt Road\nSalt Road\nDirected by\tMirela Dobre\nLanguages\t\nRomanian\nParticipants\nIlinca Pop as herself\n" +
				"Production\nFilming took place in 2011.\nSee also\nList of Romanian films of 2012\n",
			want:  []string{"cast: Ilinca Pop [herself]@7", "director: Mirela Dobre@3", "language: Romanian@5", "title: Salt Road@1"},
			notes: []string{`9: section "Production" is not mapped: 1 line left out (line 9), the first: "Filming took place in 2011."`},
		},
		{
			// Audit 13: a plainlist cell copied by a browser: its first
			// item beside the label, the others bare on the lines below.
			// The second became the film's alternate title.
			name: "browser copy: a tabbed field's further values on the lines below",
			article: "Salt Road\nSalt Road\nStarring\tIlinca Pop\nRadu Marin\nDan Ionescu\nBased on\tVinterhavn\nby Ingrid Åsmundsen\n" +
				"Running time\t133 minutes (original)\n109 minutes (restored)\nCountry\tRomania\n\nSalt Road is a 2012 film.\n",
			want: []string{
				"abstract@12: Salt Road is a 2012 film.", "based on: Vinterhavn|Ingrid Åsmundsen@6",
				"cast: Dan Ionescu@5", "cast: Ilinca Pop@3", "cast: Radu Marin@4", "country: Romania@10",
				"runtime: 133@8", "title: Salt Road@1", "year: 2012@12",
			},
			notes: []string{`8: Running time: "133 minutes (original), 109 minutes (restored)" states more than one running time; kept the first, 133 min`},
		},
		{
			// Audit 14: a copy of the mobile page: tabs and buttons, no
			// tagline, labels alone on their lines, a section heading
			// after a blank line in the infobox. It was no film
			// document.
			name: "mobile page copy",
			article: "La Mer\n\nArticle\nTalk\n\nLa Mer is a 1994 French drama film directed by Anne-Sophie de Vries.\n\n" +
				"Directed by\nAnne-Sophie de Vries\nRunning time\n98 minutes\n\nCast\n\nEdit\nZoë Lévêque as Zoë\n",
			want: []string{
				"abstract@6: La Mer is a 1994 French drama film directed by Anne-Sophie de Vries.",
				"cast: Zoë Lévêque as Zoë@16", "director: Anne-Sophie de Vries@9", "runtime: 98@11",
				"title: La Mer@1", "year: 1994@6",
			},
		},
		{
			name:    "mobile page copy: its buttons under the title",
			article: "La Mer\nFrom Wikipedia, the free encyclopedia\nLanguage\nWatch\nEdit\n\nLa Mer is a 1994 film.\n\nDirected by\nAnne-Sophie de Vries\nLanguage\nFrench\n",
			want: []string{
				"abstract@7: La Mer is a 1994 film.", "director: Anne-Sophie de Vries@10", "language: French@12",
				"title: La Mer@1", "year: 1994@7",
			},
			notes: []string{`3: infobox field "Language" has no value`},
		},
		{
			// Audit 14: without an infobox, "Plot" after the lead was
			// joined to the plot's first line, and both to the abstract.
			name:    "a plain heading after the lead of an article without an infobox",
			article: "La Mer\nFrom Wikipedia, the free encyclopedia\n\nLa Mer is a 1994 film.\n\nPlot\nZoë spends the summer there.\n\nCast\nZoë Lévêque as Zoë\n",
			want: []string{
				"abstract@4: La Mer is a 1994 film.", "cast: Zoë Lévêque as Zoë@10",
				"description@7: Zoë spends the summer there.", "title: La Mer@1", "year: 1994@4",
			},
		},
		{
			// Audit 14: a Markdown (pandoc) export's tables were left out
			// or read as the lead, with their markup and footnotes.
			name: "markdown tables: infobox and cast",
			article: "# Kodu ja meri\n\n| Kodu ja meri | |\n|---|---|\n| Directed by | Liis Kõrvits-Ööbik |\n| Running time | 104 minutes |\n\n" +
				"**Kodu ja meri** is a 2016 Estonian drama film.[^1]\n\n## Cast\n\n| Actor | Role |\n|:---|---:|\n| Ülle Kaljuste | Maret |\n",
			want: []string{
				"abstract@8: Kodu ja meri is a 2016 Estonian drama film.", "cast: Ülle Kaljuste as Maret@14",
				"director: Liis Kõrvits-Ööbik@5", "runtime: 104@6", "title: Kodu ja meri@1", "year: 2016@8",
			},
		},
		{
			// Audit 13: the territory made "Titanus (Italy)" a company
			// apart from "Titanus".
			name:    "companies with their territories",
			article: "= The Leopard (1963 film) =\n\n- Distributed by: Titanus (Italy), 20th Century Fox (US), Pathé (Director's cut)\n",
			want: []string{
				"contributor/Distribution: 20th Century Fox@3", "contributor/Distribution: Pathé (Director's cut)@3",
				"contributor/Distribution: Titanus@3", "title: The Leopard@1", "year: 1963@1",
			},
			notes: []string{
				`3: Distributed by: "Titanus (Italy)": the territory in brackets is left out`,
				`3: Distributed by: "20th Century Fox (US)": the territory in brackets is left out`,
			},
		},
		{
			// Audit 15: a company's part in brackets made
			// "Televisión Española (co-production)" a company of that
			// name.
			name: "companies with their part in brackets",
			article: "= Harbour of Salt (2017 film) =\n\n- Production companies: Marea Films, Radio Télévision Suisse (co-production), " +
				"Nordvik Media (in association with)\n- Distributed by: Kite Releasing (Italy) (distributor)\n",
			want: []string{
				"contributor/Distribution: Kite Releasing@4", "production company/Co-production: Radio Télévision Suisse@3",
				"production company: Marea Films@3", "production company: Nordvik Media@3",
				"title: Harbour of Salt@1", "year: 2017@1",
			},
			notes: []string{
				`3: Production companies: "Radio Télévision Suisse": (co-production) is the company's part in the film, not its name`,
				`3: Production companies: "Nordvik Media": (in association with) is the company's part in the film, not its name`,
				`4: Distributed by: "Kite Releasing (Italy)": (distributor) is the company's part in the film, not its name`,
				`4: Distributed by: "Kite Releasing (Italy)": the territory in brackets is left out`,
			},
		},
		{
			// Audit 13: several actors sharing a part were one name of
			// too many words, and left out with the part.
			name:    "actors sharing a part",
			article: "= The Ball (1963 film) =\n\n==Cast==\n* Dante Posani, Carlo Valenzano and Rina De Liguoro – Ball guests (uncredited)\n* Ida Galli as Carolina\n",
			want: []string{
				"cast: Carlo Valenzano as Ball guests [uncredited]@4", "cast: Dante Posani as Ball guests [uncredited]@4",
				"cast: Ida Galli as Carolina@5", "cast: Rina De Liguoro as Ball guests [uncredited]@4",
				"title: The Ball@1", "year: 1963@1",
			},
		},
		{
			name:    "markdown headings, several running times",
			article: "# Night Bus\n\n- Director: Ines Vale\n- Running time: 95 minutes (Cannes), 1 h 30 min (theatrical)\n\n## Plot\nA bus at night.\n\n## See also\n- Buses\n",
			want: []string{
				"description@7: A bus at night.", "director: Ines Vale@3", "runtime: 95@4", "title: Night Bus@1",
			},
			notes: []string{`4: Running time: "95 minutes (Cannes), 1 h 30 min (theatrical)" states more than one running time; kept the first, 95 min`},
		},
		{
			// Audit 15: a short's running time, to the second. "12:40"
			// was 12 hours 40 minutes; the others lost their seconds, and
			// seconds alone were no running time.
			name:    "running times with seconds",
			article: "= Tin Kite (2020 film) =\n\nTin Kite\n- Director: Mara Olsen\n- Running time: 14:05\n",
			want:    []string{"director: Mara Olsen@4", "runtime: 14 min 5 s@5", "title: Tin Kite@1", "year: 2020@1"},
		},
		{
			name:    "minutes and seconds in words",
			article: "= Tin Kite (2020 film) =\n\nTin Kite\n- Director: Mara Olsen\n- Running time: 9 min 15 s (festival cut)[2]\n",
			want:    []string{"director: Mara Olsen@4", "runtime: 9 min 15 s@5", "title: Tin Kite@1", "year: 2020@1"},
		},
		{
			name:    "seconds alone",
			article: "= Tin Kite (2020 film) =\n\nTin Kite\n- Director: Mara Olsen\n- Running time: 555 seconds\n",
			want:    []string{"director: Mara Olsen@4", "runtime: 9 min 15 s@5", "title: Tin Kite@1", "year: 2020@1"},
		},
		{
			name:    "hours, minutes and seconds",
			article: "= Tin Kite (2020 film) =\n\nTin Kite\n- Director: Mara Olsen\n- Running time: 1:02:07\n",
			want:    []string{"director: Mara Olsen@4", "runtime: 62 min 7 s@5", "title: Tin Kite@1", "year: 2020@1"},
		},
		{
			// "6:20" may be six hours or six minutes: no guess.
			name:    "a clock time that cannot be told",
			article: "= Tin Kite (2020 film) =\n\nTin Kite\n- Director: Mara Olsen\n- Running time: 6:20\n",
			want:    []string{"director: Mara Olsen@4", "title: Tin Kite@1", "year: 2020@1"},
			notes:   []string{`5: Running time: "6:20" may be hours and minutes or minutes and seconds; left out`},
		},
		{
			// Audit 15: German, Italian and Spanish Wikipedia's articles
			// were no film documents, and read as one their infobox was
			// the abstract. Labels, sections, cast lines ("Actor:
			// Character"), running times in their words.
			name: "German article",
			article: `= Der Fährmann von Ahlbeck =

Der Fährmann von Ahlbeck
- Originaltitel: The Ferryman of Ahlbeck
- Produktionsland: Deutschland, Polen
- Originalsprache: Deutsch, Polnisch
- Erscheinungsjahr: 2017
- Länge: 1 Stunde und 41 Minuten
- Altersfreigabe: FSK 6
- Regie: Wiebke Sander
- Drehbuch: Wiebke Sander, Jerzy Malek
- Produktion: Till Osterkamp
- Musik: Henrike Vogt
- Kamera: Jerzy Malek
- Schnitt: Paula Strunz
- Besetzung: Ole Hansen, Marta Wilk

Der Fährmann von Ahlbeck ist ein deutsch-polnischer Spielfilm aus dem Jahr 2017.

== Handlung ==
Ein Fährmann verliert seine Fähre.

== Besetzung ==
- Ole Hansen: Bernd, der Fährmann
- Marta Wilk als Ewa
- Hugo Brandl: Erzähler (Stimme)

== Kritik ==
Gelobt.

== Weblinks ==
- Der Fährmann von Ahlbeck in der Internet Movie Database
`,
			want: []string{
				"abstract@18: Der Fährmann von Ahlbeck ist ein deutsch-polnischer Spielfilm aus dem Jahr 2017.", "author: Jerzy Malek@11", "author: Wiebke Sander@11",
				"cast: Hugo Brandl as Erzähler [voice]@26", "cast: Marta Wilk as Ewa@25", "cast: Marta Wilk@16",
				"cast: Ole Hansen as Bernd {der Fährmann}@24", "cast: Ole Hansen@16", "composer: Henrike Vogt@13",
				"content rating: FSK 6@9", "contributor/Cinematography: Jerzy Malek@14", "contributor/Editing: Paula Strunz@15",
				"country: Deutschland@5", "country: Polen@5", "description@21: Ein Fährmann verliert seine Fähre.",
				"director: Wiebke Sander@10", "language: Deutsch@6", "language: Polnisch@6",
				"other title: The Ferryman of Ahlbeck@4", "producer: Till Osterkamp@12", "runtime: 101@8",
				"title: Der Fährmann von Ahlbeck@1", "year: 2017@7",
			},
			notes: []string{`29: section "Kritik" is not mapped: 1 line left out (line 29), the first: "Gelobt."`},
		},
		{
			name: "Italian article",
			article: `= La strada dei gabbiani =

La strada dei gabbiani
- Titolo originale: La strada dei gabbiani
- Lingua originale: italiano, sardo
- Paese di produzione: Italia
- Anno: 2015
- Durata: 93 minuti
- Genere: commedia
- Regia: Bruno Pittau
- Soggetto: Bruno Pittau
- Sceneggiatura: Bruno Pittau, Lia Sechi
- Casa di produzione: Maestrale Film
- Fotografia: Nino Cossu
- Montaggio: Lia Sechi
- Musiche: Efisio Mura
- Interpreti e personaggi: Dario Melis: Tonio, Grazia Loi: Maria

La strada dei gabbiani è un film del 2015 diretto da Bruno Pittau.

== Trama ==
Un pescatore sardo sogna il continente.

== Interpreti e personaggi ==
- Dario Melis: Tonio
- Grazia Loi come Maria
- Gavino Porcu: il prete (non accreditato)

== Collegamenti esterni ==
- Sito ufficiale
`,
			want: []string{
				"abstract@19: La strada dei gabbiani è un film del 2015 diretto da Bruno Pittau.", "author/Story: Bruno Pittau@11", "author: Bruno Pittau@12",
				"author: Lia Sechi@12", "cast: Dario Melis as Tonio@17", "cast: Gavino Porcu as il prete [uncredited]@27",
				"cast: Grazia Loi as Maria@17", "composer: Efisio Mura@16", "contributor/Cinematography: Nino Cossu@14",
				"contributor/Editing: Lia Sechi@15", "country: Italia@6", "description@22: Un pescatore sardo sogna il continente.",
				"director: Bruno Pittau@10", "genre: commedia@9", "language: italiano@5",
				"language: sardo@5", "production company: Maestrale Film@13", "runtime: 93@8",
				"title: La strada dei gabbiani@1", "year: 2015@7",
			},
			notes: []string{`25: 2 cast entries repeat an earlier one word for word (the first on this line); left out`},
		},
		{
			// Audit 17: the shorter labels of other articles' infoboxes,
			// in Italian and French ("Paese", "Pays"), were left out.
			name: "Italian and French short labels",
			article: `= Il giardino d'inverno (1990 film) =

Il giardino d'inverno
- Regia: Ada Lind
- Paese: Stati Uniti d’America, Unione Sovietica
- Lingua: inglese, russo
- Pays: Belgique
- Langue originale: français

Il giardino d'inverno è un film del 1990.
`,
			want: []string{
				"abstract@10: Il giardino d'inverno è un film del 1990.", "country: Belgique@7",
				"country: Stati Uniti d’America@5", "country: Unione Sovietica@5", "director: Ada Lind@4",
				"language: français@8", "language: inglese@6", "language: russo@6",
				"title: Il giardino d'inverno@1", "year: 1990@1",
			},
		},
		{
			name: "Spanish article",
			article: `= Las salinas del norte =

Las salinas del norte
- Título original: Las salinas del norte
- Dirección: Remedios Albar
- Producción: Celso Ibarra
- Guion: Remedios Albar
- Música: Jacinto Olmo
- Fotografía: Nerea Goñi
- Montaje: Nerea Goñi
- Protagonistas: Lucas Varela, Irene Peña
- País: Chile
- Año: 2011
- Idioma(s): español, mapudungun
- Duración: 1 hora y 28 minutos
- Productora: Salar Films

Las salinas del norte es una película chilena de 2011.

== Sinopsis ==
Dos hermanos heredan una salina.

== Reparto ==
- Lucas Varela como Tomás
- Irene Peña: Sofía

== Premios ==
Ninguno.
`,
			want: []string{
				"abstract@18: Las salinas del norte es una película chilena de 2011.", "author: Remedios Albar@7", "cast: Irene Peña as Sofía@25",
				"cast: Irene Peña@11", "cast: Lucas Varela as Tomás@24", "cast: Lucas Varela@11",
				"composer: Jacinto Olmo@8", "contributor/Cinematography: Nerea Goñi@9", "contributor/Editing: Nerea Goñi@10",
				"country: Chile@12", "description@21: Dos hermanos heredan una salina.", "director: Remedios Albar@5",
				"language: español@14", "language: mapudungun@14", "producer: Celso Ibarra@6",
				"production company: Salar Films@16", "runtime: 88@15", "title: Las salinas del norte@1",
				"year: 2011@13",
			},
			notes: []string{`28: section "Premios" is not mapped: 1 line left out (line 28), the first: "Ninguno."`},
		},
		{
			// An infobox whose labels film2ld does not know, in the
			// sample's layout or without list marks among known ones, is
			// still an infobox: each unknown field is a note, none is
			// pasted into the abstract.
			name: "unknown labels are notes, not the abstract",
			article: `= Vento di sale =

Vento di sale
- Consulente: Piero Lai
- Regia: Anna Serra
Catering: Rita Onnis
- Anno: 2019

Vento di sale è un film del 2019.
`,
			want: []string{
				"abstract@9: Vento di sale è un film del 2019.", "director: Anna Serra@5",
				"title: Vento di sale@1", "year: 2019@7",
			},
			notes: []string{
				`4: infobox field "Consulente" is not known to film2ld; left out: "Piero Lai"`,
				`6: infobox field "Catering" is not known to film2ld; left out: "Rita Onnis"`,
			},
		},
		{
			// The lead's year and title in another language's words
			// (the English "is a 2019 … film" only, before).
			name: "lead in German",
			article: `= Der Glasdeich =

Der Glasdeich
- Director: Mara Velden

Der Glasdeich (dänisch: Glasdiget) ist ein deutsch-dänischer Spielfilm von Mara Velden aus dem Jahr 2019.
`,
			want: []string{
				"abstract@6: Der Glasdeich (dänisch: Glasdiget) ist ein deutsch-dänischer Spielfilm von Mara Velden aus dem Jahr 2019.", "director: Mara Velden@4", "other title: Glasdiget@6", "title: Der Glasdeich@1", "year: 2019@6",
			},
		},
		{
			// The lead's year and title in another language's words
			// (the English "is a 2019 … film" only, before).
			name: "lead in German, past tense and no bracket",
			article: `= Der Glasdeich =

Der Glasdeich
- Director: Mara Velden

Der Glasdeich war ein deutscher Fernsehfilm aus dem Jahre 1987 über einen Deich.
`,
			want: []string{
				"abstract@6: Der Glasdeich war ein deutscher Fernsehfilm aus dem Jahre 1987 über einen Deich.", "director: Mara Velden@4", "title: Der Glasdeich@1", "year: 1987@6",
			},
		},
		{
			// The lead's year and title in another language's words
			// (the English "is a 2019 … film" only, before).
			name: "lead in Italian",
			article: `= Il faro =

Il faro
- Director: Mara Velden

Il faro (The Lighthouse) è un film drammatico italiano del 2019 diretto da Mara Velden.
`,
			want: []string{
				"abstract@6: Il faro (The Lighthouse) è un film drammatico italiano del 2019 diretto da Mara Velden.", "director: Mara Velden@4", "other title: The Lighthouse@6", "title: Il faro@1", "year: 2019@6",
			},
		},
		{
			// The lead's year and title in another language's words
			// (the English "is a 2019 … film" only, before).
			name: "lead in Spanish",
			article: `= El faro =

El faro
- Director: Mara Velden

El faro (The Lighthouse) es una película española de 2018 dirigida por Mara Velden.
`,
			want: []string{
				"abstract@6: El faro (The Lighthouse) es una película española de 2018 dirigida por Mara Velden.", "director: Mara Velden@4", "other title: The Lighthouse@6", "title: El faro@1", "year: 2018@6",
			},
		},
		{
			// The lead's year and title in another language's words
			// (the English "is a 2019 … film" only, before).
			name: "lead in French",
			article: `= Le Phare =

Le Phare
- Director: Mara Velden

Le Phare (The Lighthouse) est un film belge réalisé par Mara Velden, sorti en 2019.
`,
			want: []string{
				"abstract@6: Le Phare (The Lighthouse) est un film belge réalisé par Mara Velden, sorti en 2019.", "director: Mara Velden@4", "other title: The Lighthouse@6", "title: Le Phare@1", "year: 2019@6",
			},
		},
		{
			// The lead's year and title in another language's words
			// (the English "is a 2019 … film" only, before).
			name: "lead in French, de",
			article: `= Le Phare =

Le Phare
- Director: Mara Velden

Le Phare est un court métrage français de 2021.
`,
			want: []string{
				"abstract@6: Le Phare est un court métrage français de 2021.", "director: Mara Velden@4", "title: Le Phare@1", "year: 2021@6",
			},
		},
		{
			// French Wikipedia's cast section is "Distribution"; in its
			// infobox (or fiche) the label is the distributor. The section
			// was not mapped, and the cast lost.
			name: "French Distribution section is the cast",
			article: `= Le Phare =

Le Phare
- Réalisation : Mara Velden
- Distribution : Cinéart

Le Phare est un film belge réalisé par Mara Velden.

== Distribution ==
- Ana Ruiz : Chiara
- Pia Holm : Nora
`,
			want: []string{
				"abstract@7: Le Phare est un film belge réalisé par Mara Velden.", "cast: Ana Ruiz as Chiara@10",
				"cast: Pia Holm as Nora@11", "contributor/Distribution: Cinéart@5", "director: Mara Velden@4",
				"title: Le Phare@1",
			},
		},
		{
			// In an English article a "Distribution" section is about
			// the film's release: reported, never read as cast.
			name: "English Distribution section is not the cast",
			article: `= The Lighthouse (2019 film) =

The Lighthouse
- Director: Mara Velden

The Lighthouse is a 2019 Belgian film directed by Mara Velden.

== Release ==
=== Distribution ===
- Benelux: Cinéart
`,
			want: []string{
				"abstract@6: The Lighthouse is a 2019 Belgian film directed by Mara Velden.", "director: Mara Velden@4",
				"title: The Lighthouse@1", "year: 2019@1",
			},
			notes: []string{
				`10: section "Distribution" is not mapped: 1 line left out (line 10), the first: "- Benelux: Cinéart"`,
			},
		},
		{
			// An anthology's segments, under the cast or on their own, in
			// any language: a note says what they are; under "Cast" they
			// were actors named after the segments.
			name: "segments are a note, never cast",
			article: `= Four Harbours (2019 film) =

Four Harbours
- Director: Mara Velden

Four Harbours is a 2019 anthology film.

==Cast==
- Ana Ruiz as Chiara

=== Episodes ===
- The Ferry – Mara Velden

== Episodi ==
- Il traghetto (Mara Velden)
`,
			want: []string{
				"abstract@6: Four Harbours is a 2019 anthology film.", "cast: Ana Ruiz as Chiara@9",
				"director: Mara Velden@4", "title: Four Harbours@1", "year: 2019@1",
			},
			notes: []string{
				`12: section "Episodes" lists the film's segments, which film2ld does not map (schema.org's hasPart could hold each as a work of its own): 1 line left out (line 12), the first: "- The Ferry – Mara Velden"`,
				`15: section "Episodi" lists the film's segments, which film2ld does not map (schema.org's hasPart could hold each as a work of its own): 1 line left out (line 15), the first: "- Il traghetto (Mara Velden)"`,
			},
		},
		{
			// Crew jobs with no schema.org property of their own, in an
			// infobox of any language the tables read, are contributors
			// with an English role name; they were unknown fields.
			name: "common crew jobs are contributors",
			article: `= Vento di sale =

Vento di sale
- Regia: Anna Serra
- Fonico: Piero Lai
- Costumi: Rita Onnis
- Colorist: Ada Lind
- Chef électricien: Ivo Lund
- Key grip: Tom Berg
- Stuntkoordination: Ola Dahl

Vento di sale è un film.
`,
			want: []string{
				"abstract@12: Vento di sale è un film.", "contributor/Colorist: Ada Lind@7",
				"contributor/Costumes: Rita Onnis@6", "contributor/Gaffer: Ivo Lund@8", "contributor/Key grip: Tom Berg@9",
				"contributor/Sound: Piero Lai@5", "contributor/Stunts: Ola Dahl@10", "director: Anna Serra@4",
				"title: Vento di sale@1",
			},
		},
		{
			// Audit 15: a television film's "Release" and "Network", and
			// a documentary's "Featuring", were unknown fields.
			name:    "television film and documentary labels",
			article: "= Snow on Route 9 =\n\nSnow on Route 9\n- Directed by: Hal Brisco\n- Featuring: Nell Arkwright, Osei Danquah\n- Network: Prairie One\n- Release: March 2, 2014\n- Original release: 9 March 2014 (Yukon)\n",
			want: []string{
				"cast: Nell Arkwright@5", "cast: Osei Danquah@5", "director: Hal Brisco@4",
				"release: 2014-03-02|@7", "release: 2014-03-09|Yukon@8", "title: Snow on Route 9@1", "unmapped: Network=Prairie One@6",
			},
		},
		{
			// Audit 15: the place was "United States, limited".
			name:    "kind of release after the place",
			article: "= Glass Orchard (2019 film) =\n\nGlass Orchard\n- Directed by: Hal Brisco\n- Release dates: 2 May 2019 (Canada, limited), 9 May 2019 (Canada; wide), 1 June 2019 (premiere), 3 July 2019 (Busan, Korea)\n",
			want: []string{
				"director: Hal Brisco@4", "release: 2019-05-02|Canada@5", "release: 2019-05-09|Canada@5", "release: 2019-06-01|@5",
				"release: 2019-07-03|Busan, Korea@5", "title: Glass Orchard@1", "year: 2019@1",
			},
			notes: []string{
				`5: Release dates: "Canada, limited": the kind of release, "limited", is left out of the place`,
				`5: Release dates: "Canada; wide": the kind of release, "wide", is left out of the place`,
				`5: Release dates: "premiere": the kind of release, "premiere", is left out of the place`,
			},
		},
		{
			// Audit 15: an anthology's directors, each with the segment
			// they directed in brackets, were no people's names and left
			// out; an "(uncredited)" composer too.
			name: "anthology segments and remarks after crew names",
			article: `= Six Ferries (2016 film) =

Six Ferries
- Directed by:
  - Oona Pellervo ("Dawn")
  - Ravi Desai and Ines Hoyer (segment "Crossing")
  - Yuki Mori (“Last Boat”)
- Written by: Oona Pellervo ("Dawn"), Karl Udd
- Music by: Johann Pachelbel (uncredited), Mirja Salo
`,
			want: []string{
				"author: Karl Udd@8", "author: Oona Pellervo@8", "composer: Johann Pachelbel@9", "composer: Mirja Salo@9",
				"director: Ines Hoyer@6", "director: Oona Pellervo@5", "director: Ravi Desai@6", "director: Yuki Mori@7",
				"title: Six Ferries@1", "year: 2016@1",
			},
			notes: []string{
				`5: Directed by: "Oona Pellervo (\"Dawn\")": the segment in brackets, "Dawn", is left out`,
				`6: Directed by: "Ravi Desai and Ines Hoyer (segment \"Crossing\")": the segment in brackets, segment "Crossing", is left out`,
				`7: Directed by: "Yuki Mori (“Last Boat”)": the segment in brackets, “Last Boat”, is left out`,
				`8: Written by: "Oona Pellervo (\"Dawn\"), Karl Udd": the segment in brackets, "Dawn", is left out`,
				`9: Music by: "Johann Pachelbel (uncredited)": the remark in brackets is left out`,
			},
		},
		{
			// Audit 18: "Jr." and "ASC" after a comma were people of
			// their own, "Jr." with Sammy Davis's part.
			name: "a generational suffix and a society's letters after a comma",
			article: "= Harbour Nine =\n\n- Starring: Lon Chaney, Jr., Ana Ruiz and Ole Berg, III\n" +
				"- Cinematography: Ida Lund, A.S.C., BSC\n- Edited by: Kim Falk ACE\n- Produced by: Bo Ek Jr., Lise Holm, Sr\n\n" +
				"Harbour Nine is a 1961 film.\n\n==Cast==\n- Lon Chaney, Jr. as the Keeper\n- Ole Berg, III – Tom\n",
			want: []string{
				"abstract@8: Harbour Nine is a 1961 film.", "title: Harbour Nine@1", "year: 1961@8",
				"cast: Lon Chaney, Jr.@3", "cast: Ana Ruiz@3", "cast: Ole Berg, III@3",
				"cast: Lon Chaney, Jr. as the Keeper@11", "cast: Ole Berg, III as Tom@12",
				"contributor/Cinematography: Ida Lund@4", "contributor/Editing: Kim Falk@5",
				"producer: Bo Ek Jr.@6", "producer: Lise Holm, Sr@6",
			},
			notes: []string{
				`4: cinematography credit "Ida Lund, A.S.C., BSC": A.S.C., BSC after the name are professional societies' or honours' letters, not a person; left out`,
				`5: editing credit "Kim Falk ACE": ACE after the name is a professional society's or an honour's letters, not a person; left out`,
			},
		},
		{
			// Audit 18: both writers were left out, "it holds an
			// annotation in brackets".
			name: "a credit's part in brackets after each name",
			article: "= Marsh Light (1926 film) =\n\n- Writer: Vera Holt (story), Amos Reed (titles)\n" +
				"- Screenplay by: Nikhil Rao (screenplay); Farah Qazi (dialogues)\n- Music by: Ana Lis (songs)\n" +
				"- Cinematography: Kim Falk (second unit)\n",
			want: []string{
				"title: Marsh Light@1", "year: 1926@1", "author/Story: Vera Holt@3", "author/Titles: Amos Reed@3",
				"author: Nikhil Rao@4", "author/Dialogue: Farah Qazi@4", "composer/Songs: Ana Lis@5",
				"contributor/Cinematography: Kim Falk@6",
			},
			notes: []string{
				`3: Writer: "Vera Holt (story)": the part in brackets, story, is the credit's role name "Story"`,
				`3: Writer: "Amos Reed (titles)": the part in brackets, titles, is the credit's role name "Titles"`,
				`4: Screenplay by: "Nikhil Rao (screenplay)": the part in brackets, screenplay, is what the label credits`,
				`4: Screenplay by: "Farah Qazi (dialogues)": the part in brackets, dialogues, is the credit's role name "Dialogue"`,
				`5: Music by: "Ana Lis (songs)": the part in brackets, songs, is the credit's role name "Songs"`,
				`6: Cinematography: "Kim Falk (second unit)": the part in brackets, second unit, is left out (the credit's role is Cinematography)`,
			},
		},
		{
			// Audit 18: a remark after the part became a second
			// character; "respectively" gave both actors both
			// characters; a dub's actors with their languages were left
			// out; the name after a description was the description.
			name: "remarks, respectively, a dub's languages, a description before the name",
			article: "= Paper Harbour =\n\nPaper Harbour is a 2009 animated film.\n\n==Voice cast==\n" +
				"- Ines Vale as Nora; Vale replaced Ana Ruiz in 2008\n" +
				"- Kofi Mensah as Ebo, a tugboat. He also sang the songs.\n" +
				"  - Mensah recorded his lines in Accra.\n" +
				"- Ida Lund and Bo Ek as Pip and the Mayor respectively\n" +
				"- Mia Sato (Japanese); Erin Dale (English) as Hana\n" +
				"- Tom Berg as the lighthouse keeper, Old Sven\n" +
				"- Lise Holm and Jan Lis (the gulls)\n",
			want: []string{
				"abstract@3: Paper Harbour is a 2009 animated film.", "title: Paper Harbour@1", "year: 2009@3",
				"cast: Ines Vale as Nora [voice]@6", "cast: Kofi Mensah as Ebo [voice] {a tugboat}@7",
				"cast: Ida Lund as Pip [voice]@9", "cast: Bo Ek as the Mayor [voice]@9",
				"cast: Mia Sato as Hana [voice]@10", "cast: Erin Dale as Hana [voice]@10",
				"cast: Tom Berg as Old Sven [voice] {the lighthouse keeper}@11",
				"cast: Lise Holm as the gulls [voice]@12", "cast: Jan Lis as the gulls [voice]@12",
			},
			notes: []string{
				`6: Voice cast: "Ines Vale as Nora; Vale replaced Ana Ruiz in 2008": the remark after the part, "Vale replaced Ana Ruiz in 2008", is left out`,
				`7: Voice cast: "Kofi Mensah as Ebo, a tugboat. He also sang the songs.": the remark after the part, "He also sang the songs.", is left out`,
				`8: Voice cast: the remark under Kofi Mensah's part is left out: "Mensah recorded his lines in Accra."`,
				`10: Voice cast: "Mia Sato (Japanese); Erin Dale (English)": each actor is kept with the part; the languages in brackets (Japanese, English) are left out (schema.org has no term for a version's cast)`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mappertest.Layout(t, tt.article, "a.txt", Parse, tt.want, tt.notes)
		})
	}
}

// TestLabels checks every label and heading in the tables, so that a new
// variant is one table line plus the row it adds here.
func TestLabels(t *testing.T) {
	for label := range labels() {
		if labelKey(label) != label {
			t.Errorf("label %q is not in its normal form %q", label, labelKey(label))
		}
		l := classify(1, "- "+strings.ToUpper(label[:1])+label[1:]+": x")
		if !l.known || !l.dashed {
			t.Errorf("label %q is not recognised in a list item", label)
		}
	}
	for heading, fam := range sections() {
		p := &parser{}
		r := []rune(heading) // "épisodes": its first letter is two bytes
		p.startSection(line{text: strings.ToUpper(string(r[:1])) + string(r[1:]) + "[1]", level: 2})
		if fam == familyFrenchCast {
			fam = familyUnmapped // no French lead above it
		}
		if p.family != fam {
			t.Errorf("heading %q: family %v, want %v", heading, p.family, fam)
		}
	}
}

// TestClassify pins what each line shape is.
func TestClassify(t *testing.T) {
	tests := []struct {
		in   string
		want kind
	}{
		{"", kindBlank},
		{"= Illegal (2010 film) =", kindTitle},
		{"# Illegal", kindTitle},
		{"==Plot==", kindSection},
		{"=== Voice cast ===", kindSection},
		{"## Cast", kindSection},
		{"Cast[edit]", kindSection},
		{"[edit]", kindBoilerplate},
		{"From Wikipedia, the free encyclopedia", kindBoilerplate},
		{"- Director: A", kindItem},
		{"Directed by: A", kindLabel},
		{"Directed by\tA", kindLabel},
		{"Directed by", kindLabel},
		{"Running time 95 minutes", kindLabel},
		{"Note: this is prose.", kindProse},
		{"  - A", kindItem},
		{"• A", kindItem},
		{"  A", kindContinuation},
		{"Illegal is a 2010 film.", kindProse},
	}
	for _, tt := range tests {
		if got := classify(1, tt.in); got.kind != tt.want {
			t.Errorf("classify(%q) = %v; want %v", tt.in, got.kind, tt.want)
		}
	}
}

// A cast table's row loses the actor's disambiguation once, with one
// note, and the character's bracket stays its own: the whole row was read
// again, which noted the actor's bracket twice and the character's as
// left out while it was kept as the description.
func TestCastTableRowDisambiguation(t *testing.T) {
	article := "= Salt Road (2016 film) =\n\nSalt Road is a 2016 drama film.\n\n== Cast ==\n" +
		"Anne Coesens (actress)\tTania\nAna Ruiz\tChiara (singer)\n"
	src, err := Parse(strings.NewReader(article), "a.txt")
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, n := range src.Notes {
		if strings.Contains(n.Message, "actress") || strings.Contains(n.Message, "singer") {
			notes = append(notes, n.Message)
		}
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "actress") {
		t.Errorf("notes %q; want one, on the actress's bracket", notes)
	}
	got := map[string]string{}
	for _, m := range src.Film.Cast {
		got[m.Actor.Value] = m.Character + "|" + m.Description()
	}
	if got["Anne Coesens"] != "Tania|" || got["Ana Ruiz"] != "Chiara|singer" {
		t.Errorf("cast %q", got)
	}
}

// Package jobs names the film crew's jobs that schema.org has no
// property of their own for (a gaffer, a colourist, a stunt coordinator):
// each is a contributor with a role name, in whichever mapper's document
// credits it. Both the encyclopedia's infobox and the prize page's labels
// read them from this one table, after their own, so that a job known to
// one kind of document is known to the other (a gaffer was an unknown
// role on a prize page, and left out of an article's infobox).
//
// Call [Lookup] with a label as the document writes it.
package jobs

import (
	"bytes"
	"strings"
	"sync"

	"github.com/film2ld/film2ld/mapping/internal/locale"
	"github.com/film2ld/film2ld/mapping/internal/text"
)

// Lookup returns the role name of a crew label ("Gaffer", "Chef électricien",
// "Colorist", "Étalonnage") and whether the label names a crew job the
// table knows. The role name is English whatever the label's language, so
// that two documents crediting one person for one job in two languages
// credit one role.
func Lookup(label string) (roleName string, ok bool) {
	// An ASCII label has no accents to strip: its key is looked up from
	// a buffer, where key's copies were an allocation or two a label.
	var buf [64]byte
	if b, ascii := locale.AppendLowerASCII(buf[:0], text.Clean(label)); ascii {
		b, _ = bytes.CutSuffix(b, colon)
		roleName, ok = byLabel()[string(b)]
		return roleName, ok
	}
	roleName, ok = byLabel()[key(label)]
	return roleName, ok
}

var colon = []byte(":")

// LookupKey is Lookup of a label in ASCII given as its key: cleaned (see
// text.Clean), in lower case, without its trailing colon. A mapper that
// has made the key for its own table looks it up here too without
// another copy.
func LookupKey(key []byte) (roleName string, ok bool) {
	roleName, ok = byLabel()[string(key)]
	return roleName, ok
}

// key is a label's form in the table: lower case, single spaces, no
// accents (pages write "Etalonnage" and "Étalonnage"), no trailing colon.
func key(label string) string {
	return locale.StripAccents(strings.TrimSuffix(strings.ToLower(text.Clean(label)), ":"))
}

// byLabel maps each label, as key normalises it, to its role name. A new
// label is one word in the list of its job.
var byLabel = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for roleName, labels := range table {
		for _, l := range strings.Split(labels, "|") {
			if l = strings.TrimSpace(l); l != "" {
				m[key(l)] = roleName
			}
		}
	}
	return m
})

// table lists, for each role name, the labels that credit it, in
// English, French, German, Spanish and Italian (the languages of the
// other tables), separated by "|". A label must name one job only: "Son"
// is sound, but "Script" is left to each mapper's own table (a prize
// page's script is its screenplay, its writer an author).
var table = map[string]string{
	"Sound": `sound | sound design | sound designer | sound designers | sound recording | sound recordist |
		production sound mixer | son | conception sonore | design sonore | ingénieur du son | ingénieure du son |
		ton | tongestaltung | sounddesign | sound design | tonmeister | tonmeisterin | originalton |
		sonido | diseño de sonido | diseñador de sonido | sonidista | sonido directo |
		suono | fonico | presa diretta | progettazione del suono | sound designer`,
	"Sound mixing": `sound mixing | sound mixer | re-recording mixer | mixage | mixeur | mixeuse | mischung | tonmischung |
		mezcla de sonido | mezclador de sonido | missaggio | mixer`,
	"Foley":         `foley | foley artist | bruitage | bruiteur | bruiteuse | geräusche | geräuschemacher | efectos sala | foley | rumori | rumorista`,
	"Boom operator": `boom operator | perchman | perchiste | tonassistenz | microfonista | operador de pértiga`,
	"Art direction": `art direction | art director | art directors | direction artistique | directeur artistique | directrice artistique |
		dirección de arte | director de arte | directora de arte | direzione artistica | direttore artistico`,
	"Production design": `production design | production designer | production designers | chef décorateur | cheffe décoratrice |
		szenenbild | szenenbildner | szenenbildnerin | ausstattung | diseño de producción | scenografo | scenografa`,
	"Set design": `set design | set designer | set decoration | set decorator | décors | décor | décorateur | décoratrice |
		bauten | filmbauten | escenografía | escenógrafo | escenógrafa | ambientación | scenografia | arredamento`,
	"Costumes": `costumes | costume | costume design | costume designer | costume designers | costumière | costumier | chef costumière |
		kostüme | kostüm | kostümbild | kostümbildner | kostümbildnerin | vestuario | diseño de vestuario | figurinista |
		costumi | costumista`,
	"Make-up": `make-up | makeup | make-up artist | makeup artist | hair and make-up | hair and makeup | maquillage |
		maquilleuse | maquilleur | maske | maskenbild | maskenbildner | maskenbildnerin | maquillaje | trucco | truccatore | truccatrice`,
	"Hair": `hair | hairstyling | hair stylist | hairdresser | coiffure | coiffeuse | coiffeur | frisuren | peluquería | peluquero |
		peluquera | acconciature | parrucchiere | parrucchiera`,
	"Casting": `casting | casting director | casting directors | casting by | directeur de casting | directrice de casting |
		rollenbesetzung | castingdirektor | castingdirektorin | director de casting | directora de casting |
		direttore del casting | direttrice del casting`,
	"Visual effects": `visual effects | vfx | vfx supervisor | visual effects supervisor | vfx supervision | digital effects |
		effets visuels | superviseur des effets visuels | superviseuse des effets visuels | effets numériques |
		visuelle effekte | vfx-supervisor | vfx-supervision | digitale effekte | efectos visuales |
		supervisor de efectos visuales | supervisora de efectos visuales | efectos digitales | effetti visivi |
		supervisore degli effetti visivi | effetti digitali`,
	"Special effects": `special effects | sfx | special effects supervisor | effets spéciaux | spezialeffekte | efectos especiales |
		effetti speciali`,
	"Animation": `animation | animator | animators | animateur | animatrice | animación | animador | animadora | animazione | animatore`,
	"Stunts": `stunts | stunt coordinator | stunt co-ordinator | stunt coordination | stunt director | action director | cascades |
		coordinateur des cascades | coordinatrice des cascades | régleur de cascades | régleuse de cascades | cascadeur |
		stuntkoordination | stuntkoordinator | stuntkoordinatorin | stunt-koordination | stuntman | stuntfrau |
		coordinador de especialistas | coordinadora de especialistas | especialistas | dobles de acción |
		coordinatore stunt | coordinatrice stunt | controfigure`,
	"Gaffer": `gaffer | chief lighting technician | chef électricien | cheffe électricienne | chef électro | oberbeleuchter |
		oberbeleuchterin | jefe de eléctricos | jefa de eléctricos | capo elettricista`,
	"Lighting": `lighting | lighting design | éclairage | lumière | licht | lichtgestaltung | iluminación | luci | illuminazione`,
	"Key grip": `key grip | chef machiniste | cheffe machiniste | bühnenmeister | key-grip | jefe de maquinistas | capo macchinista`,
	"Grip":     `grip | grips | machiniste | machinistes | bühne | maquinista | maquinistas | macchinista | macchinisti`,
	"Colorist": `colorist | colourist | color grading | colour grading | color grader | colour grader | grading |
		color correction | colour correction | étalonnage | étalonneur | étalonneuse | coloriste | farbkorrektur |
		lichtbestimmung | colorist | coloristin | color grading | etalonaje | colorista | corrección de color |
		correzione colore | correzione del colore`,
	"Script supervisor": `script supervisor | script supervision | continuity | continuity supervisor | scripte | script-continuity |
		script/continuity | continuista | continuidad | supervisor de guion | segretaria di edizione | segretario di edizione`,
	"Camera operator": `camera operator | steadicam | steadicam operator | cadreur | cadreuse | cadre | kameraführung | kameraoperator |
		operador de cámara | operadora de cámara | operatore di macchina | operatrice di macchina | operatore`,
	"Assistant director": `assistant director | first assistant director | 1st assistant director | premier assistant réalisateur |
		première assistante réalisatrice | assistant réalisateur | assistante réalisatrice | regieassistenz | regieassistent |
		regieassistentin | ayudante de dirección | asistente de dirección | aiuto regista | assistente alla regia`,
	"Production manager": `production manager | unit production manager | directeur de production | directrice de production |
		produktionsleitung | herstellungsleitung | produktionsleiter | produktionsleiterin | director de producción |
		directora de producción | jefe de producción | jefa de producción | direttore di produzione | direttrice di produzione |
		organizzatore generale | organizzatrice generale`,
	"Location manager": `location manager | location scout | régisseur général | régisseuse générale | repérages | motivsuche |
		aufnahmeleitung | localizaciones | jefe de localizaciones | location manager | ricerca location`,
	"Music supervisor": `music supervisor | music supervision | superviseur musical | superviseuse musicale | supervision musicale |
		music supervisor | musikberatung | supervisor musical | supervisión musical | supervisore musicale | consulenza musicale`,
	"Choreography": `choreography | choreographer | chorégraphie | chorégraphe | choreografie | choreograf | choreografin | coreografía |
		coreógrafo | coreógrafa | coreografia | coreografo | coreografa`,
	"Storyboard": `storyboard | storyboard artist | storyboarder`,
	"Executive producer": `executive producer | executive producers | producteur délégué | productrice déléguée | producteur exécutif |
		productrice exécutive | ausführender produzent | ausführende produzentin | executive producer | productor ejecutivo |
		productora ejecutiva | produttore esecutivo | produttrice esecutiva`,
	"Line producer": `line producer | line producers | line producer`,
	"Associate producer": `associate producer | associate producers | producteur associé | productrice associée | productor asociado |
		productora asociada | produttore associato | produttrice associata`,
	"Co-producer": `co-producer | co-producers | coproducer | coproducteur | coproductrice | koproduzent | koproduzentin | coproductor |
		coproductora | coproduttore | coproduttrice`,
	"Dialogue coach": `dialogue coach | dialect coach`,
	"Subtitles":      `subtitles | subtitling | sous-titres | sous-titrage | untertitel | subtítulos | sottotitoli`,
}

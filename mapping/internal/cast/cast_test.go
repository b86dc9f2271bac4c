package cast

import (
	"fmt"
	"testing"
)

// One row per cast-line style film pages use; the want column is
// actor|character|role names|description.
func TestParse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Anne Coesens as Tania", "Anne Coesens|Tania|[]|"},
		// An annotation after another separator than a bracket, or in
		// square brackets, is a role name as in round ones: it was kept
		// in the character ("Chiara – cameo") or its description.
		{"Ana Ruiz as Chiara, cameo", "Ana Ruiz|Chiara|[cameo]|"},
		{"Ana Ruiz as Chiara – uncredited", "Ana Ruiz|Chiara|[uncredited]|"},
		{"Ana Ruiz as Chiara - voice", "Ana Ruiz|Chiara|[voice]|"},
		{"Ana Ruiz (Chiara; cameo)", "Ana Ruiz|Chiara|[cameo]|"},
		{"Ana Ruiz (Chiara, voice, uncredited)", "Ana Ruiz|Chiara|[voice uncredited]|"},
		{"Ana Ruiz as Chiara [cameo]", "Ana Ruiz|Chiara|[cameo]|"},
		{"Lotte Brenner: Inge [Stimme]", "Lotte Brenner|Inge|[voice]|"},
		{"Ana Ruiz as Chiara (cameo role)", "Ana Ruiz|Chiara|[cameo]|"},
		{"Ana Ruiz – cameo", "Ana Ruiz||[cameo]|"},
		// A description, or a name's own part, that is no annotation stays.
		{"Ana Ruiz as Chiara, a cameo by the director", "Ana Ruiz|Chiara|[]|a cameo by the director"},
		{"Ana Ruiz as Chiara – the Voice", "Ana Ruiz|Chiara – the Voice|[]|"},
		{"Ana Ruiz as Chiara [Kiki]", "Ana Ruiz|Chiara [Kiki]|[]|"},
		// Audit 15: the word in German, Italian and Spanish articles, and
		// their annotations.
		{"Lotte Brenner als Inge", "Lotte Brenner|Inge|[]|"},
		{"Rocco Amato come il barbiere", "Rocco Amato|il barbiere|[]|"},
		{"Pilar Vidal como Lucía (voz)", "Pilar Vidal|Lucía|[voice]|"},
		{"Lotte Brenner: Inge (nicht im Abspann)", "Lotte Brenner|Inge|[uncredited]|"},
		{"Rocco Amato: il barbiere (non accreditato)", "Rocco Amato|il barbiere|[uncredited]|"},
		{"Perry Comone as Gus", "Perry Comone|Gus|[]|"},
		{"Marta Como as Ines", "Marta Como|Ines|[]|"},
		{"Anne Coesens – Tania", "Anne Coesens|Tania|[]|"},
		{"Anne Coesens — Tania", "Anne Coesens|Tania|[]|"},
		{"Anne Coesens - Tania", "Anne Coesens|Tania|[]|"},
		{"Anne Coesens: Tania", "Anne Coesens|Tania|[]|"},
		{"Anne Coesens (Tania)", "Anne Coesens|Tania|[]|"},
		{"Anne Coesens ..... Tania", "Anne Coesens|Tania|[]|"},
		{"Anne Coesens … Tania", "Anne Coesens|Tania|[]|"},
		{"Bjørn-Erik Dahle as Captain Holm", "Bjørn-Erik Dahle|Captain Holm|[]|"},
		{"Hatice Öztürk", "Hatice Öztürk||[]|"},
		{"Mia Berg as Pip (voice)", "Mia Berg|Pip|[voice]|"},
		{"Mia Berg (voice) as Pip", "Mia Berg|Pip|[voice]|"},
		{"Mia Berg as Pip (voice; uncredited)", "Mia Berg|Pip|[voice uncredited]|"},
		{"Mia Berg (Pip) (voice)", "Mia Berg|Pip|[voice]|"},
		{"Mia Berg (uncredited)", "Mia Berg||[uncredited]|"},
		{"Piotr Wiśniewski (The Neighbour (older))", "Piotr Wiśniewski|The Neighbour (older)|[]|"},
		{"Tom Vale as Woody, a pull-string cowboy doll", "Tom Vale|Woody|[]|a pull-string cowboy doll"},
		{"Ada Lind – Tania, who works as a cleaner", "Ada Lind|Tania|[]|who works as a cleaner"},
		{"Kofi Mensah as himself", "Kofi Mensah||[himself]|"},
		{"Kofi Mensah as Himself (archive footage)", "Kofi Mensah||[archive footage himself]|"},
		{"Ruth Abebe as herself – Narrator", "Ruth Abebe||[herself Narrator]|"},
		{"Ruth Abebe: Self", "Ruth Abebe||[self]|"},
		{"Mireille Caron – narrator", "Mireille Caron||[narrator]|"},
		{"Mireille Caron as the Narrator", "Mireille Caron|the Narrator|[]|"},
		{"Ola Tveit as the purser[3]", "Ola Tveit|the purser|[]|"},
		{"Anne Coes…", "Anne Coes…||[]|"},
		// A separator inside the brackets belongs to the character.
		{"Camila Ruiz (Rosa, as a child)", "Camila Ruiz|Rosa|[]|as a child"},
		{"Tom Vale (Woody – a cowboy doll)", "Tom Vale|Woody – a cowboy doll|[]|"},
		// Groups side by side: the character, then what describes it.
		{"Rahul Sharma (Inspector Vikram) (Vijay)", "Rahul Sharma|Inspector Vikram|[]|Vijay"},
		{"Ana Ruiz (Rosa) (older) (voice)", "Ana Ruiz|Rosa|[voice]|older"},
		// A lower-case remark after a character named by a separator
		// describes the part, as it does after a bracketed one (audit
		// 12); a capitalised group is the name's own.
		{"Mao Inoue as Sachiko (as a child)", "Mao Inoue|Sachiko|[]|as a child"},
		{"Mao Inoue – Sachiko (older)", "Mao Inoue|Sachiko|[]|older"},
		{"Mao Inoue as Sachiko (Sachi)", "Mao Inoue|Sachiko (Sachi)|[]|"},
		{"Mao Inoue as Sachiko (as a child) (voice)", "Mao Inoue|Sachiko|[voice]|as a child"},
		{"Mao Inoue as (young) Sachiko", "Mao Inoue|(young) Sachiko|[]|"},
		// A name's full stop stays; a sentence's goes.
		{"J. R. Kapoor as Mr. Kapoor Sr.", "J. R. Kapoor|Mr. Kapoor Sr.|[]|"},
		{"Ana Ruiz as Dr.", "Ana Ruiz|Dr.|[]|"},
		{"Ana Ruiz as Rosa.", "Ana Ruiz|Rosa|[]|"},
		// Audit 13: the credited name is the actor's alias, not part of
		// the name; what a person does after "herself" is a role name.
		{"Terence Hill (credited as Mario Girotti) as Count Cavriaghi", "Terence Hill|Count Cavriaghi|[]||Mario Girotti"},
		{"Terence Hill (Billed as Mario Girotti) (uncredited) – Cavriaghi", "Terence Hill|Cavriaghi|[uncredited]||Mario Girotti"},
		{"Waad Al-Kateab – herself, narrator", "Waad Al-Kateab||[herself narrator]|"},
		{"Waad Al-Kateab as herself, a journalist", "Waad Al-Kateab||[herself]|a journalist"},
		// Audit 18: a description, then the character's name, in
		// brackets or after a separator; a name first stays first.
		{"Sandra Hüller (Kurt's mother, Ilse)", "Sandra Hüller|Ilse|[]|Kurt's mother"},
		{"Ada Lind as the innkeeper, Marta de la Cruz", "Ada Lind|Marta de la Cruz|[]|the innkeeper"},
		{"Ole Berg – young Meera's tutor, \"Bunty\"", "Ole Berg|\"Bunty\"|[]|young Meera's tutor"},
		{"Madhavi as Sharda, Meera's mother", "Madhavi|Sharda|[]|Meera's mother"},
		{"Ada Lind (the innkeeper, a widow)", "Ada Lind|the innkeeper|[]|a widow"},
		{"Ada Lind as the girl, Trucker 2", "Ada Lind|the girl|[]|Trucker 2"},
		{"Ruth Abebe as herself, Narrator", "Ruth Abebe||[herself narrator]|"},
		// A remark after the part is left out (see TestParseRemark).
		{"Cesar Romero as Duke Santos; Romero replaced George Raft", "Cesar Romero|Duke Santos|[]|"},
	}
	for _, tt := range tests {
		m, ok := Parse(tt.in)
		got := fmt.Sprintf("%s|%s|%v|%s", m.Actor.Value, m.Character, m.RoleNames(), m.Description())
		if m.CreditedAs() != "" {
			got += "|" + m.CreditedAs()
		}
		if !ok || got != tt.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	for _, in := range []string{"", "(Tania)", "  (voice)"} {
		if m, ok := Parse(in); ok {
			t.Errorf("Parse(%q) = %+v; want no actor", in, m)
		}
	}
}

// TestParseRemark: what an article says of the actor or the making of the
// film after the part, past a semicolon or a sentence's end, is no
// character nor a description (audit 18: "Romero replaced George Raft"
// became a second part); a character after a semicolon stays one.
func TestParseRemark(t *testing.T) {
	for _, tt := range []struct{ in, want, remark string }{
		{"Cesar Romero as Duke Santos; Romero replaced George Raft", "Cesar Romero|Duke Santos|", "Romero replaced George Raft"},
		{"Tom Vale-Wood as Woody, a pull-string cowboy doll. Vale-Wood also voiced the character in the games.",
			"Tom Vale-Wood|Woody|a pull-string cowboy doll", "Vale-Wood also voiced the character in the games."},
		{"John Ratz as Hamm, a piggy bank; Ratz's voice is heard in every film", "John Ratz|Hamm|a piggy bank", "Ratz's voice is heard in every film"},
		{"Ilse Varga – Oda; she reprised the part in 2004", "Ilse Varga|Oda|", "she reprised the part in 2004"},
		{"Ilse Varga – Oda; her mother Greta", "Ilse Varga|Oda; her mother Greta|", ""},
		{"Ilse Varga – Oda; \xff b c d", "Ilse Varga|Oda; \xff b c d|", ""},
		{"Ilse Varga – Oda; She reprised the part in 2004", "Ilse Varga|Oda|", "She reprised the part in 2004"},
		{"Kofi Mensah (Kwame). Originally cast as the father, he took the son's part", "Kofi Mensah|Kwame|", "Originally cast as the father, he took the son's part"},
		{"Lotte Brenner als Inge; Brenner spielte auch 1999", "Lotte Brenner|Inge|", "Brenner spielte auch 1999"},
		// Characters and names' full stops: no remark.
		{"Ola Dahl as Chiara; Nora", "Ola Dahl|Chiara; Nora|", ""},
		{"Ana Ruiz as the Harbourmaster; the Moon", "Ana Ruiz|the Harbourmaster; the Moon|", ""},
		{"Don Rickles as Mr. Potato Head", "Don Rickles|Mr. Potato Head|", ""},
		{"J. R. Kapoor as Mrs. Kapoor Sr.", "J. R. Kapoor|Mrs. Kapoor Sr.|", ""},
		{"Ana Ruiz as Capt. Nora Vale", "Ana Ruiz|Capt. Nora Vale|", ""},
		{"Aoi Nakamura (Japanese); Cherami Leigh (English) as Hina", "Aoi Nakamura (Japanese); Cherami Leigh (English)|Hina|", ""},
		{"Ana Ruiz as Anna; Ruiz", "Ana Ruiz|Anna; Ruiz|", ""},
	} {
		m, remark, ok := ParseRemark(tt.in)
		got := m.Actor.Value + "|" + m.Character + "|" + m.Description()
		if !ok || got != tt.want || remark != tt.remark {
			t.Errorf("ParseRemark(%q) = %q, %q, %v; want %q, %q", tt.in, got, remark, ok, tt.want, tt.remark)
		}
	}
}

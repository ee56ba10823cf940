package report

import (
	"strings"
	"testing"

	"tillit/content"
	"tillit/locale"
)

// pseudonymized exports one day that says text (with tags) in lang, names
// replaced, and returns what the day says then.
func pseudonymized(t *testing.T, lang string, people []string, text string, tags ...string) (string, *Export) {
	t.Helper()
	fm := "---\ntip: 1\n"
	if len(tags) > 0 {
		fm += "tags: [" + strings.Join(tags, ", ") + "]\n"
	}
	j := readJournal(t, map[string]string{"2026/11/2026-11-16.md": fm + "---\n## Q?\n\n" + text + "\n"})
	o := exportOptions(false)
	o.Lang = locale.New(lang)
	o.PackOf = Packs(lang, content.MustBuiltin(lang), nil)
	o.People, o.Pseudonymize = people, true
	x := NewExport(j, o)
	if len(x.Weeks) != 1 || len(x.Weeks[0].Entries) != 1 || len(x.Weeks[0].Entries[0].Body.Sections) != 1 {
		t.Fatalf("export of one day: %+v", x.Weeks)
	}
	return x.Weeks[0].Entries[0].Body.Sections[0].Text, x
}

func TestPseudonymsFindEveryForm(t *testing.T) {
	for _, c := range []struct {
		name, lang string
		people     []string
		text, want string
	}{
		{"any case", "nb", []string{"Kari"},
			"Jeg snakket med kari, KARI og Kari.", "Jeg snakket med Person A, Person A og Person A."},
		{"listed in lower case", "nb", []string{"kari"},
			"Samtale med Kari.", "Samtale med Person A."},
		{"æøå first", "nb", []string{"Åse", "Øyvind"},
			"Jeg ba Åse og Øyvind om hjelp.", "Jeg ba Person A og Person B om hjelp."},
		{"æøå last", "nb", []string{"Solbø", "Tå"},
			"Møte med Solbø, så med Tå.", "Møte med Person A, så med Person B."},
		{"decomposed å", "nb", []string{"Åse"},
			"Jeg ba A\u030ase om hjelp.", "Jeg ba Person A om hjelp."},
		{"nb possessive", "nb", []string{"Kari", "Åse"},
			"Karis forslag og Åses plan.", "Person A-s forslag og Person B-s plan."},
		{"sv possessive", "sv", []string{"Kari"},
			"Karis förslag och Kari:s plan.", "Person A:s förslag och Person A:s plan."},
		{"en possessive", "en", []string{"Kari", "Lars"},
			"Kari's idea, Kari’s plan and Lars' desk.", "Person A's idea, Person A's plan and Person B's desk."},
		{"possessive with a hyphen", "nb", []string{"Kari"},
			"Kari-s plan og kari-s.", "Person A-s plan og Person A-s."},
		{"e-mail", "nb", []string{"Kari"},
			"Skriv til kari.nordmann@skole.no i dag.", "Skriv til Person A i dag."},
		{"e-mail of a full name", "nb", []string{"Kari Nordmann"},
			"Kari Nordmann (KARI.NORDMANN@skole.no) og Nordmann.", "Person A (Person A) og Person A."},
		{"e-mail without a name stays", "nb", []string{"Kari"},
			"Skriv til post@skole.no.", "Skriv til post@skole.no."},
		{"hashtag", "nb", []string{"Kari"},
			"Samtale #kari og #Kari.", "Samtale #Person A og #Person A."},
		{"no mention inside a word", "nb", []string{"Kari"},
			"Samtale #kari, ikke foo@Kari eller C#.", "Samtale #Person A, ikke foo@Person A eller C#."},
		{"hyphenated name is its own", "nb", []string{"Kari"},
			"Kari-Anne og Kari.", "Person A og Person B."},
		{"hyphenated name listed", "nb", []string{"Kari-Anne", "Kari"},
			"Kari og Kari-Anne, KARI-ANNE.", "Person A og Person B, Person B."},
		{"name joined to a word", "nb", []string{"Kari"},
			"Kari-gruppa og kari-gruppa møttes.", "Person A-gruppa og Person A-gruppa møttes."},
		{"@name joined to a word", "nb", []string{"Kari"},
			"@Kari-oppgaven og @kari-anne, ikke @Kari.", "Person A-oppgaven og Person B, ikke Person A."},
		{"one person one letter", "nb", []string{"Kari"},
			"@Kari, @Kari's, Kari, KARI, Karis, kari@skole.no", "Person A, Person A-s, Person A, Person A, Person A-s, Person A"},
		{"@mention not listed", "en", nil,
			"Ask @Bergersen and @Bergersen's team.", "Ask Person A and Person A's team."},
		{"per dag", "nb", nil,
			"To ganger per dag, sa Øystein. Per dag er nok.", "To ganger per dag, sa Person A. Per dag er nok."},
		// Once Per is a person mid-sentence, he is one at the start of a
		// sentence too: "Per kom" must not undo "Person A".
		{"a name that is a word, first in a sentence", "nb", nil,
			"Jeg ringte Per i går. Per kom.", "Jeg ringte Person A i går. Person A kom."},
		// Listed, Per is replaced at the start of a sentence too: the user
		// said it is a person, and "Person A dag" is better than a leak.
		{"per dag with Per listed", "nb", []string{"Per"},
			"To ganger per dag, sa PER. Per kom.", "To ganger per dag, sa Person A. Person A kom."},
		{"lowercase ordinary names", "nb", nil,
			"Et godt liv, i mai, per uke, en vår med sol, sa Øystein.", "Et godt liv, i mai, per uke, en vår med sol, sa Person A."},
		{"ordinary name capitalised mid-sentence", "nb", nil,
			"Jeg snakket med Liv og Per om det.", "Jeg snakket med Person A og Person B om det."},
		{"english ordinary names", "en", nil,
			"I will mark it. May we? Ask Grace.", "I will mark it. May we? Ask Person A."},
		{"unlisted given name", "nb", nil,
			"Jeg spurte Øystein om vakta. øystein svarte.", "Jeg spurte Person A om vakta. Person A svarte."},
		{"unlisted given name first", "sv", nil,
			"Björn och Åsa kom.", "Björn och Person A kom."},
		{"full name before its first name", "nb", []string{"Per Olsen"},
			"Per Olsen og Olsens kone. Per kom.", "Person A og Person A-s kone. Person A kom."},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, _ := pseudonymized(t, c.lang, c.people, c.text)
			if got != c.want {
				t.Errorf("%s\n got %s\nwant %s", c.text, got, c.want)
			}
		})
	}
}

func TestPseudonymsReplaceTags(t *testing.T) {
	_, x := pseudonymized(t, "nb", []string{"Kari"}, "Om Kari.", "kari", "turnus", "Øystein")
	e := x.Weeks[0].Entries[0]
	if strings.Join(e.Tags, ",") != "Person A,turnus,Person B" {
		t.Errorf("tags %q", e.Tags)
	}
}

// Capitalised words mid-sentence that no list knows stay, and are listed;
// words the journal writes in lower case, acronyms, weekdays, places, the
// start of a sentence and the mentor's own name are not.
func TestPseudonymsListKeptNames(t *testing.T) {
	got, x := pseudonymized(t, "nb", []string{"Kari"},
		"Møtet med Bergersen gikk fint, og Solbakken kom. NAV ringte om Turnusplan, se turnusplan. Bergersens plan. Vi var i Oslo på Monday. Kari og Bergersen. Next time I'll ask O'Neill.")
	if want := "Møtet med Bergersen gikk fint, og Solbakken kom. NAV ringte om Turnusplan, se turnusplan. Bergersens plan. Vi var i Oslo på Monday. Person A og Bergersen. Next time I'll ask O'Neill."; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	if strings.Join(x.Kept, ",") != "Bergersen,Solbakken,O'Neill" {
		t.Errorf("kept %q, want Bergersen, Solbakken, O'Neill", x.Kept)
	}
	for format, out := range formats(t, x, exportOptions(false).Options) {
		if format == "json" && strings.Contains(out, "kept") {
			t.Errorf("the JSON export lists the kept names:\n%s", out)
		}
	}
	// First in a sentence, a given name that is also a word is listed
	// when the journal never writes it as a word (björn, a bear), not
	// when it does (vår, our).
	_, x = pseudonymized(t, "sv", nil, "Björn och Åsa kom. Vår plan är vår.")
	if strings.Join(x.Kept, ",") != "Björn" {
		t.Errorf("kept %q, want Björn", x.Kept)
	}
	// Without pseudonyms nothing is looked for.
	j := readJournal(t, map[string]string{"2026/11/2026-11-16.md": "---\ntip: 1\n---\nMed Bergersen.\n"})
	if x := NewExport(j, exportOptions(false)); len(x.Kept) != 0 {
		t.Errorf("kept %q without --pseudonymize", x.Kept)
	}
}

// The mentor the export is for keeps their name (unless People lists it).
func TestPseudonymsKeepTheMentor(t *testing.T) {
	j := readJournal(t, map[string]string{
		"2026/11/2026-11-20-mentoring.md": "---\nmentor: Anne Lie\n---\n## Hva snakket vi om?\n\nAnne Lie foreslo at jeg spør Øystein.\n",
	})
	o := exportOptions(false)
	o.Pseudonymize = true
	x := NewExport(j, o)
	m := x.Weeks[0].Mentorings[0]
	if m.Mentor != "Anne Lie" || m.Body.Sections[0].Text != "Anne Lie foreslo at jeg spør Person A." {
		t.Errorf("mentor %q, text %q", m.Mentor, m.Body.Sections[0].Text)
	}
	if len(x.Kept) != 0 {
		t.Errorf("kept %q", x.Kept)
	}
}

// BenchmarkPseudonymize builds the export of ten years (3,650 daily
// entries, already read) with and without pseudonyms: the difference is
// what finding the names costs.
func BenchmarkPseudonymize(b *testing.B) {
	j := tenYears(b)
	for _, on := range []bool{false, true} {
		name := "plain"
		if on {
			name = "pseudonymized"
		}
		b.Run(name, func(b *testing.B) {
			o := exportOptions(false)
			o.From, o.To = end.AddDays(-3649), end
			o.Pseudonymize, o.People = on, []string{"Per Olsen", "Kari", "Åse", "Bergersen"}
			for b.Loop() {
				NewExport(j, o)
			}
		})
	}
}

// The name files are lists of single words, each once, with a header that
// says where they come from.
func TestNameFilesAreWordLists(t *testing.T) {
	entries, err := nameFiles.ReadDir("names")
	if err != nil || len(entries) < 5 {
		t.Fatalf("name files: %v %v", entries, err)
	}
	for _, e := range entries {
		data, _ := nameFiles.ReadFile("names/" + e.Name())
		seen := map[string]bool{}
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		if !strings.HasPrefix(lines[0], "# ") {
			t.Errorf("%s has no header", e.Name())
		}
		for _, line := range lines {
			if strings.HasPrefix(line, "#") {
				continue
			}
			if strings.TrimSpace(line) != line || line == "" || strings.IndexFunc(line, func(r rune) bool { return !isLetter(r) }) >= 0 {
				t.Errorf("%s: %q is not one word", e.Name(), line)
			}
			if seen[fold(line)] {
				t.Errorf("%s: %s twice", e.Name(), line)
			}
			seen[fold(line)] = true
		}
	}
	if l := theLexicon(); len(l.given) < 600 {
		t.Errorf("%d given names", len(l.given))
	}
}

// A person @mentioned once is that person wherever the name stands, even
// first in a sentence where a name not listed would stay.
func TestPseudonymsMentionNamesEverywhere(t *testing.T) {
	got, _ := pseudonymized(t, "nb", nil, "Bjørnar var syk. Møte med @Bjørnar og @Lindqvist. Lindqvist kom.")
	if want := "Person A var syk. Møte med Person A og Person B. Person B kom."; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

// A name written in lower case in an address or a tag is no ordinary
// word: the surname beside it is still listed.
func TestPseudonymsKeptDespiteLowerCaseAddress(t *testing.T) {
	_, x := pseudonymized(t, "nb", nil, "Ola Lindqvist ringte. Skriv til ola.lindqvist@x.no, se #lindqvist.")
	if strings.Join(x.Kept, ",") != "Lindqvist" {
		t.Errorf("kept %q, want Lindqvist", x.Kept)
	}
}

// A name with digits after it (a user name, a second Kari) is the person.
func TestPseudonymsNameWithDigits(t *testing.T) {
	got, _ := pseudonymized(t, "nb", []string{"Kari"}, "Kari og Kari2 og Trude3 i rom 12.")
	if want := "Person A og Person A og Person B i rom 12."; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

// Common Norwegian names that are also words elsewhere are known names.
func TestPseudonymsKnowMoreNorwegianNames(t *testing.T) {
	got, _ := pseudonymized(t, "nb", nil, "Jeg ba Trude, Bjørnar, Gunnhild og Jarle om hjelp.")
	if want := "Jeg ba Person A, Person B, Person C og Person D om hjelp."; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

// An address spells æøåäö in ASCII: it is still the person's.
func TestPseudonymsAddressWithoutDiacritics(t *testing.T) {
	got, _ := pseudonymized(t, "sv", []string{"Bjørnar"}, "Märta och Bjørnar: marta.svensson@firma.se, maerta@firma.se, bjornar@firma.se, oerjan@firma.se och info@firma.se.")
	if want := "Person A och Person B: Person A, Person A, Person B, Person C och info@firma.se."; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

// A tag is a label, not prose: a known name in it counts in any case,
// even one that is also a word (trude), in the tags of the front matter
// as in the text.
func TestPseudonymsNamesInLowerCaseTags(t *testing.T) {
	got, x := pseudonymized(t, "nb", nil, "Se #trude-team og #trude, om #turnus.", "trude", "turnus")
	if want := "Se #Person A-team og #Person A, om #turnus."; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	if e := x.Weeks[0].Entries[0]; strings.Join(e.Tags, ",") != "Person A,turnus" {
		t.Errorf("tags %q", e.Tags)
	}
}

// A name is the same person with either apostrophe (O'Brien, O’Brien),
// in its possessive when hyphenated (Hanne-Lises), and inside markdown's
// underscores (_Kari_, kari_ola).
func TestPseudonymsApostrophesHyphenPossessivesUnderscores(t *testing.T) {
	for _, c := range []struct {
		lang       string
		people     []string
		text, want string
	}{
		{"en", []string{"O'Brien"}, "Ask O’Brien, o'brien and O’Brien’s desk.", "Ask Person A, Person A and Person A's desk."},
		{"en", []string{"Mary O’Brien"}, "Mary O'Brien and O’Brien.", "Person A and Person A."},
		{"nb", []string{"Hanne-Lise"}, "Hanne-Lise og Hanne-Lises bil.", "Person A og Person A-s bil."},
		{"nb", nil, "Med Hanne-Lise og Hanne-Lises bil, og Hanne-Agnes.", "Med Person A og Person A-s bil, og Person B."},
		{"nb", nil, "Med _Kari_ og kari_ola, _Trude_ og user_id.", "Med _Person A_ og Person A_Person B, _Person C_ og user_id."},
	} {
		if got, _ := pseudonymized(t, c.lang, c.people, c.text); got != c.want {
			t.Errorf("\n got %s\nwant %s", got, c.want)
		}
	}
}

package content

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"tillit/config"
)

// The texts of a tip that a context changes.
func contextTexts(t Tip) []string {
	texts := []string{t.Why, t.Try, t.Commitment}
	if t.Team != nil {
		texts = append(append(texts, t.Team.Experiment), t.Team.Questions...)
	}
	return texts
}

// Every context has a word for every placeholder in every language, and
// the settings offer exactly these contexts.
func TestEveryContextHasEveryWord(t *testing.T) {
	if !slices.Equal(Contexts, config.Contexts) {
		t.Fatalf("content has the contexts %v, the settings %v", Contexts, config.Contexts)
	}
	for _, lang := range Languages {
		general := ContextWords(lang, "")
		if len(general) == 0 {
			t.Fatalf("%s: no general words", lang)
		}
		names := slices.Sorted(maps.Keys(general))
		if len(contextWords[lang]) != len(Contexts) {
			t.Errorf("%s: %d contexts in the file, want %v", lang, len(contextWords[lang]), Contexts)
		}
		for _, c := range Contexts {
			words := ContextWords(lang, c)
			if got := slices.Sorted(maps.Keys(words)); !slices.Equal(got, names) {
				t.Errorf("%s %s: words %v, want %v", lang, c, got, names)
			}
			for name, w := range words {
				if strings.TrimSpace(w) == "" || strings.ContainsAny(w, "{}") {
					t.Errorf("%s %s: %s is %q", lang, c, name, w)
				}
			}
		}
	}
}

// In every context each tip reads whole: no placeholder is left, the
// quotations are the article's as in the general wording (a context never
// changes what Bringselius said), and every word of the context is used
// somewhere in the pack.
func TestTheTipsReadWholeInEveryContext(t *testing.T) {
	for _, lang := range Languages {
		general := MustBuiltin(lang)
		for _, c := range Contexts {
			p := general.InContext(c)
			if p.Context != c || p.Count() != general.Count() {
				t.Fatalf("%s %s: pack in context %q with %d tips", lang, c, p.Context, p.Count())
			}
			all := ""
			for i, tip := range p.Tips {
				for _, s := range contextTexts(tip) {
					if left := placeholder.FindAllString(s, -1); len(left) > 0 {
						t.Errorf("%s %s tip %d: %v left in %q", lang, c, tip.Number, left, s)
					}
					all += s + "\n"
				}
				if !slices.Equal(quoted(lang, tip.Why), quoted(lang, general.Tips[i].Why)) {
					t.Errorf("%s %s tip %d quotes differently: %q", lang, c, tip.Number, quoted(lang, tip.Why))
				}
				g := general.Tips[i]
				if tip.Title != g.Title || !slices.Equal(tip.Questions, g.Questions) {
					t.Errorf("%s %s tip %d: the title or the questions changed", lang, c, tip.Number)
				}
			}
			for name, w := range ContextWords(lang, c) {
				if !strings.Contains(all, w) {
					t.Errorf("%s %s: the word %s (%q) is nowhere in the tips", lang, c, name, w)
				}
			}
		}
	}
}

// A context other than the general one changes what its tip pages say:
// the pages speak of its people, and not as the general pages do.
func TestEachContextSpeaksOfItsOwnPeople(t *testing.T) {
	for _, lang := range Languages {
		general := MustBuiltin(lang)
		gw := ContextWords(lang, "")
		for _, c := range Contexts[1:] {
			p := general.InContext(c)
			words := ContextWords(lang, c)
			changed := 0
			for i, tip := range p.Tips {
				if tip.Page(PageLabels{}, nil) != general.Tips[i].Page(PageLabels{}, nil) {
					changed++
				}
			}
			// NAV's users are called users (brukerne, service users): there
			// the people served, the service, the inspections and the
			// places change.
			if changed < 4 {
				t.Errorf("%s %s: only %d of 14 tip pages change", lang, c, changed)
			}
			// Tip 2 names the people served and the service; tip 6 the
			// inspections; tip 9 where the work happens.
			for _, at := range []struct {
				tip   int
				words []string
			}{{2, []string{"people_served", "service", "users"}}, {6, []string{"inspections"}}, {9, []string{"workplaces"}}} {
				page := p.Tips[at.tip-1].Page(PageLabels{}, nil)
				for _, name := range at.words {
					if !strings.Contains(page, words[name]) {
						t.Errorf("%s %s tip %d: the page lacks %s %q:\n%s", lang, c, at.tip, name, words[name], page)
					}
				}
			}
			if words["workplaces"] == gw["workplaces"] || words["people_served"] == gw["people_served"] {
				t.Errorf("%s %s: reads as the general wording", lang, c)
			}
		}
	}
}

// The same pack in the same context is the same pack: a journal of years
// asks for it thousands of times.
func TestAContextIsReadOnce(t *testing.T) {
	p := MustBuiltin("nb")
	school := p.InContext("school")
	if school == p || p.InContext("school") != school || school.InContext("") != p || school.InContext("general") != p {
		t.Error("a pack in a context is read again, or is not its own")
	}
	if !school.IsBuiltin() || school.ID != p.ID || school.Version != p.Version {
		t.Error("the pack in a context is not the built-in pack")
	}
	// The general pack keeps its texts: reading another context does not
	// change them.
	if strings.Contains(p.Tips[8].Try, "friminuttet") || !strings.Contains(school.Tips[8].Try, "friminuttet") {
		t.Errorf("tip 9: general %q, school %q", p.Tips[8].Try, school.Tips[8].Try)
	}
}

// A pack of the user's own: without placeholders it reads the same in
// every context, byte for byte; with them, the words of its language fill
// them, a capital first letter asks for a capital, and braces of its own
// stay.
func TestAUsersPackInAContext(t *testing.T) {
	plain, err := ParsePack("plain.yaml", []byte(goodPack))
	if err != nil {
		t.Fatal(err)
	}
	if school := plain.InContext("school"); &school.Tips[0] != &plain.Tips[0] || school.Context != "school" || school.Tips[0].Why != "Fordi." {
		t.Errorf("a pack without placeholders was read again, or does not say its context: %+v", school)
	}
	with := strings.Replace(goodPack, "    why: Fordi.\n", "    why: \"{Users} først: spør {users} og {the_user}, ikke {ukjent}.\"\n", 1)
	if with == goodPack {
		t.Fatal("the test pack changed: no why to replace")
	}
	p, err := ParsePack("own.yaml", []byte(with))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.Tips[0].Why, "Brukerne først: spør brukerne og brukeren, ikke {ukjent}."; got != want {
		t.Errorf("general: %q, want %q", got, want)
	}
	if got, want := p.InContext("care").Tips[0].Why, "Beboerne først: spør beboerne og beboeren, ikke {ukjent}."; got != want {
		t.Errorf("care: %q, want %q", got, want)
	}
	// A language tillit has no words for keeps its placeholders.
	de, err := ParsePack("de.yaml", []byte(strings.Replace(with, "language: nb", "language: de", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if got := de.InContext("school").Tips[0].Why; got != "{Users} først: spør {users} og {the_user}, ikke {ukjent}." {
		t.Errorf("de: %q", got)
	}
}

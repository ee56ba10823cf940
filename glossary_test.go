package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The words tillit says in each language: the interface's catalog, the
// tips, the introduction, the guide for the mentor, the staff pulse and the
// sample journal.
// The articles are left out where they quote the source word for word.
func texts(t *testing.T, lang string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, pattern := range []string{
		"locale/messages/" + lang + ".yaml",
		"content/packs/trust/" + lang + ".yaml",
		"content/intro/" + lang + ".md",
		"content/mentor/" + lang + ".md",
		"content/pulse/" + lang + ".yaml",
		"content/sample/" + lang + ".yaml",
		"content/article/" + lang + ".md",
	} {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			t.Fatalf("no %s", pattern)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out[f] = string(data)
		}
	}
	return out
}

// word matches a word (or words) on its own, in any alphabet: Go's \b
// knows only ASCII letters, and "å" is not one.
func word(s string) *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[^\p{L}])(` + s + `)(?:[^\p{L}]|$)`)
}

// A term tillit has chosen for a concept, and the variants it has
// rejected. The catalog must use the term, and no text its variants.
type term struct {
	concept  string
	chosen   *regexp.Regexp
	rejected []*regexp.Regexp
}

var glossary = map[string][]term{
	"nb": {
		{"check-in", word(`innsjekk(en|er|ene)?`), []*regexp.Regexp{word(`innsjekking\pL*`)}},
		{"tag", word(`merkelapp(en|er|ene)?`), []*regexp.Regexp{word(`tagg(en|er|ene)?`)}},
		{"entry", word(`oppføring(en|er|ene)?`), []*regexp.Regexp{word(`dagsnotat\pL*`)}},
		{"commitment", word(`forpliktelse(n|r|ne)?`), nil},
		{"self-assessment", word(`[Ee]genvurdering(en|er|ene)?`), []*regexp.Regexp{word(`[Ss]elvvurdering\pL*`), word(`[Ss]elvevaluering\pL*`)}},
	},
	"sv": {
		{"check-in", word(`incheckning(en|ar|arna)?`), []*regexp.Regexp{word(`avstämning\pL*`)}},
		{"entry", word(`inlägg(et|en)?`), []*regexp.Regexp{word(`dagsanteckning\pL*`), word(`dagens sida`),
			word(`en dag som har en anteckning`), word(`privat anteckning`), word(`hela anteckningen`)}},
		{"note", word(`anteckning(en|ar|arna)?`), nil},
		{"editor", word(`redigerare(n)?`), []*regexp.Regexp{word(`[Ee]ditor(n|s)?`)}},
		{"commitment", word(`åtagande(t|n|na)?`), nil},
		{"self-assessment", word(`[Ss]jälvskattning(en|ar|arna)?`), []*regexp.Regexp{word(`[Ss]jälvbedömning\pL*`), word(`[Ss]jälvvärdering\pL*`)}},
	},
	"en": {
		{"check-in", word(`check-ins?`), []*regexp.Regexp{word(`checkins?`)}},
		{"entry", word(`entr(y|ies)`), nil},
		{"commitment", word(`commitments?`), nil},
		{"self-assessment", word(`[Ss]elf-assessments?`), []*regexp.Regexp{word(`[Ss]elf ?assessments?`), word(`[Ss]elf-evaluations?`)}},
	},
}

// codeWords are the names a catalog says as they are typed, not as words
// of the language: keys, placeholders, commands, settings, variables.
var codeWords = regexp.MustCompile(`(?m)^\s*"?[\w.-]+"?:|\{\{[^}]*\}\}|\$?\b[A-Z_]*EDITOR\b|\btillit [a-z]+|` +
	`\beditor (i|in) (inställningsfilen|innstillingsfilen|the settings file)|\beditor = |--\w+`)

// Wordings a reader of the language found wrong, with what replaced them.
// Each is rejected everywhere but in the articles' word-for-word quotation of
// the source (Norwegian) where noted.
var rejected = map[string][]string{
	"nb": {
		`Hvorfor det betyr noe`, `ikke fordi den gir mening`, `skjerme medarbeiderne dine fra`,
		`ikke får brukt godt nok`, `kjenner medarbeiderne for dårlig til`, `med i et møte eller en beslutning der vedkommende`,
		`kjenner du på`, `små ting som blir holdt`, `når eierne`, `bytt navn på medarbeidere`,
		`ukesgjennomgangen på denne uken`, `en glemt dags`, `eller en forpliktelse\."`, `tillits versjon`,
		`toppteksten`, `\b1 åpne\b`, `«Det krever mot og at leder legger fra seg prestisje\.»`,
	},
	"sv": {
		`det enda du kan göra`, `Höll det\?`, `höra det från dem`, `hjälpt er bra`, `utan dagordning`,
		`fördjupa sig i sitt ämne`, `städades upp`, `kärnuppdraget`, `yrkessamtal`, `Skyddsombudet vill`,
		`\bKarin\b`, `tid till och mötesplatser`, `"kryssa"`, `[^e] senaste \{\{\.N\}\} veckorna`, `"senaste 4 veckorna"`,
		`sidhuvudet`, `varje tips sida`, `veckogenomgången på den här veckan`, `eller ett åtagande\."`,
		`Avslutar du skriver`, `Lägg en tidsstämplad anteckning till`, `\b1 gjorda\b`, `\b1 öppna\b`, `nerifrån`,
	},
	"en": {
		`set prestige aside`, `taking care of the competence`, `disclaim`, `Where did you get feedback`,
		`Away with silo`, `on the floor`, `helped you well`, `order one simplification`, `tell about good work`,
		`go on information`, `knows each other too little`, `professional talk`, `taking the heart out`,
		`when the owners`, `Not laid-back leaders`, `Steering signals`, `between 30 researchers`,
		`Leaders who are present and who support`,
	},
}

func TestOneTermPerConcept(t *testing.T) {
	for lang, terms := range glossary {
		all := texts(t, lang)
		catalog := all["locale/messages/"+lang+".yaml"]
		for _, tm := range terms {
			if !tm.chosen.MatchString(catalog) {
				t.Errorf("%s: the catalog never says %q for %s", lang, tm.chosen, tm.concept)
			}
			for _, re := range tm.rejected {
				for file, text := range all {
					if strings.Contains(file, "/article/") {
						continue // the source's own words
					}
					for _, m := range re.FindAllString(codeWords.ReplaceAllString(text, " "), 3) {
						t.Errorf("%s: %s says %q for %s; tillit says %s", lang, file, strings.TrimSpace(m), tm.concept, tm.chosen)
					}
				}
			}
		}
	}
}

func TestRejectedWordings(t *testing.T) {
	for lang, list := range rejected {
		all := texts(t, lang)
		for _, r := range list {
			re := regexp.MustCompile(r)
			for file, text := range all {
				if m := re.FindString(text); m != "" {
					t.Errorf("%s: %s still says %q", lang, file, m)
				}
			}
		}
	}
}

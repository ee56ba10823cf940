package content

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"tillit/locale"
)

// The article's three themes, the only ones a built-in tip may have.
var articleThemes = []string{"culture", "governance", "structures"}

func TestEveryTipHasOneOfTheArticlesThemes(t *testing.T) {
	for _, lang := range Languages {
		p := MustBuiltin(lang)
		var ids []string
		for _, th := range p.Themes {
			ids = append(ids, th.ID)
			if th.About == "" || len(th.MentorQuestions) < 3 {
				t.Errorf("%s theme %s: needs what it covers and at least three questions for the mentor", lang, th.ID)
			}
		}
		if !slices.Equal(ids, articleThemes) {
			t.Fatalf("%s themes %v, want %v", lang, ids, articleThemes)
		}
		for _, tip := range p.Tips {
			if !slices.Contains(articleThemes, tip.Theme) || tip.ThemeName == "" {
				t.Errorf("%s tip %d: theme %q", lang, tip.Number, tip.Theme)
			}
			if tip.Theme != MustBuiltin("nb").Tips[tip.Number-1].Theme {
				t.Errorf("%s tip %d: another theme than in Norwegian", lang, tip.Number)
			}
		}
	}
}

// userWords name the people a public service serves, in each language.
var userWords = map[string]*regexp.Regexp{
	"nb": regexp.MustCompile(`(?i)bruker|elev|beboer|pårørende|innbygger`),
	"sv": regexp.MustCompile(`(?i)brukar|brukare|elev|boende|anhörig|medborgar`),
	"en": regexp.MustCompile(`(?i)service user|pupil|resident|relative|citizen`),
}

// The questions (1-based, the same in every language) that ask what
// service users know, say or would say: users as a source of knowledge.
var userAsSource = map[int][]int{
	1: {10}, 2: {9}, 3: {9}, 4: {10}, 5: {9}, 6: {9}, 7: {3}, 8: {9},
	9: {10}, 10: {4, 9}, 11: {9}, 12: {10}, 13: {9}, 14: {9},
}

// Across the pack: questions on the goal (GROW), on growth (do those
// served grow?), on what the law requires and on confidentiality, on
// working with the union and safety representatives, and ones that turn a
// guess about staff into asking one of them.
var kinds = map[string]struct {
	questions [][2]int // tip, question
	words     map[string]*regexp.Regexp
}{
	"goal": {[][2]int{{2, 10}, {6, 10}, {7, 9}, {10, 10}}, map[string]*regexp.Regexp{
		"nb": regexp.MustCompile(`om et halvt år`), "sv": regexp.MustCompile(`om ett halvår`), "en": regexp.MustCompile(`in six months`)}},
	"growth": {[][2]int{{9, 9}}, map[string]*regexp.Regexp{
		"nb": regexp.MustCompile(`vokst`), "sv": regexp.MustCompile(`vuxit`), "en": regexp.MustCompile(`grown`)}},
	"law": {[][2]int{{1, 9}, {14, 4}, {14, 10}}, map[string]*regexp.Regexp{
		"nb": regexp.MustCompile(`loven`), "sv": regexp.MustCompile(`lagen`), "en": regexp.MustCompile(`law`)}},
	"confidentiality": {[][2]int{{12, 9}}, map[string]*regexp.Regexp{
		"nb": regexp.MustCompile(`taushetsplikt`), "sv": regexp.MustCompile(`sekretess`), "en": regexp.MustCompile(`confidentiality`)}},
	// The reform rests on cooperation with the unions (partssamarbeid):
	// clearing up rules, making decisions and meeting places with the
	// union and safety representatives.
	"partnership": {[][2]int{{1, 11}, {3, 10}, {13, 10}}, map[string]*regexp.Regexp{
		"nb": regexp.MustCompile(`tillitsvalgte (og|eller) verneombud`), "sv": regexp.MustCompile(`fackliga företrädare (och|eller) skyddsombud`),
		"en": regexp.MustCompile(`union (representatives )?(and|or) safety representatives`)}},
	"ask one of them": {[][2]int{{4, 5}, {7, 10}, {9, 6}, {11, 10}}, map[string]*regexp.Regexp{
		"nb": regexp.MustCompile(`^Spør `), "sv": regexp.MustCompile(`^Fråga `), "en": regexp.MustCompile(`^Ask `)}},
}

func TestQuestionsCoverWhatACoachLooksFor(t *testing.T) {
	for _, lang := range Languages {
		p := MustBuiltin(lang)
		for _, tip := range p.Tips {
			if len(tip.Questions) < MinQuestions {
				t.Errorf("%s tip %d: %d questions", lang, tip.Number, len(tip.Questions))
			}
			if len(tip.Questions)%QuestionsPerCheckIn != 0 {
				t.Errorf("%s tip %d: %d questions break the pairs a check-in asks", lang, tip.Number, len(tip.Questions))
			}
			qs := userAsSource[tip.Number]
			if len(qs) == 0 {
				t.Errorf("tip %d: no question with the users as a source", tip.Number)
			}
			for _, n := range qs {
				if q := tip.Questions[n-1]; !userWords[lang].MatchString(q) {
					t.Errorf("%s tip %d question %d does not speak of the users: %q", lang, tip.Number, n, q)
				}
			}
		}
		for kind, k := range kinds {
			for _, at := range k.questions {
				tip, _ := p.Tip(at[0])
				if q := tip.Questions[at[1]-1]; !k.words[lang].MatchString(q) {
					t.Errorf("%s tip %d question %d is not a %s question: %q", lang, at[0], at[1], kind, q)
				}
			}
		}
	}
}

// A question belongs to one tip: asked under two, the second check-in
// would only repeat the first.
func TestNoQuestionInTwoTips(t *testing.T) {
	for _, lang := range Languages {
		seen := map[string]int{}
		for _, tip := range MustBuiltin(lang).Tips {
			for _, q := range tip.Questions {
				key := strings.ToLower(strings.Join(strings.Fields(q), " "))
				if other, ok := seen[key]; ok && other != tip.Number {
					t.Errorf("%s: tips %d and %d both ask %q", lang, other, tip.Number, q)
				}
				seen[key] = tip.Number
			}
		}
	}
}

// The rhythm: a tip comes back after about fourteen check-ins, so nothing
// a tip says may assume "this week"; its commitment is the practice said
// as one small step.
func TestTimeReferencesAreNeutral(t *testing.T) {
	weekly := map[string]*regexp.Regexp{
		"nb": regexp.MustCompile(`(?i)denne uken|før uken er omme|neste uke`),
		"sv": regexp.MustCompile(`(?i)i veckan|den här veckan|nästa vecka|innan veckan är slut`),
		"en": regexp.MustCompile(`(?i)this week|next week|before the week is out`),
	}
	for _, lang := range Languages {
		for _, tip := range MustBuiltin(lang).Tips {
			if tip.Commitment == "" {
				t.Errorf("%s tip %d has no commitment", lang, tip.Number)
			}
			texts := append([]string{tip.Try, tip.Commitment}, tip.Questions...)
			for _, s := range texts {
				if weekly[lang].MatchString(s) {
					t.Errorf("%s tip %d ties itself to a week: %q", lang, tip.Number, s)
				}
			}
		}
	}
}

// quoted finds the quotations of a text: «…» in Norwegian, ”…” in
// Swedish, “…” in English.
func quoted(lang, s string) []string {
	var re *regexp.Regexp
	switch lang {
	case "nb":
		re = regexp.MustCompile(`«([^»]+)»`)
	case "sv":
		re = regexp.MustCompile(`”([^”]+)”`)
	default:
		re = regexp.MustCompile(`“([^”]+)”`)
	}
	var out []string
	for _, m := range re.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// Every quotation in a tip's explanation is word for word in the article
// of its language: tillit's own words are never put in the source's mouth.
func TestQuotationsAreTheArticles(t *testing.T) {
	for _, lang := range Languages {
		article := strings.Join(strings.Fields(Article(lang)), " ")
		n := 0
		for _, tip := range MustBuiltin(lang).Tips {
			for _, q := range quoted(lang, tip.Why) {
				n++
				q = strings.TrimRight(q, ".,")
				if !strings.Contains(article, strings.Join(strings.Fields(q), " ")) {
					t.Errorf("%s tip %d quotes %q, which the article does not say", lang, tip.Number, q)
				}
			}
		}
		if n < 14 {
			t.Errorf("%s: only %d quotations found; is the quotation mark right?", lang, n)
		}
	}
}

// The footer under every tip says whose the tip is – the interviewee, and
// the interviewer – and who wrote the rest.
func TestFooterSaysWhoWroteWhat(t *testing.T) {
	translated := map[string]string{"nb": "", "sv": "Översättning", "en": "Translated"}
	rest := map[string]string{"nb": "Forklaring, øvelse og spørsmål: tillit.", "sv": "Förklaring, övning och frågor: tillit.", "en": "Explanation, practice and questions: tillit."}
	for _, lang := range Languages {
		cat := locale.New(lang)
		p := MustBuiltin(lang)
		for _, tip := range p.Tips {
			page := tip.Page(p.Labels(cat.T), nil)
			footer := p.Credit(cat.T, tip.Number)
			for _, want := range []string{"Louise Bringselius", "Trude Kvaran", "idebanken.org", "2020", "2021", rest[lang], translated[lang]} {
				if !strings.Contains(footer, want) {
					t.Errorf("%s tip %d: footer %q lacks %q", lang, tip.Number, footer, want)
				}
			}
			if !strings.Contains(page, footer) || !strings.Contains(page, tip.ThemeName) {
				t.Errorf("%s tip %d: the page lacks its footer or theme:\n%s", lang, tip.Number, page)
			}
			if strings.Contains(footer, "{{") || strings.Contains(footer, "credit.") {
				t.Errorf("%s: footer with a gap: %q", lang, footer)
			}
		}
	}
}

func TestEveryTipHasATeamFormat(t *testing.T) {
	for _, lang := range Languages {
		for _, tip := range MustBuiltin(lang).Tips {
			if tip.Team == nil || len(tip.Team.Questions) != 2 || tip.Team.Experiment == "" {
				t.Errorf("%s tip %d: the staff meeting needs two questions and an experiment", lang, tip.Number)
				continue
			}
			for _, q := range tip.Team.Questions {
				if !strings.HasSuffix(q, "?") {
					t.Errorf("%s tip %d: %q is not a question", lang, tip.Number, q)
				}
			}
		}
	}
}

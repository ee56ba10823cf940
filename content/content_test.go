package content

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// The titles of the 14 tips as the idebanken article writes them.
func seedTitles(t *testing.T) []string {
	data, err := os.ReadFile("testdata/seed-titles.txt")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(data)), "\n")
}

func TestNorwegianTitlesAreTheArticles(t *testing.T) {
	want := seedTitles(t)
	p := MustBuiltin("nb")
	if p.Count() != 14 || len(want) != 14 {
		t.Fatalf("%d tips, %d titles in the seed", p.Count(), len(want))
	}
	for i, tip := range p.Tips {
		if tip.Title != want[i] {
			t.Errorf("tip %d: %q, the article says %q", i+1, tip.Title, want[i])
		}
	}
}

func TestEveryLanguageHasEveryTip(t *testing.T) {
	nb := MustBuiltin("nb")
	for _, lang := range Languages {
		p := MustBuiltin(lang)
		if p.Language != lang || p.Count() != 14 {
			t.Fatalf("%s: language %q, %d tips", lang, p.Language, p.Count())
		}
		for i, tip := range p.Tips {
			if tip.ID != nb.Tips[i].ID {
				t.Errorf("%s tip %d: id %q, nb has %q", lang, i+1, tip.ID, nb.Tips[i].ID)
			}
			if tip.Why == "" || tip.Try == "" || tip.Short == "" {
				t.Errorf("%s tip %d: why, try and short are needed", lang, i+1)
			}
			if len(tip.Questions) < MinQuestions {
				t.Errorf("%s tip %d: %d questions, want at least %d", lang, i+1, len(tip.Questions), MinQuestions)
			}
			seen := map[string]bool{}
			for _, q := range tip.Questions {
				if !strings.HasSuffix(q, "?") {
					t.Errorf("%s tip %d: %q is not a question", lang, i+1, q)
				}
				if seen[q] {
					t.Errorf("%s tip %d asks %q twice", lang, i+1, q)
				}
				seen[q] = true
			}
			if lang != "nb" && tip.Title == nb.Tips[i].Title {
				t.Errorf("%s tip %d: title not translated", lang, i+1)
			}
		}
	}
	for _, lang := range Languages {
		p := MustBuiltin(lang)
		if p.ID != BuiltinID || p.Version == "" || p.SourceAuthor != SourceAuthor || p.SourceInterviewer != SourceInterviewer ||
			p.Author != BuiltinAuthor || p.URL != SourceURL || p.Source != SourceSite {
			t.Errorf("%s: built-in pack metadata: source %q, interviewer %q, author %q", lang, p.SourceAuthor, p.SourceInterviewer, p.Author)
		}
		// The tips are the source's own words in Norwegian, tillit's
		// translation in the other languages.
		if translated := p.TranslatedBy != ""; translated != (lang != "nb") {
			t.Errorf("%s: translated_by %q", lang, p.TranslatedBy)
		}
	}
	if MustBuiltin("de") != MustBuiltin("en") {
		t.Error("an unknown language should fall back to English")
	}
}

func TestQuestionsRotate(t *testing.T) {
	tip := Tip{Questions: []string{"a?", "b?", "c?", "d?", "e?"}}
	want := [][]string{{"a?", "b?"}, {"c?", "d?"}, {"e?", "a?"}, {"b?", "c?"}}
	for k, w := range want {
		got := tip.QuestionsFor(k)
		if strings.Join(got, " ") != strings.Join(w, " ") {
			t.Errorf("check-in %d asks %v, want %v", k, got, w)
		}
	}
}

// Four check-ins on the same tip meet four different pairs of questions.
func TestFourPassesAskNewQuestions(t *testing.T) {
	for _, lang := range Languages {
		for _, tip := range MustBuiltin(lang).Tips {
			seen := map[string]int{}
			for k := range 4 {
				for _, q := range tip.QuestionsFor(k) {
					if prev, ok := seen[q]; ok {
						t.Errorf("%s tip %d: check-ins %d and %d both ask %q", lang, tip.Number, prev+1, k+1, q)
					}
					seen[q] = k
				}
			}
		}
	}
}

func nbArticle() string { return Article("nb") }

func TestArticle(t *testing.T) {
	for _, lang := range Languages {
		a := Article(lang)
		if !strings.Contains(a, SourceURL) {
			t.Errorf("%s article lacks the source link", lang)
		}
		for _, junk := range []string{"Til hovedinnhold", "Frøya", "\n;\n"} {
			if strings.Contains(a, junk) {
				t.Errorf("%s article has the web page's %q", lang, junk)
			}
		}
		if lang != "nb" && !strings.HasPrefix(a, "> ") {
			t.Errorf("%s article should say at the top that it is a translation", lang)
		}
	}
	// The one word the Norwegian article adds to the source is marked.
	if !strings.Contains(nbArticle(), "Louise Bringselius [gir] følgende forslag") {
		t.Error("the word the article adds to the seed is not marked")
	}
	// The Norwegian article holds every tip of the seed as written.
	nb := Article("nb")
	for i, title := range seedTitles(t) {
		if !strings.Contains(nb, fmt.Sprintf("%d. %s", i+1, title)) {
			t.Errorf("the article lacks tip %d as written", i+1)
		}
	}
}

// The sample journal answers each question with an answer written for it:
// for every tip, the first question of each pair a check-in asks, so that
// even a journal of years never answers a question with another's answer.
func TestSampleAnswersBelongToTheirQuestions(t *testing.T) {
	for _, lang := range Languages {
		s, err := Sample(lang)
		if err != nil {
			t.Fatal(err)
		}
		p := MustBuiltin(lang)
		ids := map[string]Tip{}
		for _, tip := range p.Tips {
			ids[tip.ID] = tip
			for q := 0; q < len(tip.Questions); q += QuestionsPerCheckIn {
				if s.Answer(tip.ID, q) == "" {
					t.Errorf("%s: tip %d (%s) has no sample answer to question %d", lang, tip.Number, tip.ID, q+1)
				}
			}
			if s.Commitments[tip.ID] == "" {
				t.Errorf("%s: no sample commitment for tip %s", lang, tip.ID)
			}
		}
		for id, answers := range s.Answers {
			tip, ok := ids[id]
			if !ok {
				t.Errorf("%s: sample answers for a tip that does not exist: %s", lang, id)
			}
			for n := range answers {
				if n < 1 || n > len(tip.Questions) {
					t.Errorf("%s: sample answer to question %d of %s, which has %d", lang, n, id, len(tip.Questions))
				}
			}
		}
		for id := range s.Commitments {
			if _, ok := ids[id]; !ok {
				t.Errorf("%s: a sample commitment for a tip that does not exist: %s", lang, id)
			}
		}
	}
}

package content

import (
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
	p := MustTips("nb")
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
	nb := MustTips("nb")
	for _, lang := range Languages {
		p := MustTips(lang)
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
			if len(tip.Questions) < 6 {
				t.Errorf("%s tip %d: %d questions, want at least 6", lang, i+1, len(tip.Questions))
			}
			for _, q := range tip.Questions {
				if !strings.HasSuffix(q, "?") {
					t.Errorf("%s tip %d: %q is not a question", lang, i+1, q)
				}
			}
			if lang != "nb" && tip.Title == nb.Tips[i].Title {
				t.Errorf("%s tip %d: title not translated", lang, i+1)
			}
		}
	}
	if MustTips("de") != MustTips("en") {
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

func TestArticle(t *testing.T) {
	for _, lang := range Languages {
		a := Article(lang)
		if !strings.Contains(a, SourceURL) {
			t.Errorf("%s article lacks the source link", lang)
		}
	}
}

package content

import (
	"strings"
	"testing"
)

func TestIntroduction(t *testing.T) {
	for _, lang := range Languages {
		intro := Introduction(lang)
		for _, want := range []string{"Tillitsdelegationen", "2016:51", "SOU 2017:56", "SOU 2018:38", "SOU 2018:47", "SOU 2018:48", "SOU 2019:43",
			"Hurdalsplattformen", "2021", "idebanken.org"} {
			if lang == "en" && want == "Hurdalsplattformen" {
				want = "Hurdal platform"
			}
			if !strings.Contains(intro, want) {
				t.Errorf("%s introduction lacks %q", lang, want)
			}
		}
		if strings.Contains(intro, themesMark) {
			t.Errorf("%s: the themes were not filled in", lang)
		}
		p := MustBuiltin(lang)
		for _, tip := range p.Tips {
			if !strings.Contains(intro, tip.Title) {
				t.Errorf("%s introduction does not place tip %d in its theme", lang, tip.Number)
			}
		}
		if MentorGuide(lang) == "" {
			t.Errorf("%s: no guide for the mentor", lang)
		}
	}
}

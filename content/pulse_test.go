package content

import (
	"strings"
	"testing"
)

// The pulse is there in every language, with the same three questions in
// the same order, each standing for one of the built-in pack's themes, and
// asked of the staff: not a yes/no question, not about the manager's guess.
func TestStaffPulse(t *testing.T) {
	nb := MustStaffPulse("nb")
	for _, lang := range Languages {
		p, err := StaffPulse(lang)
		if err != nil {
			t.Fatal(err)
		}
		if p.Title == "" || p.How == "" || p.Scale == "" || p.FollowUp == "" {
			t.Errorf("%s: the pulse lacks its title, how, scale or follow-up", lang)
		}
		pack := MustBuiltin(lang)
		themes := map[string]bool{}
		for i, q := range p.Questions {
			if q.ID != nb.Questions[i].ID || q.Theme != nb.Questions[i].Theme {
				t.Errorf("%s: question %d is %s/%s, in nb %s/%s", lang, i+1, q.ID, q.Theme, nb.Questions[i].ID, nb.Questions[i].Theme)
			}
			if _, ok := pack.Theme(q.Theme); !ok {
				t.Errorf("%s: question %d stands for theme %q, which the pack has not", lang, i+1, q.Theme)
			}
			themes[q.Theme] = true
			if !strings.HasSuffix(q.Text, "?") || strings.Contains(strings.ToLower(q.Text), "leader") || strings.Contains(strings.ToLower(q.Text), "leder") {
				t.Errorf("%s: %q is not a question to the staff", lang, q.Text)
			}
		}
		if len(themes) != len(pack.Themes) {
			t.Errorf("%s: the questions cover %d of %d themes", lang, len(themes), len(pack.Themes))
		}
	}
	if p, _ := StaffPulse("fr"); p != MustStaffPulse("en") {
		t.Error("a language tillit does not have does not fall back to English")
	}
}

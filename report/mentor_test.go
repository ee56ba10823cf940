package report

import (
	"strings"
	"testing"
)

// The export gives the mentor a guide and questions by theme, counts only
// the check-ins it shows, and says whose the tips are.
func TestTheExportHasAGuideAndQuestionsForTheMentor(t *testing.T) {
	j := readJournal(t, privacyJournal)
	o := exportOptions(false)
	o.Pseudonymize = true
	x := NewExport(j, o)
	f := x.ForMentor
	if f == nil || len(f.Themes) != 3 || !strings.Contains(f.Guide, "GROW") {
		t.Fatalf("for the mentor: %+v", f)
	}
	// Tips 1 and 3 are public check-ins; tip 2's entry is private.
	checkins := map[string]int{}
	for _, th := range f.Themes {
		checkins[th.ID] = th.CheckIns
		if len(th.Questions) == 0 || len(th.Tips) == 0 {
			t.Errorf("theme %s: %+v", th.ID, th)
		}
	}
	if checkins["governance"] != 1 || checkins["culture"] != 1 || checkins["structures"] != 0 {
		t.Errorf("check-ins by theme %v, want tip 1 (governance) and tip 3 (culture) only", checkins)
	}
	for format, out := range formats(t, x, o.Options) {
		for _, want := range []string{"For mentoren", "Hva unngår du?", "Trude Kvaran", "tillit"} {
			if format == "json" && want == "For mentoren" {
				want = `"for_mentor"`
			}
			if !strings.Contains(out, want) {
				t.Errorf("%s export lacks %q", format, want)
			}
		}
	}
	if md := x.Markdown(o.Options); !strings.Contains(md, "### Kultur og lederskap · råd 3, 7, 8, 9, 12\n\n*1 innsjekk i perioden*") {
		t.Errorf("the culture theme is not counted right:\n%s", md)
	}
}

package coach

import (
	"fmt"
	"testing"

	"tillit/content"
	"tillit/journal"
)

// Today suggests a self-assessment when there is none of the pack in use,
// and again once a round of check-ins (as many as the pack has tips) was
// made since the last one; of another pack's, none counts.
func TestAssessmentIsDueAtTheStartAndAfterARound(t *testing.T) {
	c := builtin(t)
	files := map[string]string{
		"2026/10/2026-10-01-assessment.md": "---\npack: mine\nratings:\n  1: 3\n---\n",
	}
	if d := c.Today(read(t, files), friday); d.Assess != AssessFirst || !d.LastAssessed.IsZero() {
		t.Fatalf("no assessment of the pack in use: %v %s", d.Assess, d.LastAssessed)
	}
	files["2026/11/2026-11-02-assessment.md"] = "---\nratings:\n  1: 3\n---\n"
	// Thirteen check-ins from the day of the assessment on: not yet.
	for i := range 13 {
		day := journal.Date{Year: 2026, Month: 11, Day: 2}.AddDays(i)
		files[fmt.Sprintf("%04d/%02d/%s.md", day.Year, day.Month, day)] = fmt.Sprintf("---\ntip: %d\n---\n", i%14+1)
	}
	files["2026/11/2026-11-01.md"] = "---\ntip: 14\n---\n" // before it: not counted
	files["2026/11/2026-11-20.md"] = "---\ndate: 2026-11-20\n---\n## 09:00\n\nOnly a note.\n"
	j := read(t, files)
	if d := c.Today(j, friday); d.Assess != AssessNotDue || d.LastAssessed != (journal.Date{Year: 2026, Month: 11, Day: 2}) {
		t.Fatalf("after 13 check-ins: %v %s", d.Assess, d.LastAssessed)
	}
	files["2026/11/2026-11-25.md"] = "---\ntip: 14\n---\n"
	if d := c.Today(read(t, files), friday); d.Assess != AssessAgain {
		t.Errorf("after a round: %v", d.Assess)
	}
	// Taken again today: not due.
	files["2026/11/2026-11-27-assessment.md"] = "---\npack: trust\nratings:\n  1: 4\n---\n"
	if d := c.Today(read(t, files), friday); d.Assess != AssessNotDue || d.LastAssessed != friday {
		t.Errorf("taken today: %v %s", d.Assess, d.LastAssessed)
	}
}

// The pulse has as many questions as a journal records averages.
func TestThePulseFitsTheJournal(t *testing.T) {
	if content.PulseQuestions != journal.PulseQuestions {
		t.Errorf("content asks %d questions, the journal keeps %d averages", content.PulseQuestions, journal.PulseQuestions)
	}
}

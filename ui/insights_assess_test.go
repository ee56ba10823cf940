package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"tillit/journal"
	"tillit/locale"
)

// Today suggests the first self-assessment, and a opens it.
func TestTodaySuggestsTheFirstAssessment(t *testing.T) {
	store := journal.NewStore(t.TempDir())
	m := New(Options{Store: store, Lang: locale.New("en"), Editor: "true", Now: func() time.Time { return testNow }})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	scr := newTerminal(t, tm, 80, 24)
	scr.waitFor("Where do you stand on the 14 tips? a: a self-assessment to start from")
	tm.Type("a")
	scr.waitFor("Culture and leadership")
	scr.waitFor("1 of 7")
	tm.Type("q") // a key the form does not take
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
}

// A self-assessment made in the form, beside one made three weeks before:
// Insights lays the first and the latest side by side, with the change.
func TestAssessmentFromFormToInsights(t *testing.T) {
	store := journal.NewStore(t.TempDir())
	day := journal.DateOf(testNow)
	first := journal.NewAssessment(store.AssessmentPath(day.AddDays(-21)), day.AddDays(-21))
	first.SetRating(7, 1)
	first.SetRating(3, 3)
	if err := store.SaveAssessment(first); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Store: store, Lang: locale.New("en"), Editor: "true", Now: func() time.Time { return testNow }})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	scr := newTerminal(t, tm, 80, 24)
	scr.waitFor("enter check in")
	tm.Type("a")
	scr.waitFor("Culture and leadership")
	tm.Type("34235")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	scr.waitFor("Governance and follow-up")
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	scr.waitFor("7 of 7")
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	scr.waitFor("Self-assessment saved at")
	if a, err := store.LoadAssessment(day); err != nil || !a.OnDisk() || a.Rating(7) != 4 {
		t.Fatalf("saved %+v %v", a, err)
	}
	tm.Type("i")
	scr.waitFor("a self-assessment")
	tm.Type("a")
	scr.waitFor("Nov 6")
	scr.waitFor("Nov 27")
	scr.waitFor("+3")
	tm.Type("q")
	scr.waitFor("enter check in")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
}

// After a round of check-ins since the last self-assessment, Today says
// so, with its day; a tall window shows the line, and a short one keeps
// the rest of Today as it was rather than the line.
func TestTodaySuggestsTheAssessmentAgain(t *testing.T) {
	ctx := testContext(t, "en")
	files := map[string]string{"2026/11/2026-11-02-assessment.md": "---\nratings:\n  1: 3\n---\n"}
	for i := range 14 {
		day := journal.Date{Year: 2026, Month: 11, Day: 3}.AddDays(i)
		files[fmt.Sprintf("2026/11/%s.md", day)] = fmt.Sprintf("---\ntip: %d\ncommitment: Ask Kari\n---\n", i+1)
	}
	for name, text := range files {
		path := filepath.Join(ctx.Store.Root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	j := ctx.Store.Read()
	m := newToday(ctx)
	m.refresh(journalState{Journal: j}, ctx.Coach.Today(j, ctx.Today()))
	if v := m.View(); !strings.Contains(v, "A round of 14 check-ins since your self-assessment of Monday 2 November") || !strings.Contains(v, "a takes it again") {
		t.Errorf("Today at %dx%d lacks the line:\n%s", ctx.Width, ctx.Height, m.View())
	}
	ctx.Width, ctx.Height = 80, 24
	short := m.View()
	if strings.Contains(short, "self-assessment") || lipgloss.Height(short) > 22 {
		t.Errorf("at 80x24 the line pushes the rest:\n%s", short)
	}
	if !strings.Contains(m.help().full[0][len(m.help().full[0])-2].Help().Desc, "self-assessment") {
		t.Error("the full help lacks a")
	}
}

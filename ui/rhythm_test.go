package ui

import (
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tillit/journal"
)

// toCommitment walks a new check-in to its commitment step.
func toCommitment(t *testing.T, m *checkinModel) {
	t.Helper()
	for i, s := range m.steps {
		if step(s.id) == stepCommitment {
			m.toStep(i, 0)
			return
		}
	}
	t.Fatal("no commitment step")
}

func TestThePracticeIsTheDefaultCommitment(t *testing.T) {
	ctx := testContext(t, "nb")
	day := journal.Date{Year: 2026, Month: 11, Day: 23}
	practice := ctx.Pack.Tips[0].Commitment

	// Offered when the step is reached; enter keeps it, and it is saved.
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	if m.commitment.Value() != "" {
		t.Fatalf("the commitment is filled before its step: %q", m.commitment.Value())
	}
	toCommitment(t, m)
	if m.commitment.Value() != practice {
		t.Fatalf("offered %q, want the practice %q", m.commitment.Value(), practice)
	}
	if v := m.commitment.view(true); !strings.Contains(v, "Forslaget er øvelsen") {
		t.Errorf("the hint does not say where the suggestion comes from:\n%s", v)
	}
	m.Update(press("enter"))
	e := saveNow(t, m)
	data, err := os.ReadFile(e.Path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "Hva skjer hvis vi slutter med dette?") {
		t.Errorf("the practice was not saved as the commitment:\n%s", data)
	}

	// Typing replaces it, as over a selected default.
	next := journal.Date{Year: 2026, Month: 11, Day: 24}
	m = newCheckin(ctx, setupFor(t, ctx, next))
	m.Init()
	toCommitment(t, m)
	typeText(m, "Spør Kari")
	if got := m.commitment.Value(); got != "Spør Kari" {
		t.Errorf("typing gave %q, want it to replace the practice", got)
	}
	if v := m.commitment.view(true); strings.Contains(v, "Forslaget er øvelsen") {
		t.Error("the hint still speaks of a suggestion over the user's own words")
	}

	// Another key first edits it; an emptied field stays empty.
	m = newCheckin(ctx, setupFor(t, ctx, next))
	m.Init()
	toCommitment(t, m)
	offered := m.commitment.Value()
	m.Update(press("left"))
	typeText(m, "X")
	if got := m.commitment.Value(); got == "X" || !strings.Contains(got, "X") || len(got) != len(offered)+1 {
		t.Errorf("after ← and X: %q", got)
	}
	m.commitment.input.CursorEnd()
	for range len([]rune(m.commitment.Value())) {
		m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	m.Update(press("esc"))
	toCommitment(t, m)
	if got := m.commitment.Value(); got != "" {
		t.Errorf("an emptied commitment came back as %q", got)
	}
}

// checkedIn saves a check-in on tip for day.
func checkedIn(t *testing.T, ctx *Context, day journal.Date, tip int) {
	t.Helper()
	e := journal.NewEntry(ctx.Store.DayPath(day), day)
	journal.CheckIn{Date: day, Tip: tip, Rating: 3}.ApplyTo(e)
	if err := ctx.Store.Save(e); err != nil {
		t.Fatal(err)
	}
}

func TestAnEditedCheckInKeepsItsCommitment(t *testing.T) {
	ctx := testContext(t, "nb")
	day := journal.Date{Year: 2026, Month: 11, Day: 23}
	checkedIn(t, ctx, day, 2)
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	toCommitment(t, m)
	if got := m.commitment.Value(); got != "" {
		t.Errorf("editing a check-in without a commitment offered %q", got)
	}
}

// The first check-in on a tip asks where one stands; a later one how well
// the tip lives now.
func TestTheRatingOnAFirstVisit(t *testing.T) {
	ctx := testContext(t, "nb")
	day := journal.Date{Year: 2026, Month: 11, Day: 23}
	m := newCheckin(ctx, setupFor(t, ctx, day))
	if q := m.ratingQuestion(); q != ctx.T("checkin.rating.question_first") || !strings.Contains(m.viewRating(0)(true), "hvor står dere i dag") {
		t.Errorf("first visit asks %q", q)
	}
	for d := 1; d <= 14; d++ {
		checkedIn(t, ctx, journal.Date{Year: 2026, Month: 11, Day: d}, d)
	}
	m = newCheckin(ctx, setupFor(t, ctx, journal.Date{Year: 2026, Month: 11, Day: 23}))
	if m.tip.Number != 1 || m.ratingQuestion() != ctx.T("checkin.rating.question") {
		t.Errorf("second round on tip %d asks %q", m.tip.Number, m.ratingQuestion())
	}
}

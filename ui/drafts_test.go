package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tillit/journal"
)

// twoWindows opens the check-in of one day in two windows (two stores on one
// journal hold their locks as two processes do) and types in both; each
// screen's draft is saved.
func twoWindows(t *testing.T, day journal.Date) (a, b *checkinModel, ca, cb *Context) {
	t.Helper()
	ca = testContext(t, "en")
	cb = testContext(t, "en")
	cb.Store = journal.NewStore(ca.Store.Root)
	a, b = newCheckin(ca, setupFor(t, ca, day)), newCheckin(cb, setupFor(t, cb, day))
	for m, text := range map[*checkinModel]string{a: "typed in the first window", b: "typed in the second window"} {
		m.Init()
		m.Update(press("enter"))
		typeText(m, text)
		runAll(m.saveDraft())
	}
	return a, b, ca, cb
}

// closeScreen lets go of a screen as the root does when it closes it.
func closeScreen(ctx *Context, m *checkinModel) { ctx.Store.ReleaseDraft(m.draft()) }

func TestTwoWindowsOnOneDayKeepTwoDrafts(t *testing.T) {
	day := journal.Date{Year: 2026, Month: 11, Day: 26}
	a, b, ca, cb := twoWindows(t, day)
	// While both are open, neither offers the other's draft.
	if s := setupFor(t, ca, day); len(s.drafts) != 0 {
		t.Errorf("offered drafts still being typed: %+v", s.drafts)
	}
	closeScreen(ca, a)
	closeScreen(cb, b)

	m := newCheckin(ca, setupFor(t, ca, day))
	m.Init()
	if len(m.offers) != 2 || m.resumeOffer == nil {
		t.Fatalf("offers: %d", len(m.offers))
	}
	view := m.View()
	for _, want := range []string{"2 unfinished check-ins", "typed in the first window", "typed in the second window"} {
		if !strings.Contains(view, want) {
			t.Errorf("the offer does not say %q:\n%s", want, view)
		}
	}
	// Pick the second, resume it: the other stays for later.
	picked := m.offers[1]
	m.Update(press("down"))
	if m.resumeOffer != picked {
		t.Fatal("down did not pick the second draft")
	}
	runAll(m.Update(press("r")))
	if got := m.answers[0].Value(); got != picked.Answers[0].Text {
		t.Errorf("resumed %q, want %q", got, picked.Answers[0].Text)
	}
	saveNow(t, m)
	closeScreen(ca, m)
	left, _, err := ca.Store.DraftsFor(&journal.Draft{Day: day})
	if err != nil || len(left) != 1 || left[0].Answers[0].Text == picked.Answers[0].Text {
		t.Fatalf("after saving one, left: %+v %v", left, err)
	}
}

func TestSavingOneWindowKeepsTheOthersDraft(t *testing.T) {
	day := journal.Date{Year: 2026, Month: 11, Day: 26}
	a, b, ca, cb := twoWindows(t, day)
	saveNow(t, a) // the first window saves; the second is then killed
	closeScreen(ca, a)
	closeScreen(cb, b)
	s := setupFor(t, ca, day)
	if len(s.drafts) != 1 || s.drafts[0].Answers[0].Text != "typed in the second window" {
		t.Fatalf("drafts after one save: %+v", s.drafts)
	}
	m := newCheckin(ca, s)
	m.Init()
	if m.resumeOffer == nil || !strings.Contains(m.View(), "typed in the second window") {
		t.Fatalf("the second window's text is not offered:\n%s", m.View())
	}
}

func TestDiscardingTrashesOnlyThePickedDraft(t *testing.T) {
	day := journal.Date{Year: 2026, Month: 11, Day: 26}
	a, b, ca, cb := twoWindows(t, day)
	closeScreen(ca, a)
	closeScreen(cb, b)
	m := newCheckin(ca, setupFor(t, ca, day))
	m.Init()
	kept := m.offers[1]
	m.Update(press("x"))
	runAll(m.Update(press("x")))
	if m.resumeOffer != kept || len(m.offers) != 1 {
		t.Fatalf("after discarding one, on offer: %+v", m.offers)
	}
	left, _, _ := ca.Store.DraftsFor(&journal.Draft{Day: day})
	if len(left) != 1 || left[0].Answers[0].Text != kept.Answers[0].Text {
		t.Fatalf("left on disk: %+v", left)
	}
}

// Two reflections of one week, and two mentoring notes of one day, in two
// windows: each keeps its draft, the offer holds both, and discarding the
// one picked leaves the other on disk.
func TestReflectionAndMentoringDraftsPerWindow(t *testing.T) {
	ca := testContext(t, "en")
	cb := testContext(t, "en")
	cb.Store = journal.NewStore(ca.Store.Root)
	w := journal.WeekOf(ca.Today())
	day := ca.Today()
	type screen interface {
		drafting
		Update(tea.Msg) tea.Cmd
	}
	kinds := []struct {
		name string
		like *journal.Draft
		open func(ctx *Context, drafts []*journal.Draft) screen
	}{
		{"reflection", &journal.Draft{Day: w.Monday(), Week: w.String()}, func(ctx *Context, d []*journal.Draft) screen {
			m := newReflection(ctx, journal.NewReflection(ctx.Store.ReflectionPath(w), w), d)
			m.Init()
			return m
		}},
		{"mentoring", &journal.Draft{Day: day, Kind: "mentoring"}, func(ctx *Context, d []*journal.Draft) screen {
			m := newMentoring(ctx, nil, journal.NewMentoring(ctx.Store.MentoringPath(day), day), d)
			m.Init()
			return m
		}},
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			a, b := k.open(ca, nil), k.open(cb, nil)
			typeInto(a.Update, "first window")
			typeInto(b.Update, "second window")
			runAll(a.saveDraft())
			runAll(b.saveDraft())
			ca.Store.ReleaseDraft(a.draft())
			cb.Store.ReleaseDraft(b.draft())
			drafts, _, err := ca.Store.DraftsFor(k.like)
			if err != nil || len(drafts) != 2 {
				t.Fatalf("drafts: %+v %v", drafts, err)
			}
			m := k.open(ca, drafts)
			if !strings.Contains(viewOf(m), "2 unfinished") {
				t.Errorf("the offer does not say how many:\n%s", viewOf(m))
			}
			m.Update(press("x"))
			runAll(m.Update(press("x")))
			left, _, _ := ca.Store.DraftsFor(k.like)
			if len(left) != 1 || left[0].ID != drafts[1].ID {
				t.Fatalf("after discarding the first, left: %+v", left)
			}
		})
	}
}

func viewOf(s any) string { return s.(interface{ View() string }).View() }

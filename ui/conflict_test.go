package ui

import (
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tillit/journal"
)

// typeInto types s into a screen, a key at a time.
func typeInto(update func(tea.Msg) tea.Cmd, s string) {
	for _, r := range s {
		update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// The weekly reflection saved over a reflection another window wrote: the
// user is told, and saving again keeps both texts.
func TestReflectionSavedOverAChangedFile(t *testing.T) {
	ctx := testContext(t, "en")
	w := journal.WeekOf(ctx.Today())
	m := newReflection(ctx, journal.NewReflection(ctx.Store.ReflectionPath(w), w), nil)
	m.Init()
	typeInto(m.Update, "Mine: the morning meeting")

	other := journal.NewReflection(ctx.Store.ReflectionPath(w), w)
	other.Body.SetAnswer(m.heading(partWentWell), "Theirs: the staff party", false)
	other.Body.SetAnswer(m.heading(partLearned), "Theirs: to listen", false)
	if err := ctx.Store.SaveReflection(other); err != nil {
		t.Fatal(err)
	}

	saved, ok := m.save()().(docSavedMsg)
	if !ok || saved.err == nil {
		t.Fatalf("the save over a changed file went through: %#v", saved)
	}
	deliver(t, m.Update(saved), func(msg tea.Msg) tea.Cmd {
		// The draft and the file read again; not the cursor's blinking.
		switch msg.(type) {
		case draftSavedMsg, docRereadMsg:
			m.Update(msg)
		}
		return nil
	})
	if !strings.Contains(m.err, "changed on disk") {
		t.Errorf("the user is not told: %q", m.err)
	}

	again, ok := m.save()().(docSavedMsg)
	if !ok || again.err != nil {
		t.Fatalf("saving again failed: %#v", again)
	}
	data, _ := os.ReadFile(ctx.Store.ReflectionPath(w))
	for _, want := range []string{"Mine: the morning meeting", "Theirs: the staff party", "Theirs: to listen"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file lost %q:\n%s", want, data)
		}
	}
}

// The same for a mentoring note.
func TestMentoringSavedOverAChangedFile(t *testing.T) {
	ctx := testContext(t, "en")
	day := ctx.Today()
	m := newMentoring(ctx, nil, journal.NewMentoring(ctx.Store.MentoringPath(day), day), nil)
	m.Init()
	typeInto(m.Update, "Mine: delegation")

	other := journal.NewMentoring(ctx.Store.MentoringPath(day), day)
	other.Body.SetAnswer(m.heading(0), "Theirs: the budget", false)
	other.Mentor = "Anne"
	if err := ctx.Store.SaveMentoring(other); err != nil {
		t.Fatal(err)
	}

	saved, ok := m.save()().(docSavedMsg)
	if !ok || saved.err == nil {
		t.Fatalf("the save over a changed file went through: %#v", saved)
	}
	deliver(t, m.Update(saved), func(msg tea.Msg) tea.Cmd {
		switch msg.(type) {
		case draftSavedMsg, docRereadMsg:
			m.Update(msg)
		}
		return nil
	})
	if !strings.Contains(m.err, "changed on disk") {
		t.Errorf("the user is not told: %q", m.err)
	}
	again, ok := m.save()().(docSavedMsg)
	if !ok || again.err != nil {
		t.Fatalf("saving again failed: %#v", again)
	}
	data, _ := os.ReadFile(ctx.Store.MentoringPath(day))
	for _, want := range []string{"Theirs: the budget\n\nMine: delegation", "mentor: Anne"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file lost %q:\n%s", want, data)
		}
	}
}

// A part written here as private stays private when another window made
// it public meanwhile: nothing typed as private turns public by a merge.
func TestRebaseKeepsWhatWasTypedPrivate(t *testing.T) {
	ctx := testContext(t, "en")
	w := journal.WeekOf(ctx.Today())
	first := journal.NewReflection(ctx.Store.ReflectionPath(w), w)
	heading := ctx.T("reflection.went_well")
	first.Body.SetAnswer(heading, "old secret", true)
	if err := ctx.Store.SaveReflection(first); err != nil {
		t.Fatal(err)
	}
	base, err := ctx.Store.LoadReflection(w)
	if err != nil {
		t.Fatal(err)
	}
	m := newReflection(ctx, base, nil)
	m.Init()
	typeInto(m.Update, " NEW SECRET about Kari")

	other, _ := ctx.Store.LoadReflection(w)
	other.Body.SetAnswer(heading, "old secret", false) // made public elsewhere
	if err := ctx.Store.SaveReflection(other); err != nil {
		t.Fatal(err)
	}
	saved := m.save()().(docSavedMsg)
	m.Update(saved)
	r, err := ctx.Store.LoadReflection(w)
	if err != nil {
		t.Fatal(err)
	}
	m.rebase(r)
	if again := m.save()().(docSavedMsg); again.err != nil {
		t.Fatal(again.err)
	}
	got, _ := ctx.Store.LoadReflection(w)
	a, ok := got.Body.Answer(heading)
	if !ok || !a.Private || !strings.Contains(a.Text, "NEW SECRET") {
		t.Errorf("the part typed as private is now %+v", a)
	}
}

// The mentoring note's ticks merge three ways: a tick changed here wins, the
// file's stand otherwise, and one the file added joins the list.
func TestMentoringTicksMerge(t *testing.T) {
	ctx := testContext(t, "en")
	day := ctx.Today()
	base := journal.NewMentoring(ctx.Store.MentoringPath(day), day)
	base.Answered = []string{"Q1"}
	m := newMentoring(ctx, nil, base, nil)
	// Here: Q1 un-ticked. The file: Q1 still ticked, Q2 ticked.
	m.answered[0] = false
	theirs := journal.NewMentoring(ctx.Store.MentoringPath(day), day)
	theirs.Answered = []string{"Q1", "Q2"}
	m.rebase(theirs)
	got := m.apply().Answered
	if strings.Join(got, ",") != "Q2" {
		t.Errorf("answered after the merge: %v, want [Q2]", got)
	}
}

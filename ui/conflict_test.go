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

	saved, ok := m.save()().(reflectionSavedMsg)
	if !ok || saved.err == nil {
		t.Fatalf("the save over a changed file went through: %#v", saved)
	}
	deliver(t, m.Update(saved), func(msg tea.Msg) tea.Cmd {
		// The draft and the file read again; not the cursor's blinking.
		switch msg.(type) {
		case draftSavedMsg, reflectionReloadedMsg:
			m.Update(msg)
		}
		return nil
	})
	if !strings.Contains(m.err, "changed on disk") {
		t.Errorf("the user is not told: %q", m.err)
	}

	again, ok := m.save()().(reflectionSavedMsg)
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

	saved, ok := m.save()().(mentoringSavedMsg)
	if !ok || saved.err == nil {
		t.Fatalf("the save over a changed file went through: %#v", saved)
	}
	deliver(t, m.Update(saved), func(msg tea.Msg) tea.Cmd {
		switch msg.(type) {
		case draftSavedMsg, mentoringReloadedMsg:
			m.Update(msg)
		}
		return nil
	})
	if !strings.Contains(m.err, "changed on disk") {
		t.Errorf("the user is not told: %q", m.err)
	}
	again, ok := m.save()().(mentoringSavedMsg)
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

package ui

import (
	"os"
	"strings"
	"syscall"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tillit/journal"
)

// deliver runs cmd the way the program would and hands every message
// but a tick to update.
func deliver(t *testing.T, cmd tea.Cmd, update func(tea.Msg) tea.Cmd) {
	t.Helper()
	if cmd == nil {
		return
	}
	msg := cmd()
	switch msg := msg.(type) {
	case tickMsg:
		return
	case tea.BatchMsg:
		for _, c := range msg {
			deliver(t, c, update)
		}
		return
	}
	if cmds, ok := sequence(msg); ok {
		for _, c := range cmds {
			deliver(t, c, update)
		}
		return
	}
	deliver(t, update(msg), update)
}

// Two writers on one day: the check-in saved second is refused, the user is
// told, the text is kept as a draft, and saving again keeps both texts.
func TestCheckinSavedOverAChangedFile(t *testing.T) {
	ctx := testContext(t, "en")
	day := journal.Date{Year: 2026, Month: 11, Day: 26}
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	m.Update(press("enter"))
	typeText(m, "My answer, typed while the file changed")

	// Another tillit adds a note meanwhile.
	if err := ctx.Store.AppendNote(day, testNow, "A note from the other window", false); err != nil {
		t.Fatal(err)
	}
	m.Update(press("ctrl+s"))
	msg := m.Update(press("ctrl+s"))()
	saved, ok := msg.(docSavedMsg)
	if !ok || saved.err == nil {
		t.Fatalf("the save over a changed file went through: %#v", msg)
	}
	deliver(t, m.Update(saved), m.Update)
	if !strings.Contains(m.err, "changed on disk") {
		t.Errorf("the user is not told: %q", m.err)
	}
	onScreen(t, m.View(), ctx.Height, "changed on disk")
	d, err := ctx.Store.LoadDraft(day)
	if err != nil || d == nil || d.Answers[0].Text != "My answer, typed while the file changed" {
		t.Fatalf("the text is not kept as a draft: %+v %v", d, err)
	}
	if n := m.base.Body.Notes(); len(n) != 1 || n[0].Text != "A note from the other window" {
		t.Errorf("the check-in is not on top of the file as it is now: %+v", n)
	}

	// Saving again keeps both.
	e := saveNow(t, m)
	data, _ := os.ReadFile(e.Path)
	for _, want := range []string{"My answer, typed while the file changed", "A note from the other window"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file lost %q:\n%s", want, data)
		}
	}
}

// A full disk when saving a check-in: the text stays in the check-in, the
// user hears why and that no draft could be kept either, nothing is
// written; with room again, the same check-in saves.
func TestCheckinOnAFullDisk(t *testing.T) {
	ctx := testContext(t, "en")
	day := journal.Date{Year: 2026, Month: 11, Day: 26}
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	m.Update(press("enter"))
	typeText(m, "Words the disk has no room for")

	journal.SimulateWriteFault(syscall.ENOSPC)
	defer journal.SimulateWriteFault(nil)
	m.Update(press("ctrl+s"))
	saved := m.Update(press("ctrl+s"))().(docSavedMsg)
	if saved.err == nil {
		t.Fatal("saved on a full disk")
	}
	deliver(t, m.Update(saved), func(msg tea.Msg) tea.Cmd { return m.Update(msg) })
	for _, want := range []string{"Not saved", "the disk is full", "No draft could be kept", "still here"} {
		if !strings.Contains(m.err, want) {
			t.Errorf("the message %q lacks %q", m.err, want)
		}
	}
	onScreen(t, m.View(), ctx.Height, "disk is full")
	if m.answers[0].Value() != "Words the disk has no room for" || m.current() != stepPreview {
		t.Errorf("the check-in lost its text or step: %q at %v", m.answers[0].Value(), m.current())
	}
	if _, err := os.Stat(ctx.Store.DayPath(day)); err == nil {
		t.Error("an entry was written")
	}

	// Leaving would lose the text: it stays open and says why.
	m.Update(press("esc"))
	for m.current() != stepTip {
		m.Update(press("esc"))
	}
	m.Update(press("esc"))
	if !m.confirmLeave {
		t.Fatal("no question before leaving")
	}
	deliver(t, m.Update(press("y")), func(msg tea.Msg) tea.Cmd {
		if _, left := msg.(closeMsg); left {
			t.Fatal("left the check-in though its draft could not be written")
		}
		return m.Update(msg)
	})
	if !strings.Contains(m.err, "draft could not be saved") {
		t.Errorf("not told why it stays: %q", m.err)
	}

	journal.SimulateWriteFault(nil)
	e := saveNow(t, m)
	if data, _ := os.ReadFile(e.Path); !strings.Contains(string(data), "Words the disk has no room for") {
		t.Errorf("saved without the text:\n%s", data)
	}
}

// When the save fails but the draft is written, the user hears that the
// text is kept as a draft.
func TestFailedSaveKeptAsDraft(t *testing.T) {
	ctx := testContext(t, "nb")
	day := journal.Date{Year: 2026, Month: 11, Day: 26}
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	m.Update(press("enter"))
	typeText(m, "Tekst")
	m.Update(press("ctrl+s"))
	m.Update(docSavedMsg{err: &journal.WriteError{Path: ctx.Store.DayPath(day), Err: syscall.EROFS}})
	if !strings.Contains(m.err, "skrivebeskyttet") || strings.Contains(m.err, "utkast") {
		t.Errorf("before the draft is written: %q", m.err)
	}
	m.Update(draftSavedMsg{})
	if !strings.Contains(m.err, "Ikke lagret") || !strings.Contains(m.err, "tatt vare på som utkast") {
		t.Errorf("after the draft is written: %q", m.err)
	}
}

// onScreen fails unless text shows in what the root draws of view: the
// lines above the footer.
func onScreen(t *testing.T, view string, height int, text string) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > height-2 {
		lines = lines[:height-2]
	}
	if shown := ansi.Strip(strings.Join(lines, "\n")); !strings.Contains(strings.Join(strings.Fields(shown), " "), text) {
		t.Errorf("%q is not on the screen:\n%s", text, shown)
	}
}

// Two check-ins answer the same question at once: after the conflict the
// field holds both answers, the file's first, and saving keeps both.
func TestTwoCheckInsOnOneQuestion(t *testing.T) {
	ctx := testContext(t, "nb")
	day := journal.Date{Year: 2026, Month: 11, Day: 26}
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	m.Update(press("enter"))
	typeText(m, "Svaret fra dette vinduet.")
	m.Update(press("tab"))
	m.Update(press("tab"))
	m.Update(press("4"))
	m.Update(press("enter"))
	typeText(m, "Min forpliktelse")

	// The other window saves its answer to the same question first.
	other, err := ctx.Store.Load(day)
	if err != nil {
		t.Fatal(err)
	}
	journal.CheckIn{Date: day, Tip: m.tip.Number, Rating: 2, Commitment: "Deres forpliktelse",
		Answers: []journal.Answer{{Question: m.questions[0], Text: "Svaret fra det andre vinduet."}, {Question: m.questions[1], Text: "Bare der."}}}.ApplyTo(other)
	if err := ctx.Store.Save(other); err != nil {
		t.Fatal(err)
	}

	m.Update(press("ctrl+s"))
	saved := m.Update(press("ctrl+s"))().(docSavedMsg)
	if saved.err == nil {
		t.Fatal("saved over the other window's check-in")
	}
	deliver(t, m.Update(saved), m.Update)
	if got := m.answers[0].Value(); got != "Svaret fra det andre vinduet.\n\nSvaret fra dette vinduet." {
		t.Errorf("after the conflict the answer is %q", got)
	}
	if got := m.answers[1].Value(); got != "Bare der." {
		t.Errorf("the answer only the other window wrote is %q", got)
	}
	if got := m.commitment.Value(); got != "Deres forpliktelse · Min forpliktelse" {
		t.Errorf("the commitment is %q", got)
	}
	e := saveNow(t, m)
	data, _ := os.ReadFile(e.Path)
	for _, want := range []string{"Svaret fra det andre vinduet.\n\nSvaret fra dette vinduet.", "Bare der.", "Deres forpliktelse · Min forpliktelse", "rating: 4"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file lacks %q:\n%s", want, data)
		}
	}
}

package ui

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"tillit/journal"
)

// manyLines is n numbered lines of journal text, without a last newline.
func manyLines(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "Linje %d: i dag snakket jeg med Ingrid om vaktlista, og hun ba om mer tid.", i+1)
	}
	return b.String()
}

// oneLongLine is a single line of words of about n bytes.
func oneLongLine(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "ord%d æøå ", i)
	}
	return strings.TrimSpace(b.String()[:n])
}

// atQuestions opens a check-in of day and goes to its first answer.
func atQuestions(t testing.TB, ctx *Context, day journal.Date) *checkinModel {
	t.Helper()
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	m.Update(press("enter"))
	if m.current() != stepQuestions {
		t.Fatalf("at step %v, not the questions", m.current())
	}
	return m
}

// savedAnswer reads the day's file back and returns its answer to q.
func savedAnswer(t *testing.T, store *journal.Store, day journal.Date, q string) string {
	t.Helper()
	e, err := store.Load(day)
	if err != nil {
		t.Fatal(err)
	}
	a, ok := e.Body.Answer(q)
	if !ok {
		t.Fatalf("the file has no answer to %q", q)
	}
	return a.Text
}

// A paste of 15,000 lines (more than a textarea holds) is kept whole: as
// the field's value, in the draft, after resuming it, and in the file.
func TestPasteOf15000LinesKeepsEveryLine(t *testing.T) {
	ctx := testContext(t, "nb")
	day := journal.Date{Year: 2026, Month: 11, Day: 26}
	text := manyLines(15000)
	m := atQuestions(t, ctx, day)
	m.Update(tea.PasteMsg{Content: text})
	if got := m.answers[0].Value(); got != text {
		t.Fatalf("the field holds %d lines of %d", strings.Count(got, "\n")+1, 15000)
	}
	// Typing goes on at the end.
	typeText(m, "\nSiste ord.")
	text += "\nSiste ord."
	if got := m.answers[0].Value(); got != text {
		t.Fatalf("after typing, the field ends %q", got[max(0, len(got)-40):])
	}

	runAll(m.saveDraft())
	ctx.Store.ReleaseDraft(m.draft()) // the screen is closed, as the root closes it
	d, err := ctx.Store.LoadDraft(day)
	if err != nil || d == nil || d.Answers[0].Text != text {
		t.Fatalf("the draft does not hold the text (%v)", err)
	}
	m = newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	m.Update(press("r"))
	if m.answers[0].Value() != text {
		t.Fatalf("resumed, the field holds %d lines", strings.Count(m.answers[0].Value(), "\n")+1)
	}

	saveNow(t, m)
	if got := savedAnswer(t, ctx.Store, day, m.questions[0]); got != text {
		t.Fatalf("the file holds %d lines of the answer, not 15,001", strings.Count(got, "\n")+1)
	}
	data, _ := os.ReadFile(ctx.Store.DayPath(day))
	if !strings.Contains(string(data), "\n\n"+text+"\n") {
		t.Error("the file's answer section is not the pasted text")
	}
}

// A line of a megabyte is kept whole, and a key in its field still costs
// little: the field draws only a window of it.
func TestOneMegabyteLineKeepsKeysQuick(t *testing.T) {
	ctx := testContext(t, "en")
	day := journal.Date{Year: 2026, Month: 11, Day: 26}
	text := oneLongLine(1 << 20)
	m := atQuestions(t, ctx, day)
	m.Update(tea.PasteMsg{Content: text})
	if m.answers[0].Value() != text {
		t.Fatalf("the field holds %d bytes of %d", len(m.answers[0].Value()), len(text))
	}
	// The fastest of a few keys, beside the same keys in a short answer
	// on the same machine now: a busy machine slows both.
	keys := []tea.KeyPressMsg{{Code: 'a', Text: "a"}, {Code: tea.KeyBackspace}}
	fastest := func(m *checkinModel) time.Duration {
		best := time.Hour
		for i := range 6 {
			start := time.Now()
			m.Update(keys[i%2])
			view := m.View()
			best = min(best, time.Since(start))
			if len(view) > 64<<10 {
				t.Fatalf("the view is %d bytes", len(view))
			}
		}
		return best
	}
	short := atQuestions(t, ctx, day.AddDays(1))
	short.Update(tea.PasteMsg{Content: "a few words"})
	if long, base := fastest(m), fastest(short); tooSlow(long, base) {
		t.Errorf("a key takes %v (in a short answer %v)", long, base)
	}
	if m.answers[0].Value() != text {
		t.Fatal("typing a and deleting it changed the text")
	}
	saveNow(t, m)
	if got := savedAnswer(t, ctx.Store, day, m.questions[0]); got != text {
		t.Fatalf("the file holds %d bytes of the answer, not %d", len(got), len(text))
	}
}

// A day whose saved answer is longer than a textarea holds opens for
// editing; saved unchanged, the file stays as it was, and what is typed at
// the end is added to all of it. Text of any length comes back from the
// editor whole.
func TestHugeSavedAnswerOpensAndSavesIntact(t *testing.T) {
	ctx := testContext(t, "en")
	store := ctx.Store
	day := journal.Date{Year: 2026, Month: 11, Day: 26}
	long := manyLines(15000)
	e := journal.NewEntry(store.DayPath(day), day)
	journal.CheckIn{Date: day, Tip: 1, Answers: []journal.Answer{{Question: "Hva?", Text: long}}}.ApplyTo(e)
	if err := store.Save(e); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(store.DayPath(day))
	m := newTestModel(Options{Store: store, Lang: ctx.Lang, Editor: "true", Now: ctx.Now})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	openCheckinFrom(m, draftLoadedMsg{setup: setupFor(t, ctx, day)})
	c, ok := find[*checkinModel](m)
	if !ok {
		t.Fatalf("the check-in did not open: %v", m.today.unreadable)
	}
	if c.answers[0].Value() != long {
		t.Fatalf("the field holds %d lines", strings.Count(c.answers[0].Value(), "\n")+1)
	}
	if c.checkIn().Answers != nil {
		t.Error("an unchanged answer would be written again")
	}

	c.Update(press("enter"))
	typeText(c, "\nOg en til.")
	c.Update(press("ctrl+s"))
	msg, ok := c.Update(press("ctrl+s"))().(docSavedMsg)
	if !ok || msg.err != nil {
		t.Fatalf("save: %v", msg.err)
	}
	if got := savedAnswer(t, store, day, "Hva?"); got != long+"\nOg en til." {
		t.Fatalf("the file holds %d lines, ending %q", strings.Count(got, "\n")+1, got[max(0, len(got)-30):])
	}
	if now, _ := os.ReadFile(store.DayPath(day)); !strings.HasPrefix(string(now), strings.SplitN(string(before), long, 2)[0]) {
		t.Error("the file changed before the answer")
	}

	path, err := ctx.Store.WriteScratch("checkin-2026-11-26-2.md", long)
	if err != nil {
		t.Fatal(err)
	}
	// The file ends in a newline, as a text file does; the field drops it.
	if edited := readEdited(ctx, 0, path)().(editedTextMsg); edited.err != nil || strings.TrimSuffix(edited.text, "\n") != long {
		t.Fatalf("from the editor: %d bytes, %v", len(edited.text), edited.err)
	}
}

// The preview renders the beginning of a long answer and says so; the
// file gets all of it.
func TestLongAnswerPreviewIsShortened(t *testing.T) {
	ctx := testContext(t, "en")
	day := journal.Date{Year: 2026, Month: 11, Day: 26}
	m := atQuestions(t, ctx, day)
	text := oneLongLine(1 << 20)
	m.Update(tea.PasteMsg{Content: text})
	md := m.preview()
	if len(md) > 64<<10 {
		t.Fatalf("the preview's markdown is %d bytes", len(md))
	}
	if !strings.Contains(md, "all of it is saved") {
		t.Errorf("the preview does not say it is shortened:\n%s", md[len(md)-300:])
	}
	if m.answers[0].Value() != text {
		t.Error("the answer itself was shortened")
	}
}

// A weekly reflection and a mentoring note take a paste of any length
// too: it is one field, shared by the three editors.
func TestLongPasteInReflectionAndMentoring(t *testing.T) {
	ctx := testContext(t, "en")
	text := manyLines(12000)
	w := journal.WeekOf(ctx.Today())
	r, err := ctx.Store.LoadReflection(w)
	if err != nil {
		t.Fatal(err)
	}
	rm := newReflection(ctx, r, nil)
	rm.Init()
	rm.Update(tea.PasteMsg{Content: text})
	if got := rm.text[partWentWell].Value(); got != text {
		t.Fatalf("the reflection's field holds %d lines", strings.Count(got, "\n")+1)
	}
	if a, _ := rm.apply().Body.Answer(rm.heading(partWentWell)); a.Text != text {
		t.Fatalf("the reflection would save %d lines", strings.Count(a.Text, "\n")+1)
	}

	day := ctx.Today()
	n, err := ctx.Store.LoadMentoring(day)
	if err != nil {
		t.Fatal(err)
	}
	mm := newMentoring(ctx, nil, n, nil)
	mm.Init()
	p, _ := mm.focused().(*part)
	for k := 0; p == nil && k < 10; k++ {
		mm.Update(press("tab"))
		p, _ = mm.focused().(*part)
	}
	mm.Update(tea.PasteMsg{Content: text})
	if got := p.Value(); got != text {
		t.Fatalf("the mentoring note's field holds %d lines", strings.Count(got, "\n")+1)
	}
}

// A page holding a megabyte on one line shows at once: until Glamour's
// render arrives, the pager shows only what fills the window (it had
// wrapped the whole line on every View, for minutes).
func TestPageWithALongLineShowsAtOnce(t *testing.T) {
	ctx := testContext(t, "en")
	md := "# A day\n\n## Q\n\n" + oneLongLine(1<<20)
	fastest := func(md string) time.Duration {
		best := time.Hour
		for range 3 {
			p := newPager(ctx)
			p.setSize(ctx.Width, ctx.Height-4)
			start := time.Now()
			p.show("preview", md)
			view := p.View()
			best = min(best, time.Since(start))
			if !strings.Contains(view, "ord0 æøå") {
				t.Fatalf("the page shows:\n%s", view)
			}
		}
		return best
	}
	if long, base := fastest(md), fastest("# A day\n\n## Q\n\nord0 æøå"); tooSlow(long, base) {
		t.Errorf("showing the page takes %v (a short one %v)", long, base)
	}
}

// The offer to resume a draft shows the beginning of a long answer, not
// all of it: a megabyte on one line took 0.13 s a View to wrap.
func TestResumeOfferOfALongDraftIsShort(t *testing.T) {
	ctx := testContext(t, "en")
	day := journal.Date{Year: 2026, Month: 11, Day: 26}
	m := atQuestions(t, ctx, day)
	text := oneLongLine(1 << 20)
	m.Update(tea.PasteMsg{Content: text})
	m.saveDraft()()
	ctx.Store.ReleaseDraft(m.draft()) // the screen is closed
	m = newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	if m.resumeOffer == nil {
		t.Fatal("no offer to resume")
	}
	if view := m.View(); len(view) > 16<<10 || !strings.Contains(view, "ord0 æøå") {
		t.Fatalf("the offer is %d bytes:\n%s", len(view), view[:min(len(view), 2000)])
	}
	m.Update(press("r"))
	if m.answers[0].Value() != text {
		t.Error("resumed, the answer is not the draft's")
	}
}

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"tillit/coach"
	"tillit/config"
	"tillit/content"
	"tillit/journal"
	"tillit/locale"
)

// testNow is the clock of the tests: Friday 27 November 2026, 09:30.
var testNow = time.Date(2026, 11, 27, 9, 30, 0, 0, time.Local)

func testContext(t testing.TB, lang string) *Context {
	t.Helper()
	cat := locale.New(lang)
	ctx := &Context{
		Width: 100, Height: 30,
		Keys:   DefaultKeyMap(cat),
		Lang:   cat,
		Pack:   content.MustBuiltin(lang),
		Store:  journal.NewStore(t.TempDir()),
		Config: config.Config{},
		Editor: "true",
		Now:    func() time.Time { return testNow },
		md:     newMarkdownRenderer(),

		Tick:         testTick,
		SteadyCursor: true,
	}
	ctx.Coach = coach.New(cat, ctx.Pack, nil)
	ctx.setTheme(true)
	return ctx
}

func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	}
	if c, ok := strings.CutPrefix(s, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(c[0]), Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

func typeText(m *checkinModel, s string) {
	for _, r := range s {
		if r == '\n' {
			m.Update(press("enter"))
			continue
		}
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// setupFor loads what a check-in of day needs from the test journal.
func setupFor(t testing.TB, ctx *Context, day journal.Date) checkinSetup {
	t.Helper()
	entries, problems := ctx.Store.Entries()
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	base, err := ctx.Store.Load(day)
	if err != nil {
		t.Fatal(err)
	}
	drafts, _, err := ctx.Store.DraftsFor(&journal.Draft{Day: day})
	if err != nil {
		t.Fatal(err)
	}
	return checkinSetup{day: day, base: base, entries: entries, drafts: drafts}
}

// saveNow runs the save command as the program would and hands the result
// back to the model.
func saveNow(t *testing.T, m *checkinModel) *journal.Entry {
	t.Helper()
	if m.current() != stepPreview {
		m.Update(press("ctrl+s")) // ctrl+s first shows the preview
		if m.current() != stepPreview {
			t.Fatalf("ctrl+s went to step %v, not the preview", m.current())
		}
	}
	cmd := m.Update(press("ctrl+s"))
	if cmd == nil {
		t.Fatal("ctrl+s gave no command")
	}
	msg, ok := cmd().(docSavedMsg)
	if !ok || msg.err != nil {
		t.Fatalf("save: %#v", msg)
	}
	m.Update(msg)
	return msg.doc.(*journal.Entry)
}

func TestCheckinSteps(t *testing.T) {
	ctx := testContext(t, "nb")
	day := journal.Date{Year: 2026, Month: 11, Day: 23}
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()

	if m.tip.Number != 1 || m.current() != stepTip || len(m.steps) != 5 {
		t.Fatalf("start: tip %d, step %v, %d steps", m.tip.Number, m.current(), len(m.steps))
	}
	m.Update(press("enter"))
	if m.current() != stepQuestions {
		t.Fatalf("after enter: step %v", m.current())
	}
	typeText(m, "Første linje med æøå\nandre linje ÆØÅ")
	m.Update(press("ctrl+p"))
	m.Update(press("tab"))
	typeText(m, "Svar to")
	// Back and forward keep the text.
	m.Update(press("shift+tab"))
	m.Update(press("shift+tab"))
	if m.current() != stepTip {
		t.Fatalf("shift+tab twice should go back to the tip, at %v", m.current())
	}
	m.Update(press("enter"))
	if got := m.answers[0].Value(); got != "Første linje med æøå\nandre linje ÆØÅ" {
		t.Fatalf("text lost going back and forth: %q", got)
	}
	m.Update(press("tab"))
	m.Update(press("tab"))
	if m.current() != stepRating {
		t.Fatalf("at %v, want rating", m.current())
	}
	m.Update(press("4"))
	m.Update(press("tab"))
	m.Update(press("right"))
	m.Update(press("right"))
	m.Update(press("enter"))
	if m.rating != 4 || m.energy != 2 || m.current() != stepCommitment {
		t.Fatalf("rating %d energy %d step %v", m.rating, m.energy, m.current())
	}
	typeText(m, "Spør Kari hva hun trenger")
	m.Update(press("enter"))
	if m.current() != stepPreview {
		t.Fatalf("at %v, want preview", m.current())
	}
	if md := m.preview(); !strings.Contains(md, "Spør Kari") || !strings.Contains(md, "🔒") {
		t.Errorf("preview lacks the commitment or the private mark:\n%s", md)
	}

	e := saveNow(t, m)
	data, err := os.ReadFile(e.Path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, want := range []string{"date: 2026-11-23\npack: trust\npack_version: 3\ntip: 1\n", "rating: 4\n", "energy: 2\n", "commitment: Spør Kari hva hun trenger\n",
		"<!-- private -->\n## " + m.questions[0] + "\n\nFørste linje med æøå\nandre linje ÆØÅ\n<!-- /private -->", "Svar to"} {
		if !strings.Contains(s, want) {
			t.Errorf("file lacks %q:\n%s", want, s)
		}
	}
	if filepath.Base(e.Path) != "2026-11-23.md" {
		t.Errorf("path %s", e.Path)
	}
	if info, err := os.Stat(e.Path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("mode of the saved entry: %v %v", info.Mode(), err)
	}
}

func TestCheckinFollowsUpAndEdits(t *testing.T) {
	ctx := testContext(t, "en")
	s := ctx.Store
	first := journal.NewEntry(s.DayPath(journal.Date{Year: 2026, Month: 11, Day: 23}), journal.Date{Year: 2026, Month: 11, Day: 23})
	journal.CheckIn{Date: first.Date, Tip: 1, Commitment: "Ask Kari"}.ApplyTo(first)
	if err := s.Save(first); err != nil {
		t.Fatal(err)
	}

	day := journal.Date{Year: 2026, Month: 11, Day: 24}
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	if m.tip.Number != 2 || m.target == nil || m.target.Date != first.Date {
		t.Fatalf("tip %d, target %v", m.tip.Number, m.target)
	}
	m.Update(press("enter"))
	if m.current() != stepFollowup {
		t.Fatalf("at %v, want follow-up", m.current())
	}
	m.Update(press("2"))
	m.Update(press("tab"))
	typeText(m, "Half of it")
	m.Update(press("enter"))
	typeText(m, "An answer")
	e := saveNow(t, m)
	if e.Followup != journal.FollowupPartly || e.FollowupOf != first.Date || e.FollowupNote != "Half of it" {
		t.Errorf("follow-up: %+v", e.Meta)
	}

	// Checking in again on the same day edits that entry.
	m = newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	if !m.editing || m.tip.Number != 2 || m.answers[0].Value() != "An answer" || followupChoices[m.followup] != journal.FollowupPartly {
		t.Fatalf("edit did not load the entry: editing=%v tip=%d answer=%q", m.editing, m.tip.Number, m.answers[0].Value())
	}
	m.Update(press("enter"))
	m.Update(press("enter"))
	typeText(m, " and more")
	e = saveNow(t, m)
	a, _ := e.Body.Answer(m.questions[0])
	if a.Text != "An answer and more" {
		t.Errorf("edited answer: %q", a.Text)
	}
}

func TestChoosingAnotherTip(t *testing.T) {
	ctx := testContext(t, "nb")
	day := journal.Date{Year: 2026, Month: 11, Day: 25}
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	m.Update(press("t"))
	if !m.picking {
		t.Fatal("t should open the tip list")
	}
	m.Update(press("9"))
	m.Update(press("enter"))
	if m.tip.Number != 9 {
		t.Fatalf("tip %d, want 9", m.tip.Number)
	}
	tip9, _ := ctx.Pack.Tip(9)
	if m.questions[0] != tip9.Questions[0] {
		t.Errorf("questions not from tip 9: %v", m.questions)
	}
	m.Update(press("enter"))
	typeText(m, "Til stede")
	saveNow(t, m)
	entries, _ := ctx.Store.Entries()
	if due := journal.DueTip(entries, day.AddDays(1), 14); due != 1 {
		t.Errorf("after choosing 9 on an empty journal, tip %d is due, want 1", due)
	}
}

func TestLeavingKeepsADraft(t *testing.T) {
	ctx := testContext(t, "en")
	day := journal.Date{Year: 2026, Month: 11, Day: 26}
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	m.Update(press("enter"))
	typeText(m, "Something I must not lose")
	m.Update(press("esc")) // back to the tip
	m.Update(press("esc")) // asks before leaving
	if !m.confirmLeave {
		t.Fatal("leaving with text should ask first")
	}
	cmd := m.Update(press("y"))
	if cmd == nil {
		t.Fatal("no command to leave")
	}
	// The sequence saves the draft, then leaves.
	runAll(cmd)
	d, err := ctx.Store.LoadDraft(day)
	if err != nil || d == nil || d.Answers[0].Text != "Something I must not lose" {
		t.Fatalf("draft: %+v %v", d, err)
	}

	// The next check-in offers it, once the root has closed this one.
	ctx.Store.ReleaseDraft(m.draft())
	m = newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	if m.resumeOffer == nil {
		t.Fatal("no offer to resume")
	}
	m.Update(press("r"))
	if m.answers[0].Value() != "Something I must not lose" || m.current() != stepTip {
		t.Errorf("resumed %q at %v", m.answers[0].Value(), m.current())
	}
}

func TestCheckinCountsWithinItsPack(t *testing.T) {
	ctx := testContext(t, "en")
	own, err := content.ParsePack("own.yaml", []byte("pack: own\nversion: 3\nlanguage: en\ntips:\n"+
		"  - {number: 1, id: a, title: A., questions: [\"A1?\", \"A2?\", \"A3?\", \"A4?\"]}\n"+
		"  - {number: 2, id: b, title: B., questions: [\"B1?\", \"B2?\"]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	// Two check-ins with the built-in pack, on tips 1 and 2.
	for i, d := range []int{20, 21} {
		day := journal.Date{Year: 2026, Month: 11, Day: d}
		e := journal.NewEntry(ctx.Store.DayPath(day), day)
		journal.CheckIn{Date: day, Tip: i + 1}.ApplyTo(e)
		if err := ctx.Store.Save(e); err != nil {
			t.Fatal(err)
		}
	}
	ctx.Pack, ctx.Packs = own, []*content.Pack{own}
	ctx.Coach = coach.New(ctx.Lang, own, ctx.Packs)
	day := journal.Date{Year: 2026, Month: 11, Day: 22}
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	if m.tip.Number != 1 || m.questions[0] != "A1?" {
		t.Fatalf("a new pack starts at its tip 1 with its first questions: tip %d, %v", m.tip.Number, m.questions)
	}
	m.Update(press("enter"))
	typeText(m, "x")
	e := saveNow(t, m)
	if e.Pack != "own" || e.PackVersion != "3" {
		t.Errorf("entry pack %q version %q", e.Pack, e.PackVersion)
	}
	// The next check-in in the pack goes on to its tip 2.
	m = newCheckin(ctx, setupFor(t, ctx, day.AddDays(1)))
	if m.tip.Number != 2 || m.questions[0] != "B1?" {
		t.Errorf("next: tip %d, %v", m.tip.Number, m.questions)
	}
	// Editing the built-in check-in of the 21st shows the built-in tip 2.
	m = newCheckin(ctx, setupFor(t, ctx, journal.Date{Year: 2026, Month: 11, Day: 21}))
	if m.pack.ID != content.BuiltinID || m.tip.Number != 2 || m.tip.ID != "kunnskapsutvikling" {
		t.Errorf("edit: pack %s tip %d %s", m.pack.ID, m.tip.Number, m.tip.ID)
	}
}

func TestCtrlCOnTheResumeScreenKeepsTheDraft(t *testing.T) {
	ctx := testContext(t, "en")
	day := journal.Date{Year: 2026, Month: 11, Day: 23}
	// A saved check-in, and a draft with more text than the entry.
	e := journal.NewEntry(ctx.Store.DayPath(day), day)
	q := content.MustBuiltin("en").Tips[0].Questions[0]
	journal.CheckIn{Date: day, Tip: 1, Answers: []journal.Answer{{Question: q, Text: "saved"}}}.ApplyTo(e)
	if err := ctx.Store.Save(e); err != nil {
		t.Fatal(err)
	}
	draft := &journal.Draft{Day: day, Tip: 1, Answers: []journal.DraftAnswer{{Question: q, Text: "saved plus an hour of new writing"}}}
	if err := ctx.Store.SaveDraft(draft); err != nil {
		t.Fatal(err)
	}
	ctx.Store.ReleaseDraft(draft) // the window that wrote it is closed
	root := newTestModel(Options{Store: ctx.Store, Lang: ctx.Lang, Editor: "true", Now: ctx.Now})
	root.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	openCheckinFrom(root, prepareCheckin(root.ctx, ctx.Store.Read(), day, 0, false)())
	c, ok := find[*checkinModel](root)
	if !ok || c.resumeOffer == nil {
		t.Fatal("the draft was not offered")
	}
	if root.Draft() != nil {
		t.Error("the resume screen would overwrite the draft")
	}
	runAll(root.quit())
	d, _ := ctx.Store.LoadDraft(day)
	if d == nil || d.Answers[0].Text != "saved plus an hour of new writing" {
		t.Fatalf("draft after ctrl+c: %+v", d)
	}
	// Typing words here by mistake throws nothing away: x asks, and only x
	// again discards.
	for _, r := range "du jobbet med det, ja" { // no r: that resumes, which is safe too
		c.Update(press(string(r)))
	}
	if c.resumeOffer == nil {
		t.Fatal("typing words discarded the draft")
	}
	c.Update(press("x"))
	if !c.confirmDiscard {
		t.Fatal("x should ask first")
	}
	c.Update(press("j"))
	if c.resumeOffer == nil || c.confirmDiscard {
		t.Fatal("any key but x should keep the draft")
	}
	c.Update(press("x"))
	c.Update(press("x"))
	if c.resumeOffer != nil {
		t.Fatal("x, x should discard")
	}
}

func TestADraftTheEntryAlreadyHoldsIsNotOffered(t *testing.T) {
	ctx := testContext(t, "en")
	day := journal.Date{Year: 2026, Month: 11, Day: 23}
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	m.Update(press("enter"))
	typeText(m, "an answer")
	// A draft written as late as possible: with the same text as the save.
	if err := ctx.Store.SaveDraft(m.draft()); err != nil {
		t.Fatal(err)
	}
	saveNow(t, m)
	if err := ctx.Store.SaveDraft(m.draft()); err != nil { // lands after the save
		t.Fatal(err)
	}
	ctx.Store.ReleaseDraft(m.draft()) // the screen is closed
	msg := prepareCheckin(ctx, ctx.Store.Read(), day, 0, false)().(draftLoadedMsg)
	if msg.err != nil || len(msg.setup.drafts) != 0 {
		t.Fatalf("a draft the entry holds was offered: %+v %v", msg.setup.drafts, msg.err)
	}
	if d, _ := ctx.Store.LoadDraft(day); d != nil {
		t.Error("the stale draft was left behind")
	}
}

func TestPickerDigits(t *testing.T) {
	ctx := testContext(t, "en")
	m := newCheckin(ctx, setupFor(t, ctx, journal.Date{Year: 2026, Month: 11, Day: 23}))
	m.Update(press("t"))
	for _, c := range []struct {
		keys string
		want int
	}{{"3", 3}, {"9", 9}, {"13", 13}, {"1", 1}, {"2", 2}, {"14", 14}, {"15", 5}} {
		for _, r := range c.keys {
			m.Update(press(string(r)))
		}
		if m.pickIndex+1 != c.want {
			t.Errorf("typing %s selects tip %d, want %d", c.keys, m.pickIndex+1, c.want)
		}
		m.Update(press("down"))
		m.Update(press("up"))
	}
}

func TestNothingToSave(t *testing.T) {
	ctx := testContext(t, "en")
	day := journal.Date{Year: 2026, Month: 11, Day: 23}
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	m.Update(press("ctrl+s"))
	if m.current() != stepPreview {
		t.Fatalf("ctrl+s should show the preview, at %v", m.current())
	}
	if cmd := m.Update(press("ctrl+s")); cmd != nil || m.err == "" {
		t.Error("an empty check-in was saved")
	}
	if _, err := os.Stat(ctx.Store.DayPath(day)); err == nil {
		t.Error("a file was written")
	}
}

func TestEditingUnchangedKeepsTheFile(t *testing.T) {
	ctx := testContext(t, "en")
	day := journal.Date{Year: 2026, Month: 11, Day: 20}
	q := content.MustBuiltin("en").Tips[0].Questions[0]
	text := "---\ndate: 2026-11-20\ntip: 1\nrating: 3\ncommitment: |\n  Ask Kari\n  about the rota\n---\n\n## " + q + "\n\n# Big idea\n\tindented\n"
	path := ctx.Store.DayPath(day)
	os.MkdirAll(filepath.Dir(path), 0o700)
	os.WriteFile(path, []byte(text), 0o600)
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	m.Update(press("ctrl+s"))
	cmd := m.Update(press("ctrl+s"))
	if cmd == nil {
		t.Fatal("no save")
	}
	if msg := cmd().(docSavedMsg); msg.err != nil {
		t.Fatal(msg.err)
	}
	if got, _ := os.ReadFile(path); string(got) != text {
		t.Errorf("an unchanged check-in rewrote the file:\n%s", got)
	}
}

func TestEditingInAnotherLanguageAsksNothingTwice(t *testing.T) {
	ctx := testContext(t, "nb")
	day := journal.Date{Year: 2026, Month: 11, Day: 23}
	sv := content.MustBuiltin("sv").Tips[0]
	e := journal.NewEntry(ctx.Store.DayPath(day), day)
	journal.CheckIn{Date: day, Tip: 1, Answers: []journal.Answer{{Question: sv.Questions[0], Text: "svar"}}}.ApplyTo(e)
	if err := ctx.Store.Save(e); err != nil {
		t.Fatal(err)
	}
	m := newCheckin(ctx, setupFor(t, ctx, day))
	nb := content.MustBuiltin("nb").Tips[0]
	// The Swedish first question stays; the Norwegian second one joins it.
	if len(m.questions) != 2 || m.questions[0] != sv.Questions[0] || m.questions[1] != nb.Questions[1] {
		t.Errorf("questions: %q", m.questions)
	}
}

// ctrl+c during a save: what tillit says on leaving is true whether the save
// had finished, was still under way, or failed.
func TestCtrlCWhileSavingSaysWhatHappened(t *testing.T) {
	for _, order := range []string{"finished", "under way", "failed"} {
		t.Run(order, func(t *testing.T) {
			ctx := testContext(t, "en")
			day := journal.Date{Year: 2026, Month: 11, Day: 26}
			root := newTestModel(Options{Store: ctx.Store, Lang: ctx.Lang, Editor: "true", Now: ctx.Now, Start: StartCheckIn, Day: day, Once: true})
			root.Init()
			root.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
			openCheckinFrom(root, prepareCheckin(root.ctx, ctx.Store.Read(), day, 0, false)())
			c, ok := find[*checkinModel](root)
			if !ok {
				t.Fatal("no check-in")
			}
			c.Update(press("enter"))
			typeText(c, "Words worth keeping")
			c.Update(press("ctrl+s")) // the preview
			if order == "failed" {
				// Another tillit changes the file: the save is refused.
				if err := ctx.Store.AppendNote(day, testNow, "other window", false); err != nil {
					t.Fatal(err)
				}
			}
			_, save := root.Update(press("ctrl+s"))
			if save == nil {
				t.Fatal("ctrl+s gave no save")
			}
			var saved tea.Msg
			if order != "under way" {
				saved = save() // written (or refused), the message not yet read
			}
			_, cmd := root.Update(press("ctrl+c"))
			quit := untilQuit(root, cmd)
			if !quit {
				if saved == nil {
					saved = save()
				}
				_, cmd = root.Update(saved)
				quit = untilQuit(root, cmd)
			}
			if !quit {
				t.Fatal("ctrl+c never ended the program")
			}
			_, err := os.Stat(ctx.Store.DayPath(day))
			entry := err == nil
			draft, _ := ctx.Store.LoadDraft(day)
			if d := root.Draft(); d != nil {
				draft = d // what the command line keeps after the program
			}
			switch order {
			case "finished", "under way":
				if !entry || root.Aborted || !strings.Contains(root.Result, "Saved") || draft != nil {
					t.Errorf("saved %v, aborted %v, draft %v, said %q", entry, root.Aborted, draft != nil, root.Result)
				}
			case "failed":
				if !root.Aborted || !strings.Contains(root.Result, "kept as a draft") || draft == nil || draft.Answers[0].Text != "Words worth keeping" {
					t.Errorf("aborted %v, draft %+v, said %q", root.Aborted, draft, root.Result)
				}
			}
		})
	}
}

// untilQuit hands the messages of cmd, and of the commands they give, to
// root, as the program would; it reports whether the program quit.
func untilQuit(root *Model, cmd tea.Cmd) bool {
	for _, msg := range runAll(cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			return true
		}
		if untilQuit(root, func() tea.Cmd { _, c := root.Update(msg); return c }()) {
			return true
		}
	}
	return false
}

package ui

import (
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tillit/journal"
	"tillit/locale"
)

// typeKeys types s into the root, a key at a time; a newline is enter.
func typeKeys(root *Model, s string) {
	for _, r := range s {
		k := tea.KeyPressMsg{Code: r, Text: string(r)}
		if r == '\n' {
			k = press("enter")
		}
		_, cmd := root.Update(k)
		settle(root, cmd)
	}
}

// startedOn is the interface over a journal at store, at w×h, the journal
// read.
func startedOn(store *journal.Store, w, h int) *Model {
	os.Chmod(store.Root, 0o700) // as tillit makes it: the doctor has nothing to say
	root := newTestModel(Options{Store: store, Lang: locale.New("nb"), Editor: "true"})
	settle(root, root.Init())
	root.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return root
}

// quit presses ctrl+c, and lets go of the draft as the program's end
// would.
func quit(root *Model) {
	keys(root, "ctrl+c")
	if d, ok := root.writer(); ok {
		root.ctx.Store.ReleaseDraft(d.draft())
	}
}

// Typed in the second answer, left with ctrl+c, resumed: the cursor is in
// the second answer again, where the next key goes.
func TestResumeGoesBackToTheAnswerLeft(t *testing.T) {
	store := journal.NewStore(t.TempDir())
	root := startedOn(store, 100, 30)
	keys(root, "enter", "enter") // the check-in; past the tip
	typeKeys(root, "første svar")
	keys(root, "tab")
	typeKeys(root, "andre svar")
	quit(root) // the text kept as a draft

	root = startedOn(store, 100, 30)
	keys(root, "enter") // the check-in, with the draft on offer
	keys(root, "r")
	typeKeys(root, " og mer")
	c, ok := find[*checkinModel](root)
	if !ok {
		t.Fatal("no check-in open")
	}
	if got := c.answers[1].Value(); got != "andre svar og mer" {
		t.Errorf("second answer %q, first %q: the typing went elsewhere", got, c.answers[0].Value())
	}
	if got := c.answers[0].Value(); got != "første svar" {
		t.Errorf("first answer %q", got)
	}
}

// However long the draft, the offer says what the keys do: its text is cut
// to leave the question on screen, at the smallest window too.
func TestResumeOfferKeepsItsQuestionOnScreen(t *testing.T) {
	store := journal.NewStore(t.TempDir())
	root := startedOn(store, 40, 12)
	keys(root, "enter", "enter")
	typeKeys(root, strings.Repeat("en lang linje i et langt svar\n", 12))
	keys(root, "tab")
	typeKeys(root, strings.Repeat("enda en lang linje\n", 12))
	quit(root)

	root = startedOn(store, 40, 12)
	keys(root, "enter")
	screen := root.View().Content
	if lines := strings.Split(screen, "\n"); len(lines) > 12 {
		t.Fatalf("%d lines on a window of 12", len(lines))
	}
	for _, want := range []string{"fortsett der du slapp", "forkast det"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the offer lacks %q on screen:\n%s", want, screen)
		}
	}
}

// ctrl+s on the preview and ctrl+c right after, before the save is done:
// the program waits for the save and says it saved, from Today as from the
// command line; no draft is left to be offered again.
func TestCtrlCRightAfterSavingSaysSaved(t *testing.T) {
	for _, doc := range []string{"enter", "m"} {
		store := journal.NewStore(t.TempDir())
		root := startedOn(store, 100, 30)
		keys(root, doc)
		if doc == "enter" {
			keys(root, "enter") // past the tip
		}
		typeKeys(root, "Et svar")
		keys(root, "ctrl+s") // the preview
		_, save := root.Update(press("ctrl+s"))
		_, quitCmd := root.Update(press("ctrl+c"))
		if quitCmd != nil {
			for _, msg := range runAll(quitCmd) {
				if _, ok := msg.(tea.QuitMsg); ok {
					t.Fatalf("%s: ctrl+c quit before the save was done: %q", doc, root.Result)
				}
			}
		}
		quit := false
		var run func(tea.Cmd)
		run = func(cmd tea.Cmd) {
			for _, msg := range runAll(cmd) {
				if _, ok := msg.(tea.QuitMsg); ok {
					quit = true
					continue
				}
				_, next := root.Update(msg)
				run(next)
			}
		}
		run(save)
		if !quit || root.Aborted || !strings.Contains(root.Result, "Lagret") {
			t.Errorf("%s: quit %v, aborted %v, said %q", doc, quit, root.Aborted, root.Result)
		}
		if d := root.Draft(); d != nil {
			t.Errorf("%s: a draft is kept after the save: %+v", doc, d)
		}
		if days, err := store.Drafts(); err != nil || len(days) > 0 {
			t.Errorf("%s: drafts left on disk: %v %v", doc, days, err)
		}
	}
}

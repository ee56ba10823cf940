package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"tillit/journal"
)

// program passes msg through the root as the program does: the filter,
// Update, then View; it returns the commands Update gave.
func program(root *Model, msg tea.Msg) tea.Cmd {
	if msg = root.Filter(root, msg); msg == nil {
		return nil
	}
	_, cmd := root.Update(msg)
	_ = root.View()
	return cmd
}

// Keys sent faster than anyone types (a paste the terminal sends as keys)
// go into the answer together: the text is all there, in order, with its
// new lines; the screen is drawn once for the burst, not once a key; and
// keys that are not text (a new line, ctrl+s) wait for the text before
// them.
func TestABurstOfKeysGoesInTogether(t *testing.T) {
	root := startedOn(journal.NewStore(t.TempDir()), 100, 30)
	keys(root, "enter", "enter")
	text := strings.Repeat("Et ganske langt svar om uka som gikk, skrevet fort. ", 55) + "\nNy linje æøå."
	var due []tea.Cmd
	renders, frame := 0, root.View().Content
	for _, r := range text {
		k := tea.KeyPressMsg{Code: r, Text: string(r)}
		if r == '\n' {
			k = press("enter")
		}
		if cmd := program(root, k); cmd != nil {
			due = append(due, cmd)
		}
		if f := root.View().Content; f != frame {
			renders, frame = renders+1, f
		}
	}
	// The burst is over: the wait ends.
	for _, cmd := range due {
		for _, msg := range runAll(cmd) {
			program(root, msg)
		}
	}
	for _, c := range due {
		if tick, ok := c().(tickMsg); ok {
			program(root, tick.fire(time.Now()))
		}
	}
	c, _ := find[*checkinModel](root)
	if got := c.answers[0].Value(); got != text {
		t.Fatalf("the answer holds %d bytes, want %d:\n%q", len(got), len(text), got[max(0, len(got)-40):])
	}
	if renders > 4 {
		t.Errorf("the screen changed %d times for one burst of %d keys", renders, len(text))
	}
	if !strings.Contains(root.View().Content, "Ny linje æøå.") {
		t.Errorf("the end of the burst is not on screen:\n%s", root.View().Content)
	}
	// Not in a text field, a key is a key: e on Today opens the export.
	keys(root, "esc", "j") // leave (the draft kept), and say yes
	if msg := root.Filter(root, press("e")); msg != press("e") {
		t.Errorf("on Today e became %#v", msg)
	}
}

// Two escapes pressed quickly, which a terminal may send as alt+esc, are
// two escapes; escape then j, sent as alt+j, is escape then j: out of the
// review's insights back to Today, and out of an answer and yes to
// leaving. In a text field alt+f is still a word forward.
func TestAnEscapeReadWithTheNextKeyIsTwoKeys(t *testing.T) {
	root := startedOn(journal.NewStore(t.TempDir()), 100, 30)
	keys(root, "u", "i")
	settle(root, program(root, tea.KeyPressMsg{Code: tea.KeyEscape, Mod: tea.ModAlt}))
	if len(root.stack) != 0 {
		t.Fatalf("alt+esc left %d screens open: %T", len(root.stack), root.top())
	}
	keys(root, "enter", "enter")
	typeKeys(root, "tekst")
	if msg := root.Filter(root, tea.KeyPressMsg{Code: 'f', Mod: tea.ModAlt}); msg != (tea.KeyPressMsg{Code: 'f', Mod: tea.ModAlt}) {
		t.Errorf("alt+f in an answer became %#v", msg)
	}
	settle(root, program(root, press("esc")))
	settle(root, program(root, tea.KeyPressMsg{Code: 'j', Mod: tea.ModAlt}))
	if len(root.stack) != 0 {
		t.Fatalf("esc and j (as alt+j) left the check-in open: %s", root.View().Content)
	}
}

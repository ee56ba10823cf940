package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tillit/journal"
)

// An entry holding escape sequences, C1 controls and bidi overrides is shown
// in the review and the check-in's "last time" with none of them in the
// frame that goes to the terminal: only the screens' own SGR styling.
func TestJournalTextCannotDriveTheTerminal(t *testing.T) {
	ctx := testContext(t, "en")
	day := journal.Date{Year: 2026, Month: 11, Day: 23}
	path := ctx.Store.DayPath(day)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	entry := "---\ndate: 2026-11-23\ntip: 1\ncommitment: \"Ask Kari\\e]2;PWN\\a now\"\n---\n\n## What went well?\n\n" +
		"MARK1\x1b]52;c;c2VjcmV0\x07 MARK2 \u009d0;PWN\u009c \x9b2J \u202eevil\u202c \x1b[8mhidden æøå 👨‍👩‍👧\n"
	if err := os.WriteFile(path, []byte(entry), 0o600); err != nil {
		t.Fatal(err)
	}
	root := newTestModel(Options{Store: ctx.Store, Lang: ctx.Lang, Editor: "true", Now: ctx.Now})
	update := func(msg tea.Msg) tea.Cmd { _, cmd := root.Update(msg); return cmd }
	deliver(t, update(tea.WindowSizeMsg{Width: 100, Height: 60}), update)
	deliver(t, loadJournal(root.ctx), update)

	check := func(where string) {
		t.Helper()
		frame := root.View().Content
		if !strings.Contains(frame, "MARK1") {
			t.Fatalf("%s: the entry is not on screen:\n%s", where, frame)
		}
		for _, bad := range []string{"\x1b]", "\x07", "\u009d", "\u009c", "\x9b", "\u202e", "\x1b[8m", "PWN"} {
			if strings.Contains(frame, bad) {
				t.Errorf("%s: the frame holds %q", where, bad)
			}
		}
		for i := strings.Index(frame, "\x1b["); i >= 0; {
			j := i + 2
			for j < len(frame) && strings.IndexByte("0123456789;:", frame[j]) >= 0 {
				j++
			}
			if j >= len(frame) || frame[j] != 'm' {
				t.Errorf("%s: a control sequence other than SGR: %q", where, frame[i:min(len(frame), i+12)])
			}
			next := strings.Index(frame[j:], "\x1b[")
			if next < 0 {
				break
			}
			i = j + next
		}
	}
	deliver(t, update(openMsg{newReview(root.ctx, journal.WeekOf(day))}), update)
	check("review")
}

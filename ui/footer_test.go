package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"tillit/journal"
)

// Today's footer fits the window and keeps the keys a manager opens tillit
// for (the check-in, the export, the mentoring note, the insights, the
// way out), leaving out the others first; the help key is always there.
func TestTodaysFooterKeepsWhatMatters(t *testing.T) {
	for _, c := range []struct {
		width int
		keys  []string
	}{
		{40, []string{"enter sjekk inn", "e eksport", "? hjelp"}},
		{60, []string{"enter sjekk inn", "e eksport", "m mentornotat", "? hjelp"}},
		{100, []string{"enter sjekk inn", "i innsikt", "e eksport", "m mentornotat", "q avslutt", "? hjelp"}},
		{200, []string{"enter sjekk inn", "t velg et annet tips", "l les", "u ukesgjennomgang", "j journal", "i innsikt", "e eksport", "m mentornotat", "q avslutt", "? hjelp"}},
	} {
		root := startedOn(journal.NewStore(t.TempDir()), c.width, 30)
		lines := strings.Split(ansi.Strip(root.View().Content), "\n")
		footer := lines[len(lines)-1]
		if w := ansi.StringWidth(footer); w > c.width {
			t.Errorf("%d: the footer is %d wide", c.width, w)
		}
		at := 0
		for _, k := range c.keys {
			i := strings.Index(footer[at:], k)
			if i < 0 {
				t.Errorf("%d: the footer lacks %q (in order): %q", c.width, k, footer)
				continue
			}
			at += i + len(k)
		}
		if strings.Contains(footer, "…") {
			t.Errorf("%d: the footer shows an ellipsis: %q", c.width, footer)
		}
	}
}

// A question's footer names its keys, never "…": the trash's d again and
// what any other key does, the export's ctrl+s again.
func TestConfirmFootersNameTheirKeys(t *testing.T) {
	store := writeFiles(t, mixedJournal)
	m := journalScreen(t, store)
	m.follow(store.DayPath(journal.Date{Year: 2026, Month: 11, Day: 23}))
	m.Update(press("d"))
	for _, b := range m.help().short {
		if k := b.Help().Key; k == "…" || k == "" {
			t.Errorf("the trash's question shows %q for %q", k, b.Help().Desc)
		}
	}
	if got := m.help().short[0].Help().Key; got != "d" {
		t.Errorf("the trash is confirmed with %q, want d (j moves down)", got)
	}
	x := newExport(testContext(t, "nb"))
	x.confirm = true
	for _, b := range x.help().short {
		if k := b.Help().Key; k == "…" || k == "" || k == "j/y" {
			t.Errorf("the export's question shows %q for %q", k, b.Help().Desc)
		}
	}
}

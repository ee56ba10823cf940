package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"tillit/journal"
)

// Back on Today after a save, the line about it says what was saved and
// the whole path of the file, at any width: wrapped, never cut.
func TestTodaySaysWhatWasSavedAndWhere(t *testing.T) {
	for _, w := range []int{40, 60, 100, 200} {
		store := journal.NewStore(t.TempDir())
		root := startedOn(store, w, 30)
		keys(root, "m") // the mentoring note
		typeKeys(root, "Vi snakket om turnusen.")
		keys(root, "ctrl+s", "ctrl+s")
		if _, ok := find[*mentoringModel](root); ok {
			t.Fatalf("%d: the mentoring note is still open:\n%s", w, ansi.Strip(root.View().Content))
		}
		screen := ansi.Strip(root.View().Content)
		flat := strings.Join(strings.Fields(screen), " ")
		if !strings.Contains(flat, "Mentornotatet er lagret") || !strings.Contains(strings.Join(strings.Fields(screen), ""), "2026/11/2026-11-27-mentoring.md") {
			t.Errorf("at %d columns Today says:\n%s", w, screen)
		}
	}
}

package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// With sync.auto, the interface syncs when it starts and after each save,
// in a command, and shows the result at the right, above the footer.
func TestSyncRunsAtStartAndAfterEachSave(t *testing.T) {
	m := goldenModel(t, "en", true)
	if row := syncRow(m); row != "" {
		t.Fatalf("a journal that does not sync shows a sync line: %q", row)
	}
	calls := 0
	m.opts.Sync = func() string {
		calls++
		return fmt.Sprintf("↻ synced %d", calls)
	}
	settle(m, m.Init())
	if calls != 1 || !strings.HasSuffix(syncRow(m), "↻ synced 1") {
		t.Fatalf("at the start: %d syncs, footer %q", calls, syncRow(m))
	}
	keys(m, "enter")
	keys(m, "enter", "1", "enter", "tab", "tab", "4", "enter", "R", "i", "n", "g")
	if calls != 1 {
		t.Fatalf("typing synced: %d", calls)
	}
	keys(m, "ctrl+s", "ctrl+s")
	if calls != 2 || !strings.HasSuffix(syncRow(m), "↻ synced 2") {
		t.Errorf("after the save: %d syncs, footer %q", calls, syncRow(m))
	}
	// Leaving a screen without saving is no reason to sync.
	keys(m, "l", "esc")
	if calls != 2 {
		t.Errorf("closing the reader synced: %d", calls)
	}
}

func syncRow(m *Model) string {
	lines := strings.Split(ansi.Strip(m.View().Content), "\n")
	return strings.TrimRight(lines[len(lines)-2], " ")
}

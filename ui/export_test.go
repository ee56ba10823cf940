package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tillit/config"
	"tillit/journal"
	"tillit/locale"
)

// The export screen names, right under the ticked names box, the likely
// names the pseudonyms kept; one key adds them to people in the settings
// file (which keeps its comment) and the preview replaces them then.
func TestExportListsKeptNamesAndAddsThemToPeople(t *testing.T) {
	root := t.TempDir()
	os.Chmod(root, 0o700)
	day := filepath.Join(root, "2026", "11", "2026-11-23.md")
	os.MkdirAll(filepath.Dir(day), 0o700)
	os.WriteFile(day, []byte("---\ntip: 5\nrating: 4\n---\n## Hva gikk bra?\n\nMøte med Bergersen og Kari.\n"), 0o600)
	settings := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(settings, []byte("# mine\npeople = [\"Kari\"] # staff\n"), 0o600)
	cfg, err := config.Load(settings)
	if err != nil {
		t.Fatal(err)
	}
	m := newTestModel(Options{Store: journal.NewStore(root), Config: cfg, Lang: locale.New("en"), Editor: "true",
		Now: func() time.Time { return testNow }})
	settle(m, m.Init())
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, k := range []string{"e", "down", "down", "down", "right"} {
		_, cmd := m.Update(press(k))
		settle(m, cmd)
	}
	x, ok := m.top().(*exportModel)
	if !ok || !x.names {
		t.Fatalf("not on the export screen with names ticked: %T", m.top())
	}
	screen := ansi.Strip(m.View().Content)
	lines := strings.Split(screen, "\n")
	at := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "replace the names of staff") })
	if at < 0 || at+1 >= len(lines) || !strings.Contains(lines[at+1], "Kept, though they look like names: Bergersen") ||
		!strings.Contains(lines[at+1], "Bergersen") {
		t.Fatalf("no kept names under the names box:\n%s", screen)
	}
	if !slices.ContainsFunc(x.help().short, func(b key.Binding) bool { return b.Help().Key == "a" }) {
		t.Errorf("the help does not offer a: %v", x.help().short)
	}
	checkFits(t, m, 80, 24)

	_, cmd := m.Update(press("a"))
	settle(m, cmd)
	got, _ := os.ReadFile(settings)
	if string(got) != "# mine\npeople = [\"Kari\", \"Bergersen\"] # staff\n" {
		t.Errorf("settings file:\n%s", got)
	}
	if !slices.Equal(m.ctx.Config.People, []string{"Kari", "Bergersen"}) {
		t.Errorf("people %q", m.ctx.Config.People)
	}
	screen = ansi.Strip(m.View().Content)
	if strings.Contains(screen, "Kept, though") || strings.Contains(screen, "Bergersen og") {
		t.Errorf("the preview still keeps Bergersen:\n%s", screen)
	}
	if !strings.Contains(screen, "Added to people") {
		t.Errorf("no word of the names added:\n%s", screen)
	}
	// Nothing kept, nothing offered: a does nothing.
	if _, cmd := m.Update(press("a")); cmd != nil {
		if msgs := runAll(cmd); len(msgs) > 0 {
			t.Errorf("a with nothing kept: %v", msgs)
		}
	}
}

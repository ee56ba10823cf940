package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tillit/journal"
	"tillit/locale"
)

// A new user is welcomed with where the journal will live and which
// language tillit speaks, and enter goes on to the first check-in.
func TestWelcomeLeadsToTheFirstCheckin(t *testing.T) {
	for lang, want := range map[string][]string{
		"nb": {"Velkommen til tillit", "tillit snakker norsk (bokmål)", "tillit config set lang", "Ingenting forlater denne maskinen", "tillit demo ~/tillit-demo"},
		"sv": {"Välkommen till tillit", "tillit talar svenska", "tillit config set journal"},
		"en": {"Welcome to tillit", "tillit speaks English", "Nothing leaves this machine"},
	} {
		root := t.TempDir() + "/journal"
		m := newTestModel(Options{Store: journal.NewStore(root), Lang: locale.New(lang), Editor: "true", Welcome: true})
		settle(m, m.Init())
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		view := ansi.Strip(m.View().Content)
		for _, w := range append(want, root) {
			if !strings.Contains(view, w) {
				t.Errorf("%s: the welcome lacks %q:\n%s", lang, w, view)
			}
		}
		keys(m, "enter")
		if _, ok := m.top().(*checkinModel); !ok {
			t.Errorf("%s: enter opened %T", lang, m.top())
		}
		if _, ok := find[*welcomeModel](m); ok {
			t.Errorf("%s: the welcome stays under the check-in", lang)
		}
	}
}

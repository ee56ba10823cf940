package ui

import (
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tillit/journal"
	"tillit/locale"
)

// The reflection asks one extra question a week, the next one each week
// (over the turn of a year too), beside what was hard; each is saved under
// its own heading, and a week asks no more than one.
func TestTheWeeksExtraQuestionTakesTurns(t *testing.T) {
	for _, w := range []journal.Week{{Year: 2026, Number: 47}, {Year: 2026, Number: 53}, {Year: 2027, Number: 1}} {
		if extraOf(w) == extraOf(w.Add(1)) {
			t.Errorf("%s and the week after both ask %s", w, extraOf(w))
		}
		if extraOf(w) != extraOf(w.Add(len(extras))) {
			t.Errorf("%s: the extras do not come round again", w)
		}
	}
	store := journal.NewStore(t.TempDir())
	lang := locale.New("nb")
	week := journal.Week{Year: 2026, Number: 48}
	asked := map[string]bool{}
	for _, w := range []journal.Week{week, week.Add(1)} {
		m := newTestModel(Options{Store: store, Lang: lang, Editor: "true", Start: StartReflection, Week: w, Once: true})
		settle(m, m.Init())
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		r, ok := m.top().(*reflectionModel)
		if !ok {
			t.Fatalf("%s: opened %T", w, m.top())
		}
		extra := lang.T(extraOf(w))
		asked[extra] = true
		// Went well, learned; then what was hard, control, and the extra.
		keys(m, "tab", "tab", "tab", "tab")
		if r.step != 1 || r.focused() != r.text[partExtra] {
			t.Fatalf("%s: step %d, not at the extra question", w, r.step)
		}
		if view := m.View().Content; !strings.Contains(view, extra) {
			t.Errorf("%s: the step does not ask %q:\n%s", w, extra, view)
		}
		for _, c := range "Noe nytt." {
			keys(m, string(c))
		}
		keys(m, "ctrl+s", "ctrl+s")
		data, err := os.ReadFile(store.ReflectionPath(w))
		if err != nil {
			t.Fatalf("%s: %v", w, err)
		}
		if !strings.Contains(string(data), "## "+extra+"\n\nNoe nytt.\n") {
			t.Errorf("%s: not saved under %q:\n%s", w, extra, data)
		}
		for _, id := range extras {
			if other := lang.T(id); other != extra && strings.Contains(string(data), other) {
				t.Errorf("%s asks %q as well:\n%s", w, other, data)
			}
		}
	}
	if len(asked) != 2 {
		t.Errorf("two weeks asked %v", asked)
	}
}

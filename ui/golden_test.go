package ui

import (
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"tillit/journal"
	"tillit/locale"
)

// goldenJournal is a small journal for the golden views: two weeks with
// ratings, a private entry, a note, commitments in every state, a
// reflection and a day away.
var goldenJournal = map[string]string{
	"2026/11/2026-11-16.md": "---\ntip: 1\nrating: 3\ncommitment: Stryk ett rapportkrav\n---\n## Hvilken rapport tok mest tid?\n\nUkesrapporten.\n",
	"2026/11/2026-11-17.md": "---\ntip: 2\nrating: 4\nfollowup: done\nfollowup_of: 2026-11-16\n---\n",
	"2026/11/2026-11-18.md": "---\ntip: 3\nrating: 2\ncommitment: Spør Kari\n---\n",
	"2026/11/2026-11-20.md": "---\ntip: 4\nrating: 5\nprivate: true\nfollowup: partly\nfollowup_of: 2026-11-18\ncommitment: Fagprat fredag\n---\nHemmelig.\n",
	"2026/11/2026-11-23.md": "---\ntip: 5\nrating: 4\nenergy: 3\ncommitment: Ring Per\n---\n## Hvilken forespørsel hjalp teamet?\n\nTimelistene ble enklere.\n\n<!-- private -->\n## Hva styrer mer enn det støtter?\n\nRapporten til kommunen.\n<!-- /private -->\n",
	"2026/11/2026-11-24.md": "---\ntip: 6\nrating: 3\nfollowup: not\nfollowup_of: 2026-11-23\n---\n## 14:05\n\nKort prat med Ingrid.\n",
	"2026/11/2026-11-26.md": "---\ntip: 7\nrating: 5\ncommitment: Spør teamet om fredagsmøtet\n---\n",
	"2026/2026-W47.md":      "---\nweek: 2026-W47\nfocus_tip: 5\n---\n## Hva gikk bra?\n\nPersonalmøtet.\n",
	"away.md":               "---\naway:\n  - from: 2026-11-25\n    to: 2026-11-25\n    reason: kurs\n---\n",
}

// settle runs a command and every command its messages lead to, as the
// program would, until nothing is left but ticks.
func settle(m *Model, cmd tea.Cmd) {
	for _, msg := range runAll(cmd) {
		_, next := m.Update(msg)
		settle(m, next)
	}
}

func goldenModel(t *testing.T, lang string, dark bool) *Model {
	t.Helper()
	root := t.TempDir()
	os.Chmod(root, 0o700) // as tillit makes it: the doctor has nothing to say
	for name, text := range goldenJournal {
		path := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(path), 0o700)
		os.WriteFile(path, []byte(text), 0o600)
	}
	m := newTestModel(Options{Store: journal.NewStore(root), Lang: locale.New(lang), Editor: "true",
		Now: func() time.Time { return testNow }})
	settle(m, m.Init())
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !dark {
		_, cmd := m.Update(tea.BackgroundColorMsg{Color: color.White})
		settle(m, cmd)
	}
	return m
}

func TestGoldenViews(t *testing.T) {
	for _, theme := range []struct {
		name string
		dark bool
	}{{"dark", true}, {"light", false}} {
		t.Run("today-"+theme.name, func(t *testing.T) {
			m := goldenModel(t, "nb", theme.dark)
			golden.RequireEqual(t, m.View().Content)
		})
		t.Run("review-"+theme.name, func(t *testing.T) {
			m := goldenModel(t, "nb", theme.dark)
			_, cmd := m.Update(press("u"))
			settle(m, cmd)
			golden.RequireEqual(t, m.View().Content)
		})
		t.Run("review-last-week-"+theme.name, func(t *testing.T) {
			m := goldenModel(t, "nb", theme.dark)
			_, cmd := m.Update(press("u"))
			settle(m, cmd)
			_, cmd = m.Update(press("left"))
			settle(m, cmd)
			golden.RequireEqual(t, m.View().Content)
		})
		t.Run("insights-"+theme.name, func(t *testing.T) {
			m := goldenModel(t, "nb", theme.dark)
			_, cmd := m.Update(press("i"))
			settle(m, cmd)
			golden.RequireEqual(t, m.View().Content)
		})
	}
}

// tillit review draws its first frame before the journal is read.
func TestReviewFromTheCommandLineBeforeTheJournalIsRead(t *testing.T) {
	m := newTestModel(Options{Store: journal.NewStore(t.TempDir()), Lang: locale.New("nb"), Editor: "true",
		Now: func() time.Time { return testNow }, Start: StartReview, Week: journal.WeekOf(journal.DateOf(testNow)), Once: true})
	m.Init()
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	_ = m.View() // must not panic
	m.Update(loadJournal(m.ctx)())
	if out := m.View().Content; !strings.Contains(out, "Uke 48") {
		t.Errorf("the review after loading:\n%s", out)
	}
}

// The weekly reflection: written, saved, opened again for editing; and a
// commitment closed from the review's list.
func TestReflectionAndClosingACommitment(t *testing.T) {
	m := goldenModel(t, "nb", true)
	key := func(k string) {
		_, cmd := m.Update(press(k))
		settle(m, cmd)
	}
	typ := func(s string) {
		for _, r := range s {
			key(string(r))
		}
	}
	key("u")
	key("left") // week 47, which has a reflection already
	key("r")
	r, ok := m.top().(*reflectionModel)
	if !ok {
		t.Fatalf("r opened %T", m.top())
	}
	if r.text[partWentWell].Value() != "Personalmøtet." {
		t.Fatalf("the reflection was not loaded: %q", r.text[partWentWell].Value())
	}
	key("tab")
	typ("Å vente.")
	key("tab") // what was hard
	typ("Å si nei.")
	key("tab") // where I chose control
	typ("Turnusen.")
	key("tab") // the week's extra question
	typ("At de ville ha mer ansvar.")
	key("tab")   // the focus chooser
	key("right") // 5 → 6
	key("tab")
	typ("Fordi.")
	key("tab") // what I will try
	typ("Spørre først.")
	key("tab")
	typ("Hvordan?")
	key("ctrl+s") // preview
	key("ctrl+s") // save
	if _, ok := m.top().(*reviewModel); !ok {
		t.Fatalf("after saving: %T", m.top())
	}
	data, err := os.ReadFile(m.ctx.Store.ReflectionPath(journal.WeekOf(journal.Date{Year: 2026, Month: 11, Day: 16})))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"focus_tip: 6\n", "mentor_questions:\n  - Hvordan?\n", "## Hva gikk bra?\n\nPersonalmøtet.\n", "## Hva lærte jeg?\n\nÅ vente.\n", "6 · Kontroll og tilsyn skal utføres med henblikk på læring.\n\nFordi.",
		"## Hva var vanskelig, og hva gjorde jeg da?\n\nÅ si nei.\n", "## Hvor valgte jeg kontroll der jeg kunne vist tillit – og omvendt?\n\nTurnusen.\n",
		"## Hva hørte jeg fra medarbeidere eller brukere som overrasket meg?\n\nAt de ville ha mer ansvar.\n",
		"## Hva vil jeg prøve neste uke, og hvordan vil jeg merke at det virker?\n\nSpørre først.\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("reflection lacks %q:\n%s", want, data)
		}
	}

	// Close the oldest open commitment as done, with a line.
	key("c")
	rv := m.top().(*reviewModel)
	if len(rv.open) == 0 {
		t.Fatal("no open commitments")
	}
	first := rv.open[0].Commitment
	key("1")
	typ("Gjort")
	key("enter")
	e, err := m.ctx.Store.Load(first.Date)
	if err != nil || e.Outcome != journal.FollowupDone || e.OutcomeNote != "Gjort" {
		t.Errorf("outcome of %s: %+v %v", first.Date, e.Meta, err)
	}
}

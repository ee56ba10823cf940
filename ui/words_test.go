package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tillit/journal"
	"tillit/locale"
)

// startedWith is the interface over a journal of files, at w×h.
func startedWith(t *testing.T, files map[string]string, w, h int) *Model {
	t.Helper()
	root := t.TempDir()
	os.Chmod(root, 0o700)
	for name, text := range files {
		path := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(path), 0o700)
		os.WriteFile(path, []byte(text), 0o600)
	}
	m := newTestModel(Options{Store: journal.NewStore(root), Lang: locale.New("nb"), Editor: "true"})
	settle(m, m.Init())
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

func screenOf(m *Model) string { return ansi.Strip(m.View().Content) }

// Every number on screen says what it is, in words, where there is room:
// the review's strip of days, its commitments, the insights' last rating,
// the dates of the open commitments.
func TestNumbersSayWhatTheyAre(t *testing.T) {
	m := startedWith(t, goldenJournal, 100, 30)
	keys(m, "u")
	review := screenOf(m)
	for _, want := range []string{"●5 4", "sjekket inn på tips 2, vurdering 3", "0 gjort", "1 åpen"} {
		if !strings.Contains(review, want) {
			t.Errorf("the review lacks %q:\n%s", want, review)
		}
	}
	keys(m, "c")
	if s := screenOf(m); strings.Contains(s, "2026-11-") || !strings.Contains(s, "26. nov") {
		t.Errorf("open commitments not dated the local way:\n%s", s)
	}
	keys(m, "esc", "esc", "i")
	if s := screenOf(m); !strings.Contains(s, "siste vurdering") {
		t.Errorf("insights does not say what its column is:\n%s", s)
	}
}

// The journal's list keeps its columns whatever the tip's number: the
// tips' titles begin in one column, and so do the ratings.
func TestJournalColumnsStayPut(t *testing.T) {
	m := startedWith(t, map[string]string{
		"2026/11/2026-11-23.md": "---\ntip: 3\nrating: 4\n---\nTre.\n",
		"2026/11/2026-11-24.md": "---\ntip: 13\nrating: 2\n---\nTretten.\n",
	}, 100, 30)
	keys(m, "j")
	cols := map[string]int{}
	for _, l := range strings.Split(screenOf(m), "\n") {
		dot := strings.Index(l, "●")
		if dot < 0 {
			continue
		}
		title := dot + len("●") + len(l[dot+len("●"):]) - len(strings.TrimLeft(l[dot+len("●"):], " 0123456789"))
		for what, i := range map[string]int{"title": title, "rating": strings.Index(l, "/5")} {
			i = ansi.StringWidth(l[:i])
			if c, ok := cols[what]; ok && c != i {
				t.Errorf("the %ss stand in different columns:\n%s", what, screenOf(m))
			}
			cols[what] = i
		}
	}
}

// Days before the journal began are neither missed nor to come: Today and
// the review leave them blank.
func TestDaysBeforeTheJournalAreBlank(t *testing.T) {
	// The journal begins on Wednesday; today is Friday.
	m := startedWith(t, map[string]string{"2026/11/2026-11-25.md": "---\ntip: 1\nrating: 3\n---\n"}, 100, 30)
	today := screenOf(m)
	keys(m, "u")
	review := screenOf(m)
	for name, s := range map[string]string{"Today": today, "the review": review} {
		for _, l := range strings.Split(s, "\n") {
			if !strings.Contains(l, "◉") || strings.Contains(l, "sjekket inn  ◉") {
				continue // not the strip of marks, or the legend
			}
			// We ●, Th ○, Fr ◉, Sa and Su ·: Monday and Tuesday blank.
			if i := strings.Index(l, "Runde"); i >= 0 {
				l = l[:i]
			}
			if strings.Count(l, "·") != 2 || strings.Count(l, "○") != 1 {
				t.Errorf("%s: %q", name, l)
			}
		}
	}
}

// The first time a tip comes up, the rating asks how it fits, not how it
// was lived: the user met it a minute ago.
func TestTheFirstRatingOfATipAsksHowItFits(t *testing.T) {
	m := startedWith(t, nil, 100, 30)
	keys(m, "enter", "enter", "tab", "tab")
	first, again := m.ctx.T("checkin.rating.question_first"), m.ctx.T("checkin.rating.question")
	if s := screenOf(m); !strings.Contains(s, first) || strings.Contains(s, again) {
		t.Errorf("first time on a tip:\n%s", s)
	}
	m = startedWith(t, map[string]string{"2026/11/2026-11-20.md": "---\ntip: 1\nrating: 3\n---\n"}, 100, 30)
	keys(m, "t") // the same tip again
	keys(m, "1", "enter", "enter", "tab", "tab")
	if s := screenOf(m); !strings.Contains(s, again) || strings.Contains(s, first) {
		t.Errorf("a tip met before:\n%s", s)
	}
}

// A large window shows more of what a manager opens tillit for: the
// week's check-ins in words, and the questions saved for the mentor.
func TestTodayUsesTheRoom(t *testing.T) {
	files := map[string]string{
		"2026/11/2026-11-23.md": "---\ntip: 5\nrating: 4\n---\n",
		"2026/2026-W47.md":      "---\nweek: 2026-W47\nmentor_questions:\n  - Hvordan gir jeg tilbakemelding?\n---\n",
	}
	for _, size := range [][2]int{{200, 50}, {100, 50}} {
		m := startedWith(t, files, size[0], size[1])
		s := screenOf(m)
		for _, want := range []string{"Denne uken", "tips 5", "vurdering 4/5", "Hvordan gir jeg tilbakemelding?"} {
			if !strings.Contains(s, want) {
				t.Errorf("%v: Today lacks %q:\n%s", size, want, s)
			}
		}
		checkFits(t, m, size[0], size[1])
	}
	if s := screenOf(startedWith(t, files, 40, 12)); strings.Contains(s, "Denne uken") {
		t.Errorf("40×12 has no room for the week, yet shows it:\n%s", s)
	}
}

// The interface starts in the theme the command line found in the
// environment ($COLORFGBG), before the terminal answers, if it ever does.
func TestStartsLightWhenTold(t *testing.T) {
	if m := newTestModel(Options{Store: journal.NewStore(t.TempDir()), Lang: locale.New("nb"), Light: true}); m.ctx.Dark || m.ctx.Styles.Dark {
		t.Error("told the background is light, the interface starts dark")
	}
	if m := newTestModel(Options{Store: journal.NewStore(t.TempDir()), Lang: locale.New("nb")}); !m.ctx.Dark {
		t.Error("told nothing, the interface starts light")
	}
}

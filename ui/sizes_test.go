package ui

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The screens, and the keys that reach each from Today on the golden
// journal.
var screens = []struct {
	name string
	keys []string
	want any // the screen on top, as a nil pointer of its type; nil for Today
}{
	{"today", nil, nil},
	{"help", []string{"?"}, nil},
	{"checkin-tip", []string{"enter"}, (*checkinModel)(nil)},
	{"checkin-followup", []string{"enter", "enter"}, (*checkinModel)(nil)},
	{"checkin-questions", []string{"enter", "enter", "1", "enter"}, (*checkinModel)(nil)},
	{"checkin-rating", []string{"enter", "enter", "1", "enter", "tab", "tab"}, (*checkinModel)(nil)},
	{"checkin-commitment", []string{"enter", "enter", "1", "enter", "tab", "tab", "4", "enter"}, (*checkinModel)(nil)},
	{"checkin-preview", []string{"enter", "ctrl+s"}, (*checkinModel)(nil)},
	{"checkin-picker", []string{"t"}, (*checkinModel)(nil)},
	{"reader", []string{"l"}, (*readerModel)(nil)},
	{"reader-tip", []string{"l", "tab", "tab", "enter"}, (*readerModel)(nil)},
	{"reader-team", []string{"l", "tab", "tab", "enter", "m"}, (*readerModel)(nil)},
	{"review", []string{"u"}, (*reviewModel)(nil)},
	{"review-commitments", []string{"u", "c"}, (*reviewModel)(nil)},
	{"reflection", []string{"u", "r"}, (*reflectionModel)(nil)},
	{"reflection-preview", []string{"u", "r", "ctrl+s"}, (*reflectionModel)(nil)},
	{"insights", []string{"i"}, (*insightsModel)(nil)},
	{"export", []string{"e"}, (*exportModel)(nil)},
	{"mentoring", []string{"m"}, (*mentoringModel)(nil)},
	{"journal", []string{"j"}, (*journalModel)(nil)},
	{"journal-entry", []string{"j", "enter"}, (*journalModel)(nil)},
	{"journal-search", []string{"j", "/", "K", "a", "r", "i"}, (*journalModel)(nil)},
}

// TestEveryScreenAtEverySize draws every screen at the smallest size tillit
// lays out, at 80×24 and at 300×100, and through 50 rapid resizes (some
// below the smallest size): no panic; at a size it lays out, no line wider
// than the window and no more lines than it has; below it, one line asking
// for a larger window.
func TestEveryScreenAtEverySize(t *testing.T) {
	sizes := [][2]int{{minWidth, minHeight}, {80, 24}, {300, 100}}
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			m := goldenModel(t, "nb", true)
			for _, k := range sc.keys {
				_, cmd := m.Update(press(k))
				settle(m, cmd)
			}
			if got := m.top(); sc.want != nil && reflect.TypeOf(got) != reflect.TypeOf(sc.want) {
				t.Fatalf("the keys %v lead to %T", sc.keys, got)
			}
			for _, size := range sizes {
				resize(m, size[0], size[1])
				checkFits(t, m, size[0], size[1])
			}
			// Fifty resizes as fast as a window manager sends them: the
			// screen draws between some of them, not all.
			rng := rand.New(rand.NewPCG(uint64(len(sc.name)), 7))
			for i := range 50 {
				w, h := 1+rng.IntN(300), 1+rng.IntN(100)
				_, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
				if i%3 == 0 {
					settle(m, cmd)
					checkFits(t, m, w, h)
				}
			}
			for _, size := range append(sizes, [2]int{minWidth - 1, minHeight}, [2]int{minWidth, minHeight - 1}, [2]int{1, 1}) {
				resize(m, size[0], size[1])
				checkFits(t, m, size[0], size[1])
			}
		})
	}
}

func resize(m *Model, w, h int) {
	_, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	settle(m, cmd)
}

// checkFits draws the model at w×h and checks the drawing fits.
func checkFits(t *testing.T, m *Model, w, h int) {
	t.Helper()
	var out string
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("%d×%d: panic: %v", w, h, r)
			}
		}()
		out = m.View().Content
	}()
	lines := strings.Split(out, "\n")
	if w < minWidth || h < minHeight {
		// The request for a larger window, whole where it fits.
		text := strings.Join(strings.Fields(ansi.Strip(out)), " ")
		if !strings.Contains(text, "Gjør vinduet større") && (w >= 20 && h >= 3 || !strings.HasPrefix("Gjør vinduet større", text[:min(len(text), 3)])) {
			t.Errorf("%d×%d: no request for a larger window:\n%s", w, h, out)
		}
	}
	if len(lines) > h {
		t.Errorf("%d×%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("%d×%d: line %d is %d wide: %q", w, h, i+1, n, ansi.Strip(l))
		}
	}
}

// The request for a larger window, in every language.
func TestTooSmallIsTranslated(t *testing.T) {
	for lang, want := range map[string]string{"nb": "Gjør vinduet større", "en": "Make the window larger", "sv": "Gör fönstret större"} {
		m := goldenModel(t, lang, true)
		resize(m, 30, 10)
		if out := ansi.Strip(m.View().Content); !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("%s: %q", lang, out)
		}
	}
}

package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Closing a screen reads the journal again, so that what the screen wrote
// shows on the screen below it.

// keys presses each key and settles what it leads to.
func keys(m *Model, ks ...string) {
	for _, k := range ks {
		_, cmd := m.Update(press(k))
		settle(m, cmd)
	}
}

// A check-in saved over Today: back on Today, today is checked in.
func TestTodayShowsTheCheckinSavedOverIt(t *testing.T) {
	m := goldenModel(t, "en", true)
	checked := "✓ " + m.ctx.T("today.checked_in")
	if strings.Contains(ansi.Strip(m.View().Content), checked) {
		t.Fatal("today is checked in before the check-in")
	}
	keys(m, "enter")
	if _, ok := m.top().(*checkinModel); !ok {
		t.Fatalf("enter opened %T", m.top())
	}
	// Past the tip and last week's commitment to the rating and a new
	// commitment; then the preview, and save.
	keys(m, "enter", "1", "enter", "tab", "tab", "4", "enter", "R", "i", "n", "g", "ctrl+s", "ctrl+s")
	if m.top() != m.today {
		t.Fatalf("after saving: %T", m.top())
	}
	view := ansi.Strip(m.View().Content)
	for _, want := range []string{checked, "Commitment Ring", "Streak 4 days"} {
		if !strings.Contains(view, want) {
			t.Errorf("Today lacks %q:\n%s", want, view)
		}
	}
}

// A weekly reflection written from the review: back on the review, the
// week has its reflection.
func TestReviewShowsTheReflectionWrittenOverIt(t *testing.T) {
	m := goldenModel(t, "en", true)
	keys(m, "u")
	if _, ok := m.top().(*reviewModel); !ok {
		t.Fatalf("u opened %T", m.top())
	}
	written := "✓ " + m.ctx.T("review.reflection_written")
	if strings.Contains(ansi.Strip(m.View().Content), written) {
		t.Fatal("the week has a reflection before it is written")
	}
	keys(m, "r")
	if _, ok := m.top().(*reflectionModel); !ok {
		t.Fatalf("r opened %T", m.top())
	}
	keys(m, "T", "i", "m", "e", "ctrl+s", "ctrl+s")
	if _, ok := m.top().(*reviewModel); !ok {
		t.Fatalf("after saving: %T", m.top())
	}
	if view := ansi.Strip(m.View().Content); !strings.Contains(view, written) {
		t.Errorf("the review lacks %q:\n%s", written, view)
	}
}

package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"tillit/journal"
)

// Marking the second answer private moves nothing else on the screen: the
// first answer's box keeps its lines, at every size.
func TestMarkingAnAnswerPrivateMovesNothing(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {60, 20}, {100, 30}, {200, 50}} {
		root := startedOn(journal.NewStore(t.TempDir()), size[0], size[1])
		keys(root, "enter", "enter")
		typeKeys(root, "første")
		keys(root, "tab")
		before := ansi.Strip(root.View().Content)
		keys(root, "ctrl+p")
		after := ansi.Strip(root.View().Content)
		if !strings.Contains(after, "🔒") {
			t.Fatalf("%v: no private mark:\n%s", size, after)
		}
		b, a := strings.Split(before, "\n"), strings.Split(after, "\n")
		for i := range b {
			if b[i] != a[i] && !strings.Contains(a[i], "🔒") && !strings.Contains(a[i], "privat") {
				t.Errorf("%v: line %d moved:\n%q\n%q", size, i+1, b[i], a[i])
			}
		}
	}
}

// The words under the rating stand under the numbers they explain, at any
// width.
func TestRatingLabelsStandUnderTheirNumbers(t *testing.T) {
	for _, w := range []int{40, 60, 100, 200} {
		root := startedOn(journal.NewStore(t.TempDir()), w, 24)
		keys(root, "enter", "enter", "tab", "tab")
		lines := strings.Split(ansi.Strip(root.View().Content), "\n")
		for i, l := range lines {
			if !strings.Contains(l, "lite") || i == 0 {
				continue
			}
			numbers := []rune(lines[i-1])
			label := []rune(l)
			one, five := strings.IndexRune(string(numbers), '1'), strings.IndexRune(string(numbers), '5')
			one, five = len([]rune(string(numbers)[:one])), len([]rune(string(numbers)[:five]))
			low := len([]rune(l[:strings.Index(l, "lite")])) + 2 // the middle of "lite"
			high := len([]rune(l[:strings.Index(l, "helt")])) + 2
			if abs(low-one) > 1 || abs(high-five) > 1 {
				t.Errorf("%d: the labels are at %d and %d, the numbers at %d and %d:\n%s\n%s", w, low, high, one, five, string(numbers), string(label))
			}
		}
	}
}

func abs(n int) int { return max(n, -n) }

// Insights says how many weeks its calendar shows: those that fit.
func TestInsightsSaysTheWeeksItDraws(t *testing.T) {
	for _, w := range []int{40, 60, 100, 200} {
		root := startedOn(journal.NewStore(t.TempDir()), w, 50)
		keys(root, "i")
		ins, _ := find[*insightsModel](root)
		screen := ansi.Strip(root.View().Content)
		want := fmt.Sprintf("siste %d uker", len(ins.weeks()))
		row := ""
		for _, l := range strings.Split(screen, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "ma ") {
				row = l
			}
		}
		drawn := len(strings.Fields(row)) - 1
		if !strings.Contains(screen, want) || drawn != len(ins.weeks()) {
			t.Errorf("%d: %d weeks drawn, the title says:\n%s", w, drawn, screen)
		}
	}
}

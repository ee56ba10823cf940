package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tillit/journal"
)

// words returns n words of journal-like text in lines of about 12 words.
func words(n int) string {
	base := strings.Fields("Etter personalmøtet sa Ingrid at hun ikke fikk sagt det hun ville og jeg ble litt forsvarende så neste gang vil jeg spørre først hva hun trenger")
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if i%12 == 0 {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(base[i%len(base)])
	}
	return b.String()
}

// BenchmarkCheckinKeystroke measures one keystroke in an answer as the
// program pays for it: the root's Update and View with the check-in open.
func BenchmarkCheckinKeystroke(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			ctx := testContext(b, "nb")
			root := New(Options{Store: ctx.Store, Lang: ctx.Lang, Editor: "true", Now: ctx.Now})
			root.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
			day := journal.Date{Year: 2026, Month: 11, Day: 23}
			root.Update(draftLoadedMsg{setup: setupFor(b, ctx, day)})
			root.Update(press("enter"))
			c, _ := find[*checkinModel](root)
			if c.current() != stepQuestions {
				b.Fatalf("at step %v", c.current())
			}
			c.answers[0].SetValue(words(n))
			keys := []tea.KeyPressMsg{{Code: 'a', Text: "a"}, {Code: tea.KeyBackspace}}
			b.ResetTimer()
			for i := range b.N {
				root.Update(keys[i%2])
				_ = root.View()
			}
		})
	}
}

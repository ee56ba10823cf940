package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"tillit/journal"
)

func BenchmarkZZ(b *testing.B) {
	for _, mode := range []string{"update", "view"} {
		b.Run(mode, func(b *testing.B) {
			ctx := testContext(b, "nb")
			root := newTestModel(Options{Store: ctx.Store, Lang: ctx.Lang, Editor: "true", Now: ctx.Now})
			root.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
			day := journal.Date{Year: 2026, Month: 11, Day: 23}
			openCheckinFrom(root, draftLoadedMsg{setup: setupFor(b, ctx, day)})
			root.Update(press("enter"))
			c, _ := find[*checkinModel](root)
			c.answers[0].SetValue(words(450))
			keys := []tea.KeyPressMsg{{Code: 'a', Text: "a"}, {Code: tea.KeyBackspace}}
			b.ResetTimer()
			for i := range b.N {
				if mode == "update" {
					root.Update(keys[i%2])
				} else {
					_ = root.View()
				}
			}
		})
	}
}

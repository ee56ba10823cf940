package ui

import (
	"fmt"
	"os"
	"path/filepath"
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
// The long texts are shown in part (see textField).
func BenchmarkCheckinKeystroke(b *testing.B) {
	cases := []struct {
		name string
		text string
	}{
		{"words=50", words(50)},
		{"words=100", words(100)},
		{"words=1000", words(1000)},
		{"words=2000", words(2000)},
		{"words=5000", words(5000)},
		{"lines=15000", manyLines(15000)},
		{"line=1MB", oneLongLine(1 << 20)},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			ctx := testContext(b, "nb")
			root := newTestModel(Options{Store: ctx.Store, Lang: ctx.Lang, Editor: "true", Now: ctx.Now})
			root.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
			day := journal.Date{Year: 2026, Month: 11, Day: 23}
			openCheckinFrom(root, draftLoadedMsg{setup: setupFor(b, ctx, day)})
			root.Update(press("enter"))
			c, _ := find[*checkinModel](root)
			if c.current() != stepQuestions {
				b.Fatalf("at step %v", c.current())
			}
			c.answers[0].SetValue(tc.text)
			keys := []tea.KeyPressMsg{{Code: 'a', Text: "a"}, {Code: tea.KeyBackspace}}
			b.ResetTimer()
			for i := range b.N {
				root.Update(keys[i%2])
				_ = root.View()
			}
		})
	}
}

// BenchmarkOpenReview opens the review of a week in a ten-year journal
// (3,650 entries, already read): the week's numbers, its markdown rendered
// with Glamour, and the first View.
func BenchmarkOpenReview(b *testing.B) {
	root := b.TempDir()
	generateJournal(b, root, 3650)
	ctx := testContext(b, "nb")
	ctx.Store = journal.NewStore(root)
	m := newTestModel(Options{Store: ctx.Store, Lang: ctx.Lang, Editor: "true", Now: ctx.Now})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(loadJournal(m.ctx)())
	if m.journal.Journal == nil || len(m.journal.Entries) != 3650 {
		b.Fatal("the journal was not read")
	}
	w := journal.WeekOf(m.ctx.Today())
	b.ResetTimer()
	for range b.N {
		_, cmd := m.Update(openMsg{newReview(m.ctx, w)})
		settle(m, cmd)
		_ = m.View()
		m.Update(closeMsg{from: m.top()})
	}
}

// generateJournal writes days daily entries ending on the test clock's day.
func generateJournal(b *testing.B, root string, days int) {
	s := journal.NewStore(root)
	end := journal.DateOf(testNow)
	for i := range days {
		d := end.AddDays(-i)
		text := fmt.Sprintf("---\ntip: %d\nrating: %d\ncommitment: Spør teamet\nfollowup: done\n---\n\n## Hva tok mest tid?\n\nUkesrapporten, som vanlig.\n", i%14+1, i%5+1)
		path := s.DayPath(d)
		os.MkdirAll(filepath.Dir(path), 0o700)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJournalFilterKeystroke types into the Journal screen's filter on
// a ten-year journal (3,650 entries): the list narrowed, the lines found for
// the rows on screen, and the View.
func BenchmarkJournalFilterKeystroke(b *testing.B) {
	root := b.TempDir()
	generateJournal(b, root, 3650)
	ctx := testContext(b, "nb")
	ctx.Store = journal.NewStore(root)
	m := newTestModel(Options{Store: ctx.Store, Lang: ctx.Lang, Editor: "true", Now: ctx.Now})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(loadJournal(m.ctx)())
	jm := newJournal(m.ctx)
	jm.Update(jm.refresh(m.journal.Journal)())
	jm.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
	for _, r := range "kari tu" { // no entry has both: every item is looked through
		jm.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	keys := []tea.KeyPressMsg{{Code: 'r', Text: "r"}, {Code: tea.KeyBackspace}}
	b.ResetTimer()
	for i := range b.N {
		jm.Update(keys[i%2])
		_ = jm.View()
	}
}

// BenchmarkTypingBurst sends 2,879 characters as keys into an answer, as
// a terminal sends a paste without bracketed paste, through the program's
// filter, Update and View, the wait ending every 30 keys; "keys" is the
// same without the filter: a key at a time, as before.
func BenchmarkTypingBurst(b *testing.B) {
	text := []rune(strings.Repeat(words(12)+" ", 60))[:2879]
	for _, gathered := range []bool{true, false} {
		name := "keys"
		if gathered {
			name = "gathered"
		}
		b.Run(name, func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				ctx := testContext(b, "nb")
				root := newTestModel(Options{Store: ctx.Store, Lang: ctx.Lang, Editor: "true", Now: ctx.Now})
				root.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
				openCheckinFrom(root, draftLoadedMsg{setup: setupFor(b, ctx, journal.Date{Year: 2026, Month: 11, Day: 23})})
				root.Update(press("enter"))
				b.StartTimer()
				for i, r := range text {
					var msg tea.Msg = tea.KeyPressMsg{Code: r, Text: string(r)}
					if gathered {
						msg = root.Filter(root, msg)
					}
					root.Update(msg)
					_ = root.View()
					if gathered && i%30 == 29 {
						root.Update(typedFlushMsg{})
						_ = root.View()
					}
				}
			}
		})
	}
}

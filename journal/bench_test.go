package journal

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// GenerateJournal writes a journal of days check-ins ending on end, for
// benchmarks: the tips in order, ratings, commitments and follow-ups, a
// note now and then, and a weekly reflection each Sunday.
func GenerateJournal(tb testing.TB, root string, end Date, days int) {
	tb.Helper()
	s := NewStore(root)
	start := end.AddDays(-(days - 1))
	for i := range days {
		d := start.AddDays(i)
		text := fmt.Sprintf("---\ndate: %s\ntip: %d\nrating: %d\nenergy: %d\ncommitment: Spør teamet om uke %d\nfollowup: %s\nfollowup_of: %s\n---\n\n"+
			"## Hvilken rapport tok mest tid fra kjerneoppgavene denne uken?\n\nUkesrapporten, som vanlig. Ingen leser den, og alle vet det. Vi burde slutte.\n\n"+
			"## Hvem bruker egentlig det som kommer ut av den?\n\nBare lederteamet, og knapt det.\n",
			d, i%14+1, i%5+1, (i+2)%5+1, i%52+1, []string{"done", "partly", "not"}[i%3], d.AddDays(-1))
		if i%7 == 3 {
			text += "\n## 14:05\n\nKort prat med Kari om turnusen.\n"
		}
		path := s.DayPath(d)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			tb.Fatal(err)
		}
		if d.Weekday() == 0 {
			w := WeekOf(d)
			r := fmt.Sprintf("---\nweek: %s\nfocus_tip: %d\nmentor_questions:\n  - Hvordan?\n---\n\n## Hva gikk bra?\n\nMye.\n", w, i%14+1)
			if err := os.MkdirAll(filepath.Dir(s.ReflectionPath(w)), 0o700); err != nil {
				tb.Fatal(err)
			}
			if err := os.WriteFile(s.ReflectionPath(w), []byte(r), 0o600); err != nil {
				tb.Fatal(err)
			}
		}
	}
}

// BenchmarkRead reads a ten-year journal: 3,650 daily entries and 521
// weekly reflections.
func BenchmarkRead(b *testing.B) {
	root := b.TempDir()
	GenerateJournal(b, root, d("2026-11-27"), 3650)
	s := NewStore(root)
	b.ResetTimer()
	for range b.N {
		j := s.Read()
		if len(j.Entries) != 3650 {
			b.Fatalf("%d entries", len(j.Entries))
		}
	}
}

// BenchmarkWeek computes a week's numbers in a ten-year journal.
func BenchmarkWeek(b *testing.B) {
	root := b.TempDir()
	GenerateJournal(b, root, d("2026-11-27"), 3650)
	j := NewStore(root).Read()
	w := WeekOf(d("2026-11-27"))
	b.ResetTimer()
	for range b.N {
		_ = j.Week(w, d("2026-11-27"))
	}
}

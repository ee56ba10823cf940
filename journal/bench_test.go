package journal

import (
	"fmt"
	"testing"
	"time"
)

// sampleText stands in for a pack and its sample texts in benchmarks.
var sampleText = SampleText{
	Answers:         []string{"Denne uken merket jeg det på personalmøtet: vi brukte tid på det som ikke hjelper brukerne.", "Neste gang spør jeg først hva de trenger."},
	Notes:           []string{"Kort prat med Kari om turnusen. #turnus"},
	Commitments:     []string{"Spør teamet hva som hjelper dem mest", "La Kari lede morgenmøtet"},
	WentWell:        []string{"Personalmøtet."},
	Learned:         []string{"Å spørre før jeg svarer."},
	MentorQuestions: []string{"Hvordan gir jeg slipp uten å slippe ansvaret?"},
	WentWellHeading: "Hva gikk bra?", LearnedHeading: "Hva lærte jeg?", FocusHeading: "Fokus neste uke", MentorHeading: "Spørsmål til mentoren",
	Questions: func(tip, k int) []string {
		return []string{fmt.Sprintf("Spørsmål %d om tips %d?", 2*k%8+1, tip), fmt.Sprintf("Spørsmål %d om tips %d?", 2*k%8+2, tip)}
	},
	TipTitle: func(tip int) string { return fmt.Sprintf("Tips %d", tip) },
}

// GenerateJournal writes a ten-year-style journal for a benchmark.
func GenerateJournal(tb testing.TB, root string, end Date, days int) {
	tb.Helper()
	if err := Sample(NewStore(root), end, days, 14, sampleText); err != nil {
		tb.Fatal(err)
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

// BenchmarkSearch looks for two words in a ten-year journal, as `tillit
// search` does once the journal is read.
func BenchmarkSearch(b *testing.B) {
	root := b.TempDir()
	GenerateJournal(b, root, d("2026-11-27"), 3650)
	j := NewStore(root).Read()
	b.ResetTimer()
	for range b.N {
		hits := Search(j.Items(afterAll), Query{Words: []string{"kari", "TURNUSEN"}})
		if len(hits) == 0 {
			b.Fatal("nothing found")
		}
	}
}

// BenchmarkDoctor checks a ten-year journal: every file read and parsed,
// every folder and mode looked at.
func BenchmarkDoctor(b *testing.B) {
	root := b.TempDir()
	GenerateJournal(b, root, d("2026-11-27"), 3650)
	s := NewStore(root)
	b.ResetTimer()
	for range b.N {
		c, err := s.Doctor(func(string) int { return 14 })
		if err != nil || c.Files < 3650 {
			b.Fatalf("%v %+v", err, c)
		}
	}
}

// BenchmarkDoctorOf checks a ten-year journal already read, as the
// interface does after each read: the folders walked, no file parsed again.
func BenchmarkDoctorOf(b *testing.B) {
	root := b.TempDir()
	GenerateJournal(b, root, d("2026-11-27"), 3650)
	s := NewStore(root)
	j := s.Read()
	b.ResetTimer()
	for range b.N {
		if _, err := s.DoctorOf(j, func(string) int { return 14 }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSummaryWarm reads a ten-year journal from its index, checked
// against the folders: nothing changed.
func BenchmarkSummaryWarm(b *testing.B) {
	root := b.TempDir()
	GenerateJournal(b, root, d("2026-11-27"), 3650)
	s := NewStore(root)
	s.Cache = b.TempDir()
	s.Clock = func() time.Time { return time.Now().Add(time.Hour) }
	s.Summary()
	b.ResetTimer()
	for range b.N {
		if j := s.Summary(); j.parsed != 0 || len(j.Entries) != 3650 {
			b.Fatalf("%d parsed", j.parsed)
		}
	}
}

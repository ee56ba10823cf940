package journal_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"tillit/content"
	"tillit/journal"
	"tillit/locale"
	"tillit/report"
)

// The index on journals made as tillit demo makes them: 365, 3,650 and
// 36,500 days (the last left out under -short: it takes a while to write).
func benchSizes() []int {
	if testing.Short() {
		return []int{365, 3650}
	}
	return []int{365, 3650, 36500}
}

var demoRoots = map[int]string{}

// demo is a journal of days, written once per run of the benchmarks.
func demo(b *testing.B, days int) *journal.Store {
	b.Helper()
	root, ok := demoRoots[days]
	if !ok {
		var err error
		if root, err = os.MkdirTemp("", "tillit-bench-"); err != nil {
			b.Fatal(err)
		}
		text, err := report.SampleText(locale.New("nb"), content.MustBuiltin("nb"))
		if err != nil {
			b.Fatal(err)
		}
		if err := journal.Sample(journal.NewStore(root), journal.Date{Year: 2026, Month: 11, Day: 26}, days, 14, text); err != nil {
			b.Fatal(err)
		}
		demoRoots[days] = root
	}
	s := journal.NewStore(root)
	s.Cache = b.TempDir()
	s.Clock = func() time.Time { return time.Now().Add(time.Hour) }
	return s
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, root := range demoRoots {
		os.RemoveAll(root)
	}
	os.Exit(code)
}

// BenchmarkIndexBuild makes the index from nothing: every file read and
// parsed, the index written (the first run after an upgrade).
func BenchmarkIndexBuild(b *testing.B) {
	for _, days := range benchSizes() {
		b.Run(fmt.Sprintf("days=%d", days), func(b *testing.B) {
			s := demo(b, days)
			for range b.N {
				os.RemoveAll(s.Cache)
				s.Summary()
			}
		})
	}
}

// BenchmarkIndexCheck reads the journal from a kept index: each folder
// read, each file's stamp compared, nothing parsed.
func BenchmarkIndexCheck(b *testing.B) {
	for _, days := range benchSizes() {
		b.Run(fmt.Sprintf("days=%d", days), func(b *testing.B) {
			s := demo(b, days)
			s.Summary()
			b.ResetTimer()
			for range b.N {
				if j := s.Summary(); len(j.Entries) != days {
					b.Fatalf("%d entries", len(j.Entries))
				}
			}
		})
	}
}

// BenchmarkIndexLoad reads and checks the index file alone.
func BenchmarkIndexLoad(b *testing.B) {
	for _, days := range benchSizes() {
		b.Run(fmt.Sprintf("days=%d", days), func(b *testing.B) {
			s := demo(b, days)
			s.Summary()
			b.ResetTimer()
			for range b.N {
				if n, ok := journal.LoadIndex(s); !ok || n < days {
					b.Fatalf("%d files, %v", n, ok)
				}
			}
		})
	}
}

// BenchmarkReadWhole reads every file in full, as the doctor and the
// interface's screens do.
func BenchmarkReadWhole(b *testing.B) {
	for _, days := range benchSizes() {
		b.Run(fmt.Sprintf("days=%d", days), func(b *testing.B) {
			s := demo(b, days)
			for range b.N {
				if j := s.Read(); len(j.Entries) != days {
					b.Fatalf("%d entries", len(j.Entries))
				}
			}
		})
	}
}

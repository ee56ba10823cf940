package journal_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	demojournal "tillit/internal/demo"
	"tillit/journal"
)

// The index and the whole read on journals made as tillit demo makes them
// (see internal/demo for the sizes).

// demo is a journal made as tillit demo makes it, with an index in a
// fresh cache folder.
func demo(b *testing.B, days int) *journal.Store {
	s := journal.NewStore(demojournal.Journal(b, days))
	s.Cache = b.TempDir()
	s.Clock = func() time.Time { return time.Now().Add(time.Hour) }
	return s
}

func TestMain(m *testing.M) { demojournal.Main(m) }

// each runs f on a journal of each size.
func each(b *testing.B, f func(b *testing.B, s *journal.Store, days int)) {
	for _, days := range demojournal.Sizes() {
		b.Run(fmt.Sprintf("days=%d", days), func(b *testing.B) { f(b, demo(b, days), days) })
	}
}

// BenchmarkIndexBuild makes the index from nothing: every file read and
// parsed, the index written (the first run after an upgrade).
func BenchmarkIndexBuild(b *testing.B) {
	each(b, func(b *testing.B, s *journal.Store, _ int) {
		for range b.N {
			os.RemoveAll(s.Cache)
			s.Summary()
		}
	})
}

// BenchmarkIndexCheck reads the journal from a kept index: each folder
// read, each file's stamp compared, nothing parsed.
func BenchmarkIndexCheck(b *testing.B) {
	each(b, func(b *testing.B, s *journal.Store, days int) {
		s.Summary()
		b.ResetTimer()
		for range b.N {
			if j := s.Summary(); len(j.Entries) != days {
				b.Fatalf("%d entries", len(j.Entries))
			}
		}
	})
}

// BenchmarkIndexLoad reads and checks the index file alone.
func BenchmarkIndexLoad(b *testing.B) {
	each(b, func(b *testing.B, s *journal.Store, days int) {
		s.Summary()
		b.ResetTimer()
		for range b.N {
			if n, ok := journal.LoadIndex(s); !ok || n < days {
				b.Fatalf("%d files, %v", n, ok)
			}
		}
	})
}

// BenchmarkReadWhole reads every file in full, as the doctor and the
// interface's screens do.
func BenchmarkReadWhole(b *testing.B) {
	each(b, func(b *testing.B, s *journal.Store, days int) {
		for range b.N {
			if j := s.Read(); len(j.Entries) != days {
				b.Fatalf("%d entries", len(j.Entries))
			}
		}
	})
}

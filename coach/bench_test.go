package coach

import (
	"fmt"
	"testing"
	"time"

	"tillit/content"
	demojournal "tillit/internal/demo"
	"tillit/journal"
	"tillit/locale"
	"tillit/report"
)

// The use cases on journals made as tillit demo makes them (see
// internal/demo for the sizes), read from a kept index as the commands
// read them.

var end = demojournal.End

func TestMain(m *testing.M) { demojournal.Main(m) }

// each runs f on a journal of each size, its index made.
func each(b *testing.B, f func(b *testing.B, s *journal.Store, days int)) {
	for _, days := range demojournal.Sizes() {
		b.Run(fmt.Sprintf("days=%d", days), func(b *testing.B) {
			s := journal.NewStore(demojournal.Journal(b, days))
			s.Cache = b.TempDir()
			s.Clock = func() time.Time { return time.Now().Add(time.Hour) }
			s.Summary()
			b.ResetTimer()
			f(b, s, days)
		})
	}
}

// BenchmarkToday is what tillit today and the first frame of Today work
// out: the journal from its index, the tip due, the open commitment read.
func BenchmarkToday(b *testing.B) {
	c := New(locale.New("nb"), content.MustBuiltin("nb"), nil)
	each(b, func(b *testing.B, s *journal.Store, _ int) {
		for range b.N {
			if d := c.Today(s.Summary(), end.AddDays(1)); d.Open == nil || d.Open.Commitment == "" {
				b.Fatalf("no open commitment: %+v", d)
			}
		}
	})
}

// BenchmarkReview is tillit review --print: the week's numbers and page.
func BenchmarkReview(b *testing.B) {
	c := New(locale.New("nb"), content.MustBuiltin("nb"), nil)
	each(b, func(b *testing.B, s *journal.Store, _ int) {
		for range b.N {
			j, st := c.Week(s.Summary(), journal.WeekOf(end), end)
			if report.Week(j, st, c.ReportOptions(true)) == "" || st.CheckIns == 0 {
				b.Fatal("an empty week")
			}
		}
	})
}

// BenchmarkSearch is tillit search for a word in about 1.6 % of the files.
func BenchmarkSearch(b *testing.B) {
	c := New(locale.New("nb"), content.MustBuiltin("nb"), nil)
	o := c.ReportOptions(true)
	labels := func(it *journal.Item) []string { return report.Labels(it, o) }
	each(b, func(b *testing.B, s *journal.Store, days int) {
		for range b.N {
			if hits := s.Summary().Find(journal.Query{Words: []string{"alvorlig"}}, demojournal.End, labels); len(hits) < days/100 {
				b.Fatalf("%d found", len(hits))
			}
		}
	})
}

// BenchmarkExport exports the whole journal to markdown.
func BenchmarkExport(b *testing.B) {
	c := New(locale.New("nb"), content.MustBuiltin("nb"), nil)
	each(b, func(b *testing.B, s *journal.Store, days int) {
		o := c.ExportOptions(end.AddDays(-(days - 1)), end, false)
		for range b.N {
			if data, _, err := Export(s.Summary(), o, "md"); err != nil || len(data) < days*100 {
				b.Fatalf("%v, %d bytes", err, len(data))
			}
		}
	})
}

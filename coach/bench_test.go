package coach

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

// The use cases on journals made as tillit demo makes them, of 365, 3,650
// and 36,500 days (the last left out under -short), read from a kept index
// as the commands read them.
func benchSizes() []int {
	if testing.Short() {
		return []int{365, 3650}
	}
	return []int{365, 3650, 36500}
}

var demoRoots = map[int]string{}

// end is the last day of the benchmarks' journals; today is the day after.
var end = journal.Date{Year: 2026, Month: 11, Day: 26}

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
		if err := journal.Sample(journal.NewStore(root), end, days, 14, text); err != nil {
			b.Fatal(err)
		}
		demoRoots[days] = root
	}
	s := journal.NewStore(root)
	s.Cache = b.TempDir()
	s.Clock = func() time.Time { return time.Now().Add(time.Hour) }
	s.Summary() // the index made
	return s
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, root := range demoRoots {
		os.RemoveAll(root)
	}
	os.Exit(code)
}

// each runs f on a journal of each size.
func each(b *testing.B, f func(b *testing.B, s *journal.Store, days int)) {
	for _, days := range benchSizes() {
		b.Run(fmt.Sprintf("days=%d", days), func(b *testing.B) {
			s := demo(b, days)
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
			if hits := s.Summary().Find(journal.Query{Words: []string{"alvorlig"}}, labels); len(hits) < days/100 {
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

package report

import (
	"testing"

	"tillit/content"
	"tillit/journal"
	"tillit/locale"
)

// BenchmarkExportMarkdown exports ten years (3,650 daily entries, already
// read) to markdown.
func BenchmarkExportMarkdown(b *testing.B) {
	j := tenYears(b)
	o := exportOptions(false)
	o.From, o.To = end.AddDays(-3649), end
	b.ResetTimer()
	for range b.N {
		x := NewExport(j, o)
		_ = x.Markdown(o.Options)
	}
}

// end is the last day of the ten-year sample journal.
var end = journal.Date{Year: 2026, Month: 11, Day: 27}

// tenYears reads a sample journal of ten years (3,650 daily entries up to
// end) in Norwegian, written for a benchmark.
func tenYears(b *testing.B) *journal.Journal {
	b.Helper()
	root := b.TempDir()
	text, err := SampleText(locale.New("nb"), content.MustBuiltin("nb"))
	if err != nil {
		b.Fatal(err)
	}
	if err := journal.Sample(journal.NewStore(root), end, 3650, 14, text); err != nil {
		b.Fatal(err)
	}
	return journal.NewStore(root).Read()
}

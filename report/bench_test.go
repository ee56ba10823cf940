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
	root := b.TempDir()
	end := journal.Date{Year: 2026, Month: 11, Day: 27}
	text, err := SampleText(locale.New("nb"), content.MustBuiltin("nb"))
	if err != nil {
		b.Fatal(err)
	}
	if err := journal.Sample(journal.NewStore(root), end, 3650, 14, text); err != nil {
		b.Fatal(err)
	}
	j := journal.NewStore(root).Read()
	o := exportOptions(false)
	o.From, o.To = end.AddDays(-3649), end
	b.ResetTimer()
	for range b.N {
		x := NewExport(j, o)
		_ = x.Markdown(o.Options)
	}
}

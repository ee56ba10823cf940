package report

import (
	"testing"

	"tillit/content"
	"tillit/journal"
)

// BenchmarkExportMarkdown exports ten years (3,650 daily entries, already
// read) to markdown.
func BenchmarkExportMarkdown(b *testing.B) {
	root := b.TempDir()
	end := journal.Date{Year: 2026, Month: 11, Day: 27}
	pack := content.MustBuiltin("nb")
	qs := func(tip, k int) []string { t, _ := pack.Tip(tip); return t.QuestionsFor(k) }
	if err := journal.Sample(journal.NewStore(root), end, 3650, 14, qs); err != nil {
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

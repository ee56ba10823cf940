package coach

import (
	"fmt"

	"tillit/journal"
	"tillit/report"
)

// Formats are the formats an export can be written in, markdown first.
var Formats = []string{"md", "html", "json"}

// ExportOptions are the options of an export of the user's journal: the
// period and what it leaves out, in the user's language.
func (c *Coach) ExportOptions(from, to journal.Date, private bool) report.ExportOptions {
	return report.ExportOptions{Options: c.ReportOptions(private), From: from, To: to}
}

// Export makes the journal of the period o names into a document for the
// mentor in format (one of Formats). kept are the words that looked like
// names and were left as they are: the user's to act on, never part of the
// document.
func Export(j *journal.Journal, o report.ExportOptions, format string) (data []byte, kept []string, err error) {
	x := report.NewExport(forExport(j, o), o)
	switch format {
	case "html":
		data, err = x.HTML(o.Options)
	case "json":
		data, err = x.JSON()
	case "md", "":
		data = []byte(x.Markdown(o.Options))
	default:
		err = fmt.Errorf("no export format %q", format)
	}
	return data, x.Kept, err
}

// ExportPreview is the export as the preview shows it, whatever the format:
// the markdown every format is made from.
func ExportPreview(j *journal.Journal, o report.ExportOptions) (md string, kept []string) {
	x := report.NewExport(forExport(j, o), o)
	return x.Page(o.Options), x.Kept
}

// forExport is j with what an export of o's period reads in full (see
// Journal.Load): the period's entries and mentoring notes, the entries
// that say how their commitments went, the reflections of its weeks, the
// mentoring notes after it began (they may answer its questions for the
// mentor) and, when it has a mentoring note, every reflection (whose
// questions the note may answer).
func forExport(j *journal.Journal, o report.ExportOptions) *journal.Journal {
	in := func(d journal.Date) bool { return !d.Before(o.From) && !d.After(o.To) }
	days := map[journal.Date]bool{}
	for _, oc := range j.Outcomes() {
		if in(oc.Commitment.Date) && oc.RecordedIn != nil {
			days[oc.RecordedIn.Date] = true
		}
	}
	first, last := journal.WeekOf(o.From), journal.WeekOf(o.To)
	mentoring := false
	for _, m := range j.Mentorings {
		mentoring = mentoring || in(m.Date)
	}
	return j.Load(func(r journal.Ref) bool {
		switch r.Kind {
		case journal.KindWeek:
			return mentoring || !r.Week.Before(first) && !last.Before(r.Week)
		case journal.KindMentoring:
			return !r.Day.Before(first.Monday())
		}
		return in(r.Day) || days[r.Day]
	})
}

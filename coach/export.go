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
	x := report.NewExport(j, o)
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
	x := report.NewExport(j, o)
	return x.Page(o.Options), x.Kept
}

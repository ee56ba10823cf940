package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"tillit/journal"
	"tillit/report"
	"tillit/termtext"
)

func (a *app) searchCommand() *cobra.Command {
	var (
		tip           int
		tag, from, to string
		filesOnly     bool
	)
	cmd := &cobra.Command{
		Use:     a.lang.T("cmd.search.use"),
		Short:   a.lang.T("cmd.search.short"),
		Long:    a.lang.T("cmd.search.long"),
		Example: a.lang.T("cmd.search.example"),
		RunE: func(cmd *cobra.Command, args []string) error {
			q := journal.Query{Words: args, Tip: tip, Tag: tag}
			if cmd.Flags().Changed("tip") && (tip < 1 || tip > a.pack.Count()) {
				return a.usage("err.no_tip", "Value", a.lang.Quote(strconv.Itoa(tip)), "Of", a.pack.Count())
			}
			for _, f := range []struct {
				flag, value string
				date        *journal.Date
			}{{"--from", from, &q.From}, {"--to", to, &q.To}} {
				if f.value == "" {
					continue
				}
				d, err := journal.ParseDate(f.value)
				if err != nil {
					return a.usage("err.bad_date", "Flag", f.flag, "Value", f.value)
				}
				*f.date = d
			}
			if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
				return a.usage("err.export_order")
			}
			if q.Empty() {
				return a.usage("err.search_what") // "" or "#": it would list everything
			}
			o := a.reportOptions(true)
			hits := a.readJournal().Find(q, a.today(), func(it *journal.Item) []string { return report.Labels(it, o) })
			if len(hits) == 0 {
				return quietError{exitError}
			}
			w := colorprofile.NewWriter(a.stdout, os.Environ())
			if filesOnly {
				for _, it := range hits {
					fmt.Fprintln(w, termtext.Clean(it.Path))
				}
				return nil
			}
			a.printHits(w, hits, args)
			return nil
		},
	}
	cmd.Flags().IntVar(&tip, "tip", 0, a.lang.T("flag.search_tip"))
	cmd.Flags().StringVar(&tag, "tag", "", a.lang.T("flag.search_tag"))
	cmd.Flags().StringVar(&from, "from", "", a.lang.T("flag.search_from"))
	cmd.Flags().StringVar(&to, "to", "", a.lang.T("flag.search_to"))
	cmd.Flags().BoolVarP(&filesOnly, "files", "l", false, a.lang.T("flag.search_files"))
	return cmd
}

// printHits writes each item found: a line with its date and what it is,
// then its lines that hold a word, the words marked. The colour profile of
// w drops the marks when the output is not a terminal.
func (a *app) printHits(w io.Writer, hits []*journal.Item, words []string) {
	var (
		date = lipgloss.NewStyle().Bold(true)
		what = lipgloss.NewStyle().Faint(true)
		mark = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Magenta)
	)
	for i, it := range hits {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, date.Render(it.Date.String())+"  "+what.Render(termtext.Clean(a.itemLabel(it))))
		for _, m := range it.Matches(words) {
			var line strings.Builder
			at := 0
			for _, sp := range m.Spans {
				// The journal's text is cleaned before the marks are added.
				line.WriteString(termtext.Clean(m.Line.Text[at:sp[0]]))
				line.WriteString(mark.Render(termtext.Clean(m.Line.Text[sp[0]:sp[1]])))
				at = sp[1]
			}
			line.WriteString(termtext.Clean(m.Line.Text[at:]))
			prefix := "  "
			switch {
			case m.Commitment && m.Line.Private:
				prefix = "  🔒 → "
			case m.Commitment:
				prefix = "  → "
			case m.Line.Private:
				prefix = "  🔒 "
			}
			if m.Line.Field != "" && !m.Commitment {
				prefix += termtext.Clean(a.lang.Field(m.Line.Field)) + ": "
			}
			fmt.Fprintln(w, prefix+strings.TrimSpace(line.String()))
		}
	}
}

// itemLabel says what an item is: the tip of a check-in, a day of notes, a
// weekly reflection, a mentoring note.
func (a *app) itemLabel(it *journal.Item) string {
	switch it.Kind {
	case journal.KindWeek:
		return a.lang.T("search.week", "Week", it.Week.String())
	case journal.KindMentoring:
		return a.lang.T("search.mentoring")
	case journal.KindAssessment:
		return a.lang.T("search.assessment")
	}
	if it.Tip == 0 {
		return a.lang.T("search.notes")
	}
	if t, ok := a.coach.TipOf(it.Pack, it.Tip); ok {
		return a.lang.T("search.tip", "Number", it.Tip, "Title", t.Title)
	}
	return a.lang.T("search.tip_number", "Number", it.Tip)
}

package ui

import (
	"html"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/yuin/goldmark"

	"tillit/coach"
	"tillit/journal"
)

// sameAnswer is an answer of three lines, two lists (one with the dashes
// people type, one with markdown's) and a paragraph, as typed.
const sameAnswer = "Første linje.\nAndre linje.\nTredje linje.\n\n– Kari\n– Per\n\n- Ingrid\n- Ola\n\nEt avsnitt som er én lang linje i feltet og skal stå som én linje."

// sameAnswerLines is how the answer reads, line by line, blank lines aside.
var sameAnswerLines = []string{"Første linje.", "Andre linje.", "Tredje linje.", "– Kari", "– Per", "- Ingrid", "- Ola",
	"Et avsnitt som er én lang linje i feltet og skal stå som én linje."}

// An answer reads the same in every view of it: the check-in's preview,
// the journal, the review, the export's preview, and the markdown and HTML
// files the mentor gets (and the markdown as a viewer shows it). Each
// view is kept whole as a golden file too.
func TestAnAnswerReadsTheSameEverywhere(t *testing.T) {
	ctx := testContext(t, "nb")
	day := journal.Date{Year: 2026, Month: 11, Day: 23}
	m := newCheckin(ctx, setupFor(t, ctx, day))
	m.Init()
	m.Update(press("enter"))
	m.Update(tea.PasteMsg{Content: sameAnswer})
	m.Update(press("ctrl+s"))
	views := map[string]string{"preview": rendered(t, m.showPage())}
	saveNow(t, m)

	j := ctx.Store.Read()
	jm := newJournal(ctx)
	jm.Update(jm.refresh(j)())
	jm.follow(ctx.Store.DayPath(day))
	views["journal"] = rendered(t, jm.Update(press("enter")))

	rm := newReview(ctx, journal.WeekOf(day))
	views["review"] = rendered(t, rm.refresh(j))

	xm := newExport(ctx)
	views["export-preview"] = rendered(t, xm.Update(xm.refresh(j)()))

	o := ctx.Coach.ExportOptions(day, day, false)
	o.Generated = testNow
	md, _, err := coach.Export(j, o, "md")
	if err != nil {
		t.Fatal(err)
	}
	page, _, err := coach.Export(j, o, "html")
	if err != nil {
		t.Fatal(err)
	}
	views["md"] = string(md)
	// The markdown as a markdown viewer shows it.
	var viewed strings.Builder
	if err := goldmark.New().Convert(md, &viewed); err != nil {
		t.Fatal(err)
	}
	views["md-viewed"] = htmlText(viewed.String())
	views["html"] = htmlText(string(page))

	for name, view := range views {
		got := answerIn(view)
		if strings.Join(got, "\n") != strings.Join(sameAnswerLines, "\n") {
			t.Errorf("%s shows the answer as\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(sameAnswerLines, "\n"))
		}
		t.Run(name, func(t *testing.T) { golden.RequireEqual(t, view) })
	}
}

// rendered runs the render a screen asked for, and returns the page's
// text.
func rendered(t *testing.T, cmd tea.Cmd) string {
	t.Helper()
	for _, msg := range runAll(cmd) {
		if r, ok := msg.(renderedMsg); ok {
			if r.err != nil {
				t.Fatal(r.err)
			}
			return ansi.Strip(r.out)
		}
	}
	t.Fatal("no page was rendered")
	return ""
}

// answerIn is the answer's lines in a view: from its first line to its
// last, blank lines left out, each trimmed, a terminal's bullet read as
// the dash it was, and a markdown line break as the line end it is.
func answerIn(view string) []string {
	var out []string
	in := false
	for _, l := range strings.Split(view, "\n") {
		l = strings.TrimSpace(strings.TrimSuffix(strings.TrimRight(l, " "), `\`))
		l = strings.Replace(l, "• ", "- ", 1)
		if strings.Contains(l, "Første linje") {
			in = true
		}
		if in && l != "" {
			out = append(out, l)
		}
		if strings.Contains(l, "Et avsnitt") {
			break
		}
	}
	return out
}

var (
	htmlBreak = regexp.MustCompile(`(?i)<br\s*/?>|</?(p|li|ul|ol|h\d|div|blockquote)[^>]*>`)
	htmlTag   = regexp.MustCompile(`<[^>]*>`)
	htmlSpace = regexp.MustCompile(`[ \t\r\n]+`)
)

// htmlText is what a browser shows of an HTML page, line by line: white
// space is a space, blocks and <br> end lines, a list item starts with a
// dash.
func htmlText(page string) string {
	if _, body, ok := strings.Cut(page, "<body>"); ok {
		page = body
	}
	page = strings.ReplaceAll(page, "<li>", "<li>- ")
	page = htmlSpace.ReplaceAllString(page, " ")
	page = htmlBreak.ReplaceAllString(page, "\n")
	page = htmlTag.ReplaceAllString(page, "")
	var lines []string
	for _, l := range strings.Split(html.UnescapeString(page), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

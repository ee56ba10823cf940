package report

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"

	"tillit/content"
	"tillit/locale"
)

// TeamMeeting writes a 30-minute staff meeting on a tip as markdown, in the
// catalog's language: a round, the tip read aloud word for word, two
// questions in pairs, one experiment for two weeks with an owner, and the
// follow-up at the next meeting. It is for the leader to print or share:
// nothing from the journal is in it.
func TeamMeeting(p *content.Pack, tip content.Tip, lang *locale.Catalog) string {
	t := lang.T
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", t("team.title", "N", tip.Number, "Title", tip.Short))
	intro := t("team.intro")
	if tip.ThemeName != "" {
		intro = t("tip.theme", "Theme", tip.ThemeName) + " · " + intro
	}
	fmt.Fprintf(&b, "*%s*\n\n", intro)

	fmt.Fprintf(&b, "## %s\n\n%s\n\n", t("team.round"), t("team.round_how"))

	fmt.Fprintf(&b, "## %s\n\n%s\n\n", t("team.read"), t("team.read_how"))
	fmt.Fprintf(&b, "> %d. %s\n\n", tip.Number, tip.Title)
	if c := p.Credit(t, tip.Number); c != "" {
		fmt.Fprintf(&b, "*%s*\n\n", c)
	}

	fmt.Fprintf(&b, "## %s\n\n%s\n\n", t("team.pairs"), t("team.pairs_how"))
	questions := tip.Questions
	var experiment string
	if tip.Team != nil {
		questions, experiment = tip.Team.Questions, tip.Team.Experiment
	}
	for i, q := range questions {
		if i == 2 {
			break // two questions: thirty minutes hold no more
		}
		fmt.Fprintf(&b, "%d. %s\n", i+1, q)
	}
	b.WriteString("\n")

	fmt.Fprintf(&b, "## %s\n\n%s\n\n", t("team.experiment"), t("team.experiment_how"))
	if experiment != "" {
		fmt.Fprintf(&b, "%s %s\n\n", t("team.suggestion"), experiment)
	} else if tip.Try != "" {
		fmt.Fprintf(&b, "%s %s\n\n", t("team.suggestion"), tip.Try)
	}
	for _, field := range []string{"team.what", "team.owner", "team.sign"} {
		fmt.Fprintf(&b, "- **%s:** %s\n", t(field), blank)
	}
	b.WriteString("\n")

	fmt.Fprintf(&b, "## %s\n\n%s\n", t("team.next"), t("team.next_how"))
	if p.URL != "" {
		fmt.Fprintf(&b, "\n<%s>\n", p.URL)
	}
	return b.String()
}

// blank is room to write, on paper or in a shared document: dots, which
// read the same in markdown as printed.
const blank = "………………………………………………………………"

// TeamMeetingHTML is the staff meeting as one standalone page that prints on
// one or two A4 sheets: the same text as the markdown, in the style of the
// export, loading nothing from anywhere.
func TeamMeetingHTML(p *content.Pack, tip content.Tip, lang *locale.Catalog) ([]byte, error) {
	md := TeamMeeting(p, tip, lang)
	var body bytes.Buffer
	if err := goldmark.New().Convert([]byte(md), &body); err != nil {
		return nil, fmt.Errorf("render the staff meeting as HTML: %w", err)
	}
	title := lang.T("team.title", "N", tip.Number, "Title", tip.Short)
	return htmlPage(lang.Lang(), title, "", exportCSS+teamCSS, body.Bytes(), ""), nil
}

// teamCSS adds to the export's style what a page for a meeting needs: room
// to write on the lines, and the tip set apart to be read aloud.
const teamCSS = `blockquote { font-size: 1.25rem; color: #15201e; border-left-color: var(--accent); }
ul { list-style: none; padding-left: 0; }
ul li { margin: .9rem 0; }
@media print { h1 { font-size: 1.5rem; } h2 { margin-top: 1.4rem; } }
`

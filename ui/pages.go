package ui

import (
	"fmt"
	"strings"

	"tillit/content"
	"tillit/journal"
	"tillit/report"
)

// tipPage is the markdown of a tip's page, with today's questions when
// given.
func tipPage(ctx *Context, p *content.Pack, t content.Tip, questions []string) string {
	return t.Page(p.Labels(ctx.T), questions)
}

// entryMarkdown shows a check-in as it will be saved, private parts marked.
// answers are all of the check-in's answers, changed or not.
func entryMarkdown(ctx *Context, tip content.Tip, c journal.CheckIn, answers []journal.Answer, target *journal.Entry) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", ctx.Lang.Heading(ctx.LongDate(c.Date)))
	fmt.Fprintf(&b, "**%s %d:** %s\n\n", ctx.T("preview.tip"), tip.Number, tip.Title)
	if c.Private {
		fmt.Fprintf(&b, "> 🔒 %s\n\n", ctx.T("preview.entry_private"))
	}
	var facts []string
	if c.Rating > 0 {
		facts = append(facts, fmt.Sprintf("**%s:** %d/5", ctx.T("preview.rating"), c.Rating))
	}
	if c.Energy > 0 {
		facts = append(facts, fmt.Sprintf("**%s:** %d/5", ctx.T("preview.energy"), c.Energy))
	}
	if len(facts) > 0 {
		b.WriteString(strings.Join(facts, " · ") + "\n\n")
	}
	if target != nil && c.Followup != "" {
		fmt.Fprintf(&b, "**%s:** %s — %s %s", ctx.T("preview.followup"), ctx.Lang.Quote(target.Commitment), report.Symbol(c.Followup), followupLabel(ctx, c.Followup))
		if c.FollowupNote != "" {
			b.WriteString(": " + c.FollowupNote)
		}
		b.WriteString("\n\n")
	}
	for _, a := range answers {
		if strings.TrimSpace(a.Text) == "" {
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n", a.Question)
		if a.Private {
			fmt.Fprintf(&b, "*🔒 %s*\n\n", ctx.T("preview.private_answer"))
		}
		fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(a.Text))
	}
	if c.Commitment != "" {
		fmt.Fprintf(&b, "**%s:** %s\n", ctx.T("preview.commitment"), c.Commitment)
	}
	return b.String()
}

package report

import (
	"cmp"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Markdown writes the export as one markdown document: YAML front matter
// (title, author, period, date, language) that pandoc reads, a summary, the
// questions for the mentor, then week by week the reflection, the days and
// the mentoring notes. Every heading of the journal is pushed down under the
// document's own.
//
// The title is the front matter's: pandoc, Obsidian and GitHub show it, and
// a second one as a # heading would make two.
func (x *Export) Markdown(o Options) string {
	return x.frontMatter(o) + x.document(o)
}

// Page is the markdown with its title as a heading instead of front matter:
// what the HTML and the export screen's preview show.
func (x *Export) Page(o Options) string {
	return "# " + escapeLine(x.Title) + "\n\n" + x.document(o)
}

// document is the markdown below the title.
func (x *Export) document(o Options) string {
	var b strings.Builder

	fmt.Fprintf(&b, "## %s\n\n", o.t("export.summary"))
	b.WriteString(x.summaryList(o) + "\n")

	if len(x.MentorQuestions) > 0 {
		fmt.Fprintf(&b, "## %s\n\n", o.t("export.mentor_questions"))
		for _, q := range x.MentorQuestions {
			line := fmt.Sprintf("- %s (%s)", escapeLine(q.Text), o.t("export.week_n", "N", q.Week.Number))
			if q.Answered() {
				line += " — ✓ " + o.t("export.answered", "Day", o.dayMonth(q.AnsweredOn))
			}
			if q.Private || q.AnswerPrivate {
				line += " · 🔒 " + o.t("private.label")
			}
			b.WriteString(line + "\n")
		}
		b.WriteString("\n")
	}

	if x.Compared != nil {
		b.WriteString(x.assessmentsMarkdown(o))
	}

	if x.ForMentor != nil {
		b.WriteString(x.ForMentor.markdown(2, o))
	}

	for _, w := range x.Weeks {
		fmt.Fprintf(&b, "## %s\n\n", WeekTitle(w.Week, o.Lang))
		if w.Reflection != nil {
			fmt.Fprintf(&b, "### %s\n\n", o.t("report.reflection"))
			b.WriteString(markdownText(*w.Reflection, 4, o))
		}
		for _, e := range w.Entries {
			b.WriteString(x.markdownEntry(e, o))
		}
		for _, m := range w.Mentorings {
			fmt.Fprintf(&b, "### %s\n\n", o.t("export.mentoring", "Day", o.longDate(m.Date)))
			if m.Mentor != "" {
				fmt.Fprintf(&b, "%s: %s\n\n", o.t("export.mentor"), m.Mentor)
			}
			b.WriteString(markdownText(m.Body, 4, o))
		}
	}
	if x.Credit != "" {
		fmt.Fprintf(&b, "---\n\n*%s*\n", x.Credit)
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// frontMatter is the document's YAML header, the values quoted by the YAML
// encoder so that no title can break it.
func (x *Export) frontMatter(o Options) string {
	meta := yaml.Node{Kind: yaml.MappingNode}
	add := func(k, v string) {
		meta.Content = append(meta.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, &yaml.Node{Kind: yaml.ScalarNode, Value: v, Style: yaml.DoubleQuotedStyle})
	}
	add("title", x.Title)
	if x.Author != "" {
		add("author", x.Author)
	}
	add("date", x.Generated.Format("2006-01-02"))
	add("period", x.From.String()+" – "+x.To.String())
	add("lang", x.Language)
	out, _ := yaml.Marshal(&meta) // a mapping of strings always encodes
	return "---\n" + string(out) + "---\n\n"
}

// summaryList is the period in numbers, as a list.
func (x *Export) summaryList(o Options) string {
	s := x.Summary
	var items []string
	items = append(items, fmt.Sprintf("**%s:** %s", o.t("export.period"), o.Lang.Span(x.From.Year, x.From.Month, x.From.Day, x.To.Year, x.To.Month, x.To.Day)))
	avg := "–"
	if s.AverageRating != nil {
		avg = o.Lang.Decimal(*s.AverageRating, 1)
	}
	items = append(items, fmt.Sprintf("**%s:** %d · %s %s", o.t("export.checkins"), s.CheckIns, o.t("export.average"), avg))
	if len(s.Tips) > 0 {
		// Each tip by its title and how often, in words: the mentor does
		// not know the tips by number.
		tips := fmt.Sprintf("**%s:**", o.t("export.tips"))
		for _, t := range s.Tips {
			// The count follows a colon; a tip of a pack no longer
			// installed is known by its number.
			title := strings.TrimSuffix(cmp.Or(t.Short, t.Title), ".")
			if title == "" {
				title = o.t("report.tip", "N", t.Tip)
			}
			tips += "\n  - " + o.Lang.N("export.tip_count", t.Count, "Tip", t.Tip, "Title", escapeLine(title))
		}
		items = append(items, tips)
	}
	c := s.Commitments
	items = append(items, o.commitmentCounts("export.commitments", c.Done, c.Partly, c.Not, c.Open))
	if c := x.Compared; c != nil {
		line := fmt.Sprintf("**%s:** %d", o.t("assessment.title"), len(c.Dates))
		if n := len(c.Averages); n > 0 {
			line += " · " + o.t("export.average") + " " + o.Lang.Decimal(c.Averages[0], 1)
			if n > 1 {
				line += " → " + o.Lang.Decimal(c.Averages[n-1], 1)
			}
		}
		items = append(items, line)
	}
	for _, f := range s.Focus {
		items = append(items, fmt.Sprintf("**%s:** %d · %s", o.t("export.focus", "N", f.Week.Number), f.Tip, f.Title))
	}
	if x.PrivateLeftOut > 0 {
		items = append(items, o.Lang.N("export.private_left_out", x.PrivateLeftOut))
	}
	var b strings.Builder
	for _, it := range items {
		b.WriteString("- " + it + "\n")
	}
	return b.String()
}

// assessmentsMarkdown is the period's self-assessments: the ratings and
// the pulse side by side, then each one's note.
func (x *Export) assessmentsMarkdown(o Options) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", o.t("assessment.title"))
	fmt.Fprintf(&b, "*%s* %s\n\n", o.t("assessment.question"), o.t("export.assessment_about"))
	b.WriteString(x.Compared.markdown(3, o))
	for _, a := range x.Assessments {
		if len(a.Body.Sections) == 0 {
			continue
		}
		fmt.Fprintf(&b, "### %s\n\n", o.t("export.assessment_note", "Day", o.longDate(a.Date)))
		if a.Body.Private {
			fmt.Fprintf(&b, "🔒 %s\n\n", o.t("private.label"))
		}
		b.WriteString(markdownText(a.Body, 4, o))
	}
	return b.String()
}

func (x *Export) markdownEntry(e ExportEntry, o Options) string {
	var b strings.Builder
	head := o.dayHeading(e.Date)
	if e.Tip > 0 {
		head += " · " + o.t("report.tip", "N", e.Tip)
	}
	fmt.Fprintf(&b, "### %s\n\n", head)
	if e.TipTitle != "" {
		fmt.Fprintf(&b, "**%s**\n\n", escapeLine(e.TipTitle))
	}
	if e.Body.Private {
		fmt.Fprintf(&b, "🔒 %s\n\n", o.t("private.label"))
	}
	b.WriteString(o.facts(e.Rating, e.Energy))
	b.WriteString(o.followupLine(e.Followup, escapeLine(e.FollowupNote), escapeLine(e.FollowedUp)))
	b.WriteString(markdownText(e.Body, 4, o))
	if e.Commitment != "" {
		line := fmt.Sprintf("**%s:** %s — ", o.t("preview.commitment"), escapeLine(e.Commitment))
		switch {
		case e.OutcomePrivate && e.Outcome == "":
			// Left out: neither done nor open, as far as the reader knows.
			line += "🔒 " + o.t("private.label")
		default:
			line += fmt.Sprintf("%s %s", Symbol(e.Outcome), outcomeLabel(e.Outcome, o))
			if e.OutcomeNote != "" {
				line += ": " + escapeLine(e.OutcomeNote)
			}
			if e.OutcomePrivate && !e.Body.Private {
				line += " · 🔒 " + o.t("private.label")
			}
		}
		b.WriteString(line + "\n\n")
	}
	return b.String()
}

// markdownText writes sections under headings of the given level; the
// user's own headings inside a text go below that.
func markdownText(t ExportText, level int, o Options) string {
	var b strings.Builder
	hashes := strings.Repeat("#", level)
	for _, s := range t.Sections {
		if s.Heading != "" {
			h := s.Heading
			if s.Note {
				h = o.t("report.note", "Time", h)
			}
			if s.Private {
				h += " · 🔒 " + o.t("private.label")
			}
			fmt.Fprintf(&b, "%s %s\n\n", hashes, escapeLine(h))
		} else if s.Private {
			fmt.Fprintf(&b, "🔒 %s\n\n", o.t("private.label"))
		}
		if s.Text != "" {
			b.WriteString(pushHeadings(Text(s.Text), level+1) + "\n\n")
		}
	}
	return b.String()
}

// pushHeadings moves the ATX headings of a text down to at least level, so
// the document keeps one outline; code blocks are left alone.
func pushHeadings(text string, level int) string {
	lines := strings.Split(text, "\n")
	fence := ""
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		n := len(t) - len(strings.TrimLeft(t, "#"))
		if n > 0 && n <= 6 && (len(t) == n || t[n] == ' ') {
			lines[i] = strings.Repeat("#", min(6, max(n, level))) + t[n:]
		}
	}
	return strings.Join(lines, "\n")
}

// escapeLine keeps text meant for one line from starting markdown of its
// own (a list, a heading, a quote) where it is put.
func escapeLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s != "" && strings.ContainsRune("#>-+*", rune(s[0])) {
		s = `\` + s
	}
	return s
}

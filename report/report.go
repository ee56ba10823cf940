// Package report writes the journal as markdown for people to read: a week
// as the review shows it and tillit review --print writes it. It never
// imports a user interface package and never touches the disk.
package report

import (
	"fmt"
	"strings"

	"tillit/content"
	"tillit/journal"
	"tillit/locale"
)

// Options say whose eyes the report is for.
type Options struct {
	Lang *locale.Catalog
	// PackOf returns the pack an entry or reflection was written with (nil
	// when it is gone), to name its tip.
	PackOf func(id string) *content.Pack
	// Private shows private parts, marked as private (the user's own view).
	// Without it they are left out.
	Private bool
}

func (o Options) t(id string, pairs ...any) string { return o.Lang.T(id, pairs...) }

// Packs returns a PackOf for Options: the pack in use, the built-in one, or
// one of the user's, in lang.
func Packs(lang string, inUse *content.Pack, user []*content.Pack) func(id string) *content.Pack {
	// Remembered: a journal of years asks for the same few packs
	// thousands of times.
	seen := map[string]*content.Pack{}
	return func(id string) *content.Pack {
		if inUse != nil && id == inUse.ID {
			return inUse
		}
		if p, ok := seen[id]; ok {
			return p
		}
		p, err := content.Choose(id, lang, user)
		if err != nil {
			p = nil
		}
		seen[id] = p
		return p
	}
}

// TipsIn says how many tips a pack has, for checking tip numbers: 0 for
// a pack that is not installed, whose numbers cannot be checked.
func TipsIn(packOf func(id string) *content.Pack) func(id string) int {
	return func(id string) int {
		if id == "" {
			id = content.BuiltinID
		}
		if p := packOf(id); p != nil {
			return p.Count()
		}
		return 0
	}
}

// Labels are what an item of the journal is known by besides its text, for
// search and the journal's filter: its date as the reader writes it, the
// title of its tip, what sort of file it is.
func Labels(it *journal.Item, o Options) []string {
	d := it.Date
	out := []string{o.longDate(d), o.Lang.ShortDate(d.Year, d.Month, d.Day)}
	switch it.Kind {
	case journal.KindWeek:
		out = append(out, o.t("journal.week", "N", it.Week.Number), it.Week.String())
	case journal.KindMentoring:
		out = append(out, o.t("journal.mentoring"))
	case journal.KindAssessment:
		out = append(out, o.t("journal.assessment"))
	default:
		if title := o.tipTitle(it.Pack, it.Tip); it.Tip > 0 && title != "" {
			out = append(out, title)
		}
	}
	return out
}

// tipTitle names tip n of pack id.
func (o Options) tipTitle(id string, n int) string { return o.tip(id, n).Title }

// tip is tip n of pack id; its zero value when the pack or the tip is not
// there.
func (o Options) tip(id string, n int) content.Tip {
	if id == "" {
		id = content.BuiltinID
	}
	if o.PackOf != nil {
		if p := o.PackOf(id); p != nil {
			if t, ok := p.Tip(n); ok {
				return t
			}
		}
	}
	return content.Tip{}
}

func (o Options) longDate(d journal.Date) string { return o.Lang.LongDate(d.Year, d.Month, d.Day) }

// dayHeading is a day as the start of a heading: "Mandag 30. november 2026".
func (o Options) dayHeading(d journal.Date) string { return o.Lang.Heading(o.longDate(d)) }

// commitmentCounts writes how many commitments went which way with the
// message id, each number with its word in the right number: "1 åpen",
// "3 åpne".
func (o Options) commitmentCounts(id string, done, partly, not, open int) string {
	return o.t(id, "Done", o.Lang.N("outcome_count.done", done), "Partly", o.Lang.N("outcome_count.partly", partly),
		"Not", o.Lang.N("outcome_count.not", not), "Open", o.Lang.N("outcome_count.open", open))
}

// Commitments says how the week's commitments went, in words, as the
// review's page does: "Forpliktelser: ✓ 0 gjort · ◐ 1 delvis …".
func Commitments(c journal.CommitmentCounts, lang *locale.Catalog) string {
	return strings.ReplaceAll(Options{Lang: lang}.commitmentCounts("report.commitments", c.Done, c.Partly, c.Not, c.Open), "**", "")
}

func (o Options) dayMonth(d journal.Date) string { return o.Lang.DayMonth(d.Year, d.Month, d.Day) }

// Around is what the journal says of an entry beyond its own file.
type Around struct {
	// Outcome is how the entry's commitment went; nil without one.
	Outcome *journal.Outcome
	// FollowedUp is the commitment the entry's follow-up is about; nil
	// when it follows none up.
	FollowedUp *journal.Outcome
}

// AroundOf is what journal j says around e.
func AroundOf(j *journal.Journal, e *journal.Entry) Around {
	return Around{Outcome: j.OutcomeOf(e.Date), FollowedUp: j.FollowedUpIn(e)}
}

// Entry writes one day: its tip, numbers, follow-up, answers, notes and
// commitment; around says how its commitment went and which one it
// follows up.
func Entry(e *journal.Entry, around Around, o Options) string {
	outcome := around.Outcome
	var b strings.Builder
	head := o.dayHeading(e.Date)
	if e.IsCheckIn() {
		head += " · " + o.t("report.tip", "N", e.Tip)
	}
	fmt.Fprintf(&b, "## %s\n\n", head)
	if e.Private {
		if !o.Private {
			return ""
		}
		fmt.Fprintf(&b, "*🔒 %s*\n\n", o.t("report.entry_private"))
	}
	if title := o.tipTitle(e.Pack, e.Tip); e.IsCheckIn() && title != "" {
		fmt.Fprintf(&b, "**%s**\n\n", title)
	}
	b.WriteString(o.facts(e.Rating, e.Energy))
	b.WriteString(o.followupLine(e.Followup, e.FollowupNote, o.followedUp(around.FollowedUp)))
	b.WriteString(Body(e.Body, o))
	if e.Commitment != "" {
		line := fmt.Sprintf("**%s:** %s", o.t("preview.commitment"), e.Commitment)
		// How it went, recorded in a private entry, is private too: other
		// eyes see the commitment without it, neither done nor open.
		if outcome != nil && (!outcome.Private || o.Private) {
			line += fmt.Sprintf(" — %s %s", Symbol(outcome.Result), outcomeLabel(outcome.Result, o))
			if outcome.Note != "" {
				line += ": " + outcome.Note
			}
			if outcome.Private && !e.Private {
				line += " · 🔒 " + o.t("private.label")
			}
		}
		b.WriteString(line + "\n\n")
	}
	return b.String()
}

// Body writes a text's sections one level down (### under the day), with
// private parts marked, or left out when the report is not the user's own.
func Body(bd journal.Body, o Options) string {
	var b strings.Builder
	for _, blk := range bd.Blocks {
		if blk.Private && !o.Private {
			continue
		}
		if strings.TrimSpace(blk.Text) == "" && blk.Heading == "" {
			continue
		}
		if blk.Heading != "" {
			h := blk.Heading
			if blk.IsNote() {
				h = o.t("report.note", "Time", h)
			}
			fmt.Fprintf(&b, "### %s\n\n", h)
		}
		if blk.Private {
			fmt.Fprintf(&b, "*🔒 %s*\n\n", o.t("private.label"))
		}
		if t := strings.TrimSpace(blk.Text); t != "" {
			b.WriteString(Text(t) + "\n\n")
		}
	}
	return b.String()
}

// Symbol marks how a commitment went: ✓ done, ◐ partly, ✗ not, … open.
// Colour never carries it alone.
func Symbol(f journal.Followup) string {
	switch f {
	case journal.FollowupDone:
		return "✓"
	case journal.FollowupPartly:
		return "◐"
	case journal.FollowupNot:
		return "✗"
	}
	return "…"
}

// facts is the line of a day's numbers, "Rating 4/5 · Energy 3/5", with
// the blank line after it; "" without numbers.
func (o Options) facts(rating, energy int) string {
	var facts []string
	if rating > 0 {
		facts = append(facts, fmt.Sprintf("%s %d/5", o.t("preview.rating"), rating))
	}
	if energy > 0 {
		facts = append(facts, fmt.Sprintf("%s %d/5", o.t("preview.energy"), energy))
	}
	if len(facts) == 0 {
		return ""
	}
	return strings.Join(facts, " · ") + "\n\n"
}

// followupLine says how the last commitment went: the commitment (as it
// goes into the markdown; "" when it may not be shown), how it went and
// what was written about it; "" without a follow-up.
func (o Options) followupLine(f journal.Followup, note, commitment string) string {
	if f == "" {
		return ""
	}
	line := fmt.Sprintf("**%s:** ", o.t("preview.followup"))
	if commitment != "" {
		line += o.Lang.Quote(commitment) + " — "
	}
	line += Symbol(f) + " " + o.t("followup."+string(f))
	if note != "" {
		line += ": " + note
	}
	return line + "\n\n"
}

// followedUp is the text of the commitment a follow-up is about, for a
// report: "" when there is none, or it was made in a private entry and
// the report is for other eyes.
func (o Options) followedUp(c *journal.Outcome) string {
	if c == nil || c.Commitment.Private && !o.Private {
		return ""
	}
	return c.Commitment.Commitment
}

func outcomeLabel(f journal.Followup, o Options) string {
	if f == "" {
		return o.t("followup.still_open")
	}
	return o.t("followup." + string(f))
}

// WeekTitle names a week: "Uke 48 · 23.–29. november 2026".
func WeekTitle(w journal.Week, lang *locale.Catalog) string {
	from, to := w.Monday(), w.Sunday()
	return lang.T("report.week_title", "N", w.Number, "Span", lang.Span(from.Year, from.Month, from.Day, to.Year, to.Month, to.Day))
}

// Week writes a week: its numbers, every entry, and the weekly reflection.
func Week(j *journal.Journal, st journal.WeekStats, o Options) string {
	return fmt.Sprintf("# %s\n\n%s\n\n%s", WeekTitle(st.Week, o.Lang), Numbers(st, o), WeekEntries(j, st, o))
}

// WeekEntries writes the week's entries and its reflection, for a screen
// that shows the numbers itself.
func WeekEntries(j *journal.Journal, st journal.WeekStats, o Options) string {
	var b strings.Builder
	written := false
	for _, d := range st.Days {
		if d.Entry != nil {
			if s := Entry(d.Entry, AroundOf(j, d.Entry), o); s != "" {
				b.WriteString(s)
				written = true
			}
		}
	}
	if away := awayDays(st, o); away != "" {
		b.WriteString(away)
		written = true
	}
	if !written {
		fmt.Fprintf(&b, "*%s*\n\n", o.t("report.no_entries"))
	}
	if r := st.Reflection; r != nil {
		b.WriteString(Reflection(r, o))
	}
	for _, m := range st.Mentorings {
		b.WriteString(Mentoring(j, m, o))
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// awayDays lists the week's days away, with why.
func awayDays(st journal.WeekStats, o Options) string {
	var days []string
	for _, d := range st.Days {
		if d.Away && !d.CheckIn {
			s := o.dayMonth(d.Date)
			if d.AwayReason != "" {
				s += " (" + d.AwayReason + ")"
			}
			days = append(days, s)
		}
	}
	if len(days) == 0 {
		return ""
	}
	return fmt.Sprintf("⌂ %s: %s\n\n", o.t("report.away"), strings.Join(days, ", "))
}

// Numbers writes a week's numbers as two lines. They count private entries
// and private follow-ups too: they are for the user's own review only.
func Numbers(st journal.WeekStats, o Options) string {
	avg := "–"
	if st.AverageRating != nil {
		avg = o.Lang.Decimal(*st.AverageRating, 1)
	}
	c := st.Commitments
	return o.t("report.numbers", "CheckIns", st.CheckIns, "Average", avg, "Streak", st.CurrentStreak, "Longest", st.LongestStreak, "Tips", TipList(st.Tips)) + "  \n" +
		o.commitmentCounts("report.commitments", c.Done, c.Partly, c.Not, c.Open)
}

// TipList writes tip numbers compactly: 1–5, 9.
func TipList(tips []int) string {
	if len(tips) == 0 {
		return "–"
	}
	var parts []string
	for i := 0; i < len(tips); {
		j := i
		for j+1 < len(tips) && tips[j+1] == tips[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, fmt.Sprint(tips[i]))
		case j == i+1:
			parts = append(parts, fmt.Sprint(tips[i]), fmt.Sprint(tips[j]))
		default:
			parts = append(parts, fmt.Sprintf("%d–%d", tips[i], tips[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// Mentoring writes a mentoring note of journal j; "" for a private one
// when the report is not the user's own. A question it marks answered that
// is not a public question of a public reflection is private.
func Mentoring(j *journal.Journal, m *journal.Mentoring, o Options) string {
	if m.Private && !o.Private {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", o.t("export.mentoring", "Day", o.longDate(m.Date)))
	if m.Private {
		fmt.Fprintf(&b, "*🔒 %s*\n\n", o.t("report.entry_private"))
	}
	if m.Mentor != "" {
		fmt.Fprintf(&b, "%s: %s\n\n", o.t("export.mentor"), m.Mentor)
	}
	b.WriteString(Body(m.Body, o))
	var answered []string
	for _, q := range j.Answered(m) {
		switch {
		case !q.Private:
			answered = append(answered, q.Text)
		case o.Private:
			line := q.Text
			if !m.Private {
				line += " · 🔒 " + o.t("private.label")
			}
			answered = append(answered, line)
		}
	}
	if len(answered) > 0 {
		fmt.Fprintf(&b, "### %s\n\n", o.t("mentoring.answered"))
		for _, q := range answered {
			fmt.Fprintf(&b, "- ✓ %s\n", q)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// Reflection writes a weekly reflection.
// A private one is "" when the report is not the user's own.
func Reflection(r *journal.Reflection, o Options) string {
	if r.Private && !o.Private {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", o.t("report.reflection"))
	if r.Private {
		fmt.Fprintf(&b, "*🔒 %s*\n\n", o.t("report.entry_private"))
	}
	// The focus section names the tip itself (the reflection editor writes
	// it so), so the file reads well on its own too.
	b.WriteString(Body(r.Body, o))
	return b.String()
}

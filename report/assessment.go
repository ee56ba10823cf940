package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"tillit/content"
	"tillit/journal"
)

// Compared is self-assessments of one pack side by side, oldest first:
// where the manager stood on each tip each time, and what the staff said
// in the pulse. The first and the last tell what changed.
type Compared struct {
	Dates []journal.Date
	// Private says, for each, that the assessment is private (shown only
	// in the user's own views).
	Private []bool
	Tips    []ComparedTip
	// Averages are each assessment's average over the tips rated every
	// time (Common of them; all the tips when AllRated); nil when no tip
	// was.
	Averages []float64
	Common   int
	AllRated bool
	// Pulse holds the pulse's questions; nil when no assessment has one.
	Pulse []ComparedPulse
	// Answered says, for each, how many staff answered the pulse; 0 when
	// not said.
	Answered []int
}

// ComparedTip is one tip, rated in each assessment (0: left out).
type ComparedTip struct {
	Tip     int
	Short   string
	Theme   string // the theme's short name; empty in a pack without themes
	Ratings []int
}

// Change is the last rating less the first, when both were given.
func (t ComparedTip) Change() (int, bool) {
	first, last := t.Ratings[0], t.Ratings[len(t.Ratings)-1]
	return last - first, len(t.Ratings) > 1 && first > 0 && last > 0
}

// ComparedPulse is one question of the pulse and the staff's average
// answer to it each time (0: not asked).
type ComparedPulse struct {
	ID, Short, Text string
	Averages        []float64
}

// Change is the last average less the first, when both were given.
func (p ComparedPulse) Change() (float64, bool) {
	first, last := p.Averages[0], p.Averages[len(p.Averages)-1]
	return last - first, len(p.Averages) > 1 && first > 0 && last > 0
}

// Compare lays assessments (of pack p, oldest first; p may be nil for a
// pack that is gone) side by side. The pulse's questions are named in
// lang.
func Compare(list []*journal.Assessment, p *content.Pack, lang string) Compared {
	c := Compared{}
	tips := 0
	for _, a := range list {
		c.Dates = append(c.Dates, a.Date)
		c.Private = append(c.Private, a.Private)
		c.Answered = append(c.Answered, a.Pulse.Answered)
		tips = max(tips, a.HighestTip())
	}
	if p != nil {
		tips = max(tips, p.Count())
	}
	for n := 1; n <= tips; n++ {
		ct := ComparedTip{Tip: n}
		if p != nil {
			if t, ok := p.Tip(n); ok {
				ct.Short = t.Short
				if th, ok := p.Theme(t.Theme); ok {
					ct.Theme = th.Short
				}
			}
		}
		for _, a := range list {
			ct.Ratings = append(ct.Ratings, a.Rating(n))
		}
		c.Tips = append(c.Tips, ct)
	}
	// The averages are over the same tips each time, or they would
	// compare one set of tips with another.
	sums := make([]int, len(list))
	for _, t := range c.Tips {
		every := true
		for _, r := range t.Ratings {
			every = every && r > 0
		}
		if !every {
			continue
		}
		c.Common++
		for i, r := range t.Ratings {
			sums[i] += r
		}
	}
	c.AllRated = c.Common == len(c.Tips)
	if c.Common > 0 {
		for _, s := range sums {
			c.Averages = append(c.Averages, float64(s)/float64(c.Common))
		}
	}
	pulse := false
	for _, a := range list {
		pulse = pulse || a.Pulse.Recorded()
	}
	if pulse {
		questions := content.MustStaffPulse(lang).Questions
		for i, q := range questions {
			cp := ComparedPulse{ID: q.ID, Short: q.Short, Text: q.Text}
			for _, a := range list {
				cp.Averages = append(cp.Averages, a.Pulse.Averages[i])
			}
			c.Pulse = append(c.Pulse, cp)
		}
	}
	return c
}

// Signed writes a change with its sign: +1, -1, 0.
func Signed(n int) string {
	if n > 0 {
		return fmt.Sprintf("+%d", n)
	}
	return fmt.Sprint(n)
}

// SignedDecimal writes a change of an average with its sign and one
// decimal, the language's way: +0,5, -0,3, 0,0.
func (o Options) SignedDecimal(x float64) string {
	// Rounded in hundredths first: 2.75 - 2.6 is 0.1499…, and is 0.15.
	x = math.Round(math.Round(x*100)/10) / 10
	s := o.Lang.Decimal(x, 1)
	if x >= 0.05 {
		s = "+" + s
	}
	return s
}

// Exact writes a number the staff's answers gave as it was written down
// (3,6, 2,75, 4), the language's way.
func (o Options) Exact(x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if o.Lang.Lang() != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Column names an assessment in a column's head: "3. nov."
func (o Options) Column(d journal.Date) string {
	return o.t("assessment.column", "Day", d.Day, "Month", o.t("date.month_short."+strings.ToLower(d.Month.String())))
}

// Heads are the heads of the columns of numbers: each assessment's day
// (marked when it is private), then the change when there are two or
// more.
func (c Compared) Heads(o Options) []string {
	var heads []string
	for i, d := range c.Dates {
		col := o.Column(d)
		if c.Private[i] {
			col += " 🔒"
		}
		heads = append(heads, col)
	}
	if c.Changes() {
		heads = append(heads, o.t("assessment.change"))
	}
	return heads
}

// Changes reports whether there is a change to show: two assessments or
// more.
func (c Compared) Changes() bool { return len(c.Dates) > 1 }

// Cells are a tip's numbers, as its row shows them under Heads.
func (c Compared) Cells(t ComparedTip) []string {
	var cells []string
	for _, r := range t.Ratings {
		cells = append(cells, rating(r))
	}
	if c.Changes() {
		d, ok := t.Change()
		cells = append(cells, ifOK(Signed(d), ok))
	}
	return cells
}

// Average is the label and the numbers of the row of averages; ok is
// false when no tip was rated every time.
func (c Compared) Average(o Options) (label string, cells []string, ok bool) {
	if c.Averages == nil {
		return "", nil, false
	}
	label = o.t("assessment.average")
	if !c.AllRated {
		label = o.Lang.N("assessment.average_of", c.Common)
	}
	for _, a := range c.Averages {
		cells = append(cells, o.Lang.Decimal(a, 1))
	}
	if c.Changes() {
		cells = append(cells, o.SignedDecimal(c.Averages[len(c.Averages)-1]-c.Averages[0]))
	}
	return label, cells, true
}

// AnsweredCells say how many staff answered the pulse each time.
func (c Compared) AnsweredCells() []string {
	var cells []string
	for _, n := range c.Answered {
		cells = append(cells, ifOK(fmt.Sprint(n), n > 0))
	}
	if c.Changes() {
		cells = append(cells, "")
	}
	return cells
}

// PulseCells are a pulse question's averages, as its row shows them.
func (c Compared) PulseCells(q ComparedPulse, o Options) []string {
	var cells []string
	for _, a := range q.Averages {
		cells = append(cells, ifOK(o.Exact(a), a > 0))
	}
	if c.Changes() {
		d, ok := q.Change()
		cells = append(cells, ifOK(o.SignedDecimal(d), ok))
	}
	return cells
}

// markdown writes the comparison as tables: the tips, then the pulse.
func (c Compared) markdown(level int, o Options) string {
	var b strings.Builder
	row := func(cells ...string) {
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	table := func(head []string) {
		row(head...)
		row(strings.Split(strings.Repeat("---,", len(head)-1)+"---", ",")...)
	}
	heads := c.Heads(o)
	table(append([]string{o.t("assessment.tip"), o.Lang.Heading(o.t("insights.theme"))}, heads...))
	for _, t := range c.Tips {
		row(append([]string{fmt.Sprintf("%d · %s", t.Tip, escapeCell(t.Short)), escapeCell(t.Theme)}, c.Cells(t)...)...)
	}
	if label, cells, ok := c.Average(o); ok {
		row(append([]string{"**" + label + "**", ""}, cells...)...)
	}
	b.WriteString("\n")
	if c.Pulse == nil {
		return b.String()
	}
	fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", level), content.MustStaffPulse(o.Lang.Lang()).Title)
	table(append([]string{o.t("assessment.pulse_question")}, heads...))
	row(append([]string{o.t("assessment.answered")}, c.AnsweredCells()...)...)
	for _, q := range c.Pulse {
		row(append([]string{escapeCell(q.Text)}, c.PulseCells(q, o)...)...)
	}
	b.WriteString("\n")
	return b.String()
}

// rating writes a rating, or – for a tip left out.
func rating(r int) string { return ifOK(fmt.Sprint(r), r > 0) }

func ifOK(s string, ok bool) string {
	if ok {
		return s
	}
	return "–"
}

// escapeCell keeps a text to one cell of a markdown table.
func escapeCell(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "|", `\|`)
}

// AssessmentPage is one assessment as markdown, as the form's preview
// shows it: the ratings by theme, the pulse, the note. p is the pack whose
// tips are rated (nil when it is gone).
func AssessmentPage(a *journal.Assessment, p *content.Pack, o Options) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s · %s\n\n", o.t("assessment.title"), o.dayHeading(a.Date))
	if a.Private {
		fmt.Fprintf(&b, "*🔒 %s*\n\n", o.t("assessment.private"))
	}
	fmt.Fprintf(&b, "*%s*\n\n", o.t("assessment.question"))
	for _, group := range ThemeGroups(p, a.HighestTip()) {
		if group.Name != "" {
			fmt.Fprintf(&b, "## %s\n\n", group.Name)
		}
		for _, n := range group.Tips {
			title := ""
			if p != nil {
				if t, ok := p.Tip(n); ok {
					title = t.Short
				}
			}
			r := a.Rating(n)
			dots := "–"
			if r > 0 {
				dots = strings.Repeat("●", r) + strings.Repeat("○", 5-r) + fmt.Sprintf(" %d", r)
			}
			fmt.Fprintf(&b, "- %d · %s: %s\n", n, title, dots)
		}
		b.WriteString("\n")
	}
	if a.Pulse.Recorded() {
		pulse := content.MustStaffPulse(o.Lang.Lang())
		fmt.Fprintf(&b, "## %s\n\n", pulse.Title)
		if a.Pulse.Answered > 0 {
			fmt.Fprintf(&b, "%s: %d\n\n", o.t("assessment.answered"), a.Pulse.Answered)
		}
		for i, q := range pulse.Questions {
			fmt.Fprintf(&b, "- %s **%s**\n", q.Text, ifOK(o.Exact(a.Pulse.Averages[i]), a.Pulse.Averages[i] > 0))
		}
		b.WriteString("\n")
	}
	b.WriteString(Body(a.Body, o))
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// ThemeGroup is a theme of a pack with its tips' numbers.
type ThemeGroup struct {
	Name string // empty for tips without a theme
	Tips []int
}

// ThemeGroups groups the tips of pack p by its themes, in the pack's
// order; tips without a theme (all of them in a pack without themes)
// come last, together. Tips above the pack's, up to highest, are there
// too: an assessment may rate a tip the pack no longer has.
func ThemeGroups(p *content.Pack, highest int) []ThemeGroup {
	var out []ThemeGroup
	placed := map[int]bool{}
	count := highest
	if p != nil {
		count = max(count, p.Count())
		for _, th := range p.Themes {
			g := ThemeGroup{Name: th.Name}
			for _, t := range p.TipsOf(th.ID) {
				g.Tips = append(g.Tips, t.Number)
				placed[t.Number] = true
			}
			if len(g.Tips) > 0 {
				out = append(out, g)
			}
		}
	}
	var rest ThemeGroup
	for n := 1; n <= count; n++ {
		if !placed[n] {
			rest.Tips = append(rest.Tips, n)
		}
	}
	if len(rest.Tips) > 0 {
		out = append(out, rest)
	}
	return out
}

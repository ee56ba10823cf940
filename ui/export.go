package ui

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tillit/coach"
	"tillit/config"
	"tillit/journal"
	"tillit/report"
)

// The rows of the export form.
const (
	rowRange = iota
	rowFormat
	rowPrivate
	rowNames
	rowFile
	exportRows
)

// The periods the export offers.
const (
	rangeWeek = iota
	rangeFourWeeks
	rangeMonth
	rangeCustom
	ranges
)

// exportFormats are the formats offered, in order.
var exportFormats = coach.Formats

// Messages of the export screen.
type (
	exportWrittenMsg struct {
		path string
		err  error
	}
	// peopleAddedMsg says the kept names went into people in the
	// settings file (or why not).
	peopleAddedMsg struct {
		path  string
		added []string
		err   error
	}
)

// exportModel writes the journal of a period for the mentor: the period,
// the format, private notes (left out unless ticked), names (replaced on
// request), a preview, and the file.
type exportModel struct {
	ctx *Context
	j   *journal.Journal

	previewGen int // the newest preview asked for

	row       int
	period    int
	format    int
	private   bool
	names     bool
	from, to  textinput.Model
	customRow int // in the custom period: 0 from, 1 to
	file      textinput.Model
	fileTyped bool // the user wrote the file name: it no longer follows the choices

	// kept are the likely names the pseudonymized preview left as they
	// are: shown under the names box, for the user to add to people.
	kept []string

	page    pager
	confirm bool // the file exists: write over it?
	writing bool
	flash   string
	err     string
}

func newExport(ctx *Context) *exportModel {
	m := &exportModel{ctx: ctx, period: rangeFourWeeks, page: newPager(ctx)}
	m.from = newInput(ctx, "ÅÅÅÅ-MM-DD")
	m.to = newInput(ctx, "ÅÅÅÅ-MM-DD")
	m.file = newInput(ctx, "")
	today := ctx.Today()
	m.from.SetValue(today.AddDays(-27).String())
	m.to.SetValue(today.String())
	m.resize()
	return m
}

func (m *exportModel) refresh(j *journal.Journal) tea.Cmd {
	m.j = j
	return m.changed()
}

// resize fits the preview under the form, which grows on a narrow window
// (its choices wrap) and with what it shows (a custom period, kept names).
func (m *exportModel) resize() {
	m.file.SetWidth(max(8, m.valueWidth()-3))
	m.from.SetWidth(12)
	m.to.SetWidth(12)
	_, h := m.layout()
	m.page.setSize(m.ctx.Width, max(1, h))
}

// exportPreviewMin is the fewest lines of preview worth showing.
const exportPreviewMin = 3

// layout fits the form and the preview into the window: the form in
// full, with the preview under it; on a short window the rows not chosen
// show only their choice; shorter still, the form alone, as much of it
// around the chosen row as fits. It returns the form and the preview's
// height (0: none).
func (m *exportModel) layout() (string, int) {
	room := m.ctx.Height - 2 // the footer
	if st := m.status(); st != "" {
		room -= lipgloss.Height(st)
	}
	for _, compact := range []bool{false, true} {
		form, _, _ := m.viewForm(compact)
		if h := room - len(form) - 2; h >= exportPreviewMin {
			return strings.Join(form, "\n"), h
		}
	}
	form, from, to := m.viewForm(true)
	if room < 2 {
		return form[0], 0 // smaller than tillit lays out
	}
	if n := room - 1; len(form) > room {
		// The title, then the rows around the chosen one.
		top := min(max(1, to-n+1), from)
		top = max(1, min(top, len(form)-n))
		form = append([]string{form[0]}, form[top:min(len(form), top+n)]...)
	}
	return strings.Join(form, "\n"), 0
}

// showsKept says the screen lists the names it kept: names are replaced
// and the preview left some.
func (m *exportModel) showsKept() bool { return m.names && len(m.kept) > 0 }

func (m *exportModel) rerender() tea.Cmd {
	m.resize()
	return m.page.rerender()
}

func (m *exportModel) restyle() {
	for _, in := range []*textinput.Model{&m.from, &m.to, &m.file} {
		in.SetStyles(m.ctx.Styles.TextInput)
	}
}

func (m *exportModel) scrolls() bool { return true }

// inText reports whether a text field (the file, a custom date) has the
// focus.
func (m *exportModel) inText() bool { return m.file.Focused() || m.from.Focused() || m.to.Focused() }

// span is the period chosen, or an error for a custom one mistyped.
func (m *exportModel) span() (journal.Date, journal.Date, error) {
	today := m.ctx.Today()
	switch m.period {
	case rangeWeek:
		w := journal.WeekOf(today)
		return w.Monday(), today, nil
	case rangeMonth:
		return journal.Date{Year: today.Year, Month: today.Month, Day: 1}, today, nil
	case rangeCustom:
		from, err := journal.ParseDate(strings.TrimSpace(m.from.Value()))
		if err != nil {
			return from, from, err
		}
		to, err := journal.ParseDate(strings.TrimSpace(m.to.Value()))
		if err != nil {
			return from, to, err
		}
		if to.Before(from) {
			return from, to, errors.New(m.ctx.T("err.export_order"))
		}
		if journal.SpanTooLong(from, to) {
			return from, to, errors.New(m.ctx.T("err.span_too_long", "From", from.String(), "To", to.String(), "Years", journal.MaxSpanYears))
		}
		return from, to, nil
	}
	return today.AddDays(-27), today, nil
}

func (m *exportModel) options(from, to journal.Date) report.ExportOptions {
	o := m.ctx.Coach.ExportOptions(from, to, m.private)
	o.Pseudonymize, o.People, o.Author, o.Generated = m.names, m.ctx.Config.People, m.ctx.Config.Name, m.ctx.Now()
	return o
}

// changed builds the export again after a choice changed: the file name
// follows the period and format (until the user writes one), and the
// preview is rendered anew.
func (m *exportModel) changed() tea.Cmd {
	m.confirm, m.flash = false, ""
	from, to, err := m.span()
	if err != nil {
		m.err = err.Error()
		return nil
	}
	m.err = ""
	if !m.fileTyped {
		name := m.ctx.T("export.file_name", "From", from.String(), "To", to.String()) + "." + exportFormats[m.format]
		m.file.SetValue(tildeHome(filepath.Join(m.ctx.ExportDir, name)))
	}
	if m.j == nil {
		return nil
	}
	// The preview is the markdown: what every format is made from. It is
	// built in a command: years of journal are a lot of markdown.
	m.previewGen++
	j, o, gen := m.j, m.options(from, to), m.previewGen
	return func() tea.Msg {
		md, kept := coach.ExportPreview(j, o)
		return exportPreviewMsg{gen, md, kept}
	}
}

// exportPreviewMsg carries the preview's markdown and the names it kept;
// gen tells the newest.
type exportPreviewMsg struct {
	gen  int
	md   string
	kept []string
}

// addPeople adds the kept names to people in the settings file, in a
// command: the file is on disk.
func (m *exportModel) addPeople() tea.Cmd {
	path, names := m.ctx.Config.File(), slices.Clone(m.kept)
	return func() tea.Msg {
		added, err := config.AddPeople(path, names)
		return peopleAddedMsg{path: path, added: added, err: err}
	}
}

// write writes the file in a command; an existing file is written over
// only after the user said so.
func (m *exportModel) write(overwrite bool) tea.Cmd {
	from, to, err := m.span()
	if err != nil || m.j == nil {
		return nil
	}
	path := expandHome(strings.TrimSpace(m.file.Value()))
	if path == "" {
		m.err = m.ctx.T("export.no_file")
		return nil
	}
	m.writing = true
	j, o, format := m.j, m.options(from, to), exportFormats[m.format]
	// The documents folder offered may not be there yet on a new system:
	// tillit makes it, and no other.
	makeDir := m.ctx.ExportDir != "" && filepath.Dir(path) == filepath.Clean(m.ctx.ExportDir)
	return func() tea.Msg {
		if makeDir {
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				return exportWrittenMsg{path: path, err: err}
			}
		}
		if !overwrite {
			if _, err := os.Stat(path); err == nil {
				return exportWrittenMsg{path: path, err: fs.ErrExist}
			}
		}
		data, _, err := coach.Export(j, o, format)
		if err == nil {
			err = journal.WriteFile(path, data)
		}
		return exportWrittenMsg{path: path, err: err}
	}
}

// tildeHome writes a path in the home folder as ~/…, shorter to read.
func tildeHome(p string) string {
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if rel, err := filepath.Rel(home, p); err == nil && filepath.IsLocal(rel) {
			return "~" + string(filepath.Separator) + rel
		}
	}
	return p
}

func expandHome(p string) string { return config.ExpandHome(p) }

func (m *exportModel) Update(msg tea.Msg) tea.Cmd {
	cmd := m.update(msg)
	m.resize() // the form's height follows its choices and the status
	return cmd
}

func (m *exportModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case exportPreviewMsg:
		if msg.gen != m.previewGen {
			return nil // a later choice's preview is on its way
		}
		m.kept = msg.kept
		return m.page.show("export", msg.md)
	case peopleAddedMsg:
		if msg.err != nil {
			m.err = msg.err.Error()
			return nil
		}
		// The names are people now: the preview replaces them.
		m.ctx.Config.People = append(slices.Clone(m.ctx.Config.People), msg.added...)
		if m.ctx.Config.Path == "" {
			m.ctx.Config.Path = msg.path
		}
		cmd := m.changed()
		if len(msg.added) > 0 {
			m.flash = m.ctx.T("export.people_added", "Path", msg.path, "Names", strings.Join(msg.added, ", "))
		}
		return cmd
	case renderedMsg:
		if err := m.page.rendered(msg); err != nil {
			m.err = err.Error()
		}
		return nil
	case exportWrittenMsg:
		m.writing = false
		switch {
		case errors.Is(msg.err, fs.ErrExist):
			m.confirm = true
		case msg.err != nil:
			m.err = m.ctx.Lang.Describe(msg.err)
		default:
			m.flash = m.ctx.T("cli.exported", "Path", tildeHome(msg.path))
		}
		return nil
	case tea.MouseWheelMsg:
		m.page.scroll(msg)
		return nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m.updateInputs(msg)
}

func (m *exportModel) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	if m.confirm {
		// ctrl+s again: j and y move and choose on this screen.
		m.confirm = false
		if key.Matches(msg, k.Save) {
			return m.write(true)
		}
		return nil
	}
	// In a text field, only the keys that leave it are ours.
	if m.inText() {
		switch {
		case key.Matches(msg, k.Back):
			m.blurAll()
			return nil
		case key.Matches(msg, k.Next):
			if m.row == rowFile {
				m.blurAll()
				return m.write(false)
			}
			return m.nextDate()
		case key.Matches(msg, k.NextField, k.PrevField):
			if m.row == rowRange {
				return m.nextDate()
			}
			m.blurAll()
			return nil
		}
		return m.updateInputs(msg)
	}
	switch {
	case key.Matches(msg, k.Back):
		return closeWith(m, closeMsg{})
	case key.Matches(msg, k.Up, k.PrevField):
		m.row = (m.row + exportRows - 1) % exportRows
	case key.Matches(msg, k.Down, k.NextField):
		m.row = (m.row + 1) % exportRows
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right), key.Matches(msg, k.Toggle):
		step := 1
		if key.Matches(msg, k.Left) {
			step = -1
		}
		return m.choose(step)
	case key.Matches(msg, k.Next):
		switch m.row {
		case rowFile:
			m.fileTyped = true
			return m.file.Focus()
		case rowRange:
			if m.period == rangeCustom {
				m.customRow = 0
				return m.from.Focus()
			}
		}
		return m.write(false)
	case key.Matches(msg, k.Save):
		return m.write(false)
	case key.Matches(msg, k.AddPeople) && m.showsKept():
		return m.addPeople()
	default:
		m.page.scroll(msg)
	}
	return nil
}

// choose moves the choice of the row by step, or ticks a box.
func (m *exportModel) choose(step int) tea.Cmd {
	switch m.row {
	case rowRange:
		m.period = (m.period + ranges + step) % ranges
	case rowFormat:
		m.format = (m.format + len(exportFormats) + step) % len(exportFormats)
	case rowPrivate:
		m.private = !m.private
	case rowNames:
		m.names = !m.names
	default:
		return nil
	}
	return m.changed()
}

func (m *exportModel) nextDate() tea.Cmd {
	m.blurAll()
	if m.customRow == 0 {
		m.customRow = 1
		return tea.Batch(m.to.Focus(), m.changed())
	}
	m.customRow = 0
	return m.changed()
}

func (m *exportModel) blurAll() {
	m.from.Blur()
	m.to.Blur()
	m.file.Blur()
}

func (m *exportModel) updateInputs(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case m.file.Focused():
		m.file, cmd = m.file.Update(msg)
	case m.from.Focused():
		m.from, cmd = m.from.Update(msg)
	case m.to.Focused():
		m.to, cmd = m.to.Update(msg)
	}
	return cmd
}

func (m *exportModel) help() bindings {
	k, t := m.ctx.Keys, m.ctx.T
	shown := func(keys, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, t(desc)))
	}
	one := func(short ...key.Binding) bindings { return bindings{short: short, full: [][]key.Binding{short}} }
	switch {
	case m.confirm:
		return one(withDesc(k.Save, t("export.overwrite")), otherKey(m.ctx, t("export.keep_file")))
	case m.inText():
		return one(shown("enter", "key.next"), shown("esc", "key.done_typing"))
	}
	write := shown("ctrl+s", "export.write")
	if m.row == rowFile {
		write = shown("enter", "export.edit_file")
	}
	rows := k.Rows
	rows.SetHelp("↑/↓", t("key.choose_row"))
	short := []key.Binding{rows, shown("←/→", "key.choose"), write, k.Back}
	rank := []int{1, 1, 0, 0}
	more := []key.Binding{k.Up, k.Down, shown("ctrl+s", "export.write"), k.Toggle}
	if m.showsKept() {
		short, rank = slices.Insert(short, 2, k.AddPeople), slices.Insert(rank, 2, 1)
		more = append(more, k.AddPeople)
	}
	return bindings{short: short, full: [][]key.Binding{short, more, {k.PageDown, k.PageUp}}}.ranked(rank...)
}

func (m *exportModel) View() string {
	ctx, st := m.ctx, m.ctx.Styles
	form, h := m.layout()
	if h == 0 {
		return withStatus(ctx, form, m.status())
	}
	rule := st.Faint.Render("  " + ctx.T("export.preview") + " " + strings.Repeat("─", max(0, min(ctx.Width-6, 90)-lipgloss.Width(ctx.T("export.preview")))))
	return withStatus(ctx, form+"\n\n"+rule+"\n"+m.page.View(), m.status())
}

// status is the line under the preview: the question before writing over
// a file, what went wrong, or what was done.
func (m *exportModel) status() string {
	ctx, st := m.ctx, m.ctx.Styles
	line := func(s lipgloss.Style, text string) string { return s.Width(ctx.Width - 1).PaddingLeft(1).Render(text) }
	switch {
	case m.confirm:
		return line(st.Warning, ctx.T("export.exists", "Path", m.file.Value()))
	case m.err != "":
		return line(st.Error, "! "+m.err)
	case m.writing:
		return line(st.Faint, ctx.T("checkin.saving"))
	case m.flash != "":
		return line(st.Success, m.flash)
	}
	return ""
}

// exportLabels are the rows' labels, in the order of the rows.
func (m *exportModel) exportLabels() []string {
	t := m.ctx.T
	return []string{t("export.row_period"), t("export.row_format"), t("export.row_private"), t("export.row_names"), t("export.row_file")}
}

// labelWidth is the width of the column of labels; valueWidth what is
// left of the window for a row's value.
func (m *exportModel) labelWidth() int {
	w := 0
	for _, l := range m.exportLabels() {
		w = max(w, lipgloss.Width(l))
	}
	return w
}

func (m *exportModel) valueWidth() int { return max(10, m.ctx.Width-1-(3+m.labelWidth()+2)) }

// viewForm is the title and the rows of choices, as lines, and the lines
// of the chosen row (from, to inclusive). A row's value lies in a column
// of its own: on a narrow window its choices go on to the next line under
// the first, never to the window's edge, and the file's path is shown
// whole. compact shows of the rows not chosen only their choice.
func (m *exportModel) viewForm(compact bool) (lines []string, from, to int) {
	ctx, st := m.ctx, m.ctx.Styles
	vw := m.valueWidth()
	radio := func(options []string, chosen int, focused bool) string {
		var parts []string
		for i, o := range options {
			if compact && !focused && i != chosen {
				continue
			}
			mark := "( )"
			if i == chosen {
				mark = "(•)"
			}
			s := mark + " " + o
			if i == chosen && focused {
				s = st.Highlight.Render(s)
			}
			parts = append(parts, s)
		}
		return flow(parts, "  ", vw)
	}
	box := func(on, focused bool, label string) string {
		mark := "[ ]"
		if on {
			mark = "[x]"
		}
		s := mark + " " + label
		if focused {
			s = st.Highlight.Render(s)
		}
		return s
	}
	labels := m.exportLabels()
	labelW := m.labelWidth()
	value := lipgloss.NewStyle().Width(vw)
	lines = []string{" " + st.Title.Render(truncate(ctx.T("export.screen_title"), ctx.Width-2)), ""}
	add := func(i int, v string) {
		marker := "  "
		if i == m.row {
			marker = st.Highlight.Render("› ")
			from = len(lines)
		}
		label := labels[i] + strings.Repeat(" ", labelW-lipgloss.Width(labels[i]))
		r := lipgloss.JoinHorizontal(lipgloss.Top, " "+marker+st.Faint.Render(label)+"  ", value.Render(v))
		lines = append(lines, strings.Split(r, "\n")...)
		if i == m.row {
			to = len(lines) - 1
		}
	}
	periods := []string{ctx.T("export.this_week"), ctx.T("export.four_weeks"), ctx.T("export.this_month"), ctx.T("export.custom")}
	period := radio(periods, m.period, m.row == rowRange)
	if m.period == rangeCustom {
		period += "\n" + m.from.View() + " – " + m.to.View()
	}
	formats := []string{ctx.T("export.markdown"), ctx.T("export.html"), ctx.T("export.json")}
	add(rowRange, period)
	add(rowFormat, radio(formats, m.format, m.row == rowFormat))
	add(rowPrivate, box(m.private, m.row == rowPrivate, ctx.T("export.include_private")))
	add(rowNames, box(m.names, m.row == rowNames, ctx.T("export.pseudonymize")))
	if m.showsKept() {
		// Under the box it is about; the help line offers the key.
		kept := value.Render(st.Warning.Render(ctx.T("export.kept_names", "Names", strings.Join(m.kept, ", "))))
		lines = append(lines, strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, strings.Repeat(" ", 3+labelW+2), kept), "\n")...)
	}
	file := m.file.View()
	if !m.file.Focused() {
		// Whole, wrapped: the folder matters as much as the name.
		file = st.Faint.Render("┃ ") + st.Text.Render(m.file.Value())
	}
	add(rowFile, file)
	return lines, from, to
}

// flow lays parts out in lines of at most width cells, sep between them,
// a part never broken unless it is wider than a line on its own.
func flow(parts []string, sep string, width int) string {
	var lines []string
	cur := ""
	for _, p := range parts {
		switch {
		case cur == "":
			cur = p
		case lipgloss.Width(cur+sep+p) <= width:
			cur += sep + p
		default:
			lines, cur = append(lines, cur), p
		}
	}
	return strings.Join(append(lines, cur), "\n")
}

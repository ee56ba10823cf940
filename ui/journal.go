package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tillit/content"
	"tillit/journal"
	"tillit/report"
	"tillit/termtext"
)

// journalModel is the Journal screen: every entry, weekly reflection and
// mentoring note, newest first, with a filter that narrows the list as the
// user types; an entry opens rendered, goes to the editor, or to the trash.
// Files tillit cannot read are listed too, so they can be mended in the
// editor.
type journalModel struct {
	ctx  *Context
	j    *journal.Journal
	rows []journalRow
	// shown are the rows the filter lets through, as indexes into rows.
	shown  []int
	cursor int // in shown
	top    int // the first of shown on screen

	filter    textinput.Model
	filtering bool // the user is typing the filter

	open bool // the row under the cursor is open in the pager
	page pager

	confirm string // the file asked about moving to the trash
	// settled is what the list says once it shows a file moved to the
	// trash or back: until then it takes no keys, so that none lands on
	// the wrong row.
	settled string
	// trashed is the file last moved to the trash, while u can bring it
	// back.
	trashed *trashedMsg
	// back is a file back from the trash: the cursor goes to it once the
	// list holds it again.
	back string
	busy bool // the editor or the trash is at work
	gen  int  // the rows being built; older ones are dropped

	flash, err string
}

// journalRow is a line of the list: an item of the journal, or a file that
// could not be read.
type journalRow struct {
	item    *journal.Item
	path    string // empty for a problem that names no file
	problem string // why the file could not be read
	link    bool   // a symbolic link: never followed, never opened
	match   string // the line the filter found, for the rows on screen
}

// Messages of the Journal screen.
type (
	// editedMsg says the editor has returned, and whether the file it
	// left still parses.
	editedMsg struct {
		path string
		err  error // the editor failed
		bad  error // the file no longer parses
		same bool  // the file did not change
	}
	// trashedMsg says a file went to the trash.
	trashedMsg struct {
		path, dest string
		err        error
	}
	// restoredMsg says a file came back from the trash.
	restoredMsg struct {
		path string
		err  error
	}
)

func newJournal(ctx *Context) *journalModel {
	m := &journalModel{ctx: ctx, page: newPager(ctx)}
	m.filter = textinput.New()
	m.filter.Prompt = "/ "
	m.filter.Placeholder = ctx.T("journal.filter_placeholder")
	m.filter.SetStyles(ctx.Styles.TextInput)
	m.resize()
	return m
}

// journalHeader is the lines above the list: the title and the filter.
const journalHeader = 3

func (m *journalModel) resize() {
	m.page.setSize(m.ctx.Width, m.ctx.Height-journalHeader-3)
	m.filter.SetWidth(max(10, m.ctx.Width-8))
}

func (m *journalModel) restyle() { m.filter.SetStyles(m.ctx.Styles.TextInput) }

func (m *journalModel) rerender() tea.Cmd {
	m.resize()
	return m.page.rerender()
}

func (m *journalModel) inText() bool { return m.filtering }

func (m *journalModel) scrolls() bool { return m.open }

// journalRowsMsg carries the rows of the list, built in a command: a
// journal of years is thousands of items to label.
type journalRowsMsg struct {
	gen  int
	j    *journal.Journal
	rows []journalRow
}

// refresh takes a freshly read journal and builds its rows in a command.
func (m *journalModel) refresh(j *journal.Journal) tea.Cmd {
	m.gen++
	gen, ctx, today := m.gen, m.ctx, m.ctx.Today()
	o := ctx.Coach.ReportOptions(true)
	return func() tea.Msg {
		var rows []journalRow
		// Files that cannot be read first: they are what needs doing.
		for _, p := range j.Problems {
			rows = append(rows, problemRow(ctx, p))
		}
		for _, it := range j.Items(today) {
			it.Labels = report.Labels(it, o)
			rows = append(rows, journalRow{item: it, path: it.Path})
		}
		return journalRowsMsg{gen: gen, j: j, rows: rows}
	}
}

// problemRow is the row of a file that cannot be read: its path when the
// error names one, and why.
func problemRow(ctx *Context, err error) journalRow {
	r := journalRow{problem: ctx.Lang.Describe(err)}
	var pe *journal.ParseError
	var fe *fs.PathError
	switch {
	case errors.As(err, &pe):
		r.path, r.link = pe.Path, pe.Kind == journal.ParseLink
	case errors.As(err, &fe):
		r.path = fe.Path
	}
	if r.path != "" {
		r.problem = strings.TrimPrefix(r.problem, r.path+": ")
	}
	return r
}

// setRows shows new rows. The cursor stays on the file it was on; an open
// entry shows what the file says now; a delete waiting for its yes is
// called off when its file is gone.
func (m *journalModel) setRows(msg journalRowsMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil // a newer journal is on its way
	}
	was := ""
	if r := m.current(); r != nil {
		was = r.path
	}
	if m.back != "" {
		was, m.back = m.back, ""
	}
	m.j, m.rows = msg.j, msg.rows
	m.applyFilter()
	m.cursor = min(m.cursor, max(0, len(m.shown)-1))
	m.follow(was)
	if m.settled != "" {
		// The list shows the trash's work now, the cursor where it
		// belongs: say so, and take keys again.
		m.flash, m.settled, m.busy = m.settled, "", false
	}
	if m.confirm != "" && !m.listed(m.confirm) {
		m.confirm = ""
	}
	m.ensureVisible()
	if m.open {
		r := m.current()
		switch {
		case r == nil || r.path != was:
			m.open = false
		case r.item == nil:
			return m.showProblem(*r)
		default:
			return m.showEntry()
		}
	}
	return nil
}

// follow puts the cursor on the row of path, when it is shown.
func (m *journalModel) follow(path string) {
	for i, r := range m.shown {
		if path != "" && m.rows[r].path == path {
			m.cursor = i
			return
		}
	}
}

// listed reports whether a row of path is shown.
func (m *journalModel) listed(path string) bool {
	for _, r := range m.shown {
		if m.rows[r].path == path {
			return true
		}
	}
	return false
}

// tip returns the tip of a check-in from the pack it was written with.
func (m *journalModel) tip(it *journal.Item) *content.Tip {
	if it.Tip == 0 || it.Entry == nil {
		return nil
	}
	t, ok := m.ctx.Coach.TipOf(it.Pack, it.Tip)
	if !ok {
		return nil
	}
	return &t
}

// applyFilter lists the rows that hold every word typed. A file that
// cannot be read is always listed: it needs mending whatever is looked for.
func (m *journalModel) applyFilter() {
	typed := m.filter.Value()
	m.shown = m.shown[:0]
	for i := range m.rows {
		m.rows[i].match = ""
		if r := m.rows[i]; r.item == nil || r.item.Match(typed) {
			m.shown = append(m.shown, i)
		}
	}
}

// ensureVisible scrolls the list so the cursor is on screen, and finds what
// the filter matched in the rows shown: View only draws.
func (m *journalModel) ensureVisible() {
	room := m.listRoom()
	if m.cursor < m.top {
		m.top = m.cursor
	}
	if m.cursor >= m.top+room {
		m.top = m.cursor - room + 1
	}
	m.top = max(0, min(m.top, len(m.shown)-room))
	typed := m.filter.Value()
	if typed == "" {
		return
	}
	words := journal.Words(typed)
	for i := m.top; i < len(m.shown) && i < m.top+room; i++ {
		r := &m.rows[m.shown[i]]
		if r.item == nil || r.match != "" {
			continue
		}
		r.match = "-" // looked for, nothing to show
		if ms := r.item.Matches(words); len(ms) > 0 {
			switch mt := ms[0]; {
			case mt.Line.Private:
				r.match = "🔒"
			case mt.Commitment:
				r.match = "→ " + termtext.Clean(mt.Line.Text)
			case mt.Line.Field != "":
				r.match = termtext.Clean(m.ctx.Lang.Field(mt.Line.Field) + ": " + mt.Line.Text)
			default:
				r.match = termtext.Clean(mt.Line.Text)
			}
		}
	}
}

// clearFilter lists every row again, the cursor still on its file.
func (m *journalModel) clearFilter() {
	var was string
	if r := m.current(); r != nil {
		was = r.path
	}
	m.filter.Reset()
	m.applyFilter()
	m.cursor = 0
	for i, r := range m.shown {
		if m.rows[r].path == was {
			m.cursor = i
		}
	}
}

func (m *journalModel) current() *journalRow {
	if m.cursor < 0 || m.cursor >= len(m.shown) {
		return nil
	}
	return &m.rows[m.shown[m.cursor]]
}

// problemPageMsg carries the text of a file that cannot be read, to show
// with the reason.
type problemPageMsg struct {
	path, why, text string
	err             error
}

// showProblem reads the file tillit cannot parse, to show it as it is with
// why: it cannot be rendered, but it can be read and then mended.
func (m *journalModel) showProblem(r journalRow) tea.Cmd {
	if r.link || r.path == "" {
		// Nothing to read: a link is never followed (it may point at a
		// device or a pipe), and some problems name no file.
		return m.problemPage(problemPageMsg{path: r.path, why: r.problem})
	}
	return func() tea.Msg {
		data, err := os.ReadFile(r.path)
		return problemPageMsg{path: r.path, why: r.problem, text: string(data), err: err}
	}
}

func (m *journalModel) problemPage(msg problemPageMsg) tea.Cmd {
	if msg.err != nil {
		m.err = m.short(msg.err.Error())
		return nil
	}
	// A fence longer than any run of backticks in the text keeps it whole.
	fence := "```"
	for strings.Contains(msg.text, fence) {
		fence += "`"
	}
	where := m.ctx.InJournal(msg.path)
	if where == "" {
		where = m.ctx.T("journal.unreadable_file")
	}
	md := "## ⚠ " + where + "\n\n" + msg.why + "\n"
	if msg.text != "" {
		md += "\n*" + m.ctx.T("journal.mend_hint") + "*\n\n" + fence + "\n" + strings.TrimRight(msg.text, "\n") + "\n" + fence + "\n"
	}
	m.open = true
	return m.page.show("problem:"+msg.path, md)
}

// showEntry renders the row under the cursor in the pager.
func (m *journalModel) showEntry() tea.Cmd {
	r := m.current()
	if r == nil || r.item == nil {
		return nil
	}
	m.open = true
	it, o := r.item, m.ctx.Coach.ReportOptions(true)
	var md string
	switch {
	case it.Entry != nil:
		md = report.Entry(it.Entry, report.AroundOf(m.j, it.Entry), o)
	case it.Reflection != nil:
		md = "## " + report.WeekTitle(it.Week, m.ctx.Lang) + "\n\n" + strings.Replace(report.Reflection(it.Reflection, o), "## ", "### ", 1)
	case it.Mentoring != nil:
		md = report.Mentoring(m.j, it.Mentoring, o)
	case it.Assessment != nil:
		md = report.AssessmentPage(it.Assessment, m.ctx.Coach.PackOf(it.Assessment.Pack), o)
	}
	if len(it.Tags) > 0 {
		md += "*" + m.ctx.T("journal.tags") + ":* " + "#" + strings.Join(it.Tags, " #") + "\n"
	}
	return m.page.show("journal:"+it.Path, wikiLinks(md))
}

// wikiLink is an Obsidian link: [[page]] or [[page|what it says]].
var wikiLink = regexp.MustCompile(`\[\[([^\[\]|]+)(?:\|([^\[\]]+))?\]\]`)

// wikiLinks shows wiki links as the words they show in Obsidian, outside
// code: the link goes nowhere in a terminal.
func wikiLinks(md string) string {
	lines := strings.Split(md, "\n")
	fence := ""
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case fence != "":
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		case strings.HasPrefix(t, "```"), strings.HasPrefix(t, "~~~"):
			fence = t[:3]
			continue
		}
		lines[i] = wikiLink.ReplaceAllStringFunc(l, func(s string) string {
			sm := wikiLink.FindStringSubmatch(s)
			if sm[2] != "" {
				return sm[2]
			}
			return sm[1]
		})
	}
	return strings.Join(lines, "\n")
}

func (m *journalModel) Update(msg tea.Msg) tea.Cmd {
	cmd := m.update(msg)
	m.ensureVisible() // whatever moved: the cursor, the rows, the status line
	return cmd
}

func (m *journalModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case renderedMsg:
		if err := m.page.rendered(msg); err != nil {
			m.err = err.Error()
		}
		return nil
	case journalRowsMsg:
		return m.setRows(msg)
	case editFileMsg:
		return m.runEditor(msg)
	case editorDoneMsg:
		// Read the file back in a command: the editor may have left
		// anything, of any size.
		return func() tea.Msg { return msg.check() }
	case problemPageMsg:
		if r := m.current(); r != nil && r.path == msg.path {
			return m.problemPage(msg)
		}
		return nil
	case editedMsg:
		m.busy = false
		switch {
		case msg.same:
			return nil
		case msg.err != nil:
			m.err = m.ctx.T("journal.editor_failed", "Editor", m.ctx.Editor, "Err", msg.err.Error())
		case msg.bad != nil:
			m.err = m.ctx.T("journal.edit_broken", "Why", m.short(m.ctx.Lang.Describe(msg.bad)))
		default:
			m.flash = m.ctx.T("journal.edited", "Path", m.ctx.InJournal(msg.path))
		}
		return func() tea.Msg { return reloadJournalMsg{} }
	case trashedMsg:
		if msg.err != nil {
			m.busy = false
			m.err = m.short(m.ctx.Lang.Describe(msg.err))
			return nil
		}
		m.open = false
		m.trashed = &msg
		m.settled = m.ctx.T("journal.trashed", "Path", m.ctx.InJournal(msg.path), "Dest", m.ctx.InJournal(msg.dest))
		return func() tea.Msg { return reloadJournalMsg{} }
	case restoredMsg:
		if msg.err != nil {
			m.busy = false
			m.err = m.short(m.ctx.Lang.Describe(msg.err))
			return nil
		}
		m.trashed, m.back = nil, msg.path
		m.settled = m.ctx.T("journal.restored", "Path", m.ctx.InJournal(msg.path))
		return func() tea.Msg { return reloadJournalMsg{} }
	case tea.MouseWheelMsg:
		if m.open {
			m.page.scroll(msg)
		} else if msg.Button == tea.MouseWheelUp {
			m.move(-1)
		} else if msg.Button == tea.MouseWheelDown {
			m.move(1)
		}
		return nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	if m.filtering {
		return m.updateFilter(msg) // a paste, the cursor's blink
	}
	return nil
}

// updateFilter passes a message to the filter, and narrows the list when
// the text changed.
func (m *journalModel) updateFilter(msg tea.Msg) tea.Cmd {
	before := m.filter.Value()
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	if m.filter.Value() != before {
		m.applyFilter()
		m.cursor, m.top = 0, 0
		m.ensureVisible()
	}
	return cmd
}

func (m *journalModel) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	if m.busy {
		return nil
	}
	if m.confirm != "" {
		// d again: a key that means nothing else here (j moves down, and
		// is yes in Norwegian); any other key keeps the file.
		path := m.confirm
		m.confirm = ""
		if key.Matches(msg, k.Delete) {
			return m.trash(path)
		}
		return nil
	}
	if m.filtering {
		switch {
		case key.Matches(msg, k.Next):
			m.filtering = false
			m.filter.Blur()
		case key.Matches(msg, k.Back):
			m.filtering = false
			m.filter.Blur()
			m.clearFilter()
		case key.Matches(msg, k.ArrowUp):
			m.move(-1)
		case key.Matches(msg, k.ArrowDown):
			m.move(1)
		default:
			return m.updateFilter(msg)
		}
		return nil
	}
	m.flash, m.err = "", ""
	switch {
	case key.Matches(msg, k.Undo) && m.trashed != nil:
		return m.restore(*m.trashed)
	case key.Matches(msg, k.Edit):
		return m.edit()
	case key.Matches(msg, k.Delete) && m.current() != nil && m.current().path != "":
		m.confirm = m.current().path
		return nil
	}
	if m.open {
		switch {
		case key.Matches(msg, k.Back, k.Quit):
			m.open = false
		case key.Matches(msg, k.Left):
			return m.step(-1)
		case key.Matches(msg, k.Right):
			return m.step(1)
		default:
			m.page.scroll(msg)
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Filter):
		m.filtering = true
		return m.filter.Focus()
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.PageUp):
		m.move(-m.listRoom())
	case key.Matches(msg, k.PageDown):
		m.move(m.listRoom())
	case key.Matches(msg, k.Top):
		m.move(-len(m.shown))
	case key.Matches(msg, k.Bottom):
		m.move(len(m.shown))
	case key.Matches(msg, k.Pick):
		if r := m.current(); r != nil && r.item == nil {
			return m.showProblem(*r)
		}
		return m.showEntry()
	case key.Matches(msg, k.Back) && m.filter.Value() != "":
		m.clearFilter()
	case key.Matches(msg, k.Back, k.Quit):
		return closeWith(m, closeMsg{})
	}
	return nil
}

func (m *journalModel) move(n int) {
	m.cursor = max(0, min(len(m.shown)-1, m.cursor+n))
	m.ensureVisible()
}

// step opens the next older (1) or newer (-1) readable item.
func (m *journalModel) step(n int) tea.Cmd {
	for i := m.cursor + n; i >= 0 && i < len(m.shown); i += n {
		if m.rows[m.shown[i]].item != nil {
			m.cursor = i
			return m.showEntry()
		}
	}
	return nil
}

// edit hands the file under the cursor to the editor; when it returns, the
// file is read again to tell whether it still parses.
func (m *journalModel) edit() tea.Cmd {
	r := m.current()
	if r == nil || r.path == "" {
		return nil
	}
	if r.link {
		// A link is not followed: not to read, not to write.
		m.err = m.ctx.T("journal.link", "Path", m.ctx.InJournal(r.path))
		return nil
	}
	if !editorExists(m.ctx.Editor) {
		m.err = m.ctx.T("journal.no_editor", "Editor", m.ctx.Editor)
		return nil
	}
	m.busy = true
	path, kind := r.path, journal.KindDay
	if r.item != nil {
		kind = r.item.Kind
	}
	return func() tea.Msg {
		before, _ := os.ReadFile(path)
		return editFileMsg{path: path, kind: kind, before: before}
	}
}

// editFileMsg has what a file said before the editor opens it, to tell
// afterwards whether anything changed.
type editFileMsg struct {
	path   string
	kind   journal.Kind
	before []byte
}

func (m *journalModel) runEditor(msg editFileMsg) tea.Cmd {
	return openEditor(m.ctx, msg.path, func(err error) tea.Msg {
		return editorDoneMsg{editFileMsg: msg, err: err}
	})
}

// editorDoneMsg says the editor returned; check reads the file back.
type editorDoneMsg struct {
	editFileMsg
	err error
}

func (d editorDoneMsg) check() editedMsg {
	if d.err != nil {
		return editedMsg{path: d.path, err: d.err}
	}
	after, err := os.ReadFile(d.path)
	if err == nil && bytes.Equal(after, d.before) {
		return editedMsg{path: d.path, same: true}
	}
	return editedMsg{path: d.path, bad: checkFile(d.path, d.kind)}
}

// checkFile reads a file back after an edit and parses it as what it is.
func checkFile(path string, kind journal.Kind) error {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil // deleted in the editor: the list will say so
		}
		return err
	}
	switch kind {
	case journal.KindWeek:
		_, err = journal.ParseReflection(path, data)
	case journal.KindMentoring:
		_, err = journal.ParseMentoring(path, data)
	case journal.KindAssessment:
		_, err = journal.ParseAssessment(path, data)
	default:
		_, err = journal.ParseEntry(path, data)
	}
	return err
}

// restore brings the file last moved to the trash back (u, undo).
func (m *journalModel) restore(t trashedMsg) tea.Cmd {
	m.busy = true
	store := m.ctx.Store
	return func() tea.Msg {
		return restoredMsg{path: t.path, err: store.Restore(t.dest, t.path)}
	}
}

// trash moves the file the user said yes for, wherever the cursor is now.
func (m *journalModel) trash(path string) tea.Cmd {
	m.busy = true
	store, now := m.ctx.Store, m.ctx.Now()
	return func() tea.Msg {
		dest, err := store.Trash(path, now)
		return trashedMsg{path: path, dest: dest, err: err}
	}
}

// short writes the paths in a message from the journal folder on.
func (m *journalModel) short(s string) string {
	return strings.ReplaceAll(s, filepath.Clean(m.ctx.Store.Root)+string(filepath.Separator), "")
}

// listRoom is how many rows fit on the screen: below the title, the
// filter and a blank line, above the status and the footer.
func (m *journalModel) listRoom() int {
	room := m.ctx.Height - journalHeader - 2
	if st := m.status(); st != "" {
		room -= lipgloss.Height(st)
	}
	return max(1, room)
}

func (m *journalModel) help() bindings {
	k, t := m.ctx.Keys, m.ctx.T
	one := func(short ...key.Binding) bindings { return bindings{short: short, full: [][]key.Binding{short}} }
	back := k.Back
	back.SetHelp("esc/q", t("key.back"))
	switch {
	case m.confirm != "":
		return one(withDesc(k.Delete, t("journal.yes_trash")), otherKey(m.ctx, t("journal.keep_file")))
	case m.filtering:
		arrows := k.ArrowDown
		arrows.SetHelp("↑/↓", t("key.choose"))
		return one(withDesc(k.Next, t("journal.filter_done")), withDesc(k.Back, t("journal.filter_clear")), arrows)
	case m.open:
		prev, next := k.Left, k.Right
		prev.SetHelp("←/h", t("journal.newer"))
		next.SetHelp("→/l", t("journal.older"))
		short := []key.Binding{prev, next, k.Edit, k.Delete, back}
		return bindings{short: short, full: [][]key.Binding{short, {k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom}}}.ranked(1, 1, 2, 2, 0)
	}
	short := []key.Binding{k.Filter, withDesc(k.Pick, t("journal.open")), k.Edit, k.Delete, back}
	rank := []int{0, 1, 2, 2, 1}
	if m.trashed != nil {
		// Right after a delete, the way back comes first.
		short, rank = append([]key.Binding{withDesc(k.Undo, t("journal.undo_trash"))}, short...), append([]int{0}, rank...)
	}
	return bindings{short: short, full: [][]key.Binding{short, {k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom}}}.ranked(rank...)
}

// status is the line about what just happened, wrapped to the window: a
// path or a reason cut off is no use.
func (m *journalModel) status() string {
	ctx, st := m.ctx, m.ctx.Styles
	line := func(s lipgloss.Style, text string) string { return s.Width(ctx.Width - 1).PaddingLeft(1).Render(text) }
	switch {
	case m.confirm != "":
		return line(st.Warning, ctx.T("journal.confirm_trash", "Path", m.ctx.InJournal(m.confirm), "Days", journal.TrashDays))
	case m.err != "":
		return line(st.Error, "! "+m.err)
	case m.flash != "":
		return line(st.Success, m.flash)
	}
	return ""
}

func (m *journalModel) View() string {
	ctx, st := m.ctx, m.ctx.Styles
	if m.j == nil {
		return ""
	}
	items := 0
	for _, r := range m.rows {
		if r.item != nil {
			items++
		}
	}
	title := st.Title.Render(ctx.T("journal.title")) + st.Faint.Render(" · "+ctx.Lang.N("journal.count", items))
	if bad := len(m.rows) - items; bad > 0 {
		title += st.Warning.Render(" · " + ctx.Lang.N("journal.unreadable", bad))
	}
	right := ""
	switch {
	case m.open:
		if pos := m.page.position(); pos != "" {
			right = st.Faint.Render("↕ " + pos)
		}
	case len(m.shown) > 0:
		right = st.Faint.Render(fmt.Sprintf("%d/%d", m.cursor+1, len(m.shown)))
	}
	lines := []string{spread(" "+truncate(title, ctx.Width-lipgloss.Width(right)-3), right+" ", ctx.Width)}

	if m.open {
		head := ""
		if r := m.current(); r != nil {
			head = m.rowLine(*r, ctx.Width-2, false)
		}
		lines = append(lines, " "+truncate(head, ctx.Width-2), st.Faint.Render("  "+strings.Repeat("─", max(0, min(ctx.Width-4, 90)))))
		lines = append(lines, m.page.View())
	} else {
		if m.filtering || m.filter.Value() != "" {
			lines = append(lines, " "+m.filter.View())
		} else {
			lines = append(lines, " "+st.Faint.Render(truncate(ctx.T("journal.filter_hint"), ctx.Width-2)))
		}
		lines = append(lines, "")
		lines = append(lines, m.viewList()...)
	}
	// The status line takes its room from the page above, never the other
	// way round.
	return withStatus(ctx, strings.Join(lines, "\n"), m.status())
}

// viewList draws the rows that fit, from the first on screen.
func (m *journalModel) viewList() []string {
	ctx, st := m.ctx, m.ctx.Styles
	if len(m.shown) == 0 {
		msg := ctx.T("journal.empty")
		if m.filter.Value() != "" {
			msg = ctx.T("journal.no_match")
		}
		return []string{"   " + st.Faint.Render(msg)}
	}
	var out []string
	for i := m.top; i < len(m.shown) && i < m.top+m.listRoom(); i++ {
		marker := "   "
		if i == m.cursor {
			marker = " " + st.Highlight.Render("›") + " "
		}
		out = append(out, marker+m.rowLine(m.rows[m.shown[i]], ctx.Width-4, i == m.cursor))
	}
	return out
}

// rowLine is one row: the date, what it is, the rating, the first line.
func (m *journalModel) rowLine(r journalRow, width int, chosen bool) string {
	ctx, st := m.ctx, m.ctx.Styles
	if r.item == nil {
		where := m.ctx.InJournal(r.path)
		if where == "" {
			where = m.ctx.T("journal.unreadable_file")
		}
		return st.Warning.Render(truncate("⚠ "+where+" — "+r.problem, width))
	}
	it := r.item
	d := it.Date
	date := fmt.Sprintf("%-16s", ctx.Lang.ShortDate(d.Year, d.Month, d.Day))
	var what string
	switch it.Kind {
	case journal.KindWeek:
		what = "✎ " + ctx.T("journal.week", "N", it.Week.Number)
	case journal.KindMentoring:
		what = "◆ " + ctx.T("journal.mentoring")
	case journal.KindAssessment:
		what = "▤ " + ctx.T("journal.assessment")
	default:
		if it.Tip == 0 {
			what = "· " + ctx.T("journal.notes")
		} else {
			what = fmt.Sprintf("● %2d", it.Tip) // a column: 3 and 13 end together
			if t := m.tip(it); t != nil && width >= 70 {
				what += " " + t.Short
			}
		}
	}
	whatW := 6
	if width >= 70 {
		whatW = min(44, width/3)
	} else if width >= 50 {
		whatW = 12
	}
	what = truncate(what, whatW)
	what += strings.Repeat(" ", max(0, whatW-lipgloss.Width(what)))
	rating := "   "
	if it.Rating > 0 {
		rating = fmt.Sprintf("%d/5", it.Rating)
	}
	first := it.First()
	if r.match != "" && r.match != "-" {
		first = r.match // what the filter found, rather than how it begins
	}
	if it.Private {
		first = "🔒"
	}
	left := date + " " + what + " " + rating + "  "
	style := st.Text
	if chosen {
		style = st.Highlight
	}
	return style.Render(left) + st.Faint.Render(truncate(strings.TrimSpace(first), max(0, width-lipgloss.Width(left))))
}

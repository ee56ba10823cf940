package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tillit/journal"
)

// field is one thing a form asks for: a part written in full, a line, a
// choice, a checklist. A field draws itself, takes what is typed, and
// names the keys it answers to; the form does the rest.
type field interface {
	focus() tea.Cmd
	blur()
	// keys are what the field does with keys, besides taking typing.
	keys(f *form) []action
	// update takes a message the keys left (typing, a paste); it reports
	// whether the field's value changed.
	update(tea.Msg) (tea.Cmd, bool)
	// typing says that keys the field does not name are typed into it.
	typing() bool
	view(focused bool) string
	// lines is the height the field takes beyond a part's text box.
	lines() int
	restyle()
}

// editable is a field whose text the user's editor can edit.
type editable interface {
	field
	value() string
	setText(string)
}

// part is a section of a document written in full: an answer to a
// question, what went well this week. It knows its heading as the file
// has it, whether it is private, and what it held when it was read, so
// that only what the user changed is written.
type part struct {
	ctx     *Context
	heading string
	text    textField
	private bool
	// As read: an unchanged part leaves the file's own formatting alone.
	loaded        string
	loadedPrivate bool
	// numbered is "(2/3)" while the parts of a step take turns on a short
	// window.
	numbered string
	drawn    blurredView // the last drawing without focus
}

func newPart(ctx *Context, heading, placeholder string) *part {
	return &part{ctx: ctx, heading: heading, text: newTextArea(ctx, placeholder)}
}

// load fills the part from a document's body.
func (p *part) load(b journal.Body) {
	a, _ := b.Answer(p.heading)
	p.loadText(a.Text, a.Private)
}

// loadText fills the part with what the file holds.
func (p *part) loadText(text string, private bool) {
	p.text.SetValue(text)
	p.private = private
	p.loaded, p.loadedPrivate = p.text.Value(), p.private
}

// Value is what the part holds now.
func (p *part) Value() string { return p.text.Value() }
func (p *part) value() string { return p.text.Value() }

// SetValue puts s in the part, whole.
func (p *part) SetValue(s string) { p.text.SetValue(s) }

func (p *part) setText(s string) { p.text.SetValue(strings.TrimRight(s, "\n")) }

// changed reports whether the user changed the part's text or privacy.
func (p *part) changed() bool { return p.Value() != p.loaded || p.private != p.loadedPrivate }

// writeTo writes the part into a body, when it changed.
func (p *part) writeTo(b *journal.Body) {
	if p.changed() {
		b.SetAnswer(p.heading, p.Value(), p.private)
	}
}

// merge lays what the user wrote over the part as the file has it now
// (theirs), after a conflict; what the file holds becomes what the part
// is compared with.
func (p *part) merge(theirs string, theirsPrivate bool) {
	text, private := mergePart(p.loaded, p.loadedPrivate, p.Value(), p.private, theirs, theirsPrivate)
	p.text.SetValue(text)
	p.private = private
	p.loaded, p.loadedPrivate = theirs, theirsPrivate
}

func (p *part) draft() journal.DraftAnswer {
	return journal.DraftAnswer{Question: p.heading, Text: p.Value(), Private: p.private, Base: p.loaded}
}

func (p *part) resume(a journal.DraftAnswer) {
	p.text.SetValue(resumedText(a, p.Value()))
	p.private = a.Private
}

// resumeParts takes a draft's answers back into the parts they were
// written in: by heading, or where the heading is not found (a draft
// written in another language), by place.
func resumeParts(ps []*part, answers []journal.DraftAnswer) {
	for i, a := range answers {
		j := slices.IndexFunc(ps, func(p *part) bool { return p.heading == a.Question })
		if j < 0 && i < len(ps) && !slices.ContainsFunc(answers, func(b journal.DraftAnswer) bool { return b.Question == ps[i].heading }) {
			j = i
		}
		if j >= 0 {
			ps[j].resume(a)
		}
	}
}

func (p *part) focus() tea.Cmd { return p.text.Focus() }
func (p *part) blur()          { p.text.Blur() }
func (p *part) typing() bool   { return true }
func (p *part) restyle()       { p.text.SetStyles(p.ctx.Styles.Textarea) }

func (p *part) keys(f *form) []action {
	k := p.ctx.Keys
	return []action{
		{key: k.Private, do: func(tea.KeyPressMsg) tea.Cmd {
			p.private = !p.private
			return f.changed()
		}},
		{key: editorKey(p.ctx, p.text), do: func(tea.KeyPressMsg) tea.Cmd { return f.edit(p) }},
		// enter is the field's own: a new line.
		{key: withDesc(k.Next, p.ctx.T("key.newline")), more: true},
	}
}

func (p *part) update(msg tea.Msg) (tea.Cmd, bool) {
	before := p.Value()
	var cmd tea.Cmd
	p.text, cmd = p.text.Update(msg)
	return cmd, p.Value() != before
}

// lines is the heading's height with the private mark beside it, marked
// or not: marking a part private moves nothing on the screen.
func (p *part) lines() int {
	private := p.private
	p.private = true
	n := lipgloss.Height(p.head(false))
	p.private = private
	return n
}

func (p *part) head(focused bool) string {
	st := p.ctx.Styles
	title := st.Faint
	if focused {
		title = st.Title
	}
	h := title.Render(p.numbered + p.heading)
	if p.private {
		h += " " + st.Private.Render("🔒 "+p.ctx.T("private.label"))
	}
	return lipgloss.NewStyle().Width(p.ctx.ContentWidth()).Render(h)
}

// view draws the part. One without focus does not change while the user
// types in another, so its drawing is kept.
func (p *part) view(focused bool) string {
	head := p.head(focused)
	head += strings.Repeat("\n", max(0, p.lines()-lipgloss.Height(head)))
	if focused && p.text.Focused() {
		return head + "\n" + p.text.View()
	}
	k := blurredKey{p.Value(), p.text.Width(), p.text.Height(), p.ctx.Dark}
	if p.drawn.key != k || p.drawn.view == "" {
		p.drawn = blurredView{k, p.text.View()}
	}
	return head + "\n" + p.drawn.view
}

type blurredKey struct {
	value         string
	width, height int
	dark          bool
}

type blurredView struct {
	key  blurredKey
	view string
}

// line is a field of one line: the commitment, a note on how it went, the
// mentor's name. Its label is drawn above it.
type line struct {
	ctx         *Context
	label, hint string
	input       textinput.Model
	placeholder string
	loaded      string
	noEditor    bool
	// offered is a default put in the field (the tip's practice, as the
	// commitment), said by hintOffered; while fresh, typing replaces it as
	// it would a selected text.
	offered, hintOffered string
	fresh                bool
	// check, when set, says what is wrong with what the field holds (""
	// when nothing is): shown in place of the hint, and asked again a line
	// at a time. An empty field is never wrong.
	check func(string) string
}

// problem is what check says of the field's text, "" when it is fine.
func (l *line) problem() string {
	if l.check == nil || strings.TrimSpace(l.Value()) == "" {
		return ""
	}
	return l.check(strings.TrimSpace(l.Value()))
}

func newLine(ctx *Context, label, hint, placeholder, text string) *line {
	l := &line{ctx: ctx, label: label, hint: hint, placeholder: placeholder, input: newInput(ctx, placeholder)}
	l.input.SetValue(text)
	l.loaded = l.input.Value() // as the field holds it: one line
	return l
}

func (l *line) Value() string    { return l.input.Value() }
func (l *line) value() string    { return l.input.Value() }
func (l *line) changed() bool    { return l.Value() != l.loaded }
func (l *line) setText(s string) { l.input.SetValue(strings.Join(strings.Fields(s), " ")) }
func (l *line) focus() tea.Cmd   { return l.input.Focus() }
func (l *line) blur()            { l.input.Blur() }
func (l *line) typing() bool     { return true }
func (l *line) restyle()         { l.input.SetStyles(l.ctx.Styles.TextInput) }

// merge lays what the user wrote over the line as the file has it now.
func (l *line) merge(theirs string) {
	l.input.SetValue(mergedText(l.loaded, l.Value(), theirs, " · "))
	l.loaded = theirs
}

func (l *line) setWidth(w int) {
	l.input.SetWidth(w - 2)
	// The field works out what part of its text it shows only as the
	// cursor moves: move it to both ends and back, so a narrower window
	// shows a narrower part.
	at := l.input.Position()
	l.input.CursorEnd()
	l.input.CursorStart()
	l.input.SetCursor(at)
	// A placeholder wider than its field would spill onto the next line.
	l.input.Placeholder = truncate(l.placeholder, w-4)
}

func (l *line) keys(f *form) []action {
	k := l.ctx.Keys
	as := []action{{key: withDesc(k.Next, l.ctx.T("key.next")), do: func(tea.KeyPressMsg) tea.Cmd { return f.next() }}}
	if !l.noEditor {
		as = append(as, action{key: k.Editor, do: func(tea.KeyPressMsg) tea.Cmd { return f.edit(l) }})
	}
	return as
}

// offer puts s in the field as a default, its start in view.
func (l *line) offer(s string) {
	l.offered, l.fresh = s, true
	l.input.SetValue(s)
	l.input.CursorStart()
}

func (l *line) update(msg tea.Msg) (tea.Cmd, bool) {
	if l.fresh {
		// Typing or a paste replaces the default; any other key (an
		// arrow, backspace) starts editing it.
		k, typed := msg.(tea.KeyPressMsg)
		_, pasted := msg.(tea.PasteMsg)
		if typed && k.Text != "" || pasted {
			if l.Value() == l.offered {
				l.input.SetValue("")
			}
		}
		l.fresh = !typed && !pasted
	}
	before := l.Value()
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	return cmd, l.Value() != before
}

func (l *line) lines() int {
	n := 1 + 1 // the label, the field
	if l.hint != "" {
		n += lipgloss.Height(l.ctx.Styles.Faint.Width(l.ctx.ContentWidth()).Render(l.hint))
	} else if l.check != nil {
		n++ // room for what check says
	}
	return n
}

func (l *line) view(focused bool) string {
	st := l.ctx.Styles
	title := st.Faint
	if focused {
		title = st.Title
	}
	s := title.Width(l.ctx.ContentWidth()).Render(l.label) + "\n"
	hint := l.hint
	if l.offered != "" && l.Value() == l.offered {
		hint = l.hintOffered
	}
	if p := l.problem(); p != "" {
		// In the hint's place (or the room kept for it): nothing on the
		// screen moves.
		s += st.Warning.Width(l.ctx.ContentWidth()).Render(truncate(p, l.ctx.ContentWidth())) + "\n"
	} else if hint != "" {
		s += st.Faint.Width(l.ctx.ContentWidth()).Render(hint) + "\n"
	} else if l.check != nil {
		s += "\n"
	}
	return s + l.input.View()
}

// choice is a pick among a few values with ←/→, or a digit: how a
// commitment went, a rating, the week's focus tip. It holds a value of
// the document's, from lo to hi; on the ends it stops, or goes round.
type choice struct {
	ctx    *Context
	value  *int
	lo, hi int
	round  bool
	// digit, when set, is a key for each value: the digit typed chooses
	// the value digitValue gives; with advance, the focus then goes on to
	// the step's next field (after none too), so a list of choices is
	// answered key by key.
	digit      key.Binding
	digitValue func(d int) int
	advance    bool
	// none, when set, is the key that chooses nothing (0).
	none *key.Binding
	// rows, when set, says where ↑/↓ go: among the step's fields.
	rows string
	draw func(focused bool) string
	// ask and label say the choice in words, for prompts a line at a
	// time: the question, and what value v means.
	ask   func() string
	label func(v int) string
}

// values are what the choice offers, in order, and the number each is
// typed as: the value itself (0 for none), or, for a choice that counts
// from 0 and has no none, its place from 1.
func (c *choice) values() (vs, numbers []int) {
	if c.none != nil && c.lo > 0 {
		vs, numbers = append(vs, 0), append(numbers, 0)
	}
	for v := c.lo; v <= c.hi; v++ {
		n := v
		if c.none == nil && c.lo == 0 {
			n = v + 1
		}
		vs, numbers = append(vs, v), append(numbers, n)
	}
	return vs, numbers
}

func (c *choice) set(v int) tea.Cmd { *c.value = v; return nil }

func (c *choice) step(by int) {
	v := *c.value + by
	if c.round {
		n := c.hi - c.lo + 1
		v = c.lo + ((v-c.lo)%n+n)%n
	}
	*c.value = min(max(v, c.lo), c.hi)
}

func (c *choice) keys(f *form) []action {
	k := c.ctx.Keys
	var as []action
	if c.digit.Enabled() {
		// The digits are how to choose: they stay in the narrowest footer.
		as = append(as, action{key: c.digit, do: func(msg tea.KeyPressMsg) tea.Cmd {
			*c.value = c.digitValue(int(msg.Text[0] - '0'))
			return c.chosen(f)
		}, rank: -1})
	}
	as = append(as, action{key: k.Choose, do: func(msg tea.KeyPressMsg) tea.Cmd {
		if key.Matches(msg, k.Left) {
			c.step(-1)
		} else {
			c.step(1)
		}
		return f.changed()
	}})
	if c.none != nil {
		as = append(as, action{key: *c.none, do: func(tea.KeyPressMsg) tea.Cmd {
			*c.value = 0
			return c.chosen(f)
		}})
	}
	if c.rows != "" {
		// ↑/↓ go among the fields of one step, and never out of it.
		as = append(as, action{key: withDesc(k.Rows, c.ctx.T(c.rows)), do: func(msg tea.KeyPressMsg) tea.Cmd {
			if key.Matches(msg, k.Up) {
				return f.toField(f.field - 1)
			}
			return f.toField(f.field + 1)
		}})
	}
	// enter ends the step: what else it asks is optional.
	return append(as, action{key: withDesc(k.Next, c.ctx.T("key.next")), do: func(tea.KeyPressMsg) tea.Cmd { return f.toStep(f.step+1, 0) }})
}

// chosen follows a value chosen by its key: the change, and with advance
// the next field of the step.
func (c *choice) chosen(f *form) tea.Cmd {
	if c.advance && f.field+1 < len(f.cur().fields) {
		return tea.Batch(f.changed(), f.toField(f.field+1))
	}
	return f.changed()
}

func (c *choice) focus() tea.Cmd                 { return nil }
func (c *choice) blur()                          {}
func (c *choice) typing() bool                   { return false }
func (c *choice) update(tea.Msg) (tea.Cmd, bool) { return nil, false }
func (c *choice) view(focused bool) string       { return c.draw(focused) }
func (c *choice) lines() int                     { return lipgloss.Height(c.draw(false)) }
func (c *choice) restyle()                       {}

// checklist ticks items of a list: which questions the mentor answered.
// The ticks are the document's; row says what item i is.
type checklist struct {
	ctx    *Context
	title  string
	ticked *[]bool
	row    func(i int) (text, note string)
	cursor int
}

func (l *checklist) keys(f *form) []action {
	k := l.ctx.Keys
	return []action{
		{key: k.Up, do: func(tea.KeyPressMsg) tea.Cmd { l.cursor = max(0, l.cursor-1); return nil }},
		{key: k.Down, do: func(tea.KeyPressMsg) tea.Cmd { l.cursor = min(len(*l.ticked)-1, l.cursor+1); return nil }},
		{key: k.Toggle, do: func(tea.KeyPressMsg) tea.Cmd {
			(*l.ticked)[l.cursor] = !(*l.ticked)[l.cursor]
			return f.changed()
		}},
		{key: withDesc(k.Next, l.ctx.T("key.next")), do: func(tea.KeyPressMsg) tea.Cmd { return f.next() }},
	}
}

func (l *checklist) focus() tea.Cmd                 { return nil }
func (l *checklist) blur()                          {}
func (l *checklist) typing() bool                   { return false }
func (l *checklist) update(tea.Msg) (tea.Cmd, bool) { return nil, false }
func (l *checklist) lines() int                     { return len(*l.ticked) + 2 }
func (l *checklist) restyle()                       {}

func (l *checklist) view(bool) string {
	ctx, st := l.ctx, l.ctx.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(l.title) + "\n\n")
	for i, ticked := range *l.ticked {
		box := "[ ]"
		if ticked {
			box = "[✓]"
		}
		marker, style := "  ", st.Text
		if i == l.cursor {
			marker, style = "› ", st.Highlight
		}
		text, note := l.row(i)
		row := marker + box + " " + text
		if note != "" {
			row += st.Faint.Render("  (" + note + ")")
		}
		b.WriteString(style.Render(truncate(row, ctx.ContentWidth())) + "\n")
	}
	return b.String()
}

// digits is a key for each of the values 1 to n, shown as one.
func digits(n int, desc string) key.Binding {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprint(i + 1)
	}
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(fmt.Sprintf("1–%d", n), desc))
}

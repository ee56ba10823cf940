package ui

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"tillit/journal"
)

// A bubbles textarea pays for every line and byte it holds on every key
// (it wraps, hashes and draws all of it), and it keeps no more than 10,000
// lines. Measured at width 96 on one core, per key: 0.9 ms at 50 words,
// 6 ms at 2,000 words (11 kB), 16 ms at 28 kB, 24 ms at 1,000 short lines,
// 75 ms at 3,000 lines, 0.55 ms per kB on a single long line (about 0.6 s
// for 1 MB). So a text with more lines or bytes than below is shown in
// part: the field holds all of it as its value and gives the textarea only
// its end, where the user can go on writing. A long line needs no limit of
// its own: its cost is its bytes.
const (
	fieldMaxLines = 1000
	fieldMaxBytes = 32 << 10

	// The end of a text shown in part that can be edited in the field:
	// about 3 ms a key. Typed or pasted on to twice that, it is cut again.
	tailLines = 100
	tailBytes = 4 << 10

	// The beginning of a long text that a preview renders with Glamour.
	previewLines = 200
	previewBytes = 16 << 10

	// A text longer than this, and not shown in part, is edited through a
	// window: the textarea holds the lines around the cursor (up to
	// windowLines and windowBytes on each side), and the window follows
	// the cursor. A key then costs what a short answer's does, whatever
	// the length (2,000 words: 11 ms a key, 2 ms through the window).
	windowFrom  = 4 << 10
	windowLines = 40
	windowBytes = 3 << 10
	// The window moves when the cursor comes this near its edge.
	windowMargin = 4
)

// tooBig reports whether a text of n bytes in lines lines is more than the
// textarea edits quickly.
func tooBig(n, lines int) bool { return n > fieldMaxBytes || lines > fieldMaxLines }

// tooLongEnd reports whether the editable end of a text shown in part,
// n bytes with newlines newlines, has grown long enough to be cut again.
func tooLongEnd(n, newlines int) bool { return n > 2*tailBytes || newlines > 2*tailLines }

// textField is a multi-line answer field for a text of any length. Up to
// the limits above it is a textarea; beyond them it keeps the whole text
// as its value (what is saved, drafted, previewed and merged), shows the
// text's last lines in the textarea, where typing goes on at the end, and
// says above them that the text is shown in part and that the editor
// edits all of it. Typing at the end is what one does after pasting a long
// text; the rest is a job for the editor, which gets the whole text.
type textField struct {
	ctx *Context
	ta  textarea.Model

	value     string // the whole text
	head      string // the text before what the textarea holds
	tail      string // the text after it: "" or from a newline on
	shown     string // what the textarea held when value was last made
	headLines int    // newlines in head
	tailLines int    // newlines in tail
	lines     int    // lines in value
	partial   bool   // the textarea holds only the end
	height    int
}

// newTextArea is a multi-line answer field without limits on length.
func newTextArea(ctx *Context, placeholder string) textField {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "┃ "
	ta.CharLimit = 0
	ta.MaxHeight = 0
	ta.MaxWidth = 0
	ta.Placeholder = placeholder
	// ctrl+p and ctrl+e belong to tillit here (private, editor).
	ta.KeyMap.LinePrevious = key.NewBinding(key.WithKeys("up"))
	ta.KeyMap.LineEnd = key.NewBinding(key.WithKeys("end"))
	ta.KeyMap.LineNext = key.NewBinding(key.WithKeys("down"))
	ta.SetStyles(ctx.Styles.Textarea)
	return textField{ctx: ctx, ta: ta, lines: 1}
}

// Value is the whole text.
func (f textField) Value() string { return f.value }

// Partial reports whether the field shows its text in part.
func (f textField) Partial() bool { return f.partial }

// SetValue puts s in the field, whole; the cursor goes to its end. Text
// the field shows in part is not changed by being shown: the value is s
// until the user edits it.
func (f *textField) SetValue(s string) {
	f.value = s
	f.lines = strings.Count(s, "\n") + 1
	f.partial = tooBig(len(s), f.lines)
	f.head, f.tail = "", ""
	end := s
	if f.partial {
		f.head, end = s[:tailStart(s)], s[tailStart(s):]
	}
	f.headLines, f.tailLines = strings.Count(f.head, "\n"), 0
	f.ta.SetValue(end)
	f.shown = f.ta.Value()
	if !f.partial && len(s) > windowFrom {
		f.window(len(s))
	}
	if f.height > 0 {
		f.SetHeight(f.height)
	}
}

// window puts the lines around byte at of the value in the textarea, and
// the cursor at at.
func (f *textField) window(at int) {
	s := f.value
	start := strings.LastIndexByte(s[:at], '\n') + 1
	for n := 0; start > 0 && n < windowLines; n++ {
		prev := strings.LastIndexByte(s[:start-1], '\n') + 1
		if at-prev > windowBytes {
			break
		}
		start = prev
	}
	end := at + max(0, strings.IndexByte(s[at:], '\n'))
	if strings.IndexByte(s[at:], '\n') < 0 {
		end = len(s)
	}
	for n := 0; end < len(s) && n < windowLines; n++ {
		next := strings.IndexByte(s[end+1:], '\n')
		if next < 0 {
			next = len(s) - end - 1
		}
		if end+1+next-at > windowBytes {
			break
		}
		end += 1 + next
	}
	f.head, f.tail = s[:start], s[end:]
	f.headLines, f.tailLines = strings.Count(f.head, "\n"), strings.Count(f.tail, "\n")
	win := s[start:end]
	f.ta.SetValue(win)
	f.shown = f.ta.Value()
	// The cursor where it was in the text: the row, then the column.
	rel := win[:at-start]
	row := strings.Count(rel, "\n")
	col := utf8.RuneCountInString(rel[strings.LastIndexByte(rel, '\n')+1:])
	f.ta.MoveToBegin()
	for guard := 0; f.ta.Line() < row && guard < 1<<16; guard++ {
		f.ta.CursorDown()
	}
	f.ta.SetCursorColumn(col)
	f.ta, _ = f.ta.Update(nil) // and the textarea's view where the cursor is
}

// follow moves the window when the cursor has come near its edge, and the
// text goes on beyond it.
func (f *textField) follow() {
	if f.partial || f.head == "" && f.tail == "" {
		return
	}
	row := f.ta.Line()
	if row < windowMargin && f.head != "" || row > f.ta.LineCount()-1-windowMargin && f.tail != "" {
		f.window(len(f.head) + offsetOf(f.shown, row, f.ta.Column()))
	}
}

// Update passes a message to the textarea. A paste too big for it goes
// into the text here instead (the textarea would keep only its first
// 10,000 lines).
func (f textField) Update(msg tea.Msg) (textField, tea.Cmd) {
	if p, ok := msg.(tea.PasteMsg); ok && f.ta.Focused() {
		text := cleanPaste(p.Content)
		n := strings.Count(text, "\n")
		if f.partial && tooLongEnd(len(f.shown)+len(text), strings.Count(f.shown, "\n")+n) ||
			!f.partial && tooBig(len(f.value)+len(text), f.lines+n) {
			t := f.ta.Value()
			at := offsetOf(t, f.ta.Line(), f.ta.Column())
			f.SetValue(f.head + t[:at] + text + t[at:] + f.tail)
			return f, nil
		}
		msg = tea.PasteMsg{Content: text}
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && f.ta.Focused() && !f.partial && (f.head != "" || f.tail != "") {
		// To the text's beginning or end, not the window's.
		switch {
		case key.Matches(k, f.ta.KeyMap.InputBegin):
			f.window(0)
			return f, nil
		case key.Matches(k, f.ta.KeyMap.InputEnd):
			f.window(len(f.value))
			return f, nil
		}
	}
	var cmd tea.Cmd
	f.ta, cmd = f.ta.Update(msg)
	if f.ta.Focused() {
		f.sync()
		f.follow()
	}
	return f, cmd
}

// sync takes what the textarea holds into the value. A field that has
// grown past the limits is shown in part from now on, and one shown in
// part whose editable end has grown long gets a shorter end; either way
// the cursor goes to the end.
func (f *textField) sync() {
	t := f.ta.Value()
	if t == f.shown {
		return
	}
	f.shown = t
	f.value = f.head + t + f.tail
	f.lines = f.headLines + strings.Count(t, "\n") + 1 + f.tailLines
	switch {
	case f.partial && tooLongEnd(len(t), strings.Count(t, "\n")) || !f.partial && tooBig(len(f.value), f.lines):
		f.SetValue(f.value)
	case !f.partial && len(f.value) > windowFrom && len(t) > 3*windowBytes:
		// A paste made the window long: a shorter one, where the cursor is.
		f.window(len(f.head) + offsetOf(t, f.ta.Line(), f.ta.Column()))
	}
}

// View draws the field; one shown in part says so on its first line.
func (f textField) View() string {
	if !f.partial {
		return f.ta.View()
	}
	return f.notice() + "\n" + f.ta.View()
}

// notice is the line above a field shown in part: how long the text is,
// and that the editor edits all of it.
func (f textField) notice() string {
	ctx := f.ctx
	lines := ctx.Lang.N("longtext.lines", f.lines, "Lines", groupDigits(ctx, f.lines))
	k := ctx.Keys.Editor.Help().Key
	w := f.ta.Width() + len([]rune(f.ta.Prompt))
	s := ctx.T("longtext.shown_in_part", "Lines", lines, "Size", byteSize(ctx, len(f.value)), "Key", k)
	if len([]rune(s)) > w {
		s = ctx.T("longtext.shown_in_part_short", "Lines", lines, "Size", byteSize(ctx, len(f.value)), "Key", k)
	}
	return ctx.Styles.Warning.Render(truncate(s, w))
}

func (f *textField) Blur()                       { f.ta.Blur() }
func (f textField) Focused() bool                { return f.ta.Focused() }
func (f *textField) SetStyles(s textarea.Styles) { f.ta.SetStyles(s) }
func (f *textField) SetWidth(w int)              { f.ta.SetWidth(w) }
func (f textField) Width() int                   { return f.ta.Width() }
func (f textField) Height() int                  { return f.height }

// Focus puts the cursor in the field, and the field's window where the
// cursor is (the textarea moves its window only in Update).
func (f *textField) Focus() tea.Cmd {
	cmd := f.ta.Focus()
	f.ta, _ = f.ta.Update(nil)
	return cmd
}

// SetHeight sets the rows the field takes, the notice's among them.
func (f *textField) SetHeight(h int) {
	f.height = h
	if f.partial {
		h--
	}
	f.ta.SetHeight(max(1, h))
}

// editorKey is the editor's key as the help line shows it for field f:
// for a text shown in part, it is the way to edit all of it.
func editorKey(ctx *Context, f textField) key.Binding {
	b := ctx.Keys.Editor
	if f.partial {
		b.SetHelp(b.Help().Key, ctx.T("longtext.edit_all"))
	}
	return b
}

// tailStart is where the editable end of a long text s begins: at the
// start of a line, at most tailLines lines and tailBytes bytes from the
// end; inside the last line, after a space if there is one near, when
// that line alone is longer.
func tailStart(s string) int {
	cut := strings.LastIndexByte(s, '\n') + 1
	if len(s)-cut > tailBytes {
		cut = len(s) - tailBytes
		for cut < len(s) && !utf8.RuneStart(s[cut]) {
			cut++
		}
		if i := strings.IndexByte(s[cut:min(len(s), cut+256)], ' '); i >= 0 {
			cut += i + 1
		}
		return cut
	}
	for n := 1; n < tailLines && cut > 0; n++ {
		prev := strings.LastIndexByte(s[:cut-1], '\n') + 1
		if len(s)-prev > tailBytes {
			break
		}
		cut = prev
	}
	return cut
}

// offsetOf is the byte offset in s of the rune col of line row.
func offsetOf(s string, row, col int) int {
	at := 0
	for range row {
		i := strings.IndexByte(s[at:], '\n')
		if i < 0 {
			return len(s)
		}
		at += i + 1
	}
	for n := 0; n < col && at < len(s) && s[at] != '\n'; n++ {
		_, size := utf8.DecodeRuneInString(s[at:])
		at += size
	}
	return at
}

// cleanPaste is pasted text as the textarea would take it: a line ends in
// \n (a terminal may send \r\n or \r), a tab is four spaces, and other
// control characters and broken bytes go.
func cleanPaste(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || r != '\n' && unicode.IsControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteString("    ")
		case r == '\n':
			b.WriteByte('\n')
		case r == utf8.RuneError, unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// previewText is an answer as a preview shows it: whole, or for a long one
// its beginning and a line that says the file gets all of it (Glamour
// takes seconds over a megabyte, and nobody reads that in a preview).
func previewText(ctx *Context, text string) string {
	lines := strings.Count(text, "\n") + 1
	if !tooBig(len(text), lines) {
		return text
	}
	cut := 0
	for n := 0; n < previewLines && cut < len(text); n++ {
		i := strings.IndexByte(text[cut:], '\n')
		if i < 0 {
			cut = len(text)
			break
		}
		cut += i + 1
	}
	if cut > previewBytes {
		cut = previewBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		if i := strings.LastIndexByte(text[max(0, cut-256):cut], ' '); i >= 0 {
			cut = max(0, cut-256) + i
		}
	}
	note := ctx.T("longtext.preview_cut", "Lines", ctx.Lang.N("longtext.lines", lines, "Lines", groupDigits(ctx, lines)), "Size", byteSize(ctx, len(text)))
	return strings.TrimRight(text[:cut], " \n") + " …\n\n*" + note + "*"
}

// previewBody is a document's body with its long answers shortened for a
// preview.
func previewBody(ctx *Context, b journal.Body) journal.Body {
	blocks := make([]journal.Block, len(b.Blocks))
	copy(blocks, b.Blocks)
	for i := range blocks {
		if blocks[i].IsAnswer() {
			if t := previewText(ctx, blocks[i].Text); t != blocks[i].Text {
				blocks[i] = journal.Block{Heading: blocks[i].Heading, Text: t, Private: blocks[i].Private}
			}
		}
	}
	b.Blocks = blocks
	return b
}

// groupDigits writes n with the language's thousands separator: 15 000.
func groupDigits(ctx *Context, n int) string {
	s := strconv.Itoa(n)
	sep := ctx.T("longtext.thousands")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// byteSize writes a size in kB or MB with one decimal: 1,0 MB.
func byteSize(ctx *Context, n int) string {
	if n >= 1<<20 {
		return ctx.Lang.Decimal(float64(n)/(1<<20), 1) + " MB"
	}
	return ctx.Lang.Decimal(float64(n)/(1<<10), 1) + " kB"
}

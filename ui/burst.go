package ui

import (
	"slices"
	"strings"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"
)

// A text field pays for every key: the textarea lays out all of its text
// on each one, and the screen is drawn after each message (1–4 ms a key in
// an answer of a few hundred words). A fast typist does not notice; a
// paste the terminal sends as keys (without bracketed paste) does: 2,879
// characters took 11 s to show. So keys typed into a text field are
// gathered for a moment (typingWait) and go into the field together, as a
// paste does, and the screen is not drawn again while only keys arrive.

// typingWait is how long a typed key waits for the next: less than a
// frame, more than the gap between the keys of a paste.
const typingWait = 8 * time.Millisecond

// Messages of the typing burst.
type (
	// typedMsg is a key typed into a text field, held for a moment.
	typedMsg struct{ text string }
	// typedFlushMsg says the keys held have waited long enough.
	typedFlushMsg struct{}
	// keysMsg is keys a terminal sent as one: they are taken in turn.
	keysMsg []tea.KeyPressMsg
)

// Filter is the program's message filter (tea.WithFilter): a key that
// types text into a text field becomes a typedMsg, gathered with the keys
// that follow it; an escape read together with the key after it (alt+…)
// is the two keys. Every other message passes as it is.
func (m *Model) Filter(_ tea.Model, msg tea.Msg) tea.Msg {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return msg
	}
	if typesText(k) && m.inText() && !m.showHelp {
		return typedMsg{k.Text}
	}
	if ks, ok := m.escapeAndKey(k); ok {
		return ks
	}
	return msg
}

// escapeAndKey splits a key a terminal read as alt+key, when it was
// escape and then the key: two escapes pressed quickly come as alt+esc,
// escape then j as alt+j. tillit gives alt no meaning of its own; the text
// fields do (alt+f a word forward), and keep those.
func (m *Model) escapeAndKey(k tea.KeyPressMsg) (keysMsg, bool) {
	if k.Mod&tea.ModAlt == 0 || m.inText() && slices.Contains(textAltKeys, k.String()) {
		return nil, false
	}
	second := k
	second.Mod &^= tea.ModAlt
	if second.Text == "" && second.Mod&^tea.ModShift == 0 && unicode.IsPrint(second.Code) {
		second.Text = string(second.Code)
	}
	return keysMsg{{Code: tea.KeyEscape}, second}, true
}

// textAltKeys are the alt keys of the text fields (bubbles' textarea and
// textinput): moving and deleting by words, changing a word's case.
var textAltKeys = []string{"alt+right", "alt+left", "alt+f", "alt+b", "alt+backspace", "alt+delete", "alt+d",
	"alt+<", "alt+>", "alt+c", "alt+l", "alt+u"}

// typesText reports whether a key only types its text: a letter, a digit,
// a sign, a space, with shift or caps lock at most.
func typesText(k tea.KeyPressMsg) bool {
	return k.Text != "" && k.Mod&^(tea.ModShift|tea.ModCapsLock|tea.ModNumLock) == 0
}

// keysHeld are the keys gathered; the root keeps them.
type keysHeld struct {
	text strings.Builder
	due  bool // a typedFlushMsg is on its way
	// hold keeps the last frame while only keys were gathered since it was
	// drawn: drawing it again would show the same.
	hold  bool
	frame string
}

// typed gathers a key, and asks to be flushed when the burst is over.
func (m *Model) typed(msg typedMsg) tea.Cmd {
	m.typing.text.WriteString(msg.text)
	m.typing.hold = true
	if m.typing.due {
		return nil
	}
	m.typing.due = true
	return m.ctx.Tick(typingWait, func(time.Time) tea.Msg { return typedFlushMsg{} })
}

// flushTyped hands the keys gathered to the screen, as one paste, before
// any other message: what was typed goes where it was typed, and before
// whatever came after it.
func (m *Model) flushTyped() tea.Cmd {
	if m.typing.text.Len() == 0 {
		return nil
	}
	text := m.typing.text.String()
	m.typing.text.Reset()
	return m.top().Update(tea.PasteMsg{Content: text})
}

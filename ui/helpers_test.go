package ui

import (
	"reflect"
	"time"

	"charm.land/bubbles/v2/cursor"
	tea "charm.land/bubbletea/v2"

	"tillit/journal"
)

// tickMsg is what a tick of the tests' clock brings at once instead of
// waiting: a wait, which no test sits out. Helpers leave it out, so a
// screen settles on what it does, not on how long that takes.
type tickMsg struct {
	wait time.Duration
	fire func(time.Time) tea.Msg
}

// testTick is the tests' Tick: the tick is over at once, and says so.
func testTick(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	return func() tea.Msg { return tickMsg{d, fn} }
}

// newTestModel is New on the tests' clock: the time is testNow unless o
// says otherwise, ticks are tickMsgs, and the cursor does not blink.
func newTestModel(o Options) *Model {
	if o.Now == nil {
		o.Now = func() time.Time { return testNow }
	}
	o.Tick, o.SteadyCursor = testTick, true
	return New(o)
}

// openCheckinFrom opens a check-in on root from what prepareCheckin read
// (msg): the check-in the root is opening, or a new one.
func openCheckinFrom(root *Model, msg tea.Msg) {
	if _, ok := root.top().(*opening); !ok {
		root.Update(openMsg{openCheckin(root.ctx, journal.Date{}, 0, false)})
	}
	if _, cmd := root.Update(msg); cmd != nil {
		root.Update(cmd()) // the check-in in the opening's place
	}
}

// find returns the open screen of type T, if any.
func find[T screen](m *Model) (T, bool) {
	for i := len(m.stack) - 1; i >= 0; i-- {
		if s, ok := m.stack[i].(T); ok {
			return s, true
		}
	}
	var zero T
	return zero, false
}

// runAll runs a command to its end, and every command it batches or
// sequences, in order, and returns their messages. Ticks are left out.
func runAll(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	switch msg := msg.(type) {
	case tickMsg:
		return nil
	case cursor.BlinkMsg:
		// A blink waits half a second, then asks for the next.
		panic("a cursor blinks: make the context with testContext or newTestModel")
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, runAll(c)...)
		}
		return out
	}
	// tea.Sequence returns an unexported type holding its commands.
	if cmds, ok := sequence(msg); ok {
		var out []tea.Msg
		for _, c := range cmds {
			out = append(out, runAll(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// sequence opens the message of tea.Sequence, whose type is unexported: a
// slice of commands.
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// tooSlow reports whether a step that took took on a large text is too slow
// beside base, the same step on a small one on this machine now. The cost
// it guards against grows with the square of the text (seconds to
// minutes); a loaded machine or the race detector slow both alike.
func tooSlow(took, base time.Duration) bool {
	return took > max(100*time.Millisecond, 500*base)
}

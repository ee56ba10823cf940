package ui

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The field shown in part: what it says, what its help says, where typing
// goes, and that its window is the text's end from the first frame.
func TestTextFieldShownInPart(t *testing.T) {
	ctx := testContext(t, "en")
	f := newTextArea(ctx, "")
	f.SetWidth(96)
	f.SetHeight(8)
	f.SetValue("kort")
	if f.Partial() || strings.Contains(f.View(), "Shown in part") || editorKey(ctx, f).Help().Desc != ctx.Keys.Editor.Help().Desc {
		t.Fatal("a short text is shown in part")
	}
	text := manyLines(15000)
	f.SetValue(text)
	f.Focus()
	view := f.View()
	if !f.Partial() || !strings.Contains(view, "Shown in part: 15,000 lines, 1.1 MB. Type at the end; ctrl+e edits it all in your editor.") {
		t.Fatalf("the field says:\n%s", view)
	}
	if !strings.Contains(view, "Linje 15000:") {
		t.Errorf("the window is not at the end:\n%s", view)
	}
	if d := editorKey(ctx, f).Help().Desc; d != "edit all of it" {
		t.Errorf("the help says ctrl+e does %q", d)
	}
	for _, r := range " Slutt." {
		f, _ = f.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	if f.Value() != text+" Slutt." {
		t.Fatalf("typing ends the text with %q", f.Value()[len(f.Value())-30:])
	}
	// Typing on far past the window's end gives it a shorter end again.
	text = manyLines(1500)
	f.SetValue(text + " Slutt.")
	more := strings.Repeat("ø ", tailBytes/3)
	f, _ = f.Update(tea.PasteMsg{Content: more})
	for range 400 {
		f, _ = f.Update(tea.KeyPressMsg{Code: 'x', Text: "x"})
	}
	if want := text + " Slutt." + more + strings.Repeat("x", 400); f.Value() != want || len(f.shown) > 2*tailBytes {
		t.Fatalf("typed on, the field holds %d bytes (%d in the textarea)", len(f.Value()), len(f.shown))
	}
	// A paste into the middle of a short text lands at the cursor.
	f.SetValue("ab\ncd")
	f, _ = f.Update(tea.KeyPressMsg{Code: tea.KeyUp})
	f, _ = f.Update(tea.PasteMsg{Content: "X\r\nY"})
	if f.Value() != "aX\nYb\ncd" && f.Value() != "abX\nY\ncd" {
		t.Errorf("pasted into the middle: %q", f.Value())
	}
	// A long one too, into a text that then is shown in part.
	f.SetValue("ab\ncd")
	f, _ = f.Update(tea.KeyPressMsg{Code: tea.KeyUp})
	f, _ = f.Update(tea.PasteMsg{Content: text})
	if !f.Partial() || !strings.HasPrefix(f.Value(), "ab") || !strings.HasSuffix(f.Value(), "\ncd") || len(f.Value()) != len(text)+5 {
		t.Errorf("a long paste into the middle gave %d bytes starting %q", len(f.Value()), f.Value()[:10])
	}
}

// The editable end of a long text starts at a line, or inside a line too
// long for it, never inside a character.
func TestTailStart(t *testing.T) {
	for _, s := range []string{manyLines(15000), manyLines(15000) + "\n", oneLongLine(1 << 20), strings.Repeat("ø", 1<<19), "a\n" + oneLongLine(1<<16)} {
		cut := tailStart(s)
		tail := s[cut:]
		if cut == 0 || len(tail) > tailBytes || strings.Count(tail, "\n") >= tailLines || !utf8.ValidString(tail) || !utf8.ValidString(s[:cut]) {
			t.Errorf("a text of %d bytes is cut at %d (%d bytes, %d lines in the end)", len(s), cut, len(tail), strings.Count(tail, "\n"))
		}
		if strings.Contains(s[:cut], "\n") && !strings.Contains(tail, "\n") && len(s)-strings.LastIndexByte(s, '\n') <= tailBytes && s[cut-1] != '\n' {
			t.Errorf("cut inside a short line at %d", cut)
		}
	}
}

// A rendered page whose lines fit (Glamour wraps them) is not soft-wrapped
// again: wrapping, the viewport measures every line on every View.
func TestRenderedPageWrapsOnlyWhatIsWide(t *testing.T) {
	ctx := testContext(t, "en")
	for _, tc := range []struct {
		md   string
		wrap bool
	}{
		{"## Q\n\n" + manyLines(2000), false},
	} {
		p := newPager(ctx)
		p.setSize(ctx.Width, ctx.Height-4)
		p.rendered(p.show("page", tc.md)().(renderedMsg))
		if p.vp.SoftWrap != tc.wrap {
			t.Errorf("%q…: soft wrap %v", tc.md[:12], p.vp.SoftWrap)
		}
		if !strings.Contains(p.View(), "x") && !strings.Contains(p.View(), "Linje 1:") {
			t.Errorf("the page shows:\n%s", p.View())
		}
	}
}

// A long answer is edited through a window that follows the cursor: the
// text is whole, typing lands where the cursor is, at its beginning, in
// its middle and at its end, and the textarea never holds all of it.
func TestLongAnswerThroughAWindow(t *testing.T) {
	ctx := testContext(t, "en")
	f := newTextArea(ctx, "")
	f.SetWidth(80)
	f.SetHeight(10)
	var lines []string
	for i := range 400 {
		lines = append(lines, fmt.Sprintf("Line %d of a long answer about the rota and Ingrid's question.", i+1))
	}
	text := strings.Join(lines, "\n")
	f.SetValue(text)
	f.Focus()
	if f.Partial() || len(f.ta.Value()) >= len(text) || f.Value() != text {
		t.Fatalf("partial %v, the textarea holds %d of %d bytes", f.Partial(), len(f.ta.Value()), len(text))
	}
	if !strings.Contains(f.View(), "Line 400 of") {
		t.Errorf("the cursor's end is not on show:\n%s", f.View())
	}
	key := func(msg tea.KeyPressMsg) { f, _ = f.Update(msg) }
	typ := func(s string) {
		for _, r := range s {
			key(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
	// Up 250 lines, to the start of line 150: the window follows.
	for range 250 {
		key(tea.KeyPressMsg{Code: tea.KeyUp})
	}
	key(tea.KeyPressMsg{Code: tea.KeyHome})
	typ("» ")
	lines[149] = "» " + lines[149]
	if f.Value() != strings.Join(lines, "\n") {
		t.Fatalf("typed in the middle, line 150 reads %q", strings.Split(f.Value(), "\n")[149])
	}
	if !strings.Contains(ansi.Strip(f.View()), "» Line 150 of") {
		t.Errorf("the window does not show the cursor's line:\n%s", f.View())
	}
	// To the very beginning, and to the very end.
	key(tea.KeyPressMsg{Code: tea.KeyHome, Mod: tea.ModCtrl})
	typ("Start. ")
	key(tea.KeyPressMsg{Code: tea.KeyEnd, Mod: tea.ModCtrl})
	typ(" End.")
	lines[0] = "Start. " + lines[0]
	lines[399] += " End."
	if f.Value() != strings.Join(lines, "\n") {
		t.Fatalf("the beginning %q, the end %q", f.Value()[:20], f.Value()[len(f.Value())-20:])
	}
	// A new line in the middle keeps every other line where it was.
	for range 100 {
		key(tea.KeyPressMsg{Code: tea.KeyUp})
	}
	key(tea.KeyPressMsg{Code: tea.KeyEnter})
	if got := strings.Count(f.Value(), "\n"); got != 400 {
		t.Errorf("%d newlines after one enter, want 400", got)
	}
	if len(f.ta.Value()) > 4*windowBytes {
		t.Errorf("the textarea holds %d bytes", len(f.ta.Value()))
	}
}

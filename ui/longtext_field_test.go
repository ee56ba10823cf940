package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
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

package ui

import (
	"strings"
	"tillit/journal"
	"tillit/locale"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// newInput is a one-line text field in tillit's look.
func newInput(ctx *Context, placeholder string) textinput.Model {
	ti := textinput.New()
	ti.Prompt = "┃ "
	ti.Placeholder = placeholder
	ti.CharLimit = 0
	ti.SetStyles(ctx.Styles.TextInput)
	return ti
}

// dialog is a question in a box in the middle of the screen; on a short
// window the box sheds its padding so all of it fits.
func dialog(ctx *Context, text string) string {
	style := ctx.Styles.Dialog.Width(min(60, ctx.Width-4))
	if ctx.Height < 18 {
		style = style.Padding(0, 1)
	}
	return lipgloss.Place(ctx.Width, max(1, ctx.Height-5), lipgloss.Center, lipgloss.Center, style.Render(text))
}

// sectionHeading finds the section for message id in a body, written in
// any language tillit speaks (a reflection written in Norwegian and opened
// in English is the same reflection); else it is the heading in the
// user's language, for a new section.
func sectionHeading(ctx *Context, b journal.Body, id string) string {
	for _, lang := range append([]string{ctx.Lang.Lang()}, locale.Supported...) {
		h := locale.New(lang).T(id)
		if _, ok := b.Answer(h); ok {
			return h
		}
	}
	return ctx.T(id)
}

// resumedText is what a field shows after resuming a draft: the draft's
// text where the user changed it, else what the file holds now (which
// someone else may have written meanwhile); both, when both changed it.
func resumedText(a journal.DraftAnswer, current string) string {
	return mergedText(a.Base, a.Text, current, "\n\n")
}

// mergedText is a field's text when the file changed under it: base is
// what the field held when the user began, ours what they wrote, theirs
// what the file holds now. A field only one side changed takes that side's
// text; one both changed keeps both texts, the file's first, joined by sep,
// so that nobody's words are lost. The user sees them before saving.
func mergedText(base, ours, theirs, sep string) string {
	same := func(a, b string) bool { return strings.TrimSpace(a) == strings.TrimSpace(b) }
	switch {
	case same(ours, base):
		return theirs
	case same(theirs, base), same(theirs, ours), strings.Contains(ours, strings.TrimSpace(theirs)):
		return ours
	}
	return strings.TrimSpace(theirs) + sep + strings.TrimSpace(ours)
}

// mergePart merges one part of a document (an answer, a section) after a
// conflict: as it was loaded, as the screen has it, and as the file has it
// now. Untouched here, the part is the file's, privacy and all. Written
// here, it stays private if either side made it so: what was typed as
// private never turns public because another window said so.
func mergePart(loaded string, loadedPrivate bool, shown string, shownPrivate bool, theirs string, theirsPrivate bool) (string, bool) {
	text := mergedText(loaded, shown, theirs, "\n\n")
	if shown != loaded || shownPrivate != loadedPrivate {
		return text, shownPrivate || theirsPrivate
	}
	return text, theirsPrivate
}

package ui

import (
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

// mergedText and mergePart merge a field, and a part of a document, after
// a conflict: the journal's own merge (journal.MergeText, MergePart), which a
// sync of two machines uses for a day changed on both.
var (
	mergedText = journal.MergeText
	mergePart  = journal.MergePart
)

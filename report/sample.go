package report

import (
	"slices"

	"tillit/content"
	"tillit/journal"
	"tillit/locale"
)

// SampleText gathers what a sample journal says in the interface's
// language: the made-up answers and notes, the pack's questions and titles,
// and the headings the weekly reflection writes.
func SampleText(lang *locale.Catalog, pack *content.Pack) (journal.SampleText, error) {
	st, err := content.Sample(lang.Lang())
	if err != nil {
		return journal.SampleText{}, err
	}
	focusPack := ""
	if !pack.IsBuiltin() {
		focusPack = pack.ID // as the weekly reflection writes it
	}
	tipOf := func(n int) content.Tip {
		t, _ := pack.Tip(n)
		return t
	}
	return journal.SampleText{
		// An answer belongs to its tip and question; a pack of the user's
		// own gets the built-in pack's answers only where the tip and the
		// question are the same.
		Answer: func(tip int, q string) string {
			t := tipOf(tip)
			return st.Answer(t.ID, slices.Index(t.Questions, q))
		},
		Commitment: func(tip int) string {
			t := tipOf(tip)
			if c, ok := st.Commitments[t.ID]; ok {
				return c
			}
			return t.Commitment
		},
		Notes:    st.Notes,
		WentWell: st.WentWell, Learned: st.Learned, MentorQuestions: st.MentorQuestions,
		Hard: st.Hard, Control: st.Control, Next: st.Next,
		WentWellHeading: lang.T("reflection.went_well"), LearnedHeading: lang.T("reflection.learned"),
		HardHeading: lang.T("reflection.hard"), ControlHeading: lang.T("reflection.control"),
		FocusHeading: lang.T("reflection.focus"), NextHeading: lang.T("reflection.next"),
		MentorHeading: lang.T("reflection.mentor"),
		Pack:          pack.ID, PackVersion: pack.Version, FocusPack: focusPack,
		Questions: func(tip, k int) []string {
			t, _ := pack.Tip(tip)
			return t.QuestionsFor(k)
		},
		TipTitle: func(tip int) string {
			t, _ := pack.Tip(tip)
			return t.Title
		},
	}, nil
}

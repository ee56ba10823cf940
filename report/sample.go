package report

import (
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
	return journal.SampleText{
		Answers: st.Answers, Notes: st.Notes, Commitments: st.Commitments,
		WentWell: st.WentWell, Learned: st.Learned, MentorQuestions: st.MentorQuestions,
		WentWellHeading: lang.T("reflection.went_well"), LearnedHeading: lang.T("reflection.learned"),
		FocusHeading: lang.T("reflection.focus"), MentorHeading: lang.T("reflection.mentor"),
		Pack: pack.ID, PackVersion: pack.Version, FocusPack: focusPack,
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

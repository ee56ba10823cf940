package ui

import tea "charm.land/bubbletea/v2"

// The rhythm of the check-ins: each one moves on to the next tip, and a tip
// comes back after about fourteen. What the check-in asks follows from that.

// ratingQuestion is what the rating asks. On a tip met for the first time
// there is nothing yet to have done well: it asks where the user stands.
func (m *checkinModel) ratingQuestion() string {
	if m.lastTime == nil {
		return m.ctx.T("checkin.rating.question_first")
	}
	return m.ctx.T("checkin.rating.question")
}

// offerPractice puts the tip's practice, said as a commitment, in the
// commitment field when the step is first reached: the default, kept with
// enter, changed or cleared like any text. A practice offered for another
// tip (the user went back and chose one) and left as it was is replaced;
// a field the user emptied stays empty, and an entry being edited keeps
// what it has.
func (m *checkinModel) offerPractice() {
	v, practice := m.commitment.Value(), m.tip.Commitment
	switch {
	case m.editing || practice == "":
		return
	case v == "" && m.offered == "":
	case v != "" && v == m.offered && v != practice:
	default:
		return
	}
	m.offered, m.offerFresh = practice, true
	m.commitment.SetValue(practice)
	// Its start in view: a practice can be longer than the field.
	m.commitment.CursorStart()
}

// commitmentHint says what the commitment field holds: the tip's practice,
// offered, or the user's own words.
func (m *checkinModel) commitmentHint() string {
	if v := m.commitment.Value(); v != "" && v == m.offered {
		return m.ctx.T("checkin.commitment.hint_practice")
	}
	return m.ctx.T("checkin.commitment.hint")
}

// typeOverPractice makes the offered practice behave like a default value
// that is selected: while it is untouched, typing or pasting replaces it;
// any other key (an arrow, backspace) starts editing it instead.
func (m *checkinModel) typeOverPractice(msg tea.Msg) {
	if !m.offerFresh {
		return
	}
	var replaces bool
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		replaces = msg.Text != ""
	case tea.PasteMsg:
		replaces = true
	default:
		return
	}
	m.offerFresh = false
	if replaces && m.commitment.Value() == m.offered {
		m.commitment.SetValue("")
	}
}

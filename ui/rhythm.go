package ui

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
// commitment field when its step is reached: the default, kept with
// enter, changed or cleared like any text. A practice offered for another
// tip (the user went back and chose one) and left as it was is replaced;
// a field the user emptied stays empty, and an entry being edited keeps
// what it has.
func (m *checkinModel) offerPractice() {
	c, practice := m.commitment, m.tip.Commitment
	switch v := c.Value(); {
	case m.editing || practice == "":
	case v == "" && c.offered == "", v != "" && v == c.offered && v != practice:
		c.offer(practice)
	}
}

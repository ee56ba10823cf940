package journal

import (
	"fmt"
	"path/filepath"
	"slices"

	"go.yaml.in/yaml/v3"
)

// Mentoring is the note of a meeting with the mentor or coach: what was
// discussed, what the mentor suggested, what the manager takes with them,
// and which of their questions were answered. It lives beside the day's
// entry, as YYYY/MM/YYYY-MM-DD-mentoring.md.
type Mentoring struct {
	document
	MentoringMeta

	orig MentoringMeta
}

// MentoringMeta is what the front matter of a mentoring note says.
type MentoringMeta struct {
	Date     Date
	Mentor   string   // who the mentor is, if the manager says
	Answered []string // the mentor questions the meeting answered, as written
	Private  bool
}

// MentoringPath returns where the mentoring note of day d lives.
func (s *Store) MentoringPath(d Date) string {
	return filepath.Join(s.Root, fmt.Sprintf("%04d", d.Year), fmt.Sprintf("%02d", d.Month), d.String()+"-mentoring.md")
}

// NewMentoring returns an empty mentoring note, not yet on disk.
func NewMentoring(path string, d Date) *Mentoring {
	return &Mentoring{document: document{Path: path}, MentoringMeta: MentoringMeta{Date: d}}
}

// ParseMentoring reads a mentoring note; like ParseEntry it refuses a file
// it must not touch.
func ParseMentoring(path string, data []byte) (*Mentoring, error) {
	doc, err := parseDocument(path, data)
	if err != nil {
		return nil, err
	}
	m := &Mentoring{document: doc}
	d := &m.document
	m.Date = d.date("date")
	m.Mentor = d.text("mentor")
	m.Answered = d.lines("answered")
	m.Private = d.private()
	m.orig = m.MentoringMeta
	m.orig.Answered = slices.Clone(m.Answered)
	if n, ok := mentoringName(filepath.Base(path)); ok && n.real {
		if !m.Date.IsZero() && m.Date != n.day {
			d.problem(Problem{Key: "date", Kind: ProblemDiffers, Value: m.Date.String(), Want: n.day.String()},
				"%s differs from the file name (%s)", m.Date, n.day)
		}
		m.Date = n.day
	}
	return m, nil
}

// Render returns the file as it should be written.
func (m *Mentoring) Render() ([]byte, error) {
	fe := &frontEdit{f: &m.front}
	put := fe.put
	n, o := m.MentoringMeta, m.orig
	fe.putFirst("date", n.Date != o.Date, dateNode(n.Date))
	put("mentor", n.Mentor != o.Mentor, n.Mentor != "", func() *yaml.Node { return stringNode(n.Mentor) })
	put("answered", !slices.Equal(n.Answered, o.Answered), len(n.Answered) > 0, func() *yaml.Node { return linesNode(n.Answered) })
	fe.putPrivate(n.Private != o.Private, n.Private)
	return m.render(fe.changed)
}

// Clone returns a fresh copy of the note as it was read.
func (m *Mentoring) Clone() *Mentoring {
	return cloneDoc(&m.document, func() *Mentoring { return NewMentoring(m.Path, m.Date) }, ParseMentoring)
}

// LoadMentoring reads the mentoring note of day d, or returns a new one.
func (s *Store) LoadMentoring(d Date) (*Mentoring, error) {
	path := s.MentoringPath(d)
	return loadDoc(s, path, func() *Mentoring { return NewMentoring(path, d) }, ParseMentoring)
}

// SaveMentoring writes a mentoring note atomically, refusing when the file
// changed on disk since it was read.
func (s *Store) SaveMentoring(m *Mentoring) error {
	return saveDoc(s, m, &m.document, m.Render, ParseMentoring)
}

// MentorQuestion is a question for the mentor from a weekly reflection.
type MentorQuestion struct {
	Week       Week
	Text       string
	AnsweredOn Date // the day of the mentoring note that answered it; zero while open
	// Private is set when the question is private: its reflection is, or
	// the question stands only in private parts of its text.
	Private bool
	// AnswerPrivate is set when the note of AnsweredOn is private.
	AnswerPrivate bool

	publicAnsweredOn Date // the first public note that answered it
}

// Answered reports whether a mentoring note marked the question answered.
func (q MentorQuestion) Answered() bool { return !q.AnsweredOn.IsZero() }

// ForOthers returns the question as other eyes may see it, answered only
// by a public mentoring note; false when the question itself is private.
func (q MentorQuestion) ForOthers() (MentorQuestion, bool) {
	if q.Private {
		return MentorQuestion{}, false
	}
	q.AnsweredOn, q.AnswerPrivate = q.publicAnsweredOn, false
	return q, true
}

// MentorQuestions gathers the questions for the mentor from the weekly
// reflections of the weeks from..to (inclusive), each with the first
// mentoring note after its week began that marked it answered.
func (j *Journal) MentorQuestions(from, to Week) []MentorQuestion {
	var out []MentorQuestion
	for w := from; !to.Before(w); w = w.Add(1) {
		r := j.Reflections[w]
		if r == nil {
			continue
		}
		for _, q := range r.MentorQuestions {
			mq := MentorQuestion{Week: w, Text: q, Private: r.questionPrivate(q)}
			for _, m := range j.Mentorings {
				if m.Date.Before(w.Monday()) || !slices.Contains(m.Answered, q) {
					continue
				}
				if mq.AnsweredOn.IsZero() || m.Date.Before(mq.AnsweredOn) {
					mq.AnsweredOn, mq.AnswerPrivate = m.Date, m.Private
				}
				if !m.Private && (mq.publicAnsweredOn.IsZero() || m.Date.Before(mq.publicAnsweredOn)) {
					mq.publicAnsweredOn = m.Date
				}
			}
			out = append(out, mq)
		}
	}
	return out
}

// AnsweredQuestion is a question a mentoring note marks answered.
type AnsweredQuestion struct {
	Text string
	// Private is set unless the note is public and the question is a
	// public question of a public reflection: a question from a private
	// reflection, or one whose reflection cannot be found, stays private.
	Private bool
}

// Answered returns the questions note m marks answered, each with whether
// it is private. Without a journal to look in, every one is.
func (j *Journal) Answered(m *Mentoring) []AnsweredQuestion {
	var out []AnsweredQuestion
	for _, text := range m.Answered {
		public := false
		if j != nil && !m.Private {
			for _, r := range j.Reflections {
				if slices.Contains(r.MentorQuestions, text) && !r.questionPrivate(text) {
					public = true
					break
				}
			}
		}
		out = append(out, AnsweredQuestion{Text: text, Private: !public})
	}
	return out
}

// OpenMentorQuestions are the questions no mentoring note has answered yet,
// from every reflection up to week w.
func (j *Journal) OpenMentorQuestions(w Week) []MentorQuestion {
	first := w
	for rw := range j.Reflections {
		if rw.Before(first) {
			first = rw
		}
	}
	var open []MentorQuestion
	for _, q := range j.MentorQuestions(first, w) {
		if !q.Answered() {
			open = append(open, q)
		}
	}
	return open
}

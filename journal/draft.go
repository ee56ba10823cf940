package journal

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Draft is a check-in being written: saved while the manager types so that
// nothing is lost to ctrl+c, a closed terminal or a crash.
type Draft struct {
	Day Date `json:"day"`
	// Week is set for the draft of a weekly reflection (then Tip is its
	// focus tip); Kind is "mentoring" for a mentoring note's.
	Week         string        `json:"week,omitempty"`
	Kind         string        `json:"kind,omitempty"`
	Tip          int           `json:"tip"`
	Step         int           `json:"step"`
	Answers      []DraftAnswer `json:"answers"`
	Rating       int           `json:"rating,omitempty"`
	Energy       int           `json:"energy,omitempty"`
	Commitment   string        `json:"commitment,omitempty"`
	Followup     Followup      `json:"followup,omitempty"`
	FollowupNote string        `json:"followup_note,omitempty"`
	FollowupOf   *Date         `json:"followup_of,omitempty"`
	Private      bool          `json:"private,omitempty"`
	Updated      time.Time     `json:"updated"`
}

// DraftAnswer is one question and what has been written so far.
type DraftAnswer struct {
	Question string `json:"question"`
	Text     string `json:"text"`
	Private  bool   `json:"private,omitempty"`
	// Base is what the field held when the draft began: a field the user
	// did not change takes what the file holds now when the draft is
	// resumed, so nobody else's words are written over.
	Base string `json:"base,omitempty"`
}

// HasText reports whether the draft holds anything the manager wrote.
func (d *Draft) HasText() bool {
	for _, a := range d.Answers {
		if a.Text != "" {
			return true
		}
	}
	// A reflection's focus tip or a private mark, alone, was set by hand
	// too.
	if d.Week != "" && d.Tip > 0 {
		return true
	}
	for _, a := range d.Answers {
		if a.Private {
			return true
		}
	}
	return d.Commitment != "" || d.FollowupNote != ""
}

// DraftPath returns where the draft of a day's check-in is kept.
func (s *Store) DraftPath(day Date) string { return s.draftFile("checkin-" + day.String()) }

// WeekDraftPath returns where the draft of a week's reflection is kept.
func (s *Store) WeekDraftPath(w Week) string { return s.draftFile("week-" + w.String()) }

func (s *Store) draftFile(name string) string {
	return filepath.Join(s.AppDir(), "drafts", name+".json")
}

// draftPathOf is where the draft belongs: a week's reflection, a mentoring
// note, or a day's check-in.
func (s *Store) draftPathOf(d *Draft) string {
	switch {
	case d.Week != "":
		return s.draftFile("week-" + d.Week)
	case d.Kind == "mentoring":
		return s.MentoringDraftPath(d.Day)
	}
	return s.DraftPath(d.Day)
}

// MentoringDraftPath returns where the draft of a day's mentoring note is
// kept.
func (s *Store) MentoringDraftPath(day Date) string { return s.draftFile("mentoring-" + day.String()) }

// LoadMentoringDraft returns the draft of a day's mentoring note, or nil.
func (s *Store) LoadMentoringDraft(day Date) (*Draft, error) {
	return s.loadDraft(s.MentoringDraftPath(day))
}

// RemoveDraft removes a draft once what it held is saved.
func (s *Store) RemoveDraft(d *Draft) error {
	path := s.draftPathOf(d)
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", path, err)
	}
	return nil
}

// SaveDraft writes the draft atomically, readable only by the user.
func (s *Store) SaveDraft(d *Draft) error {
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	return s.write(s.draftPathOf(d), data)
}

// LoadDraft returns the draft of a day's check-in, or nil when there is none.
func (s *Store) LoadDraft(day Date) (*Draft, error) { return s.loadDraft(s.DraftPath(day)) }

// LoadWeekDraft returns the draft of a week's reflection, or nil.
func (s *Store) LoadWeekDraft(w Week) (*Draft, error) { return s.loadDraft(s.WeekDraftPath(w)) }

// DeleteWeekDraft removes a week's draft once its reflection is saved.
func (s *Store) DeleteWeekDraft(w Week) error {
	err := os.Remove(s.WeekDraftPath(w))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", s.WeekDraftPath(w), err)
	}
	return nil
}

func (s *Store) loadDraft(path string) (*Draft, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var d Draft
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("%s: not a draft tillit can read: %w", path, err)
	}
	return &d, nil
}

// DiscardDraft moves a day's check-in draft to <root>/.tillit/trash.
func (s *Store) DiscardDraft(day Date, now time.Time) error {
	return s.TrashDraft(&Draft{Day: day}, now)
}

// TrashDraft moves a draft to <root>/.tillit/trash, where it can still be
// found by hand if discarding it was a mistake.
func (s *Store) TrashDraft(d *Draft, now time.Time) error {
	from := s.draftPathOf(d)
	dir := filepath.Join(s.AppDir(), "trash")
	if err := s.mkdirs(dir); err != nil {
		return err
	}
	to := filepath.Join(dir, strings.TrimSuffix(filepath.Base(from), ".json")+"-"+now.Format("20060102-150405")+".json")
	if err := os.Rename(from, to); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("move %s to %s: %w", from, to, err)
	}
	return nil
}

// SetDraftAside moves a draft that cannot be read out of the way (to
// <name>.bad beside it), so the day can be checked in again; it returns the
// new path.
func (s *Store) SetDraftAside(day Date) (string, error) {
	from := s.DraftPath(day)
	to := from + ".bad"
	if err := os.Rename(from, to); err != nil {
		return "", fmt.Errorf("move %s aside: %w", from, err)
	}
	return to, nil
}

// AddsTo reports whether the draft holds anything the entry does not: a
// draft that a save already put in the entry is not worth offering.
func (d *Draft) AddsTo(e *Entry) bool {
	if e.Tip != d.Tip || e.Rating != d.Rating || e.Energy != d.Energy || e.Private != d.Private ||
		oneLine(d.Commitment) != oneLine(e.Commitment) || d.Followup != e.Followup || oneLine(d.FollowupNote) != oneLine(e.FollowupNote) {
		return true
	}
	for _, a := range d.Answers {
		got, ok := e.Body.Answer(oneLine(a.Question))
		want := trimBlankLines(safeText(a.Text))
		if want == "" && !ok {
			continue
		}
		if !ok || got.Text != want || got.Private != a.Private {
			return true
		}
	}
	return false
}

// DeleteDraft removes a day's draft once its entry is saved.
func (s *Store) DeleteDraft(day Date) error {
	err := os.Remove(s.DraftPath(day))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", s.DraftPath(day), err)
	}
	return nil
}

// WriteScratch puts text in a private file under <root>/.tillit/edit for an
// external editor to open, and returns its path.
func (s *Store) WriteScratch(name, text string) (string, error) {
	path := filepath.Join(s.AppDir(), "edit", name)
	if err := s.write(path, []byte(text)); err != nil {
		return "", err
	}
	return path, nil
}

// ReadScratch reads back a scratch file and removes it.
func (s *Store) ReadScratch(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	_ = os.Remove(path)
	return string(data), nil
}

// Drafts lists the days that have an unfinished check-in.
func (s *Store) Drafts() ([]Date, error) {
	dir := filepath.Join(s.AppDir(), "drafts")
	files, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	var days []Date
	for _, f := range files {
		name, ok := strings.CutPrefix(f.Name(), "checkin-")
		if !ok {
			continue
		}
		if d, err := ParseDate(strings.TrimSuffix(name, ".json")); err == nil {
			days = append(days, d)
		}
	}
	return days, nil
}

// Markdown returns what the manager wrote in the draft, as markdown: for
// showing it when it can be kept nowhere else (a full disk).
func (d *Draft) Markdown() string {
	var b strings.Builder
	section := func(heading, text string) {
		if text = trimBlankLines(text); text == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		if heading != "" {
			b.WriteString("## " + heading + "\n\n")
		}
		b.WriteString(text + "\n")
	}
	if d.FollowupNote != "" {
		section("", "followup_note: "+d.FollowupNote)
	}
	for _, a := range d.Answers {
		section(a.Question, a.Text)
	}
	if d.Commitment != "" {
		section("", "commitment: "+d.Commitment)
	}
	return b.String()
}

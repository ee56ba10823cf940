package journal

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Reflection is the weekly reflection: what went well, what the manager
// learned, which tip to focus on next week, questions for the mentor. It
// lives in YYYY/YYYY-Www.md (the ISO week-year), one `##` section per
// question like a daily entry.
type Reflection struct {
	document
	ReflectionMeta

	orig ReflectionMeta
	// focusPrivate is FocusPrivate for a reflection known only by its
	// summary (Partial).
	focusPrivate bool
}

// ReflectionMeta is what the front matter of a weekly reflection says.
type ReflectionMeta struct {
	Week            Week
	FocusTip        int      // the tip to focus on next week; 0 for none
	MentorQuestions []string // questions to bring to the mentor
	Pack            string   // the pack focus_tip counts in; empty for the built-in one
	Private         bool
}

// ReflectionPath returns where the reflection of week w lives.
func (s *Store) ReflectionPath(w Week) string {
	return filepath.Join(s.Root, fmt.Sprintf("%04d", w.Year), w.String()+".md")
}

// NewReflection returns an empty reflection for a week, not yet on disk.
func NewReflection(path string, w Week) *Reflection {
	return &Reflection{document: document{Path: path}, ReflectionMeta: ReflectionMeta{Week: w}}
}

// ParseReflection reads a weekly reflection; like ParseEntry it refuses a
// file it must not touch.
func ParseReflection(path string, data []byte) (*Reflection, error) {
	doc, err := parseDocument(path, data)
	if err != nil {
		return nil, err
	}
	r := &Reflection{document: doc}
	d := &r.document
	if v := d.text("week"); v != "" {
		w, err := ParseWeek(v)
		if err != nil {
			d.problem(Problem{Key: "week", Kind: ProblemNotWeek, Value: v}, "%v", err)
		}
		r.Week = w
	}
	r.FocusTip = d.number("focus_tip", 1, 999)
	r.MentorQuestions = d.lines("mentor_questions")
	r.Pack = d.text("pack")
	r.Private = d.private()
	r.orig = r.ReflectionMeta
	r.orig.MentorQuestions = slices.Clone(r.MentorQuestions)
	if w, ok := weekFromFileName(path); ok {
		if r.Week != (Week{}) && r.Week != w {
			d.problem(Problem{Key: "week", Kind: ProblemDiffers, Value: r.Week.String(), Want: w.String()},
				"%s differs from the file name (%s)", r.Week, w)
		}
		r.Week = w
	}
	return r, nil
}

// weekFromFileName reads the week from a name like 2026-W48.md.
func weekFromFileName(path string) (Week, bool) {
	n, ok := weekName(filepath.Base(path))
	return n.week, ok && n.real
}

// Render returns the file as it should be written; untouched parts keep
// their bytes.
func (r *Reflection) Render() ([]byte, error) {
	fe := &frontEdit{f: &r.front}
	put := fe.put
	m, o := r.ReflectionMeta, r.orig
	put("week", m.Week != o.Week, true, func() *yaml.Node { return stringNode(m.Week.String()) })
	put("pack", m.Pack != o.Pack, m.Pack != "", func() *yaml.Node { return stringNode(m.Pack) })
	put("focus_tip", m.FocusTip != o.FocusTip, m.FocusTip > 0, func() *yaml.Node { return intNode(m.FocusTip) })
	put("mentor_questions", !slices.Equal(m.MentorQuestions, o.MentorQuestions), len(m.MentorQuestions) > 0, func() *yaml.Node { return linesNode(m.MentorQuestions) })
	fe.putPrivate(m.Private != o.Private, m.Private)
	return r.render(fe.changed)
}

// Clone returns a fresh copy of the reflection as it was read.
func (r *Reflection) Clone() *Reflection {
	return cloneDoc(&r.document, func() *Reflection { return NewReflection(r.Path, r.Week) }, ParseReflection)
}

// LoadReflection reads the reflection of week w, or returns a new one.
func (s *Store) LoadReflection(w Week) (*Reflection, error) {
	path := s.ReflectionPath(w)
	return loadDoc(s, path, func() *Reflection { return NewReflection(path, w) }, ParseReflection)
}

// SaveReflection writes a reflection atomically, refusing when the file
// changed on disk since it was read.
func (s *Store) SaveReflection(r *Reflection) error {
	return saveDoc(s, r, &r.document, r.Render, ParseReflection)
}

// questionPrivate reports whether question q of the reflection is private:
// the whole reflection is, or q is written in a private part of its text
// and in no public part (a file edited by hand may list in its front
// matter a question it keeps private below).
func (r *Reflection) questionPrivate(q string) bool {
	if r.Private {
		return true
	}
	inPrivate, inPublic := false, false
	for _, b := range r.Body.Blocks {
		if strings.Contains(b.Text, q) || strings.Contains(b.Heading, q) {
			if b.Private {
				inPrivate = true
			} else {
				inPublic = true
			}
		}
	}
	return inPrivate && !inPublic
}

// FocusPrivate reports whether the focus tip of the reflection is private:
// the whole reflection is, or the section that names the tip ("3 · …", as
// the reflection editor writes it) stands in a private part and in no
// public one. Derived from a private part, the choice is private too.
func (r *Reflection) FocusPrivate() bool {
	if r.Private || r.partial && r.focusPrivate {
		return true
	}
	if r.FocusTip <= 0 {
		return false
	}
	mark := fmt.Sprintf("%d ·", r.FocusTip)
	inPrivate, inPublic := false, false
	for _, b := range r.Body.Blocks {
		first, _, _ := strings.Cut(strings.TrimSpace(b.Text), "\n")
		if !strings.HasPrefix(strings.Join(strings.Fields(first), " "), mark) {
			continue
		}
		if b.Private {
			inPrivate = true
		} else {
			inPublic = true
		}
	}
	return inPrivate && !inPublic
}

package journal

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Assessment is a self-assessment: where the manager stands on each tip of
// a pack today, 1–5, taken at the start of the programme and again after
// a round of the tips, so that what changed is not a guess. Beside it, when
// the manager asked them, stands what the staff said to three questions in
// a meeting (the pulse): the programme need not rest on the manager's own
// view alone. It lives beside the day's entry, as
// YYYY/MM/YYYY-MM-DD-assessment.md; its body holds a note.
type Assessment struct {
	document
	AssessmentMeta

	orig AssessmentMeta
}

// AssessmentMeta is what the front matter of an assessment says.
type AssessmentMeta struct {
	Date        Date
	Pack        string // the pack whose tips are rated; empty for the built-in one
	PackVersion string
	// Ratings are where the manager stands on each tip, 1–5: Ratings[n-1]
	// is tip n's, 0 for a tip left out.
	Ratings []int
	Pulse   Pulse
	Private bool
}

// PulseQuestions is how many questions a staff pulse asks.
const PulseQuestions = 3

// Pulse is what the staff said in a meeting to the pulse's questions, as
// the manager wrote it down: how many answered, and the average answer to
// each question (1–5).
type Pulse struct {
	Answered int // 0 when not said
	// Averages holds each question's average, 0 for a question not asked.
	Averages [PulseQuestions]float64
}

// Recorded reports whether the pulse says anything.
func (p Pulse) Recorded() bool { return p != Pulse{} }

// maxTip is the highest tip number the parser takes: it knows no packs,
// and the doctor checks the range of the pack.
const maxTip = 999

// Rating returns the rating of tip n, 0 when it was left out.
func (m *AssessmentMeta) Rating(n int) int {
	if n < 1 || n > len(m.Ratings) {
		return 0
	}
	return m.Ratings[n-1]
}

// SetRating sets the rating of tip n (1–maxTip); 0 leaves it out.
func (m *AssessmentMeta) SetRating(n, v int) {
	if n < 1 || n > maxTip {
		return
	}
	if n > len(m.Ratings) {
		if v == 0 {
			return
		}
		m.Ratings = append(m.Ratings, make([]int, n-len(m.Ratings))...)
	}
	m.Ratings[n-1] = v
	m.Ratings = trimRatings(m.Ratings)
}

// Rated counts the tips given a rating.
func (m *AssessmentMeta) Rated() int {
	n := 0
	for _, r := range m.Ratings {
		if r > 0 {
			n++
		}
	}
	return n
}

// HighestTip is the highest tip number given a rating, 0 for none.
func (m *AssessmentMeta) HighestTip() int { return len(trimRatings(m.Ratings)) }

// trimRatings drops the tips left out at the end: [3 0 0] says what [3]
// says.
func trimRatings(r []int) []int {
	for len(r) > 0 && r[len(r)-1] == 0 {
		r = r[:len(r)-1]
	}
	return r
}

// AssessmentPath returns where the assessment of day d lives.
func (s *Store) AssessmentPath(d Date) string {
	return filepath.Join(s.Root, fmt.Sprintf("%04d", d.Year), fmt.Sprintf("%02d", d.Month), d.String()+"-assessment.md")
}

// NewAssessment returns an empty assessment, not yet on disk.
func NewAssessment(path string, d Date) *Assessment {
	return &Assessment{document: document{Path: path}, AssessmentMeta: AssessmentMeta{Date: d}}
}

// ParseAssessment reads an assessment; like ParseEntry it refuses a file it
// must not touch, and lists the values it cannot use as Problems.
func ParseAssessment(path string, data []byte) (*Assessment, error) {
	doc, err := parseDocument(path, data)
	if err != nil {
		return nil, err
	}
	a := &Assessment{document: doc}
	d := &a.document
	a.Date = d.date("date")
	a.Pack = d.text("pack")
	a.PackVersion = d.text("pack_version")
	a.Ratings = d.ratings("ratings")
	a.Pulse = d.pulse("pulse")
	a.Private = d.private()
	a.orig = a.AssessmentMeta
	a.orig.Ratings = slices.Clone(a.Ratings)
	if n, ok := assessmentName(filepath.Base(path)); ok && n.real {
		if !a.Date.IsZero() && a.Date != n.day {
			d.problem(Problem{Key: "date", Kind: ProblemDiffers, Value: a.Date.String(), Want: n.day.String()},
				"%s differs from the file name (%s)", a.Date, n.day)
		}
		a.Date = n.day
	}
	return a, nil
}

// ratings reads the ratings: a set of keys, a tip's number each, with a
// rating 1–5 (0 or nothing for a tip left out).
func (d *document) ratings(key string) []int {
	n := d.mapping(key, "expected lines of a tip's number and its rating, such as 3: 4")
	if n == nil {
		return nil
	}
	var out []int
	seen := map[int]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := resolve(n.Content[i])
		tip, ok := tipKey(k)
		if !ok {
			d.problem(Problem{Key: key, Kind: ProblemNotNumber, Value: k.Value, Min: 1, Max: maxTip},
				"expected a tip's number from 1 to %d, found %q", maxTip, k.Value)
			continue
		}
		if seen[tip] {
			d.problem(Problem{Key: key, Kind: ProblemTwice, Value: k.Value}, "tip %s is there twice; the first counts", k.Value)
			continue
		}
		seen[tip] = true
		v := d.numberOf(resolve(n.Content[i+1]), key+"."+k.Value, 0, 5)
		if v > 0 {
			out = append(out, make([]int, max(0, tip-len(out)))...)
			out[tip-1] = v
		}
	}
	return trimRatings(out)
}

// mapping returns the set of keys under key, nil when there is none; a
// value that is not one is a Problem (want says what belongs there).
func (d *document) mapping(key, want string) *yaml.Node {
	n := d.front.lookup(key)
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.problem(Problem{Key: key, Kind: ProblemNotMapping}, "%s", want)
		return nil
	}
	return n
}

// tipKey reads a key of the ratings: a tip's number.
func tipKey(k *yaml.Node) (int, bool) {
	if k.Kind != yaml.ScalarNode {
		return 0, false
	}
	tip, err := strconv.Atoi(k.Value)
	return tip, err == nil && tip >= 1 && tip <= maxTip
}

// pulse reads what the staff said: answered (a whole number) and averages
// (a list of numbers 1–5, null for a question not asked).
func (d *document) pulse(key string) Pulse {
	var p Pulse
	n := d.mapping(key, "expected answered: and averages: under it")
	if n == nil {
		return p
	}
	if v := mapValue(n, "answered"); v != nil {
		p.Answered = d.numberOf(v, key+".answered", 1, 9999)
	}
	avg := mapValue(n, "averages")
	switch {
	case avg == nil || avg.Tag == "!!null":
	case avg.Kind != yaml.SequenceNode:
		d.problem(Problem{Key: key + ".averages", Kind: ProblemNotList}, "expected a list")
	default:
		for i, item := range avg.Content {
			if i >= PulseQuestions {
				d.problem(Problem{Key: key + ".averages", Kind: ProblemOutOfRange, Value: fmt.Sprint(len(avg.Content)), Min: 1, Max: PulseQuestions},
					"%d averages, the pulse has %d questions", len(avg.Content), PulseQuestions)
				break
			}
			p.Averages[i] = d.decimalOf(resolve(item), fmt.Sprintf("%s.averages.%d", key, i+1), 1, 5)
		}
	}
	return p
}

// mapValue returns the value of key in a mapping, through an alias.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return resolve(m.Content[i+1])
		}
	}
	return nil
}

// numberOf reads a whole number from lo to hi from a value; nothing (a
// null) is 0. What cannot be used is a Problem, and 0.
func (d *document) numberOf(n *yaml.Node, key string, lo, hi int) int {
	if n == nil || n.Tag == "!!null" {
		return 0
	}
	if n.Kind != yaml.ScalarNode {
		d.problem(Problem{Key: key, Kind: ProblemNotSingle}, "expected a single value, found a %s", kindName(n))
		return 0
	}
	var v int
	if n.Tag != "!!int" || n.Decode(&v) != nil {
		d.problem(Problem{Key: key, Kind: ProblemNotNumber, Value: n.Value, Min: lo, Max: hi},
			"expected a whole number from %d to %d, found %q", lo, hi, n.Value)
		return 0
	}
	if v < lo || v > hi {
		d.problem(Problem{Key: key, Kind: ProblemOutOfRange, Value: n.Value, Min: lo, Max: hi}, "%d is outside %d–%d", v, lo, hi)
		return 0
	}
	return v
}

// decimalOf reads a number from lo to hi, whole or not, from a value;
// nothing is 0.
func (d *document) decimalOf(n *yaml.Node, key string, lo, hi int) float64 {
	if n == nil || n.Tag == "!!null" {
		return 0
	}
	v, err := strconv.ParseFloat(n.Value, 64)
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" && n.Tag != "!!float" || err != nil || math.IsNaN(v) {
		d.problem(Problem{Key: key, Kind: ProblemNotDecimal, Value: n.Value, Min: lo, Max: hi},
			"expected a number from %d to %d, such as 3.5, found %q", lo, hi, n.Value)
		return 0
	}
	if v < float64(lo) || v > float64(hi) {
		d.problem(Problem{Key: key, Kind: ProblemOutOfRange, Value: n.Value, Min: lo, Max: hi}, "%s is outside %d–%d", n.Value, lo, hi)
		return 0
	}
	return v
}

// Render returns the file as it should be written. The ratings and the
// pulse are changed where they stand: a key inside them that tillit does
// not know, and the comments, stay.
func (a *Assessment) Render() ([]byte, error) {
	fe := &frontEdit{f: &a.front}
	put := fe.put
	n, o := a.AssessmentMeta, a.orig
	fe.putFirst("date", n.Date != o.Date, dateNode(n.Date))
	put("pack", n.Pack != o.Pack, n.Pack != "", func() *yaml.Node { return stringNode(n.Pack) })
	put("pack_version", n.PackVersion != o.PackVersion, n.PackVersion != "", func() *yaml.Node { return versionNode(n.PackVersion) })
	if !slices.Equal(trimRatings(n.Ratings), trimRatings(o.Ratings)) {
		fe.changed = true
		a.putRatings(trimRatings(n.Ratings))
	}
	if n.Pulse != o.Pulse {
		fe.changed = true
		a.putPulse(n.Pulse, o.Pulse)
	}
	fe.putPrivate(n.Private != o.Private, n.Private)
	return a.render(fe.changed)
}

// putRatings writes the ratings into the front matter, in the order of
// the tips.
func (a *Assessment) putRatings(ratings []int) {
	m := a.front.get("ratings")
	if m == nil || m.Kind != yaml.MappingNode {
		if len(ratings) == 0 {
			a.front.remove("ratings")
			return
		}
		m = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		a.front.set("ratings", m)
	}
	for tip := 1; tip <= max(len(ratings), highestKey(m)); tip++ {
		v := 0
		if tip <= len(ratings) {
			v = ratings[tip-1]
		}
		at := -1
		for i := 0; i+1 < len(m.Content); i += 2 {
			if t, ok := tipKey(resolve(m.Content[i])); ok && t == tip {
				at = i
				break
			}
		}
		switch {
		case at >= 0 && v > 0:
			old := m.Content[at+1]
			value := intNode(v)
			value.LineComment = old.LineComment
			a.front.detach(old)
			m.Content[at+1] = value
		case at >= 0:
			a.front.detach(m.Content[at+1])
			m.Content = slices.Delete(m.Content, at, at+2)
		case v > 0:
			// Before the first tip after it: the list stays in order.
			where := len(m.Content)
			for i := 0; i+1 < len(m.Content); i += 2 {
				if t, ok := tipKey(resolve(m.Content[i])); ok && t > tip {
					where = i
					break
				}
			}
			m.Content = slices.Insert(m.Content, where, intNode(tip), intNode(v))
		}
	}
	if len(m.Content) == 0 {
		a.front.remove("ratings")
	}
}

// highestKey is the highest tip number a ratings mapping has a key for.
func highestKey(m *yaml.Node) int {
	top := 0
	for i := 0; i+1 < len(m.Content); i += 2 {
		if t, ok := tipKey(resolve(m.Content[i])); ok {
			top = max(top, t)
		}
	}
	return top
}

// putPulse writes the pulse into the front matter: what changed from was.
func (a *Assessment) putPulse(p, was Pulse) {
	m := a.front.get("pulse")
	if m == nil || m.Kind != yaml.MappingNode {
		if !p.Recorded() {
			a.front.remove("pulse")
			return
		}
		m = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		a.front.set("pulse", m)
	}
	setIn := func(key string, value *yaml.Node) {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value != key {
				continue
			}
			a.front.detach(m.Content[i+1])
			if value == nil {
				m.Content = slices.Delete(m.Content, i, i+2)
				return
			}
			value.LineComment = m.Content[i+1].LineComment
			m.Content[i+1] = value
			return
		}
		if value != nil {
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, value)
		}
	}
	var answered, averages *yaml.Node
	if p.Answered > 0 {
		answered = intNode(p.Answered)
	}
	if p.Averages != [PulseQuestions]float64{} {
		averages = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, v := range p.Averages {
			averages.Content = append(averages.Content, decimalNode(v))
		}
	}
	if p.Answered != was.Answered {
		setIn("answered", answered)
	}
	if p.Averages != was.Averages {
		setIn("averages", averages)
	}
	if len(m.Content) == 0 {
		a.front.remove("pulse")
	}
}

// decimalNode writes a number with its decimals (3.5, 4.0), or null for 0.
func decimalNode(v float64) *yaml.Node {
	if v == 0 {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: s}
}

// Clone returns a fresh copy of the assessment as it was read.
func (a *Assessment) Clone() *Assessment {
	return cloneDoc(&a.document, func() *Assessment { return NewAssessment(a.Path, a.Date) }, ParseAssessment)
}

// LoadAssessment reads the assessment of day d, or returns a new one.
func (s *Store) LoadAssessment(d Date) (*Assessment, error) {
	path := s.AssessmentPath(d)
	return loadDoc(s, path, func() *Assessment { return NewAssessment(path, d) }, ParseAssessment)
}

// SaveAssessment writes an assessment atomically, refusing when the file
// changed on disk since it was read.
func (s *Store) SaveAssessment(a *Assessment) error {
	return saveDoc(s, a, &a.document, a.Render, ParseAssessment)
}

// FullAssessment is Full for an assessment.
func (j *Journal) FullAssessment(a *Assessment) (*Assessment, error) {
	if a == nil || !a.partial {
		return a, nil
	}
	return readFull(a.Path, ParseAssessment)
}

// AssessmentsOf returns the assessments of the pack with id (the built-in
// one is builtin, and an assessment without a pack key is of it), oldest
// first.
func (j *Journal) AssessmentsOf(id, builtin string) []*Assessment {
	var out []*Assessment
	for _, a := range j.Assessments {
		if ofPack(a.Pack, id, builtin) {
			out = append(out, a)
		}
	}
	return out
}

// CheckInsSince counts the check-ins of the pack with id made on day or
// after it: how far the manager has come since an assessment.
func (j *Journal) CheckInsSince(day Date, id, builtin string) int {
	n := 0
	for _, e := range OfPack(j.Entries, id, builtin) {
		if e.IsCheckIn() && !e.Date.Before(day) {
			n++
		}
	}
	return n
}

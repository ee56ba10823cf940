package journal

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// An assessment written by tillit reads back as it was meant, and a second
// save of what was read changes no byte.
func TestAssessmentRoundTrip(t *testing.T) {
	s := NewStore(t.TempDir())
	day := d("2026-11-23")
	a, err := s.LoadAssessment(day)
	if err != nil || a.OnDisk() {
		t.Fatalf("a new assessment: %v %v", a.OnDisk(), err)
	}
	a.Pack, a.PackVersion = "trust", "2"
	for tip, r := range map[int]int{1: 3, 2: 4, 7: 2, 14: 5} {
		a.SetRating(tip, r)
	}
	a.Pulse = Pulse{Answered: 8, Averages: [PulseQuestions]float64{3.6, 4, 0}}
	a.Body.SetAnswer("Hva legger jeg merke til?", "Takhøyden er lavere enn jeg trodde.", false)
	a.Body.SetAnswer("Privat", "Om Kari.", true)
	if err := s.SaveAssessment(a); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(s.AssessmentPath(day))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"date: 2026-11-23\n", "pack: trust\n", "pack_version: 2\n",
		"ratings:\n  1: 3\n  2: 4\n  7: 2\n  14: 5\n", "pulse:\n  answered: 8\n  averages: [3.6, 4.0, null]\n",
		"## Hva legger jeg merke til?\n\nTakhøyden", PrivateStart} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file lacks %q:\n%s", want, data)
		}
	}
	if runtime.GOOS != "windows" {
		if info, _ := os.Stat(s.AssessmentPath(day)); info.Mode().Perm() != 0o600 {
			t.Errorf("mode %v", info.Mode().Perm())
		}
	}
	b, err := s.LoadAssessment(day)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(b.Ratings, []int{3, 4, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 5}) || b.Rating(7) != 2 || b.Rating(3) != 0 || b.Rating(99) != 0 {
		t.Errorf("ratings %v", b.Ratings)
	}
	if b.Pulse != a.Pulse || b.Pack != "trust" || b.PackVersion != "2" || b.Rated() != 4 || b.HighestTip() != 14 || len(b.Problems) != 0 {
		t.Errorf("read back %+v, problems %v", b.AssessmentMeta, b.Problems)
	}
	if text, _ := b.Body.Answer("Privat"); !text.Private {
		t.Error("the private part is not private any more")
	}
	again, err := b.Render()
	if err != nil || string(again) != string(data) {
		t.Errorf("saving it unchanged changes it:\n%s\nwant\n%s", again, data)
	}
}

// A hand-edited assessment keeps what tillit does not know — a key of its
// own, a comment, a key inside the pulse — when tillit changes a rating,
// and a tip left out goes from the list.
func TestAssessmentKeepsWhatItDoesNotKnow(t *testing.T) {
	text := "---\ndate: 2026-11-23\nmood: calm\nratings:\n  1: 3 # before the reorganisation\n  3: 2\n  5: 4\npulse:\n  answered: 6\n  where: staff meeting\n  averages: [3, 3.5, 4]\n---\nMy note.\n"
	s := writeJournal(t, map[string]string{"2026/11/2026-11-23-assessment.md": text})
	a, err := s.LoadAssessment(d("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Pulse.Averages != [PulseQuestions]float64{3, 3.5, 4} || a.Pulse.Answered != 6 {
		t.Fatalf("pulse %+v", a.Pulse)
	}
	a.SetRating(1, 4)
	a.SetRating(3, 0)
	a.SetRating(2, 5)
	a.Pulse.Answered = 7
	if err := s.SaveAssessment(a); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(a.Path)
	want := "---\ndate: 2026-11-23\nmood: calm\nratings:\n  1: 4 # before the reorganisation\n  2: 5\n  5: 4\npulse:\n  answered: 7\n  where: staff meeting\n  averages: [3, 3.5, 4]\n---\nMy note.\n"
	if string(data) != want {
		t.Errorf("got\n%s\nwant\n%s", data, want)
	}
	// Every rating taken away, and the pulse: the keys go, the unknown
	// one inside the pulse stays.
	a.Ratings, a.Pulse = nil, Pulse{}
	if err := s.SaveAssessment(a); err != nil {
		t.Fatal(err)
	}
	data, _ = os.ReadFile(a.Path)
	if want := "---\ndate: 2026-11-23\nmood: calm\npulse:\n  where: staff meeting\n---\nMy note.\n"; string(data) != want {
		t.Errorf("got\n%s\nwant\n%s", data, want)
	}
}

// What cannot be used is reported and left out; what cannot be parsed is
// refused and never written.
func TestAssessmentBadValues(t *testing.T) {
	a, err := ParseAssessment("2026/11/2026-11-23-assessment.md", []byte("---\ndate: 2026-11-24\nratings:\n  1: 6\n  2: x\n  two: 3\n  4: 4\n  04: 2\n  5: 0\npulse:\n  answered: many\n  averages: [7, abc, 2.5, 3]\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Ratings, []int{0, 0, 0, 4}) || a.Date != d("2026-11-23") {
		t.Errorf("ratings %v date %s", a.Ratings, a.Date)
	}
	if a.Pulse != (Pulse{Averages: [PulseQuestions]float64{0, 0, 2.5}}) {
		t.Errorf("pulse %+v", a.Pulse)
	}
	var kinds []string
	for _, p := range a.Problems {
		kinds = append(kinds, p.Key+" "+p.Kind)
	}
	want := []string{"date differs_from_name", "ratings.1 out_of_range", "ratings.2 not_number", "ratings not_number", "ratings twice",
		"pulse.answered not_number", "pulse.averages.1 out_of_range", "pulse.averages.2 not_decimal", "pulse.averages out_of_range"}
	slices.Sort(kinds)
	slices.Sort(want)
	if !slices.Equal(kinds, want) {
		t.Errorf("problems %v\nwant %v", kinds, want)
	}
	for _, bad := range []string{"---\nratings: 3\n---\n", "---\npulse: [1, 2]\n---\n"} {
		a, err := ParseAssessment("x-assessment.md", []byte(bad))
		if err != nil || len(a.Problems) != 1 || a.Problems[0].Kind != ProblemNotMapping {
			t.Errorf("%q: %v %v", bad, a.Problems, err)
		}
	}

	for _, text := range []string{"---\nratings:\n  1: 3\n  1: 4\n---\n", "---\nratings: [\n---\n", "---\ndate: 2026-11-23\n"} {
		s := writeJournal(t, map[string]string{"2026/11/2026-11-23-assessment.md": text})
		if _, err := s.LoadAssessment(d("2026-11-23")); !IsParseError(err) {
			t.Errorf("%q: %v", text, err)
		}
		data, _ := os.ReadFile(s.AssessmentPath(d("2026-11-23")))
		if string(data) != text {
			t.Errorf("%q was written", text)
		}
	}
}

// The table of kinds, and so the walker, the doctor and the index, know an
// assessment; what the index holds of one is its numbers and no text.
func TestAssessmentsAreJournalFiles(t *testing.T) {
	if n, ok := nameOf("2026-11-23-assessment.md"); !ok || n.kind != KindAssessment || !n.real || n.home() != "2026/11/" {
		t.Errorf("%+v %v", n, ok)
	}
	if got := Identify("2026/11/2026-11-23-assessment.md"); got != (JournalFile{Kind: AssessmentFile, Day: d("2026-11-23")}) {
		t.Errorf("Identify: %+v", got)
	}
	files := map[string]string{
		"2026/11/2026-11-20.md":             "---\ntip: 1\nrating: 3\n---\n",
		"2026/11/2026-11-23-assessment.md":  "---\npack: trust\npack_version: 2\nratings:\n  1: 3\n  2: 4\npulse:\n  answered: 5\n  averages: [3.25, 4, 2]\nprivate: true\n---\nSecret words.\n",
		"2026/12/2026-12-20-assessment.md":  "---\nratings:\n  1: 4\n  15: 2\n---\n",
		"2026/12/2026-12-21-assessment.md":  "---\nratings: [\n---\n",
		"2026/11/2026-11-23-assessment.txt": "not one\n",
		"2026/12/2026-11-24-assessment.md":  "---\n---\n",
	}
	s := indexed(t, writePrivateJournal(t, files))
	sameAsRead(t, s)
	j := s.Summary()
	if len(j.Assessments) != 2 || len(j.Problems) != 1 {
		t.Fatalf("%d assessments, problems %v", len(j.Assessments), j.Problems)
	}
	a := j.Assessments[0]
	if !a.Partial() || !slices.Equal(a.Ratings, []int{3, 4}) || a.Pulse.Averages[0] != 3.25 || a.Pulse.Answered != 5 || !a.Private || a.Pack != "trust" {
		t.Errorf("from the index: %+v", a.AssessmentMeta)
	}
	path, _ := s.indexPath()
	if index, _ := os.ReadFile(path); strings.Contains(string(index), "Secret") {
		t.Error("the index holds words of the note")
	}
	full, err := j.FullAssessment(a)
	if err != nil || full.Partial() || !strings.Contains(full.Body.render(), "Secret words.") {
		t.Errorf("in full: %v", err)
	}
	loaded := j.Load(func(r Ref) bool { return r.Kind == KindAssessment && r.Day == d("2026-12-20") })
	if loaded.Assessments[1].Partial() || !loaded.Assessments[0].Partial() {
		t.Error("Load read the wrong assessment in full")
	}
	if got := j.AssessmentsOf("trust", "trust"); len(got) != 2 {
		t.Errorf("of the built-in pack: %d", len(got))
	}
	if got := j.CheckInsSince(d("2026-11-20"), "trust", "trust"); got != 1 {
		t.Errorf("check-ins since: %d", got)
	}

	by := findings(t, s)
	if f := by["2026/12/2026-12-20-assessment.md"]; len(f) != 1 || f[0].Problem.Key != "ratings" || f[0].Problem.Max != 14 {
		t.Errorf("tip 15 of 14: %v", f)
	}
	if f := by["2026/12/2026-12-21-assessment.md"]; len(f) != 1 || f[0].Kind != FindUnparseable {
		t.Errorf("unparseable: %v", f)
	}
	if f := by["2026/12/2026-11-24-assessment.md"]; len(f) != 1 || f[0].Kind != FindMisplaced {
		t.Errorf("misplaced: %v", f)
	}
	if f := by["2026/11/2026-11-23-assessment.txt"]; len(f) != 1 || f[0].Kind != FindStray {
		t.Errorf("stray: %v", f)
	}
	if f := by["2026/11/2026-11-23-assessment.md"]; len(f) != 0 {
		t.Errorf("a good assessment: %v", f)
	}
	of, err := s.DoctorOf(s.Read(), fourteen)
	if whole, _ := s.Doctor(fourteen); err != nil || len(of.Findings) != len(whole.Findings) {
		t.Errorf("DoctorOf %v, Doctor %v", of.Findings, whole.Findings)
	}
}

// An assessment's draft is kept apart from the day's check-in, and what is
// chosen in it counts as written.
func TestAssessmentDrafts(t *testing.T) {
	s := NewStore(t.TempDir())
	day := d("2026-11-23")
	dr := &Draft{Day: day, Kind: "assessment", Ratings: []int{0, 3}, Pulse: []string{"", "3,5"}, ID: "x1"}
	if !dr.HasText() {
		t.Error("a draft with a rating holds nothing")
	}
	if name := filepath.Base(s.DraftPathOf(dr)); name != "assessment-2026-11-23-x1.json" {
		t.Errorf("draft %s", name)
	}
	if err := s.SaveDraft(dr); err != nil {
		t.Fatal(err)
	}
	s.ReleaseDraft(dr)
	got, _, err := s.DraftsFor(&Draft{Day: day, Kind: "assessment"})
	if err != nil || len(got) != 1 || !slices.Equal(got[0].Ratings, []int{0, 3}) || got[0].Pulse[1] != "3,5" {
		t.Fatalf("%v %v", got, err)
	}
	if checkins, _, _ := s.DraftsFor(&Draft{Day: day}); len(checkins) != 0 {
		t.Error("the assessment's draft is offered to the check-in")
	}
	if md := dr.Markdown(); !strings.Contains(md, "ratings: 2: 3") || !strings.Contains(md, "3,5") {
		t.Errorf("markdown %q", md)
	}
}

package journal

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Every file kind reads its private key the same way: any spelling of the
// key, and any value but a clear "no", makes the file private.
func TestPrivateKeyFailsClosed(t *testing.T) {
	cases := []struct {
		front   string
		private bool
	}{
		{"private: true", true},
		{"private: yes", true},
		{"private: on", true},
		{"private: 1", true},
		{`private: "true"`, true},
		{"private:", true},
		{"private: ~", true},
		{"private: [a]", true},
		{"private: maybe", true},
		{"Private: true", true},
		{"PRIVATE: yes", true},
		{`"private ": true`, true},
		{"private: false\nPrivate: true", true},
		{"private: false", false},
		{"private: False", false},
		{"private: no", false},
		{"private: OFF", false},
		{"private: 0", false},
		{`private: "no"`, false},
		{"Private: false", false},
		{"mood: private", false},
	}
	for _, c := range cases {
		text := "---\n" + c.front + "\n---\n\nTekst.\n"
		e, err := ParseEntry("2026/11/2026-11-20.md", []byte(text))
		if err != nil {
			t.Fatalf("%q: %v", c.front, err)
		}
		r, err := ParseReflection("2026/2026-W47.md", []byte(text))
		if err != nil {
			t.Fatalf("%q: %v", c.front, err)
		}
		m, err := ParseMentoring("2026/11/2026-11-20-mentoring.md", []byte(text))
		if err != nil {
			t.Fatalf("%q: %v", c.front, err)
		}
		if e.Private != c.private || r.Private != c.private || m.Private != c.private {
			t.Errorf("%q: entry %v, reflection %v, mentoring %v; want %v", c.front, e.Private, r.Private, m.Private, c.private)
		}
	}
}

// A value of the private key that is not true or false is still reported.
func TestPrivateKeyOfTheWrongKindIsReported(t *testing.T) {
	e := mustParse(t, "2026/11/2026-11-20.md", "---\nPrivate: yes\n---\n")
	if len(e.Problems) != 1 || e.Problems[0].Key != "Private" || e.Problems[0].Kind != ProblemNotBool {
		t.Errorf("problems = %v", e.Problems)
	}
}

// Writing the private key back uses the spelling the file has: no second
// key appears, and unknown keys stay.
func TestPrivateKeyWriteBackKeepsOneKey(t *testing.T) {
	e := mustParse(t, "2026/11/2026-11-20.md", "---\nPrivate: no\nmood: rolig\n---\n\nTekst.\n")
	e.Private = true
	out, err := e.Render()
	if err != nil {
		t.Fatal(err)
	}
	if got := string(out); strings.Count(strings.ToLower(got), "private:") != 1 || !strings.Contains(got, "Private: true") || !strings.Contains(got, "mood: rolig") {
		t.Errorf("made private:\n%s", out)
	}
	if again := mustParse(t, e.Path, string(out)); !again.Private {
		t.Error("not private when read again")
	}

	e = mustParse(t, "2026/11/2026-11-20.md", "---\nPrivate: yes\nprivate: true\nmood: rolig\n---\n\nTekst.\n")
	e.Private = false
	out, err = e.Render()
	if err != nil {
		t.Fatal(err)
	}
	if got := string(out); strings.Contains(strings.ToLower(got), "private") || !strings.Contains(got, "mood: rolig") {
		t.Errorf("made public:\n%s", out)
	}
}

// The markers count in any case and with any spacing inside them.
func TestPrivateMarkersInAnyCase(t *testing.T) {
	for _, m := range [][2]string{
		{"<!-- PRIVATE -->", "<!-- /PRIVATE -->"},
		{"<!--private-->", "<!--/private-->"},
		{"<!--  Private  -->", "<!-- / private -->"},
		{"  <!-- private -->  ", "\t<!-- /Private -->"},
		{"<!--- private --->", "<!--- /private --->"},
		{"<!--\u00a0private\u00a0-->", "<!--\u00a0/private\u00a0-->"},
	} {
		e := mustParse(t, "2026/11/2026-11-20.md", "---\ndate: 2026-11-20\n---\n\nÅpent.\n\n"+m[0]+"\nHemmelig.\n"+m[1]+"\n\nÅpent igjen.\n")
		pub := e.Body.PublicText()
		if strings.Contains(pub, "Hemmelig") || !strings.Contains(pub, "Åpent igjen") {
			t.Errorf("%q … %q: public text %q", m[0], m[1], pub)
		}
	}
}

// A start marker after text on its line makes the whole line private; an
// end marker that is not alone on its line ends nothing.
func TestMarkerNotAloneOnItsLine(t *testing.T) {
	e := mustParse(t, "2026/11/2026-11-20.md", "---\ndate: 2026-11-20\n---\n\nÅpent.\n\nHemmelig1 <!-- private -->\nHemmelig2\n<!-- /private -->\n\nÅpent igjen.\n")
	if pub := e.Body.PublicText(); strings.Contains(pub, "Hemmelig") || !strings.Contains(pub, "Åpent igjen") {
		t.Errorf("start after text: public text %q", pub)
	}
	e = mustParse(t, "2026/11/2026-11-20.md", "---\ndate: 2026-11-20\n---\n\n<!-- private -->\nHemmelig1 <!-- /private --> Hemmelig2\n\nHemmelig3\n")
	if pub := e.Body.PublicText(); strings.Contains(pub, "Hemmelig") {
		t.Errorf("end after text: public text %q", pub)
	}
	// Written back after an edit, the line keeps its words.
	e = mustParse(t, "2026/11/2026-11-20.md", "---\ndate: 2026-11-20\n---\n\nHemmelig1 <!-- private -->\nHemmelig2\n")
	e.Body.SetAnswer("Spørsmål", "Svar", false)
	out, err := e.Render()
	if err != nil {
		t.Fatal(err)
	}
	again := mustParse(t, e.Path, string(out))
	if !strings.Contains(string(out), "Hemmelig1 <!-- private -->") || strings.Contains(again.Body.PublicText(), "Hemmelig") {
		t.Errorf("rewritten:\n%s", out)
	}
}

// Text typed into an answer never starts a private part by itself, in any
// spelling of the marker: read back, it is all public.
func TestSafeTextDefusesEveryMarker(t *testing.T) {
	typed := "a <!-- PRIVATE --> b\n<!--/private-->\n<!-- private -->\n<!--Private-->c"
	for _, b := range parseBody(safeText(typed)).Blocks {
		if b.Private {
			t.Errorf("safeText(%q) starts a private part: %q", typed, b.Text)
		}
	}
}

// unclearFronts are files whose front matter tillit cannot find for sure.
var unclearFronts = map[string]string{
	"blank line first":  "\n---\ndate: 2026-11-20\nprivate: true\n---\n\nHemmelig.\n",
	"spaces line first": "   \n---\nprivate: true\n---\n\nHemmelig.\n",
	"spaces before":     "  ---\nprivate: true\n---\n\nHemmelig.\n",
	"carriage returns":  "---\rdate: 2026-11-20\rprivate: true\r---\r\rHemmelig.\r",
	"bom, blank line":   "\ufeff\n---\nprivate: true\n---\n\nHemmelig.\n",
	"two boms":          "\ufeff\ufeff---\nprivate: true\n---\n\nHemmelig.\n",
	"crlf blank first":  "\r\n---\r\nprivate: true\r\n---\r\n\r\nHemmelig.\r\n",
}

// Such a file is private as a whole and reported, and never rewritten;
// a note still goes at its end, every byte before it kept.
func TestUnclearFrontMatterIsPrivate(t *testing.T) {
	for name, text := range unclearFronts {
		e, err := ParseEntry("2026/11/2026-11-20.md", []byte(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !e.Private {
			t.Errorf("%s: not private", name)
		}
		found := false
		for _, p := range e.Problems {
			found = found || p.Kind == "unclear_front"
		}
		if !found {
			t.Errorf("%s: not reported: %v", name, e.Problems)
		}
		r, _ := ParseReflection("2026/2026-W47.md", []byte(text))
		m, _ := ParseMentoring("2026/11/2026-11-20-mentoring.md", []byte(text))
		if r == nil || !r.Private || m == nil || !m.Private {
			t.Errorf("%s: reflection or mentoring note not private", name)
		}
		e.Tip, e.Commitment = 3, "Noe"
		if out, err := e.Render(); err == nil || !IsParseError(err) || !strings.Contains(err.Error(), e.Path) {
			t.Errorf("%s: rewritten (%v):\n%q", name, err, out)
		}
	}
	// A plain markdown file without front matter is no such file.
	if e := mustParse(t, "2026/11/2026-11-20.md", "Bare tekst.\n\n---\n\nMer.\n"); e.Private || len(e.Problems) > 0 {
		t.Errorf("plain file: private %v, problems %v", e.Private, e.Problems)
	}
}

func TestNoteOnUnclearFrontMatter(t *testing.T) {
	for name, text := range unclearFronts {
		root := t.TempDir()
		s := NewStore(root)
		day := Date{2026, 11, 20}
		path := s.DayPath(day)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 11, 20, 14, 5, 0, 0, time.Local)
		if err := s.AppendNote(day, at, "Offentlig notat", false); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte(text)) || !bytes.Contains(data, []byte("Offentlig notat")) {
			t.Errorf("%s: after the note:\n%q", name, data)
		}
		j := s.Read()
		if len(j.Problems) > 0 || len(j.Entries) != 1 || !j.Entries[0].Private {
			t.Errorf("%s: read back: problems %v, entries %d", name, j.Problems, len(j.Entries))
		}
	}
}

// readFiles reads a journal of hand-written files.
func readFiles(t *testing.T, files map[string]string) *Journal {
	t.Helper()
	return writeJournal(t, files).Read()
}

// How a commitment went is private when a private entry says so.
func TestOutcomeRecordedInPrivateEntryIsPrivate(t *testing.T) {
	j := readFiles(t, map[string]string{
		"2026/11/2026-11-16.md": "---\ntip: 1\ncommitment: Snakke med Per\n---\n",
		"2026/11/2026-11-17.md": "---\ntip: 2\nprivate: yes\nfollowup: not\nfollowup_of: 2026-11-16\nfollowup_note: Per er syk\ncommitment: Ringe HR\noutcome: done\n---\n",
		"2026/11/2026-11-18.md": "---\ntip: 3\ncommitment: Åpen\n---\n",
		"2026/11/2026-11-19.md": "---\ntip: 4\nfollowup: done\nfollowup_of: 2026-11-18\n---\n",
	})
	want := map[int]bool{16: true, 17: true, 18: false}
	for day, private := range want {
		o := j.OutcomeOf(Date{2026, 11, day})
		if o == nil || o.Private != private || o.Result == "" {
			t.Errorf("the %dth: %+v, want private %v", day, o, private)
		}
	}
}

// A ticked question is public only when a public reflection asks it in
// public; everything else is private.
func TestAnsweredQuestionsArePrivateUnlessAskedInPublic(t *testing.T) {
	j := readFiles(t, map[string]string{
		"2026/2026-W46.md":                "---\nweek: 2026-W46\nmentor_questions:\n  - Åpent spørsmål?\n  - Skjult spørsmål?\n---\n## Spørsmål\n\n- Åpent spørsmål?\n\n<!-- private -->\n## Til meg\n\n- Skjult spørsmål?\n<!-- /private -->\n",
		"2026/2026-W47.md":                "---\nweek: 2026-W47\nPrivate: on\nmentor_questions:\n  - Privat spørsmål?\n---\n",
		"2026/11/2026-11-19-mentoring.md": "---\nprivate: true\nanswered:\n  - Åpent spørsmål?\n---\n",
		"2026/11/2026-11-20-mentoring.md": "---\nanswered:\n  - Åpent spørsmål?\n  - Skjult spørsmål?\n  - Privat spørsmål?\n  - Borte?\n---\n",
	})
	got := map[string]bool{}
	for _, m := range j.Mentorings {
		for _, q := range j.Answered(m) {
			got[m.Date.String()+" "+q.Text] = q.Private
		}
	}
	want := map[string]bool{
		"2026-11-19 Åpent spørsmål?":  true, // the note is private
		"2026-11-20 Åpent spørsmål?":  false,
		"2026-11-20 Skjult spørsmål?": true,
		"2026-11-20 Privat spørsmål?": true,
		"2026-11-20 Borte?":           true,
	}
	for k, v := range want {
		if p, ok := got[k]; !ok || p != v {
			t.Errorf("%s: private %v (found %v), want %v", k, p, ok, v)
		}
	}
	if (*Journal)(nil).Answered(j.Mentorings[1])[0].Private != true {
		t.Error("without a journal a ticked question is public")
	}

	for _, q := range j.MentorQuestions(Week{2026, 46}, Week{2026, 47}) {
		others, ok := q.ForOthers()
		switch q.Text {
		case "Åpent spørsmål?":
			if !ok || q.AnsweredOn != (Date{2026, 11, 19}) || !q.AnswerPrivate || others.AnsweredOn != (Date{2026, 11, 20}) {
				t.Errorf("%s: own %+v, others %+v", q.Text, q, others)
			}
		default:
			if ok || !q.Private {
				t.Errorf("%s: shown to others", q.Text)
			}
		}
	}
}

// Search marks every line of a private file private, its commitment too,
// whichever way the file says it is private.
func TestSearchMarksEveryPrivateForm(t *testing.T) {
	j := readFiles(t, map[string]string{
		"2026/11/2026-11-16.md": "---\ntip: 1\nPrivate: yes\ncommitment: Hemmelig løfte\n---\n\nHemmelig tekst\n",
		"2026/11/2026-11-17.md": "\n---\ntip: 1\n---\n\nHemmelig blank\n",
		"2026/11/2026-11-18.md": "---\ntip: 1\n---\n\nÅpen\n\n<!-- PRIVATE -->\nHemmelig stor\n",
	})
	items := j.Items(afterAll)
	hits := Search(items, Query{Words: []string{"hemmelig"}})
	if len(hits) != 3 {
		t.Fatalf("found %d items", len(hits))
	}
	for _, it := range hits {
		for _, m := range it.Matches([]string{"hemmelig"}) {
			if !m.Line.Private {
				t.Errorf("%s: %q is not marked private", it.Path, m.Line.Text)
			}
		}
	}
}

// doctor names every file whose front matter cannot be found for sure.
func TestDoctorReportsUnclearFrontMatter(t *testing.T) {
	files := map[string]string{"2026/11/2026-11-20.md": "---\ndate: 2026-11-20\n---\n"}
	days := 10
	for _, text := range unclearFronts {
		days++
		files[fmt.Sprintf("2026/11/2026-11-%02d.md", days)] = text
	}
	j := readFiles(t, files)
	root := filepath.Dir(filepath.Dir(filepath.Dir(j.Entries[0].Path)))
	for _, check := range []func() (*Checkup, error){
		func() (*Checkup, error) { return NewStore(root).Doctor(nil) },
		func() (*Checkup, error) { return NewStore(root).DoctorOf(j, nil) },
	} {
		c, err := check()
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, f := range c.Findings {
			if f.Kind == FindValue && f.Problem.Kind == "unclear_front" {
				found++
			}
		}
		if found != len(unclearFronts) {
			t.Errorf("doctor found %d of %d: %v", found, len(unclearFronts), c.Findings)
		}
	}
}

// A first line that is almost a fence — TOML's +++ as other tools write
// it, a comment after ---, a fourth dash — hides a front matter tillit
// cannot read: the file is private and reported, not public text.
func TestFenceNotAloneIsUnclear(t *testing.T) {
	for _, text := range []string{
		"+++\ndate = 2026-11-20\nprivate = true\n+++\n\nHemmelig.\n",
		"--- # notat\ndate: 2026-11-20\nprivate: true\n---\n\nHemmelig.\n",
		"----\nprivate: true\n----\n\nHemmelig.\n",
		"\ufeff+++\r\nprivate = true\r\n+++\r\n\r\nHemmelig.\r\n",
	} {
		e := mustParse(t, "2026/11/2026-11-20.md", text)
		if !e.Private || len(e.Problems) == 0 || e.Problems[0].Kind != ProblemUnclearFront {
			t.Errorf("%q: private %v, problems %v", text, e.Private, e.Problems)
		}
	}
}

// A private key inside another (meta: {private: true}), or merged in with
// <<, is what the user meant for the file: it is private and reported. An
// alias to false is false.
func TestNestedPrivateKeyFailsClosed(t *testing.T) {
	cases := []struct {
		front   string
		private bool
	}{
		{"meta: {private: true}", true},
		{"meta:\n  Private: yes", true},
		{"<<: {private: true}", true},
		{"list:\n  - a\n  - {private: on}", true},
		{"meta: {private: false}", false},
		{"no: &n false\nprivate: *n", false},
		{"yes: &y true\nprivate: *y", true},
	}
	for _, c := range cases {
		text := "---\n" + c.front + "\n---\n\nTekst.\n"
		e := mustParse(t, "2026/11/2026-11-20.md", text)
		r, err := ParseReflection("2026/2026-W47.md", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		m, err := ParseMentoring("2026/11/2026-11-20-mentoring.md", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if e.Private != c.private || r.Private != c.private || m.Private != c.private {
			t.Errorf("%q: entry %v, reflection %v, mentoring %v; want %v", c.front, e.Private, r.Private, m.Private, c.private)
		}
		reported := false
		for _, p := range e.Problems {
			reported = reported || p.Kind == ProblemNestedPrivate
		}
		if nested := c.private && !strings.HasPrefix(c.front, "yes"); reported != nested {
			t.Errorf("%q: reported %v: %v", c.front, reported, e.Problems)
		}
	}
}

// Any other comment that names private, or privat as Norwegian and
// Swedish write it, starts a private part; a comment that only mentions
// the word inside another ("privatliv") does not. Typed into an answer,
// each is defused.
func TestCommentsNamingPrivateAreMarkers(t *testing.T) {
	for _, m := range [][2]string{
		{"<!-- privat -->", "<!-- /privat -->"},
		{"<!-- PRIVAT -->", "<!-- /private -->"},
		{"<!-- private: true -->", "<!-- /private -->"},
		{"<!-- 🔒 private -->", "<!-- /private -->"},
		{"<!-- private=yes -->", "<!-- /private -->"},
		{"<!-- private\n-->", "<!-- /private -->"},
		{"<!-- dette er privat -->", "<!-- /privat -->"},
	} {
		text := "---\ndate: 2026-11-20\n---\n\nÅpent.\n\n" + m[0] + "\nHemmelig.\n" + m[1] + "\n\nÅpent igjen.\n"
		e := mustParse(t, "2026/11/2026-11-20.md", text)
		pub := e.Body.PublicText()
		if strings.Contains(pub, "Hemmelig") || !strings.Contains(pub, "Åpent igjen") {
			t.Errorf("%q … %q: public text %q", m[0], m[1], pub)
		}
		for _, b := range parseBody(safeText(m[0] + "\nTekst.")).Blocks {
			if b.Private {
				t.Errorf("safeText(%q) starts a private part", m[0])
			}
		}
	}
	e := mustParse(t, "2026/11/2026-11-20.md", "---\ndate: 2026-11-20\n---\n\n<!-- om privatliv -->\nÅpent.\n")
	if !strings.Contains(e.Body.PublicText(), "Åpent") {
		t.Errorf("privatliv: public text %q", e.Body.PublicText())
	}
}

// Norwegian and Swedish spell the key privat: it makes the file private as
// private does, and making the file public again removes it.
func TestPrivatKeyCounts(t *testing.T) {
	for _, front := range []string{"privat: true", "Privat: ja", "PRIVAT: yes", "meta: {privat: true}"} {
		text := "---\ndate: 2026-11-20\n" + front + "\n---\n\nTekst.\n"
		e := mustParse(t, "2026/11/2026-11-20.md", text)
		r, _ := ParseReflection("2026/2026-W47.md", []byte(text))
		m, _ := ParseMentoring("2026/11/2026-11-20-mentoring.md", []byte(text))
		if !e.Private || r == nil || !r.Private || m == nil || !m.Private {
			t.Errorf("%q: not private", front)
		}
	}
	e := mustParse(t, "2026/11/2026-11-20.md", "---\ndate: 2026-11-20\nprivat: true\n---\n\nTekst.\n")
	e.Private = false
	out, err := e.Render()
	if err != nil {
		t.Fatal(err)
	}
	if again := mustParse(t, e.Path, string(out)); again.Private || strings.Contains(string(out), "privat") {
		t.Errorf("made public:\n%s", out)
	}
	if e := mustParse(t, "2026/11/2026-11-20.md", "---\ndate: 2026-11-20\nprivat: nei\n---\n\nTekst.\n"); !e.Private {
		t.Errorf("privat: nei is no clear false, and must be private")
	}
}

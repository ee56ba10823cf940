package journal

import (
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Every word a user wrote is found, wherever in a file it stands: in the
// text, in each front matter key that holds writing (the commitment, the
// note of a follow-up or an outcome, the mentor, the questions for the
// mentor and those answered), and in a key added by hand, nested or listed.
func TestSearchFindsEveryWrittenField(t *testing.T) {
	files := map[string]string{
		"2026/11/2026-11-23.md": "---\ntip: 5\ncommitment: Ring Per om wordcommitment\nfollowup: partly\nfollowup_of: 2026-11-20\n" +
			"followup_note: halvveis wordfollowupnote\noutcome: done\noutcome_note: gikk wordoutcomenote\noutcome_date: 2026-11-25\n" +
			"mood: wordhandkey\nextra:\n  - wordhandlist\n  - nested: wordhandnested\n---\n## Spørsmål\n\nwordbody\n",
		"2026/2026-W48.md": "---\nweek: 2026-W48\nfocus_tip: 3\nmentor_questions:\n  - Hvordan wordmentorquestion?\n" +
			"reflection_extra: wordreflectionkey\n---\n## Hva lærte jeg?\n\nwordreflectionbody\n",
		"2026/11/2026-11-26-mentoring.md": "---\ndate: 2026-11-26\nmentor: Wordmentorname Hansen\nanswered:\n  - Hvordan wordmentorquestion?\n" +
			"  - wordanswered alene\n---\n## Hva snakket vi om?\n\nwordmentoringbody\n",
	}
	j := writeJournal(t, files).Read()
	if len(j.Problems) > 0 {
		t.Fatal(j.Problems)
	}
	items := j.Items(afterAll)
	// Walk each file's front matter: every string value of a key that is
	// not one of tillit's records must be findable, and so must the text.
	for rel, text := range files {
		front, body, _ := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
		var m map[string]any
		if err := yaml.Unmarshal([]byte(front), &m); err != nil {
			t.Fatal(err)
		}
		var words []string
		for k, v := range m {
			if notWritten[k] {
				continue
			}
			words = append(words, wordsIn(v)...)
		}
		words = append(words, wordsIn(body)...)
		for _, w := range words {
			i := slices.IndexFunc(Search(items, Query{Words: []string{w}}), func(it *Item) bool { return strings.HasSuffix(it.Path, rel) })
			if i < 0 {
				t.Errorf("%s: search for %q misses it", rel, w)
				continue
			}
			hit := Search(items, Query{Words: []string{w}})[i]
			if !hit.Match(w) {
				t.Errorf("%s: the journal's filter misses %q", rel, w)
			}
			if len(hit.Matches([]string{w})) == 0 {
				t.Errorf("%s: found %q but shows no line of it", rel, w)
			}
		}
	}
	if n := len(Search(items, Query{Words: []string{"wordmentorquestion"}})); n != 2 {
		t.Errorf("a question for the mentor is in the reflection and the note: found in %d", n)
	}
}

// wordsIn returns the test's planted words (word…) in a YAML value or text.
func wordsIn(v any) []string {
	var out []string
	switch v := v.(type) {
	case string:
		for _, f := range strings.Fields(strings.ToLower(v)) {
			if f = strings.Trim(f, "?.,"); strings.HasPrefix(f, "word") {
				out = append(out, f)
			}
		}
	case []any:
		for _, x := range v {
			out = append(out, wordsIn(x)...)
		}
	case map[string]any:
		for _, x := range v {
			out = append(out, wordsIn(x)...)
		}
	}
	return out
}

// What tillit itself writes into a front matter is either one of its
// records (notWritten) or found by search: a new key of writing cannot be
// added without search seeing it.
func TestEveryKeyTillitWritesIsSearchedOrARecord(t *testing.T) {
	e := NewEntry("/j/2026/11/2026-11-23.md", Date{Year: 2026, Month: 11, Day: 23})
	e.Meta = Meta{Date: e.Date, Tip: 2, Rating: 3, Energy: 4, Commitment: "c", Followup: FollowupDone,
		FollowupOf: Date{Year: 2026, Month: 11, Day: 20}, FollowupNote: "f", Outcome: FollowupNot, OutcomeNote: "o",
		OutcomeDate: Date{Year: 2026, Month: 11, Day: 24}, Tags: []string{"t"}, Private: true, Pack: "p", PackVersion: "1"}
	r := NewReflection("/j/2026/2026-W48.md", Week{Year: 2026, Number: 48})
	r.ReflectionMeta = ReflectionMeta{Week: r.Week, FocusTip: 3, MentorQuestions: []string{"q"}, Pack: "p", Private: true}
	n := NewMentoring("/j/2026/11/2026-11-26-mentoring.md", Date{Year: 2026, Month: 11, Day: 26})
	n.MentoringMeta = MentoringMeta{Date: n.Date, Mentor: "m", Answered: []string{"a"}, Private: true}
	searched := []string{"commitment", "followup_note", "outcome_note", "mentor_questions", "mentor", "answered"}
	for _, render := range []func() ([]byte, error){e.Render, r.Render, n.Render} {
		data, err := render()
		if err != nil {
			t.Fatal(err)
		}
		front, _, _ := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
		var m map[string]any
		if err := yaml.Unmarshal([]byte(front), &m); err != nil {
			t.Fatal(err)
		}
		for k := range m {
			if !notWritten[k] && !isPrivateKey(k) && !slices.Contains(searched, k) {
				t.Errorf("tillit writes %q: add it to the searched keys of this test, or to notWritten", k)
			}
		}
	}
}

// A self-assessment's note is found like every other word written, and its
// numbers are not words.
func TestSearchFindsASelfAssessmentsNote(t *testing.T) {
	j := writeJournal(t, map[string]string{
		"2026/11/2026-11-23-assessment.md": "---\ndate: 2026-11-23\nratings:\n  1: 3\n  2: 4\npulse:\n  answered: 12\n---\nVaktlista tar for mye tid.\n",
	}).Read()
	items := j.Items(Date{Year: 2026, Month: 11, Day: 30})
	if len(items) != 1 || items[0].Kind != KindAssessment {
		t.Fatalf("items: %+v", items)
	}
	if hits := Search(items, Query{Words: []string{"vaktlista"}}); len(hits) != 1 {
		t.Errorf("the note's word is not found: %v", hits)
	}
	if hits := Search(items, Query{Words: []string{"12"}}); len(hits) != 0 {
		t.Errorf("a number of the pulse was found as a word")
	}
}

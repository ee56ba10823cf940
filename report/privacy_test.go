package report

import (
	"encoding/json"
	"strings"
	"testing"

	"tillit/journal"
)

// A journal with private material in every form tillit knows, each
// private thing holding a word SECRET…, each public one a word PUBLIC….
// The period runs from 2026-11-09 to 2026-11-22 (weeks 46 and 47).
var everyPrivateForm = map[string]string{
	"2026/11/2026-11-10.md": "---\ntip: 1\ncommitment: PUBLICcommitW46\n---\n\nPUBLICten\n",
	"2026/11/2026-11-11.md": "---\ntip: 2\nfollowup: done\nfollowup_of: 2026-11-10\nfollowup_note: PUBLICfollowup\n---\n\nPUBLICeleven\n",
	// A public commitment whose follow-up is in a private entry.
	"2026/11/2026-11-16.md": "---\ntip: 3\ncommitment: PUBLICcommitA\n---\n\nPUBLICsixteen\n\n<!-- PRIVATE -->\nSECRETupper\n<!-- /PRIVATE -->\n\nPUBLICafterupper\n",
	"2026/11/2026-11-17.md": "---\ntip: 4\nprivate: yes\nfollowup: partly\nfollowup_of: 2026-11-16\nfollowup_note: SECRETfollowupnote\n---\n\nSECRETyes\n",
	// A private entry whose commitment was closed from the list.
	"2026/11/2026-11-18.md": "---\ntip: 5\nPrivate: true\ncommitment: SECRETcommitB\noutcome: done\noutcome_note: SECRETclosed\n---\n\nSECRETcapital\n",
	"2026/11/2026-11-19.md": "---\ntip: 6\ncommitment: PUBLICcommitD\n---\n\nPUBLICnineteen\n\n<!--private-->\nSECRETnospace\n<!--/private-->\n\nPUBLICafternospace\n\n<!--  Private  -->\nSECRETspaced\n<!-- / private -->\n\nPUBLICafterspaced\n\nSECRETinline <!-- private -->\nSECRETafterinline\n<!-- /private -->\n\nPUBLICend\n",
	"2026/11/2026-11-12.md": "---\ntip: 7\nprivate: on\ncommitment: SECRETcommitE\n---\n\nSECRETon\n",
	// A public entry follows up the commitment of a private one: it says
	// how it went, never what it was.
	"2026/11/2026-11-20.md": "---\ntip: 13\nfollowup: not\nfollowup_of: 2026-11-12\n---\n\nPUBLICtwenty\n",
	"2026/11/2026-11-13.md": "---\ntip: 8\nprivate: 1\n---\n\nSECRETone\n",
	"2026/11/2026-11-14.md": "---\ntip: 9\nprivate: \"true\"\n---\n\nSECRETquoted\n",
	"2026/11/2026-11-15.md": "---\ntip: 10\nprivate:\n---\n\nSECRETempty\n",
	"2026/11/2026-11-09.md": "---\ntip: 11\nPRIVATE: yes\n---\n\nSECRETshout\n",
	// Front matter that cannot be found for sure: lines ending in a
	// carriage return alone, a blank line before the opening ---.
	"2026/11/2026-11-21.md": "---\rdate: 2026-11-21\rprivate: true\r---\r\rSECRETcr\r",
	"2026/11/2026-11-22.md": "\n---\nprivate: true\ntip: 12\ncommitment: SECRETblankcommit\n---\n\nSECRETblank\n",
	"2026/2026-W46.md":      "---\nweek: 2026-W46\nmentor_questions:\n  - PUBLICquestion?\n---\n## Hva gikk bra?\n\nPUBLICw46\n",
	"2026/2026-W47.md":      "---\nweek: 2026-W47\nprivate: 1\nmentor_questions:\n  - SECRETquestion?\n---\n## Hva gikk bra?\n\nSECRETw47\n",
	// A private note answered the public question first.
	"2026/11/2026-11-19-mentoring.md": "---\nprivate: yes\nanswered:\n  - PUBLICquestion?\n---\n## Hva snakket vi om?\n\nSECRETmentoringprivate\n",
	// A public note ticks the public question, the private reflection's
	// question, and one whose reflection is gone.
	"2026/11/2026-11-20-mentoring.md": "---\nmentor: Anne\nanswered:\n  - PUBLICquestion?\n  - SECRETquestion?\n  - SECRETorphan?\n---\n## Hva snakket vi om?\n\nPUBLICmentoring\n",
	// A public self-assessment with a private part of its note, and a
	// private one.
	"2026/11/2026-11-10-assessment.md": "---\nratings:\n  1: 2\n---\n## Hva legger jeg merke til?\n\nPUBLICassessed\n\n<!-- private -->\n## Om Kari\n\nSECRETassessednote\n<!-- /private -->\n",
	"2026/11/2026-11-21-assessment.md": "---\nprivate: yes\nratings:\n  1: 5\npulse:\n  answered: 3\n  averages: [1.5, 1.5, 1.5]\n---\nSECRETassessmentprivate\n",
}

func everyFormOptions(private bool) ExportOptions {
	o := exportOptions(private)
	o.From = journal.Date{Year: 2026, Month: 11, Day: 9}
	return o
}

func TestExportLeavesEveryPrivateFormOut(t *testing.T) {
	j := readJournal(t, everyPrivateForm)
	var secrets, publics []string
	for _, text := range everyPrivateForm {
		secrets = append(secrets, secretWord.FindAllString(text, -1)...)
		publics = append(publics, publicWord.FindAllString(text, -1)...)
	}
	for _, pseudonymize := range []bool{false, true} {
		o := everyFormOptions(false)
		o.Pseudonymize = pseudonymize
		x := NewExport(j, o)
		for format, out := range formats(t, x, o.Options) {
			for _, s := range secrets {
				if strings.Contains(out, s) {
					t.Errorf("pseudonymize %v: %s export holds the private %s", pseudonymize, format, s)
				}
			}
			for _, p := range publics {
				if !strings.Contains(out, p) {
					t.Errorf("pseudonymize %v: %s export lacks the public %s", pseudonymize, format, p)
				}
			}
			// The follow-up of PUBLICcommitA was partly, in a private entry.
			if strings.Contains(out, "PUBLICcommitA — ◐") || strings.Contains(out, `"outcome": "partly"`) {
				t.Errorf("pseudonymize %v: %s export tells how a commitment went privately", pseudonymize, format)
			}
		}
		// The public check-ins: the 10th, 11th, 16th, 19th and 20th. Of
		// their commitments one is done, one open, and one went privately.
		c := x.Summary.Commitments
		if x.Summary.CheckIns != 5 || c.Done != 1 || c.Partly != 0 || c.Not != 0 || c.Open != 1 {
			t.Errorf("summary: %d check-ins, commitments %+v", x.Summary.CheckIns, c)
		}
		// Sections: 1 on the 16th, 3 on the 19th; entries: the 9th, 12th
		// to 15th, 17th, 18th, 21st, 22nd; the outcome of the 16th's
		// commitment; week 47's reflection; the private mentoring note;
		// two questions ticked on the 20th; the private part of the 10th's
		// self-assessment, and the 21st's.
		if x.PrivateLeftOut != 20 {
			t.Errorf("private parts left out: %d, want 20", x.PrivateLeftOut)
		}
		for _, q := range x.MentorQuestions {
			if q.Text == "PUBLICquestion?" && q.AnsweredOn != (journal.Date{Year: 2026, Month: 11, Day: 20}) {
				t.Errorf("the question is answered on %s, by a private note", q.AnsweredOn)
			}
		}
	}
}

// In the user's own export the derived private parts are there, marked.
func TestExportWithPrivatePartsMarksDerivedOnes(t *testing.T) {
	j := readJournal(t, everyPrivateForm)
	o := everyFormOptions(true)
	x := NewExport(j, o)
	js, err := x.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Weeks []struct {
			Entries []struct {
				Date       string
				Commitment *struct {
					Outcome, Note string
					Private       bool
				}
			}
			Mentoring []struct {
				Answered        []string
				AnsweredPrivate []string `json:"answered_private"`
			}
		}
	}
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, w := range doc.Weeks {
		for _, e := range w.Entries {
			if e.Date == "2026-11-16" {
				found++
				if c := e.Commitment; c == nil || c.Outcome != "partly" || c.Note != "SECRETfollowupnote" || !c.Private {
					t.Errorf("the 16th's commitment: %+v", c)
				}
			}
		}
		for _, m := range w.Mentoring {
			if len(m.Answered) == 3 {
				found++
				if strings.Join(m.AnsweredPrivate, "|") != "SECRETquestion?|SECRETorphan?" {
					t.Errorf("answered privately: %q", m.AnsweredPrivate)
				}
			}
		}
	}
	if found != 2 {
		t.Errorf("found %d of the 16th's entry and the 20th's note:\n%s", found, js)
	}
	md := x.Markdown(o.Options)
	if !strings.Contains(md, "PUBLICcommitA — ◐") || !strings.Contains(md, "SECRETfollowupnote · 🔒") {
		t.Errorf("own markdown export:\n%s", md)
	}
}

// The review, as another reader would see it, holds no private part
// either: not how a commitment went privately, not a private question.
func TestReviewLeavesDerivedPrivatePartsOut(t *testing.T) {
	j := readJournal(t, everyPrivateForm)
	today := journal.Date{Year: 2026, Month: 11, Day: 27}
	o := everyFormOptions(false).Options
	var out strings.Builder
	for _, w := range []journal.Week{{Year: 2026, Number: 46}, {Year: 2026, Number: 47}} {
		// The week's numbers count everything: the review shows them to
		// the user alone.
		out.WriteString(WeekEntries(j, j.Week(w, today), o))
		if r := j.Reflections[w]; r != nil {
			out.WriteString(Reflection(r, o))
		}
	}
	for _, m := range j.Mentorings {
		out.WriteString(Mentoring(j, m, o))
	}
	for _, e := range j.Entries {
		out.WriteString(Entry(e, AroundOf(j, e), o))
	}
	if s := secretWord.FindAllString(out.String(), -1); len(s) > 0 {
		t.Errorf("the review holds %v:\n%s", s, out.String())
	}
	if !strings.Contains(out.String(), "PUBLICquestion?") || strings.Contains(out.String(), "PUBLICcommitA —") {
		t.Errorf("review:\n%s", out.String())
	}

	// The user's own review shows them, marked.
	own := everyFormOptions(true).Options
	e := j.Entry(journal.Date{Year: 2026, Month: 11, Day: 16})
	if got := Entry(e, AroundOf(j, e), own); !strings.Contains(got, "SECRETfollowupnote · 🔒") {
		t.Errorf("own review of the 16th:\n%s", got)
	}
	for _, m := range j.Mentorings {
		if got := Mentoring(j, m, own); !m.Private && !strings.Contains(got, "SECRETorphan? · 🔒") {
			t.Errorf("own review of the mentoring note:\n%s", got)
		}
	}
}

// A focus tip chosen in a private section of a public reflection stays out
// of the summary and the reflection, in every format; chosen in public, or
// with the whole export for the user's own eyes, it is there.
func TestFocusChosenInPrivateStaysOut(t *testing.T) {
	j := readJournal(t, map[string]string{
		"2026/2026-W46.md": "---\nweek: 2026-W46\nfocus_tip: 7\n---\n## Hva gikk bra?\n\nPUBLICw46\n\n<!-- private -->\n## Hvilket tips vil jeg fokusere på neste uke?\n\n7 · En kultur med stort rom for tilbakemeldinger.\n\nSECRETwhy\n<!-- /private -->\n",
		"2026/2026-W47.md": "---\nweek: 2026-W47\nfocus_tip: 4\n---\n## Hvilket tips vil jeg fokusere på neste uke?\n\n4 · Sørg for enkel tilgang.\n",
	})
	x := NewExport(j, everyFormOptions(false))
	if len(x.Summary.Focus) != 1 || x.Summary.Focus[0].Tip != 4 {
		t.Errorf("focus %+v, want only tip 4", x.Summary.Focus)
	}
	if r := x.Weeks[0].Reflection; r == nil || r.FocusTip != 0 {
		t.Errorf("week 46 reflection %+v, want no focus tip", r)
	}
	for format, out := range formats(t, x, everyFormOptions(false).Options) {
		if strings.Contains(out, "SECRET") || strings.Contains(out, "tilbakemeldinger") || strings.Contains(out, `"tip": 7`) || strings.Contains(out, `"focus_tip": 7`) {
			t.Errorf("%s: the private focus shows:\n%s", format, out)
		}
	}
	if x := NewExport(j, everyFormOptions(true)); len(x.Summary.Focus) != 2 {
		t.Errorf("with private parts: focus %+v", x.Summary.Focus)
	}
}

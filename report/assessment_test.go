package report

import (
	"encoding/json"
	"strings"
	"testing"

	"tillit/content"
	"tillit/journal"
)

// Two self-assessments and a private one between them: the export lays the
// first beside the latest, tip by tip and for the pulse, in every format;
// the private one is in no number unless private parts were asked for.
var assessedJournal = map[string]string{
	"2026/11/2026-11-16-assessment.md": "---\npack: trust\npack_version: 2\nratings:\n  1: 2\n  2: 3\n  7: 1\n  14: 4\npulse:\n  answered: 7\n  averages: [2.9, 3.8, 2.6]\n---\n## Hva legger jeg merke til?\n\nPUBLICfirst with Per Olsen.\n",
	"2026/11/2026-11-18-assessment.md": "---\nprivate: true\nratings:\n  1: 5\n  2: 5\n  7: 5\n  14: 5\npulse:\n  answered: 2\n  averages: [1, 1, 1]\n---\nSECRETmiddle\n",
	"2026/11/2026-11-20-assessment.md": "---\npack: trust\nratings:\n  1: 4\n  2: 3\n  7: 3\n  13: 2\npulse:\n  answered: 8\n  averages: [3.6, null, 2.75]\n---\n",
	"2026/11/2026-11-23-assessment.md": "---\nratings:\n  1: 1\n---\nAfter the period.\n",
}

func TestExportComparesTheAssessments(t *testing.T) {
	j := readJournal(t, assessedJournal)
	o := exportOptions(false)
	o.Pseudonymize = true
	x := NewExport(j, o)
	if len(x.Assessments) != 2 || x.PrivateLeftOut != 1 || x.Compared == nil {
		t.Fatalf("%d assessments, %d left out", len(x.Assessments), x.PrivateLeftOut)
	}
	c := x.Compared
	tip := func(n int) ComparedTip { return c.Tips[n-1] }
	if len(c.Tips) != 14 || tip(1).Ratings[0] != 2 || tip(1).Ratings[1] != 4 || tip(1).Short == "" || tip(1).Theme == "" {
		t.Errorf("tip 1: %+v", tip(1))
	}
	if d, ok := tip(7).Change(); !ok || d != 2 {
		t.Errorf("tip 7 changed %d %v", d, ok)
	}
	if _, ok := tip(14).Change(); ok {
		t.Error("a tip rated once has a change")
	}
	// Tips 1, 2 and 7 were rated both times: (2+3+1)/3 and (4+3+3)/3.
	if c.Common != 3 || c.AllRated || c.Averages[0] != 2 || c.Averages[1] != 10.0/3 {
		t.Errorf("averages %v over %d", c.Averages, c.Common)
	}
	if len(c.Pulse) != 3 || c.Answered[1] != 8 {
		t.Fatalf("pulse %+v", c.Pulse)
	}
	if _, ok := c.Pulse[1].Change(); ok {
		t.Error("a question asked once has a change")
	}
	for format, out := range formats(t, x, o.Options) {
		if strings.Contains(out, "SECRET") || strings.Contains(out, "Per Olsen") || strings.Contains(out, "After the period") {
			t.Errorf("%s holds what it must not", format)
		}
		if !strings.Contains(out, "PUBLICfirst") {
			t.Errorf("%s lacks the note", format)
		}
	}
	md := x.Markdown(o.Options)
	for _, want := range []string{
		"## Egenvurdering\n", "| Tips | Tema | 16. nov. | 20. nov. | Endring |",
		"| 1 · Rydd opp i mål og regelverk | Styring | 2 | 4 | +2 |",
		"| 14 · Digitalisering som støtte | Strukturer | 4 | – | – |",
		"| **Snitt, 3 tips vurdert hver gang** |  | 2,0 | 3,3 | +1,3 |",
		"### Puls fra medarbeiderne", "| Svarte | 7 | 8 |  |", "| 2,6 | 2,75 | +0,2 |",
		"- **Egenvurdering:** 2 · snittvurdering 2,0 → 3,3",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the markdown lacks %q:\n%s", want, md)
		}
	}
	js, err := x.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Assessments []struct {
			Date    string
			Ratings []struct{ Tip, Rating int }
			Pulse   *struct {
				Answered *int
				Averages []*float64
			}
		}
		Change *struct {
			From, To string
			Tips     []struct {
				Tip      int
				From, To *int
				Change   *int
			}
			Average struct {
				From, To float64
				Tips     int
			}
			Pulse []struct {
				ID       string
				From, To *float64
			}
		} `json:"assessment_change"`
	}
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Assessments) != 2 || len(doc.Assessments[0].Ratings) != 4 || doc.Assessments[1].Pulse.Averages[1] != nil {
		t.Errorf("assessments %+v", doc.Assessments)
	}
	ch := doc.Change
	if ch == nil || ch.From != "2026-11-16" || ch.To != "2026-11-20" || *ch.Tips[0].Change != 2 || ch.Tips[13].Change != nil ||
		ch.Average.Tips != 3 || ch.Average.To != 3.33 || ch.Pulse[0].ID != "speak-up" || *ch.Pulse[2].To != 2.75 || ch.Pulse[1].To != nil {
		t.Errorf("change %+v", ch)
	}

	// For the user's own eyes the private one is there, marked, and
	// counted.
	own := exportOptions(true)
	x = NewExport(j, own)
	if len(x.Compared.Dates) != 3 || !x.Compared.Private[1] {
		t.Fatalf("own export compares %v", x.Compared.Dates)
	}
	if md := x.Markdown(own.Options); !strings.Contains(md, "18. nov. 🔒") || !strings.Contains(md, "SECRETmiddle") {
		t.Errorf("own export:\n%s", md)
	}
}

// One assessment is shown without a change; none, and the export has no
// such part.
func TestExportWithOneAssessmentOrNone(t *testing.T) {
	files := map[string]string{"2026/11/2026-11-20-assessment.md": assessedJournal["2026/11/2026-11-20-assessment.md"]}
	x := NewExport(readJournal(t, files), exportOptions(false))
	md := x.Markdown(exportOptions(false).Options)
	if !strings.Contains(md, "| Tips | Tema | 20. nov. |\n") || strings.Contains(md, "Endring") {
		t.Errorf("one assessment:\n%s", md)
	}
	if js, _ := x.JSON(); !strings.Contains(string(js), `"assessment_change": null`) {
		t.Errorf("one assessment's JSON:\n%s", js)
	}
	x = NewExport(readJournal(t, privacyJournal), exportOptions(false))
	if md := x.Markdown(exportOptions(false).Options); strings.Contains(md, "Egenvurdering\n") || x.Compared != nil {
		t.Error("an export without assessments shows them")
	}
	if js, _ := x.JSON(); !strings.Contains(string(js), `"assessments": []`) {
		t.Errorf("no assessments in JSON:\n%s", js)
	}
}

// The preview of an assessment groups the tips by theme and shows the
// pulse as written down.
func TestAssessmentPage(t *testing.T) {
	a, err := journal.ParseAssessment("2026/11/2026-11-20-assessment.md", []byte(assessedJournal["2026/11/2026-11-20-assessment.md"]))
	if err != nil {
		t.Fatal(err)
	}
	o := exportOptions(true).Options
	page := AssessmentPage(a, content.MustBuiltin("nb"), o)
	culture := strings.Index(page, "## Kultur og lederskap")
	for _, want := range []string{"# Egenvurdering · Fredag 20. november 2026", "- 7 · Høy takhøyde for tilbakemeldinger: ●●●○○ 3",
		"- 14 · Digitalisering som støtte: –", "Svarte: 8", "**2,75**", "**–**"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
	}
	if culture < 0 || strings.Index(page, "- 7 ·") < culture || strings.Index(page, "- 3 ·") > strings.Index(page, "- 7 ·") {
		t.Errorf("not grouped by theme:\n%s", page)
	}
}

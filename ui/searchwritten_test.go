package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"tillit/journal"
	"tillit/report"
)

// Every word the user types, in any field of any document, is found again:
// by search (what tillit search runs) and by the journal's / filter. The
// test walks the fields of each form, so a field added later is walked
// too: a check-in that follows up a commitment, a weekly reflection, a
// mentoring note.
func TestEveryTypedWordIsFound(t *testing.T) {
	ctx := testContext(t, "nb")
	made := journal.Date{Year: 2026, Month: 11, Day: 24}
	day := journal.Date{Year: 2026, Month: 11, Day: 26}
	prev := journal.NewEntry(ctx.Store.DayPath(made), made)
	prev.Tip, prev.Commitment = 1, "Snakke med Per"
	if err := ctx.Store.Save(prev); err != nil {
		t.Fatal(err)
	}
	j := ctx.Store.Read()
	r, err := ctx.Store.LoadReflection(journal.WeekOf(day))
	if err != nil {
		t.Fatal(err)
	}
	n, err := ctx.Store.LoadMentoring(day)
	if err != nil {
		t.Fatal(err)
	}
	c := newCheckin(ctx, setupFor(t, ctx, day))
	c.followup = 0 // done: its note is written with it
	docs := map[string]*form{
		"checkin":    &c.form,
		"reflection": &newReflection(ctx, r, nil).form,
		"mentoring":  &newMentoring(ctx, j, n, nil).form,
	}
	typed := map[string][]string{} // the words typed in each document
	for name, f := range docs {
		fields := 0
		for _, st := range f.steps {
			for _, fl := range st.fields {
				e, ok := fl.(editable)
				if !ok {
					continue
				}
				w := fmt.Sprintf("ord%s%d", name, fields)
				e.setText("Ett " + w + " her")
				typed[name] = append(typed[name], w)
				fields++
			}
		}
		if fields == 0 {
			t.Fatalf("%s: no field to type in", name)
		}
		write, err := f.doc.write()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, _, err := write(ctx.Store); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}

	j = ctx.Store.Read()
	items := j.Items(ctx.Today())
	o := ctx.Coach.ReportOptions(true)
	for _, it := range items {
		it.Labels = report.Labels(it, o)
	}
	screen := newJournal(ctx)
	screen.Update(screen.refresh(j)())
	for name, words := range typed {
		for _, w := range words {
			hits := journal.Search(items, journal.Query{Words: []string{w}})
			if len(hits) != 1 || !strings.Contains(hits[0].Path, fileOf(name)) {
				t.Errorf("%s: search for %q finds %v", name, w, paths(hits))
			} else if len(hits[0].Matches([]string{w})) == 0 {
				t.Errorf("%s: search finds %q but shows no line of it", name, w)
			}
			screen.filter.SetValue(w)
			screen.applyFilter()
			var listed []string
			for _, i := range screen.shown {
				listed = append(listed, screen.rows[i].path)
			}
			if len(listed) != 1 || !strings.Contains(listed[0], fileOf(name)) {
				t.Errorf("%s: the journal's filter for %q lists %v", name, w, listed)
			}
		}
	}
	if len(typed["checkin"]) < 3 || len(typed["reflection"]) < 4 || len(typed["mentoring"]) < 4 {
		t.Errorf("fields walked: %v", typed)
	}
}

// fileOf is how the file of each document is named.
func fileOf(doc string) string {
	switch doc {
	case "reflection":
		return "W48.md"
	case "mentoring":
		return "26-mentoring.md"
	}
	return "2026-11-26.md"
}

func paths(items []*journal.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Path)
	}
	return slices.Clip(out)
}

package ui

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"tillit/journal"
	"tillit/locale"
)

// keysTo sends keys to a screen, a key at a time ("tab", "enter", or a
// character).
func keysTo(update func(tea.Msg) tea.Cmd, keys ...string) {
	for _, k := range keys {
		update(press(k))
	}
}

// The form asks the tips a theme at a time, a digit per tip; the pulse as
// the staff answered it; a note; and saves what was chosen.
func TestAssessmentFormSavesWhatIsChosen(t *testing.T) {
	ctx := testContext(t, "nb")
	day := ctx.Today()
	m := newAssessment(ctx, journal.NewAssessment(ctx.Store.AssessmentPath(day), day), nil)
	m.Init()
	if len(m.steps) != 7 || !strings.Contains(m.View(), "Kultur og lederskap") {
		t.Fatalf("%d steps; first:\n%s", len(m.steps), m.View())
	}
	// Culture: tips 3, 7, 8, 9, 12, a digit each, the focus moving on.
	keysTo(m.Update, "3", "4", "2", "3", "5", "enter")
	// Governance: tip 1 left out, then 5, 6, 10, 11.
	keysTo(m.Update, "-", "2", "3", "4", "5", "enter")
	// Structures: 2, 4, 13; 14 left as it is.
	keysTo(m.Update, "1", "2", "3", "enter")
	if !strings.Contains(m.pulsePage(), "Hvor trygt er det for deg å si fra her") {
		t.Errorf("the pulse page:\n%s", m.pulsePage())
	}
	keysTo(m.Update, "enter") // past the pulse's page
	typeInto(m.Update, "8")
	keysTo(m.Update, "tab")
	typeInto(m.Update, "3,6")
	keysTo(m.Update, "tab")
	typeInto(m.Update, "x")
	if !strings.Contains(m.View(), "Skriv snittet som et tall fra 1 til 5") {
		t.Errorf("a wrong average is not said:\n%s", m.View())
	}
	if _, err := m.write(); err == nil {
		t.Error("an average that is no number saves")
	}
	m.averages[1].input.SetValue("") // cleared again
	keysTo(m.Update, "tab")
	typeInto(m.Update, "2.75")
	keysTo(m.Update, "tab")
	typeInto(m.Update, "Takhøyden er lavere enn jeg trodde.")
	keysTo(m.Update, "ctrl+s") // to the preview
	if !m.atPreview() || !strings.Contains(m.preview(), "●●●●○ 4") {
		t.Fatalf("not at the preview:\n%s", m.preview())
	}
	keysTo(m.Update, "p") // the whole assessment private
	saved, ok := m.save()().(docSavedMsg)
	if !ok || saved.err != nil {
		t.Fatalf("save: %#v", saved)
	}
	a, err := ctx.Store.LoadAssessment(day)
	if err != nil {
		t.Fatal(err)
	}
	want := []int{0, 1, 3, 2, 2, 3, 4, 2, 3, 4, 5, 5, 3}
	if !slices.Equal(a.Ratings, want) || a.Pack != "trust" || a.PackVersion != ctx.Pack.Version || !a.Private {
		t.Errorf("saved %+v, want ratings %v", a.AssessmentMeta, want)
	}
	if a.Pulse != (journal.Pulse{Answered: 8, Averages: [journal.PulseQuestions]float64{3.6, 0, 2.75}}) {
		t.Errorf("pulse %+v", a.Pulse)
	}
	if note, _ := a.Body.Answer("Hva legger jeg merke til?"); note.Text != "Takhøyden er lavere enn jeg trodde." {
		t.Errorf("note %+v", note)
	}
}

// Opened again, the day's assessment shows what it holds; a number of the
// pulse without how many answered is refused; an empty form saves
// nothing.
func TestAssessmentOpenedAgain(t *testing.T) {
	ctx := testContext(t, "en")
	day := ctx.Today()
	m := newAssessment(ctx, journal.NewAssessment(ctx.Store.AssessmentPath(day), day), nil)
	if _, err := m.write(); err == nil || !strings.Contains(err.Error(), "Nothing to save") {
		t.Errorf("an empty assessment: %v", err)
	}
	m.averages[0].input.SetValue("4")
	if _, err := m.write(); err == nil || !strings.Contains(err.Error(), "how many staff answered") {
		t.Errorf("an average without how many answered: %v", err)
	}
	m.answered.input.SetValue("5")
	m.ratings[6] = 2
	if saved, ok := m.save()().(docSavedMsg); !ok || saved.err != nil {
		t.Fatalf("not saved: %#v", saved)
	}
	base, err := ctx.Store.LoadAssessment(day)
	if err != nil {
		t.Fatal(err)
	}
	again := newAssessment(ctx, base, nil)
	if again.ratings[6] != 2 || again.answered.Value() != "5" || again.averages[0].Value() != "4" {
		t.Errorf("opened again: %v %q %q", again.ratings, again.answered.Value(), again.averages[0].Value())
	}
	before, _ := os.ReadFile(base.Path)
	if saved := again.save()().(docSavedMsg); saved.err != nil {
		t.Fatal(saved.err)
	}
	if after, _ := os.ReadFile(base.Path); !bytes.Equal(before, after) {
		t.Errorf("saved unchanged, the file changed:\n%s\n%s", before, after)
	}
}

// A draft keeps the ratings and the pulse as typed, wrong numbers too;
// the next window offers it and takes it back.
func TestAssessmentDraftComesBack(t *testing.T) {
	ctx := testContext(t, "en")
	day := ctx.Today()
	m := newAssessment(ctx, journal.NewAssessment(ctx.Store.AssessmentPath(day), day), nil)
	m.ratings[0], m.ratings[13] = 4, 1
	m.answered.input.SetValue("six")
	m.note.SetValue("Half a thought")
	d := m.draft()
	if !d.HasText() || d.Kind != "assessment" {
		t.Fatalf("draft %+v", d)
	}
	if err := ctx.Store.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	ctx.Store.ReleaseDraft(d)
	drafts, _, err := ctx.Store.DraftsFor(&journal.Draft{Day: day, Kind: "assessment"})
	if err != nil || len(drafts) != 1 {
		t.Fatalf("%v %v", drafts, err)
	}
	n := newAssessment(ctx, journal.NewAssessment(ctx.Store.AssessmentPath(day), day), drafts)
	if n.resumeOffer == nil || !strings.Contains(n.View(), "unfinished self-assessment") {
		t.Fatalf("no offer:\n%s", n.View())
	}
	n.resume(n.takeOffer())
	if n.ratings[0] != 4 || n.ratings[13] != 1 || n.answered.Value() != "six" || n.note.Value() != "Half a thought" {
		t.Errorf("resumed %v %q %q", n.ratings, n.answered.Value(), n.note.Value())
	}
}

// The accessible way asks every tip as a numbered choice, a wrong number
// again, and saves what the screens would.
func TestAccessibleAssessment(t *testing.T) {
	store := journal.NewStore(t.TempDir())
	day := journal.Date{Year: 2026, Month: 11, Day: 23}
	in := strings.Join([]string{
		"3", "4", "2", "3", "5", // culture: 3, 7, 8, 9, 12
		"0", "2", "", "4", "5", // governance: 1 left out, 5, 6 kept as it is (none), 10, 11
		"1", "2", "3", "4", // structures: 2, 4, 13, 14
		"8",          // how many answered
		"abc", "3.6", // an average that is no number, asked again
		"", "2,5",
		"We speak up less than I thought.", ".", // the note
		"2", // not private
		"1", // save
	}, "\n") + "\n"
	var out bytes.Buffer
	o := Options{Store: store, Lang: locale.New("en"), Now: func() time.Time { return testNow }, Start: StartAssessment, Day: day}
	result, aborted, err := Accessible(o, NewPrompter(o.Lang, strings.NewReader(in), &out))
	if err != nil || aborted || !strings.Contains(result, store.AssessmentPath(day)) {
		t.Fatalf("aborted %v, %v, %q; said:\n%s", aborted, err, result, out.String())
	}
	said := out.String()
	for _, want := range []string{"Culture and leadership. Where are we on this tip today, 1–5? 1 = far from it", "7 · ", "  0  – (left out)",
		"  5  5 (it lives here)", "Staff pulse", "How safe is it for you to speak up here", "Write the average as a number from 1 to 5"} {
		if !strings.Contains(said, want) {
			t.Errorf("the prompts lack %q:\n%s", want, said)
		}
	}
	if strings.ContainsRune(said, '\x1b') {
		t.Error("escape codes in the output")
	}
	a, err := store.LoadAssessment(day)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{0, 1, 3, 2, 2, 0, 4, 2, 3, 4, 5, 5, 3, 4}; !slices.Equal(a.Ratings, want) {
		t.Errorf("ratings %v, want %v", a.Ratings, want)
	}
	if a.Pulse != (journal.Pulse{Answered: 8, Averages: [journal.PulseQuestions]float64{3.6, 0, 2.5}}) || a.Private {
		t.Errorf("pulse %+v private %v", a.Pulse, a.Private)
	}
}

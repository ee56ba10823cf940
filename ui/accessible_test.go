package ui

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"tillit/content"
	"tillit/journal"
	"tillit/locale"
)

// A check-in answered a line at a time lands on disk as the screens would
// write it, and nothing said to the user moves a cursor or sets a colour.
func TestAccessibleCheckin(t *testing.T) {
	store := journal.NewStore(t.TempDir())
	day := journal.Date{Year: 2026, Month: 11, Day: 23}
	in := strings.Join([]string{
		"",                                 // this tip, not another
		"Første linje", "andre linje", ".", // answer 1
		"1",         // private
		".",         // answer 2 left empty
		"4",         // rating
		"",          // energy: none
		"Spør Kari", // the commitment, over the offered practice
		"1",         // save
	}, "\n") + "\n"
	var out bytes.Buffer
	result, aborted, err := Accessible(Options{Store: store, Lang: locale.New("nb"), Now: func() time.Time { return testNow },
		Start: StartCheckIn, Day: day}, NewPrompter(locale.New("nb"), strings.NewReader(in), &out))
	if err != nil || aborted {
		t.Fatalf("aborted %v, %v; said:\n%s", aborted, err, out.String())
	}
	if !strings.Contains(result, store.DayPath(day)) {
		t.Errorf("result %q", result)
	}
	if strings.ContainsRune(out.String(), '\x1b') {
		t.Errorf("escape codes in the output:\n%q", out.String())
	}
	for _, want := range []string{"1  1 (", "5  5 (", "Skriv et tall"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the prompts lack %q:\n%s", want, out.String())
		}
	}
	data, err := os.ReadFile(store.DayPath(day))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"tip: 1\n", "rating: 4\n", "commitment: Spør Kari\n", "<!-- private -->", "Første linje\nandre linje\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the entry lacks %q:\n%s", want, data)
		}
	}
	if d, _ := store.LoadDraft(day); d != nil {
		t.Errorf("a draft was left: %+v", d)
	}
}

// Input that ends before the save keeps what was written as a draft, and
// the next check-in offers it.
func TestAccessibleInputEndingKeepsADraft(t *testing.T) {
	store := journal.NewStore(t.TempDir())
	day := journal.Date{Year: 2026, Month: 11, Day: 23}
	o := Options{Store: store, Lang: locale.New("en"), Now: func() time.Time { return testNow }, Start: StartCheckIn, Day: day}
	var out bytes.Buffer
	result, aborted, err := Accessible(o, NewPrompter(o.Lang, strings.NewReader("\nHalf a thought\n"), &out))
	if err != nil || !aborted || !strings.Contains(result, "draft") {
		t.Fatalf("aborted %v, %v, said %q", aborted, err, result)
	}
	out.Reset()
	// Draft 1, go on with it; the tip; its answer kept; not private; the
	// second answer empty; no rating, no energy; the practice kept; save.
	in := strings.Join([]string{"1", "yes", "1", "", ".", "2", ".", "", "", "", "1"}, "\n") + "\n"
	result, aborted, err = Accessible(o, NewPrompter(o.Lang, strings.NewReader(in), &out))
	if err != nil || aborted || !strings.Contains(out.String(), "Half a thought") || !strings.Contains(out.String(), "Type one of the numbers") {
		t.Fatalf("aborted %v, %v; said:\n%s", aborted, err, out.String())
	}
	if got := savedAnswer(t, store, day, content.MustBuiltin("en").Tips[0].Questions[0]); got != "Half a thought" {
		t.Errorf("saved %q", got)
	}
}

package journal

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func draftWith(day Date, id, text string, at time.Time) *Draft {
	return &Draft{Day: day, ID: id, Updated: at, Answers: []DraftAnswer{{Question: "Q?", Text: text}}}
}

// Two screens on one day keep two drafts; removing one leaves the other.
func TestADraftPerScreen(t *testing.T) {
	s := NewStore(t.TempDir())
	day := Date{2026, 11, 27}
	a, b := NewDraftID(), NewDraftID()
	if a == b || !strings.Contains(a, "-"+strconv.Itoa(os.Getpid())+"-") {
		t.Fatalf("IDs %q and %q", a, b)
	}
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	for i, d := range []*Draft{draftWith(day, a, "first window", at), draftWith(day, b, "second window", at.Add(time.Minute))} {
		if err := s.SaveDraft(d); err != nil {
			t.Fatal(i, err)
		}
		if got := filepath.Base(s.DraftPathOf(d)); got != "checkin-2026-11-27-"+d.ID+".json" {
			t.Errorf("draft named %s", got)
		}
	}
	s.ReleaseDraft(&Draft{Day: day, ID: a})
	s.ReleaseDraft(&Draft{Day: day, ID: b})
	drafts, _, err := s.DraftsFor(&Draft{Day: day})
	if err != nil || len(drafts) != 2 || drafts[0].Answers[0].Text != "second window" || drafts[1].ID != a {
		t.Fatalf("drafts: %+v %v", drafts, err)
	}
	if err := s.RemoveDraft(drafts[0]); err != nil {
		t.Fatal(err)
	}
	drafts, _, _ = s.DraftsFor(&Draft{Day: day})
	if len(drafts) != 1 || drafts[0].Answers[0].Text != "first window" {
		t.Fatalf("after removing one: %+v", drafts)
	}
	if days, err := s.Drafts(); err != nil || len(days) != 1 || days[0] != day {
		t.Errorf("Drafts: %v %v", days, err)
	}
	// Trashing one leaves the rest.
	if err := s.SaveDraft(draftWith(day, b, "again", at)); err != nil {
		t.Fatal(err)
	}
	s.ReleaseDraft(&Draft{Day: day, ID: b})
	if err := s.TrashDraft(&Draft{Day: day, ID: a}, at); err != nil {
		t.Fatal(err)
	}
	drafts, _, _ = s.DraftsFor(&Draft{Day: day})
	if len(drafts) != 1 || drafts[0].ID != b {
		t.Fatalf("after trashing one: %+v", drafts)
	}
}

// Drafts of earlier versions, one per day under the old names, are still
// found, offered and counted.
func TestOldDraftNamesAreFound(t *testing.T) {
	s := NewStore(t.TempDir())
	day := Date{2026, 11, 26}
	dir := filepath.Join(s.AppDir(), "drafts")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	old := map[string]string{
		"checkin-2026-11-26.json":     `{"day":"2026-11-26","answers":[{"question":"Q?","text":"old check-in"}]}`,
		"week-2026-W48.json":          `{"day":"2026-11-23","week":"2026-W48","tip":3,"answers":[]}`,
		"mentoring-2026-11-26.json":   `{"day":"2026-11-26","kind":"mentoring","answers":[{"question":"Q?","text":"old note"}]}`,
		"checkin-2026-11-26.json.bad": "not json",
		"checkin-2026-11-26-x.lock":   "",
	}
	for name, data := range old {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	d, _, err := s.DraftsFor(&Draft{Day: day})
	if err != nil || len(d) != 1 || d[0].ID != "" || d[0].Answers[0].Text != "old check-in" {
		t.Fatalf("check-in: %+v %v", d, err)
	}
	if d[0].ID != "" || s.DraftPathOf(d[0]) != filepath.Join(dir, "checkin-2026-11-26.json") {
		t.Errorf("the old draft is at %s", s.DraftPathOf(d[0]))
	}
	w, _, err := s.DraftsFor(&Draft{Day: Date{2026, 11, 23}, Week: "2026-W48"})
	if err != nil || len(w) != 1 || w[0].Tip != 3 {
		t.Errorf("week: %+v %v", w, err)
	}
	m, _, err := s.DraftsFor(&Draft{Day: day, Kind: "mentoring"})
	if err != nil || len(m) != 1 || m[0].Answers[0].Text != "old note" {
		t.Errorf("mentoring: %+v %v", m, err)
	}
	if days, err := s.Drafts(); err != nil || len(days) != 1 || days[0] != day {
		t.Errorf("Drafts: %v %v", days, err)
	}
	// Removing it once saved removes the old file.
	if err := s.RemoveDraft(d[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "checkin-2026-11-26.json")); !os.IsNotExist(err) {
		t.Errorf("the old draft is still there: %v", err)
	}
}

// A draft another window has open (it holds the lock) is neither offered
// nor counted; once that window is gone, it is.
func TestADraftOpenElsewhereIsNotOffered(t *testing.T) {
	root := t.TempDir()
	window, other := NewStore(root), NewStore(root) // two processes, as far as locks go
	day := Date{2026, 11, 27}
	d := draftWith(day, NewDraftID(), "being typed", time.Now())
	if err := window.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := other.DraftsFor(&Draft{Day: day}); len(got) != 0 {
		t.Errorf("offered while open elsewhere: %+v", got)
	}
	if days, _ := other.Drafts(); len(days) != 0 {
		t.Errorf("counted while open elsewhere: %v", days)
	}
	window.ReleaseDraft(d) // the window closed (or was killed)
	if got, _, _ := other.DraftsFor(&Draft{Day: day}); len(got) != 1 || got[0].Answers[0].Text != "being typed" {
		t.Errorf("not offered once closed: %+v", got)
	}
	if days, _ := other.Drafts(); len(days) != 1 {
		t.Errorf("not counted once closed: %v", days)
	}
	// No lock file is left for a closed screen.
	if _, err := os.Stat(lockPathOf(window.DraftPathOf(d))); !os.IsNotExist(err) {
		t.Errorf("lock file left: %v", err)
	}
}

// A draft ID never leads out of the drafts folder.
func TestDraftIDStaysInItsFolder(t *testing.T) {
	s := NewStore(t.TempDir())
	p := s.DraftPathOf(&Draft{Day: Date{2026, 11, 27}, ID: "../../x"})
	if filepath.Dir(p) != filepath.Join(s.AppDir(), "drafts") {
		t.Errorf("path %s", p)
	}
}

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tillit/journal"
)

// Two windows type the check-in of one day (two stores on one journal, as
// two processes): what each typed is on disk, in a draft of its own, and a
// save in one leaves the other's text.
func TestTwoWindowsTextsBothOnDisk(t *testing.T) {
	day := journal.Date{Year: 2026, Month: 11, Day: 26}
	ca, cb := testContext(t, "en"), testContext(t, "en")
	cb.Store = journal.NewStore(ca.Store.Root)
	a, b := newCheckin(ca, setupFor(t, ca, day)), newCheckin(cb, setupFor(t, cb, day))
	for _, w := range []struct {
		m    *checkinModel
		text string
	}{{a, "typed in the first window"}, {b, "typed in the second window"}} {
		w.m.Init()
		w.m.Update(press("enter"))
		typeText(w.m, w.text)
		runAll(w.m.saveDraft())
	}
	onDisk := func() string {
		dir := filepath.Join(ca.Store.Root, journal.AppDirName, "drafts")
		files, _ := os.ReadDir(dir)
		var all strings.Builder
		for _, f := range files {
			data, _ := os.ReadFile(filepath.Join(dir, f.Name()))
			all.Write(data)
		}
		return all.String()
	}
	// Both killed now: both texts must be there to be offered.
	for _, want := range []string{"typed in the first window", "typed in the second window"} {
		if !strings.Contains(onDisk(), want) {
			t.Errorf("%q is in no draft", want)
		}
	}
	saveNow(t, a)
	if got := onDisk(); !strings.Contains(got, "typed in the second window") {
		t.Errorf("the first window's save took the second's draft; drafts hold:\n%s", got)
	}
}

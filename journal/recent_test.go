package journal

import (
	"testing"
	"time"
)

// Recent reads a few days, and must tell the streak exactly as reading the
// whole journal does: on every day, with days away and weekends off.
func TestRecentTellsTheStreakAsTheWholeJournal(t *testing.T) {
	files := map[string]string{"away.md": "---\naway:\n  - from: 2026-12-01\n    to: 2026-12-03\n    reason: kurs\n---\n"}
	for name, text := range handJournal {
		files[name] = text
	}
	files["2026/12/2026-12-04.md"] = "---\ntip: 1\n---\n"
	files["2026/11/2026-11-30.md"] = "---\ntip: 2\n---\n"
	s := writeJournal(t, files)
	for _, weekdaysOnly := range []bool{false, true} {
		whole := s.Read()
		whole.WeekdaysOnly = weekdaysOnly
		for day := d("2026-11-14"); day.Before(d("2027-01-10")); day = day.AddDays(1) {
			recent, err := s.Recent(day, weekdaysOnly)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := recent.CurrentStreak(day), whole.CurrentStreak(day); got != want && !day.Before(whole.Entries[0].Date) {
				t.Errorf("weekdays only %v, %s: streak %d, want %d", weekdaysOnly, day, got, want)
			}
			if got, want := recent.CheckedIn(day), whole.CheckedIn(day); got != want {
				t.Errorf("%s: checked in %v, want %v", day, got, want)
			}
		}
	}
}

func TestRecentReadsLittle(t *testing.T) {
	root := t.TempDir()
	if err := Sample(NewStore(root), d("2026-11-26"), 3650, 14, sampleText); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	j, err := NewStore(root).Recent(d("2026-11-27"), false)
	if err != nil {
		t.Fatal(err)
	}
	if got := j.CurrentStreak(d("2026-11-27")); got != 3650 {
		t.Errorf("streak %d, want 3650", got)
	}
	t.Logf("read a 3,650-day streak in %v", time.Since(start))
}

package journal

import (
	"fmt"
	"testing"
)

// day builds an entry for a test: tip 0 means a day with only notes.
func day(t *testing.T, date string, tip int, extra string) *Entry {
	t.Helper()
	text := fmt.Sprintf("---\ndate: %s\n", date)
	if tip > 0 {
		text += fmt.Sprintf("tip: %d\n", tip)
	}
	text += extra + "---\n"
	e, err := ParseEntry(date+".md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func d(s string) Date {
	v, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func TestDueTip(t *testing.T) {
	cases := []struct {
		name    string
		entries []*Entry
		on      string
		want    int
	}{
		{"empty journal starts at 1", nil, "2026-11-23", 1},
		{"in order", []*Entry{day(t, "2026-11-23", 1, ""), day(t, "2026-11-24", 2, "")}, "2026-11-25", 3},
		{"a missed day skips nothing", []*Entry{day(t, "2026-11-02", 1, ""), day(t, "2026-11-20", 2, "")}, "2026-11-27", 3},
		{"notes-only days are not check-ins", []*Entry{day(t, "2026-11-23", 1, ""), day(t, "2026-11-24", 0, "")}, "2026-11-25", 2},
		{"out of turn waits for the round", []*Entry{day(t, "2026-11-23", 1, ""), day(t, "2026-11-24", 2, ""), day(t, "2026-11-25", 9, "")}, "2026-11-26", 3},
		{"the day's own entry does not count", []*Entry{day(t, "2026-11-23", 1, ""), day(t, "2026-11-24", 2, "")}, "2026-11-24", 2},
	}
	// Round 2: every tip once, then tip 1 again, with 5 chosen out of turn.
	var round2 []*Entry
	for i := 1; i <= 14; i++ {
		round2 = append(round2, day(t, fmt.Sprintf("2026-10-%02d", i), i, ""))
	}
	round2 = append(round2, day(t, "2026-10-20", 1, ""), day(t, "2026-10-21", 5, ""))
	cases = append(cases, struct {
		name    string
		entries []*Entry
		on      string
		want    int
	}{"round 2 walks in order past an early pick", round2, "2026-10-22", 2})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := DueTip(c.entries, d(c.on), 14); got != c.want {
				t.Errorf("DueTip = %d, want %d", got, c.want)
			}
		})
	}
	if r, done := Round(round2, d("2026-10-22"), 14); r != 2 || done != 2 {
		t.Errorf("Round = %d, %d done; want 2, 2", r, done)
	}
	if n := TimesOnTip(round2, 1, d("2026-10-22")); n != 2 {
		t.Errorf("TimesOnTip = %d, want 2", n)
	}
}

func TestCommitmentToFollowUp(t *testing.T) {
	c1 := day(t, "2026-11-23", 1, "commitment: Spør Kari\n")
	t.Run("asks about the last commitment", func(t *testing.T) {
		if got := CommitmentToFollowUp([]*Entry{c1}, d("2026-11-24")); got != c1 {
			t.Errorf("got %v", got)
		}
	})
	t.Run("nothing before the first commitment", func(t *testing.T) {
		if got := CommitmentToFollowUp([]*Entry{c1}, d("2026-11-23")); got != nil {
			t.Errorf("got %v", got.Date)
		}
	})
	t.Run("a check-in between that followed up closes it", func(t *testing.T) {
		between := day(t, "2026-11-24", 2, "followup: done\nfollowup_of: 2026-11-23\n")
		if got := CommitmentToFollowUp([]*Entry{c1, between}, d("2026-11-25")); got != nil {
			t.Errorf("got %v", got.Date)
		}
	})
	t.Run("a hand-written follow-up without followup_of counts", func(t *testing.T) {
		between := day(t, "2026-11-24", 2, "followup: partly\n")
		if got := CommitmentToFollowUp([]*Entry{c1, between}, d("2026-11-25")); got != nil {
			t.Errorf("got %v", got.Date)
		}
	})
	t.Run("a check-in between without follow-up leaves it open", func(t *testing.T) {
		between := day(t, "2026-11-24", 2, "")
		if got := CommitmentToFollowUp([]*Entry{c1, between}, d("2026-11-25")); got != c1 {
			t.Errorf("got %v", got)
		}
	})
	t.Run("the newest commitment wins", func(t *testing.T) {
		c2 := day(t, "2026-11-24", 2, "commitment: Fagprat fredag\nfollowup: done\nfollowup_of: 2026-11-23\n")
		if got := CommitmentToFollowUp([]*Entry{c1, c2}, d("2026-11-25")); got != c2 {
			t.Errorf("got %v", got)
		}
	})
	t.Run("editing a day asks about the same commitment", func(t *testing.T) {
		c2 := day(t, "2026-11-24", 2, "followup: done\nfollowup_of: 2026-11-23\n")
		if got := CommitmentToFollowUp([]*Entry{c1, c2}, d("2026-11-24")); got != c1 {
			t.Errorf("got %v", got)
		}
	})
	t.Run("a notes-only day closing it counts", func(t *testing.T) {
		note := day(t, "2026-11-24", 0, "followup: not\nfollowup_of: 2026-11-23\n")
		if got := CommitmentToFollowUp([]*Entry{c1, note}, d("2026-11-25")); got != nil {
			t.Errorf("got %v", got.Date)
		}
	})
}

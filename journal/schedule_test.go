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

func TestFocusTip(t *testing.T) {
	rated := func(date string, tip, rating int) *Entry {
		return day(t, date, tip, fmt.Sprintf("rating: %d\n", rating))
	}
	cases := []struct {
		name    string
		entries []*Entry
		on      string
		want    int
	}{
		{"an empty journal starts at 1", nil, "2026-11-23", 1},
		{"unvisited tips come in order while nothing went badly",
			[]*Entry{rated("2026-11-01", 1, 4), rated("2026-11-02", 2, 3)}, "2026-11-23", 3},
		{"the lowest last rating first",
			[]*Entry{rated("2026-10-01", 5, 2), rated("2026-10-02", 9, 1), rated("2026-10-03", 3, 5)}, "2026-11-23", 9},
		{"the last rating counts, not an earlier one",
			[]*Entry{rated("2026-09-01", 9, 1), rated("2026-10-02", 9, 5), rated("2026-10-03", 4, 2)}, "2026-11-23", 4},
		{"a tip checked in during the past week rests",
			[]*Entry{rated("2026-10-01", 5, 2), rated("2026-11-20", 9, 1)}, "2026-11-23", 5},
		{"ties go to the tip left longest",
			[]*Entry{rated("2026-10-05", 6, 2), rated("2026-10-01", 8, 2)}, "2026-11-23", 8},
		{"the day's own entry does not count",
			[]*Entry{rated("2026-10-01", 5, 2), rated("2026-11-23", 5, 5)}, "2026-11-23", 5},
	}
	for _, c := range cases {
		if got := FocusTip(c.entries, d(c.on), 14); got != c.want {
			t.Errorf("%s: tip %d, want %d", c.name, got, c.want)
		}
		if got := Focus.Due(c.entries, d(c.on), 14); got != c.want {
			t.Errorf("%s: Focus.Due gives %d", c.name, got)
		}
	}
	// Every tip rested: the one rested longest and rated lowest comes.
	var all []*Entry
	for tip := 1; tip <= 3; tip++ {
		all = append(all, rated(fmt.Sprintf("2026-11-%02d", 19+tip), tip, 4))
	}
	if got := FocusTip(all, d("2026-11-23"), 3); got != 1 {
		t.Errorf("all resting: %d, want 1", got)
	}
	if got := Schedule("").Due(all, d("2026-11-23"), 3); got != DueTip(all, d("2026-11-23"), 3) {
		t.Errorf("no schedule is the sequence")
	}
}

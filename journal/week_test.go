package journal

import "testing"

func TestISOWeeks(t *testing.T) {
	cases := []struct {
		week        string
		monday, sun string
	}{
		{"2026-W48", "2026-11-23", "2026-11-29"},
		{"2026-W53", "2026-12-28", "2027-01-03"},
		{"2027-W01", "2027-01-04", "2027-01-10"},
		{"2025-W01", "2024-12-30", "2025-01-05"},
		{"2020-W53", "2020-12-28", "2021-01-03"},
	}
	for _, c := range cases {
		w, err := ParseWeek(c.week)
		if err != nil {
			t.Fatal(err)
		}
		if w.Monday() != d(c.monday) || w.Sunday() != d(c.sun) || w.String() != c.week {
			t.Errorf("%s: %s–%s", c.week, w.Monday(), w.Sunday())
		}
		if WeekOf(d(c.sun)) != w || WeekOf(d(c.monday)) != w {
			t.Errorf("%s: WeekOf disagrees", c.week)
		}
	}
	for _, bad := range []string{"2026-W54", "2025-W53", "2026-W00", "W48", "2026-48", "2020-w53x", "2020-W+9", "2020-W9"} {
		if _, err := ParseWeek(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	if got := WeekOf(d("2027-01-01")); got.String() != "2026-W53" {
		t.Errorf("2027-01-01 is in %s", got)
	}
	if w, _ := ParseWeek("2026-W53"); w.Add(1).String() != "2027-W01" || w.Add(-1).String() != "2026-W52" {
		t.Errorf("Add across the year: %s %s", w.Add(1), w.Add(-1))
	}
}

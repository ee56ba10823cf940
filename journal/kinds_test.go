package journal

import "testing"

// isKind reports whether a file name is of kind k by the table.
func isKind(name string, k Kind) bool {
	n, ok := nameOf(name)
	return ok && n.kind == k
}

// The table reads every name of a journal file, and only those.
func TestTheTableOfKindsReadsNames(t *testing.T) {
	cases := []struct {
		name      string
		kind      Kind
		ok, real  bool
		home      string
		year, mon string // a folder it belongs in
	}{
		{"2026-11-23.md", KindDay, true, true, "2026/11/", "2026", "11"},
		{"2026-11-23-mentoring.md", KindMentoring, true, true, "2026/11/", "2026", "11"},
		{"2026-11-23-assessment.md", KindAssessment, true, true, "2026/11/", "2026", "11"},
		{"2026-02-30-assessment.md", KindAssessment, true, false, "", "", ""},
		{"2026-W48.md", KindWeek, true, true, "2026/", "2026", ""},
		{"2026-W53.md", KindWeek, true, true, "2026/", "2026", ""},
		{"away.md", KindAway, true, true, "", "", ""},
		{"2026-02-30.md", KindDay, true, false, "", "", ""},
		{"0000-01-01.md", KindDay, true, false, "", "", ""},
		{"2026-13-01-mentoring.md", KindMentoring, true, false, "", "", ""},
		{"2026-W54.md", KindWeek, true, false, "", "", ""},
		{"2025-W53.md", KindWeek, true, false, "", "", ""},
		{"2026-w48.md", 0, false, false, "", "", ""},
		{"2026-11-23.txt", 0, false, false, "", "", ""},
		{"2026-1-23.md", 0, false, false, "", "", ""},
		{"２０26-11-23.md", 0, false, false, "", "", ""},
		{"notes.md", 0, false, false, "", "", ""},
	}
	for _, c := range cases {
		n, ok := nameOf(c.name)
		if ok != c.ok || ok && (n.kind != c.kind || n.real != c.real) {
			t.Errorf("%s: %+v %v, want kind %d real %v ok %v", c.name, n, ok, c.kind, c.real, c.ok)
			continue
		}
		if !ok || !n.real {
			continue
		}
		if n.home() != c.home || !n.in(c.year, c.mon) {
			t.Errorf("%s: home %q, in %s/%s %v", c.name, n.home(), c.year, c.mon, n.in(c.year, c.mon))
		}
		if n.in("2025", "11") || n.kind != KindAway && n.in("", "") {
			t.Errorf("%s is in the wrong folders too", c.name)
		}
	}
	for name, want := range map[string][2]bool{"2026": {true, false}, "0000": {true, false}, "01": {false, true}, "12": {false, true}, "13": {false, false}, "00": {false, false}, "1": {false, false}} {
		if isYearFolder(name) != want[0] || isMonthFolder(name) != want[1] {
			t.Errorf("%s: year %v month %v", name, isYearFolder(name), isMonthFolder(name))
		}
	}
}

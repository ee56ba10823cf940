package journal

import "testing"

func TestIdentify(t *testing.T) {
	day, _ := ParseDate("2026-11-27")
	week, _ := ParseWeek("2026-W48")
	cases := map[string]JournalFile{
		"2026/11/2026-11-27.md":            {Kind: DayFile, Day: day},
		"2026/11/2026-11-27-mentoring.md":  {Kind: MentoringFile, Day: day},
		"2026/11/2026-11-27-assessment.md": {Kind: AssessmentFile, Day: day},
		"2026/2026-W48.md":                 {Kind: ReflectionFile, Week: week},
		"away.md":                          {Kind: AwayList},
		"2026/12/2026-11-27.md":            {},
		"2026/11/2026-11-31.md":            {},
		"2025/2026-W48.md":                 {},
		"notes.md":                         {},
		".gitignore":                       {},
	}
	for path, want := range cases {
		if got := Identify(path); got != want {
			t.Errorf("Identify(%q) = %+v, want %+v", path, got, want)
		}
	}
}

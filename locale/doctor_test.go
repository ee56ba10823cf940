package locale

import (
	"errors"
	"strings"
	"testing"

	"tillit/journal"
)

// Every kind of front-matter problem, of doctor finding and of jrnl error
// has its words in every language: none falls back to English or to a message id.
func TestProblemsAndFindingsAreTranslated(t *testing.T) {
	kinds := []string{
		journal.ProblemNotSingle, journal.ProblemNotNumber, journal.ProblemOutOfRange,
		journal.ProblemNotDate, journal.ProblemNoSuchDay, journal.ProblemNotWeek,
		journal.ProblemNotBool, journal.ProblemNotList, journal.ProblemNotOneOf,
		journal.ProblemDiffers, journal.ProblemNotUTF8, journal.ProblemAwayList,
		journal.ProblemAwayItem, journal.ProblemUnclearFront, journal.ProblemNotMapping,
		journal.ProblemNotDecimal, journal.ProblemTwice,
	}
	findings := []journal.Finding{
		{Kind: journal.FindUnparseable, Err: &journal.ParseError{Path: "p", Kind: journal.ParseNoClosingFence}},
		{Kind: journal.FindUnparseable, Err: &journal.ParseError{Path: "p", Kind: journal.ParseUnclearFront}},
		{Kind: journal.FindUnreadable, Err: errors.New("permission denied")},
		{Kind: journal.FindStray}, {Kind: journal.FindStray, Folder: true}, {Kind: journal.FindStray, Special: true},
		{Kind: journal.FindMisplaced, Other: "2026/12/"}, {Kind: journal.FindNoSuchDay},
		{Kind: journal.FindPermissions, Mode: 0o644, Want: 0o600},
		{Kind: journal.FindConflict, Other: "a.md"}, {Kind: journal.FindConflict, Other: "a.md", Missing: true},
		{Kind: journal.FindSymlink, Other: "/x"}, {Kind: journal.FindSymlink, Other: "/x", Outside: true},
		{Kind: journal.FindSymlink, Other: "/x", Missing: true},
	}
	for _, lang := range Supported {
		c := New(lang)
		seen := map[string]bool{}
		for _, k := range kinds {
			p := journal.Problem{Key: "rating", Kind: k, Value: "6", Min: 1, Max: 5, Want: "2026-11-20", Line: 3, Reason: "ENGLISH"}
			got := c.Problem(p)
			if strings.Contains(got, "ENGLISH") || strings.Contains(got, "problem.") || strings.Contains(got, "<no value>") {
				t.Errorf("%s %s: %q", lang, k, got)
			}
		}
		for _, f := range findings {
			f.Path, f.Detail = "2026/11/x.md", "ENGLISH"
			got := c.Finding(f)
			if strings.Contains(got, "ENGLISH") || strings.Contains(got, "doctor.") || strings.Contains(got, "<no value>") || seen[got] {
				t.Errorf("%s %+v: %q", lang, f, got)
			}
			seen[got] = true
		}
	}
	for _, lang := range Supported {
		c := New(lang)
		for _, k := range []string{journal.JrnlNotEntry, journal.JrnlNotText, journal.JrnlBadDate, journal.JrnlBadTime,
			journal.JrnlJSON, journal.JrnlNoEntries, journal.JrnlMissing, journal.JrnlWrongType} {
			got := c.Describe(&journal.JrnlError{Path: "j.txt", Line: 7, Kind: k, Value: "x", Reason: "ENGLISH"})
			if !strings.HasPrefix(got, "j.txt:7: ") || strings.Contains(got, "jrnl.") || strings.Contains(got, "<no value>") {
				t.Errorf("%s %s: %q", lang, k, got)
			}
		}
	}
	if got := New("nb").Problem(journal.Problem{Key: "rating", Kind: journal.ProblemOutOfRange, Value: "6", Min: 1, Max: 5}); got != "rating: 6 er utenfor 1–5" {
		t.Errorf("nb: %q", got)
	}
}

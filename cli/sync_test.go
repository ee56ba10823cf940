package cli

import (
	"errors"
	"strings"
	"testing"

	"tillit/gitsync"
	"tillit/journal"
	"tillit/locale"
)

// A sync git cannot finish is told in one line: which day, why, and what
// to do.
func TestSyncConflictIsOneLineThatSaysWhatToDo(t *testing.T) {
	a := &app{lang: locale.New("en"), store: journal.NewStore("/home/kari/journal")}
	day, _ := journal.ParseDate("2026-11-27")
	parse := &journal.ParseError{Path: "2026/11/2026-11-27.md", Kind: journal.ParseInvalidYAML, Detail: "line 3: did not find expected ','"}
	cases := map[string]struct {
		err  error
		want []string
	}{
		"theirs": {
			&gitsync.ConflictError{Rel: "2026/11/2026-11-27.md", File: journal.JournalFile{Kind: journal.DayFile, Day: day},
				Reason: &journal.MergeError{Path: "2026/11/2026-11-27.md", Side: "theirs", Err: parse}},
			[]string{"Friday 27 November 2026 was changed on both machines", "the other machine's version cannot be read", "line 3", "mend 2026/11/2026-11-27.md on the other machine", "then run tillit sync here"},
		},
		"ours": {
			&gitsync.ConflictError{Rel: "2026/11/2026-11-27.md", File: journal.JournalFile{Kind: journal.DayFile, Day: day},
				Reason: &journal.MergeError{Path: "2026/11/2026-11-27.md", Side: "ours", Err: parse}},
			[]string{"this machine's version cannot be read", "git pull --rebase in /home/kari/journal", "then run tillit sync"},
		},
		"other": {
			&gitsync.ConflictError{Rel: "ideas.txt", File: journal.JournalFile{}, Reason: &journal.MergeError{Path: "ideas.txt"}},
			[]string{"ideas.txt was changed on both machines, and it is not a file tillit can merge"},
		},
		"remote": {
			&gitsync.RemoteError{Remote: "origin", Detail: "Could not resolve host"},
			[]string{"could not reach origin (Could not resolve host); nothing is lost"},
		},
	}
	for name, c := range cases {
		got := a.describeSync(c.err)
		if strings.Contains(got, "\n") {
			t.Errorf("%s: more than one line: %q", name, got)
		}
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", name, got, w)
			}
		}
	}
	if got := a.describeSync(errors.New("plain")); got != "plain" {
		t.Errorf("another error: %q", got)
	}
}

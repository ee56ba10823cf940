package journal

import (
	"errors"
	"strings"
	"testing"
)

func TestMergeText(t *testing.T) {
	cases := []struct{ base, ours, theirs, want string }{
		{"a", "a", "b", "b"},      // only theirs changed
		{"a", "b", "a", "b"},      // only ours changed
		{"a", "b", "b", "b"},      // both the same
		{"a", "b", "c", "c\n\nb"}, // both: the file's first
		{"", "b c", "b", "b c"},   // ours holds theirs already
		{"a", "  a  ", "c", "c"},  // spaces are no change
		{"", "mine", "yours", "yours\n\nmine"},
	}
	for _, c := range cases {
		if got := MergeText(c.base, c.ours, c.theirs, "\n\n"); got != c.want {
			t.Errorf("MergeText(%q, %q, %q) = %q, want %q", c.base, c.ours, c.theirs, got, c.want)
		}
	}
}

const mergeBase = `---
date: 2026-11-27
tip: 7
tags: [team]
commitment: Ask Kari
---

## What went well?

The meeting.

## What was hard?

Nothing yet.
`

func mustMerge(t *testing.T, base, ours, theirs string) string {
	t.Helper()
	var b []byte
	if base != "" {
		b = []byte(base)
	}
	out, err := MergeFile("2026/11/2026-11-27.md", b, []byte(ours), []byte(theirs))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseEntry("2026/11/2026-11-27.md", out); err != nil {
		t.Fatalf("the merge does not parse: %v\n%s", err, out)
	}
	return string(out)
}

func TestMergeFileKeepsBothSidesChanges(t *testing.T) {
	ours := strings.Replace(mergeBase, "The meeting.", "The meeting, and the walk after.", 1)
	ours = strings.Replace(ours, "tags: [team]", "tags: [team, walk]", 1)
	theirs := strings.Replace(mergeBase, "Nothing yet.", "The rota.", 1)
	theirs = strings.Replace(theirs, "tags: [team]", "tags: [team, rota]", 1)
	got := mustMerge(t, mergeBase, ours, theirs)
	for _, want := range []string{"The meeting, and the walk after.", "The rota.", "rota", "walk"} {
		if !strings.Contains(got, want) {
			t.Errorf("the merge lost %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Nothing yet.") {
		t.Errorf("the merge kept the old text theirs replaced:\n%s", got)
	}
}

func TestMergeFileSameAnswerBothChangedKeepsBothTheFilesFirst(t *testing.T) {
	ours := strings.Replace(mergeBase, "The meeting.", "Written on the laptop.", 1)
	ours = strings.Replace(ours, "Ask Kari", "Ask Per", 1)
	theirs := strings.Replace(mergeBase, "The meeting.", "Written at home.", 1)
	theirs = strings.Replace(theirs, "Ask Kari", "Ask Siri", 1)
	got := mustMerge(t, mergeBase, ours, theirs)
	home, laptop := strings.Index(got, "Written at home."), strings.Index(got, "Written on the laptop.")
	if home < 0 || laptop < 0 || home > laptop {
		t.Errorf("want both answers, the file's first:\n%s", got)
	}
	if !strings.Contains(got, "Ask Siri · Ask Per") {
		t.Errorf("want both commitments, the file's first:\n%s", got)
	}
}

func TestMergeFileBothMadeTheDay(t *testing.T) {
	ours := "---\ndate: 2026-11-27\ntip: 7\nrating: 4\n---\n\n## What went well?\n\nOn the laptop.\n\n## 09:14\n\nA note here.\n"
	theirs := "---\ndate: 2026-11-27\ntip: 7\nrating: 2\nprivate: true\n---\n\n## What went well?\n\nAt home.\n"
	got := mustMerge(t, "", ours, theirs)
	for _, want := range []string{"On the laptop.", "At home.", "A note here.", "rating: 4", "private: true"} {
		if !strings.Contains(got, want) {
			t.Errorf("the merge lost %q:\n%s", want, got)
		}
	}
	if strings.Index(got, "At home.") > strings.Index(got, "On the laptop.") {
		t.Errorf("the file's text comes first:\n%s", got)
	}
}

func TestMergeFilePrivacyFailsClosed(t *testing.T) {
	base := "---\ndate: 2026-11-27\n---\n\n## Q\n\nplain\n"
	ours := "---\ndate: 2026-11-27\n---\n\n<!-- private -->\n## Q\n\nsecret\n<!-- /private -->\n"
	theirs := "---\ndate: 2026-11-27\n---\n\n## Q\n\nopen words\n"
	got := mustMerge(t, base, ours, theirs)
	e, _ := ParseEntry("2026/11/2026-11-27.md", []byte(got))
	a, ok := e.Body.Answer("Q")
	if !ok || !a.Private || !strings.Contains(a.Text, "secret") || !strings.Contains(a.Text, "open words") {
		t.Errorf("want both texts, private: %+v\n%s", a, got)
	}
}

func TestMergeFileRemovedHereChangedThereIsKept(t *testing.T) {
	ours := strings.Replace(mergeBase, "## What was hard?\n\nNothing yet.\n", "", 1)
	theirs := strings.Replace(mergeBase, "Nothing yet.", "The rota.", 1)
	got := mustMerge(t, mergeBase, ours, theirs)
	if !strings.Contains(got, "The rota.") {
		t.Errorf("a section changed there was lost:\n%s", got)
	}
	// Removed here and untouched there: it goes.
	got = mustMerge(t, mergeBase, ours, mergeBase)
	if strings.Contains(got, "What was hard?") {
		t.Errorf("a section removed here came back:\n%s", got)
	}
}

func TestMergeFileAwayListsJoin(t *testing.T) {
	base := "---\naway:\n  - from: 2026-07-01\n    to: 2026-07-20\n---\n"
	ours := strings.TrimSuffix(base, "---\n") + "  - from: 2026-12-24\n    to: 2026-12-31\n---\n"
	theirs := strings.TrimSuffix(base, "---\n") + "  - from: 2026-10-05\n    to: 2026-10-09\n---\n"
	out, err := MergeFile("away.md", []byte(base), []byte(ours), []byte(theirs))
	if err != nil {
		t.Fatal(err)
	}
	f, err := parseAwayFile("away.md", out)
	if err != nil || len(f.Periods) != 3 {
		t.Fatalf("want three stretches, got %v %v:\n%s", f, err, out)
	}
}

func TestMergeFileRefusesWhatItCannotRead(t *testing.T) {
	broken := "---\ndate: 2026-11-27\ntip: [\n---\n"
	_, err := MergeFile("2026/11/2026-11-27.md", []byte(mergeBase), []byte(broken), []byte(mergeBase+"x\n"))
	var me *MergeError
	if !errors.As(err, &me) || me.Side != "ours" {
		t.Errorf("want a MergeError for ours, got %v", err)
	}
	_, err = MergeFile("notes.txt", nil, []byte("a"), []byte("b"))
	if !errors.As(err, &me) || me.Side != "" {
		t.Errorf("want a MergeError for a file that is not markdown, got %v", err)
	}
	// A base that cannot be read counts as none: both texts are kept.
	got := mustMerge(t, broken, strings.Replace(mergeBase, "The meeting.", "A", 1), strings.Replace(mergeBase, "The meeting.", "B", 1))
	if !strings.Contains(got, "B\n\nA") {
		t.Errorf("want both texts:\n%s", got)
	}
}

func TestMergeFileUntouchedIsTheirsByteForByte(t *testing.T) {
	theirs := strings.Replace(mergeBase, "The meeting.", "The meeting.  \n", 1)
	got := mustMerge(t, mergeBase, mergeBase, theirs)
	if got != theirs {
		t.Errorf("want theirs as it is:\n%q\n%q", got, theirs)
	}
}

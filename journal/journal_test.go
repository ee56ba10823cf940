package journal

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// writeJournal puts hand-written files in a journal folder.
func writeJournal(t *testing.T, files map[string]string) *Store {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return NewStore(root)
}

func week(s string) Week {
	w, err := ParseWeek(s)
	if err != nil {
		panic(err)
	}
	return w
}

// A journal of hand-written entries: extra keys, days without a rating, a
// private entry, notes-only days, gaps, a week across the new year.
var handJournal = map[string]string{
	"2026/11/2026-11-16.md": "---\ndate: 2026-11-16\ntip: 1\nrating: 3\ncommitment: Stryk ett rapportkrav\n---\n## Q\n\nA\n",
	"2026/11/2026-11-17.md": "---\ntip: 2\nrating: 4\nfollowup: done\nmood: god # my own key\n---\n",
	"2026/11/2026-11-18.md": "---\ntip: 3\ncommitment: Spør Kari\n---\n",
	"2026/11/2026-11-20.md": "---\ntip: 4\nrating: 5\nprivate: true\nfollowup: partly\nfollowup_of: 2026-11-18\ncommitment: Fagprat fredag\n---\nSecret.\n",
	"2026/11/2026-11-22.md": "---\ndate: 2026-11-22\n---\n## 09:00\n\nOnly a note.\n",
	"2026/11/2026-11-23.md": "---\ntip: 5\nrating: 2\ncommitment: Ring Per\n---\n",
	"2026/11/2026-11-24.md": "---\ntip: 6\nrating: 3\nfollowup: not\nfollowup_of: 2026-11-23\n---\n",
	"2026/11/2026-11-25.md": "---\ntip: 7\ncommitment: Spør teamet\noutcome: done\noutcome_note: Gjort på møtet\n---\n",
	"2026/11/2026-11-26.md": "---\ntip: 8\nrating: 4\ncommitment: Les rapporten\n---\n",
	"2026/2026-W47.md":      "---\nweek: 2026-W47\nfocus_tip: 3\nmentor_questions:\n  - Hvordan gir jeg tilbakemelding?\n---\n## Hva gikk bra?\n\nMye.\n",
	"2026/12/2026-12-30.md": "---\ntip: 9\nrating: 4\n---\n",
	"2026/12/2026-12-31.md": "---\ntip: 10\nrating: 5\n---\n",
	"2027/01/2027-01-02.md": "---\ntip: 11\n---\n",
	"2027/01/2027-01-03.md": "---\ntip: 12\nrating: 3\n---\n",
}

func TestWeekStats(t *testing.T) {
	j := writeJournal(t, handJournal).Read()
	if len(j.Problems) > 0 {
		t.Fatal(j.Problems)
	}
	today := d("2026-11-27")
	cases := []struct {
		week string
		want string
	}{
		{"2026-W47", `{"week":"2026-W47","from":"2026-11-16","to":"2026-11-22","checkins":4,"streak":{"current":0,"longest":3},"average_rating":4,"tips":[1,2,3,4],"commitments":{"done":1,"partly":1,"not":0,"open":1},"weekly_reflection":true}`},
		{"2026-W48", `{"week":"2026-W48","from":"2026-11-23","to":"2026-11-29","checkins":4,"streak":{"current":4,"longest":4},"average_rating":3,"tips":[5,6,7,8],"commitments":{"done":1,"partly":0,"not":1,"open":1},"weekly_reflection":false}`},
		{"2026-W53", `{"week":"2026-W53","from":"2026-12-28","to":"2027-01-03","checkins":4,"streak":{"current":0,"longest":4},"average_rating":4,"tips":[9,10,11,12],"commitments":{"done":0,"partly":0,"not":0,"open":0},"weekly_reflection":false}`},
		{"2026-W45", `{"week":"2026-W45","from":"2026-11-02","to":"2026-11-08","checkins":0,"streak":{"current":0,"longest":0},"average_rating":null,"tips":[],"commitments":{"done":0,"partly":0,"not":0,"open":0},"weekly_reflection":false}`},
	}
	for _, c := range cases {
		st := j.Week(week(c.week), today)
		got, _ := json.Marshal(st.JSON())
		if string(got) != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.week, got, c.want)
		}
	}
	// As of 2027-01-03 the year-boundary week has a current streak of 2
	// (the 1st is missed) and the longest run is still 4 (Nov 23–26).
	st := j.Week(week("2026-W53"), d("2027-01-03"))
	if st.CurrentStreak != 2 || st.LongestStreak != 4 {
		t.Errorf("W53 as of its Sunday: current %d longest %d", st.CurrentStreak, st.LongestStreak)
	}
}

func TestAwayDays(t *testing.T) {
	files := map[string]string{
		"2026/11/2026-11-19.md": "---\ntip: 1\n---\n",
		"2026/11/2026-11-20.md": "---\ntip: 2\n---\n",
		// 21–22 a weekend, 23–24 away on a course.
		"2026/11/2026-11-25.md": "---\ntip: 3\n---\n",
		"away.md":               "---\naway:\n  - from: 2026-11-23\n    to: 2026-11-24\n    reason: kurs\n---\n",
	}
	s := writeJournal(t, files)
	j := s.Read()
	if len(j.Problems) > 0 || len(j.Away) != 1 || j.Away[0].Reason != "kurs" {
		t.Fatalf("away: %+v %v", j.Away, j.Problems)
	}
	// The weekend breaks the run...
	if n := j.CurrentStreak(d("2026-11-25")); n != 1 {
		t.Errorf("with weekends counted: %d, want 1", n)
	}
	// ...unless weekends are days away too: then the course and the weekend
	// are stepped over and the run is 3 (19, 20, 25), not 7.
	j.WeekdaysOnly = true
	if n := j.CurrentStreak(d("2026-11-25")); n != 3 {
		t.Errorf("weekdays only: %d, want 3", n)
	}
	if n := j.LongestStreak(d("2026-11-25")); n != 3 {
		t.Errorf("longest: %d, want 3", n)
	}
	if away, why := j.AwayOn(d("2026-11-24")); !away || why != "kurs" {
		t.Errorf("AwayOn: %v %q", away, why)
	}
	// A day away today keeps yesterday's run.
	if n := j.CurrentStreak(d("2026-11-23")); n != 2 {
		t.Errorf("on a day away: %d, want 2", n)
	}

	// Adding a stretch keeps what the file holds.
	if err := s.AddAway(Away{From: d("2026-12-21"), To: d("2027-01-01"), Reason: "jul"}); err != nil {
		t.Fatal(err)
	}
	j = s.Read()
	if len(j.Away) != 2 || j.Away[1].From != d("2026-12-21") || j.Away[1].Reason != "jul" {
		t.Errorf("after AddAway: %+v", j.Away)
	}
	assertMode(t, s.AwayPath(), 0o600)
}

func TestAddAwayToNoFile(t *testing.T) {
	s := NewStore(t.TempDir())
	if err := s.AddAway(Away{From: d("2026-07-01"), To: d("2026-07-21")}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(s.AwayPath())
	want := "---\n# Days away from work: they neither break nor extend a streak (tillit away).\naway:\n  - from: 2026-07-01\n    to: 2026-07-21\n---\n"
	if string(data) != want {
		t.Errorf("away.md:\n%s\nwant\n%s", data, want)
	}
}

func TestOutcomes(t *testing.T) {
	j := writeJournal(t, handJournal).Read()
	got := map[string]Followup{}
	for _, o := range j.Outcomes() {
		got[o.Commitment.Date.String()] = o.Result
	}
	want := map[string]Followup{
		"2026-11-16": FollowupDone,   // the next check-in's hand-written follow-up
		"2026-11-18": FollowupPartly, // followup_of names it
		"2026-11-20": "",             // open
		"2026-11-23": FollowupNot,
		"2026-11-25": FollowupDone, // closed from the list: outcome in its own entry
		"2026-11-26": "",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
	open := j.OpenCommitments()
	if len(open) != 2 || open[0].Commitment.Date != d("2026-11-20") {
		t.Errorf("open: %v", open)
	}
	// A closed commitment is not asked about again.
	if c := CommitmentToFollowUp(j.Entries, d("2026-11-26")); c != nil {
		t.Errorf("asked about %s, which was closed from the list", c.Date)
	}
}

func TestReflectionFile(t *testing.T) {
	s := NewStore(t.TempDir())
	w := week("2026-W53")
	r, err := s.LoadReflection(w)
	if err != nil || r.OnDisk() {
		t.Fatal(r, err)
	}
	if filepath.Base(filepath.Dir(r.Path)) != "2026" || filepath.Base(r.Path) != "2026-W53.md" {
		t.Errorf("path %s", r.Path)
	}
	r.FocusTip = 7
	r.MentorQuestions = []string{"Hvordan gir jeg tilbakemelding uten å styre?", "Hva med Per?"}
	r.Body.SetAnswer("Hva gikk bra?", "Personalmøtet.", false)
	r.Body.SetAnswer("Hva lærte jeg?", "Å vente.", true)
	if err := s.SaveReflection(r); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(r.Path)
	want := "---\nweek: 2026-W53\nfocus_tip: 7\nmentor_questions:\n  - Hvordan gir jeg tilbakemelding uten å styre?\n  - Hva med Per?\n---\n\n## Hva gikk bra?\n\nPersonalmøtet.\n\n<!-- private -->\n## Hva lærte jeg?\n\nÅ vente.\n<!-- /private -->\n"
	if string(data) != want {
		t.Errorf("reflection:\n%s\nwant\n%s", data, want)
	}
	j := s.Read()
	if got := j.Reflections[w]; got == nil || got.FocusTip != 7 || len(got.MentorQuestions) != 2 {
		t.Errorf("read back: %+v", got)
	}
}

func TestCloseCommitment(t *testing.T) {
	s := writeJournal(t, handJournal)
	before, _ := os.ReadFile(s.DayPath(d("2026-11-20")))
	if err := s.CloseCommitment(d("2026-11-20"), "Fagprat fredag", FollowupPartly, "Halvveis", d("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(s.DayPath(d("2026-11-20")))
	want := "---\ndate: 2026-11-20\n" + string(before[len("---\n"):len("---\ntip: 4\nrating: 5\nprivate: true\nfollowup: partly\nfollowup_of: 2026-11-18\ncommitment: Fagprat fredag\n")]) +
		"outcome: partly\noutcome_note: Halvveis\noutcome_date: 2026-11-27\n---\nSecret.\n"
	if string(after) != want {
		t.Errorf("after closing:\n%s\nwant\n%s", after, want)
	}
	j := s.Read()
	for _, o := range j.OpenCommitments() {
		if o.Commitment.Date == d("2026-11-20") {
			t.Error("still open")
		}
	}
	if err := s.CloseCommitment(d("2026-11-22"), "", FollowupDone, "", d("2026-11-27")); err == nil {
		t.Error("closed a commitment that does not exist")
	}
	// Closing it again, or a commitment whose text changed, writes nothing.
	if _, ok := s.CloseCommitment(d("2026-11-20"), "Fagprat fredag", FollowupNot, "", d("2026-11-28")).(*ConflictError); !ok {
		t.Error("closed twice")
	}
	if _, ok := s.CloseCommitment(d("2026-11-26"), "Something else", FollowupNot, "", d("2026-11-28")).(*ConflictError); !ok {
		t.Error("closed a commitment the user did not see")
	}
	if again, _ := os.ReadFile(s.DayPath(d("2026-11-20"))); string(again) != string(after) {
		t.Error("the file changed")
	}
}

func TestTipStatsAndCalendar(t *testing.T) {
	j := writeJournal(t, handJournal).Read()
	stats := TipStats(j.Entries, 14)
	if stats[0].Count != 1 || stats[0].LastRating() != 3 || stats[2].Count != 1 || stats[2].LastRating() != 0 || stats[13].Count != 0 {
		t.Errorf("tip stats: %+v", stats[:3])
	}
	if e := LastOnTip(j.Entries, 4, d("2026-12-01")); e == nil || e.Date != d("2026-11-20") {
		t.Errorf("last on tip 4: %v", e)
	}
	if e := LastOnTip(j.Entries, 4, d("2026-11-20")); e != nil {
		t.Errorf("the day itself is not 'last time': %v", e.Date)
	}
	cal := j.Calendar(d("2026-11-27"), 26)
	last := cal[25]
	if last[0].Date != d("2026-11-23") || !last[0].CheckIn || last[0].Rating != 2 || !last[6].Future || last[4].CheckIn {
		t.Errorf("last column: %+v", last)
	}
	if cal[0][0].Date != d("2026-06-01") {
		t.Errorf("first column starts %s", cal[0][0].Date)
	}
}

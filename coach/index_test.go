package coach

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tillit/journal"
	"tillit/report"
)

// Every answer made from the journal's index — status, Today, the review,
// the export, search, a check-in's start — is the answer made from the
// journal read in full, on randomised journals, and stays so through the
// changes that make an index stale: files edited in place (with the same
// size and time), added, removed and renamed, an index damaged, missing or
// of another version, and a clock that went backwards.
func TestTheIndexAnswersAsTheWholeJournal(t *testing.T) {
	seeds, steps := []uint64{1, 2}, 8
	if testing.Short() || raceDetector {
		seeds, steps = seeds[:1], 3
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 12))
			root := t.TempDir()
			writeRandomJournal(t, r, root)
			s := journal.NewStore(root)
			s.Cache = t.TempDir()
			later := func() time.Time { return time.Now().Add(time.Hour) }
			s.Clock = later
			c := builtin(t)
			answersAgree(t, r, c, s, "made")
			answersAgree(t, r, c, s, "kept")
			for step := range steps {
				what := mutate(t, r, s)
				answersAgree(t, r, c, s, fmt.Sprintf("after step %d, %s", step, what))
				s.Clock = later
			}
		})
	}
}

// answersAgree compares every answer made from the index with the one
// made from the journal read in full.
func answersAgree(t *testing.T, r *rand.Rand, c *Coach, s *journal.Store, when string) {
	t.Helper()
	fromIndex, whole := s.Summary(), s.Read()
	first, ok := whole.Begins()
	if !ok {
		t.Fatalf("%s: an empty journal", when)
	}
	last := whole.Entries[len(whole.Entries)-1].Date
	o := c.ReportOptions(true)
	var got, want strings.Builder
	both := func(f func(j *journal.Journal, b *strings.Builder)) {
		f(fromIndex, &got)
		f(whole, &want)
	}
	// status and Today, on days through the journal.
	for day := first.AddDays(-2); !day.After(last.AddDays(3)); day = day.AddDays(1 + r.IntN(10)) {
		for _, weekdaysOnly := range []bool{false, true} {
			both(func(j *journal.Journal, b *strings.Builder) {
				j.WeekdaysOnly = weekdaysOnly
				fmt.Fprintf(b, "%s status %v %d %d\n", day, j.CheckedIn(day), j.CurrentStreak(day), len(j.Problems))
				d := c.Today(j, day)
				fmt.Fprintf(b, "today %s %v %s %d %v %q round %d %d focus %v\n", d.Date, d.CheckedIn, d.Pack.ID, d.Tip.Number, d.TipGone, d.Questions, d.Round, d.RoundDone, d.Focus != nil && d.Focus.Number > 0)
				if d.Entry != nil {
					fmt.Fprintf(b, "  entry %s %q %d notes %v\n", d.Entry.Date, d.Entry.Commitment, len(d.Entry.Body.Notes()), d.Entry.Private)
				}
				if d.Open != nil {
					fmt.Fprintf(b, "  open %s %q\n", d.Open.Date, d.Open.Commitment)
				}
				j.WeekdaysOnly = false
			})
		}
		// A check-in's start: the commitment it follows up, the last time
		// on each tip and how it went.
		if r.IntN(3) > 0 {
			continue
		}
		both(func(j *journal.Journal, b *strings.Builder) {
			base := journal.NewEntry(s.DayPath(day), day)
			if e := whole.Entry(day); e != nil {
				base = e
			}
			ci := c.CheckIn(c.CheckInJournal(j, day).Entries, base, day, 0)
			fmt.Fprintf(b, "checkin %d %q due %d\n", ci.Tip.Number, ci.Questions(ci.Tip), ci.DueTip())
			if ci.Target != nil {
				fmt.Fprintf(b, "  target %s %q\n", ci.Target.Date, ci.Target.Commitment)
			}
			for _, tip := range c.Pack.Tips {
				if last := ci.LastTime(tip.Number); last != nil {
					fmt.Fprintf(b, "  last %d %s\n", tip.Number, report.Entry(last, ci.Around(last), o))
				}
			}
		})
	}
	// The review of each week, as numbers and as a page.
	for w := journal.WeekOf(first).Add(-1); !journal.WeekOf(last).Add(1).Before(w); w = w.Add(1) {
		both(func(j *journal.Journal, b *strings.Builder) {
			jw, st := c.Week(j, w, last)
			numbers, _ := json.Marshal(st.JSON())
			fmt.Fprintf(b, "%s\n%s\n", numbers, report.Week(jw, st, o))
		})
	}
	// Exports of a few periods, with and without what is private.
	for range 4 {
		from := first.AddDays(r.IntN(60) - 5)
		to := from.AddDays(r.IntN(90))
		private := r.IntN(2) == 0
		eo := c.ExportOptions(from, to, private)
		eo.Generated = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
		for _, format := range Formats {
			both(func(j *journal.Journal, b *strings.Builder) {
				data, kept, err := Export(j, eo, format)
				fmt.Fprintf(b, "export %s %s %v %v %v\n%s\n", from, to, private, kept, err, data)
			})
		}
	}
	// Search, for words that are there, half there, without their
	// accents, spelt loosely, and for tags, tips and days.
	labels := func(it *journal.Item) []string { return report.Labels(it, o) }
	items := whole.Items(last)
	for _, it := range items {
		it.Labels = labels(it)
	}
	for _, q := range queries(r, first, last) {
		both(func(j *journal.Journal, b *strings.Builder) {
			var hits []*journal.Item
			if j == whole {
				hits = journal.Search(items, q)
			} else {
				hits = j.Find(q, last, labels)
			}
			fmt.Fprintf(b, "search %+v:", q)
			for _, it := range hits {
				fmt.Fprintf(b, " %s", filepath.Base(it.Path))
				for _, m := range it.Matches(q.Words) {
					fmt.Fprintf(b, " [%q %v]", m.Line.Text, m.Spans)
				}
			}
			b.WriteString("\n")
		})
	}
	if got.String() != want.String() {
		g, w := strings.Split(got.String(), "\n"), strings.Split(want.String(), "\n")
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Fatalf("%s: the index answers otherwise than the files, line %d:\nindex: %s\nfiles: %s\nbefore: %s", when, i+1, g[i], w[i], strings.Join(w[max(0, i-12):i], "\n"))
			}
		}
		t.Fatalf("%s: the index answers otherwise than the files (%d lines, %d lines)", when, len(g), len(w))
	}
}

// The words of the random journals: names, words with Norwegian letters,
// a tip's words, numbers.
var vocabulary = strings.Fields("Kari Per Ingrid turnus møtet støtte tillit budsjett medisinlista Ærlig café teamet ansvar " +
	"rapport tilbakemelding ledelse bemanning nattevakten #turnus #læring #tillit 27 2026 Åse øvelse")

func words(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = vocabulary[r.IntN(len(vocabulary))]
	}
	return strings.Join(w, " ")
}

// queries are what someone might search the journal for.
func queries(r *rand.Rand, first, last journal.Date) []journal.Query {
	var qs []journal.Query
	for _, w := range []string{"kari", "støtte", "stotte", "MØTET", "trnus", "tilit", "læring", "laering", "27", "2026", "cafe",
		"fredag", "november", "desember", "uke", "mentorsamtale", "tillitsbasert", "Kari turnus", "per møtet", "x-y-z", "#turnus"} {
		qs = append(qs, journal.Query{Words: journal.Words(w)})
	}
	qs = append(qs,
		journal.Query{Tag: "turnus"},
		journal.Query{Tag: "læring", Words: []string{"kari"}},
		journal.Query{Tip: 3, Words: []string{"tillit"}},
		journal.Query{Tip: 1 + r.IntN(14)},
		journal.Query{From: first.AddDays(20), To: last.AddDays(-20), Words: []string{"per"}},
		journal.Query{Words: []string{first.AddDays(r.IntN(30)).String()}},
	)
	return qs
}

// writeRandomJournal writes a few months of a journal kept by hand and by
// tillit: check-ins and days of notes, commitments and how they went,
// private entries and private parts, tags, other packs, weekly
// reflections, mentoring notes, days away, and files that cannot be read.
func writeRandomJournal(t *testing.T, r *rand.Rand, root string) {
	t.Helper()
	start := journal.Date{Year: 2026, Month: 8, Day: 3}
	days := 100 + r.IntN(60)
	var lastCommitment journal.Date
	for i := range days {
		d := start.AddDays(i)
		if r.IntN(5) == 0 {
			continue // a day missed
		}
		writeFile(t, root, dayPath(d), randomEntry(r, d, lastCommitment))
		if r.IntN(3) > 0 {
			lastCommitment = d
		}
		if d.Weekday() == time.Sunday && r.IntN(3) > 0 {
			writeFile(t, root, weekPath(journal.WeekOf(d)), randomReflection(r, journal.WeekOf(d)))
		}
		if r.IntN(15) == 0 {
			writeFile(t, root, mentoringPath(d), randomMentoring(r))
		}
	}
	writeFile(t, root, "away.md", fmt.Sprintf("---\naway:\n  - from: %s\n    to: %s\n    reason: ferie\n---\n", start.AddDays(30), start.AddDays(40)))
}

func randomEntry(r *rand.Rand, d, lastCommitment journal.Date) string {
	var front, body strings.Builder
	switch r.IntN(12) {
	case 0:
		return "---\ntip: [\n---\nNot YAML.\n" // cannot be parsed
	case 1:
		return "  ---\ntip: 3\ncommitment: " + words(r, 3) + "\n---\nUnclear " + words(r, 5) + "\n" // private as a whole
	case 2:
		return "---\ndate: " + d.String() + "\n---\n## 09:1" + fmt.Sprint(r.IntN(10)) + "\n\n" + words(r, 6) + "\n" // notes only
	}
	fmt.Fprintf(&front, "date: %s\n", d)
	switch r.IntN(6) {
	case 0:
		front.WriteString("pack: my-pack\n")
	case 1:
		front.WriteString("pack: Kari sin pakke\n")
	case 2:
		front.WriteString("pack: trust\npack_version: 1\n")
	}
	fmt.Fprintf(&front, "tip: %d\n", 1+r.IntN(14))
	if r.IntN(4) > 0 {
		fmt.Fprintf(&front, "rating: %d\nenergy: %d\n", 1+r.IntN(5), 1+r.IntN(5))
	}
	switch r.IntN(4) {
	case 0:
	case 1:
		fmt.Fprintf(&front, "commitment: \"%s \\u00e5 \\\"sitat\\\"\"\n", words(r, 3))
	default:
		fmt.Fprintf(&front, "commitment: %s\n", words(r, 4))
	}
	if !lastCommitment.IsZero() && r.IntN(3) > 0 {
		fmt.Fprintf(&front, "followup: %s\n", []string{"done", "partly", "not", "maybe"}[r.IntN(4)])
		if r.IntN(3) > 0 {
			fmt.Fprintf(&front, "followup_of: %s\nfollowup_note: '%s ''sa'' han'\n", lastCommitment, words(r, 2))
		}
	}
	if r.IntN(8) == 0 {
		fmt.Fprintf(&front, "outcome: done\noutcome_date: %s\noutcome_note: %s\n", d.AddDays(2), words(r, 2))
	}
	if r.IntN(6) == 0 {
		front.WriteString("private: true\n")
	}
	if r.IntN(5) == 0 {
		fmt.Fprintf(&front, "tags: [%s, ledelse]\n", strings.Trim(vocabulary[r.IntN(len(vocabulary))], "#"))
	}
	for q := range 1 + r.IntN(3) {
		private := r.IntN(5) == 0
		if private {
			body.WriteString("<!-- private -->\n")
		}
		fmt.Fprintf(&body, "## Spørsmål %d om %s?\n\n%s\n\n", q+1, words(r, 1), words(r, 5+r.IntN(20)))
		if private {
			body.WriteString("<!-- /private -->\n\n")
		}
	}
	if r.IntN(4) == 0 {
		fmt.Fprintf(&body, "## 14:0%d\n\n%s\n", r.IntN(10), words(r, 8))
	}
	text := "---\n" + front.String() + "---\n\n" + body.String()
	if r.IntN(10) == 0 {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	return text
}

func randomReflection(r *rand.Rand, w journal.Week) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\nweek: %s\nfocus_tip: %d\nmentor_questions:\n  - Hvordan %s?\n", w, 1+r.IntN(14), words(r, 3))
	if r.IntN(5) == 0 {
		b.WriteString("private: true\n")
	}
	b.WriteString("---\n\n## Hva gikk bra?\n\n" + words(r, 10) + "\n\n")
	if r.IntN(3) == 0 {
		b.WriteString("<!-- private -->\n## Fokus\n\n3 · " + words(r, 3) + "\n<!-- /private -->\n")
	}
	return b.String()
}

func randomMentoring(r *rand.Rand) string {
	private := ""
	if r.IntN(3) == 0 {
		private = "private: true\n"
	}
	return fmt.Sprintf("---\nmentor: %s\nanswered:\n  - Hvordan %s?\n%s---\n\n%s\n", words(r, 1), words(r, 3), private, words(r, 12))
}

// mutate changes the journal or its index in one of the ways that make an
// index stale, and says which.
func mutate(t *testing.T, r *rand.Rand, s *journal.Store) string {
	t.Helper()
	var files []string
	filepath.WalkDir(s.Root, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") && filepath.Base(path) != "away.md" {
			files = append(files, path)
		}
		return nil
	})
	slices.Sort(files)
	pick := files[r.IntN(len(files))]
	switch r.IntN(8) {
	case 0:
		// Edited in place: a digit changed, the size and time kept.
		data, _ := os.ReadFile(pick)
		info, _ := os.Stat(pick)
		for i, c := range data {
			if c >= '1' && c <= '4' {
				data[i]++
				break
			}
		}
		f, err := os.OpenFile(pick, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteAt(data, 0)
		f.Close()
		os.Chtimes(pick, info.ModTime(), info.ModTime())
		return "edited in place " + pick
	case 1:
		// Written in place by an editor: truncated and written again.
		data, _ := os.ReadFile(pick)
		text := strings.Replace(string(data), "private: true\n", "", 1)
		if text == string(data) {
			text = strings.Replace(text, "---\n", "---\nprivate: true\n", 1)
		}
		f, err := os.OpenFile(pick, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString(text)
		f.Close()
		return "written by an editor " + pick
	case 2:
		if err := os.Remove(pick); err != nil {
			t.Fatal(err)
		}
		return "removed " + pick
	case 3:
		// Renamed to a day that has no file.
		for range 50 {
			d := journal.Date{Year: 2026, Month: time.Month(8 + r.IntN(4)), Day: 1 + r.IntN(28)}
			to := filepath.Join(s.Root, dayPath(d))
			if _, err := os.Stat(to); err == nil || strings.HasSuffix(pick, "mentoring.md") || strings.Contains(pick, "-W") {
				continue
			}
			os.MkdirAll(filepath.Dir(to), 0o700)
			if err := os.Rename(pick, to); err != nil {
				t.Fatal(err)
			}
			return "renamed " + pick + " to " + to
		}
		return "nothing renamed"
	case 4:
		d := journal.Date{Year: 2026, Month: 12, Day: 1 + r.IntN(20)}
		writeFile(t, s.Root, dayPath(d), randomEntry(r, d, d.AddDays(-1)))
		return "added " + d.String()
	case 5:
		// The clock went backwards: a file written with a time before
		// the one the index knows, read by a clock earlier still.
		data, _ := os.ReadFile(pick)
		info, _ := os.Stat(pick)
		os.WriteFile(pick, append(data, []byte("\n## 10:00\n\nLater "+words(r, 3)+"\n")...), 0o600)
		past := info.ModTime().Add(-72 * time.Hour)
		os.Chtimes(pick, past, past)
		s.Clock = func() time.Time { return past.Add(-time.Hour) }
		return "the clock went backwards for " + pick
	case 6:
		return "index damaged: " + damageIndex(t, r, s)
	}
	return "nothing changed"
}

// damageIndex removes, cuts or scribbles on the index file.
func damageIndex(t *testing.T, r *rand.Rand, s *journal.Store) string {
	t.Helper()
	var index string
	filepath.WalkDir(s.Cache, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			index = path
		}
		return nil
	})
	if index == "" {
		return "no index"
	}
	data, _ := os.ReadFile(index)
	switch r.IntN(3) {
	case 0:
		os.Remove(index)
		return "removed"
	case 1:
		os.WriteFile(index, data[:r.IntN(len(data))], 0o600)
		return "cut short"
	}
	data[r.IntN(len(data))] ^= 0x5a
	os.WriteFile(index, data, 0o600)
	return "a byte changed"
}

func dayPath(d journal.Date) string {
	return fmt.Sprintf("%04d/%02d/%s.md", d.Year, d.Month, d)
}

func mentoringPath(d journal.Date) string {
	return fmt.Sprintf("%04d/%02d/%s-mentoring.md", d.Year, d.Month, d)
}

func weekPath(w journal.Week) string { return fmt.Sprintf("%04d/%s.md", w.Year, w) }

func writeFile(t *testing.T, root, name, text string) {
	t.Helper()
	path := filepath.Join(root, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

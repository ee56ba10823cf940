package journal

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// summed writes down what a journal says that the index must tell exactly
// as a whole read does: every file with its numbers, what could not be
// read, the days away, and the answers made of them (the streak of every
// day, each week's numbers, every commitment and how it went).
func summed(j *Journal) string {
	var b strings.Builder
	for _, e := range j.Entries {
		fmt.Fprintf(&b, "day %s %s tip %d rating %d energy %d commitment %v followup %q of %s outcome %q on %s private %v pack %q %q\n",
			e.Path, e.Date, e.Tip, e.Rating, e.Energy, e.MadeCommitment(), e.Followup, e.FollowupOf, e.Outcome, e.OutcomeDate, e.Private, packID(e.Pack), packVersion(e.PackVersion))
	}
	weeks := make([]Week, 0, len(j.Reflections))
	for w := range j.Reflections {
		weeks = append(weeks, w)
	}
	slices.SortFunc(weeks, func(a, b Week) int { return strings.Compare(a.String(), b.String()) })
	for _, w := range weeks {
		r := j.Reflections[w]
		fmt.Fprintf(&b, "week %s %s focus %d private %v %v pack %q\n", r.Path, w, r.FocusTip, r.FocusPrivate(), r.Private, packID(r.Pack))
	}
	for _, m := range j.Mentorings {
		fmt.Fprintf(&b, "mentoring %s %s private %v\n", m.Path, m.Date, m.Private)
	}
	for _, a := range j.Assessments {
		fmt.Fprintf(&b, "assessment %s %s ratings %v pulse %+v private %v pack %q %q\n", a.Path, a.Date, a.Ratings, a.Pulse, a.Private, packID(a.Pack), packVersion(a.PackVersion))
	}
	for _, err := range j.Problems {
		fmt.Fprintf(&b, "problem %v\n", err)
	}
	fmt.Fprintf(&b, "away %v\n", j.Away)
	for _, o := range j.Outcomes() {
		fmt.Fprintf(&b, "outcome %s %q private %v\n", o.Commitment.Date, o.Result, o.Private)
	}
	if first, ok := j.Begins(); ok {
		last := j.Entries[len(j.Entries)-1].Date.AddDays(10)
		for day := first.AddDays(-3); !day.After(last); day = day.AddDays(1) {
			fmt.Fprintf(&b, "%s streak %d longest %d\n", day, j.CurrentStreak(day), j.LongestStreak(day))
		}
		for w := WeekOf(first).Add(-1); !WeekOf(last).Before(w); w = w.Add(1) {
			week, _ := json.Marshal(j.Week(w, last).JSON())
			fmt.Fprintf(&b, "%s\n", week)
		}
	}
	return b.String()
}

// indexed is a store with an index in a fresh cache folder, whose clock
// is an hour on: the files just written count as settled.
func indexed(t *testing.T, s *Store) *Store {
	t.Helper()
	s.Cache = t.TempDir()
	s.Clock = func() time.Time { return time.Now().Add(time.Hour) }
	return s
}

// sameAsRead checks that the store's index tells the journal as a whole
// read does, and returns how many files it read to do so.
func sameAsRead(t *testing.T, s *Store) int {
	t.Helper()
	j := s.Summary()
	if got, want := summed(j), summed(s.Read()); got != want {
		t.Fatalf("the index tells another journal than the files:\n%s", diff(got, want))
	}
	for _, e := range j.Entries {
		if !e.Partial() {
			t.Fatalf("%s: read in full, not from the index", e.Path)
		}
	}
	return j.parsed
}

// diff lists the lines of a and b that differ.
func diff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, "index: "+x, "files: "+y)
		}
		if len(out) > 20 {
			break
		}
	}
	return strings.Join(out, "\n")
}

// indexJournal is the hand journal with what else a journal holds: a
// mentoring note, days away, a private reflection, files that cannot be
// read, a pack that is no pack.
func indexJournal() map[string]string {
	files := map[string]string{
		"away.md":                          "---\naway:\n  - from: 2026-12-01\n    to: 2026-12-03\n    reason: kurs\n---\n",
		"2026/12/2026-12-04.md":            "---\ntip: 1\npack: Kari Nordmann\npack_version: hemmelig\ncommitment: x\n---\n",
		"2026/12/2026-12-05.md":            "---\ntip: 2\n---\n",
		"2026/12/2026-12-06.md":            "---\ntip: [\n---\n",
		"2026/12/2026-12-07.md":            "no front matter at all\n",
		"2026/12/2026-12-08.md":            "---\ntip: 3\nfollowup: done\n---\n",
		"2026/12/2026-12-08-mentoring.md":  "---\nmentor: Ola\nanswered:\n  - Hvordan gir jeg tilbakemelding?\n---\nBra.\n",
		"2026/12/2026-12-09-assessment.md": "---\nratings:\n  1: 2\n  14: 5\npulse:\n  answered: 4\n  averages: [2.75, null, 4]\n---\nNotat.\n",
		"2026/2026-W48.md":                 "---\nweek: 2026-W48\nfocus_tip: 2\nprivate: true\n---\n",
		"2026/2026-W49.md":                 "---\nweek: 2026-W49\nfocus_tip: 4\n---\n<!-- private -->\n4 · Tips fire\n<!-- /private -->\n",
	}
	for name, text := range handJournal {
		files[name] = text
	}
	return files
}

// The index, made or kept, tells the journal as reading every file does;
// kept, it reads no file that did not change.
func TestTheIndexTellsTheJournalAsTheFiles(t *testing.T) {
	s := indexed(t, writeJournal(t, indexJournal()))
	if n := sameAsRead(t, s); n != 23 {
		t.Errorf("made from %d files, want all 23", n)
	}
	path, _ := s.indexPath()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && (info.Mode().Perm() != 0o600 || mode(t, filepath.Dir(path)) != 0o700) {
		t.Errorf("index %v in a folder %v", info.Mode(), mode(t, filepath.Dir(path)))
	}
	// Kept: only the file that cannot be parsed is read again, to say
	// why; the index is not written again.
	before := info.ModTime()
	if n := sameAsRead(t, s); n != 1 {
		t.Errorf("read %d files, want the one that cannot be parsed", n)
	}
	if info, _ := os.Stat(path); !info.ModTime().Equal(before) {
		t.Error("an index that did not change was written again")
	}
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}

// A file written a moment ago may change again within the same tick of a
// coarse clock: it is read again until it has settled.
func TestTheIndexReadsAgainWhatWasJustWritten(t *testing.T) {
	s := indexed(t, writeJournal(t, handJournal))
	s.Clock = time.Now
	sameAsRead(t, s)
	if n := sameAsRead(t, s); n != len(handJournal) {
		t.Errorf("read %d files written just now, want all %d", n, len(handJournal))
	}
	s.Clock = func() time.Time { return time.Now().Add(settleTime + time.Second) }
	sameAsRead(t, s)
	if n := sameAsRead(t, s); n != 0 {
		t.Errorf("read %d settled files again", n)
	}
}

// A missing, damaged or foreign index is made again, without a word; the
// journal is told as the files say.
func TestTheIndexIsMadeAgain(t *testing.T) {
	files := indexJournal()
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, path string, data []byte)
	}{
		{"missing", func(t *testing.T, path string, _ []byte) { remove(t, path) }},
		{"empty", func(t *testing.T, path string, _ []byte) { write(t, path, "") }},
		{"cut short", func(t *testing.T, path string, data []byte) { write(t, path, string(data[:len(data)/2])) }},
		{"a byte changed", func(t *testing.T, path string, data []byte) {
			data[len(data)/2] ^= 0x10
			write(t, path, string(data))
		}},
		{"another version", func(t *testing.T, path string, data []byte) {
			// A good checksum over a version tillit does not know.
			b := slices.Clone(data[:len(data)-4])
			b[len(indexMagic)] = indexVersion + 1
			write(t, path, string(binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, indexTable))))
		}},
		{"another journal", func(t *testing.T, path string, _ []byte) {
			other := indexed(t, writeJournal(t, map[string]string{"2026/11/2026-11-16.md": "---\ntip: 9\n---\n"}))
			other.Cache = filepath.Dir(filepath.Dir(path))
			other.Summary()
			otherPath, _ := other.indexPath()
			data, err := os.ReadFile(otherPath)
			if err != nil {
				t.Fatal(err)
			}
			write(t, path, string(data))
		}},
		{"not a file", func(t *testing.T, path string, _ []byte) {
			remove(t, path)
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := indexed(t, writeJournal(t, files))
			sameAsRead(t, s)
			path, _ := s.indexPath()
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			tc.change(t, path, data)
			if n := sameAsRead(t, s); n != 23 && tc.name != "not a file" {
				t.Errorf("made again from %d files, want 23", n)
			}
			if _, ok := s.loadIndex(); !ok && tc.name != "not a file" {
				t.Error("the index was not made again")
			}
		})
	}
}

// Each change to the files shows in what the index tells: a file edited
// in place with the same size and time, a file added, removed or renamed,
// an editor that writes in place, a clock that went backwards.
func TestTheIndexSeesEveryChange(t *testing.T) {
	day := "2026/11/2026-11-23.md" // "---\ntip: 5\nrating: 2\ncommitment: Ring Per\n---\n"
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, s *Store)
		reads  int // the files read again, the broken one among them
	}{
		{"edited in place, same size and time", func(t *testing.T, s *Store) {
			if runtime.GOOS == "windows" {
				t.Skip("Windows keeps no change time to see it by")
			}
			path := filepath.Join(s.Root, day)
			info, _ := os.Stat(path)
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.WriteAt([]byte("---\ntip: 6\nrating: 4"), 0); err != nil {
				t.Fatal(err)
			}
			f.Close()
			if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
		}, 2},
		{"added", func(t *testing.T, s *Store) {
			write(t, filepath.Join(s.Root, "2026/11/2026-11-27.md"), "---\ntip: 11\ncommitment: Ny\n---\n")
		}, 2},
		{"added, a mentoring note", func(t *testing.T, s *Store) {
			write(t, filepath.Join(s.Root, "2026/11/2026-11-27-mentoring.md"), "---\nprivate: true\n---\n")
		}, 2},
		{"removed", func(t *testing.T, s *Store) { remove(t, filepath.Join(s.Root, day)) }, 1},
		{"renamed", func(t *testing.T, s *Store) {
			if err := os.Rename(filepath.Join(s.Root, day), filepath.Join(s.Root, "2026/11/2026-11-21.md")); err != nil {
				t.Fatal(err)
			}
		}, 2},
		{"a folder renamed", func(t *testing.T, s *Store) {
			if err := os.Rename(filepath.Join(s.Root, "2026/12"), filepath.Join(s.Root, "2026/10")); err != nil {
				t.Fatal(err)
			}
		}, 0},
		{"written in place by an editor", func(t *testing.T, s *Store) {
			f, err := os.OpenFile(filepath.Join(s.Root, day), os.O_WRONLY|os.O_TRUNC, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("---\ntip: 5\nrating: 2\nprivate: true\n---\n")
			f.Close()
		}, 2},
		{"made unreadable", func(t *testing.T, s *Store) {
			write(t, filepath.Join(s.Root, day), "---\ntip: 5\nrating: 2\nrating: 3\n---\n")
		}, 2},
		{"the clock went backwards", func(t *testing.T, s *Store) {
			// The file is written with a time before the one the index
			// knows, and the clock says it is earlier still.
			path := filepath.Join(s.Root, day)
			info, _ := os.Stat(path)
			write(t, path, "---\ntip: 5\nrating: 3\ncommitment: Ring Per\n---\n")
			past := info.ModTime().Add(-48 * time.Hour)
			if err := os.Chtimes(path, past, past); err != nil {
				t.Fatal(err)
			}
			s.Clock = func() time.Time { return past.Add(-time.Hour) }
		}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := indexed(t, writeJournal(t, indexJournal()))
			sameAsRead(t, s)
			tc.change(t, s)
			n := sameAsRead(t, s)
			// A folder renamed holds files of other days: none is named
			// for where it is, and none is read.
			if n != tc.reads && tc.reads != 0 {
				t.Errorf("read %d files, want %d", n, tc.reads)
			}
			sameAsRead(t, s) // and as kept
		})
	}
}

// The index holds numbers, days and kinds of file: no word anyone wrote,
// least of all in a private part, whatever the key. (A pack's id, as the
// check-in writes it, names a pack: it is kept, and nothing else in the
// pack key is.)
func TestTheIndexHoldsNoText(t *testing.T) {
	files := map[string]string{
		"2026/11/2026-11-16.md":           "---\ntip: 1\nprivate: true\ncommitment: Snakk med Hemmeligsen\ntags: [hemmeligtagg]\npack: Hemmelig\n---\n## Q\n\nHemmeligsvar.\n",
		"2026/11/2026-11-17.md":           "---\ntip: 2\ncommitment: Offentligløfte\nfollowup: done\nfollowup_note: Hemmelignotat\nmood: Hemmeligstemning\n---\n<!-- private -->\n## Q\n\nHemmeligdel.\n<!-- /private -->\n",
		"2026/11/2026-11-18.md":           "---\ntip: 3\ncommitment: Ring Hemmeligsen\noutcome: done\noutcome_note: Hemmelig utfall\npack: Hemmelig Pakke\npack_version: hemmelig\n---\n## 09:00\n\n<!-- private -->Hemmeligstreng\n",
		"2026/11/2026-11-18-mentoring.md": "---\nmentor: Hemmeligmentor\nanswered:\n  - Hemmeligspørsmål?\nprivate: true\n---\nHemmeligsamtale.\n",
		"2026/2026-W47.md":                "---\nweek: 2026-W47\nfocus_tip: 3\nmentor_questions:\n  - Hemmeligspørsmål?\n---\n<!-- private -->\n3 · Hemmeligfokus\n<!-- /private -->\n",
		"2026/11/2026-11-19.md":           "  ---\nprivate: false\ncommitment: Hemmeligklar\n---\nHemmeliguklar.\n",
	}
	s := indexed(t, writeJournal(t, files))
	sameAsRead(t, s)
	path, _ := s.indexPath()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"emmelig", "Offentlig"} {
		if bytes.Contains(bytes.ToLower(data), bytes.ToLower([]byte(word))) {
			t.Errorf("the index holds %q:\n%q", word, data)
		}
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}

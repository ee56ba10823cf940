package journal

import (
	"fmt"
	"os"
	"path/filepath"
)

// Sample writes a journal of days check-ins ending on end, as a manager
// might keep it: the tips in order, ratings and energy, commitments and
// their follow-ups, a note now and then, and a weekly reflection each
// Sunday. questions gives the questions of the k-th check-in on a tip.
// It is for a first look at tillit and for measuring it on a large
// journal; it writes over nothing that exists.
func Sample(s *Store, end Date, days, tips int, questions func(tip, k int) []string) error {
	start := end.AddDays(-(days - 1))
	times := map[int]int{}
	for i := range days {
		d := start.AddDays(i)
		tip := i%tips + 1
		qs := questions(tip, times[tip])
		times[tip]++
		text := fmt.Sprintf("---\ndate: %s\ntip: %d\nrating: %d\nenergy: %d\ncommitment: Spør teamet hva som hjelper dem mest i uke %d\n", d, tip, i%5+1, (i+2)%5+1, i%52+1)
		if i > 0 {
			text += fmt.Sprintf("followup: %s\nfollowup_of: %s\n", []string{"done", "partly", "not"}[i%3], d.AddDays(-1))
		}
		text += "---\n"
		for j, q := range qs {
			text += fmt.Sprintf("\n## %s\n\nDenne uken merket jeg det på personalmøtet: vi brukte tid på det som ikke hjelper brukerne. Neste gang spør jeg først hva de trenger (%d).\n", q, j+1)
		}
		if i%7 == 3 {
			text += "\n## 14:05\n\nKort prat med Kari om turnusen. #turnus\n"
		}
		if err := writeNew(s.DayPath(d), text); err != nil {
			return err
		}
		if d.Weekday() == 0 {
			w := WeekOf(d)
			r := fmt.Sprintf("---\nweek: %s\nfocus_tip: %d\nmentor_questions:\n  - Hvordan gir jeg slipp uten å slippe ansvaret?\n---\n\n## Hva gikk bra?\n\nPersonalmøtet.\n\n## Hva lærte jeg?\n\nÅ spørre før jeg svarer.\n", w, tip%tips+1)
			if err := writeNew(s.ReflectionPath(w), r); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeNew writes a file that must not exist yet, private like every file
// of the journal.
func writeNew(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), dirPerm); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, filePerm)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

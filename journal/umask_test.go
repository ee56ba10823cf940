//go:build unix

package journal

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Files are 0600 and folders 0700 whatever the umask: entries, drafts,
// reflections, the lock.
func TestModesWhateverTheUmask(t *testing.T) {
	for _, mask := range []int{0, 0o022, 0o077, 0o277} {
		old := syscall.Umask(mask)
		s := NewStore(filepath.Join(t.TempDir(), "journal"))
		day := Date{2026, 11, 20}
		err := errors.Join(
			s.AppendNote(day, time.Now(), "x", false),
			s.SaveDraft(&Draft{Day: day, Answers: []DraftAnswer{{Question: "Q?", Text: "y"}}}),
			s.SaveReflection(func() *Reflection { r, _ := s.LoadReflection(WeekOf(day)); r.FocusTip = 2; return r }()),
		)
		scratch, err2 := s.WriteScratch("checkin.md", "w")
		syscall.Umask(old)
		if err := errors.Join(err, err2); err != nil {
			t.Fatalf("umask %03o: %v", mask, err)
		}
		filepath.WalkDir(s.Root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			info, _ := d.Info()
			want := fs.FileMode(0o600)
			if d.IsDir() {
				want = 0o700
			}
			if info.Mode().Perm() != want {
				t.Errorf("umask %03o: %s has mode %v, want %v", mask, path, info.Mode().Perm(), want)
			}
			return nil
		})
		if _, err := os.Stat(scratch); err != nil {
			t.Error(err)
		}
	}
}

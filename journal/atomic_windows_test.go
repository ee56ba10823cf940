//go:build windows

package journal

import (
	"os"
	"path/filepath"
	"testing"
)

// The Windows write replaces a file that is there already (os.Rename does
// on NTFS) and leaves no temp file in the temp folder.
func TestWindowsWriteAtomicReplaces(t *testing.T) {
	dir := t.TempDir()
	tmp := filepath.Join(dir, "tmp")
	os.Mkdir(tmp, 0o700)
	path := filepath.Join(dir, "2026-11-27.md")
	for _, text := range []string{"first\r\n", "second\n"} {
		if err := writeAtomic(path, tmp, []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := os.ReadFile(path); string(got) != "second\n" {
		t.Errorf("the file holds %q", got)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temp files left: %v", left)
	}
}

//go:build unix

package journal

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// WriteFile, which the export command and the export screen both write
// with, refuses a target that is not a regular file and leaves it as it is.
func TestWriteFileRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "target.md")
	if err := os.WriteFile(target, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	for path, kind := range map[string]string{fifo: "fifo", folder: "dir", link: "link"} {
		before, _ := os.Lstat(path)
		err := WriteFile(path, []byte("export"))
		var nr *NotRegularError
		if !errors.As(err, &nr) || nr.Kind != kind || nr.Path != path {
			t.Errorf("WriteFile(%s) = %v, want a %s refused", path, err, kind)
		}
		if after, err := os.Lstat(path); err != nil || after.Mode() != before.Mode() {
			t.Errorf("%s was replaced: %v %v", path, after.Mode(), err)
		}
	}
	if data, _ := os.ReadFile(target); string(data) != "mine" {
		t.Errorf("written through the link: %q", data)
	}
	// A regular file, or none, is written.
	for _, p := range []string{target, filepath.Join(dir, "new.md")} {
		if err := WriteFile(p, []byte("export")); err != nil {
			t.Errorf("WriteFile(%s): %v", p, err)
		}
	}
}

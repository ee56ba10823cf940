//go:build windows

package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// On Windows a path may be written with backslashes, ~\ included, and the
// settings live in the user's roaming application data.
func TestWindowsPaths(t *testing.T) {
	home, _ := os.UserHomeDir()
	if got := ExpandHome(`~\Documents\tillit`); got != filepath.Join(home, "Documents", "tillit") {
		t.Errorf(`~\Documents\tillit is %q`, got)
	}
	if got := ExpandHome(`~/Documents/tillit`); got != filepath.Join(home, "Documents", "tillit") {
		t.Errorf(`~/Documents/tillit is %q`, got)
	}
	if !strings.HasSuffix(DefaultPath(), `\tillit\config.toml`) {
		t.Errorf("the settings file is %q", DefaultPath())
	}
}

// Replacing the settings file works over an existing file (os.Rename
// replaces on NTFS), and leaves no temp file beside it.
func TestWindowsSetReplacesTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	os.WriteFile(path, []byte("lang = \"nb\" # mine\r\n"), 0o600)
	for _, v := range []string{"dark", "light"} {
		if _, err := Set(path, "theme", v, nil); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := os.ReadFile(path)
	if string(got) != "lang = \"nb\" # mine\r\ntheme = \"light\"\n" {
		t.Errorf("the file is %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left beside it: %v", entries)
	}
}

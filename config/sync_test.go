package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSetRemindKeepsTheRestOfTheFile(t *testing.T) {
	cases := map[string]string{
		"":                       "[remind]\nat = \"07:45\"\nweekdays = true\n",
		"lang = \"nb\" # mine\n": "lang = \"nb\" # mine\n\n[remind]\nat = \"07:45\"\nweekdays = true\n",
		"[remind]\nat = \"15:30\"\n\n[sync]\nauto = true\n": "[remind]\nat = \"07:45\"\nweekdays = true\n\n[sync]\nauto = true\n",
		"remind.at = \"15:30\"\nlang = \"en\"\n":            "lang = \"en\"\n\n[remind]\nat = \"07:45\"\nweekdays = true\n",
	}
	for before, want := range cases {
		path := filepath.Join(t.TempDir(), "config.toml")
		if before != "" {
			if err := os.WriteFile(path, []byte(before), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		if err := SetRemind(path, Remind{At: "07:45", Weekdays: true}); err != nil {
			t.Fatalf("%q: %v", before, err)
		}
		got, _ := os.ReadFile(path)
		if string(got) != want {
			t.Errorf("from %q:\ngot  %q\nwant %q", before, got, want)
		}
		c, err := Load(path)
		if err != nil || c.Remind.At != "07:45" || !c.Remind.Weekdays {
			t.Errorf("read back: %+v %v", c.Remind, err)
		}
		if err := SetRemind(path, Remind{}); err != nil {
			t.Fatal(err)
		}
		got, _ = os.ReadFile(path)
		if strings.Contains(string(got), "07:45") {
			t.Errorf("no reminder left %q", got)
		}
	}
}

func TestSyncAutoIsASetting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(path, []byte("sync.auto = true\n"), 0o600)
	c, err := Load(path)
	if err != nil || !c.Sync.Auto {
		t.Errorf("sync.auto: %+v %v", c.Sync, err)
	}
}

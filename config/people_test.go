package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestAddPeopleEditsOnlyThePeople(t *testing.T) {
	for _, c := range []struct{ name, before, after string }{
		{"extends the array",
			"# my settings\nlang = \"nb\" # norsk\npeople = [\"Ola\", \"Siri\"] # staff\n\nname = \"Kari\"\n",
			"# my settings\nlang = \"nb\" # norsk\npeople = [\"Ola\", \"Siri\", \"Bergersen\", \"Åse\"] # staff\n\nname = \"Kari\"\n"},
		{"an empty array",
			"people = []\n",
			"people = [\"Bergersen\", \"Åse\"]\n"},
		{"a long array with comments and a trailing comma",
			"people = [\n  \"Ola\", # the caretaker\n  'Siri', # ] not the end\n]\nlang = \"en\"\n",
			"people = [\n  \"Ola\", # the caretaker\n  'Siri', \"Bergersen\", \"Åse\" # ] not the end\n]\nlang = \"en\"\n"},
		{"no array: a line at the end",
			"# settings\nlang = \"sv\"",
			"# settings\nlang = \"sv\"\npeople = [\"Bergersen\", \"Åse\"]\n"},
		{"no array: a line before the first table",
			"lang = \"nb\"\n# people = [\"commented\"]\n[future]\nx = 1\n",
			"lang = \"nb\"\n# people = [\"commented\"]\npeople = [\"Bergersen\", \"Åse\"]\n\n[future]\nx = 1\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.toml")
			os.WriteFile(path, []byte(c.before), 0o640)
			// Names already there (in any case), twice, or blank are not added.
			names := []string{"Bergersen", "Åse", "bergersen", " "}
			if strings.Contains(c.before, "Ola") {
				names = append(names, "ola")
			}
			added, err := AddPeople(path, names)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(path)
			if string(got) != c.after {
				t.Errorf("got\n%s\nwant\n%s", got, c.after)
			}
			if !reflect.DeepEqual(added, []string{"Bergersen", "Åse"}) {
				t.Errorf("added %q", added)
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
				t.Errorf("mode %v, want the file's own 0640", fi.Mode().Perm())
			}
		})
	}
}

func TestAddPeopleCreatesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tillit", "config.toml")
	if _, err := AddPeople(path, []string{"Bergersen"}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "people = [\"Bergersen\"]\n" {
		t.Errorf("got %q", got)
	}
	fi, _ := os.Stat(path)
	di, _ := os.Stat(filepath.Dir(path))
	if fi.Mode().Perm() != 0o600 || di.Mode().Perm() != 0o700 {
		t.Errorf("modes %v %v", fi.Mode().Perm(), di.Mode().Perm())
	}
	c, err := Load(path)
	if err != nil || !reflect.DeepEqual(c.People, []string{"Bergersen"}) {
		t.Errorf("load: %v %q", err, c.People)
	}
	// Names with quotes and backslashes stay names.
	if _, err := AddPeople(path, []string{`O"Neill\`}); err != nil {
		t.Fatal(err)
	}
	if c, _ := Load(path); !reflect.DeepEqual(c.People, []string{"Bergersen", `O"Neill\`}) {
		t.Errorf("people %q", c.People)
	}
}

func TestAddPeopleRefusesWhatItCannotEditSafely(t *testing.T) {
	for name, text := range map[string]string{
		"not TOML":            "lang = \"nb\nnope",
		"people not an array": "people = \"Ola\"\n",
		"people in a table":   "[people]\nx = 1\n",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.toml")
			os.WriteFile(path, []byte(text), 0o600)
			_, err := AddPeople(path, []string{"Bergersen"})
			if err == nil || !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %v: want one line naming %s", err, path)
			}
			if got, _ := os.ReadFile(path); string(got) != text {
				t.Errorf("the file changed:\n%s", got)
			}
		})
	}
}

func TestAddPeopleWritesThroughALink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "dotfiles", "tillit.toml")
	os.MkdirAll(filepath.Dir(real), 0o700)
	os.WriteFile(real, []byte("people = [\"Ola\"]\n"), 0o600)
	link := filepath.Join(dir, "config.toml")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	if _, err := AddPeople(link, []string{"Siri"}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if got, _ := os.ReadFile(real); string(got) != "people = [\"Ola\", \"Siri\"]\n" {
		t.Errorf("got %q", got)
	}
}

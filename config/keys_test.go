package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func testTemplate() []byte {
	return Template("tillit's settings.\nRemove the # to set a key.",
		func(k Key) string { return "what " + k.Name + " does" },
		func(k Key) string {
			if k.Default != "" {
				return k.Default
			}
			return "x"
		})
}

func TestSetKeepsCommentsAndUnknownKeys(t *testing.T) {
	for _, c := range []struct{ name, before, key, value, after string }{
		{"replaces a value, keeps its comment",
			"# mine\nlang = \"nb\" # norsk\nfuture = 1\n\n[plugin]\nx = \"y\"\n",
			"lang", "sv",
			"# mine\nlang = \"sv\" # norsk\nfuture = 1\n\n[plugin]\nx = \"y\"\n"},
		{"a new key before the first table",
			"lang = \"nb\"\n[plugin]\nx = 1\n",
			"theme", "LIGHT",
			"lang = \"nb\"\ntheme = \"light\"\n[plugin]\nx = 1\n"},
		{"a list over several lines",
			"people = [\n  \"Ola\", # caretaker\n  \"Siri\",\n] # staff\nname = \"Kari\"\n",
			"people", "Åse, Per ,",
			"people = [\"Åse\", \"Per\"] # staff\nname = \"Kari\"\n"},
		{"takes the commented-out line",
			"# The colours.\n# theme = \"auto\"\n\n# The schedule.\n# schedule = \"sequence\"\n",
			"schedule", "focus",
			"# The colours.\n# theme = \"auto\"\n\n# The schedule.\nschedule = \"focus\"\n"},
		{"a boolean and a clock",
			"weekdays_only = false # weekends too\n",
			"day_starts_at", "4:30",
			"weekdays_only = false # weekends too\nday_starts_at = \"04:30\"\n"},
		{"a dotted key goes into its table",
			"lang = \"en\"\n[sync]\nremote = \"origin\"\n",
			"weekdays_only", "yes",
			"lang = \"en\"\nweekdays_only = true\n[sync]\nremote = \"origin\"\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.toml")
			os.WriteFile(path, []byte(c.before), 0o640)
			if _, err := Set(path, c.key, c.value, testTemplate()); err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(path)
			if string(got) != c.after {
				t.Errorf("got\n%s\nwant\n%s", got, c.after)
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
				t.Errorf("mode %v, want the file's own 0640", fi.Mode().Perm())
			}
		})
	}
}

func TestSetCreatesTheFileFromTheTemplate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tillit", "config.toml")
	if _, err := Set(path, "theme", "dark", testTemplate()); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if !strings.Contains(string(got), "# what theme does\ntheme = \"dark\"\n") {
		t.Errorf("the key did not take its template line:\n%s", got)
	}
	for _, k := range Keys {
		if k.Name != "theme" && !strings.Contains(string(got), "# "+k.Name+" = ") {
			t.Errorf("the template lacks %s:\n%s", k.Name, got)
		}
	}
	c, err := Load(path)
	if err != nil || c.Theme != "dark" || len(c.Unknown) > 0 {
		t.Errorf("Load = %+v, %v", c, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestSetRefusesBadValues(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(path, []byte("lang = \"nb\"\n"), 0o600)
	for _, c := range [][2]string{{"theme", "blue"}, {"schedule", "random"}, {"day_starts_at", "13:00"}, {"day_starts_at", "4"}, {"weekdays_only", "maybe"}, {"lang", "de"}} {
		_, err := Set(path, c[0], c[1], nil)
		var ve *ValueError
		if !errors.As(err, &ve) || ve.Key != c[0] || ve.Path != path {
			t.Errorf("Set(%s, %s) = %v, want a ValueError naming the key and the file", c[0], c[1], err)
		}
	}
	var ue *UnknownKeyError
	if _, err := Set(path, "colour", "red", nil); !errors.As(err, &ue) {
		t.Errorf("an unknown key: %v", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "lang = \"nb\"\n" {
		t.Errorf("the file changed: %q", got)
	}
}

func TestLoadNamesKeyAndFile(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ text, key string }{
		{"theme = \"blue\"\n", "theme"},
		{"schedule = \"random\"\n", "schedule"},
		{"day_starts_at = \"25:00\"\n", "day_starts_at"},
		{"lang = \"de\"\n", "lang"},
		{"theme = 3\n", "theme"},
		{"weekdays_only = \"yes\"\n", "weekdays_only"},
	} {
		path := filepath.Join(dir, "config.toml")
		os.WriteFile(path, []byte(c.text), 0o600)
		_, err := Load(path)
		var ve *ValueError
		if !errors.As(err, &ve) || ve.Key != c.key || ve.Path != path {
			t.Errorf("%q: %v, want a ValueError naming %s and the file", c.text, err, c.key)
		}
	}
	path := filepath.Join(dir, "config.toml")
	os.WriteFile(path, []byte("lang = \"Bokmål\"\ncolour = \"red\"\n[plugin]\nx = 1\n"), 0o600)
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.Lang != "nb" || !reflect.DeepEqual(c.Unknown, []string{"colour", "plugin", "plugin.x"}) {
		t.Errorf("Load = %+v", c)
	}
}

func TestLayerFlagBeatsEnvBeatsFile(t *testing.T) {
	file := Config{Lang: "nb", Theme: "light", Schedule: "focus", DayStartsAt: "03:00"}
	env := map[string]string{"TILLIT_THEME": "dark", "TILLIT_LANG": "sv", "TILLIT_DAY_STARTS_AT": "5:00"}
	got, err := file.Layer(func(k string) string { return env[k] }, map[string]string{"lang": "en"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Lang != "en" || got.Theme != "dark" || got.Schedule != "focus" || got.DayStartsAt != "05:00" {
		t.Errorf("Layer = %+v", got)
	}
	if file.Theme != "light" {
		t.Error("Layer changed the file's settings")
	}
	_, err = file.Layer(func(k string) string { return map[string]string{"TILLIT_SCHEDULE": "random"}[k] }, nil)
	var ve *ValueError
	if !errors.As(err, &ve) || ve.Env != "TILLIT_SCHEDULE" {
		t.Errorf("a bad TILLIT_SCHEDULE: %v", err)
	}
	_, err = file.Layer(func(string) string { return "" }, map[string]string{"lang": "de"})
	if !errors.As(err, &ve) || ve.Flag != "--lang" {
		t.Errorf("a bad --lang: %v", err)
	}
}

func TestDayStartsAt(t *testing.T) {
	late := time.Date(2026, 11, 28, 1, 30, 0, 0, time.UTC)
	if got := (Config{DayStartsAt: "04:00"}).Today(late); got.Day() != 27 {
		t.Errorf("01:30 with the day starting at 04:00 is the 27th, got %v", got)
	}
	if got := (Config{}).Today(late); got.Day() != 28 {
		t.Errorf("01:30 is the 28th by default, got %v", got)
	}
}

func TestFilePath(t *testing.T) {
	if FilePath("a.toml", "b.toml") != "a.toml" || FilePath("", "b.toml") != "b.toml" || FilePath("", "") != DefaultPath() {
		t.Error("--config, then TILLIT_CONFIG, then the default")
	}
}

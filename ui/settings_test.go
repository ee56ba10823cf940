package ui

import (
	"image/color"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tillit/config"
	"tillit/content"
	"tillit/journal"
	"tillit/locale"
)

// settingsModelAt is Today over a journal of entries, with the settings
// file at path (cfg as read from it) and s as the settings of the run.
func settingsModelAt(t *testing.T, s config.Config, path string, entries map[string]string) *Model {
	t.Helper()
	root := t.TempDir()
	os.Chmod(root, 0o700)
	for name, text := range entries {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o700)
		os.WriteFile(p, []byte(text), 0o600)
	}
	file, _ := config.Load(path)
	if file.Path == "" {
		file.Path = path
	}
	m := newTestModel(Options{Store: journal.NewStore(root), Lang: locale.New("en"), Editor: "true", Config: s, File: file})
	settle(m, m.Init())
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return m
}

// The Settings screen changes one key in the file: its comments, the keys
// tillit does not know, and every other line stay.
func TestSettingsScreenKeepsTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	before := "# my own notes\nlang = \"en\" # English at work\ncolour = \"red\" # from a newer tillit\n\n[plugin]\nx = 1\n"
	os.WriteFile(path, []byte(before), 0o600)
	m := settingsModelAt(t, config.Config{Lang: "en"}, path, nil)
	keys(m, "s")
	if _, ok := m.top().(*settingsModel); !ok {
		t.Fatalf("s opened %T", m.top())
	}
	view := ansi.Strip(m.View().Content)
	for _, want := range []string{"Colours", "auto (default)", "colour, plugin, plugin.x"} {
		if !strings.Contains(view, want) {
			t.Errorf("Settings lacks %q:\n%s", want, view)
		}
	}
	// Down to the theme (the sixth row), change it twice: dark, light.
	keys(m, "down", "down", "down", "down", "down", "enter", "enter")
	// Down to the name, type it.
	keys(m, "up", "up", "up", "enter", "K", "a", "r", "i", "enter")
	got, _ := os.ReadFile(path)
	want := "# my own notes\nlang = \"en\" # English at work\ncolour = \"red\" # from a newer tillit\ntheme = \"light\"\nname = \"Kari\"\n\n[plugin]\nx = 1\n"
	if string(got) != want {
		t.Errorf("the file is\n%s\nwant\n%s", got, want)
	}
	if m.ctx.Dark {
		t.Error("the theme light did not make the colours light")
	}
	if m.ctx.Config.Name != "Kari" {
		t.Errorf("the name of this run is %q", m.ctx.Config.Name)
	}
	// A value the key does not allow: one line naming key, file and what
	// is allowed; the file stays.
	keys(m, "down", "down", "down", "down", "down", "down", "enter")
	for _, r := range "25:00" {
		keys(m, string(r))
	}
	keys(m, "enter")
	view = ansi.Strip(m.View().Content)
	if !strings.Contains(view, "day_starts_at") || !strings.Contains(view, "not allowed") || !strings.Contains(view, "00:00 to 12:00") {
		t.Errorf("no error for 25:00:\n%s", view)
	}
	if again, _ := os.ReadFile(path); string(again) != want {
		t.Errorf("a refused value changed the file:\n%s", again)
	}
}

// theme = light keeps the colours light whatever the terminal says; auto
// follows the terminal.
func TestThemeSetting(t *testing.T) {
	m := settingsModelAt(t, config.Config{Theme: "light"}, filepath.Join(t.TempDir(), "none.toml"), nil)
	if m.ctx.Dark {
		t.Fatal("theme light starts dark")
	}
	m.Update(tea.BackgroundColorMsg{Color: color.Black})
	if m.ctx.Dark {
		t.Error("theme light followed a dark terminal")
	}
	m = settingsModelAt(t, config.Config{Theme: "dark"}, filepath.Join(t.TempDir(), "none.toml"), nil)
	m.Update(tea.BackgroundColorMsg{Color: color.White})
	if !m.ctx.Dark {
		t.Error("theme dark followed a light terminal")
	}
	m = settingsModelAt(t, config.Config{}, filepath.Join(t.TempDir(), "none.toml"), nil)
	m.Update(tea.BackgroundColorMsg{Color: color.White})
	if m.ctx.Dark {
		t.Error("theme auto did not follow a light terminal")
	}
}

// day_starts_at: at 01:30 with the day starting at 04:00, Today is the day
// before.
func TestDayStartsAtSetting(t *testing.T) {
	late := time.Date(2026, 11, 28, 1, 30, 0, 0, time.Local)
	for _, c := range []struct {
		starts, want string
	}{{"04:00", "Friday 27 November 2026"}, {"", "Saturday 28 November 2026"}} {
		m := newTestModel(Options{Store: journal.NewStore(t.TempDir()), Lang: locale.New("en"), Editor: "true",
			Config: config.Config{DayStartsAt: c.starts}, Now: func() time.Time { return late }})
		settle(m, m.Init())
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		if view := ansi.Strip(m.View().Content); !strings.Contains(view, c.want) {
			t.Errorf("day_starts_at %q: Today is not %s:\n%s", c.starts, c.want, view)
		}
	}
}

// schedule = focus: Today offers the tip last rated lowest, and the
// check-in opened from Today, or by the command line, asks it.
func TestScheduleSetting(t *testing.T) {
	entries := map[string]string{
		"2026/10/2026-10-01.md": "---\ndate: 2026-10-01\ntip: 1\nrating: 4\n---\n",
		"2026/10/2026-10-02.md": "---\ndate: 2026-10-02\ntip: 2\nrating: 1\n---\n",
	}
	for _, c := range []struct {
		schedule string
		tip      int
	}{{"sequence", 3}, {"focus", 2}} {
		m := settingsModelAt(t, config.Config{Schedule: c.schedule}, filepath.Join(t.TempDir(), "none.toml"), entries)
		if m.today.tip.Number != c.tip {
			t.Errorf("%s: Today offers tip %d, want %d", c.schedule, m.today.tip.Number, c.tip)
		}
		keys(m, "enter")
		if ci, ok := m.top().(*checkinModel); !ok || ci.tip.Number != c.tip {
			t.Errorf("%s: the check-in from Today: %T", c.schedule, m.top())
		}
		m = newTestModel(Options{Store: m.ctx.Store, Lang: locale.New("en"), Editor: "true",
			Config: config.Config{Schedule: c.schedule}, Start: StartCheckIn, Day: journal.DateOf(testNow), Once: true})
		settle(m, m.Init())
		if ci, ok := m.top().(*checkinModel); !ok || ci.tip.Number != c.tip {
			t.Errorf("%s: tillit checkin opened %T", c.schedule, m.top())
		}
	}
}

// context: the tip page of a check-in speaks of the people of the user's
// context (here tip 2: the people served and the service), in every
// language; without it, in the general wording.
func TestContextSetting(t *testing.T) {
	entries := map[string]string{"2026/10/2026-10-01.md": "---\ndate: 2026-10-01\ntip: 1\nrating: 4\n---\n"}
	root := t.TempDir()
	for name, text := range entries {
		os.MkdirAll(filepath.Join(root, filepath.Dir(name)), 0o700)
		os.WriteFile(filepath.Join(root, name), []byte(text), 0o600)
	}
	for _, lang := range content.Languages {
		general := ""
		for _, c := range append([]string{""}, content.Contexts...) {
			m := newTestModel(Options{Store: journal.NewStore(root), Lang: locale.New(lang), Editor: "true", Config: config.Config{Context: c}})
			settle(m, m.Init())
			m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
			keys(m, "enter")
			ci, ok := m.top().(*checkinModel)
			if !ok || ci.tip.Number != 2 {
				t.Fatalf("%s %s: enter on Today opened %T", lang, c, m.top())
			}
			page := ci.tipMarkdown()
			words := content.ContextWords(lang, c)
			for _, w := range []string{words["people_served"], words["service"], words["users"]} {
				if !strings.Contains(page, w) {
					t.Errorf("%s %q: the tip page lacks %q:\n%s", lang, c, w, page)
				}
			}
			switch c {
			case "", content.GeneralContext:
				if general != "" && page != general {
					t.Errorf("%s: general reads otherwise than no context", lang)
				}
				general = page
			default:
				if page == general {
					t.Errorf("%s %s: the page reads as the general one", lang, c)
				}
			}
		}
	}
}

// Changing the context on the Settings screen changes the words of the
// tips at once: the next check-in's page speaks of pupils.
func TestContextSettingChangesTheTipsAtOnce(t *testing.T) {
	entries := map[string]string{"2026/10/2026-10-01.md": "---\ndate: 2026-10-01\ntip: 1\nrating: 4\n---\n"}
	path := filepath.Join(t.TempDir(), "config.toml")
	m := settingsModelAt(t, config.Config{}, path, entries)
	keys(m, "s")
	row := slices.IndexFunc(config.Keys, func(k config.Key) bool { return k.Name == "context" })
	for range row {
		keys(m, "down")
	}
	keys(m, "enter") // general → school
	if got, _ := os.ReadFile(path); !strings.Contains(string(got), "\ncontext = \"school\"\n") {
		t.Fatalf("the file is\n%s", got)
	}
	keys(m, "esc", "enter")
	ci, ok := m.top().(*checkinModel)
	if !ok {
		t.Fatalf("enter on Today opened %T", m.top())
	}
	if page := ci.tipMarkdown(); !strings.Contains(page, "pupils and parents") {
		t.Errorf("the tip page after the change:\n%s", page)
	}
}

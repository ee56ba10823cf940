package locale

import (
	"sort"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// ids flattens a catalog file into its message ids.
func ids(t *testing.T, lang string) []string {
	data, err := files.ReadFile("messages/" + lang + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	var tree map[string]any
	if err := yaml.Unmarshal(data, &tree); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		m, ok := v.(map[string]any)
		if !ok {
			out = append(out, prefix)
			return
		}
		if _, plural := m["other"]; plural {
			out = append(out, prefix)
			return
		}
		for k, c := range m {
			walk(strings.TrimPrefix(prefix+"."+k, "."), c)
		}
	}
	walk("", tree)
	sort.Strings(out)
	return out
}

func TestCatalogsHaveTheSameMessages(t *testing.T) {
	en := ids(t, "en")
	for _, lang := range Supported {
		got := ids(t, lang)
		if strings.Join(got, "\n") != strings.Join(en, "\n") {
			t.Errorf("%s and en differ:\n%v\n%v", lang, got, en)
		}
		c := New(lang)
		for _, id := range got {
			if !c.Has(id) {
				t.Errorf("%s: %s does not load", lang, id)
			}
		}
	}
}

func TestDates(t *testing.T) {
	cases := map[string]string{
		"nb": "fredag 27. november 2026",
		"sv": "fredag 27 november 2026",
		"en": "Friday 27 November 2026",
	}
	for lang, want := range cases {
		if got := New(lang).LongDate(2026, time.November, 27); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}

func TestPlural(t *testing.T) {
	c := New("nb")
	if got := c.N("today.days", 1); got != "1 dag" {
		t.Errorf("1: %q", got)
	}
	if got := c.N("today.days", 5); got != "5 dager" {
		t.Errorf("5: %q", got)
	}
}

func TestChoose(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag, tl, cfg string
		sys           map[string]string
		want          string
	}{
		{"en", "nb", "sv", nil, "en"},
		{"", "nb", "sv", nil, "nb"},
		{"", "", "sv", map[string]string{"LANG": "nb_NO.UTF-8"}, "sv"},
		{"", "", "", map[string]string{"LANG": "nb_NO.UTF-8"}, "nb"},
		{"", "", "", map[string]string{"LANG": "nn_NO.UTF-8"}, "nb"},
		{"", "", "", map[string]string{"LC_ALL": "sv_SE.UTF-8", "LANG": "nb_NO"}, "sv"},
		{"", "", "", map[string]string{"LC_MESSAGES": "C", "LANG": "nb_NO"}, "en"},
		{"", "", "", map[string]string{"LANG": "de_DE.UTF-8"}, "en"},
		{"", "", "", nil, "en"},
	}
	for _, c := range cases {
		got, err := Choose(c.flag, c.tl, c.cfg, env(c.sys))
		if err != nil || got != c.want {
			t.Errorf("Choose(%q, %q, %q, %v) = %q, %v; want %q", c.flag, c.tl, c.cfg, c.sys, got, err, c.want)
		}
	}
	if _, err := Choose("de", "", "", env(nil)); err == nil {
		t.Error("--lang de should be refused")
	}
}

// A count of commitments agrees with its number: "1 åpen", "3 åpne"; in
// Swedish a commitment is neuter: "1 öppet", "1 gjort", "3 gjorda".
func TestOutcomeCountsAgree(t *testing.T) {
	cases := []struct {
		lang, id string
		n        int
		want     string
	}{
		{"nb", "outcome_count.open", 1, "1 åpen"}, {"nb", "outcome_count.open", 3, "3 åpne"}, {"nb", "outcome_count.open", 0, "0 åpne"},
		{"nb", "outcome_count.not", 1, "1 ikke gjort"},
		{"sv", "outcome_count.open", 1, "1 öppet"}, {"sv", "outcome_count.open", 2, "2 öppna"},
		{"sv", "outcome_count.done", 1, "1 gjort"}, {"sv", "outcome_count.done", 5, "5 gjorda"},
		{"sv", "outcome_count.not", 1, "1 inte gjort"}, {"sv", "outcome_count.not", 2, "2 inte gjorda"},
		{"en", "outcome_count.not", 2, "2 not done"},
	}
	for _, c := range cases {
		if got := New(c.lang).N(c.id, c.n); got != c.want {
			t.Errorf("%s %s %d: %q, want %q", c.lang, c.id, c.n, got, c.want)
		}
	}
}

// A heading that starts with a date starts with a capital letter.
func TestHeadingStartsWithACapital(t *testing.T) {
	for lang, want := range map[string]string{"nb": "Mandag 30. november 2026", "sv": "Måndag 30 november 2026", "en": "Monday 30 November 2026"} {
		c := New(lang)
		if got := c.Heading(c.LongDate(2026, time.November, 30)); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	if got := New("nb").Heading("Ærlig talt"); got != "Ærlig talt" {
		t.Errorf("an upper-case start changed: %q", got)
	}
	if got := New("nb").Heading("ønske"); got != "Ønske" {
		t.Errorf("ø: %q", got)
	}
}

// The days written from the worked-out patterns read as the templates
// write them, every day of a year and in every language.
func TestDatesAsTheTemplatesWriteThem(t *testing.T) {
	for _, lang := range Supported {
		c := New(lang)
		if p := c.patterns(); p.long == nil || p.short == nil || p.dayMonth == nil {
			t.Errorf("%s: a date pattern was not worked out", lang)
		}
		for d := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC); d.Year() == 2024; d = d.AddDate(0, 0, 1) {
			y, m, day := d.Date()
			wd, wds, mn, mns := c.Weekday(d.Weekday()), c.WeekdayShort(d.Weekday()), c.Month(m), c.T("date.month_short."+monthIDs[m])
			for _, tc := range []struct{ got, want string }{
				{c.LongDate(y, m, day), c.T("date.long", "Weekday", wd, "Day", day, "Month", mn, "Year", y)},
				{c.ShortDate(y, m, day), c.T("date.short", "Weekday", wds, "Day", day, "Month", mns, "Year", y)},
				{c.DayMonth(y, m, day), c.T("date.day_month", "Weekday", wd, "Day", day, "Month", mn)},
			} {
				if tc.got != tc.want {
					t.Fatalf("%s %s: %q, the template writes %q", lang, d.Format(time.DateOnly), tc.got, tc.want)
				}
			}
		}
	}
}

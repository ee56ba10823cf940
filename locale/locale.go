// Package locale holds the words of tillit's interface in each language it
// speaks (message catalogs in messages/*.yaml), decides which language to
// use, and writes dates the local way ("fredag 27. november 2026").
//
// It never imports a user interface package: the command line, the TUI and
// the exports all speak through it.
package locale

import (
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"tillit/config"
)

//go:embed messages/*.yaml
var files embed.FS

// Supported lists the interface languages: Norwegian bokmål (the source of
// the tips), English and Swedish.
var Supported = []string{"nb", "en", "sv"}

// Normalize maps a language name or POSIX locale (nb_NO.UTF-8, no, nn,
// sv_SE, en_GB) to a supported language, or "" when it names none. The
// settings file accepts the same names.
func Normalize(s string) string { return config.NormalizeLang(s) }

// Choose picks the language: the flag, TILLIT_LANG, the config file, then
// the system locale (LC_ALL, LC_MESSAGES, LANG), else English. An explicit
// choice that names no supported language is an error.
func Choose(flag, env, config string, getenv func(string) string) (string, error) {
	for _, c := range []struct{ from, value string }{{"--lang", flag}, {"TILLIT_LANG", env}, {"config lang", config}} {
		if c.value == "" {
			continue
		}
		if l := Normalize(c.value); l != "" {
			return l, nil
		}
		return "", fmt.Errorf("%s %q: tillit speaks nb, en and sv", c.from, c.value)
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			if l := Normalize(v); l != "" {
				return l, nil
			}
			// The first one set decides, as in POSIX; C or POSIX means English.
			return "en", nil
		}
	}
	return "en", nil
}

// A bundle holds the messages of one language. It is read from its file
// the first time a catalog of that language is asked for a message: a
// command reads one language of three, and only when it speaks.
type bundle struct {
	once      sync.Once
	localizer *i18n.Localizer
	err       error
}

var bundles = map[string]*bundle{"nb": {}, "en": {}, "sv": {}}

func (b *bundle) load(lang string) {
	tag := language.Make(lang)
	bb := i18n.NewBundle(tag)
	bb.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	if _, err := bb.LoadMessageFileFS(files, "messages/"+lang+".yaml"); err != nil {
		b.err = fmt.Errorf("messages/%s.yaml: %w", lang, err)
		return
	}
	b.localizer = i18n.NewLocalizer(bb, lang)
}

// Catalog is the interface's words in one language.
type Catalog struct {
	lang  string
	mu    sync.Mutex
	cache map[string]string

	datesOnce sync.Once
	dates     *datePatterns
}

// New returns the catalog for lang (one of Supported). Its messages are
// read when the first one is asked for.
func New(lang string) *Catalog {
	if Normalize(lang) == "" {
		lang = "en"
	}
	return &Catalog{lang: lang, cache: map[string]string{}}
}

// localizer returns the messages of the catalog's language, reading them
// the first time.
func (c *Catalog) localizer() *i18n.Localizer {
	b := bundles[c.lang]
	b.once.Do(func() { b.load(c.lang) })
	if b.err != nil {
		// The catalogs are embedded and checked by the tests.
		panic(b.err)
	}
	return b.localizer
}

// Lang returns the catalog's language code.
func (c *Catalog) Lang() string { return c.lang }

// T returns the message id, filled with the named values given as pairs:
// T("checkin.step", "N", 3, "Of", 6). A missing message shows its id, so a
// gap is visible and never a crash.
func (c *Catalog) T(id string, pairs ...any) string {
	// A message is kept once made, with its values when they are few and
	// short: an export of years asks for "tip 3" thousands of times, and
	// a template costs microseconds each time.
	key, keep := cacheKey(id, pairs)
	if keep {
		c.mu.Lock()
		s, ok := c.cache[key]
		c.mu.Unlock()
		if ok {
			return s
		}
	}
	s, err := c.localizer().Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data(pairs)})
	if err != nil {
		s = id
	}
	if keep {
		c.mu.Lock()
		if len(c.cache) < maxCached {
			c.cache[key] = s
		}
		c.mu.Unlock()
	}
	return s
}

// maxCached bounds the messages a catalog keeps: an interface that runs
// for days says many different things.
const maxCached = 4096

// cacheKey is how a message with its values is kept: false when a value
// is not a number or a short text.
func cacheKey(id string, pairs []any) (string, bool) {
	if len(pairs) == 0 {
		return id, true
	}
	if len(pairs) > 8 {
		return "", false
	}
	var b strings.Builder
	b.WriteString(id)
	for _, p := range pairs {
		b.WriteByte(0)
		switch v := p.(type) {
		case string:
			if len(v) > 64 || strings.IndexByte(v, 0) >= 0 {
				return "", false
			}
			b.WriteString(v)
		case int:
			b.WriteString(strconv.Itoa(v))
		default:
			return "", false
		}
	}
	return b.String(), true
}

// N returns the plural form of message id for count n; {{.Count}} is n.
func (c *Catalog) N(id string, n int, pairs ...any) string {
	d := data(pairs)
	d["Count"] = n
	s, err := c.localizer().Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: n, TemplateData: d})
	if err != nil {
		return id
	}
	return s
}

// Has reports whether the catalog has a message id.
func (c *Catalog) Has(id string) bool {
	_, err := c.localizer().Localize(&i18n.LocalizeConfig{MessageID: id})
	return err == nil
}

// Field names a front matter key for a line of search results: in the
// user's language when tillit knows the key, as written when the user added
// it by hand.
func (c *Catalog) Field(key string) string {
	if id := "search.field." + key; c.Has(id) {
		return c.T(id)
	}
	return key
}

func data(pairs []any) map[string]any {
	m := make(map[string]any, len(pairs)/2+1)
	for i := 0; i+1 < len(pairs); i += 2 {
		m[fmt.Sprint(pairs[i])] = pairs[i+1]
	}
	return m
}

var weekdayIDs = [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

var monthIDs = [...]string{"", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// Weekday returns the name of the weekday ("fredag").
func (c *Catalog) Weekday(d time.Weekday) string { return c.T("date.weekday." + weekdayIDs[d]) }

// WeekdayShort returns the two-letter weekday ("fr").
func (c *Catalog) WeekdayShort(d time.Weekday) string {
	return c.T("date.weekday_short." + weekdayIDs[d])
}

// Month returns the name of the month ("november").
func (c *Catalog) Month(m time.Month) string { return c.T("date.month." + monthIDs[m]) }

// LongDate writes a day the local way: "fredag 27. november 2026".
func (c *Catalog) LongDate(year int, month time.Month, day int) string {
	p := c.patterns()
	if p.long != nil && validMonth(month) {
		return p.long.write(year, month, day, p.weekday[:], p.month[:])
	}
	wd := time.Date(year, month, day, 12, 0, 0, 0, time.UTC).Weekday()
	return c.T("date.long", "Weekday", c.Weekday(wd), "Day", day, "Month", c.Month(month), "Year", year)
}

// Heading returns s as the start of a heading or a sentence: its first
// letter in upper case. Norwegian and Swedish write weekdays and months in
// lower case, so a heading that starts with a date needs it:
// "Mandag 30. november 2026".
func (c *Catalog) Heading(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// ShortDate writes a day in little room: "fr 27. nov. 2026".
func (c *Catalog) ShortDate(year int, month time.Month, day int) string {
	p := c.patterns()
	if p.short != nil && validMonth(month) {
		return p.short.write(year, month, day, p.weekdayShort[:], p.monthShort[:])
	}
	wd := time.Date(year, month, day, 12, 0, 0, 0, time.UTC).Weekday()
	return c.T("date.short", "Weekday", c.WeekdayShort(wd), "Day", day, "Month", c.T("date.month_short."+monthIDs[month]), "Year", year)
}

// DayMonth writes a day without the year: "fredag 27. november".
func (c *Catalog) DayMonth(year int, month time.Month, day int) string {
	p := c.patterns()
	if p.dayMonth != nil && validMonth(month) {
		return p.dayMonth.write(year, month, day, p.weekday[:], p.month[:])
	}
	wd := time.Date(year, month, day, 12, 0, 0, 0, time.UTC).Weekday()
	return c.T("date.day_month", "Weekday", c.Weekday(wd), "Day", day, "Month", c.Month(month))
}

func validMonth(m time.Month) bool { return m >= time.January && m <= time.December }

// Span writes a stretch of days the local way: "23.–29. november 2026",
// "30. november – 6. desember 2026", "28. desember 2026 – 3. januar 2027".
func (c *Catalog) Span(y1 int, m1 time.Month, d1 int, y2 int, m2 time.Month, d2 int) string {
	switch {
	case y1 == y2 && m1 == m2:
		return c.T("date.span_month", "From", d1, "To", d2, "Month", c.Month(m1), "Year", y1)
	case y1 == y2:
		return c.T("date.span_year", "From", d1, "FromMonth", c.Month(m1), "To", d2, "ToMonth", c.Month(m2), "Year", y1)
	}
	return c.T("date.span", "From", d1, "FromMonth", c.Month(m1), "FromYear", y1, "To", d2, "ToMonth", c.Month(m2), "ToYear", y2)
}

// Decimal writes a number with the language's decimal mark: 3,5 or 3.5.
func (c *Catalog) Decimal(x float64, digits int) string {
	s := strconv.FormatFloat(x, 'f', digits, 64)
	if c.lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Either lists choices the language's way: "auto, dark or light".
func (c *Catalog) Either(choices []string) string {
	if len(choices) < 2 {
		return strings.Join(choices, "")
	}
	return strings.Join(choices[:len(choices)-1], ", ") + " " + c.T("word.or") + " " + choices[len(choices)-1]
}

// Quote puts text in the language's quotation marks: «…» in Norwegian,
// ”…” in Swedish, "…" in English.
func (c *Catalog) Quote(s string) string {
	switch c.lang {
	case "nb":
		return "«" + s + "»"
	case "sv":
		return "”" + s + "”"
	}
	return `"` + s + `"`
}

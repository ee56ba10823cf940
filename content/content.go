// Package content holds what tillit coaches with: prompt packs of tips and
// reflection questions, and the article the built-in pack comes from.
//
// The built-in pack, "trust", is the 14 practical tips for trust-based
// leadership by Louise Bringselius (published by idebanken.org), in
// Norwegian, English and Swedish. The words live in embedded data files
// (packs/trust/*.yaml, article/*.md) so that a coach can change a question
// without touching Go; a user can add packs of their own in the same format.
// This package never imports a user interface package.
package content

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

//go:embed packs/trust/*.yaml article/*.md intro/*.md mentor/*.md sample/*.yaml contexts/*.yaml
var files embed.FS

// BuiltinID is the id of the built-in pack. A journal entry without a pack
// key belongs to it.
const BuiltinID = "trust"

// Where the built-in tips come from, and who wrote the rest of the pack.
const (
	SourceURL         = "https://www.idebanken.org/innsikt/intervju/praktiske-rad-for-tillitsbasert-ledelse"
	SourceAuthor      = "Louise Bringselius"
	SourceInterviewer = "Trude Kvaran"
	SourceSite        = "idebanken.org"
	BuiltinAuthor     = "tillit"
)

// QuestionsPerCheckIn is how many of a tip's questions one check-in asks.
const QuestionsPerCheckIn = 2

// MinQuestions is how many questions each built-in tip has at least, so
// that four passes through the tips meet new questions each time.
const MinQuestions = 8

// Languages lists the languages of the built-in content, the source
// language first.
var Languages = []string{"nb", "en", "sv"}

// builtin holds the built-in pack in each language, each read from its
// file the first time it is asked for: a command speaks one language.
var builtin = map[string]*builtinPack{"nb": {}, "en": {}, "sv": {}}

type builtinPack struct {
	once sync.Once
	pack *Pack
	err  error
}

// Builtin returns the built-in pack in lang, falling back to English for a
// language tillit does not have.
func Builtin(lang string) (*Pack, error) {
	b, ok := builtin[lang]
	if !ok {
		lang, b = "en", builtin["en"]
	}
	b.once.Do(func() { b.pack, b.err = loadBuiltin(lang) })
	return b.pack, b.err
}

// MustBuiltin is Builtin for callers that run after the embedded files were
// checked by the tests: a broken file there is a bug in the build, not input.
func MustBuiltin(lang string) *Pack {
	p, err := Builtin(lang)
	if err != nil {
		panic(err)
	}
	return p
}

func loadBuiltin(lang string) (*Pack, error) {
	name := "packs/trust/" + lang + ".yaml"
	data, err := files.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("content %s: %w", name, err)
	}
	p, err := ParsePack(name, data)
	if err != nil {
		return nil, err
	}
	p.Path = ""
	return p, nil
}

// QuestionsFor returns the questions the k-th check-in on the tip asks
// (k counts from 0): the next ones in the list, wrapping around, so a
// manager on a later round meets questions they have not seen lately.
func (t Tip) QuestionsFor(k int) []string {
	n := len(t.Questions)
	if n == 0 {
		return nil
	}
	per := min(QuestionsPerCheckIn, n)
	out := make([]string, 0, per)
	for i := range per {
		out = append(out, t.Questions[(k*per+i)%n])
	}
	return out
}

// Article returns the idebanken article in lang as markdown, falling back to
// the Norwegian original.
func Article(lang string) string {
	data, err := files.ReadFile("article/" + lang + ".md")
	if err != nil {
		data, _ = files.ReadFile("article/nb.md")
	}
	return string(data)
}

// HasLanguage reports whether the built-in content exists in lang.
func HasLanguage(lang string) bool { return slices.Contains(Languages, lang) }

// PageLabels are the headings of a tip's page in the reader's language.
type PageLabels struct {
	Why, Try, Questions, QuestionsToday string
	// Theme writes the line naming a tip's theme.
	Theme func(name string) string
	// Credit writes the line that says whose tip n is and who wrote what
	// the page adds to it.
	Credit func(n int) string
	// URL is the source's address, on a line of its own so that a terminal
	// never breaks it.
	URL string
}

// Page is a tip's page as markdown: title, theme, why it matters, a small
// practice, and the questions (today's when given, else all of them), then
// who wrote what.
func (t Tip) Page(l PageLabels, today []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %d. %s\n\n", t.Number, t.Title)
	if t.ThemeName != "" && l.Theme != nil {
		fmt.Fprintf(&b, "*%s*\n\n", l.Theme(t.ThemeName))
	}
	if t.Why != "" {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", l.Why, t.Why)
	}
	if t.Try != "" {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", l.Try, t.Try)
	}
	heading, questions := l.Questions, t.Questions
	if today != nil {
		heading, questions = l.QuestionsToday, today
	}
	fmt.Fprintf(&b, "## %s\n\n", heading)
	for _, q := range questions {
		fmt.Fprintf(&b, "- %s\n", q)
	}
	if l.Credit != nil {
		if c := l.Credit(t.Number); c != "" {
			fmt.Fprintf(&b, "\n---\n\n*%s*\n", c)
		}
	}
	if l.URL != "" {
		fmt.Fprintf(&b, "\n<%s>\n", l.URL)
	}
	return b.String()
}

// Labels builds the headings of the pack's tip pages with a translation
// function (the interface's message catalog).
func (p *Pack) Labels(t func(id string, pairs ...any) string) PageLabels {
	return PageLabels{
		URL:            p.URL,
		Why:            t("tip.why"),
		Try:            t("tip.try"),
		Questions:      t("tip.questions"),
		QuestionsToday: t("tip.questions_today"),
		Theme:          func(name string) string { return t("tip.theme", "Theme", name) },
		Credit:         func(n int) string { return p.Credit(t, n) },
	}
}

// Credit says, in the words of t (the interface's catalog), whose tip n is
// and who wrote what tillit adds to it: the explanation, the practice, the
// questions, and a translation. n == 0 speaks of all the pack's tips.
func (p *Pack) Credit(t func(id string, pairs ...any) string, n int) string {
	which := "one"
	if n == 0 {
		which = "all"
	}
	where := []string{}
	for _, s := range []string{p.Source, p.SourcePublished} {
		if s != "" {
			where = append(where, s)
		}
	}
	if p.SourceUpdated != "" {
		where = append(where, t("credit.updated", "Year", p.SourceUpdated))
	}
	w := strings.Join(where, ", ")
	var parts []string
	switch {
	case p.SourceAuthor != "" && p.SourceInterviewer != "":
		parts = append(parts, t("credit."+which+"_interview", "N", n, "Author", p.SourceAuthor, "Interviewer", p.SourceInterviewer, "Where", w))
	case p.SourceAuthor != "" && w != "":
		parts = append(parts, t("credit."+which+"_by", "N", n, "Author", p.SourceAuthor, "Where", w))
	case p.SourceAuthor != "":
		parts = append(parts, t("credit."+which+"_author", "N", n, "Author", p.SourceAuthor))
	case w != "":
		parts = append(parts, t("credit.source", "Where", w))
	}
	if p.TranslatedBy != "" {
		parts = append(parts, t("credit.translated", "By", p.TranslatedBy))
	}
	if p.Author != "" {
		parts = append(parts, t("credit.rest_"+which, "By", p.Author))
	}
	return strings.Join(parts, " ")
}

// QuestionIndex returns where question stands in the list of tip n of the
// pack with this id, in whichever language it was asked (an entry written in
// Swedish, edited in Norwegian, asks the same question); -1 when unknown.
func QuestionIndex(p *Pack, n int, question string) int {
	packs := []*Pack{p}
	if p.ID == BuiltinID {
		for _, lang := range Languages {
			packs = append(packs, MustBuiltin(lang))
		}
	}
	for _, pk := range packs {
		if t, ok := pk.Tip(n); ok {
			if i := slices.Index(t.Questions, question); i >= 0 {
				return i
			}
		}
	}
	return -1
}

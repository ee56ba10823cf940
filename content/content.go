// Package content holds what tillit coaches with: the 14 tips for
// trust-based leadership by Louise Bringselius (published by idebanken.org),
// their reflection questions, and the article they come from, in each
// language tillit speaks.
//
// The words live in embedded data files (tips/*.yaml, article/*.md) so that
// a coach can change a question without touching Go. This package never
// imports a user interface package.
package content

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

//go:embed tips/*.yaml article/*.md
var files embed.FS

// Source is where the tips come from.
const (
	SourceURL    = "https://www.idebanken.org/innsikt/intervju/praktiske-rad-for-tillitsbasert-ledelse"
	SourceAuthor = "Louise Bringselius"
	SourceSite   = "idebanken.org"
)

// QuestionsPerCheckIn is how many of a tip's questions one check-in asks.
const QuestionsPerCheckIn = 2

// Tip is one of the practical tips.
type Tip struct {
	Number    int      `yaml:"number" json:"number"`
	ID        string   `yaml:"id" json:"id"`
	Title     string   `yaml:"title" json:"title"`
	Short     string   `yaml:"short" json:"short"`
	Why       string   `yaml:"why" json:"why"`
	Try       string   `yaml:"try" json:"try"`
	Questions []string `yaml:"questions" json:"questions"`
}

// Pack is the set of tips in one language.
type Pack struct {
	Language string `yaml:"language"`
	Tips     []Tip  `yaml:"tips"`
}

// Languages lists the languages the content is written in, the source
// language first.
var Languages = []string{"nb", "en", "sv"}

var (
	packsOnce sync.Once
	packs     map[string]*Pack
	packsErr  error
)

// Tips returns the tips in lang, falling back to English for a language
// tillit does not have.
func Tips(lang string) (*Pack, error) {
	packsOnce.Do(loadPacks)
	if packsErr != nil {
		return nil, packsErr
	}
	if p, ok := packs[lang]; ok {
		return p, nil
	}
	return packs["en"], nil
}

// MustTips is Tips for callers that run after the embedded files were
// checked by the tests: a broken file is a bug in the build, not user input.
func MustTips(lang string) *Pack {
	p, err := Tips(lang)
	if err != nil {
		panic(err)
	}
	return p
}

func loadPacks() {
	packs = map[string]*Pack{}
	for _, lang := range Languages {
		p, err := loadPack(lang)
		if err != nil {
			packsErr = err
			return
		}
		packs[lang] = p
	}
}

func loadPack(lang string) (*Pack, error) {
	name := "tips/" + lang + ".yaml"
	data, err := files.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("content %s: %w", name, err)
	}
	var p Pack
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("content %s: %w", name, err)
	}
	for i, t := range p.Tips {
		if t.Number != i+1 {
			return nil, fmt.Errorf("content %s: tip %d has number %d", name, i+1, t.Number)
		}
		if t.ID == "" || t.Title == "" || len(t.Questions) < QuestionsPerCheckIn {
			return nil, fmt.Errorf("content %s: tip %d needs an id, a title and at least %d questions", name, t.Number, QuestionsPerCheckIn)
		}
		p.Tips[i].Why = strings.TrimSpace(t.Why)
		p.Tips[i].Try = strings.TrimSpace(t.Try)
		if t.Short == "" {
			p.Tips[i].Short = t.Title
		}
	}
	return &p, nil
}

// Count is the number of tips.
func (p *Pack) Count() int { return len(p.Tips) }

// Tip returns tip n (1-based).
func (p *Pack) Tip(n int) (Tip, bool) {
	if n < 1 || n > len(p.Tips) {
		return Tip{}, false
	}
	return p.Tips[n-1], true
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

// HasLanguage reports whether the content exists in lang.
func HasLanguage(lang string) bool { return slices.Contains(Languages, lang) }

// PageLabels are the headings of a tip's page in the reader's language.
type PageLabels struct {
	Why, Try, Questions, QuestionsToday, Source string
}

// Page is a tip's page as markdown: title, why it matters, a small practice,
// and the questions: today's when given, else all of them.
func (t Tip) Page(l PageLabels, today []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %d. %s\n\n", t.Number, t.Title)
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
	fmt.Fprintf(&b, "\n*%s* — <%s>\n", l.Source, SourceURL)
	return b.String()
}

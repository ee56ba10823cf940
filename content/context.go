package content

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// A context is where a manager leads: a school, a care home, NAV, a
// municipality, a state agency. The tips' explanations and practices name
// the people the service is for and who inspects it with example words
// ({users}, {inspections}); the context chooses them, so that a head
// teacher reads of pupils and parents and of Statsforvalteren, a care home
// manager of residents and relatives. The words are data
// (contexts/<language>.yaml), one set per context and language.

// GeneralContext is the general wording: the texts as they read when no
// context is chosen.
const GeneralContext = "general"

// Contexts are the contexts a user can choose, the general wording first.
var Contexts = []string{GeneralContext, "school", "care", "nav", "municipality", "state"}

// placeholder is a word a pack's text leaves to the context: {users}. A
// capital first letter ({Users}) asks for the word with a capital, for the
// start of a sentence.
var placeholder = regexp.MustCompile(`\{([A-Za-z][a-z_]*)\}`)

var (
	contextOnce  sync.Once
	contextWords map[string]map[string]map[string]string // language → context → word
	contextErr   error
)

func loadContexts() {
	contextWords = map[string]map[string]map[string]string{}
	for _, lang := range Languages {
		name := "contexts/" + lang + ".yaml"
		data, err := files.ReadFile(name)
		if err != nil {
			contextErr = fmt.Errorf("content %s: %w", name, err)
			return
		}
		var byContext map[string]map[string]string
		if err := yaml.Unmarshal(data, &byContext); err != nil {
			contextErr = fmt.Errorf("content %s: %w", name, err)
			return
		}
		contextWords[lang] = byContext
	}
}

// ContextWords returns the example words of context (one of Contexts; ""
// is the general wording) in lang; nil for a language or a context tillit
// has no words for.
func ContextWords(lang, context string) map[string]string {
	contextOnce.Do(loadContexts)
	if contextErr != nil {
		panic(contextErr) // the embedded files are checked by the tests
	}
	if context == "" {
		context = GeneralContext
	}
	return contextWords[lang][context]
}

// fill puts the words in place of the placeholders of s that they name. A
// placeholder they do not name stays as it is: a pack of the user's own
// may well have braces of its own.
func fill(s string, words map[string]string) string {
	if len(words) == 0 || !strings.Contains(s, "{") {
		return s
	}
	return placeholder.ReplaceAllStringFunc(s, func(m string) string {
		name := m[1 : len(m)-1]
		if w, ok := words[name]; ok {
			return w
		}
		first, size := utf8.DecodeRuneInString(name)
		if w, ok := words[string(unicode.ToLower(first))+name[size:]]; ok && unicode.IsUpper(first) {
			r, n := utf8.DecodeRuneInString(w)
			return string(unicode.ToUpper(r)) + w[n:]
		}
		return m
	})
}

// inContext is the tip with the words of a context in its explanation,
// practice, commitment and staff meeting. Its title is the source's and its
// questions are what the journal records, so neither changes.
func (t Tip) inContext(words map[string]string) Tip {
	t.Why = fill(t.Why, words)
	t.Try = fill(t.Try, words)
	t.Commitment = fill(t.Commitment, words)
	if t.Team != nil {
		team := TeamFormat{Experiment: fill(t.Team.Experiment, words)}
		for _, q := range t.Team.Questions {
			team.Questions = append(team.Questions, fill(q, words))
		}
		t.Team = &team
	}
	return t
}

// contexts remembers a pack in each context it was read in, shared by the
// pack and all its variants: a journal of years asks for the same pack
// thousands of times.
type contexts struct {
	mu   sync.Mutex
	raw  []Tip // the tips as the file has them, placeholders and all
	read map[string]*Pack
	// plain says no tip has a placeholder: every context shares the tips.
	plain bool
}

// InContext returns the pack with the example words of context (one of
// Contexts; "" is the general wording) in its tips. A pack read from a
// file is in the general wording; a pack without placeholders reads the
// same in every context (its tips are the same tips), but says which
// context it is read in, for the packs read beside it.
func (p *Pack) InContext(context string) *Pack {
	if context == "" {
		context = GeneralContext
	}
	if p.contexts == nil || context == p.Context {
		return p // a pack made in Go rather than read
	}
	c := p.contexts
	c.mu.Lock()
	defer c.mu.Unlock()
	if q, ok := c.read[context]; ok {
		return q
	}
	q := *p
	q.Context = context
	if !c.plain {
		q.Tips = make([]Tip, len(c.raw))
		words := ContextWords(p.Language, context)
		for i, t := range c.raw {
			q.Tips[i] = t.inContext(words)
		}
	}
	c.read[context] = &q
	return &q
}

// readInGeneral puts the general words in the tips of a pack just read,
// keeping the texts as written for other contexts. A pack with no
// placeholder keeps no copy: every context reads it the same.
func (p *Pack) readInGeneral() {
	p.Context = GeneralContext
	p.contexts = &contexts{read: map[string]*Pack{GeneralContext: p}}
	has := false
	for _, t := range p.Tips {
		texts := []string{t.Why, t.Try, t.Commitment}
		if t.Team != nil {
			texts = append(append(texts, t.Team.Experiment), t.Team.Questions...)
		}
		for _, s := range texts {
			if placeholder.MatchString(s) {
				has = true
			}
		}
	}
	if !has {
		p.contexts.plain = true
		return
	}
	p.contexts.raw = p.Tips
	words := ContextWords(p.Language, GeneralContext)
	tips := make([]Tip, len(p.Tips))
	for i, t := range p.Tips {
		tips[i] = t.inContext(words)
	}
	p.Tips = tips
}

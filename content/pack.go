package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Pack is a set of tips with their questions, in one language: the built-in
// one or a user's own (see docs/prompt-packs.md). Journal entries record the
// pack and its version, and a tip's number counts within its pack.
//
// A pack keeps apart whose advice the tips are (the source) and who wrote
// what a page adds to them: a reader must never take the questions for the
// source's own.
type Pack struct {
	ID      string `yaml:"pack"`
	Name    string `yaml:"name"`
	Version string `yaml:"version"`
	// Author wrote the explanations, practices and questions.
	Author string `yaml:"author"`
	// The source of the tips: whose advice they are, who asked for it (an
	// interview), where and when it was published.
	SourceAuthor      string `yaml:"source_author"`
	SourceInterviewer string `yaml:"source_interviewer"`
	SourceTitle       string `yaml:"source_title"`
	Source            string `yaml:"source"`
	SourcePublished   string `yaml:"source_published"`
	SourceUpdated     string `yaml:"source_updated"`
	URL               string `yaml:"url"`
	// TranslatedBy translated the tips into Language; empty when they
	// are in the source's own words.
	TranslatedBy string  `yaml:"translated_by"`
	Language     string  `yaml:"language"`
	Themes       []Theme `yaml:"themes"`
	Tips         []Tip   `yaml:"tips"`

	// Path is the file the pack was read from; empty for the built-in one.
	Path string `yaml:"-"`
	// Context is the context whose example words the tips read with (see
	// InContext); a pack as read is in the general wording.
	Context  string    `yaml:"-"`
	contexts *contexts `yaml:"-"`
}

// Tip is one tip of a pack.
type Tip struct {
	Number int    `yaml:"number" json:"number"`
	ID     string `yaml:"id" json:"id"`
	Title  string `yaml:"title" json:"title"`
	Short  string `yaml:"short" json:"short"`
	// Theme is the id of the pack's theme the tip belongs to; ThemeName
	// its name, filled in when the pack is read.
	Theme     string `yaml:"theme" json:"theme,omitempty"`
	ThemeName string `yaml:"-" json:"theme_name,omitempty"`
	Why       string `yaml:"why" json:"why"`
	Try       string `yaml:"try" json:"try"`
	// Commitment is the practice said as one small commitment: what a
	// check-in offers to write down before the next one.
	Commitment string   `yaml:"commitment" json:"commitment,omitempty"`
	Questions  []string `yaml:"questions" json:"questions"`
	// Team is the tip as a staff meeting uses it (tillit team N).
	Team *TeamFormat `yaml:"team" json:"team,omitempty"`
}

// Theme is a part of a pack that groups tips: in the built-in pack, the
// article's three ("i kultur og lederskap, i styring og oppfølging og i
// strukturer og tekniske system"). A programme can take one at a time.
type Theme struct {
	ID    string `yaml:"id" json:"id"`
	Name  string `yaml:"name" json:"name"`
	Short string `yaml:"short" json:"short"`
	// About says what the theme covers and why the tips that could sit in
	// two themes stand in this one.
	About string `yaml:"about" json:"about"`
	// MentorQuestions are questions a mentor can ask about the theme.
	MentorQuestions []string `yaml:"mentor_questions" json:"mentor_questions"`
}

// TeamFormat is what a 30-minute staff meeting on a tip needs besides the
// tip itself: two questions for the staff to talk over in pairs, and one
// experiment for the next two weeks.
type TeamFormat struct {
	Questions  []string `yaml:"questions" json:"questions"`
	Experiment string   `yaml:"experiment" json:"experiment"`
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

// IsBuiltin reports whether p is the pack that ships with tillit.
func (p *Pack) IsBuiltin() bool { return p.ID == BuiltinID && p.Path == "" }

// Theme returns the theme with this id.
func (p *Pack) Theme(id string) (Theme, bool) {
	for _, th := range p.Themes {
		if th.ID == id {
			return th, true
		}
	}
	return Theme{}, false
}

// TipsOf returns the tips of theme id, in order.
func (p *Pack) TipsOf(id string) []Tip {
	var out []Tip
	for _, t := range p.Tips {
		if t.Theme == id {
			out = append(out, t)
		}
	}
	return out
}

var (
	packID       = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	unknownField = regexp.MustCompile(`field (\S+) not found in type \S+`)
	version      = regexp.MustCompile(`^\d[0-9A-Za-z.+-]*$`)
)

// ParsePack reads a pack file. Every problem is reported as
// "path:line: what is wrong", so the user can go straight to it.
func ParsePack(path string, data []byte) (*Pack, error) {
	fail := func(line int, format string, args ...any) error {
		if line > 0 {
			return fmt.Errorf("%s:%d: %s", path, line, fmt.Sprintf(format, args...))
		}
		return fmt.Errorf("%s: %s", path, fmt.Sprintf(format, args...))
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if m := regexp.MustCompile(`^line (\d+): (.*)`).FindStringSubmatch(msg); m != nil {
			return nil, fmt.Errorf("%s:%s: %s", path, m[1], m[2])
		}
		return nil, fail(0, "%s", strings.Join(strings.Fields(msg), " "))
	}
	if doc.Kind == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fail(1, "a pack starts with keys such as pack:, language: and tips:")
	}
	root := doc.Content[0]
	var p Pack
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			msg := te.Errors[0]
			// "field whyy not found in type content.Tip" names Go, not the file.
			msg = unknownField.ReplaceAllString(msg, "unknown key $1")
			if m := regexp.MustCompile(`^line (\d+): (.*)`).FindStringSubmatch(msg); m != nil {
				return nil, fmt.Errorf("%s:%s: %s", path, m[1], m[2])
			}
			return nil, fail(0, "%s", msg)
		}
		return nil, fail(0, "%v", err)
	}
	line := func(key string) int {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == key {
				return root.Content[i].Line
			}
		}
		return 1
	}
	switch {
	case !packID.MatchString(p.ID):
		return nil, fail(line("pack"), "pack: give the pack an id of lowercase letters, digits and dashes, such as my-team")
	case p.Language == "":
		return nil, fail(line("language"), "language: say which language the pack is written in, such as nb, en or sv")
	case len(p.Tips) == 0:
		return nil, fail(line("tips"), "tips: the pack has no tips")
	}
	if p.Name == "" {
		p.Name = p.ID
	}
	if p.Version == "" {
		p.Version = "1"
	}
	if !version.MatchString(p.Version) {
		return nil, fail(line("version"), "version: write a number, such as 2 (raise it when you change questions)")
	}
	// Lines of each tip and theme, for the checks below.
	var tipLines, themeLines []int
	for i := 0; i+1 < len(root.Content); i += 2 {
		for _, t := range root.Content[i+1].Content {
			switch root.Content[i].Value {
			case "tips":
				tipLines = append(tipLines, t.Line)
			case "themes":
				themeLines = append(themeLines, t.Line)
			}
		}
	}
	themes := map[string]string{}
	for i := range p.Themes {
		th := &p.Themes[i]
		at := line("themes")
		if i < len(themeLines) {
			at = themeLines[i]
		}
		switch {
		case !packID.MatchString(th.ID) || themes[th.ID] != "":
			return nil, fail(at, "theme %d needs an id of its own, of lowercase letters, digits and dashes", i+1)
		case strings.TrimSpace(th.Name) == "":
			return nil, fail(at, "theme %s has no name", th.ID)
		}
		th.About = strings.TrimSpace(th.About)
		if th.Short == "" {
			th.Short = th.Name
		}
		themes[th.ID] = th.Name
	}
	ids := map[string]bool{}
	for i := range p.Tips {
		t := &p.Tips[i]
		at := 0
		if i < len(tipLines) {
			at = tipLines[i]
		}
		seen := map[string]bool{}
		switch {
		case t.Number != i+1:
			return nil, fail(at, "tip %d has number %d; number the tips 1, 2, 3 … in order", i+1, t.Number)
		case t.ID == "" || ids[t.ID]:
			return nil, fail(at, "tip %d needs an id of its own", t.Number)
		case strings.TrimSpace(t.Title) == "":
			return nil, fail(at, "tip %d has no title", t.Number)
		case len(t.Questions) < QuestionsPerCheckIn:
			return nil, fail(at, "tip %d has %d question(s); a check-in asks %d", t.Number, len(t.Questions), QuestionsPerCheckIn)
		}
		for _, q := range t.Questions {
			if seen[q] {
				return nil, fail(at, "tip %d asks %q twice", t.Number, q)
			}
			seen[q] = true
		}
		switch {
		case t.Theme != "" && themes[t.Theme] == "":
			return nil, fail(at, "tip %d: theme %q is not one of the pack's themes (%s)", t.Number, t.Theme, themeIDs(p.Themes))
		case t.Theme == "" && len(themes) > 0:
			return nil, fail(at, "tip %d needs a theme: one of %s", t.Number, themeIDs(p.Themes))
		case t.Team != nil && (len(t.Team.Questions) == 0 || strings.TrimSpace(t.Team.Experiment) == ""):
			return nil, fail(at, "tip %d: team needs questions and an experiment", t.Number)
		}
		ids[t.ID] = true
		t.ThemeName = themes[t.Theme]
		t.Why = strings.TrimSpace(t.Why)
		t.Try = strings.TrimSpace(t.Try)
		t.Commitment = strings.Join(strings.Fields(t.Commitment), " ")
		if t.Team != nil {
			t.Team.Experiment = strings.TrimSpace(t.Team.Experiment)
		}
		if t.Short == "" {
			t.Short = t.Title
		}
	}
	p.Path = path
	p.readInGeneral()
	return &p, nil
}

// themeIDs lists the themes' ids for an error message.
func themeIDs(themes []Theme) string {
	ids := make([]string, len(themes))
	for i, th := range themes {
		ids[i] = th.ID
	}
	return strings.Join(ids, ", ")
}

// PacksDir is where a user's own packs live: <config folder>/packs.
func PacksDir(configDir string) string { return filepath.Join(configDir, "packs") }

// PackError is a pack file that cannot be used. ID is the pack's id as far
// as it can be told (from its pack: line, else the file name), so that
// choosing a broken pack reports why.
type PackError struct {
	ID  string
	Err error
}

func (e *PackError) Error() string { return e.Err.Error() }
func (e *PackError) Unwrap() error { return e.Err }

var packLine = regexp.MustCompile(`(?m)^pack:\s*["']?([a-z0-9][a-z0-9-]*)`)

func packError(path string, data []byte, err error) *PackError {
	id := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(path), ".yaml"), ".yml")
	if m := packLine.FindSubmatch(data); m != nil {
		id = string(m[1])
	}
	return &PackError{ID: id, Err: err}
}

// LoadPacks reads every *.yaml file in dir. A missing folder means no packs;
// each file that cannot be used is a *PackError naming it.
func LoadPacks(dir string) ([]*Pack, []error) {
	files, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, []error{fmt.Errorf("read %s: %w", dir, err)}
	}
	var (
		packs []*Pack
		errs  []error
	)
	for _, f := range files {
		name := f.Name()
		if f.IsDir() || strings.HasPrefix(name, ".") || !(strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) {
			continue
		}
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, fmt.Errorf("read %s: %w", path, err))
			continue
		}
		p, err := ParsePack(path, data)
		if err != nil {
			errs = append(errs, packError(path, data, err))
			continue
		}
		if p.ID == BuiltinID {
			errs = append(errs, packError(path, data, fmt.Errorf("%s: the pack id %q belongs to the built-in pack; choose another", path, BuiltinID)))
			continue
		}
		packs = append(packs, p)
	}
	sort.Slice(packs, func(i, j int) bool { return packs[i].ID+packs[i].Language < packs[j].ID+packs[j].Language })
	return packs, errs
}

// Choose returns pack id in lang from the built-in pack and the user's
// packs. A pack written in other languages only is used as it is, preferring
// English, then the first found.
func Choose(id, lang string, user []*Pack) (*Pack, error) {
	if id == "" || id == BuiltinID {
		return Builtin(lang)
	}
	var found []*Pack
	for _, p := range user {
		if p.ID == id {
			if p.Language == lang {
				return p, nil
			}
			found = append(found, p)
		}
	}
	if len(found) == 0 {
		return nil, fmt.Errorf("there is no pack %q; tillit packs lists them", id)
	}
	for _, p := range found {
		if p.Language == "en" {
			return p, nil
		}
	}
	return found[0], nil
}

package report

import (
	"fmt"
	"strings"

	"tillit/content"
)

// ForMentor is what an export gives the mentor besides the journal: a
// short guide to reading it, and questions the mentor can ask, by theme.
// It is tillit's text: nothing in it comes from the journal.
type ForMentor struct {
	Guide  string // markdown
	Themes []MentorTheme
}

// MentorTheme is a theme of the pack with its tips, how many check-ins of
// the export were on them, and questions for the mentor.
type MentorTheme struct {
	ID        string
	Name      string
	Tips      []int
	CheckIns  int
	Questions []string
}

// forMentor gathers the question bank of the pack most of the period's
// check-ins used (the built-in one when that pack has none), counting the
// check-ins the export holds.
func forMentor(x *Export, o ExportOptions, packs map[string]int) *ForMentor {
	p := bankPack(o, packs)
	if p == nil {
		return nil
	}
	counts := map[int]int{}
	for _, t := range x.Summary.Tips {
		counts[t.Tip] = t.Count
	}
	f := &ForMentor{Guide: content.MentorGuide(o.Lang.Lang())}
	for _, th := range p.Themes {
		mt := MentorTheme{ID: th.ID, Name: th.Name, Questions: th.MentorQuestions}
		for _, t := range p.TipsOf(th.ID) {
			mt.Tips = append(mt.Tips, t.Number)
			mt.CheckIns += counts[t.Number]
		}
		f.Themes = append(f.Themes, mt)
	}
	return f
}

// bankPack is the pack whose themes the mentor's questions come from.
func bankPack(o ExportOptions, packs map[string]int) *content.Pack {
	best, n := content.BuiltinID, -1
	for id, c := range packs {
		if c > n || c == n && id < best {
			best, n = id, c
		}
	}
	if o.PackOf != nil {
		if p := o.PackOf(best); p != nil && len(p.Themes) > 0 {
			return p
		}
	}
	p, err := content.Builtin(o.Lang.Lang())
	if err != nil {
		return nil
	}
	return p
}

// markdown writes the guide and the questions by theme, under headings of
// the given level.
func (f *ForMentor) markdown(level int, o Options) string {
	var b strings.Builder
	h := strings.Repeat("#", level)
	fmt.Fprintf(&b, "%s %s\n\n%s\n\n", h, o.t("export.for_mentor"), f.Guide)
	for _, th := range f.Themes {
		tips := make([]string, len(th.Tips))
		for i, n := range th.Tips {
			tips[i] = fmt.Sprint(n)
		}
		fmt.Fprintf(&b, "%s# %s\n\n", h, o.t("export.mentor_theme", "Theme", th.Name, "Tips", strings.Join(tips, ", ")))
		fmt.Fprintf(&b, "*%s*\n\n", o.Lang.N("export.theme_checkins", th.CheckIns))
		for _, q := range th.Questions {
			fmt.Fprintf(&b, "- %s\n", q)
		}
		b.WriteString("\n")
	}
	return b.String()
}

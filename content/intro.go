package content

import (
	"fmt"
	"strings"
)

// themesMark is where an introduction lists the built-in pack's themes and
// their tips: written from the pack, so the two never disagree.
const themesMark = "{{themes}}"

// Introduction returns the introduction to trust-based governance and
// leadership in lang as markdown, falling back to English: what it is,
// Sweden's Tillitsdelegationen and Norway's tillitsreform, with dated
// sources, and the article's three themes with their tips.
func Introduction(lang string) string {
	if !HasLanguage(lang) {
		lang = "en"
	}
	data, err := files.ReadFile("intro/" + lang + ".md")
	if err != nil {
		return ""
	}
	return strings.Replace(string(data), themesMark, ThemesMarkdown(MustBuiltin(lang)), 1)
}

// ThemesMarkdown writes a pack's themes, each with what it covers and its
// tips, one level below the page's sections.
func ThemesMarkdown(p *Pack) string {
	var b strings.Builder
	for _, th := range p.Themes {
		fmt.Fprintf(&b, "### %s\n\n", th.Name)
		for _, t := range p.TipsOf(th.ID) {
			fmt.Fprintf(&b, "- **%d.** %s\n", t.Number, t.Title)
		}
		if th.About != "" {
			fmt.Fprintf(&b, "\n%s\n", th.About)
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// MentorGuide returns the short guide for a mentor reading an export, in
// lang as markdown, falling back to English.
func MentorGuide(lang string) string {
	if !HasLanguage(lang) {
		lang = "en"
	}
	data, err := files.ReadFile("mentor/" + lang + ".md")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(data))
}

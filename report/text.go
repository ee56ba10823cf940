package report

import "strings"

// Text writes what the user typed (an answer, a note, a section) as
// markdown that shows it as typed in every renderer: each line a line. In
// markdown a single line break is a space, so three lines typed would be
// one line in a browser, on paper and in most markdown viewers; here every
// line that goes on in the next ends in a hard break (two spaces, which a
// reader of the raw file does not see). Lists, quotes, headings and code
// stay what they are. Every view of an answer (the check-in's preview,
// the journal, the review, the exports) writes it through Text.
func Text(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	fence := ""
	code := false // in a code block indented by four spaces
	for i, l := range lines {
		l = strings.TrimRight(l, " \t\r")
		lines[i] = l
		t := strings.TrimLeft(l, " ")
		blank := t == ""
		switch {
		case fence != "":
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fence = t[:3]
			continue
		case code && (blank || indented(l)):
			continue
		case indented(l) && (i == 0 || lines[i-1] == ""):
			code = true
			continue
		}
		code = false
		last := i+1 == len(lines)
		if blank || last || strings.TrimSpace(lines[i+1]) == "" || strings.HasSuffix(l, `\`) || strings.HasPrefix(t, "|") {
			continue // a paragraph's end, a break already, a table row
		}
		lines[i] = l + "  "
	}
	return strings.Join(lines, "\n")
}

// indented reports whether a line begins with four spaces or a tab: code,
// after a blank line.
func indented(l string) bool { return strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "\t") }

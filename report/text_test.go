package report

import (
	"strings"
	"testing"
)

// Lines typed stay lines: each that goes on in the next ends in a hard
// break; what markdown reads as a block of its own (code, a table) is
// left as it is, and a break already there is not doubled.
func TestTextKeepsLines(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"en\nto\ntre", "en  \nto  \ntre"},
		{"  en  \nto\n\nny del\n", "en  \nto\n\nny del"},
		{"– Kari\n– Per", "– Kari  \n– Per"},
		{"- Kari\n- Per\netter", "- Kari  \n- Per  \netter"},
		{"> sitat\n> videre", "> sitat  \n> videre"},
		{"brutt\\\nalt", "brutt\\\nalt"},
		{"```\nkode\nmer\n```\netter", "```\nkode\nmer\n```\netter"},
		{"før\n\n    kode\n    mer\n\netter\nto", "før\n\n    kode\n    mer\n\netter  \nto"},
		{"| a | b |\n|---|---|\n| 1 | 2 |", "| a | b |\n|---|---|\n| 1 | 2 |"},
		{"én", "én"},
	} {
		if got := Text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The export's summary says which tips, by their titles, and how often, in
// words: the mentor does not know the tips by number.
func TestExportSummaryNamesTheTips(t *testing.T) {
	j := readJournal(t, privacyJournal)
	o := exportOptions(false)
	md := NewExport(j, o).Markdown(o.Options)
	for _, want := range []string{"- **Tipsene du reflekterte over:**\n  - 1 · Rydd opp i mål og regelverk: én gang\n  - 3 · "} {
		if !strings.Contains(md, want) {
			t.Errorf("the summary lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "×") {
		t.Errorf("the summary counts in signs:\n%s", md)
	}
}

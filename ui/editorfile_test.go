package ui

import (
	"os"
	"strings"
	"testing"

	"tillit/journal"
)

// The file ctrl+e hands to the editor ends in a newline, as a text file
// does; what comes back from it is the answer as it was, without a line
// added.
func TestTheEditorGetsAFinalNewline(t *testing.T) {
	ctx := testContext(t, "nb")
	m := newCheckin(ctx, setupFor(t, ctx, journal.Date{Year: 2026, Month: 11, Day: 23}))
	m.Init()
	m.Update(press("enter"))
	typeText(m, "første linje\nandre linje")
	var path string
	for _, msg := range runAll(m.Update(press("ctrl+e"))) {
		if r, ok := msg.(editorReadyMsg); ok {
			if r.err != nil {
				t.Fatal(r.err)
			}
			path = r.path
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != "første linje\nandre linje\n" {
		t.Errorf("the editor gets %q", data)
	}
	// The editor leaves the file as it was.
	m.Update(editorClosedMsg{field: m.indexOf(m.answers[0]), path: path})
	for _, msg := range runAll(readEdited(ctx, m.indexOf(m.answers[0]), path)) {
		m.Update(msg)
	}
	if got := m.answers[0].Value(); got != "første linje\nandre linje" || strings.HasSuffix(got, "\n") {
		t.Errorf("back from the editor: %q", got)
	}
}

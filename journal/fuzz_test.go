package journal

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// FuzzParseEntry feeds arbitrary files to the parser. Whatever the input:
// no panic, and a file that cannot be parsed is a *ParseError. A file that
// parses keeps its body as read; rendered back, it parses again to the same
// front matter and sections; a check-in applied to it is read back as
// written, and a private answer never shows in the public text; a note
// appended to it keeps every byte before it and reads back as typed.
func FuzzParseEntry(f *testing.F) {
	for _, seed := range []string{
		handWritten,
		"---\ndate: 2026-11-20\n---\n",
		"no front matter\n## Q\n\ntext",
		"---\ntip: 1\n---\n```\nopen fence\n<!-- private -->\nx",
		"---\ntip: 1\n---\n<!-- private -->\n## 09:00\n\nnote\n",
		"---\r\ntip: 1\r\n---\r\n## Q\r\n\r\nA\r\n",
		"---\r\ndate: 2026-11-20\r\ntip: 1\r\n---\r\n\r\n## Q\r\n\r\nA line\r\n",
		"\ufeff---\nrating: \"four\"\n---\nbody",
		"\ufeff---\r\ntip: 2\r\n---\r\n## Q\r\nA\r\n",
		"---\ntip: 2\r\n---\n## Q\r\nA\n",
		"---\na: 1\na: 2\n---\n",
		"---\nno closing fence\n",
		"---\ntip: [1]\nrating: \"four\"\ndate: 2026-02-30\nenergy: 9\nprivate: maybe\ntags: {a: 1}\n---\nx\n",
		"---\na: &x [1, 2]\nb: *x\ntip: *x\nrating: &r 3\nenergy: *r\n---\n",
		"---\ncommitment: \xff\xfe\n---\n",
		"---\ntip: 1\n---\n## Q\n\n\xc3\x28 not UTF-8\n",
		"---\ntags: a, b c\nfollowup: partly\nfollowup_of: 2026-11-19\noutcome: done\noutcome_date: 2026-11-21\npack: mine\npack_version: 2\n---\n",
		"---\n---",
		"---\ntip: 1\n...\n---\n---\nnot front matter\n---\n",
	} {
		f.Add(seed, "answer text")
	}
	const (
		secret = "zq-secret-7319"
		path   = "2026/11/2026-11-20.md"
	)
	at := time.Date(2026, 11, 20, 9, 5, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, file, answer string) {
		e, err := ParseEntry(path, []byte(file))
		if err != nil {
			if !IsParseError(err) {
				t.Fatalf("not a ParseError: %v", err)
			}
			return
		}
		body := string(e.body)
		if e.crlf {
			body = strings.ReplaceAll(body, "\r\n", "\n")
		}
		if !e.Body.unclosed && e.Body.render() != body {
			t.Fatalf("untouched body changed:\n%q\n%q", body, e.Body.render())
		}

		// Rendered back as it is, the file reads the same.
		out, err := e.Render()
		if err != nil {
			t.Fatal(err)
		}
		again, err := ParseEntry(path, out)
		if err != nil {
			t.Fatalf("rendered back, the file no longer parses: %v\n%q", err, out)
		}
		if !sameMeta(again.Meta, e.Meta) {
			t.Fatalf("the front matter read back differs:\n%+v\n%+v\n%q", e.Meta, again.Meta, out)
		}
		if !sameBlocks(again.Body.Blocks, e.Body.Blocks) {
			t.Fatalf("the sections read back differ:\n%q\n%q", file, out)
		}

		// A note appended keeps every byte, and reads back as typed.
		if text := trimBlankLines(safeText(answer)); text != "" {
			for _, private := range []bool{false, true} {
				out := appendNote(e, at, text, private)
				if !strings.HasPrefix(string(out), file) {
					t.Fatalf("the note changed the bytes before it:\n%q\n%q", file, out)
				}
				back, err := ParseEntry(path, out)
				if err != nil {
					t.Fatalf("with a note, the file no longer parses: %v\n%q", err, out)
				}
				notes := back.Body.Notes()
				if len(notes) == 0 {
					t.Fatalf("the note is gone:\n%q", out)
				}
				last := notes[len(notes)-1]
				if last.Heading != "09:05" || last.Text != text || last.Private != private {
					t.Fatalf("the note reads back as %+v, want %q private=%v:\n%q", last, text, private, out)
				}
			}
		}

		if strings.Contains(file, secret) || strings.Contains(answer, secret) {
			return
		}
		c := CheckIn{Date: e.Date, Tip: 1, Rating: 4, Commitment: answer, Answers: []Answer{
			{Question: "Public?", Text: answer},
			{Question: "Private?", Text: answer + "\n" + secret, Private: true},
		}}
		c.ApplyTo(e)
		out, err = e.Render()
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseEntry(path, out)
		if err != nil {
			t.Fatalf("tillit wrote a file it cannot read: %v\n%s", err, out)
		}
		if strings.Contains(back.Body.PublicText(), secret) {
			t.Fatalf("private answer in the public text:\n%s", out)
		}
		if back.Tip != 1 || back.Rating != 4 || back.Commitment != oneLine(answer) || back.Date != e.Date {
			t.Fatalf("the check-in reads back as %+v:\n%q", back.Meta, out)
		}
		if want := trimBlankLines(safeText(answer)); want != "" {
			if got, ok := back.Body.Answer("Public?"); !ok || got.Text != want || got.Private {
				t.Fatalf("the answer reads back as %+v, want %q:\n%q", got, want, out)
			}
		}
		if got, ok := back.Body.Answer("Private?"); !ok || !got.Private || !strings.Contains(got.Text, secret) {
			t.Fatalf("the private answer reads back as %+v:\n%q", got, out)
		}
	})
}

func sameMeta(a, b Meta) bool {
	if !slices.Equal(a.Tags, b.Tags) {
		return false
	}
	a.Tags, b.Tags = nil, nil
	return reflect.DeepEqual(a, b)
}

func sameBlocks(a, b []Block) bool {
	return slices.EqualFunc(a, b, func(x, y Block) bool {
		return x.Heading == y.Heading && x.Text == y.Text && x.Private == y.Private
	})
}

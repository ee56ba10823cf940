package journal

import (
	"strings"
	"testing"
)

// FuzzParseEntry feeds arbitrary files to the parser. Whatever the input:
// no panic; an untouched entry renders back byte for byte; and a private
// answer added to it never shows in the public text.
func FuzzParseEntry(f *testing.F) {
	for _, seed := range []string{
		handWritten,
		"---\ndate: 2026-11-20\n---\n",
		"no front matter\n## Q\n\ntext",
		"---\ntip: 1\n---\n```\nopen fence\n<!-- private -->\nx",
		"---\ntip: 1\n---\n<!-- private -->\n## 09:00\n\nnote\n",
		"---\r\ntip: 1\r\n---\r\n## Q\r\n\r\nA\r\n",
		"\ufeff---\nrating: \"four\"\n---\nbody",
		"---\na: 1\na: 2\n---\n",
		"---\nno closing fence\n",
	} {
		f.Add(seed, "answer text")
	}
	const secret = "zq-secret-7319"
	f.Fuzz(func(t *testing.T, file, answer string) {
		e, err := ParseEntry("2026/11/2026-11-20.md", []byte(file))
		if err != nil {
			if !IsParseError(err) {
				t.Fatalf("not a ParseError: %v", err)
			}
			return
		}
		if !e.Body.unclosed && e.Body.render() != string(e.body) {
			t.Fatalf("untouched body changed:\n%q\n%q", e.body, e.Body.render())
		}
		if strings.Contains(file, secret) || strings.Contains(answer, secret) {
			return
		}
		CheckIn{Date: e.Date, Tip: 1, Answers: []Answer{
			{Question: "Public?", Text: answer},
			{Question: "Private?", Text: answer + "\n" + secret, Private: true},
		}}.ApplyTo(e)
		out, err := e.Render()
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseEntry("2026/11/2026-11-20.md", out)
		if err != nil {
			t.Fatalf("tillit wrote a file it cannot read: %v\n%s", err, out)
		}
		if strings.Contains(back.Body.PublicText(), secret) {
			t.Fatalf("private answer in the public text:\n%s", out)
		}
	})
}

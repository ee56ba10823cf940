package report

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"tillit/content"
	"tillit/journal"
	"tillit/locale"
)

// A journal where every private thing holds a unique word (SECRET…) and
// every public thing another (PUBLIC…).
var privacyJournal = map[string]string{
	"2026/11/2026-11-16.md":           "---\ntip: 1\nrating: 3\ncommitment: PUBLICcommit @Kari\n---\nPUBLICfree paragraph about @Kari.\n\n## Question one?\n\nPUBLICanswer with Per Olsen.\n\n<!-- private -->\n## Question two?\n\nSECRETanswer\n<!-- /private -->\n\nPUBLICafter the private part\n",
	"2026/11/2026-11-17.md":           "---\ntip: 2\nprivate: true\ncommitment: SECRETcommitment\n---\nSECRETentry text\n",
	"2026/11/2026-11-18.md":           "---\ndate: 2026-11-18\n---\n## 09:00\n\nPUBLICnote one\n\n<!-- private -->\n## 10:00\n\nSECRETnote\n<!-- /private -->\n\n## 11:00\n\nPUBLICnote after\n",
	"2026/11/2026-11-19.md":           "---\ntip: 3\nrating: 5\nfollowup: done\nfollowup_of: 2026-11-16\nfollowup_note: PUBLICfollowup\n---\n## Q?\n\nPUBLICthree\n",
	"2026/2026-W47.md":                "---\nweek: 2026-W47\nfocus_tip: 3\nmentor_questions:\n  - PUBLICquestion for the mentor?\n---\n## Hva gikk bra?\n\nPUBLICreflection\n\n<!-- private -->\n## Hva lærte jeg?\n\nSECRETlearned\n<!-- /private -->\n",
	"2026/11/2026-11-20-mentoring.md": "---\nmentor: Anne\nanswered:\n  - PUBLICquestion for the mentor?\n---\n## Hva snakket vi om?\n\nPUBLICmentoring\n\n<!-- private -->\n## Notater til meg selv\n\nSECRETmentoring\n<!-- /private -->\n",
	"2026/11/2026-11-21-mentoring.md": "---\nprivate: true\n---\nSECRETwhole mentoring\n",
}

func readJournal(t *testing.T, files map[string]string) *journal.Journal {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		path := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(path), 0o700)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	j := journal.NewStore(root).Read()
	if len(j.Problems) > 0 {
		t.Fatal(j.Problems)
	}
	return j
}

func exportOptions(private bool) ExportOptions {
	cat := locale.New("nb")
	return ExportOptions{
		Options:   Options{Lang: cat, Private: private, PackOf: Packs("nb", content.MustBuiltin("nb"), nil)},
		From:      journal.Date{Year: 2026, Month: 11, Day: 16},
		To:        journal.Date{Year: 2026, Month: 11, Day: 22},
		Generated: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC),
		People:    []string{"Per Olsen"},
	}
}

// formats writes the export in every format.
func formats(t *testing.T, x *Export, o Options) map[string]string {
	t.Helper()
	h, err := x.HTML(o)
	if err != nil {
		t.Fatal(err)
	}
	js, err := x.JSON()
	if err != nil {
		t.Fatal(err)
	}
	return map[string]string{"md": x.Markdown(o), "html": string(h), "json": string(js)}
}

var (
	secretWord = regexp.MustCompile(`SECRET\w+`)
	publicWord = regexp.MustCompile(`PUBLIC\w+`)
)

func TestExportLeavesPrivateOut(t *testing.T) {
	files := privacyJournal
	j := readJournal(t, files)
	var secrets, publics []string
	for _, text := range files {
		secrets = append(secrets, secretWord.FindAllString(text, -1)...)
		publics = append(publics, publicWord.FindAllString(text, -1)...)
	}
	o := exportOptions(false)
	x := NewExport(j, o)
	for format, out := range formats(t, x, o.Options) {
		for _, s := range secrets {
			if strings.Contains(out, s) {
				t.Errorf("%s export holds the private %s", format, s)
			}
		}
		for _, p := range publics {
			if !strings.Contains(out, p) {
				t.Errorf("%s export lacks the public %s", format, p)
			}
		}
	}
	// The private entry, the private answer, note, learned section,
	// mentoring section and the private mentoring note: 6 left out.
	if x.PrivateLeftOut != 6 {
		t.Errorf("private parts left out: %d, want 6", x.PrivateLeftOut)
	}

	o = exportOptions(true)
	x = NewExport(j, o)
	for format, out := range formats(t, x, o.Options) {
		for _, s := range append(secrets, publics...) {
			if !strings.Contains(out, s) {
				t.Errorf("%s export with private parts lacks %s", format, s)
			}
		}
	}
}

func TestExportMarkdownStructure(t *testing.T) {
	j := readJournal(t, privacyJournal)
	o := exportOptions(false)
	md := NewExport(j, o).Markdown(o.Options)
	if !strings.HasPrefix(md, "---\ntitle: \"Refleksjonslogg · 16.–22. november 2026\"\ndate: \"2026-11-27\"\nperiod: \"2026-11-16 – 2026-11-22\"\nlang: \"nb\"\n---\n\n## Sammendrag\n") {
		t.Errorf("front matter and start:\n%s", md[:min(300, len(md))])
	}
	// One title (the front matter's): no # heading; the outline goes down
	// one level at a time.
	level := 1
	fence := false
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "```") {
			fence = !fence
		}
		n := len(line) - len(strings.TrimLeft(line, "#"))
		if fence || n == 0 || n == len(line) || line[n] != ' ' {
			continue
		}
		if n == 1 || n > level+1 {
			t.Errorf("heading %q after level %d", line, level)
		}
		level = n
	}
	for _, want := range []string{"## Spørsmål til mentoren min", "- PUBLICquestion for the mentor? (uke 47) — ✓ besvart fredag 20. november",
		"## Uke 47 · 16.–22. november 2026", "### Ukerefleksjon", "### Mandag 16. november 2026 · tips 1", "#### Question one?",
		"### Mentorsamtale fredag 20. november 2026", "- 6 private deler er utelatt.", "**Oppfølging:** «PUBLICcommit @Kari» — ✓ gjort: PUBLICfollowup"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
}

func TestPushHeadings(t *testing.T) {
	got := pushHeadings("# Big\ntext\n## Sub\n```\n# code\n```\n#nohash", 5)
	want := "##### Big\ntext\n##### Sub\n```\n# code\n```\n#nohash"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestPseudonyms(t *testing.T) {
	j := readJournal(t, privacyJournal)
	o := exportOptions(true)
	o.Pseudonymize = true
	x := NewExport(j, o)
	for format, out := range formats(t, x, o.Options) {
		// (The mentor's own name stays: the export is for them.)
		for _, name := range []string{"Kari", "Per Olsen"} {
			if strings.Contains(out, name) {
				t.Errorf("%s export still names %s", format, name)
			}
		}
		if !strings.Contains(out, "Person A") || !strings.Contains(out, "Person B") {
			t.Errorf("%s export lacks the stand-ins", format)
		}
	}
	// The same person the same stand-in, wherever they appear.
	md := x.Markdown(o.Options)
	if strings.Count(md, "Person A") < 2 {
		t.Errorf("@Kari should be Person A twice:\n%s", md)
	}
	if letters(0) != "A" || letters(25) != "Z" || letters(26) != "AA" {
		t.Error("letters")
	}
}

// The JSON export and docs/export-json.md name the same keys.
func TestExportJSONMatchesTheSchemaDocument(t *testing.T) {
	doc, err := os.ReadFile("../docs/export-json.md")
	if err != nil {
		t.Fatal(err)
	}
	j := readJournal(t, privacyJournal)
	o := exportOptions(true)
	data, err := NewExport(j, o).JSON()
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, c := range v {
				keys[k] = true
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	walk(v)
	documented := map[string]bool{}
	// Every word inside `code` in the document counts: `{tip, title, count}`.
	for _, span := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(string(doc), -1) {
		for _, w := range regexp.MustCompile(`[a-z_]+`).FindAllString(span[1], -1) {
			documented[w] = true
		}
	}
	var missing []string
	for k := range keys {
		if !documented[k] {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("keys not in docs/export-json.md: %v", missing)
	}
	// The document's example is valid JSON with every key documented too.
	if m := regexp.MustCompile("(?s)```json\n(.*?)```").FindSubmatch(doc); m == nil {
		t.Error("the document has no example")
	} else if err := json.Unmarshal(m[1], &v); err != nil {
		t.Errorf("the example is not JSON: %v", err)
	}
	if !strings.Contains(string(data), `"schema": "tillit-export/1"`) || !strings.Contains(string(data), `"date": "2026-11-16"`) {
		t.Errorf("schema or dates:\n%s", data[:300])
	}
}

func TestEncryptDecrypts(t *testing.T) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	plain := []byte("# Refleksjonslogg\n\næøå\n")
	enc, err := Encrypt(plain, []string{id.Recipient().String()}, "")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(enc, []byte("æøå")) {
		t.Fatal("not encrypted")
	}
	r, err := age.Decrypt(bytes.NewReader(enc), id)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(r)
	if !bytes.Equal(got, plain) {
		t.Errorf("decrypted %q", got)
	}
	// A passphrase works too.
	enc, err = Encrypt(plain, nil, "korrekt hest")
	if err != nil {
		t.Fatal(err)
	}
	sid, _ := age.NewScryptIdentity("korrekt hest")
	r, err = age.Decrypt(bytes.NewReader(enc), sid)
	if err != nil {
		t.Fatal(err)
	}
	got, _ = io.ReadAll(r)
	if !bytes.Equal(got, plain) {
		t.Errorf("decrypted with the passphrase %q", got)
	}
	if _, err := Encrypt(plain, []string{"not-a-key"}, ""); err == nil {
		t.Error("a bad recipient was accepted")
	}
}

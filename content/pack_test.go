package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goodPack = `pack: my-team
name: Vårt lederprogram
version: 2
language: nb
tips:
  - number: 1
    id: mal
    title: Sett tydelige mål.
    why: Fordi.
    questions:
      - "Hvilket mål var tydeligst?"
      - "Hvem var med?"
`

func TestParsePack(t *testing.T) {
	p, err := ParsePack("my-team.yaml", []byte(goodPack))
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != "my-team" || p.Version != "2" || p.Count() != 1 || p.Tips[0].Short != "Sett tydelige mål." || p.IsBuiltin() {
		t.Errorf("pack: %+v", p)
	}
}

func TestBrokenPacksNameFileAndLine(t *testing.T) {
	cases := map[string]struct{ text, want string }{
		"invalid yaml": {"pack: x\nlanguage: nb\ntips: [\n", "p.yaml:3: "},
		"unknown key":  {strings.Replace(goodPack, "    why:", "    whyy:", 1), "p.yaml:9: unknown key whyy"},
		"too few":      {strings.Replace(goodPack, "      - \"Hvem var med?\"\n", "", 1), "p.yaml:6: tip 1 has 1 question(s)"},
		"duplicate":    {strings.Replace(goodPack, "Hvem var med?", "Hvilket mål var tydeligst?", 1), "p.yaml:6: tip 1 asks"},
		"numbering":    {strings.Replace(goodPack, "number: 1", "number: 2", 1), "p.yaml:6: tip 1 has number 2"},
		"no id":        {strings.Replace(goodPack, "pack: my-team", "pack: My Team", 1), "p.yaml:1: pack:"},
		"no language":  {strings.Replace(goodPack, "language: nb\n", "", 1), "p.yaml:1: language:"},
		"not a pack":   {"- a\n- b\n", "p.yaml:1: "},
		"wrong type":   {strings.Replace(goodPack, "number: 1", "number: one", 1), "p.yaml:6: "},
		"bad version":  {strings.Replace(goodPack, "version: 2", "version: to", 1), "p.yaml:3: version"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ParsePack("p.yaml", []byte(c.text))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want it to contain %q", err, c.want)
			}
			if err != nil && strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
		})
	}
}

func TestLoadAndChoosePacks(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("my-team.yaml", goodPack)
	write("my-team-en.yaml", strings.Replace(goodPack, "language: nb", "language: en", 1))
	write("broken.yaml", "pack: broken\nlanguage: nb\ntips: [\n")
	write("trust.yaml", strings.Replace(goodPack, "pack: my-team", "pack: trust", 1))
	write("notes.txt", "not a pack")

	packs, errs := LoadPacks(dir)
	if len(packs) != 2 || len(errs) != 2 {
		t.Fatalf("%d packs, errors %v", len(packs), errs)
	}
	ids := map[string]bool{}
	for _, e := range errs {
		ids[e.(*PackError).ID] = true
	}
	if !ids["broken"] || !ids["trust"] {
		t.Errorf("broken packs: %v", errs)
	}
	if p, err := Choose("my-team", "en", packs); err != nil || p.Language != "en" {
		t.Errorf("choose en: %v %v", p, err)
	}
	if p, err := Choose("my-team", "sv", packs); err != nil || p.Language != "en" {
		t.Errorf("a missing language should fall back to English: %v %v", p, err)
	}
	if p, err := Choose("", "sv", packs); err != nil || !p.IsBuiltin() || p.Language != "sv" {
		t.Errorf("default: %v %v", p, err)
	}
	if _, err := Choose("nope", "nb", packs); err == nil {
		t.Error("an unknown pack was chosen")
	}
	if packs, errs := LoadPacks(filepath.Join(dir, "missing")); packs != nil || errs != nil {
		t.Error("a missing folder should mean no packs")
	}
}

func TestThemesAndTeamAreChecked(t *testing.T) {
	themed := strings.Replace(goodPack, "tips:\n", "themes:\n  - id: kultur\n    name: Kultur\ntips:\n", 1)
	p, err := ParsePack("p.yaml", []byte(strings.Replace(themed, "    why:", "    theme: kultur\n    why:", 1)))
	if err != nil || p.Tips[0].ThemeName != "Kultur" || p.Themes[0].Short != "Kultur" || len(p.TipsOf("kultur")) != 1 {
		t.Fatalf("themed pack: %v %+v", err, p)
	}
	cases := map[string]struct{ text, want string }{
		"no theme":      {themed, "p.yaml:9: tip 1 needs a theme: one of kultur"},
		"unknown theme": {strings.Replace(themed, "    why:", "    theme: styring\n    why:", 1), `p.yaml:9: tip 1: theme "styring" is not one of the pack's themes (kultur)`},
		"theme twice":   {strings.Replace(themed, "tips:\n", "  - id: kultur\n    name: Igjen\ntips:\n", 1), "p.yaml:8: theme 2 needs an id of its own"},
		"nameless":      {strings.Replace(themed, "    name: Kultur\n", "", 1), "p.yaml:6: theme kultur has no name"},
		"theme unknown": {strings.Replace(goodPack, "    why:", "    theme: kultur\n    why:", 1), `p.yaml:6: tip 1: theme "kultur" is not one of the pack's themes ()`},
		"team empty":    {strings.Replace(goodPack, "    why:", "    team:\n      experiment: Prøv.\n    why:", 1), "p.yaml:6: tip 1: team needs questions and an experiment"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ParsePack("p.yaml", []byte(c.text))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want it to contain %q", err, c.want)
			}
		})
	}
}

// The example in docs/prompt-packs.md is a pack tillit reads.
func TestTheDocumentedExampleIsAPack(t *testing.T) {
	doc, err := os.ReadFile("../docs/prompt-packs.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```yaml\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("no yaml example in the document")
	}
	p, err := ParsePack("example.yaml", []byte(example))
	if err != nil {
		t.Fatal(err)
	}
	if tip := p.Tips[0]; tip.ThemeName != "Samarbeid" || tip.Team == nil || tip.Commitment == "" || p.SourceAuthor == "" {
		t.Errorf("the example lost a key: %+v", p)
	}
}

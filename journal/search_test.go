package journal

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// A small journal checked by hand: answers, notes, a free paragraph, a
// commitment, tags in the front matter and in the text, letters outside
// ASCII (also decomposed, as a Mac may write them), code with a #, a
// reflection and a mentoring note.
var searchJournal = map[string]string{
	"2026/11/2026-11-23.md": "---\ntip: 5\nrating: 2\ncommitment: Ring Per om turnusen\ntags: [Økonomi]\n---\n" +
		"## Hva gjorde du?\n\nJeg ga Åse ansvaret for vaktlista. #tillit\n\n## 14:05\n\nKort prat med Kari om budsjettet.\n",
	"2026/11/2026-11-24.md":           "---\ntip: 6\n---\nEt fritt avsnitt om ÄNDRING og café-møter.\n\n```sh\necho #notatag\n```\n\n<!-- private -->\n## Privat\n\nKari var lei seg.\n<!-- /private -->\n",
	"2026/11/2026-11-25.md":           "---\ntip: 7\n---\n## Spørsmål\n\nSa\u0308rskilt viktig: tilliten i teamet. Se https://example.org/side#anker og C# og #3.\n",
	"2026/2026-W48.md":                "---\nweek: 2026-W48\n---\n## Hva lærte jeg?\n\nAt Kari trenger tid. #Tillit\n",
	"2026/11/2026-11-26-mentoring.md": "---\ndate: 2026-11-26\n---\n## Hva snakket vi om?\n\nBudsjettet og turnusen.\n",
}

func TestSearch(t *testing.T) {
	j := writeJournal(t, searchJournal).Read()
	if len(j.Problems) > 0 {
		t.Fatal(j.Problems)
	}
	items := j.Items(afterAll)
	var order []string
	for _, it := range items {
		order = append(order, it.Date.String())
	}
	// Newest first; the reflection (dated its Sunday) first of all.
	if want := []string{"2026-11-29", "2026-11-26", "2026-11-25", "2026-11-24", "2026-11-23"}; !slices.Equal(order, want) {
		t.Fatalf("order %v, want %v", order, want)
	}
	dates := func(q Query) []string {
		var out []string
		for _, it := range Search(items, q) {
			out = append(out, it.Date.String())
		}
		return out
	}
	cases := []struct {
		name string
		q    Query
		want []string
	}{
		{"an answer", Query{Words: []string{"vaktlista"}}, []string{"2026-11-23"}},
		{"a note", Query{Words: []string{"budsjettet"}}, []string{"2026-11-26", "2026-11-23"}},
		{"all the words", Query{Words: []string{"budsjettet", "kari"}}, []string{"2026-11-23"}},
		{"a free paragraph", Query{Words: []string{"fritt", "avsnitt"}}, []string{"2026-11-24"}},
		{"a commitment", Query{Words: []string{"ring", "per"}}, []string{"2026-11-23"}},
		{"Å and å", Query{Words: []string{"åse"}}, []string{"2026-11-23"}},
		{"Ä and ä", Query{Words: []string{"ändring"}}, []string{"2026-11-24"}},
		{"É and é", Query{Words: []string{"CAFÉ"}}, []string{"2026-11-24"}},
		{"decomposed ä", Query{Words: []string{"särskilt"}}, []string{"2026-11-25"}},
		{"private text is yours to search", Query{Words: []string{"lei"}}, []string{"2026-11-24"}},
		{"a tip", Query{Words: []string{"kari"}, Tip: 6}, []string{"2026-11-24"}},
		{"a tag in the text", Query{Tag: "tillit"}, []string{"2026-11-29", "2026-11-23"}},
		{"a tag in the front matter", Query{Tag: "#økonomi"}, []string{"2026-11-23"}},
		{"no tag in code or URLs", Query{Tag: "notatag"}, nil},
		{"from and to", Query{Words: []string{"kari"}, From: d("2026-11-24"), To: d("2026-11-28")}, []string{"2026-11-24"}},
		{"nothing", Query{Words: []string{"kari", "zebra"}}, nil},
		{"without a Norwegian keyboard", Query{Words: []string{"ase", "okonomi"}}, []string{"2026-11-23"}},
		{"without accents", Query{Words: []string{"sarskilt", "cafe"}}, nil},
		{"no accent, no å", Query{Words: []string{"sarskilt"}}, []string{"2026-11-25"}},
		{"a whole number", Query{Words: []string{"14"}}, []string{"2026-11-23"}},
		{"the ISO date", Query{Words: []string{"2026-11-24"}}, []string{"2026-11-24"}},
	}
	for _, c := range cases {
		if got := dates(c.q); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}

	var anchor, csharp, number bool
	for _, it := range items {
		for _, tag := range it.Tags {
			anchor = anchor || tag == "anker"
			csharp = csharp || tag == ""
			number = number || tag == "3"
		}
	}
	if anchor || csharp || number {
		t.Errorf("a URL fragment, C# or #3 became a tag")
	}
}

func TestMatchesMarkTheWords(t *testing.T) {
	j := writeJournal(t, searchJournal).Read()
	it := Search(j.Items(afterAll), Query{Words: []string{"åse", "RING"}})[0]
	ms := it.Matches([]string{"åse", "RING"})
	if len(ms) != 2 {
		t.Fatalf("got %d matching lines, want 2: %+v", len(ms), ms)
	}
	line := ms[0].Line.Text
	if got := line[ms[0].Spans[0][0]:ms[0].Spans[0][1]]; got != "Åse" {
		t.Errorf("marked %q, want Åse", got)
	}
	if !ms[1].Commitment || ms[1].Line.Text[ms[1].Spans[0][0]:ms[1].Spans[0][1]] != "Ring" {
		t.Errorf("the commitment is not marked: %+v", ms[1])
	}
}

func TestMatchLoosely(t *testing.T) {
	it := &Item{Date: d("2026-11-23"), Labels: []string{"23. november 2026", "Vis tillit"}, Tags: []string{"turnus"}}
	for typed, want := range map[string]bool{
		"tilit":       true,  // a letter left out
		"nov 23":      true,  // the date as the reader writes it
		"2026-11-23":  true,  // and as the file does
		"#turnus":     true,  // a tag
		"tur":         true,  // part of one
		"ilt":         false, // the first letter must be right
		"vis kari":    false, // every word must be found
		"n":           true,  // one letter is in "november"
		"":            true,  // nothing typed filters nothing
		"tillit tips": false,
		"26":          false, // a number is whole: not the 26 of 2026
		"23":          true,
		"23.":         true, // as a Norwegian writes a day
		"2":           false,
		"2026":        true,
	} {
		if got := it.Match(typed); got != want {
			t.Errorf("Match(%q) = %v, want %v", typed, got, want)
		}
	}
}

// Plain text made a rune at a time is the text without its accents as
// the whole is made: the same ASCII words are found in it.
func TestPlainRuneByRune(t *testing.T) {
	whole := func(s string) string {
		var b strings.Builder
		for _, r := range norm.NFD.String(plainLetters.Replace(s)) {
			if !unicode.Is(unicode.Mn, r) {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	for _, s := range []string{"støtte", "blåklokka", "café", "ærlig øvelse på møtet", "straße", "łódź", "œuvre", "þorn ðe", "e\u0301", "naïve Ångström", "Ελλάδα", "Москва", "日本語", "🙂 ok"} {
		s = fold(s)
		if got, want := plain(s), whole(s); got != want {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
	for r := rune(0x80); r < 0x3000; r++ {
		if got, want := plain(string(r)), whole(string(r)); got != want {
			t.Errorf("%U: %q, want %q", r, got, want)
		}
	}
}

// A word the user wrote is found with a letter or two left out, as a tip's
// title is: "tilit" finds "tillit" and "tillitsbasert", the word marked;
// looser than a few letters, or on a short word, it would find anything.
func TestWordsWrittenAreFoundLoosely(t *testing.T) {
	j := writeJournal(t, map[string]string{
		"2026/11/2026-11-23.md": "---\ntip: 5\n---\n## Hva gjorde du?\n\nJeg viste tillit til Åse.\n",
		"2026/11/2026-11-24.md": "---\ntip: 6\n---\nTillitsbasert ledelse.\n",
		"2026/11/2026-11-25.md": "---\ntip: 7\n---\nTilgjengelighet og per i dag.\n",
		"2026/11/2026-11-26.md": "---\ntip: 8\ncommitment: Spørre teamet\n---\nPeer review.\n",
	}).Read()
	items := j.Items(afterAll)
	for _, c := range []struct {
		typed string
		want  []string
	}{
		{"tilit", []string{"2026-11-24", "2026-11-23"}},
		{"TILIT", []string{"2026-11-24", "2026-11-23"}},
		{"tilitsbasert", []string{"2026-11-24"}},
		{"spore", []string{"2026-11-26"}}, // in the commitment, without ø
		{"tiltt", nil},                    // not in order
		{"pr", nil},                       // too short to be loose
		{"iltt", nil},                     // the first letter must be right
	} {
		var got []string
		for _, it := range Search(items, Query{Words: []string{c.typed}}) {
			got = append(got, it.Date.String())
			if !it.Match(c.typed) {
				t.Errorf("%q: search finds %s, the journal's filter does not", c.typed, it.Date)
			}
			if ms := it.Matches([]string{c.typed}); len(ms) == 0 {
				t.Errorf("%q: found in %s, but no line shown", c.typed, it.Date)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q finds %v, want %v", c.typed, got, c.want)
		}
	}
	it := Search(items, Query{Words: []string{"tilit"}})[1]
	if ms := it.Matches([]string{"tilit"}); len(ms) != 1 || ms[0].Line.Text[ms[0].Spans[0][0]:ms[0].Spans[0][1]] != "tillit" {
		t.Errorf("marked %+v in %q", ms, ms[0].Line.Text)
	}
}

// afterAll is a day after every file of the test journals: their weeks are
// over.
var afterAll = Date{Year: 2027, Month: 1, Day: 1}

// A reflection of the week still running is dated today, after today's
// entry, never the Sunday to come; once the week is over, it is dated its
// Sunday, before the week's days.
func TestAReflectionIsNeverDatedAhead(t *testing.T) {
	j := writeJournal(t, map[string]string{
		"2026/11/2026-11-26.md": "---\ntip: 1\n---\nTorsdag.\n",
		"2026/11/2026-11-27.md": "---\ntip: 2\n---\nFredag.\n",
		"2026/2026-W48.md":      "---\nweek: 2026-W48\n---\n## Hva gikk bra?\n\nUken.\n",
	}).Read()
	order := func(today Date) []string {
		var out []string
		for _, it := range j.Items(today) {
			out = append(out, it.Date.String()+" "+[]string{"day", "week", "mentoring"}[it.Kind])
		}
		return out
	}
	if got, want := order(d("2026-11-27")), []string{"2026-11-27 day", "2026-11-27 week", "2026-11-26 day"}; !slices.Equal(got, want) {
		t.Errorf("on Friday: %v, want %v", got, want)
	}
	if got, want := order(d("2026-11-30")), []string{"2026-11-29 week", "2026-11-27 day", "2026-11-26 day"}; !slices.Equal(got, want) {
		t.Errorf("the week after: %v, want %v", got, want)
	}
	if hits := Search(j.Items(d("2026-11-27")), Query{Words: []string{"uken"}, To: d("2026-11-27")}); len(hits) != 1 {
		t.Errorf("search up to today misses the week's reflection: %v", hits)
	}
}

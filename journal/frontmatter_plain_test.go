package journal

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// sameAsYAML checks that the plain reader, when it takes a front matter,
// makes of it the very tree yaml.v3 makes; and says whether it took it.
func sameAsYAML(t *testing.T, text string) bool {
	t.Helper()
	got, ok := plainFrontMatter([]byte(text))
	if !ok {
		return false
	}
	var want yaml.Node
	if err := yaml.Unmarshal([]byte(text), &want); err != nil {
		t.Fatalf("%q: taken for plain, but yaml.v3 says %v", text, err)
	}
	if !reflect.DeepEqual(got, &want) {
		t.Fatalf("%q: the plain reader's tree differs from yaml.v3's:\n%s\n%s", text, dumpNode(got, ""), dumpNode(&want, ""))
	}
	return true
}

func dumpNode(n *yaml.Node, indent string) string {
	s := fmt.Sprintf("%skind %d style %d tag %q value %q at %d:%d\n", indent, n.Kind, n.Style, n.Tag, n.Value, n.Line, n.Column)
	for _, c := range n.Content {
		s += dumpNode(c, indent+"  ")
	}
	return s
}

// The front matters tillit writes are read without yaml.v3, to the same
// tree; the rest are left to it.
func TestPlainFrontMatterIsYAMLs(t *testing.T) {
	taken := []string{
		"date: 2026-11-23\npack: trust\npack_version: 1\ntip: 5\nrating: 2\nenergy: 4\ncommitment: Spør Kari om turnusen, og lytt\nfollowup: done\nfollowup_of: 2026-11-22\n",
		"week: 2026-W48\nfocus_tip: 13\nmentor_questions:\n  - Hvordan gir jeg ærlig tilbakemelding uten å ta motet fra folk?\n  - To?\n",
		"tags: [Økonomi, b c, 3]\nprivate: true\nx:\nempty: []\nq:\n- a\n- b\nPrivate: False\nn: null\n",
		"commitment: Per's \"plan\" & 50% av *alt* — ok!\n",
		"a: b:c\nd: e#f\n",
	}
	for _, text := range taken {
		if !sameAsYAML(t, text) {
			t.Errorf("%q: not taken for plain", text)
		}
	}
	left := []string{
		"", "\n", "a: 'b'\n", "a: \"b\"\n", "a: b # note\n", "# note\na: b\n", "a: b\n\nc: d\n", "a: b\n  c\n",
		"a: 0123\n", "a: 1.5\n", "a: -1\n", "a: 2026-02-30\n", "a: ~\n", "a: &x b\nc: *x\n", "a: {b: c}\n", "a: [b, [c]]\n",
		"a: b \n", "a: b:\n", "a: b: c\n", "a:\tb\n", "a: b\r\n", "a:  b\n", "-a: b\n", "a b: c\n", "a: |\n  b\n",
		"a:\n  - b\n- c\n", "a:\n  - b\n  c: d\n", "a: x\u2028y\n", "a: \u0085\n", "a: 12345678901234567890\n", "a: .inf\n",
	}
	for _, text := range left {
		if sameAsYAML(t, text) {
			t.Errorf("%q: taken for plain", text)
		}
	}
}

// Random front matters, plain or nearly so: whatever the reader takes, it
// takes as yaml.v3 does.
func TestPlainFrontMatterOnRandomText(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	keys := []string{"date", "tip", "x_1", "True", "null", "Tags", "_k"}
	values := []string{"", "b", "Spør Kari", "5", "0", "007", "2026-11-23", "2026-13-01", "true", "TRUE", "yes", "no", "on", "Null", "~",
		"a: b", "a #b", "a#b", "é", "«sitat»", "3 ting", "1_000", "0x10", "[a, b]", "[a,b]", "[ a ]", "[]", "[Å, ø]", "-", "- x", "a ", " a",
		"x\u00a0y", "y", "n", "N", ".5", "+1", "∞", "日本", "a, b", "a|b", "a>b", "a'b", "a\"b", "@x", "`x`", "%x", "!x", "&x", "*x",
		"2026-W48", "3 ting", "1e5", "1E5", "0xff", "0o17", "0b101", "12abc", "10 øre", "1_000", "2026-11-23T10:00:00Z", "2026-11-23 10:00", "5 stjerner", "1inf", "1nan", "0xW"}
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(5) {
			b.WriteString(keys[r.IntN(len(keys))])
			switch r.IntN(6) {
			case 0:
				b.WriteString(":\n")
				indent := []string{"", "  ", " "}[r.IntN(3)]
				for range 1 + r.IntN(3) {
					b.WriteString(indent + "- " + values[r.IntN(len(values))] + "\n")
				}
			case 1:
				b.WriteString(":" + values[r.IntN(len(values))] + "\n")
			default:
				b.WriteString(": " + values[r.IntN(len(values))] + "\n")
			}
		}
		sameAsYAML(t, b.String())
	}
}

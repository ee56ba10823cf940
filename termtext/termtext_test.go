package termtext

import (
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain", "Hei på deg", "Hei på deg"},
		{"æøå", "Blåbærsyltetøy ÆØÅ äöü ß «sitat»", "Blåbærsyltetøy ÆØÅ äöü ß «sitat»"},
		{"tabs and newlines", "a\tb\nc\n\n", "a\tb\nc\n\n"},
		{"CRLF kept", "line\r\nnext\r\n", "line\r\nnext\r\n"},
		{"lone CR", "secret\rshown", "secretshown"},
		{"emoji ZWJ family", "👨‍👩‍👧‍👦 ok", "👨‍👩‍👧‍👦 ok"},
		{"emoji variation selector", "❤️ ☺︎ 👍🏽", "❤️ ☺︎ 👍🏽"},
		{"flag", "🇳🇴🇸🇪", "🇳🇴🇸🇪"},
		{"combining", "e\u0301", "e\u0301"},
		{"BEL backspace NUL DEL", "a\x07b\x08c\x00d\x7fe", "abcde"},
		{"other C0", "a\x01\x0b\x0c\x1a\x1f" + "b", "ab"},
		{"OSC 52 BEL", "x\x1b]52;c;c2VjcmV0\x07y", "xy"},
		{"OSC 52 ST", "x\x1b]52;c;c2VjcmV0\x1b\\y", "xy"},
		{"OSC 0 title", "\x1b]0;pwned\x07after", "after"},
		{"OSC 2 title", "\x1b]2;pwned\x1b\\after", "after"},
		{"OSC 8 link", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"OSC cut off at newline", "a\x1b]2;title\nnext", "a\nnext"},
		{"OSC unterminated", "a\x1b]2;title", "a"},
		{"CSI clear", "\x1b[2J\x1b[Hhome", "home"},
		{"CSI SGR from the user", "\x1b[31mred\x1b[0m", "red"},
		{"CSI private", "\x1b[?1049h\x1b[?25l!", "!"},
		{"CSI cut off", "a\x1b[12", "a"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"APC", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"PM", "a\x1b^private\x1b\\b", "ab"},
		{"SOS", "a\x1bXstring\x1b\\b", "ab"},
		{"two-byte escapes", "a\x1bcb\x1b7c\x1bMd", "abcd"},
		{"charset nF", "a\x1b(0b\x1b#8c", "abc"},
		{"lone ESC at end", "a\x1b", "a"},
		{"ESC before a newline", "a\x1b\nb", "a\nb"},
		{"C1 as UTF-8", "a\u0085b\u0080c\u009f", "abc"},
		{"8-bit CSI as UTF-8", "a\u009b2Jb", "ab"},
		{"8-bit OSC as UTF-8", "a\u009d0;title\u009cb", "ab"},
		{"raw 8-bit CSI", "a\x9b2Jb", "ab"},
		{"raw 8-bit OSC", "a\x9d52;c;eA==\x07b", "ab"},
		{"raw 8-bit DCS", "a\x90data\x9cb", "ab"},
		{"not UTF-8", "a\xffb", "a\ufffdb"},
		{"bidi overrides", "a\u202egnp.exe\u202c b\u2066c\u2069", "agnp.exe bc"},
		{"marks kept", "a\u200eb\u200fc", "a\u200eb\u200fc"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Clean(tc.in); got != tc.want {
				t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestKeepSGR(t *testing.T) {
	in := "\x1b[1;38;2;77;208;181mTitle\x1b[0m \x1b]2;x\x07\x1b[2J\x1b[?25l\x1b[38:5:1mok\x1b[m"
	want := "\x1b[1;38;2;77;208;181mTitle\x1b[0m \x1b[38:5:1mok\x1b[m"
	if got := KeepSGR(in); got != want {
		t.Errorf("KeepSGR = %q, want %q", got, want)
	}
	// An SGR of the user's, once cleaned, cannot come back.
	if got := KeepSGR(Clean("\x1b[8mhidden")); got != "hidden" {
		t.Errorf("got %q", got)
	}
}

func TestWriterSeesSplitSequences(t *testing.T) {
	in := "ok \x1b[1mbold\x1b[0m \x1b]52;c;c2VjcmV0\x07 æøå 👨‍👩‍👧 \x9b2J end\n\x1b]0;t\x1b\\last"
	want := "ok \x1b[1mbold\x1b[0m  æøå 👨‍👩‍👧  end\nlast"
	for size := 1; size <= len(in); size++ {
		var b strings.Builder
		w := NewWriter(&b)
		for i := 0; i < len(in); i += size {
			if _, err := w.Write([]byte(in[i:min(len(in), i+size)])); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Fatalf("writes of %d bytes: %q, want %q", size, b.String(), want)
		}
	}
}

func FuzzCleanLeavesNoControls(f *testing.F) {
	f.Add("a\x1b]52;c;x\x07b\u009b2J\x9dq")
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		for i, r := range out {
			if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r <= 0x9f) || isBidi(r) {
				t.Fatalf("Clean(%q) = %q keeps %U at %d", s, out, r, i)
			}
		}
		if Clean(out) != out {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
	})
}

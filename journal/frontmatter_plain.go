package journal

import (
	"bytes"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// plainFrontMatter reads a front matter of the plain kind tillit writes,
// and most people write by hand, into the very tree yaml.v3 makes of it,
// without yaml.v3: in a few microseconds where the parser takes tens, and
// a journal of years has thousands of files. Plain is: a key a line at the
// start of it, a value after ": " that needs no quotes and fits on its
// line, lists as [a, b] or as lines of "- item". ok is false for anything
// else — quotes, comments, anchors, blank lines, a value over more lines,
// a number that is not a plain whole number —, which yaml.v3 reads.
// (frontmatter_plain_test.go holds it to yaml.v3's trees.)
func plainFrontMatter(text []byte) (doc *yaml.Node, ok bool) {
	if len(text) == 0 || bytes.IndexByte(text, '\r') >= 0 || bytes.IndexByte(text, '\t') >= 0 {
		return nil, false
	}
	lines := bytes.Split(bytes.TrimSuffix(text, []byte("\n")), []byte("\n"))
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	for i := 0; i < len(lines); i++ {
		line, n := string(lines[i]), i+1
		colon := indexColon(line)
		if colon <= 0 || !isKey(line[:colon]) {
			return nil, false
		}
		key := scalarNode(line[:colon], n, 1)
		if key == nil {
			return nil, false
		}
		rest := line[colon+1:]
		var value *yaml.Node
		switch {
		case rest == "" && i+1 < len(lines) && (bytes.HasPrefix(lines[i+1], []byte("- ")) || bytes.HasPrefix(lines[i+1], []byte("  - "))):
			value, i = blockList(lines, i+1)
			if value == nil {
				return nil, false
			}
		case rest == "":
			value = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: n, Column: colon + 2}
		case rest[0] != ' ' || len(rest) < 2:
			return nil, false
		case rest[1] == '[':
			value = flowList(rest[1:], n, colon+3)
		default:
			value = scalarNode(rest[1:], n, colon+3)
		}
		if value == nil {
			return nil, false
		}
		m.Content = append(m.Content, key, value)
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: 1, Column: 1, Content: []*yaml.Node{m}}, true
}

// indexColon finds the ": " (or the ":" at the end) after a key.
func indexColon(line string) int {
	for i := range len(line) {
		if line[i] == ':' {
			if i+1 == len(line) || line[i+1] == ' ' {
				return i
			}
			return -1
		}
	}
	return -1
}

// isKey says a key is a word of ASCII letters, digits and underscores that
// begins with a letter or an underscore.
func isKey(s string) bool {
	for i := range len(s) {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// blockList reads the lines of "- item" from line i on, all indented
// alike; it returns the list and the last line it took.
func blockList(lines [][]byte, i int) (*yaml.Node, int) {
	prefix := "- "
	if bytes.HasPrefix(lines[i], []byte("  - ")) {
		prefix = "  - "
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: i + 1, Column: len(prefix) - 1}
	for ; i < len(lines); i++ {
		line := string(lines[i])
		if len(line) <= len(prefix) || line[:len(prefix)] != prefix {
			if line != "" && line[0] != ' ' && line[0] != '-' {
				break // the next key
			}
			return nil, 0
		}
		item := scalarNode(line[len(prefix):], i+1, len(prefix)+1)
		if item == nil {
			return nil, 0
		}
		seq.Content = append(seq.Content, item)
	}
	return seq, i - 1
}

// flowList reads "[a, b]" whose items are plain, each after ", ".
func flowList(s string, line, column int) *yaml.Node {
	if len(s) < 2 || s[len(s)-1] != ']' {
		return nil
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: line, Column: column}
	inner := s[1 : len(s)-1]
	if inner == "" {
		return seq
	}
	col := column + 1
	for {
		item, rest, more := cutString(inner, ", ")
		for _, c := range []byte(",[]{}") {
			if bytes.IndexByte([]byte(item), c) >= 0 {
				return nil
			}
		}
		n := scalarNode(item, line, col)
		if n == nil {
			return nil
		}
		seq.Content = append(seq.Content, n)
		if !more {
			return seq
		}
		col += utf8.RuneCountInString(item) + 2
		inner = rest
	}
}

func cutString(s, sep string) (before, after string, found bool) {
	if i := bytes.Index([]byte(s), []byte(sep)); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// scalarNode is the node of a plain value, with the tag yaml.v3 would
// give it; nil for a value it does not take for plain.
func scalarNode(v string, line, column int) *yaml.Node {
	tag := plainTag(v)
	if tag == "" {
		return nil
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v, Line: line, Column: column}
}

// plainTag is the tag yaml.v3 resolves a plain value to, or "" when the
// value is not one this reader takes: it must begin with a letter or be a
// plain whole number or a day, and hold nothing YAML reads otherwise (": ",
// " #", characters YAML does not print, spaces at the end).
func plainTag(v string) string {
	if v == "" || v[len(v)-1] == ' ' || v[len(v)-1] == ':' {
		return ""
	}
	for i, r := range v {
		switch {
		case r == ':' && i+1 < len(v) && v[i+1] == ' ',
			r == '#' && i > 0 && v[i-1] == ' ',
			r == '[' || r == ']' || r == '{' || r == '}',
			!printable(r):
			return ""
		}
	}
	switch v {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "null", "Null", "NULL":
		return "!!null"
	}
	first, _ := utf8.DecodeRuneInString(v)
	switch {
	case unicode.IsLetter(first):
		return "!!str"
	case digits(v) && (v == "0" || v[0] != '0') && len(v) <= 18:
		return "!!int"
	case len(v) == 10 && v[4] == '-' && v[7] == '-' && digits(v[:4]) && digits(v[5:7]) && digits(v[8:]):
		if _, err := time.Parse("2006-1-2", v); err == nil {
			return "!!timestamp"
		}
	case first >= '0' && first <= '9' && strings.IndexFunc(v, notInNumbers) >= 0:
		// A letter no number, day or time is written with (2026-W48,
		// "3 ting"): text.
		return "!!str"
	}
	return ""
}

// notInNumbers says a rune is a letter that YAML writes no number, day or
// time with: not a hex digit, not the x, o, b of 0x, 0o, 0b, not the e or
// p of an exponent, not the T or Z of a time.
func notInNumbers(r rune) bool {
	return unicode.IsLetter(r) && !strings.ContainsRune("abcdefABCDEFxXoOtTzZpPnNiI", r)
}

// printable says YAML takes the rune as it is in a plain value: not a
// control character, not a line or paragraph separator, not a byte order
// mark.
func printable(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return false
	case r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff:
		return false
	}
	return r != utf8.RuneError
}

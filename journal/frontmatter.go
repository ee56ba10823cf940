package journal

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// ParseError says why a file cannot be read as a journal entry. Such a file is
// never written by tillit: the user fixes it by hand (tillit doctor lists
// them). Kind names the problem for a translated message; Reason says it in
// English.
type ParseError struct {
	Path   string
	Kind   string // one of the Parse* kinds
	Reason string
	// Key and Lines detail a duplicate key; Detail the YAML parser's words.
	Key    string
	Lines  [2]int
	Detail string
}

// The kinds of ParseError.
const (
	ParseNoClosingFence = "no_closing_fence"
	ParseInvalidYAML    = "invalid_yaml"
	ParseNotMapping     = "not_mapping"
	ParseDuplicateKey   = "duplicate_key"
	ParseNotText        = "not_text"
	ParseNotUTF8        = "not_utf8"
	ParseLink           = "link"
	ParseUnclearFront   = "unclear_front" // refused on write only: the file is read, as private
)

func (e *ParseError) Error() string { return e.Path + ": " + e.Reason }

// withPath puts the file's path on a ParseError.
func withPath(err error, path string) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.Path = path
		return pe
	}
	return &ParseError{Path: path, Kind: ParseInvalidYAML, Detail: err.Error(), Reason: err.Error()}
}

// IsParseError reports whether err says a file could not be parsed.
func IsParseError(err error) bool {
	var pe *ParseError
	return errors.As(err, &pe)
}

// frontMatter is the YAML block at the top of a file, kept as a node tree so
// that keys tillit does not know, their order and their comments survive a
// rewrite.
type frontMatter struct {
	doc *yaml.Node // document node; nil when the file has no front matter
}

// splitFrontMatter separates the front matter from the body. It returns the
// YAML text (without fences), the raw head (fences included) and the body. A
// file without an opening fence has no front matter and is all body.
func splitFrontMatter(data []byte) (yamlText, head, body []byte, ok bool, err error) {
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if !isFence(first) {
		return nil, nil, data, false, nil
	}
	offset := len(first) + 1
	for len(rest) > 0 {
		line, next, found := bytes.Cut(rest, []byte("\n"))
		end := offset + len(line)
		if found {
			end++
		}
		if isFence(line) {
			return data[len(first)+1 : offset], data[:end], data[end:], true, nil
		}
		offset = end
		rest = next
	}
	return nil, nil, nil, false, &ParseError{Kind: ParseNoClosingFence, Reason: "the front matter has no closing --- line"}
}

func isFence(line []byte) bool {
	return string(bytes.TrimRight(line, " \t\r")) == "---"
}

// parseFrontMatter reads the YAML of a front matter. Invalid YAML, duplicate
// keys and anything but a mapping make the file unparseable.
func parseFrontMatter(text []byte) (frontMatter, error) {
	if !utf8.Valid(text) {
		// Read with U+FFFD in place of the bytes, and written back, the
		// front matter would lose them: leave the file as it is.
		line := 2 // the line after the opening fence
		for len(text) > 0 {
			r, size := utf8.DecodeRune(text)
			if r == utf8.RuneError && size == 1 {
				break
			}
			if r == '\n' {
				line++
			}
			text = text[size:]
		}
		return frontMatter{}, &ParseError{Kind: ParseNotUTF8, Lines: [2]int{line, 0},
			Reason: fmt.Sprintf("the front matter is not UTF-8 text (line %d)", line)}
	}
	if doc, ok := plainFrontMatter(text); ok {
		if err := checkDuplicateKeys(doc.Content[0]); err != nil {
			return frontMatter{}, err
		}
		return frontMatter{doc: doc}, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		detail := yamlReason(err)
		return frontMatter{}, &ParseError{Kind: ParseInvalidYAML, Detail: detail, Reason: "the front matter is not valid YAML: " + detail}
	}
	if doc.Kind == 0 { // empty front matter: "---\n---"
		return frontMatter{}, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return frontMatter{}, nil
	}
	if root.Kind != yaml.MappingNode {
		return frontMatter{}, &ParseError{Kind: ParseNotMapping, Reason: "the front matter is not a list of key: value lines"}
	}
	if err := checkDuplicateKeys(root); err != nil {
		return frontMatter{}, err
	}
	return frontMatter{doc: &doc}, nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlReason makes a YAML error one line, with line numbers counted in the
// file (the YAML starts on the line after the opening fence).
func yamlReason(err error) string {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	s = strings.Join(strings.Fields(s), " ")
	return yamlLine.ReplaceAllStringFunc(s, func(m string) string {
		n, _ := strconv.Atoi(strings.TrimPrefix(m, "line "))
		return fmt.Sprintf("line %d", n+1)
	})
}

// checkDuplicateKeys walks the tree: YAML forbids a key twice in one mapping,
// and guessing which one the user meant could lose their words.
func checkDuplicateKeys(n *yaml.Node) error {
	switch n.Kind {
	case yaml.MappingNode:
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			// Lines count from the opening fence, as an editor shows them.
			if line, dup := seen[k.Value]; dup {
				return &ParseError{Kind: ParseDuplicateKey, Key: k.Value, Lines: [2]int{line + 1, k.Line + 1},
					Reason: fmt.Sprintf("the front matter has the key %q twice (lines %d and %d)", k.Value, line+1, k.Line+1)}
			}
			seen[k.Value] = k.Line
			if err := checkDuplicateKeys(n.Content[i+1]); err != nil {
				return err
			}
		}
	case yaml.SequenceNode, yaml.DocumentNode:
		for _, c := range n.Content {
			if err := checkDuplicateKeys(c); err != nil {
				return err
			}
		}
	}
	return nil
}

// mapping returns the root mapping node, creating it when needed.
func (f *frontMatter) mapping() *yaml.Node {
	if f.doc == nil {
		f.doc = &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}}
	}
	return f.doc.Content[0]
}

// get returns the value node of key, or nil.
func (f frontMatter) get(key string) *yaml.Node {
	if f.doc == nil {
		return nil
	}
	m := f.doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// lookup returns the value of key as a reader sees it: an alias (*name)
// stands for the value its anchor (&name) marks.
func (f frontMatter) lookup(key string) *yaml.Node {
	n := f.get(key)
	for depth := 0; n != nil && n.Kind == yaml.AliasNode && depth < 8; depth++ {
		n = n.Alias
	}
	return n
}

// set replaces the value of key, or appends the key at the end.
func (f *frontMatter) set(key string, value *yaml.Node) {
	m := f.mapping()
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			old := m.Content[i+1]
			// Keep a comment the user wrote after the old value.
			value.LineComment = old.LineComment
			f.detach(old)
			m.Content[i+1] = value
			return
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, value)
}

// setFirst is set, but a new key goes first: where a reader looks for the
// date.
func (f *frontMatter) setFirst(key string, value *yaml.Node) {
	if f.get(key) != nil {
		f.set(key, value)
		return
	}
	m := f.mapping()
	m.Content = append([]*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, value}, m.Content...)
}

// frontEdit writes the fields a document changed into its front matter,
// and notes whether it changed any: keys the user added, and keys whose
// value did not change, stay as they are.
type frontEdit struct {
	f       *frontMatter
	changed bool
}

// put writes key when its value differs from what was read: node() when
// the value is present, else the key goes.
func (e *frontEdit) put(key string, differs, present bool, node func() *yaml.Node) {
	if !differs {
		return
	}
	e.changed = true
	if present {
		e.f.set(key, node())
	} else {
		e.f.remove(key)
	}
}

// putFirst is put for a key that leads the front matter (the date); a
// key without a value is left alone.
func (e *frontEdit) putFirst(key string, differs bool, node *yaml.Node) {
	if differs {
		e.f.setFirst(key, node)
		e.changed = true
	}
}

// remove deletes key if present.
func (f *frontMatter) remove(key string) {
	if f.doc == nil {
		return
	}
	m := f.doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			f.detach(m.Content[i+1])
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

// detach prepares the value old for leaving the front matter: an alias
// elsewhere that points at an anchor inside it (energy: *r, where the
// rating being replaced was &r 3) gets a copy of the value instead, so it
// keeps its meaning and the YAML stays valid.
func (f *frontMatter) detach(old *yaml.Node) {
	anchored := map[*yaml.Node]bool{}
	var mark func(n *yaml.Node)
	mark = func(n *yaml.Node) {
		if n.Anchor != "" {
			anchored[n] = true
		}
		for _, c := range n.Content {
			mark(c)
		}
	}
	mark(old)
	if len(anchored) == 0 {
		return
	}
	var fix func(n *yaml.Node)
	fix = func(n *yaml.Node) {
		if n == old {
			return
		}
		for i, c := range n.Content {
			if c.Kind == yaml.AliasNode && anchored[c.Alias] {
				n.Content[i] = unanchored(c.Alias)
				continue
			}
			fix(c)
		}
	}
	fix(f.doc)
}

// unanchored returns a deep copy of n without anchors; aliases inside it are
// resolved too, as their anchors may go with it.
func unanchored(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	c := *n
	c.Anchor = ""
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, child := range n.Content {
		c.Content[i] = unanchored(child)
	}
	return &c
}

// encode writes the front matter with its fences.
func (f frontMatter) encode() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("---\n")
	if f.doc != nil && len(f.doc.Content[0].Content) > 0 {
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(f.doc); err != nil {
			return nil, err
		}
		if err := enc.Close(); err != nil {
			return nil, err
		}
	}
	buf.WriteString("---\n")
	return buf.Bytes(), nil
}

func intNode(v int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: fmt.Sprint(v)}
}

func boolNode(v bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(v)}
}

// dateNode writes a date unquoted (2026-11-23), as YAML's timestamp type, so
// Obsidian and other tools see a date and not a string.
func dateNode(d Date) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: d.String()}
}

func stringNode(s string) *yaml.Node {
	var n yaml.Node
	_ = n.Encode(s) // encoding a string cannot fail
	return &n
}

// stringsNode writes a short list on one line: tags: [a, b].
func stringsNode(list []string) *yaml.Node {
	n := linesNode(list)
	n.Style = yaml.FlowStyle
	return n
}

// linesNode writes a list a line per item, for sentences (questions).
func linesNode(list []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, s := range list {
		n.Content = append(n.Content, stringNode(s))
	}
	return n
}

// versionNode writes a version as a number when it is one (pack_version: 2),
// else as text.
func versionNode(v string) *yaml.Node {
	if _, err := strconv.Atoi(v); err == nil {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: v}
	}
	return stringNode(v)
}

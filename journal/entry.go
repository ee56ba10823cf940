package journal

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Followup is how a commitment went, as the manager judged it later.
type Followup string

// The follow-up outcomes. An empty Followup means none was recorded.
const (
	FollowupDone   Followup = "done"
	FollowupPartly Followup = "partly"
	FollowupNot    Followup = "not"
)

// Valid reports whether f is one of the known outcomes.
func (f Followup) Valid() bool {
	return f == FollowupDone || f == FollowupPartly || f == FollowupNot
}

// Meta is what the front matter of a daily entry says. A zero value means
// the key is absent.
type Meta struct {
	Date         Date
	Tip          int
	Rating       int
	Energy       int
	Commitment   string
	Followup     Followup
	FollowupOf   Date   // the day whose commitment the follow-up is about
	FollowupNote string // the line written with the follow-up
	Tags         []string
	Private      bool // the whole entry is private
	Pack         string
	PackVersion  string
}

// Problem is something wrong in a file that tillit can still read: a value
// of the wrong type or out of range. The value is ignored, the file is kept.
type Problem struct {
	Key    string
	Reason string
}

func (p Problem) String() string { return p.Key + ": " + p.Reason }

// Entry is one day of the journal.
type Entry struct {
	Meta
	Body     Body
	Path     string
	Problems []Problem

	orig  Meta        // what the file said, to rewrite only changed keys
	front frontMatter // the parsed front matter, unknown keys included
	raw   []byte      // the file as read; nil for an entry not yet on disk
	head  []byte      // front matter with fences, as read
	body  []byte      // body as read
	crlf  bool        // the file uses CRLF line endings
}

// IsCheckIn reports whether the entry is a check-in: a day with a tip. A day
// with only notes is not one.
func (e *Entry) IsCheckIn() bool { return e.Tip > 0 }

// OnDisk reports whether the entry was read from a file.
func (e *Entry) OnDisk() bool { return e.raw != nil }

// NewEntry returns an empty entry for a day, not yet on disk.
func NewEntry(path string, d Date) *Entry {
	return &Entry{Meta: Meta{Date: d}, Path: path}
}

// ParseEntry reads a daily entry. It fails with a *ParseError when the file
// must not be touched: no closing fence, invalid YAML, duplicate keys. Values
// of the wrong type are listed in Problems and otherwise ignored.
func ParseEntry(path string, data []byte) (*Entry, error) {
	e := &Entry{Path: path, raw: data}
	if data == nil {
		e.raw = []byte{}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &ParseError{Path: path, Kind: ParseNotText, Reason: "the file contains a NUL byte; is it a text file?"}
	}
	text := bytes.TrimPrefix(data, []byte("\ufeff"))
	yamlText, head, body, _, err := splitFrontMatter(text)
	if err != nil {
		return nil, withPath(err, path)
	}
	e.front, err = parseFrontMatter(yamlText)
	if err != nil {
		return nil, withPath(err, path)
	}
	e.head, e.body = head, body
	e.crlf = bytes.Contains(data, []byte("\r\n"))
	if !utf8.Valid(data) {
		e.Problems = append(e.Problems, Problem{"file", "not valid UTF-8; some characters may show wrongly"})
	}
	e.decodeMeta()
	e.orig = e.Meta
	e.orig.Tags = slices.Clone(e.Tags)
	// The file name places the entry in the journal; a different date key is
	// reported, and set right when tillit next writes the entry.
	if d, ok := dateFromFileName(path); ok {
		if !e.Date.IsZero() && e.Date != d {
			e.Problems = append(e.Problems, Problem{"date", fmt.Sprintf("%s differs from the file name (%s)", e.Date, d)})
		}
		e.Date = d
	}
	e.Body = parseBody(string(body))
	return e, nil
}

// decodeMeta reads the known keys; a value tillit cannot use becomes a
// Problem, never an error.
func (e *Entry) decodeMeta() {
	f := e.front
	problem := func(key, format string, args ...any) {
		e.Problems = append(e.Problems, Problem{key, fmt.Sprintf(format, args...)})
	}
	scalar := func(key string) (*yaml.Node, bool) {
		n := f.get(key)
		if n == nil || n.Tag == "!!null" {
			return nil, false
		}
		if n.Kind != yaml.ScalarNode {
			problem(key, "expected a single value, found a %s", kindName(n))
			return nil, false
		}
		return n, true
	}
	number := func(key string, lo, hi int) int {
		n, ok := scalar(key)
		if !ok {
			return 0
		}
		var v int
		if n.Tag != "!!int" || n.Decode(&v) != nil {
			problem(key, "expected a whole number from %d to %d, found %q", lo, hi, n.Value)
			return 0
		}
		if v < lo || v > hi {
			problem(key, "%d is outside %d–%d", v, lo, hi)
			return 0
		}
		return v
	}
	text := func(key string) string {
		n, ok := scalar(key)
		if !ok {
			return ""
		}
		return n.Value
	}
	date := func(key string) Date {
		n, ok := scalar(key)
		if !ok {
			return Date{}
		}
		d, err := ParseDate(n.Value)
		if err != nil {
			problem(key, "%v", err)
		}
		return d
	}

	e.Date = date("date")
	// The pack decides the range of tips; the built-in pack has 14. A tip
	// number outside a pack's range is reported by doctor, which knows packs.
	e.Tip = number("tip", 1, 999)
	e.Rating = number("rating", 1, 5)
	e.Energy = number("energy", 1, 5)
	e.Commitment = text("commitment")
	if v := Followup(text("followup")); v != "" {
		if v.Valid() {
			e.Followup = v
		} else {
			problem("followup", "%q is not one of done, partly, not", string(v))
		}
	}
	e.FollowupOf = date("followup_of")
	e.FollowupNote = text("followup_note")
	e.Pack = text("pack")
	e.PackVersion = text("pack_version")
	if n, ok := scalar("private"); ok {
		if n.Tag != "!!bool" || n.Decode(&e.Private) != nil {
			problem("private", "expected true or false, found %q", n.Value)
		}
	}
	if n := f.get("tags"); n != nil {
		switch n.Kind {
		case yaml.SequenceNode:
			for _, c := range n.Content {
				if c.Kind == yaml.ScalarNode && c.Value != "" {
					e.Tags = append(e.Tags, c.Value)
				}
			}
		case yaml.ScalarNode:
			// Obsidian accepts "tags: a, b" as well as a list.
			for _, t := range strings.FieldsFunc(n.Value, func(r rune) bool { return r == ',' || r == ' ' }) {
				e.Tags = append(e.Tags, t)
			}
		default:
			problem("tags", "expected a list of words")
		}
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "set of keys"
	}
	return "value"
}

// dateFromFileName reads the day from a name like 2026-11-23.md.
func dateFromFileName(path string) (Date, bool) {
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	name, ok := strings.CutSuffix(base, ".md")
	if !ok {
		return Date{}, false
	}
	d, err := ParseDate(name)
	return d, err == nil
}

// syncFrontMatter writes changed fields into the front matter node. Keys the
// user added, and keys whose value did not change, are left as they are.
func (e *Entry) syncFrontMatter() bool {
	changed := false
	f := &e.front
	put := func(key string, differs, present bool, node func() *yaml.Node) {
		if !differs {
			return
		}
		changed = true
		if present {
			f.set(key, node())
		} else {
			f.remove(key)
		}
	}
	m, o := e.Meta, e.orig
	put("date", m.Date != o.Date, !m.Date.IsZero(), func() *yaml.Node { return dateNode(m.Date) })
	put("pack", m.Pack != o.Pack, m.Pack != "", func() *yaml.Node { return stringNode(m.Pack) })
	put("pack_version", m.PackVersion != o.PackVersion, m.PackVersion != "", func() *yaml.Node { return versionNode(m.PackVersion) })
	put("tip", m.Tip != o.Tip, m.Tip > 0, func() *yaml.Node { return intNode(m.Tip) })
	put("rating", m.Rating != o.Rating, m.Rating > 0, func() *yaml.Node { return intNode(m.Rating) })
	put("energy", m.Energy != o.Energy, m.Energy > 0, func() *yaml.Node { return intNode(m.Energy) })
	put("commitment", m.Commitment != o.Commitment, m.Commitment != "", func() *yaml.Node { return stringNode(m.Commitment) })
	put("followup", m.Followup != o.Followup, m.Followup != "", func() *yaml.Node { return stringNode(string(m.Followup)) })
	put("followup_of", m.FollowupOf != o.FollowupOf, !m.FollowupOf.IsZero(), func() *yaml.Node { return dateNode(m.FollowupOf) })
	put("followup_note", m.FollowupNote != o.FollowupNote, m.FollowupNote != "", func() *yaml.Node { return stringNode(m.FollowupNote) })
	put("tags", !slices.Equal(m.Tags, o.Tags), len(m.Tags) > 0, func() *yaml.Node { return stringsNode(m.Tags) })
	put("private", m.Private != o.Private, m.Private, func() *yaml.Node { return boolNode(true) })
	return changed
}

// Render returns the file as it should be written: untouched parts keep their
// bytes, changed front-matter keys and sections are rewritten.
func (e *Entry) Render() ([]byte, error) {
	frontChanged := e.syncFrontMatter()
	head := e.head
	if frontChanged || head == nil {
		var err error
		if head, err = e.front.encode(); err != nil {
			return nil, fmt.Errorf("%s: write front matter: %w", e.Path, err)
		}
	}
	body := e.body
	if e.Body.edited || body == nil {
		b := strings.TrimRight(e.Body.render(), "\n") + "\n"
		if e.raw == nil || len(bytes.TrimSpace(e.body)) == 0 {
			b = "\n" + strings.TrimLeft(b, "\n") // a blank line after the front matter
		}
		if strings.TrimSpace(b) == "" {
			b = ""
		}
		body = []byte(b)
	}
	out := append(slices.Clip(head), body...)
	if e.crlf {
		out = bytes.ReplaceAll(bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
	}
	if bytes.HasPrefix(e.raw, []byte("\ufeff")) && !bytes.HasPrefix(out, []byte("\ufeff")) {
		out = append([]byte("\ufeff"), out...)
	}
	return out, nil
}

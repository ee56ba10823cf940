package journal

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// document is a markdown file with YAML front matter, as every file of the
// journal is: it keeps the bytes as read, so untouched parts are written back
// as they were.
type document struct {
	Path     string
	Body     Body
	Problems []Problem

	front frontMatter // the parsed front matter, unknown keys included
	raw   []byte      // the file as read; nil for a file not yet on disk
	head  []byte      // front matter with fences, as read
	body  []byte      // body as read
	crlf  bool        // the file uses CRLF line endings
	// partial is set when only what the index holds of the file is known
	// (Store.Summary): no text, no body. Journal.Full reads the file.
	partial bool
	// unclear is set when the file seems to have a front matter that
	// cannot be found for sure (frontMatterUnclear): it is private as a
	// whole, and only ever appended to.
	unclear bool
}

// OnDisk reports whether the file was read from disk.
func (d *document) OnDisk() bool { return d.raw != nil }

// Partial reports whether only what the index holds of the file is known:
// its numbers and days, not its text (see Store.Summary).
func (d *document) Partial() bool { return d.partial }

// parseDocument splits a file into front matter and body. It fails with a
// *ParseError when the file must not be touched: a NUL byte, no closing
// fence, invalid YAML, duplicate keys.
func parseDocument(path string, data []byte) (document, error) {
	d := document{Path: path, raw: data}
	if data == nil {
		d.raw = []byte{}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return d, &ParseError{Path: path, Kind: ParseNotText, Reason: "the file contains a NUL byte; is it a text file?"}
	}
	text := bytes.TrimPrefix(data, []byte("\ufeff"))
	yamlText, head, body, found, err := splitFrontMatter(text)
	if err != nil {
		return d, withPath(err, path)
	}
	if !found && frontMatterUnclear(text) {
		d.unclear = true
		d.problem(Problem{Key: "file", Kind: ProblemUnclearFront},
			"the front matter cannot be found for sure (a blank line or spaces before the first ---, lines that end in a carriage return alone, or a first line that is not --- alone, such as +++): the whole file is private, and tillit only adds notes to it until it is fixed")
	}
	d.front, err = parseFrontMatter(yamlText)
	if err != nil {
		return d, withPath(err, path)
	}
	d.head, d.body = head, body
	d.crlf = usesCRLF(data)
	if !utf8.Valid(data) {
		d.problem(Problem{Key: "file", Kind: ProblemNotUTF8}, "not valid UTF-8; some characters may show wrongly")
	}
	if d.crlf {
		// The body is read with plain newlines; render writes CRLF again.
		d.Body = parseBody(strings.ReplaceAll(string(body), "\r\n", "\n"))
	} else {
		d.Body = parseBody(string(body))
	}
	return d, nil
}

// usesCRLF reports whether most lines of the file end in CRLF, as files
// written on Windows do: then tillit writes CRLF too. A file with a stray
// CRLF line among plain ones keeps plain newlines.
func usesCRLF(data []byte) bool {
	crlf := bytes.Count(data, []byte("\r\n"))
	return crlf > 0 && 2*crlf >= bytes.Count(data, []byte("\n"))
}

// render returns the file: the front matter rewritten when it changed, the
// body when it was edited, everything else as read.
func (d *document) render(frontChanged bool) ([]byte, error) {
	if d.unclear {
		// Written anew, the file would get a second front matter above the
		// one tillit could not read, and its words could turn public.
		return nil, &ParseError{Path: d.Path, Kind: ParseUnclearFront,
			Reason: "the front matter cannot be found for sure; tillit will not rewrite this file until it is fixed (tillit note still adds to it)"}
	}
	head := d.head
	if frontChanged || head == nil {
		var err error
		if head, err = d.front.encode(); err != nil {
			return nil, fmt.Errorf("%s: write front matter: %w", d.Path, err)
		}
	}
	body := d.body
	if d.Body.edited || body == nil {
		b := strings.TrimRight(d.Body.render(), "\n") + "\n"
		if d.raw == nil || len(bytes.TrimSpace(d.body)) == 0 {
			b = "\n" + strings.TrimLeft(b, "\n") // a blank line after the front matter
		}
		if strings.TrimSpace(b) == "" {
			b = ""
		}
		body = []byte(b)
	}
	out := append(slices.Clip(head), body...)
	if d.crlf {
		out = bytes.ReplaceAll(bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
	}
	if bytes.HasPrefix(d.raw, []byte("\ufeff")) && !bytes.HasPrefix(out, []byte("\ufeff")) {
		out = append([]byte("\ufeff"), out...)
	}
	return out, nil
}

// problem records a value tillit cannot use; the reason in English is
// format filled with args.
func (d *document) problem(p Problem, format string, args ...any) {
	p.Reason = fmt.Sprintf(format, args...)
	d.Problems = append(d.Problems, p)
}

// The readers below take a key's value, report what they cannot use as a
// Problem, and return the zero value for it.

func (d *document) scalar(key string) (*yaml.Node, bool) {
	n := d.front.lookup(key)
	if n == nil || n.Tag == "!!null" {
		return nil, false
	}
	if n.Kind != yaml.ScalarNode {
		d.problem(Problem{Key: key, Kind: ProblemNotSingle}, "expected a single value, found a %s", kindName(n))
		return nil, false
	}
	return n, true
}

func (d *document) number(key string, lo, hi int) int {
	return d.numberOf(d.front.lookup(key), key, lo, hi)
}

func (d *document) text(key string) string {
	n, ok := d.scalar(key)
	if !ok {
		return ""
	}
	return n.Value
}

func (d *document) date(key string) Date {
	n, ok := d.scalar(key)
	if !ok {
		return Date{}
	}
	v, err := ParseDate(n.Value)
	if err != nil {
		d.problem(Problem{Key: key, Kind: dateProblem(n.Value), Value: n.Value}, "%v", err)
	}
	return v
}

// dateProblem tells a date written the wrong way from one that has the
// right shape but is no day (2026-02-30).
func dateProblem(s string) string {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		return ProblemNoSuchDay
	}
	return ProblemNotDate
}

// words reads a list of words; Obsidian accepts "tags: a, b" as well.
func (d *document) words(key string) []string {
	n := d.front.lookup(key)
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	var out []string
	switch n.Kind {
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode && c.Value != "" {
				out = append(out, c.Value)
			}
		}
	case yaml.ScalarNode:
		out = strings.FieldsFunc(n.Value, func(r rune) bool { return r == ',' || r == ' ' })
	default:
		d.problem(Problem{Key: key, Kind: ProblemNotList}, "expected a list of words")
	}
	return out
}

// lines reads a list of texts, one per item.
func (d *document) lines(key string) []string {
	n := d.front.lookup(key)
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	switch n.Kind {
	case yaml.SequenceNode:
		var out []string
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode && strings.TrimSpace(c.Value) != "" {
				out = append(out, c.Value)
			}
		}
		return out
	case yaml.ScalarNode:
		if strings.TrimSpace(n.Value) != "" {
			return []string{n.Value}
		}
		return nil
	}
	d.problem(Problem{Key: key, Kind: ProblemNotList}, "expected a list")
	return nil
}

// The three files of the journal — a day, a week's reflection, a mentoring
// note — are read, written and copied the same way; these do it once.

// loadDoc reads the file at path; a missing file gives empty(), not yet on
// disk.
func loadDoc[T any](s *Store, path string, empty func() *T, parse func(string, []byte) (*T, error)) (*T, error) {
	data, err := s.readFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return empty(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return parse(path, data)
}

// saveDoc writes a document atomically under the journal's lock. It
// refuses when the file on disk is no longer what was read (a
// *ConflictError), so nobody's words are lost; then *doc stands for what
// is on disk.
func saveDoc[T any](s *Store, doc *T, d *document, render func() ([]byte, error), parse func(string, []byte) (*T, error)) error {
	data, err := render()
	if err != nil {
		return err
	}
	return s.withLock(d.Path, func() error {
		if err := s.checkUnchangedDoc(d); err != nil {
			return err
		}
		if err := s.write(d.Path, data); err != nil {
			return err
		}
		fresh, err := parse(d.Path, data)
		if err != nil {
			return err
		}
		*doc = *fresh
		return nil
	})
}

// cloneDoc returns a fresh copy of a document as it was read, to change
// without touching the original.
func cloneDoc[T any](d *document, empty func() *T, parse func(string, []byte) (*T, error)) *T {
	if !d.OnDisk() {
		return empty()
	}
	c, err := parse(d.Path, d.raw)
	if err != nil {
		panic(err) // it parsed before; the same bytes parse again
	}
	return c
}

package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// JrnlEntry is one entry of a jrnl journal (https://jrnl.sh): a day, a time,
// a title and a body.
type JrnlEntry struct {
	Date    Date
	Hour    int // 0–23
	Minute  int
	Title   string // up to the first ., ? or ! of the first line
	Body    string // the rest
	Text    string // the whole entry as written, without the star
	Starred bool
	Line    int // where the entry starts in the file
}

// NoteText is the entry as a tillit note: its words as written, and the tag
// #starred when jrnl marked it with a star. jrnl's @tags and #tags stay in
// the text as they are.
func (e JrnlEntry) NoteText() string {
	if e.Starred {
		return e.Text + "\n\n#starred"
	}
	return e.Text
}

// JrnlError says why a file is not a jrnl journal, and where. Kind names the
// problem for a translated message; Reason says it in English.
type JrnlError struct {
	Path   string
	Line   int
	Kind   string // one of the Jrnl* kinds
	Value  string // the date, time or field in question
	Reason string
}

// The kinds of JrnlError.
const (
	JrnlNotEntry  = "not_entry"  // text before the first [YYYY-MM-DD HH:MM] line
	JrnlNotText   = "not_text"   // binary, or not UTF-8 (an encrypted journal)
	JrnlBadDate   = "bad_date"   // an entry's date is not a day
	JrnlBadTime   = "bad_time"   // an entry's time is not a time of day
	JrnlJSON      = "json"       // not valid JSON: Value is the parser's words
	JrnlNoEntries = "no_entries" // JSON without an "entries" list
	JrnlMissing   = "missing"    // a JSON entry without date or time: Value
	JrnlWrongType = "wrong_type" // a JSON value of the wrong type: Value is its key
)

func (e *JrnlError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Reason)
}

// jrnlHeader is the line that starts an entry: [2026-01-05 09:14] Title, or
// with a 12-hour clock [2026-01-05 09:14 AM]; seconds are allowed.
var jrnlHeader = regexp.MustCompile(`^\[(\d{4}-\d{2}-\d{2}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?\](?: (.*))?$`)

// ParseJrnl reads a jrnl journal: the plain-text file jrnl keeps, or the JSON
// of jrnl --export json (told apart by a { as the first thing in the file).
// It reads all or nothing: the first line it cannot read is a *JrnlError
// naming path and the line.
func ParseJrnl(path string, data []byte) ([]JrnlEntry, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
		return nil, &JrnlError{Path: path, Line: 1, Kind: JrnlNotText,
			Reason: "not a text file (an encrypted jrnl journal must be exported first: jrnl --export json)"}
	}
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		return parseJrnlJSON(path, data)
	}
	return parseJrnlText(path, data)
}

func parseJrnlText(path string, data []byte) ([]JrnlEntry, error) {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	var (
		entries []JrnlEntry
		lines   []string // the current entry's
	)
	flush := func() {
		if len(entries) == 0 {
			return
		}
		e := &entries[len(entries)-1]
		e.Text = trimBlankLines(strings.Join(lines, "\n"))
		e.Title, e.Body = splitTitle(e.Text)
		lines = nil
	}
	for i, line := range strings.Split(text, "\n") {
		m := jrnlHeader.FindStringSubmatch(line)
		if m == nil {
			if len(entries) == 0 && strings.TrimSpace(line) != "" {
				return nil, &JrnlError{Path: path, Line: i + 1, Kind: JrnlNotEntry,
					Reason: "not the start of a jrnl entry ([YYYY-MM-DD HH:MM] Title); an encrypted jrnl journal must be exported first: jrnl --export json"}
			}
			lines = append(lines, line)
			continue
		}
		flush()
		e := JrnlEntry{Line: i + 1}
		var err error
		if e.Date, err = ParseDate(m[1]); err != nil {
			return nil, &JrnlError{Path: path, Line: i + 1, Kind: JrnlBadDate, Value: m[1], Reason: err.Error()}
		}
		clock := line[len(m[1])+2 : strings.IndexByte(line, ']')] // "09:14", "9:14 PM"
		if e.Hour, e.Minute, err = jrnlClock(m[2], m[3], m[4], m[5]); err != nil {
			return nil, &JrnlError{Path: path, Line: i + 1, Kind: JrnlBadTime, Value: clock, Reason: err.Error()}
		}
		first := m[6]
		// jrnl marks a starred entry with " *" at the end of the title line;
		// a star right after the time is read the same way.
		if t := strings.TrimRight(first, " \t"); strings.HasSuffix(t, " *") || t == "*" {
			e.Starred, first = true, strings.TrimSuffix(t, "*")
			first = strings.TrimRight(first, " \t")
		} else if rest, ok := strings.CutPrefix(first, "* "); ok {
			e.Starred, first = true, rest
		}
		entries = append(entries, e)
		lines = []string{first}
	}
	flush()
	return dropEmpty(entries), nil
}

// jrnlClock reads the time of an entry, on a 24-hour clock or with AM/PM.
func jrnlClock(hour, minute, second, ampm string) (int, int, error) {
	h, _ := strconv.Atoi(hour)
	m, _ := strconv.Atoi(minute)
	s, _ := strconv.Atoi(second)
	switch strings.ToUpper(ampm) {
	case "":
		if h > 23 {
			return 0, 0, fmt.Errorf("%s:%s is not a time of day", hour, minute)
		}
	case "AM", "PM":
		if h < 1 || h > 12 {
			return 0, 0, fmt.Errorf("%s:%s %s is not a time of day", hour, minute, ampm)
		}
		h %= 12
		if strings.ToUpper(ampm) == "PM" {
			h += 12
		}
	}
	if m > 59 || s > 59 {
		return 0, 0, fmt.Errorf("%s:%s is not a time of day", hour, minute)
	}
	return h, m, nil
}

// splitTitle cuts the title off a text as jrnl does: up to the first ., ? or
// ! that ends a sentence on the first line (with any marks and closing
// quotes after it: "Hvorfor?!"), else the whole first line.
func splitTitle(text string) (string, string) {
	first, rest, _ := strings.Cut(text, "\n")
	runes := []rune(first)
	for i := 0; i < len(runes); i++ {
		if !strings.ContainsRune(".?!", runes[i]) {
			continue
		}
		j := i + 1
		for j < len(runes) && strings.ContainsRune(".?!\"'”’»)]", runes[j]) {
			j++
		}
		if j < len(runes) && unicode.IsSpace(runes[j]) {
			body := strings.TrimSpace(string(runes[j:]))
			if strings.TrimSpace(rest) != "" {
				body += "\n" + rest
			}
			return strings.TrimSpace(string(runes[:j])), trimBlankLines(body)
		}
		i = j - 1
	}
	return strings.TrimSpace(first), trimBlankLines(rest)
}

// jrnlJSONEntry is an entry of jrnl --export json.
type jrnlJSONEntry struct {
	Date    *string `json:"date"`
	Time    *string `json:"time"`
	Title   string  `json:"title"`
	Body    string  `json:"body"`
	Starred bool    `json:"starred"`
}

var jrnlTime = regexp.MustCompile(`^(\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?$`)

func parseJrnlJSON(path string, data []byte) ([]JrnlEntry, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	// fail says where the JSON went wrong. offset is where the decoder
	// stands; a type error counts from the start of the value decoded.
	fail := func(offset int64, err error) error {
		var (
			syntax *json.SyntaxError
			typ    *json.UnmarshalTypeError
		)
		switch {
		case errors.As(err, &syntax):
			offset = syntax.Offset
		case errors.As(err, &typ):
			field := typ.Field[strings.LastIndexByte(typ.Field, '.')+1:]
			return &JrnlError{Path: path, Line: lineAt(data, offset+typ.Offset), Kind: JrnlWrongType, Value: field,
				Reason: fmt.Sprintf("%q has a value of the wrong type (%s)", field, typ.Value)}
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			offset = int64(len(data))
			err = errors.New("the JSON ends too early")
		}
		return &JrnlError{Path: path, Line: lineAt(data, offset), Kind: JrnlJSON, Value: err.Error(),
			Reason: "not valid JSON: " + err.Error()}
	}
	if _, err := dec.Token(); err != nil { // {
		return nil, fail(dec.InputOffset(), err)
	}
	var entries []JrnlEntry
	found := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fail(dec.InputOffset(), err)
		}
		if tok != "entries" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, fail(dec.InputOffset(), err)
			}
			continue
		}
		found = true
		if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
			if err == nil {
				err = errors.New(`"entries" is not a list`)
			}
			return nil, fail(dec.InputOffset(), err)
		}
		for dec.More() {
			start := nextValue(data, dec.InputOffset())
			var raw jrnlJSONEntry
			if err := dec.Decode(&raw); err != nil {
				return nil, fail(start, err)
			}
			e, err := jrnlFromJSON(path, lineAt(data, start), raw)
			if err != nil {
				return nil, err
			}
			entries = append(entries, e)
		}
		if _, err := dec.Token(); err != nil { // ]
			return nil, fail(dec.InputOffset(), err)
		}
	}
	if _, err := dec.Token(); err != nil { // }
		return nil, fail(dec.InputOffset(), err)
	}
	if !found {
		return nil, &JrnlError{Path: path, Line: 1, Kind: JrnlNoEntries,
			Reason: `JSON without an "entries" list: not an export of jrnl (jrnl --export json)`}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		if err == nil {
			err = errors.New("more after the end of the JSON")
		}
		return nil, fail(dec.InputOffset(), err)
	}
	return dropEmpty(entries), nil
}

func jrnlFromJSON(path string, line int, raw jrnlJSONEntry) (JrnlEntry, error) {
	e := JrnlEntry{Line: line, Starred: raw.Starred}
	for _, f := range []struct {
		name string
		v    *string
	}{{"date", raw.Date}, {"time", raw.Time}} {
		if f.v == nil {
			return e, &JrnlError{Path: path, Line: line, Kind: JrnlMissing, Value: f.name,
				Reason: fmt.Sprintf("an entry without %q", f.name)}
		}
	}
	var err error
	if e.Date, err = ParseDate(*raw.Date); err != nil {
		return e, &JrnlError{Path: path, Line: line, Kind: JrnlBadDate, Value: *raw.Date, Reason: err.Error()}
	}
	m := jrnlTime.FindStringSubmatch(*raw.Time)
	if m == nil {
		err = fmt.Errorf("%q is not a time of the form HH:MM", *raw.Time)
	} else {
		e.Hour, e.Minute, err = jrnlClock(m[1], m[2], m[3], m[4])
	}
	if err != nil {
		return e, &JrnlError{Path: path, Line: line, Kind: JrnlBadTime, Value: *raw.Time, Reason: err.Error()}
	}
	e.Title = strings.TrimSpace(raw.Title)
	e.Body = trimBlankLines(strings.ReplaceAll(raw.Body, "\r\n", "\n"))
	e.Text = e.Title
	if strings.TrimSpace(e.Body) != "" {
		e.Text = strings.TrimSpace(e.Title + "\n" + e.Body)
	}
	return e, nil
}

// nextValue skips the separators between two values of a JSON list.
func nextValue(data []byte, offset int64) int64 {
	for offset < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[offset]) >= 0 {
		offset++
	}
	return offset
}

// lineAt returns the line of a byte offset, counting from 1.
func lineAt(data []byte, offset int64) int {
	offset = min(max(offset, 0), int64(len(data)))
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// dropEmpty leaves out entries without a word: there is nothing to import.
func dropEmpty(entries []JrnlEntry) []JrnlEntry {
	out := entries[:0]
	for _, e := range entries {
		if strings.TrimSpace(e.Text) != "" {
			out = append(out, e)
		}
	}
	return out
}

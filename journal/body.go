package journal

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The private markers. They are HTML comments, so every markdown viewer hides
// them, and they do not depend on the language the entry was written in.
const (
	PrivateStart = "<!-- private -->"
	PrivateEnd   = "<!-- /private -->"
)

// The markers are found in any case and with any spacing inside the
// comment (<!--PRIVATE-->, <!-- / private -->, <!--- private --->): a
// reader sees no difference, so neither may an export. Failing closed,
// any other HTML comment that holds the word private, or privat as
// Norwegian and Swedish write it (<!-- privat -->, <!-- 🔒 private -->,
// <!-- private: true -->, a comment that goes on to the next line), is a
// start marker: only the end marker ends a private part.
var (
	privateEndComment = regexp.MustCompile(`(?i)^<!--[-\s\p{Zs}]*/[-\s\p{Zs}]*privat(e)?[-\s\p{Zs}]*-->$`)
	noteHeading       = regexp.MustCompile(`^\d{1,2}:\d{2}$`)
)

// privateComments returns where the comments of a line that hold the
// word private or privat begin and end; one still open at the end of the
// line ends there.
func privateComments(line string) [][2]int {
	var spans [][2]int
	for i := 0; ; {
		k := strings.Index(line[i:], "<!--")
		if k < 0 {
			return spans
		}
		from := i + k
		to := len(line)
		if e := strings.Index(line[from+4:], "-->"); e >= 0 {
			to = from + 4 + e + 3
		}
		if holdsPrivate(line[from+4 : to]) {
			spans = append(spans, [2]int{from, to})
		}
		if to >= len(line) {
			return spans
		}
		i = to
	}
}

// holdsPrivate says the text holds the word private or privat, in any
// case, as a word of its own.
func holdsPrivate(s string) bool {
	s = strings.ToLower(s)
	for i := 0; ; {
		k := strings.Index(s[i:], "privat")
		if k < 0 {
			return false
		}
		at, end := i+k, i+k+len("privat")
		if strings.HasPrefix(s[end:], "e") {
			end++
		}
		before, _ := utf8.DecodeLastRuneInString(s[:at])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (at == 0 || !unicode.IsLetter(before)) && (end == len(s) || !unicode.IsLetter(after)) {
			return true
		}
		i = at + 1
	}
}

// The kinds of marker a line can be.
const (
	noMarker     = iota
	startMarker  // a start marker alone on its line
	endMarker    // an end marker alone on its line
	inlineMarker // text and a start marker on one line
)

// markerLine says which marker a line is. A start marker that shares its
// line with text starts a private part at the start of that line: the
// text before it is private too. An end marker that shares its line with
// text ends nothing, as before: when in doubt, text stays private.
func markerLine(line string) int {
	if !strings.Contains(line, "<!--") {
		return noMarker
	}
	spans := privateComments(line)
	if len(spans) == 0 {
		return noMarker
	}
	alone := len(spans) == 1 && strings.TrimSpace(line[:spans[0][0]]) == "" && strings.TrimSpace(line[spans[0][1]:]) == ""
	for _, sp := range spans {
		if privateEndComment.MatchString(line[sp[0]:sp[1]]) {
			if alone {
				return endMarker
			}
			continue
		}
		if alone {
			return startMarker
		}
		return inlineMarker
	}
	return noMarker
}

// defuseMarkers writes every private comment of a line so that it is no
// comment, and no marker: "&lt;!-- private -->".
func defuseMarkers(line string) string {
	spans := privateComments(line)
	for k := len(spans) - 1; k >= 0; k-- {
		from := spans[k][0]
		line = line[:from] + "&lt;" + line[from+1:]
	}
	return line
}

// Body is the markdown below the front matter, cut into blocks at each `##`
// heading and at each private marker.
type Body struct {
	Blocks []Block
	// edited is set when a block was added, changed or removed, so that an
	// untouched body is written back byte for byte.
	edited bool
	// unclosed is set when the text ends inside a private part whose end
	// marker is missing.
	unclosed bool
	// openFence is the code fence the text ends inside, if one was never
	// closed.
	openFence string
}

// Block is one `##` section (Heading set) or text outside any section
// (Heading empty: the part before the first heading, or the rest of a
// section after a private part inside it).
type Block struct {
	Heading string
	Text    string
	Private bool
	raw     string // the block's lines as read; empty once edited
}

// IsNote reports whether the block is a timestamped note ("## 14:05").
func (b Block) IsNote() bool { return noteHeading.MatchString(b.Heading) }

// IsAnswer reports whether the block is a section that answers a question.
func (b Block) IsAnswer() bool { return b.Heading != "" && !b.IsNote() }

// parseBody cuts markdown into blocks. Headings inside fenced code blocks
// are text, but private markers count everywhere: a code fence someone forgot
// to close must not make a private part public. A private part that is never
// closed runs to the end: when in doubt, text stays private.
func parseBody(s string) Body {
	var (
		body    Body
		cur     *Block
		start   int // where the current block begins in s
		private bool
		fence   string
	)
	// A block's raw text is a slice of s, never built up line by line: a
	// file of 10 MB in one section must not take quadratic time.
	flush := func(end int) {
		if cur != nil {
			cur.raw = s[start:end]
			cur.Text = trimBlankLines(textOf(cur))
			body.Blocks = append(body.Blocks, *cur)
			cur = nil
		}
	}
	for at := 0; at < len(s); {
		next := len(s)
		if i := strings.IndexByte(s[at:], '\n'); i >= 0 {
			next = at + i + 1
		}
		line := s[at:next]
		bare := strings.TrimRight(line, "\r\n")
		switch marker := markerLine(bare); {
		case marker == startMarker || marker == endMarker:
			flush(at)
			private = marker == startMarker
			at = next
			continue
		case marker == inlineMarker && !private:
			// The line is kept as written, the first of a private block.
			flush(at)
			private = true
		}
		switch {
		case fence != "":
			if strings.HasPrefix(strings.TrimSpace(bare), fence) {
				fence = ""
			}
		default:
			if f := fenceOpen(bare); f != "" {
				fence = f
			} else if h, ok := sectionHeading(bare); ok {
				flush(at)
				cur, start = &Block{Heading: h, Private: private}, at
				at = next
				continue
			}
		}
		if cur == nil {
			cur, start = &Block{Private: private}, at
		}
		at = next
	}
	flush(len(s))
	body.unclosed = private
	body.openFence = fence
	return body
}

// textOf returns the lines of a block below its heading.
func textOf(b *Block) string {
	if b.Heading == "" {
		return b.raw
	}
	_, rest, _ := strings.Cut(b.raw, "\n")
	return rest
}

// render writes the body back. Untouched blocks keep their bytes; markers are
// written where privacy changes.
func (b Body) render() string {
	var (
		out     strings.Builder
		fences  fenceTracker
		private bool
	)
	for _, blk := range b.Blocks {
		if blk.raw == "" {
			// A new section after a code block someone forgot to close
			// would be inside it: close it first.
			if s := out.String(); s != "" && !strings.HasSuffix(s, "\n") {
				out.WriteString("\n")
			}
			if f := fences.open(out.String()); f != "" {
				out.WriteString(f + "\n")
				fences.fence = ""
				fences.at = out.Len()
			}
		}
		if blk.Private != private {
			// A marker is an HTML comment: it may follow text directly.
			if s := out.String(); s != "" && !strings.HasSuffix(s, "\n") {
				out.WriteString("\n")
			}
			if blk.Private {
				out.WriteString(PrivateStart + "\n")
			} else {
				out.WriteString(PrivateEnd + "\n")
			}
			private = blk.Private
		}
		if blk.raw != "" {
			out.WriteString(blk.raw)
			continue
		}
		ensureBlankLine(&out)
		if blk.Heading != "" {
			out.WriteString("## " + blk.Heading + "\n")
			if blk.Text != "" {
				out.WriteString("\n")
			}
		}
		if blk.Text != "" {
			out.WriteString(blk.Text + "\n")
		}
		if !blk.Private {
			out.WriteString("\n")
		}
	}
	if private {
		if s := out.String(); s != "" && !strings.HasSuffix(s, "\n") {
			out.WriteString("\n")
		}
		out.WriteString(PrivateEnd + "\n")
	}
	return out.String()
}

// fenceTracker follows the code fences of a text as it grows, by the rules
// of parseBody: private markers count inside a code block, headings do not.
type fenceTracker struct {
	at    int    // how far the text was read
	fence string // the fence the text is inside, if any
}

// open reads the complete lines of s not read yet and returns the fence they
// end inside, or "".
func (t *fenceTracker) open(s string) string {
	for t.at < len(s) {
		i := strings.IndexByte(s[t.at:], '\n')
		if i < 0 {
			break
		}
		line := strings.TrimRight(s[t.at:t.at+i], "\r")
		t.at += i + 1
		switch m := markerLine(line); {
		case m == startMarker || m == endMarker:
		case t.fence != "":
			if strings.HasPrefix(strings.TrimSpace(line), t.fence) {
				t.fence = ""
			}
		default:
			t.fence = fenceOpen(line)
		}
	}
	return t.fence
}

// ensureBlankLine starts a new block on a line of its own after a blank line,
// as markdown needs, unless at the start.
func ensureBlankLine(out *strings.Builder) {
	s := out.String()
	// A line kept as read may end in CRLF.
	bare := strings.TrimSuffix(strings.TrimSuffix(s, "\n"), "\r")
	switch {
	case s == "":
	case strings.HasSuffix(s, "\n") && (bare == "" || strings.HasSuffix(bare, "\n")):
	case strings.HasSuffix(s, "\n"):
		if !endsWithMarker(s) {
			out.WriteString("\n")
		}
	default:
		out.WriteString("\n\n")
	}
}

func endsWithMarker(s string) bool {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "\n"), "\r")
	i := strings.LastIndex(s, "\n")
	last := s[i+1:]
	return markerLine(last) == startMarker
}

// Answer returns the first answer section with that heading.
func (b *Body) Answer(heading string) (Block, bool) {
	for _, blk := range b.Blocks {
		if blk.IsAnswer() && blk.Heading == heading {
			return blk, true
		}
	}
	return Block{}, false
}

// Answers returns the sections that answer questions, in order.
func (b *Body) Answers() []Block {
	var out []Block
	for _, blk := range b.Blocks {
		if blk.IsAnswer() {
			out = append(out, blk)
		}
	}
	return out
}

// Notes returns the timestamped notes, in order.
func (b *Body) Notes() []Block {
	var out []Block
	for _, blk := range b.Blocks {
		if blk.IsNote() {
			out = append(out, blk)
		}
	}
	return out
}

// SetAnswer writes the answer to a question. An existing section with that
// heading is changed in place; a new one goes after the last answer, or at the
// end. An empty text removes the section.
func (b *Body) SetAnswer(heading, text string, private bool) {
	heading = oneLine(heading)
	text = trimBlankLines(safeText(text))
	last := -1
	for i, blk := range b.Blocks {
		if !blk.IsAnswer() {
			continue
		}
		last = i
		if blk.Heading != heading {
			continue
		}
		switch {
		case text == "":
			b.Blocks = append(b.Blocks[:i], b.Blocks[i+1:]...)
			b.edited = true
		case blk.Text != text || blk.Private != private:
			b.Blocks[i] = Block{Heading: heading, Text: text, Private: private}
			b.edited = true
		}
		return
	}
	if text == "" {
		return
	}
	blk := Block{Heading: heading, Text: text, Private: private}
	if last < 0 {
		last = len(b.Blocks) - 1
	} else {
		// The rest of the last answer (the text after a private part
		// inside it) stays with it.
		for last+1 < len(b.Blocks) && b.Blocks[last+1].Heading == "" {
			last++
		}
	}
	b.Blocks = append(b.Blocks[:last+1], append([]Block{blk}, b.Blocks[last+1:]...)...)
	b.edited = true
}

// PublicText returns the body with every private part left out, for exports
// and previews meant for other eyes.
func (b Body) PublicText() string {
	var kept Body
	for _, blk := range b.Blocks {
		if !blk.Private {
			kept.Blocks = append(kept.Blocks, blk)
		}
	}
	return kept.render()
}

// safeText keeps the user's text from breaking the structure of the file: a
// top-level or `##` heading inside an answer would start a new section, and a
// private marker typed by hand would change what is private.
func safeText(s string) string {
	s = cleanText(s)
	// A carriage return alone ends a line too (old Mac files); kept, it
	// would vanish from the end of a line when read back.
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(s, "\n")
	fence := ""
	for i, l := range lines {
		if markerLine(l) != noMarker {
			// Every marker on the line, not only the first: one left
			// would still start a private part.
			lines[i] = defuseMarkers(l)
			continue
		}
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(l), fence) {
				fence = ""
			}
			continue
		}
		if f := fenceOpen(l); f != "" {
			fence = f
			continue
		}
		if _, ok := sectionHeading(l); ok || isTopHeading(l) {
			lines[i] = "###" + strings.TrimLeft(strings.TrimSpace(l), "#")
		}
	}
	if fence != "" {
		// Close the code block, or it would swallow what comes after.
		lines = append(lines, fence)
	}
	return strings.Join(lines, "\n")
}

func oneLine(s string) string { return strings.Join(strings.Fields(cleanText(s)), " ") }

// cleanText drops what has no place in a text file: NUL bytes (a file with
// one would be refused as binary) and bytes that are not UTF-8.
func cleanText(s string) string {
	return strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", ""), "\uFFFD")
}

func isTopHeading(l string) bool {
	t := strings.TrimLeft(l, " ")
	return len(l)-len(t) <= 3 && (t == "#" || strings.HasPrefix(t, "# "))
}

// sectionHeading recognises a level-2 ATX heading and returns its text.
func sectionHeading(line string) (string, bool) {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || !strings.HasPrefix(t, "##") {
		return "", false
	}
	rest := t[2:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", false // "###" or "##text"
	}
	h := strings.TrimSpace(rest)
	// An optional closing sequence of #s, as CommonMark allows.
	if trimmed := strings.TrimRight(h, "#"); trimmed != h && (trimmed == "" || strings.HasSuffix(trimmed, " ")) {
		h = strings.TrimSpace(trimmed)
	}
	return h, true
}

// fenceOpen returns the fence a line opens (``` or ~~~, at least three).
func fenceOpen(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return ""
	}
	for _, c := range []string{"`", "~"} {
		n := len(t) - len(strings.TrimLeft(t, c))
		if n >= 3 {
			return strings.Repeat(c, n)
		}
	}
	return ""
}

// trimBlankLines removes blank lines at the start and end but keeps the
// indentation of the first line and the user's trailing spaces (two of them
// are a line break in markdown).
func trimBlankLines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

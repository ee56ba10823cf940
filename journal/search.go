package journal

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// Kind says which sort of file an Item is.
type Kind int

const (
	KindDay        Kind = iota // a daily entry: a check-in, or a day of notes
	KindWeek                   // a weekly reflection
	KindMentoring              // a mentoring note
	KindAway                   // the list of days away (away.md)
	KindAssessment             // a self-assessment of the tips
)

// Item is one file of the journal as the journal screen and search see it:
// what to list, and the text to look for words in.
type Item struct {
	Kind    Kind
	Date    Date // the day; for a weekly reflection, see Items
	Week    Week // the week of a reflection
	Path    string
	Tip     int    // the tip of a check-in; 0 otherwise
	Pack    string // the pack the tip counts in; empty for the built-in one
	Rating  int
	Private bool // the whole file is private
	// Commitment is the commitment of a check-in, searched like the text.
	Commitment string
	// Lines are the text of the file below the front matter, line by line,
	// blank lines left out.
	Lines []Line
	// Written is what the front matter holds that someone wrote: the
	// commitment, the notes of a follow-up or an outcome, the mentor's
	// name, the questions for the mentor, a key the user added by hand.
	// Each line says its key (Field). Search finds words in it as in the
	// text.
	Written []Line
	// Tags are the front matter's tags and every #word of the text, lower
	// case, each once.
	Tags []string
	// Labels are what else the item is known by — its date as the reader
	// writes it, the tip's title — matched loosely by Match. The caller
	// fills them: the journal knows no language and no tip titles.
	Labels []string

	// The file itself: one of these is set.
	Entry      *Entry
	Reflection *Reflection
	Mentoring  *Mentoring
	Assessment *Assessment

	// Made when first needed, and kept: an Item is matched by one
	// goroutine at a time.
	folded []string // the lines, then what the front matter holds, folded for matching
	plain  []string // the same without accents
	labels []string // Labels, folded
}

// Line is one line of an item's text.
type Line struct {
	Text    string
	Private bool
	Heading bool // a `##` heading: a question, or a note's time
	// Field is the front matter key the line is the value of; empty for a
	// line of the text.
	Field string
}

// First returns the item's first line of written text: not a heading, not a
// private line. It is what the journal list shows.
func (it *Item) First() string {
	for _, l := range it.Lines {
		if !l.Heading && !l.Private {
			return l.Text
		}
	}
	return ""
}

// Items returns every file of the journal read in full, as of today,
// newest first; on one day the mentoring note comes before the entry. A
// week's reflection is dated its Sunday and comes before the days of its
// week; while the week runs, it is dated today and comes after today's
// files: a reflection is never dated in the future, nor listed above the
// day it was written on. (Of a journal from its index, files known only by
// their summary are left out: see Find.)
func (j *Journal) Items(today Date) []*Item {
	items := make([]*Item, 0, len(j.Entries)+len(j.Reflections)+len(j.Mentorings))
	for _, e := range j.Entries {
		if e.partial {
			continue
		}
		it := &Item{Kind: KindDay, Date: e.Date, Path: e.Path, Tip: e.Tip, Pack: e.Pack, Rating: e.Rating,
			Private: e.Private, Commitment: e.Commitment, Entry: e}
		it.fill(&e.document, e.Tags)
		it.written(&e.document, nil)
		items = append(items, it)
	}
	for w, r := range j.Reflections {
		if r.partial {
			continue
		}
		day := w.Sunday()
		if w.Contains(today) {
			day = today
		}
		it := &Item{Kind: KindWeek, Date: day, Week: w, Path: r.Path, Private: r.Private, Reflection: r}
		it.fill(&r.document, nil)
		it.written(&r.document, func(key, text string) bool { return key == "mentor_questions" && r.questionPrivate(text) })
		items = append(items, it)
	}
	for _, m := range j.Mentorings {
		if m.partial {
			continue
		}
		it := &Item{Kind: KindMentoring, Date: m.Date, Path: m.Path, Private: m.Private, Mentoring: m}
		it.fill(&m.document, nil)
		answered := j.Answered(m)
		it.written(&m.document, func(key, text string) bool {
			if key != "answered" {
				return false
			}
			for _, a := range answered {
				if a.Text == text {
					return a.Private
				}
			}
			return true // not known: private
		})
		items = append(items, it)
	}
	for _, a := range j.Assessments {
		if a.partial {
			continue
		}
		it := &Item{Kind: KindAssessment, Date: a.Date, Path: a.Path, Pack: a.Pack, Private: a.Private, Assessment: a}
		it.fill(&a.document, nil)
		it.written(&a.document, nil)
		items = append(items, it)
	}
	sort.SliceStable(items, func(a, b int) bool {
		if items[a].Date != items[b].Date {
			return items[b].Date.Before(items[a].Date)
		}
		return items[a].sameDayRank() > items[b].sameDayRank()
	})
	return items
}

// sameDayRank orders the files of one day: a self-assessment, a mentoring note, a week's
// reflection (on its Sunday), the day's entry, and a reflection of the
// week still running.
func (it *Item) sameDayRank() int {
	switch {
	case it.Kind == KindAssessment:
		return 3
	case it.Kind == KindMentoring:
		return 2
	case it.Kind == KindWeek && it.Date == it.Week.Sunday():
		return 1
	case it.Kind == KindWeek:
		return -1
	}
	return 0
}

func (it *Item) fill(d *document, tags []string) {
	for _, t := range tags {
		it.addTag(t)
	}
	for _, b := range d.Body.Blocks {
		private := b.Private || it.Private
		if b.Heading != "" {
			it.Lines = append(it.Lines, Line{Text: b.Heading, Private: private, Heading: true})
		}
		fence := ""
		for _, l := range strings.Split(b.Text, "\n") {
			l = strings.TrimRight(l, " \t\r")
			if strings.TrimSpace(l) == "" {
				continue
			}
			it.Lines = append(it.Lines, Line{Text: l, Private: private})
			// A #word in code is code, not a tag.
			switch {
			case fence != "":
				if strings.HasPrefix(strings.TrimSpace(l), fence) {
					fence = ""
				}
			case fenceOpen(l) != "":
				fence = fenceOpen(l)
			default:
				for _, t := range TagsIn(l) {
					it.addTag(t)
				}
			}
		}
	}
}

// notWritten are the front matter keys that hold what tillit records, not
// what someone wrote: numbers, dates, choices, the tags (searched as tags).
var notWritten = map[string]bool{
	"date": true, "tip": true, "rating": true, "energy": true, "followup": true, "followup_of": true,
	"outcome": true, "outcome_date": true, "tags": true, "pack": true, "pack_version": true,
	"week": true, "focus_tip": true, "ratings": true, "pulse": true,
}

// written gathers the words of the front matter into it.Written: every
// string a key holds, in lists and nested keys too, but for the keys of
// notWritten and the private key. All of it is private in a private file;
// private also says which values are private of their own (a question kept
// in a private part of a reflection).
func (it *Item) written(d *document, private func(key, text string) bool) {
	if d.front.doc == nil || len(d.front.doc.Content) == 0 {
		return
	}
	m := d.front.doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key := m.Content[i].Value
		if notWritten[key] || isPrivateKey(key) {
			continue
		}
		for _, text := range scalarsOf(m.Content[i+1], 0) {
			text = strings.TrimSpace(text)
			if text == "" {
				continue
			}
			p := it.Private || private != nil && private(key, text)
			it.Written = append(it.Written, Line{Text: text, Private: p, Field: key})
		}
	}
}

// scalarsOf returns the strings a YAML value holds: itself, the items of a
// list, the values of nested keys, through aliases (not too deep: a file
// may nest aliases to blow up).
func scalarsOf(n *yaml.Node, depth int) []string {
	if n == nil || depth > 8 {
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!str" || n.Tag == "" {
			return []string{n.Value}
		}
	case yaml.AliasNode:
		return scalarsOf(n.Alias, depth+1)
	case yaml.SequenceNode:
		var out []string
		for _, c := range n.Content {
			out = append(out, scalarsOf(c, depth+1)...)
		}
		return out
	case yaml.MappingNode:
		var out []string
		for i := 1; i < len(n.Content); i += 2 {
			out = append(out, scalarsOf(n.Content[i], depth+1)...)
		}
		return out
	}
	return nil
}

func (it *Item) addTag(t string) {
	t = fold(strings.TrimPrefix(strings.TrimSpace(t), "#"))
	if t != "" && !slices.Contains(it.Tags, t) {
		it.Tags = append(it.Tags, t)
	}
}

// tagWord is a #word: after the start of the line, a space or an opening
// bracket (so neither a URL's #fragment nor "C#"), letters, digits, _ and -,
// not only digits ("#3" is a number).
var tagWord = regexp.MustCompile(`(?:^|[\s(\[{])#([\p{L}\p{N}_][\p{L}\p{N}_-]*)`)

// TagsIn returns the #words of a line of text, as written, without the #.
func TagsIn(line string) []string {
	if !strings.Contains(line, "#") {
		return nil
	}
	var tags []string
	for _, m := range tagWord.FindAllStringSubmatch(line, -1) {
		t := strings.TrimRight(m[1], "-")
		if strings.TrimFunc(t, unicode.IsDigit) == "" {
			continue
		}
		tags = append(tags, t)
	}
	return tags
}

// Query is what to look for: all the words (in any order, in any case), and
// the filters. Zero fields do not filter.
type Query struct {
	Words    []string
	Tip      int
	Tag      string
	From, To Date
}

// Empty reports whether q looks for nothing: no words (or only spaces), no
// tag, no filter. Such a query would find everything.
func (q Query) Empty() bool {
	return len(termsOf(q.Words)) == 0 && fold(strings.TrimPrefix(strings.TrimSpace(q.Tag), "#")) == "" &&
		q.Tip == 0 && q.From.IsZero() && q.To.IsZero()
}

// Words splits what someone typed into words to search for.
func Words(s string) []string { return strings.Fields(s) }

// Search returns the items that match q, newest first.
func Search(items []*Item, q Query) []*Item {
	terms := termsOf(q.Words)
	tag := fold(strings.TrimPrefix(q.Tag, "#"))
	var out []*Item
	for _, it := range items {
		if it.matches(q, terms, tag) {
			out = append(out, it)
		}
	}
	return out
}

// Match reports whether the item holds every word of what was typed: in
// its text, its commitment or its tags, or loosely in its labels and tags
// (the letters in order, as "trst" finds "trust").
func (it *Item) Match(typed string) bool {
	return it.matches(Query{}, termsOf(Words(typed)), "")
}

// term is a word looked for, folded to compare.
type term struct {
	w string
	// number is set for a word of digits ("26", "1."): it finds the whole
	// number only, so 26 November is not found in 2026.
	number bool
	// ascii is set for a word without letters beyond ASCII: it also finds
	// the text with its accents and special letters taken off, so someone
	// without a Norwegian keyboard finds "støtte" by typing "stotte".
	ascii bool
	// loose is set for a word long enough to be found with a letter or
	// two left out ("tilit" for "tillit"): see looseIn.
	loose bool
}

func termsOf(words []string) []term {
	var out []term
	for _, w := range words {
		w = fold(w)
		if n := strings.TrimSuffix(w, "."); n != "" && strings.Trim(n, "0123456789") == "" {
			out = append(out, term{w: n, number: true})
			continue
		}
		if w != "" {
			out = append(out, term{w: w, ascii: isASCII(w), loose: utf8.RuneCountInString(w) >= looseMin})
		}
	}
	return out
}

// in reports whether the term is in s.
func (t term) in(s string) bool {
	if !t.number {
		return strings.Contains(s, t.w)
	}
	return len(numberAt(s, t.w, 0)) > 0
}

// numberAt returns where the number n is in s from byte at on, as a whole
// number (no digit before or after it); nil when it is not.
func numberAt(s, n string, at int) []int {
	for at <= len(s) {
		i := strings.Index(s[at:], n)
		if i < 0 {
			return nil
		}
		i += at
		end := i + len(n)
		if (i == 0 || !isDigit(s[i-1])) && (end == len(s) || !isDigit(s[end])) {
			return []int{i, end}
		}
		at = i + 1
	}
	return nil
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (it *Item) matches(q Query, terms []term, tag string) bool {
	switch {
	case q.Tip != 0 && it.Tip != q.Tip,
		!q.From.IsZero() && it.Date.Before(q.From),
		!q.To.IsZero() && q.To.Before(it.Date),
		tag != "" && !slices.Contains(it.Tags, tag):
		return false
	}
	if len(terms) == 0 {
		return true
	}
	if it.folded == nil {
		it.folded = make([]string, 0, len(it.Lines)+len(it.Written))
		for _, l := range it.Lines {
			it.folded = append(it.folded, fold(l.Text))
		}
		for _, l := range it.Written {
			it.folded = append(it.folded, fold(l.Text))
		}
	}
	for _, t := range terms {
		if !it.holds(t) {
			return false
		}
	}
	return true
}

func (it *Item) holds(t term) bool {
	for _, l := range it.folded {
		if t.in(l) {
			return true
		}
	}
	if t.in(it.Date.String()) {
		return true
	}
	if it.labels == nil {
		it.labels = make([]string, len(it.Labels))
		for i, l := range it.Labels {
			it.labels[i] = fold(l)
		}
	}
	for _, l := range it.labels {
		if t.in(l) || !t.number && loosely(l, t.w) {
			return true
		}
	}
	if !t.number {
		for _, tag := range it.Tags {
			if loosely(tag, strings.TrimPrefix(t.w, "#")) {
				return true
			}
		}
	}
	if t.loose {
		for _, l := range it.folded {
			if looseIn(l, t.w, nil) {
				return true
			}
		}
	}
	if t.ascii {
		if it.plain == nil {
			it.plain = make([]string, len(it.folded))
			for i, l := range it.folded {
				it.plain[i] = plain(l)
			}
			for _, tag := range it.Tags {
				it.plain = append(it.plain, plain(tag))
			}
		}
		for _, l := range it.plain {
			if strings.Contains(l, t.w) || t.loose && looseIn(l, t.w, nil) {
				return true
			}
		}
	}
	return false
}

// looseMin is the shortest word found loosely in the text: shorter, a
// letter left out would find half the journal.
const looseMin = 4

// looseIn reports whether s holds a word that w finds loosely: the word
// begins with w's first letter, and w's letters are in it in order within
// its first letters, as many as w has and a few more (one for every four).
// "tilit" finds "tillit" and "tillitsbasert", not "tilgjengelighet". With
// found, it is called for each such word (its byte range in s) instead of
// stopping at the first.
func looseIn(s, w string, found func(start, end int)) bool {
	first, _ := utf8.DecodeRuneInString(w)
	n := utf8.RuneCountInString(w)
	reach := n + max(1, n/4)
	any, inWord := false, false
	for i, r := range s {
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		if letter && !inWord && r == first {
			// The word, and where its first letters (reach of them) end.
			end, cut, k := i, i, 0
			for end < len(s) {
				r2, size := utf8.DecodeRuneInString(s[end:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
					break
				}
				end += size
				if k++; k <= reach {
					cut = end
				}
			}
			if inOrder(s[i:cut], w) {
				if found == nil {
					return true
				}
				any = true
				found(i, end)
			}
		}
		inWord = letter
	}
	return any
}

// plainLetters are the letters that lose more than an accent on the way to
// ASCII.
var plainLetters = strings.NewReplacer("ø", "o", "æ", "ae", "ß", "ss", "œ", "oe", "ð", "d", "þ", "th", "ł", "l")

// plain takes accents and special letters off folded text: "støtte" is
// "stotte", "blåklokka" is "blaklokka", "café" is "cafe". It goes rune by
// rune, each looked up once (see plainRune): search runs it over every
// file that does not hold a word as typed.
func plain(s string) string {
	if isASCII(s) {
		return s
	}
	table := plainTable()
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteByte(byte(r))
		case int(r) < len(table):
			b.WriteString(table[r])
		default:
			b.WriteString(plainRune(r))
		}
	}
	return b.String()
}

// plainRune is one rune without its accents: its special letter spelt out
// (ø is o), decomposed (é is e and an accent), the accents left out.
// Only ASCII words are looked for in plain text, so a rune at a time is as
// good as the whole text at once.
func plainRune(r rune) string {
	var b strings.Builder
	for _, c := range norm.NFD.String(plainLetters.Replace(string(r))) {
		if !unicode.Is(unicode.Mn, c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// plainTable holds plainRune of the runes up to U+07FF (the Latin, Greek
// and Cyrillic letters among them), made on first use.
var plainTable = sync.OnceValue(func() []string {
	table := make([]string, 0x800)
	for r := range table {
		table[r] = plainRune(rune(r))
	}
	return table
})

// loosely reports whether w is in s, or is a word of s with letters left
// out ("tilit" for "tillit", "okt" for "oktober"): the first letter right
// and the rest in order. Looser than that, a few letters would find
// everything.
func loosely(s, w string) bool {
	if strings.Contains(s, w) {
		return true
	}
	first, _ := utf8.DecodeRuneInString(w)
	// Each word of s that begins with w's first letter, without making a
	// list of them: this runs for every item on every key typed.
	inWord := false
	for i, r := range s {
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		if letter && !inWord && r == first {
			end := i
			for end < len(s) {
				r2, n := utf8.DecodeRuneInString(s[end:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
					break
				}
				end += n
			}
			if inOrder(s[i:end], w) {
				return true
			}
		}
		inWord = letter
	}
	return false
}

// inOrder reports whether the runes of w appear in s in order.
func inOrder(s, w string) bool {
	for _, r := range w {
		i := strings.IndexRune(s, r)
		if i < 0 {
			return false
		}
		s = s[i+utf8.RuneLen(r):]
	}
	return true
}

// Matches returns the item's lines that hold at least one of the words,
// with where each word is; what the front matter holds (the commitment, a
// follow-up's note) comes after the text, a line for each value.
func (it *Item) Matches(words []string) []Match {
	terms := termsOf(words)
	var out []Match
	for _, l := range slices.Concat(it.Lines, it.Written) {
		if spans := find(l.Text, terms); spans != nil {
			out = append(out, Match{Line: l, Spans: spans, Commitment: l.Field == "commitment"})
		}
	}
	return out
}

// Match is a line that holds a word searched for. Spans are the byte ranges
// of the words in Line.Text, in order, not overlapping.
type Match struct {
	Line  Line
	Spans [][2]int
	// Commitment is set on the line that is the check-in's commitment.
	Commitment bool
}

// find returns where the terms are in s, as byte ranges of s; an empty
// list when a term is there but cannot be marked (found without its
// accents, or in text not in composed form).
func find(s string, terms []term) [][2]int {
	// Fold rune by rune, remembering where each folded byte came from, so
	// that a word found in the folded text maps back onto s.
	var (
		folded strings.Builder
		from   []int
	)
	for i, r := range s {
		n := folded.Len()
		folded.WriteRune(unicode.ToLower(r))
		for range folded.Len() - n {
			from = append(from, i)
		}
	}
	from = append(from, len(s))
	f := norm.NFC.String(folded.String())
	unmarked := func() [][2]int {
		for _, t := range terms {
			if t.in(f) || t.ascii && (strings.Contains(plain(f), t.w) || t.loose && looseIn(plain(f), t.w, nil)) {
				return [][2]int{}
			}
		}
		return nil
	}
	if len(f) != folded.Len() {
		return unmarked() // s was not in composed form
	}
	var spans [][2]int
	for _, t := range terms {
		exact := len(spans)
		if t.loose && !t.in(f) {
			// Not there as typed: the words it finds loosely are marked.
			looseIn(f, t.w, func(start, end int) { spans = append(spans, [2]int{from[start], from[end]}) })
			if len(spans) > exact {
				continue
			}
		}
		for at := 0; at < len(f); {
			var start, end int
			if t.number {
				se := numberAt(f, t.w, at)
				if se == nil {
					break
				}
				start, end = se[0], se[1]
			} else {
				i := strings.Index(f[at:], t.w)
				if i < 0 {
					break
				}
				start, end = at+i, at+i+len(t.w)
			}
			spans = append(spans, [2]int{from[start], from[end]})
			at = end
		}
	}
	if spans == nil {
		return unmarked()
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a][0] < spans[b][0] })
	merged := spans[:1]
	for _, sp := range spans[1:] {
		last := &merged[len(merged)-1]
		if sp[0] <= last[1] {
			last[1] = max(last[1], sp[1])
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// fold makes text comparable: composed (a Mac may write å as a + ring) and
// in lower case, in every alphabet.
func fold(s string) string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return strings.ToLower(s)
}

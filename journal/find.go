package journal

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Find looks for what q asks in the journal and returns the items that
// hold it, newest first, as Search finds them among every item of the
// journal read in full. A journal read from its index (Store.Summary) is
// not read in full for it: each file's bytes are looked through first —
// the words folded as search folds them, the file's labels and tags — and
// only a file that may hold every word is read and parsed. labels gives
// an item's labels (see Item.Labels) from its kind, day, week, tip and
// pack; it may be nil. A reflection of the week of today is dated today,
// as Items dates it.
func (j *Journal) Find(q Query, today Date, labels func(*Item) []string) []*Item {
	terms := termsOf(q.Words)
	tag := fold(strings.TrimPrefix(q.Tag, "#"))
	var refs []*Item // a stand-in for each file, with what is known without reading it
	for _, e := range j.Entries {
		refs = append(refs, &Item{Kind: KindDay, Date: e.Date, Path: e.Path, Tip: e.Tip, Pack: e.Pack, Entry: e})
	}
	for w, r := range j.Reflections {
		day := w.Sunday()
		if w.Contains(today) {
			day = today
		}
		refs = append(refs, &Item{Kind: KindWeek, Date: day, Week: w, Path: r.Path, Reflection: r})
	}
	for _, m := range j.Mentorings {
		refs = append(refs, &Item{Kind: KindMentoring, Date: m.Date, Path: m.Path, Mentoring: m})
	}
	for _, a := range j.Assessments {
		refs = append(refs, &Item{Kind: KindAssessment, Date: a.Date, Path: a.Path, Pack: a.Pack, Assessment: a})
	}
	may := make([]bool, len(refs))
	onEveryCore(len(refs), func(i int) { may[i] = refs[i].mayHold(q, terms, tag, labels) })
	want := map[string]bool{}
	mentoring := false
	for i, it := range refs {
		if may[i] {
			want[it.Path] = true
			mentoring = mentoring || it.Kind == KindMentoring
		}
	}
	// Whether a question a mentoring note marks answered is private is
	// told by the reflections that ask it.
	full := j.Load(func(r Ref) bool {
		switch r.Kind {
		case KindDay:
			return want[j.store.DayPath(r.Day)]
		case KindMentoring:
			return want[j.store.MentoringPath(r.Day)]
		case KindAssessment:
			return want[j.store.AssessmentPath(r.Day)]
		}
		return mentoring || want[j.store.ReflectionPath(r.Week)]
	})
	var items []*Item
	for _, it := range full.Items(today) {
		if want[it.Path] {
			if labels != nil {
				it.Labels = labels(it)
			}
			items = append(items, it)
		}
	}
	return Search(items, q)
}

// mayHold reports whether the file the item stands for may hold what q
// looks for: false only when it cannot. A file read in full may always;
// of a file known from the index, what is known (its day, tip, labels)
// and the bytes of the file are looked at.
func (it *Item) mayHold(q Query, terms []term, tag string, labels func(*Item) []string) bool {
	partial := it.Entry != nil && it.Entry.partial || it.Reflection != nil && it.Reflection.partial ||
		it.Mentoring != nil && it.Mentoring.partial || it.Assessment != nil && it.Assessment.partial
	if !partial {
		return true
	}
	// The filters that need no reading first.
	if !it.matches(Query{Tip: q.Tip, From: q.From, To: q.To}, nil, "") {
		return false
	}
	if len(terms) == 0 && tag == "" {
		return true
	}
	data, _, err := readJournalFile(it.Path)
	if err != nil {
		return true // read in full, it says why
	}
	text, ok := searchable(data)
	if !ok {
		return true
	}
	// The stand-in holds the whole file as one line, and its tags: every
	// word the item would hold is in there. Its labels are made only when
	// a word is not found in the text. Words of ASCII letters (most) are
	// looked for in the text folded and without its accents in one pass:
	// what they find there as typed, they find there too.
	if allASCII(terms) {
		plain := plainFolded(text)
		it.folded, it.plain = []string{plain}, []string{plain}
	} else {
		it.folded = []string{fold(text)}
	}
	it.Tags = tagsOf(data)
	if it.matches(q, terms, tag) {
		return true
	}
	if labels == nil || len(terms) == 0 {
		return false
	}
	it.Labels, it.labels = labels(it), nil
	return it.matches(q, terms, tag)
}

func allASCII(terms []term) bool {
	for _, t := range terms {
		if !t.ascii && !t.number {
			return false
		}
	}
	return true
}

// plainFolded is plain(fold(s)), made a rune at a time in one pass: the
// text folded and without its accents, in which a word of ASCII letters
// is found where it is found in the text folded, and where the accents
// alone kept it from being found.
func plainFolded(s string) string {
	table := plainFoldTable()
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if int(r) < len(table) {
			b.WriteString(table[r])
		} else {
			b.WriteString(plain(fold(string(r))))
		}
		i += n
	}
	return b.String()
}

// plainFoldTable holds plain(fold(r)) of the runes up to U+07FF.
var plainFoldTable = sync.OnceValue(func() []string {
	table := make([]string, 0x800)
	for r := range table {
		table[r] = plain(fold(string(rune(r))))
	}
	return table
})

// searchable is the text of a file as search may find words in it: its
// bytes, when every word the file holds is written in them as search sees
// it. A front matter with escapes (\u00e5), or a quote doubled in quotes,
// holds words its bytes do not spell; ok is false for such a file, and it
// is read in full.
func searchable(data []byte) (text string, ok bool) {
	yaml, _, _, found, err := splitFrontMatter(bytes.TrimPrefix(data, []byte("\ufeff")))
	if err != nil {
		return "", false
	}
	if found && (bytes.IndexByte(yaml, '\\') >= 0 || bytes.Contains(yaml, []byte("''"))) {
		return "", false
	}
	return string(data), true
}

// tagsOf finds what may be a tag in a file: every #word, and the words of
// the front matter's tags key. It may find more than the file has (a
// #word in code is no tag), never less.
func tagsOf(data []byte) []string {
	var tags []string
	add := func(t string) {
		if t = fold(strings.TrimPrefix(strings.TrimSpace(t), "#")); t != "" && !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	for i := 0; ; {
		k := bytes.IndexByte(data[i:], '#')
		if k < 0 {
			break
		}
		at := i + k
		i = at + 1
		if at > 0 && !strings.ContainsRune(" \t\n\f\r([{", rune(data[at-1])) {
			continue
		}
		if r, _ := utf8.DecodeRune(data[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
			continue
		}
		start := bytes.LastIndexByte(data[:at], '\n') + 1
		end := bytes.IndexByte(data[at:], '\n')
		if end < 0 {
			end = len(data) - at
		}
		for _, t := range TagsIn(string(data[start : at+end])) {
			add(t)
		}
		i = at + end
	}
	if bytes.Contains(data, []byte("tags")) {
		if doc, err := parseDocument("", data); err == nil {
			for _, t := range doc.words("tags") {
				add(t)
			}
		}
	}
	return tags
}

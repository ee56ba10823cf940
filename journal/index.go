package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// The index of a journal is a file in the user's cache folder that holds,
// for each file of the journal, what the day-to-day questions need (the
// streak, the tip due, a week's numbers) and the stamp of the file it was
// read from. It lets tillit answer them from one small file and a look at
// the folders, instead of reading years of entries.
//
// It is never the source of truth: each use checks it against the folders
// (one read of each folder, one stat of each file), reads again whatever
// changed, was added or went, and writes it anew. A missing, damaged or
// foreign index (another version, another journal) is made again, silently.
// Deleting it loses nothing.
//
// It holds no text anyone wrote: numbers, days, kinds of file and whether
// they are private, never a commitment, an answer, a note, a tag or a name.
// What needs words reads the files themselves (Journal.Full, Journal.Load).

// indexVersion changes whenever what the index holds, or how a file is
// read into it, changes: an index of another version is made again.
const indexVersion = 2

// indexMagic begins every index file.
const indexMagic = "tillit journal index\n"

// summary is what the index holds of one journal file.
type summary struct {
	name  fileName
	stamp stamp
	// settled says the stamp can be trusted next time (see stamp.settled);
	// an unsettled file is read again.
	settled bool
	// bad says the file could not be read or parsed: it is read again
	// each time, to say why (Read's problems), but not counted as changed
	// while its stamp stays.
	bad bool

	tip, rating, energy  int
	committed            bool // the entry makes a commitment
	followup, outcome    Followup
	followupOf, outcomed Date
	private              bool
	pack, packVersion    string // the pack's id and version: names of a pack, not words of the user
	focusTip             int
	focusPrivate         bool
	// questions counts a reflection's questions for the mentor, or the
	// questions a mentoring note marks answered.
	questions int
	// ratings are an assessment's ratings, a byte per tip (0–5): a string,
	// so that a summary compares with ==. pulse is its staff pulse: how
	// many answered, and each average in hundredths.
	ratings string
	pulse   [1 + PulseQuestions]int
}

// summarize reads what the index holds from a parsed file.
func summarize(n fileName, doc any) summary {
	s := summary{name: n}
	switch v := doc.(type) {
	case *Entry:
		s.tip, s.rating, s.energy = v.Tip, v.Rating, v.Energy
		s.committed = v.MadeCommitment()
		s.followup, s.followupOf = v.Followup, v.FollowupOf
		s.outcome, s.outcomed = v.Outcome, v.OutcomeDate
		s.private, s.pack, s.packVersion = v.Private, packID(v.Pack), packVersion(v.PackVersion)
	case *Reflection:
		s.focusTip, s.focusPrivate = v.FocusTip, v.FocusPrivate()
		s.private, s.pack = v.Private, packID(v.Pack)
		s.questions = len(v.MentorQuestions)
	case *Mentoring:
		s.private = v.Private
		s.questions = len(v.Answered)
	case *Assessment:
		s.private, s.pack, s.packVersion = v.Private, packID(v.Pack), packVersion(v.PackVersion)
		r := make([]byte, len(v.Ratings))
		for i, n := range v.Ratings {
			r[i] = byte(n)
		}
		s.ratings = string(r)
		s.pulse[0] = v.Pulse.Answered
		for i, avg := range v.Pulse.Averages {
			s.pulse[1+i] = int(math.Round(avg * 100))
		}
	}
	return s
}

// notAPack stands in the index for a pack key whose value is not a pack's
// id (lowercase letters, digits and dashes, as content's packs have them):
// words someone wrote there are not kept. No pack has that id, so the
// entry counts with no installed pack, as it does when read in full.
const notAPack = "?"

// packID keeps a pack's id when it has the form of one.
func packID(s string) string {
	if s == "" || len(s) <= 64 && packLike(s, false) {
		return s
	}
	return notAPack
}

// packVersion keeps a pack's version when it has the form of one: a
// digit, then digits, letters, dots, pluses and dashes.
func packVersion(s string) string {
	if s == "" || len(s) <= 32 && s[0] >= '0' && s[0] <= '9' && packLike(s, true) {
		return s
	}
	return notAPack
}

func packLike(s string, version bool) bool {
	for i := range len(s) {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-' && i > 0:
		case version && (c >= 'A' && c <= 'Z' || c == '.' || c == '+'):
		default:
			return false
		}
	}
	return true
}

// partial is the file as the index knows it, without its text: enough
// for the streak, the tip due and the numbers of a week, not for showing
// it. The file is made in the slab of its kind: a journal of years is tens
// of thousands of them, made in three allocations rather than one each.
func (s summary) partial(path string, slab *slabs) any {
	doc := document{Path: path, partial: true}
	switch s.name.kind {
	case KindWeek:
		slab.reflections = append(slab.reflections, Reflection{document: doc, focusPrivate: s.focusPrivate, ReflectionMeta: ReflectionMeta{
			Week: s.name.week, FocusTip: s.focusTip, Pack: s.pack, Private: s.private}})
		return &slab.reflections[len(slab.reflections)-1]
	case KindMentoring:
		slab.mentorings = append(slab.mentorings, Mentoring{document: doc, MentoringMeta: MentoringMeta{Date: s.name.day, Private: s.private}})
		return &slab.mentorings[len(slab.mentorings)-1]
	case KindAssessment:
		// Few: each its own.
		a := &Assessment{document: doc, AssessmentMeta: AssessmentMeta{Date: s.name.day, Pack: s.pack, PackVersion: s.packVersion, Private: s.private}}
		for _, r := range []byte(s.ratings) {
			a.Ratings = append(a.Ratings, int(r))
		}
		a.Pulse.Answered = s.pulse[0]
		for i := range a.Pulse.Averages {
			a.Pulse.Averages[i] = float64(s.pulse[1+i]) / 100
		}
		return a
	}
	slab.entries = append(slab.entries, Entry{document: doc, committed: s.committed, Meta: Meta{
		Date: s.name.day, Tip: s.tip, Rating: s.rating, Energy: s.energy,
		Followup: s.followup, FollowupOf: s.followupOf, Outcome: s.outcome, OutcomeDate: s.outcomed,
		Private: s.private, Pack: s.pack, PackVersion: s.packVersion}})
	return &slab.entries[len(slab.entries)-1]
}

// slabs hold the partial files of a journal, each kind in one array.
type slabs struct {
	entries     []Entry
	reflections []Reflection
	mentorings  []Mentoring
}

// newSlabs makes room for the files, so that no slab grows (and moves)
// while pointers into it are handed out.
func newSlabs(files []indexedFile) *slabs {
	var n [3]int
	for _, f := range files {
		switch f.sum.name.kind {
		case KindDay:
			n[0]++
		case KindWeek:
			n[1]++
		case KindMentoring:
			n[2]++
		}
	}
	return &slabs{make([]Entry, 0, n[0]), make([]Reflection, 0, n[1]), make([]Mentoring, 0, n[2])}
}

// indexedFile is a file found in the folders, with what the index knows
// of it, or why it could not be read.
type indexedFile struct {
	path string
	sum  summary
	// known says the index knew the file, old what it said; kept, that
	// it vouched for it and the file was not read.
	known, kept bool
	old         summary
	err         error
}

// Summary returns the journal as its index tells it, checked against the
// folders first: every file is there, each with what the streak, the tip
// due and a week's numbers need, and none of its text (see Journal.Full
// and Journal.Load for that). Files that cannot be read are in Problems,
// as Read puts them. The index is brought up to date on the way; without
// a cache folder (Store.Cache) the whole journal is read instead.
func (s *Store) Summary() *Journal {
	if s.Cache == "" {
		return s.Read()
	}
	now := time.Now()
	if s.Clock != nil {
		now = s.Clock()
	}
	known, loaded := s.loadIndex()
	found := walk(s.Root, true)
	var (
		files    = make([]indexedFile, 0, len(found))
		problems []error
		stale    []int // the files to read: new, changed, not to be trusted, or bad
	)
	for _, w := range found {
		switch {
		case w.err != nil:
			problems = append(problems, w.err)
			continue
		case w.link:
			problems = append(problems, linkError(w.path, w.path))
			continue
		case !w.regular:
			continue
		}
		f := indexedFile{path: w.path, sum: summary{name: w.name, stamp: w.stamp}}
		if old, ok := known[w.name]; ok {
			if w.statErr == nil && old.settled && !old.bad && old.stamp == w.stamp {
				f.sum, f.known, f.kept = old, true, true
				files = append(files, f)
				continue
			}
			f.old, f.known = old, true
		}
		stale = append(stale, len(files))
		files = append(files, f)
	}

	onEveryCore(len(stale), func(i int) { files[stale[i]].read(now) })

	changed := !loaded
	slab := newSlabs(files)
	j := &Journal{Reflections: make(map[Week]*Reflection, cap(slab.reflections)), Problems: problems, store: s, parsed: len(stale),
		Entries: make([]*Entry, 0, cap(slab.entries)), Mentorings: make([]*Mentoring, 0, cap(slab.mentorings))}
	seen := 0
	for _, f := range files {
		if f.known {
			seen++
			changed = changed || !f.kept && f.old != f.sum
		} else {
			changed = true
		}
		if f.err != nil {
			j.Problems = append(j.Problems, f.err)
			continue
		}
		switch v := f.sum.partial(f.path, slab).(type) {
		case *Entry:
			j.Entries = append(j.Entries, v)
		case *Reflection:
			j.Reflections[v.Week] = v
		case *Mentoring:
			j.Mentorings = append(j.Mentorings, v)
		case *Assessment:
			j.Assessments = append(j.Assessments, v)
		}
	}
	if changed || seen != len(known) {
		s.saveIndex(files)
	}
	j.readAway(s)
	j.sortAndIndex()
	return j
}

// read reads and parses the file, and sums it up; a file that cannot be
// read or parsed is kept as bad, with the error.
func (f *indexedFile) read(now time.Time) {
	n := f.sum.name
	data, st, err := readJournalFile(f.path)
	if err != nil {
		f.err = fmt.Errorf("read %s: %w", f.path, err)
		f.sum = summary{name: n, stamp: f.sum.stamp, bad: true}
		return
	}
	doc, err := n.parse(f.path, data)
	if err != nil {
		f.err = err
		f.sum = summary{name: n, stamp: st, bad: true}
		return
	}
	f.sum = summarize(n, doc)
	f.sum.stamp, f.sum.settled = st, st.settled(now)
}

// indexPath is where the index of the journal lives: a file named for the
// journal's folder, so that each journal has its own.
func (s *Store) indexPath() (path, root string) {
	root, err := filepath.Abs(s.Root)
	if err != nil {
		root = filepath.Clean(s.Root)
	}
	sum := sha256.Sum256([]byte(root))
	return filepath.Join(s.Cache, "index", hex.EncodeToString(sum[:16])), root
}

// loadIndex reads the index; loaded is false when there is none to trust
// (missing, damaged, of another version or another journal), and the
// summaries are then empty.
func (s *Store) loadIndex() (known map[fileName]summary, loaded bool) {
	path, root := s.indexPath()
	data, _, err := readJournalFile(path)
	if err != nil {
		return nil, false
	}
	known, err = decodeIndex(data, root)
	if err != nil {
		return nil, false
	}
	return known, true
}

// saveIndex writes the index anew with what files say: atomically (a
// reader sees the old index or the new, never half of one), readable by
// the user only, in folders tillit makes 0700. It is a cache: when it
// cannot be written, nothing is lost but time, and nothing is said.
func (s *Store) saveIndex(files []indexedFile) {
	path, root := s.indexPath()
	dir := filepath.Dir(path)
	if info, err := os.Lstat(dir); err == nil && !info.IsDir() {
		return // a link or a file where the folder belongs: not followed
	}
	if err := os.MkdirAll(dir, dirPerm); err != nil {
		return
	}
	data := encodeIndex(files, root)
	tmp, err := os.CreateTemp(dir, ".index-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
}

// The index file: the magic line, the version, the journal's folder, the
// summaries, and a checksum of all that. Numbers are varints; a day is
// one number (year, month and day packed), a week another.

var indexTable = crc32.MakeTable(crc32.Castagnoli)

func encodeIndex(files []indexedFile, root string) []byte {
	var b []byte
	b = append(b, indexMagic...)
	b = binary.AppendUvarint(b, indexVersion)
	b = appendString(b, root)
	b = binary.AppendUvarint(b, uint64(len(files)))
	for _, f := range files {
		s := f.sum
		b = binary.AppendUvarint(b, uint64(s.name.kind))
		switch s.name.kind {
		case KindWeek:
			b = binary.AppendUvarint(b, uint64(s.name.week.Year)*64+uint64(s.name.week.Number))
		default:
			b = appendDate(b, s.name.day)
		}
		b = binary.AppendVarint(b, s.stamp.size)
		b = binary.AppendVarint(b, s.stamp.mtime)
		b = binary.AppendVarint(b, s.stamp.ctime)
		b = binary.AppendUvarint(b, s.stamp.ino)
		var flags uint64
		for i, set := range []bool{s.settled, s.committed, s.private, s.focusPrivate, s.bad} {
			if set {
				flags |= 1 << i
			}
		}
		b = binary.AppendUvarint(b, flags)
		for _, v := range []int{s.tip, s.rating, s.energy, followupCode(s.followup), followupCode(s.outcome), s.focusTip, s.questions} {
			b = binary.AppendUvarint(b, uint64(v))
		}
		b = appendDate(b, s.followupOf)
		b = appendDate(b, s.outcomed)
		b = appendString(b, s.pack)
		b = appendString(b, s.packVersion)
		if s.name.kind == KindAssessment {
			b = appendString(b, s.ratings)
			for _, v := range s.pulse {
				b = binary.AppendUvarint(b, uint64(v))
			}
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, indexTable))
}

var errBadIndex = errors.New("not an index tillit can read")

func decodeIndex(data []byte, root string) (map[fileName]summary, error) {
	if len(data) < len(indexMagic)+4 || !bytes.HasPrefix(data, []byte(indexMagic)) {
		return nil, errBadIndex
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, indexTable) != sum {
		return nil, errBadIndex
	}
	r := indexReader{b: body[len(indexMagic):]}
	if r.uint() != indexVersion || r.string() != root {
		return nil, errBadIndex
	}
	n := r.uint()
	if n > uint64(len(r.b)) {
		return nil, errBadIndex
	}
	known := make(map[fileName]summary, n)
	var packs []string // the packs' names made once each: a journal has a few
	intern := func(b []byte) string {
		for _, p := range packs {
			if string(b) == p {
				return p
			}
		}
		s := string(b)
		if len(packs) < 16 {
			packs = append(packs, s)
		}
		return s
	}
	for range n {
		var s summary
		s.name.kind = Kind(r.uint())
		switch s.name.kind {
		case KindWeek:
			w := r.uint()
			s.name.week = Week{int(w / 64), int(w % 64)}
			if s.name.week.Year < 1 || s.name.week.Number < 1 || s.name.week.Number > 53 {
				return nil, errBadIndex
			}
		case KindDay, KindMentoring, KindAssessment:
			s.name.day = r.date()
		default:
			return nil, errBadIndex
		}
		s.name.real = true
		s.stamp = stamp{size: r.int(), mtime: r.int(), ctime: r.int(), ino: r.uint()}
		flags := r.uint()
		s.settled, s.committed, s.private, s.focusPrivate, s.bad = flags&1 != 0, flags&2 != 0, flags&4 != 0, flags&8 != 0, flags&16 != 0
		s.tip, s.rating, s.energy = int(r.uint()), int(r.uint()), int(r.uint())
		s.followup, s.outcome = followupFromCode(r.uint()), followupFromCode(r.uint())
		s.focusTip, s.questions = int(r.uint()), int(r.uint())
		s.followupOf, s.outcomed = r.date(), r.date()
		s.pack, s.packVersion = intern(r.bytes()), intern(r.bytes())
		if s.name.kind == KindAssessment {
			s.ratings = r.string()
			for i := range s.pulse {
				s.pulse[i] = int(r.uint())
			}
			if !validSummed(s.ratings, s.pulse) {
				return nil, errBadIndex
			}
		}
		if r.err {
			return nil, errBadIndex
		}
		known[s.name] = s
	}
	if r.err || len(r.b) != 0 {
		return nil, errBadIndex
	}
	return known, nil
}

// validSummed reports whether an assessment's numbers in the index are
// ones a file can give: ratings 0–5, averages up to 5.
func validSummed(ratings string, pulse [1 + PulseQuestions]int) bool {
	for i := range len(ratings) {
		if ratings[i] > 5 {
			return false
		}
	}
	for _, v := range pulse[1:] {
		if v > 500 {
			return false
		}
	}
	return len(ratings) <= maxTip && pulse[0] <= 9999
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendDate(b []byte, d Date) []byte {
	return binary.AppendUvarint(b, uint64(d.Year)*512+uint64(d.Month)*32+uint64(d.Day))
}

var followups = []Followup{"", FollowupDone, FollowupPartly, FollowupNot}

func followupCode(f Followup) int { return max(0, slices.Index(followups, f)) }

func followupFromCode(code uint64) Followup {
	if code < uint64(len(followups)) {
		return followups[code]
	}
	return ""
}

// indexReader reads the numbers and strings of an index; err is set, and
// everything after reads as zero, once the data runs out or makes no
// sense.
type indexReader struct {
	b   []byte
	err bool
}

func (r *indexReader) uint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err, r.b = true, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *indexReader) int() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err, r.b = true, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *indexReader) string() string { return string(r.bytes()) }

func (r *indexReader) bytes() []byte {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.err, r.b = true, nil
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *indexReader) date() Date {
	v := r.uint()
	if v == 0 {
		return Date{}
	}
	d := Date{int(v / 512), time.Month(v / 32 % 16), int(v % 32)}
	if d.Year < 1 || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > daysIn(d.Month, d.Year) {
		r.err = true
	}
	return d
}

// Ref names a file of the journal: its kind, and its day (an entry, a
// mentoring note, an assessment) or its week (a reflection).
type Ref struct {
	Kind Kind
	Day  Date
	Week Week
}

// Full returns the entry with its text: e itself when it was read in full,
// else its file read now (an error when it cannot be read any more).
func (j *Journal) Full(e *Entry) (*Entry, error) {
	if e == nil || !e.partial {
		return e, nil
	}
	return readFull(e.Path, ParseEntry)
}

// FullReflection is Full for a weekly reflection.
func (j *Journal) FullReflection(r *Reflection) (*Reflection, error) {
	if r == nil || !r.partial {
		return r, nil
	}
	return readFull(r.Path, ParseReflection)
}

func readFull[T any](path string, parse func(string, []byte) (T, error)) (T, error) {
	data, _, err := readJournalFile(path)
	if err != nil {
		var zero T
		return zero, fmt.Errorf("read %s: %w", path, err)
	}
	return parse(path, data)
}

// Load returns the journal with the files want picks read in full, on
// every core; the others stay as they were. j itself is not changed: a
// journal may be read by more than one command at once. A file that
// cannot be read now is left out and goes into Problems, as Read does.
func (j *Journal) Load(want func(Ref) bool) *Journal {
	type job struct {
		path string
		name fileName
		doc  any
		err  error
	}
	var jobs []job
	// Every view of an entry names the commitment its follow-up closes:
	// the entry that made it is read in full too.
	closes := map[Date]bool{}
	for _, o := range j.Outcomes() {
		if o.RecordedIn != nil && want(Ref{Kind: KindDay, Day: o.RecordedIn.Date}) {
			closes[o.Commitment.Date] = true
		}
	}
	for _, e := range j.Entries {
		if e.partial && (closes[e.Date] || want(Ref{Kind: KindDay, Day: e.Date})) {
			jobs = append(jobs, job{path: e.Path, name: fileName{kind: KindDay, day: e.Date, real: true}})
		}
	}
	for w, r := range j.Reflections {
		if r.partial && want(Ref{Kind: KindWeek, Week: w}) {
			jobs = append(jobs, job{path: r.Path, name: fileName{kind: KindWeek, week: w, real: true}})
		}
	}
	for _, m := range j.Mentorings {
		if m.partial && want(Ref{Kind: KindMentoring, Day: m.Date}) {
			jobs = append(jobs, job{path: m.Path, name: fileName{kind: KindMentoring, day: m.Date, real: true}})
		}
	}
	for _, a := range j.Assessments {
		if a.partial && want(Ref{Kind: KindAssessment, Day: a.Date}) {
			jobs = append(jobs, job{path: a.Path, name: fileName{kind: KindAssessment, day: a.Date, real: true}})
		}
	}
	if len(jobs) == 0 {
		return j
	}
	onEveryCore(len(jobs), func(i int) {
		jb := &jobs[i]
		data, _, err := readJournalFile(jb.path)
		if err != nil {
			jb.err = fmt.Errorf("read %s: %w", jb.path, err)
			return
		}
		jb.doc, jb.err = jb.name.parse(jb.path, data)
	})
	read := make(map[string]*job, len(jobs))
	for i := range jobs {
		read[jobs[i].path] = &jobs[i]
	}
	c := &Journal{
		Reflections:  make(map[Week]*Reflection, len(j.Reflections)),
		Away:         j.Away,
		WeekdaysOnly: j.WeekdaysOnly,
		Problems:     slices.Clip(j.Problems),
		store:        j.store,
	}
	// take says what becomes of a file: itself, read in full, or nothing.
	take := func(path string, doc any) any {
		jb, ok := read[path]
		if !ok {
			return doc
		}
		if jb.err != nil {
			c.Problems = append(c.Problems, jb.err)
			return nil
		}
		return jb.doc
	}
	c.Entries = make([]*Entry, 0, len(j.Entries))
	for _, e := range j.Entries {
		if v, ok := take(e.Path, e).(*Entry); ok {
			c.Entries = append(c.Entries, v)
		}
	}
	for w, r := range j.Reflections {
		if v, ok := take(r.Path, r).(*Reflection); ok {
			c.Reflections[w] = v
		}
	}
	for _, m := range j.Mentorings {
		if v, ok := take(m.Path, m).(*Mentoring); ok {
			c.Mentorings = append(c.Mentorings, v)
		}
	}
	for _, a := range j.Assessments {
		if v, ok := take(a.Path, a).(*Assessment); ok {
			c.Assessments = append(c.Assessments, v)
		}
	}
	c.sortAndIndex()
	return c
}

package journal

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Journal is everything read from a journal folder at one moment: the daily
// entries, the weekly reflections, the mentoring notes, the
// self-assessments and the days away. Its methods answer the
// questions of the review and the insights; they never touch the disk.
type Journal struct {
	Entries     []*Entry // oldest first
	Reflections map[Week]*Reflection
	Mentorings  []*Mentoring  // oldest first
	Assessments []*Assessment // oldest first
	Away        []Away
	// WeekdaysOnly treats every Saturday and Sunday as a day away.
	WeekdaysOnly bool
	// Problems are the files that could not be read, each error naming its
	// path (a *ParseError or a read error).
	Problems []error

	// store is where the journal was read from, for reading in full the
	// files only summed up (Summary).
	store *Store
	// parsed counts the files read to make the journal: all of them for
	// Read, those the index could not vouch for for Summary.
	parsed int

	byDate    map[Date]*Entry
	outcomes  []Outcome
	outcomeAt map[Date]int
	streaks   *runs
	// streaksMu guards streaks: the interface reads one journal from more
	// than one command at once.
	streaksMu sync.Mutex
}

// Read reads the whole journal. Files that cannot be read are listed in
// Problems and left out; nothing is ever written. The files are parsed on
// every core: a ten-year journal is 4,000 files.
func (s *Store) Read() *Journal {
	j := &Journal{Reflections: map[Week]*Reflection{}, store: s}
	files, problems := s.list()
	j.Problems = problems
	j.parsed = len(files)
	parsed := make([]any, len(files))
	errs := make([]error, len(files))
	onEveryCore(len(files), func(i int) { parsed[i], errs[i] = files[i].parse() })
	for i, f := range files {
		if errs[i] != nil {
			j.Problems = append(j.Problems, errs[i])
			continue
		}
		switch v := parsed[i].(type) {
		case *Entry:
			j.Entries = append(j.Entries, v)
		case *Reflection:
			j.Reflections[f.name.week] = v
		case *Mentoring:
			j.Mentorings = append(j.Mentorings, v)
		case *Assessment:
			j.Assessments = append(j.Assessments, v)
		}
	}
	j.readAway(s)
	j.sortAndIndex()
	return j
}

// readAway reads the days away into the journal; what cannot be read goes
// into Problems.
func (j *Journal) readAway(s *Store) {
	away, err := s.readAway()
	if err != nil {
		j.Problems = append(j.Problems, err)
		return
	}
	j.Away = away.Periods
	for _, p := range away.Problems {
		j.Problems = append(j.Problems, fmt.Errorf("%s: %s", away.Path, p))
	}
}

// sortAndIndex puts the entries, the mentoring notes and the assessments
// in the order of their days, and builds the lookups.
func (j *Journal) sortAndIndex() {
	byDate := func(a, b Date) int { return a.Compare(b) }
	if !slices.IsSortedFunc(j.Entries, func(a, b *Entry) int { return byDate(a.Date, b.Date) }) {
		slices.SortStableFunc(j.Entries, func(a, b *Entry) int { return byDate(a.Date, b.Date) })
	}
	slices.SortStableFunc(j.Mentorings, func(a, b *Mentoring) int { return byDate(a.Date, b.Date) })
	slices.SortStableFunc(j.Assessments, func(a, b *Assessment) int { return byDate(a.Date, b.Date) })
	j.index()
}

// onEveryCore runs do(0) … do(n-1) spread over the machine's cores, and
// returns when all are done. do(i) must touch only what is i's. Each
// worker takes the next i from a counter: no channel, no wake-up for each
// of thousands of small jobs.
func onEveryCore(n int, do func(i int)) {
	workers := min(n, max(1, runtime.GOMAXPROCS(0)))
	if workers <= 1 {
		for i := range n {
			do(i)
		}
		return
	}
	var (
		wg   sync.WaitGroup
		next atomic.Int64
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(i)
			}
		}()
	}
	wg.Wait()
}

// journalFile is a file of the journal waiting to be parsed.
type journalFile struct {
	path string
	name fileName
}

func (f journalFile) parse() (any, error) {
	data, _, err := readJournalFile(f.path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", f.path, err)
	}
	return f.name.parse(f.path, data)
}

// list finds the journal's files: entries, mentoring notes and
// assessments in the month folders, reflections in the year folders. Anything else is left alone
// (tillit doctor tells about strays).
func (s *Store) list() ([]journalFile, []error) {
	var (
		files    []journalFile
		problems []error
	)
	for _, f := range walk(s.Root, false) {
		switch {
		case f.err != nil:
			problems = append(problems, f.err)
		case f.link:
			problems = append(problems, linkError(f.path, f.path))
		case f.regular:
			files = append(files, journalFile{f.path, f.name})
		}
	}
	return files, problems
}

// index builds the lookups the questions below need.
func (j *Journal) index() {
	j.byDate = make(map[Date]*Entry, len(j.Entries))
	for _, e := range j.Entries {
		j.byDate[e.Date] = e
	}
	j.outcomes = Outcomes(j.Entries)
	j.outcomeAt = make(map[Date]int, len(j.outcomes))
	for i, o := range j.outcomes {
		j.outcomeAt[o.Commitment.Date] = i
	}
}

// Entries reads every daily entry, oldest first, with the files that could
// not be read.
func (s *Store) Entries() ([]*Entry, []error) {
	j := s.Read()
	return j.Entries, j.Problems
}

// Entry returns the entry of day d, or nil.
func (j *Journal) Entry(d Date) *Entry { return j.byDate[d] }

// CheckedIn reports whether day d has a check-in.
func (j *Journal) CheckedIn(d Date) bool {
	e := j.byDate[d]
	return e != nil && e.IsCheckIn()
}

// AwayOn reports whether d is a day away, and why.
func (j *Journal) AwayOn(d Date) (bool, string) {
	for _, a := range j.Away {
		if a.Covers(d) {
			return true, a.Reason
		}
	}
	if j.WeekdaysOnly && (d.Weekday() == 0 || d.Weekday() == 6) {
		return true, ""
	}
	return false, ""
}

// Begins returns the day of the first entry, and false for an empty
// journal: days before it were not missed, they came before tillit.
func (j *Journal) Begins() (Date, bool) {
	if len(j.Entries) == 0 {
		return Date{}, false
	}
	return j.Entries[0].Date, true
}

// runs holds, for each day from the first entry to the last, the run of
// check-in days ending on it and the longest run up to it. Days away
// without a check-in are stepped over; any other day without one ends a
// run. It is worked out once, on first use (WeekdaysOnly changes it).
type runs struct {
	weekdaysOnly bool
	first        Date
	run, best    []int
}

func (j *Journal) runs() *runs {
	j.streaksMu.Lock()
	defer j.streaksMu.Unlock()
	if j.streaks == nil || j.streaks.weekdaysOnly != j.WeekdaysOnly {
		j.streaks = j.countRuns()
	}
	return j.streaks
}

func (j *Journal) countRuns() *runs {
	r := &runs{weekdaysOnly: j.WeekdaysOnly}
	first, ok := j.Begins()
	if !ok {
		return r
	}
	r.first = first
	n := first.DaysUntil(j.Entries[len(j.Entries)-1].Date) + 1
	r.run, r.best = make([]int, n), make([]int, n)
	run, best := 0, 0
	t := first.Time()
	for i := range n {
		d := DateOf(t.AddDate(0, 0, i))
		switch away, _ := j.AwayOn(d); {
		case j.CheckedIn(d):
			run++
			best = max(best, run)
		case away:
		default:
			run = 0
		}
		r.run[i], r.best[i] = run, best
	}
	return r
}

// runEndingOn counts the check-in days of the run that ends on d.
func (j *Journal) runEndingOn(d Date) int {
	r := j.runs()
	if len(r.run) == 0 || d.Before(r.first) {
		return 0
	}
	i := r.first.DaysUntil(d)
	last := len(r.run) - 1
	// After the last entry only days away keep the run going.
	for ; i > last; i-- {
		if away, _ := j.AwayOn(r.first.AddDays(i)); !away {
			return 0
		}
	}
	return r.run[i]
}

// CurrentStreak is the run of check-in days that ends on day, or on the day
// before while day has no check-in yet (the day is not over). A day away
// without a check-in neither breaks nor extends it; a check-in counts
// whatever the day.
func (j *Journal) CurrentStreak(day Date) int {
	if away, _ := j.AwayOn(day); j.CheckedIn(day) || away {
		return j.runEndingOn(day)
	}
	return j.runEndingOn(day.AddDays(-1))
}

// LongestStreak is the longest run of check-in days up to and including day.
func (j *Journal) LongestStreak(day Date) int {
	r := j.runs()
	if len(r.best) == 0 || day.Before(r.first) {
		return 0
	}
	return r.best[min(r.first.DaysUntil(day), len(r.best)-1)]
}

// OutcomeOf returns how the commitment made on day went, or nil when that
// day made none.
func (j *Journal) OutcomeOf(day Date) *Outcome {
	i, ok := j.outcomeAt[day]
	if !ok {
		return nil
	}
	return &j.outcomes[i]
}

// FollowedUpIn returns the commitment whose follow-up e records, with how
// it went; nil when e follows none up.
func (j *Journal) FollowedUpIn(e *Entry) *Outcome { return FollowedUpIn(j.outcomes, e) }

// FollowedUpIn finds, among outcomes, the commitment whose follow-up e
// records.
func FollowedUpIn(outcomes []Outcome, e *Entry) *Outcome {
	if e == nil || e.Followup == "" {
		return nil
	}
	for i, o := range outcomes {
		if o.RecordedIn == e && o.Commitment != e {
			return &outcomes[i]
		}
	}
	return nil
}

// Outcomes returns every commitment with how it went, oldest first.
func (j *Journal) Outcomes() []Outcome { return j.outcomes }

// CommitmentCounts are how many of a week's commitments went which way.
type CommitmentCounts struct{ Done, Partly, Not, Open int }

// OpenCommitments returns the commitments still waiting for a follow-up,
// oldest first.
func (j *Journal) OpenCommitments() []Outcome {
	var open []Outcome
	for _, o := range j.outcomes {
		if o.Open() {
			open = append(open, o)
		}
	}
	return open
}

// DaySummary is one day of a week's strip.
type DaySummary struct {
	Date       Date
	Entry      *Entry // the day's entry, nil when none
	CheckIn    bool
	Away       bool
	AwayReason string
}

// WeekStats are the numbers of one ISO week, as the review shows them and
// tillit review --json writes them.
type WeekStats struct {
	Week          Week
	Days          [7]DaySummary
	CheckIns      int
	CurrentStreak int
	LongestStreak int
	AverageRating *float64 // nil when no check-in of the week has a rating
	Tips          []int    // the tips reflected on, each once, in order
	Commitments   CommitmentCounts
	Reflection    *Reflection  // the week's reflection, nil when none
	Mentorings    []*Mentoring // mentoring notes of the week
}

// Week gathers the numbers of week w. today decides the streak of the
// current week (a week still running is counted up to today).
func (j *Journal) Week(w Week, today Date) WeekStats {
	st := WeekStats{Week: w, Reflection: j.Reflections[w]}
	for _, m := range j.Mentorings {
		if w.Contains(m.Date) {
			st.Mentorings = append(st.Mentorings, m)
		}
	}
	ratings, sum := 0, 0
	for i, d := range w.Days() {
		away, why := j.AwayOn(d)
		e := j.byDate[d]
		ds := DaySummary{Date: d, Entry: e, Away: away, AwayReason: why}
		if e != nil && e.IsCheckIn() {
			ds.CheckIn = true
			st.CheckIns++
			if !slices.Contains(st.Tips, e.Tip) {
				st.Tips = append(st.Tips, e.Tip)
			}
			if e.Rating > 0 {
				ratings++
				sum += e.Rating
			}
		}
		st.Days[i] = ds
	}
	slices.Sort(st.Tips)
	if ratings > 0 {
		avg := float64(sum) / float64(ratings)
		st.AverageRating = &avg
	}
	end := w.Sunday()
	if w.Contains(today) {
		end = today
	}
	if !end.After(today) {
		st.CurrentStreak = j.CurrentStreak(end)
		st.LongestStreak = j.LongestStreak(end)
	} else {
		// A week still to come: the numbers as of today.
		st.LongestStreak = j.LongestStreak(today)
	}
	for _, o := range j.outcomes {
		if !w.Contains(o.Commitment.Date) {
			continue
		}
		switch o.Result {
		case FollowupDone:
			st.Commitments.Done++
		case FollowupPartly:
			st.Commitments.Partly++
		case FollowupNot:
			st.Commitments.Not++
		default:
			st.Commitments.Open++
		}
	}
	return st
}

// WeekJSON is a week's numbers as tillit review --json writes them (see the
// README for what each means).
type WeekJSON struct {
	Week     string `json:"week"`
	From     string `json:"from"`
	To       string `json:"to"`
	CheckIns int    `json:"checkins"`
	Streak   struct {
		Current int `json:"current"`
		Longest int `json:"longest"`
	} `json:"streak"`
	AverageRating *float64 `json:"average_rating"`
	Tips          []int    `json:"tips"`
	Commitments   struct {
		Done   int `json:"done"`
		Partly int `json:"partly"`
		Not    int `json:"not"`
		Open   int `json:"open"`
	} `json:"commitments"`
	WeeklyReflection bool `json:"weekly_reflection"`
}

// JSON returns the week's numbers in their JSON shape; the average is
// rounded to two decimals.
func (st WeekStats) JSON() WeekJSON {
	out := WeekJSON{
		Week:             st.Week.String(),
		From:             st.Week.Monday().String(),
		To:               st.Week.Sunday().String(),
		CheckIns:         st.CheckIns,
		Tips:             append([]int{}, st.Tips...),
		WeeklyReflection: st.Reflection != nil,
	}
	out.Streak.Current, out.Streak.Longest = st.CurrentStreak, st.LongestStreak
	if st.AverageRating != nil {
		avg := math.Round(*st.AverageRating*100) / 100
		out.AverageRating = &avg
	}
	c := st.Commitments
	out.Commitments.Done, out.Commitments.Partly, out.Commitments.Not, out.Commitments.Open = c.Done, c.Partly, c.Not, c.Open
	return out
}

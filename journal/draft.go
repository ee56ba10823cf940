package journal

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// Draft is a check-in being written: saved while the manager types so that
// nothing is lost to ctrl+c, a closed terminal or a crash.
type Draft struct {
	Day Date `json:"day"`
	// Week is set for the draft of a weekly reflection (then Tip is its
	// focus tip); Kind is "mentoring" for a mentoring note's, "assessment"
	// for an assessment's.
	Week string `json:"week,omitempty"`
	Kind string `json:"kind,omitempty"`
	Tip  int    `json:"tip"`
	Step int    `json:"step"`
	// Field is the field of the step the user was in: resuming puts the
	// cursor back there.
	Field        int           `json:"field,omitempty"`
	Answers      []DraftAnswer `json:"answers"`
	Rating       int           `json:"rating,omitempty"`
	Energy       int           `json:"energy,omitempty"`
	Commitment   string        `json:"commitment,omitempty"`
	Followup     Followup      `json:"followup,omitempty"`
	FollowupNote string        `json:"followup_note,omitempty"`
	FollowupOf   *Date         `json:"followup_of,omitempty"`
	// Ratings are an assessment's ratings, tip 1 first; Pulse what its
	// staff pulse fields hold, as typed (how many answered, then the
	// averages).
	Ratings []int     `json:"ratings,omitempty"`
	Pulse   []string  `json:"pulse,omitempty"`
	Private bool      `json:"private,omitempty"`
	Updated time.Time `json:"updated"`
	// ID names the screen that writes the draft (see NewDraftID); it comes
	// from the file's name. Empty for the one draft of earlier tillits.
	ID string `json:"-"`
}

// DraftAnswer is one question and what has been written so far.
type DraftAnswer struct {
	Question string `json:"question"`
	Text     string `json:"text"`
	Private  bool   `json:"private,omitempty"`
	// Base is what the field held when the draft began: a field the user
	// did not change takes what the file holds now when the draft is
	// resumed, so nobody else's words are written over.
	Base string `json:"base,omitempty"`
}

// HasText reports whether the draft holds anything the manager wrote.
func (d *Draft) HasText() bool {
	for _, a := range d.Answers {
		if a.Text != "" {
			return true
		}
	}
	// A reflection's focus tip or a private mark, alone, was set by hand
	// too.
	if d.Week != "" && d.Tip > 0 {
		return true
	}
	for _, a := range d.Answers {
		if a.Private {
			return true
		}
	}
	// So is an assessment's rating, or a number of its pulse.
	if slices.ContainsFunc(d.Ratings, func(r int) bool { return r > 0 }) ||
		slices.ContainsFunc(d.Pulse, func(s string) bool { return strings.TrimSpace(s) != "" }) {
		return true
	}
	return d.Commitment != "" || d.FollowupNote != ""
}

// A draft is kept per open screen: two windows writing the check-in of the
// same day keep two drafts, and saving one removes only its own. The file
// is named for what it is a draft of and for the screen,
// checkin-2026-11-27-<id>.json (week-2026-W48-<id>, mentoring-2026-11-27-<id>,
// assessment-2026-11-27-<id>);
// earlier tillits wrote one per day, checkin-2026-11-27.json, which is still
// read, and written for a draft without an ID.
//
// While a screen is open it holds a lock on its draft's lock file (the same
// name, .lock), so another window does not offer a draft still being
// typed; a window that was killed holds nothing, and its draft is offered.

// NewDraftID returns an ID for the draft of a screen opening now: the time,
// the process and a random part make it unique among windows.
func NewDraftID() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return time.Now().UTC().Format("20060102T150405") + "-" + strconv.Itoa(os.Getpid()) + "-" + hex.EncodeToString(b[:])
}

var draftID = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z-]*$`)

// DraftPath returns where the draft of a day's check-in without an ID is
// kept, as earlier tillits kept the only one.
func (s *Store) DraftPath(day Date) string { return s.DraftPathOf(&Draft{Day: day}) }

// DraftPathOf returns where the draft d belongs: a week's reflection, a
// mentoring note, or a day's check-in, and the screen that writes it.
func (s *Store) DraftPathOf(d *Draft) string {
	name := draftPrefix(d)
	if d.ID != "" {
		id := d.ID
		if !draftID.MatchString(id) {
			// Never a path out of the folder, whatever the ID says.
			id = strings.Map(func(r rune) rune {
				if r < 128 && draftID.MatchString(string(r)) {
					return r
				}
				return -1
			}, id)
		}
		name += "-" + id
	}
	return filepath.Join(s.draftDir(), name+".json")
}

// draftPrefix names what a draft is of: checkin-<day>, week-<week>,
// mentoring-<day> or assessment-<day>.
func draftPrefix(d *Draft) string {
	switch {
	case d.Week != "":
		return "week-" + d.Week
	case d.Kind == "mentoring", d.Kind == "assessment":
		return d.Kind + "-" + d.Day.String()
	}
	return "checkin-" + d.Day.String()
}

func (s *Store) draftDir() string { return filepath.Join(s.AppDir(), "drafts") }

// lockPathOf is the lock file a screen holds while its draft is open.
func lockPathOf(path string) string { return strings.TrimSuffix(path, ".json") + ".lock" }

// draftIDOf reads a draft file's name: the ID after prefix, "" for the one
// name of earlier tillits; ok is false for a name of something else.
func draftIDOf(name, prefix string) (id string, ok bool) {
	rest, found := strings.CutPrefix(name, prefix)
	if !found {
		return "", false
	}
	rest, found = strings.CutSuffix(rest, ".json")
	switch {
	case !found:
		return "", false
	case rest == "":
		return "", true
	}
	id, found = strings.CutPrefix(rest, "-")
	return id, found && draftID.MatchString(id)
}

// SaveDraft writes the draft atomically, readable only by the user, and
// marks it open in this process until ReleaseDraft, RemoveDraft or
// TrashDraft (or the end of the process).
func (s *Store) SaveDraft(d *Draft) error {
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	path := s.DraftPathOf(d)
	took, err := s.holdDraft(path)
	if err != nil {
		return err
	}
	if err := s.write(path, data); err != nil {
		if took {
			s.release(path) // no draft, no lock file left behind
		}
		return err
	}
	return nil
}

// ErrDraftOpen says a draft is open in another window.
var ErrDraftOpen = errors.New("the draft is open in another window")

// holdDraft takes the lock of the draft at path, unless this process holds
// it already. Failing to take it for a draft another window holds is
// ErrDraftOpen; a lock that cannot be taken for another reason (a file
// system without locks) does not stop the draft from being written.
//
// took says the lock was taken now.
func (s *Store) holdDraft(path string) (took bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held[path] != nil {
		return false, nil
	}
	lockPath := lockPathOf(path)
	if err := s.checkNoLinks(lockPath); err != nil {
		return false, err
	}
	if err := faultBefore(path); err != nil {
		return false, writeError(path, err)
	}
	if err := s.mkdirs(filepath.Dir(lockPath)); err != nil {
		return false, writeError(path, err)
	}
	lock := flock.New(lockPath, flock.SetFlag(os.O_CREATE|os.O_RDWR|noFollow), flock.SetPermissions(filePerm))
	ok, err := lock.TryLock()
	switch {
	case err != nil:
		return false, nil
	case !ok:
		return false, fmt.Errorf("%s: %w", path, ErrDraftOpen)
	}
	tightenLock(lock)
	if s.held == nil {
		s.held = map[string]*flock.Flock{}
	}
	s.held[path] = lock
	return true, nil
}

// ReleaseDraft says the screen that wrote d is closed: another window may
// offer the draft now.
func (s *Store) ReleaseDraft(d *Draft) { s.release(s.DraftPathOf(d)) }

func (s *Store) release(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	lock := s.held[path]
	if lock == nil {
		return
	}
	delete(s.held, path)
	// Gone before it is let go: whoever waits for it next finds it free.
	_ = s.removeNoFollow(lockPathOf(path))
	_ = lock.Unlock()
}

// openElsewhere reports whether another screen (another window, or one of
// this process still open) holds the lock of the draft at path.
func (s *Store) openElsewhere(path string) bool {
	s.mu.Lock()
	held := s.held[path] != nil
	s.mu.Unlock()
	if held {
		return true
	}
	lockPath := lockPathOf(path)
	if s.checkNoLinks(lockPath) != nil {
		return false
	}
	// Opened without O_CREATE: a look leaves no lock file behind.
	lock := flock.New(lockPath, flock.SetFlag(os.O_RDONLY|noFollow))
	ok, err := lock.TryLock()
	if err != nil {
		return false // no lock file: nobody has it open
	}
	if ok {
		_ = lock.Unlock()
	}
	return !ok
}

// DraftsFor returns the drafts of what like names (a day's check-in, a
// week's reflection when Week is set, a day's mentoring note or
// assessment when Kind is "mentoring" or "assessment"), newest first: every screen's that was left unfinished,
// the one of earlier tillits too, but none another window still has open.
// A draft that cannot be read is set aside (to <name>.bad), so it is not
// lost and no longer in the way; aside lists where those went.
func (s *Store) DraftsFor(like *Draft) (drafts []*Draft, aside []string, err error) {
	return s.draftsFor(like, true)
}

func (s *Store) draftsFor(like *Draft, skipOpen bool) (drafts []*Draft, aside []string, err error) {
	dir := s.draftDir()
	if err := s.checkNoLinks(dir); err != nil {
		return nil, nil, err
	}
	files, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", dir, err)
	}
	prefix := draftPrefix(like)
	for _, f := range files {
		id, ok := draftIDOf(f.Name(), prefix)
		if !ok || !f.Type().IsRegular() {
			continue
		}
		path := filepath.Join(dir, f.Name())
		if skipOpen && s.openElsewhere(path) {
			continue
		}
		d, err := s.loadDraft(path)
		var le *LinkError
		switch {
		case errors.As(err, &le):
			return nil, nil, err
		case err != nil:
			to := path + ".bad"
			if err := s.renameNoFollow(path, to); err != nil {
				return nil, nil, fmt.Errorf("move %s aside: %w", path, err)
			}
			aside = append(aside, to)
			continue
		case d == nil:
			continue
		}
		// What it is a draft of is what its name says.
		d.ID, d.Week, d.Kind = id, like.Week, like.Kind
		if like.Week == "" {
			d.Day = like.Day
		}
		drafts = append(drafts, d)
	}
	slices.SortStableFunc(drafts, func(a, b *Draft) int { return b.Updated.Compare(a.Updated) })
	return drafts, aside, nil
}

// LoadDraft returns the newest draft of a day's check-in, open elsewhere or
// not, or nil when there is none.
func (s *Store) LoadDraft(day Date) (*Draft, error) {
	drafts, _, err := s.draftsFor(&Draft{Day: day}, false)
	if err != nil || len(drafts) == 0 {
		return nil, err
	}
	return drafts[0], nil
}

func (s *Store) loadDraft(path string) (*Draft, error) {
	data, err := s.readNoFollow(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var le *LinkError
	if errors.As(err, &le) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var d Draft
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("%s: not a draft tillit can read: %w", path, err)
	}
	return &d, nil
}

// RemoveDraft removes a draft once what it held is saved, and lets go of
// it.
func (s *Store) RemoveDraft(d *Draft) error {
	path := s.DraftPathOf(d)
	err := s.removeNoFollow(path)
	if err == nil {
		s.forget(path)
	}
	return err
}

// forget lets go of the draft at path and removes its lock file, held here
// or left by a window that was killed.
func (s *Store) forget(path string) {
	s.mu.Lock()
	held := s.held[path] != nil
	s.mu.Unlock()
	if held {
		s.release(path)
		return
	}
	_ = s.removeNoFollow(lockPathOf(path))
}

// TrashDraft moves a draft to <root>/.tillit/trash, where it can still be
// found by hand if discarding it was a mistake.
func (s *Store) TrashDraft(d *Draft, now time.Time) error {
	from := s.DraftPathOf(d)
	dir := filepath.Join(s.AppDir(), "trash")
	if err := s.mkdirs(dir); err != nil {
		return err
	}
	to := filepath.Join(dir, strings.TrimSuffix(filepath.Base(from), ".json")+"-"+now.Format("20060102-150405")+".json")
	if err := s.renameNoFollow(from, to); err != nil {
		var le *LinkError
		if errors.As(err, &le) {
			return err
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("move %s to %s: %w", from, to, err)
		}
	}
	s.forget(from)
	return nil
}

// AddsTo reports whether the draft holds anything the entry does not: a
// draft that a save already put in the entry is not worth offering.
func (d *Draft) AddsTo(e *Entry) bool {
	if e.Tip != d.Tip || e.Rating != d.Rating || e.Energy != d.Energy || e.Private != d.Private ||
		oneLine(d.Commitment) != oneLine(e.Commitment) || d.Followup != e.Followup || oneLine(d.FollowupNote) != oneLine(e.FollowupNote) {
		return true
	}
	for _, a := range d.Answers {
		got, ok := e.Body.Answer(oneLine(a.Question))
		want := trimBlankLines(safeText(a.Text))
		if want == "" && !ok {
			continue
		}
		if !ok || got.Text != want || got.Private != a.Private {
			return true
		}
	}
	return false
}

// WriteScratch puts text in a private file under <root>/.tillit/edit for an
// external editor to open, and returns its path.
func (s *Store) WriteScratch(name, text string) (string, error) {
	path := filepath.Join(s.AppDir(), "edit", name)
	// A text file's last line ends in a newline, as editors expect: some
	// warn without one, some add it (and the text read back has it).
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	if err := s.write(path, []byte(text)); err != nil {
		return "", err
	}
	return path, nil
}

// ReadScratch reads back a scratch file and removes it.
func (s *Store) ReadScratch(path string) (string, error) {
	data, err := s.readNoFollow(path)
	if err != nil {
		var le *LinkError
		if errors.As(err, &le) {
			return "", err
		}
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	_ = s.removeNoFollow(path)
	return string(data), nil
}

// Drafts lists the days that have an unfinished check-in no other window
// has open, each day once.
func (s *Store) Drafts() ([]Date, error) {
	dir := s.draftDir()
	if err := s.checkNoLinks(dir); err != nil {
		return nil, err
	}
	files, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	var days []Date
	for _, f := range files {
		name, ok := strings.CutPrefix(f.Name(), "checkin-")
		if !ok || len(name) < len("2006-01-02") {
			continue
		}
		d, err := ParseDate(name[:len("2006-01-02")])
		if err != nil || slices.Contains(days, d) {
			continue
		}
		if _, ok := draftIDOf(f.Name(), "checkin-"+d.String()); !ok || !f.Type().IsRegular() {
			continue
		}
		if !s.openElsewhere(filepath.Join(dir, f.Name())) {
			days = append(days, d)
		}
	}
	return days, nil
}

// Markdown returns what the manager wrote in the draft, as markdown: for
// showing it when it can be kept nowhere else (a full disk).
func (d *Draft) Markdown() string {
	var b strings.Builder
	section := func(heading, text string) {
		if text = trimBlankLines(text); text == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		if heading != "" {
			b.WriteString("## " + heading + "\n\n")
		}
		b.WriteString(text + "\n")
	}
	if d.FollowupNote != "" {
		section("", "followup_note: "+d.FollowupNote)
	}
	var ratings []string
	for i, r := range d.Ratings {
		if r > 0 {
			ratings = append(ratings, fmt.Sprintf("%d: %d", i+1, r))
		}
	}
	if len(ratings) > 0 {
		section("", "ratings: "+strings.Join(ratings, ", "))
	}
	if slices.ContainsFunc(d.Pulse, func(s string) bool { return strings.TrimSpace(s) != "" }) {
		section("", "pulse: "+strings.Join(d.Pulse, " · "))
	}
	for _, a := range d.Answers {
		section(a.Question, a.Text)
	}
	if d.Commitment != "" {
		section("", "commitment: "+d.Commitment)
	}
	return b.String()
}

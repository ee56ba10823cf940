package gitsync

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"tillit/journal"
)

// change is one path git sees changed in the journal folder.
type change struct {
	path    string // as git names it, with /
	deleted bool
	added   bool // not in the last commit
}

// changes lists what is not committed: changed, new and removed files
// (.tillit is left out by the .gitignore that sync init writes).
func (r *Repo) changes() ([]change, error) {
	out, err := r.git(nil, nil, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--ignore-submodules")
	if err != nil {
		return nil, err
	}
	var list []change
	for _, rec := range strings.Split(string(out), "\x00") {
		if len(rec) < 4 {
			continue
		}
		xy, path := rec[:2], rec[3:]
		list = append(list, change{
			path:    path,
			deleted: strings.Contains(xy, "D"),
			added:   xy == "??" || xy[0] == 'A',
		})
	}
	slices.SortFunc(list, func(a, b change) int { return strings.Compare(a.path, b.path) })
	return list, nil
}

// commitAll commits what is new: each journal file (a day, a week's
// reflection, a mentoring note, the days away) in a commit of its own with
// a message that says what it is, the other files together; in a
// repository without a commit yet, all of it in one. It returns the
// messages.
func (r *Repo) commitAll() ([]string, error) {
	list, err := r.changes()
	if err != nil || len(list) == 0 {
		return nil, err
	}
	if err := r.checkIdentity(); err != nil {
		return nil, err
	}
	if _, err := r.git(nil, nil, "add", "--all"); err != nil {
		return nil, err
	}
	if len(list) > 1 && !r.refExists("HEAD") {
		// The first commit of a journal that was kept without git: what
		// was there goes in at once. A commit a day would take minutes
		// for years of journal, and tell nothing new.
		msg := fmt.Sprintf("the journal as it was on this machine: %d files", len(list))
		if _, err := r.git(nil, nil, "commit", "--quiet", "-m", msg); err != nil {
			return nil, err
		}
		return []string{msg}, nil
	}
	var msgs []string
	commit := func(msg string, paths ...string) error {
		args := append([]string{"commit", "--quiet", "-m", msg, "--only", "--"}, paths...)
		if _, err := r.git(nil, nil, args...); err != nil {
			return err
		}
		msgs = append(msgs, msg)
		return nil
	}
	var others []string
	for _, c := range list {
		if journal.Identify(c.path).Kind == journal.OtherFile {
			others = append(others, c.path)
			continue
		}
		if err := commit(r.message(c), c.path); err != nil {
			return msgs, err
		}
	}
	if len(others) > 0 {
		if err := commit(otherMessage(others), others...); err != nil {
			return msgs, err
		}
	}
	return msgs, nil
}

// checkIdentity makes sure git knows who writes the commits: without a
// name and an e-mail it would refuse each one.
func (r *Repo) checkIdentity() error {
	if _, err := r.gitText("var", "GIT_COMMITTER_IDENT"); err != nil {
		var ge *GitError
		if errors.As(err, &ge) {
			return &IdentityError{Detail: ge.Detail}
		}
		return err
	}
	return nil
}

// The messages are in English, whatever the interface's language: the
// history is shared by machines that may speak differently, and its words
// are the journal's own (check-in, note, reflection), like its keys.

// message says what changed in a journal file: "check-in 2026-11-27: tip
// 7", "note 2026-11-27" when only notes were added, "reflection 2026-W48",
// "mentoring 2026-11-27", "assessment 2026-11-27", "days away".
func (r *Repo) message(c change) string {
	f := journal.Identify(c.path)
	switch f.Kind {
	case journal.ReflectionFile:
		return verb(c, "reflection") + " " + f.Week.String()
	case journal.MentoringFile:
		return verb(c, "mentoring") + " " + f.Day.String()
	case journal.AssessmentFile:
		return verb(c, "assessment") + " " + f.Day.String()
	case journal.AwayList:
		return verb(c, "days away")
	}
	day := f.Day.String()
	if c.deleted {
		return "remove " + day
	}
	now, err := os.ReadFile(r.abs(c.path))
	if err != nil {
		return "entry " + day
	}
	e, err := journal.ParseEntry(c.path, now)
	if err != nil {
		return "entry " + day
	}
	var before *journal.Entry
	if !c.added {
		if old, err := r.git(nil, nil, "cat-file", "blob", "HEAD:"+c.path); err == nil {
			before, _ = journal.ParseEntry(c.path, old)
		}
	}
	switch {
	case e.IsCheckIn() && (before == nil || checkInPart(before) != checkInPart(e)):
		return fmt.Sprintf("check-in %s: tip %d", day, e.Tip)
	case notes(e) != notes(before):
		return "note " + day
	}
	return "entry " + day
}

func verb(c change, what string) string {
	if c.deleted {
		return "remove " + what
	}
	return what
}

// checkInPart is the check-in part of an entry, to tell it from the notes.
func checkInPart(e *journal.Entry) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%+v", e.Meta)
	for _, a := range e.Body.Answers() {
		fmt.Fprintf(&b, "\x00%s\x00%t\x00%s", a.Heading, a.Private, a.Text)
	}
	return b.String()
}

func notes(e *journal.Entry) string {
	if e == nil {
		return ""
	}
	var b strings.Builder
	for _, n := range e.Body.Notes() {
		fmt.Fprintf(&b, "\x00%s\x00%t\x00%s", n.Heading, n.Private, n.Text)
	}
	return b.String()
}

// otherMessage names the files that are not the journal's own.
func otherMessage(paths []string) string {
	const shown = 3
	msg := "other files: " + strings.Join(paths[:min(len(paths), shown)], ", ")
	if len(paths) > shown {
		msg += fmt.Sprintf(" and %d more", len(paths)-shown)
	}
	return msg
}

package gitsync

import (
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"time"
)

// Status is where the journal stands, told without reaching the remote:
// ahead and behind count from the last fetch.
type Status struct {
	Branch    string
	Upstream  string // origin/main; empty without a remote branch
	RemoteURL string // the remote's address, without a password
	Ahead     int    // commits here the remote lacks
	Behind    int    // commits there, fetched, not here yet
	// Uncommitted lists the files changed since the last commit.
	Uncommitted []string
	Record
	// Busy is "rebase" or "merge" while git is in the middle of one the
	// user began.
	Busy string
}

// Record is what the last sync left: when it last went through, when it
// last failed and why, and the file it could not merge.
type Record struct {
	Synced   time.Time `json:"synced,omitzero"`
	Failed   time.Time `json:"failed,omitzero"`
	Error    string    `json:"error,omitempty"`
	Conflict string    `json:"conflict,omitempty"` // a path from the journal folder
}

const recordName = "sync.json"

// record keeps how the sync went, for sync --status.
func (r *Repo) record(err error) {
	rec := r.lastRecord()
	now := r.Now()
	if err == nil {
		rec.Synced, rec.Failed, rec.Error, rec.Conflict = now, time.Time{}, "", ""
	} else {
		rec.Failed, rec.Error, rec.Conflict = now, err.Error(), ""
		var ce *ConflictError
		if errors.As(err, &ce) {
			rec.Conflict = ce.Rel
		}
		var nr *NotRepoError
		if errors.As(err, &nr) || errors.Is(err, ErrNoGit) {
			return // nothing to keep for a journal that does not sync
		}
	}
	data, _ := json.MarshalIndent(rec, "", "  ")
	_ = r.Store.WriteOwn(recordName, append(data, '\n'))
}

func (r *Repo) lastRecord() Record {
	var rec Record
	if data, err := r.Store.ReadOwn(recordName); err == nil {
		_ = json.Unmarshal(data, &rec)
	}
	return rec
}

// Status tells where the journal stands; it reaches no remote.
func (r *Repo) Status() (*Status, error) {
	if _, err := r.gitPath(); err != nil {
		return nil, err
	}
	top, insideTop, err := r.isTop()
	if err != nil {
		return nil, err
	}
	if !top {
		if insideTop != "" && !IsRepo(r.root()) {
			return nil, &InsideRepoError{Root: r.root(), Top: insideTop}
		}
		return nil, &NotRepoError{Root: r.root()}
	}
	st := &Status{Record: r.lastRecord()}
	switch {
	case r.rebasing():
		st.Busy = "rebase"
	case exists(r.gitDirPath("MERGE_HEAD")):
		st.Busy = "merge"
	}
	st.Branch, _ = r.gitText("symbolic-ref", "--short", "HEAD")
	if up, err := r.gitText("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"); err == nil {
		st.Upstream = up
		remote, _, _ := strings.Cut(up, "/")
		if u, err := r.gitText("remote", "get-url", remote); err == nil {
			st.RemoteURL = redact(u)
		}
		st.Ahead, st.Behind, _ = r.aheadBehind(up)
	} else if remotes, _ := r.gitText("remote"); remotes != "" {
		remote := strings.Fields(remotes)[0]
		if u, err := r.gitText("remote", "get-url", remote); err == nil {
			st.RemoteURL = redact(u)
		}
		st.Ahead, _ = r.count("HEAD")
	}
	list, err := r.changes()
	if err != nil {
		return nil, err
	}
	for _, c := range list {
		st.Uncommitted = append(st.Uncommitted, c.path)
	}
	return st, nil
}

// redact leaves a password out of a remote's address
// (https://user:secret@host/… → https://user@host/…).
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, has := u.User.Password(); has {
		u.User = url.User(u.User.Username())
	}
	return u.String()
}

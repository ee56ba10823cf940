package gitsync

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// InitResult is what Init did.
type InitResult struct {
	Created   bool     // the folder became a repository now
	Remote    string   // the remote's name, when one was given
	Joined    bool     // the remote had a journal: this one goes on from its history
	Empty     bool     // the remote has no journal yet: the first sync pushes
	Committed []string // the commits made of what was on disk here
	Merged    []string // files both journals had, merged
}

// remoteName is the name sync init gives the remote.
const remoteName = "origin"

// Init makes the journal a repository of its own (the folder is made when
// missing), with a .gitignore that leaves tillit's own folder out, and
// commits what is there. With remote, it adds it as origin; when the
// remote has a journal already, this journal joins its history: the
// entries here are committed on top of it, merged where both have a day,
// never thrown away. An empty remote gets the journal at the first sync.
func (r *Repo) Init(ctx context.Context, remote string) (*InitResult, error) {
	if _, err := r.gitPath(); err != nil {
		return nil, err
	}
	if err := r.Store.EnsureRoot(); err != nil {
		return nil, err
	}
	release, err := r.Store.Hold("sync")
	if err != nil {
		return nil, err
	}
	defer release()
	res := &InitResult{}
	top, insideTop, err := r.isTop()
	if err != nil {
		return nil, err
	}
	if !top {
		if insideTop != "" {
			return nil, &InsideRepoError{Root: r.root(), Top: insideTop}
		}
		if _, err := r.git(nil, nil, "init", "--quiet"); err != nil {
			return nil, err
		}
		res.Created = true
	} else if err := r.ready(); err != nil {
		return nil, err
	}
	if remote != "" {
		res.Remote = remoteName
		url, err := r.gitText("remote", "get-url", remoteName)
		switch {
		case err == nil && url != remote:
			return res, &OtherRemoteError{Name: remoteName, URL: redact(url), Want: redact(remote)}
		case err != nil:
			if _, err := r.git(nil, nil, "remote", "add", remoteName, remote); err != nil {
				return res, err
			}
		}
	}
	err = r.Store.WithWriteLock(func() error {
		if err := r.ensureIgnore(); err != nil {
			return err
		}
		msgs, err := r.commitAll()
		res.Committed = msgs
		return err
	})
	if err != nil || remote == "" {
		return res, err
	}
	if err := r.fetch(ctx, remoteName); err != nil {
		return res, err
	}
	local, err := r.gitText("symbolic-ref", "--short", "HEAD")
	if err != nil {
		return res, &DetachedError{Root: r.root()}
	}
	branch := r.remoteBranch(remoteName, local)
	upstream := remoteName + "/" + branch
	if !r.refExists("refs/remotes/" + upstream) {
		res.Empty = true
		return res, nil
	}
	res.Joined = true
	if !r.refExists("HEAD") {
		// Nothing here to keep: the journal is the remote's.
		_, err := r.git(nil, nil, "checkout", "--quiet", "-b", branch, "--track", upstream)
		return res, err
	}
	if local != branch {
		if _, err := r.git(nil, nil, "branch", "-m", branch); err != nil {
			return res, err
		}
	}
	if _, err := r.git(nil, nil, "branch", "--set-upstream-to="+upstream); err != nil {
		return res, err
	}
	err = r.Store.WithWriteLock(func() error {
		merged, err := r.rebase(upstream)
		res.Merged = merged
		return err
	})
	return res, err
}

// ignoreLine keeps tillit's own folder (drafts, locks, the trash) out of
// the repository: those are this machine's.
const ignoreLine = "/.tillit/"

// ensureIgnore adds ignoreLine to the journal's .gitignore unless the
// folder is ignored already.
func (r *Repo) ensureIgnore() error {
	path := filepath.Join(r.root(), ".gitignore")
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, l := range strings.Split(string(data), "\n") {
		switch strings.TrimSpace(l) {
		case ".tillit", ".tillit/", "/.tillit", "/.tillit/":
			return nil
		}
	}
	if len(data) > 0 && !bytes.HasSuffix(data, []byte("\n")) {
		data = append(data, '\n')
	}
	data = append(data, "# tillit's own files on this machine: drafts, locks, the trash\n"+ignoreLine+"\n"...)
	return r.Store.Put(path, data)
}

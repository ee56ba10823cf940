package gitsync

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"tillit/journal"
)

// Result is what a sync did.
type Result struct {
	Committed []string // the messages of the commits made of what was new here
	Pulled    int      // commits that came from the remote
	Pushed    int      // commits sent to it
	Merged    []string // files changed on both machines, merged (paths from the journal folder)
	NoRemote  bool     // the repository has no remote: committed only
	Upstream  string   // the remote branch synced with (origin/main)
}

// The rebase tillit starts is marked with this file under .tillit: a
// rebase left by a tillit that was stopped half-way is its own to abort
// at the next sync; any other is the user's.
const rebaseMark = "sync-rebase"

// Sync commits what is new (one commit per changed day), fetches, rebases
// onto the remote, merging a day changed on both sides, and pushes. Only
// fetch and push reach the remote, and only they stop when ctx ends.
func (r *Repo) Sync(ctx context.Context) (*Result, error) {
	res, err := r.sync(ctx)
	r.record(err)
	return res, err
}

func (r *Repo) sync(ctx context.Context) (*Result, error) {
	release, err := r.Store.Hold("sync")
	if err != nil {
		return nil, err
	}
	defer release()
	if err := r.ready(); err != nil {
		return nil, err
	}
	res := &Result{}
	err = r.Store.WithWriteLock(func() error {
		// A repository made by hand may not leave .tillit out yet: the
		// drafts there are this machine's, and may be private.
		if err := r.ensureIgnore(); err != nil {
			return err
		}
		msgs, err := r.commitAll()
		res.Committed = append(res.Committed, msgs...)
		return err
	})
	if err != nil {
		return res, err
	}
	up, err := r.upstream(ctx)
	if err != nil {
		return res, err
	}
	if up.remote == "" {
		res.NoRemote = true
		return res, nil
	}
	res.Upstream = up.remote + "/" + up.branch
	// The remote may move between the fetch and the push (the other
	// machine syncs at the same moment): then fetch and rebase again.
	for try := 0; ; try++ {
		if up.exists {
			if err := r.fetch(ctx, up.remote); err != nil {
				return res, err
			}
		}
		if up.exists {
			_, behind, err := r.aheadBehind(res.Upstream)
			if err != nil {
				return res, err
			}
			if behind > 0 {
				err := r.Store.WithWriteLock(func() error {
					msgs, err := r.commitAll()
					res.Committed = append(res.Committed, msgs...)
					if err != nil {
						return err
					}
					merged, err := r.rebase(res.Upstream)
					res.Merged = append(res.Merged, merged...)
					return err
				})
				if err != nil {
					return res, err
				}
				res.Pulled += behind
			}
		}
		ahead := 0
		if up.exists {
			if ahead, _, err = r.aheadBehind(res.Upstream); err != nil {
				return res, err
			}
			if ahead == 0 {
				return res, nil
			}
		} else if ahead, err = r.count("HEAD"); err != nil {
			return res, err
		}
		rejected, err := r.push(ctx, up)
		switch {
		case err != nil:
			return res, err
		case !rejected:
			res.Pushed = ahead
			return res, nil
		case try >= 2:
			return res, &RemoteError{Remote: up.remote, Detail: "the remote keeps changing; try again in a moment"}
		}
		up.exists = true
	}
}

// ready makes sure the journal is a repository of its own that git is not
// in the middle of changing; a rebase a stopped tillit left is aborted.
func (r *Repo) ready() error {
	if _, err := r.gitPath(); err != nil {
		return err
	}
	top, _, err := r.isTop()
	if err != nil {
		return err
	}
	if !top {
		if !IsRepo(r.root()) {
			if _, insideTop, _ := r.isTop(); insideTop != "" {
				return &InsideRepoError{Root: r.root(), Top: insideTop}
			}
		}
		return &NotRepoError{Root: r.root()}
	}
	rebasing := r.rebasing()
	if _, err := r.Store.ReadOwn(rebaseMark); err == nil {
		if rebasing {
			if _, err := r.git(nil, nil, "rebase", "--abort"); err != nil {
				return err
			}
		}
		_ = r.Store.RemoveOwn(rebaseMark)
	} else if rebasing {
		return &BusyError{Root: r.root(), What: "rebase"}
	}
	if exists(r.gitDirPath("MERGE_HEAD")) {
		return &BusyError{Root: r.root(), What: "merge"}
	}
	if _, err := r.gitText("symbolic-ref", "-q", "HEAD"); err != nil {
		return &DetachedError{Root: r.root()}
	}
	return nil
}

func (r *Repo) rebasing() bool {
	return exists(r.gitDirPath("rebase-merge")) || exists(r.gitDirPath("rebase-apply"))
}

// upstreamRef is the remote branch the journal syncs with; exists is false
// while the remote has no such branch yet (the first push makes it).
type upstreamRef struct {
	remote, branch, local string
	exists                bool
}

// upstream finds the remote branch: the branch's upstream, else the same
// branch on the remote (origin, or the only remote) once fetched.
func (r *Repo) upstream(ctx context.Context) (upstreamRef, error) {
	local, err := r.gitText("symbolic-ref", "--short", "HEAD")
	if err != nil {
		return upstreamRef{}, &DetachedError{Root: r.root()}
	}
	up := upstreamRef{local: local}
	if remote, err := r.gitText("config", "branch."+local+".remote"); err == nil && remote != "" && remote != "." {
		merge, _ := r.gitText("config", "branch."+local+".merge")
		up.remote, up.branch = remote, strings.TrimPrefix(merge, "refs/heads/")
		if up.branch == "" {
			up.branch = local
		}
		up.exists = r.refExists("refs/remotes/" + up.remote + "/" + up.branch)
		if !up.exists {
			// Not fetched yet, or gone from the remote: a fetch tells.
			if err := r.fetch(ctx, up.remote); err != nil {
				return up, err
			}
			up.exists = r.refExists("refs/remotes/" + up.remote + "/" + up.branch)
		}
		return up, nil
	}
	remotes, err := r.gitText("remote")
	if err != nil {
		return up, err
	}
	list := strings.Fields(remotes)
	switch {
	case len(list) == 0:
		return up, nil
	case slices.Contains(list, "origin"):
		up.remote = "origin"
	default:
		up.remote = list[0]
	}
	if err := r.fetch(ctx, up.remote); err != nil {
		return up, err
	}
	up.branch = r.remoteBranch(up.remote, local)
	up.exists = r.refExists("refs/remotes/" + up.remote + "/" + up.branch)
	if up.exists {
		if _, err := r.git(nil, nil, "branch", "--set-upstream-to="+up.remote+"/"+up.branch); err != nil {
			return up, err
		}
	}
	return up, nil
}

// remoteBranch picks the branch of a fetched remote to join: the one named
// as the local branch, else the only one, else main or master.
func (r *Repo) remoteBranch(remote, local string) string {
	out, _ := r.gitText("for-each-ref", "--format=%(refname:strip=3)", "refs/remotes/"+remote+"/")
	var branches []string
	for _, b := range strings.Fields(out) {
		if b != "HEAD" {
			branches = append(branches, b)
		}
	}
	switch {
	case slices.Contains(branches, local), len(branches) == 0:
		return local
	case len(branches) == 1:
		return branches[0]
	case slices.Contains(branches, "main"):
		return "main"
	case slices.Contains(branches, "master"):
		return "master"
	}
	return local
}

func (r *Repo) refExists(ref string) bool {
	_, err := r.gitText("rev-parse", "-q", "--verify", ref+"^{commit}")
	return err == nil
}

// fetch brings what the remote has; failing to reach it is a RemoteError.
func (r *Repo) fetch(ctx context.Context, remote string) error {
	_, err := r.git(ctx, nil, "fetch", "--quiet", remote)
	return r.remoteError(remote, err)
}

// push sends the branch; rejected says the remote moved on meanwhile.
func (r *Repo) push(ctx context.Context, up upstreamRef) (rejected bool, err error) {
	args := []string{"push", "--quiet", "--porcelain"}
	if !up.exists {
		args = append(args, "--set-upstream")
	}
	args = append(args, up.remote, "HEAD:refs/heads/"+up.branch)
	out, err := r.git(ctx, nil, args...)
	var ge *GitError
	if errors.As(err, &ge) && ge.Code == 1 && strings.Contains(string(out), "[rejected]") {
		return true, nil
	}
	if err == nil && !up.exists {
		// --set-upstream takes the local branch of the same name only.
		_, err = r.git(nil, nil, "branch", "--set-upstream-to="+up.remote+"/"+up.branch)
		if err != nil {
			return false, err
		}
	}
	return false, r.remoteError(up.remote, err)
}

func (r *Repo) remoteError(remote string, err error) error {
	var ge *GitError
	if errors.As(err, &ge) {
		return &RemoteError{Remote: remote, Detail: ge.Detail}
	}
	return err
}

// aheadBehind counts the commits here that the remote branch lacks, and
// those there that are not here.
func (r *Repo) aheadBehind(upstream string) (ahead, behind int, err error) {
	out, err := r.gitText("rev-list", "--left-right", "--count", "HEAD..."+upstream)
	if err != nil {
		return 0, 0, err
	}
	f := strings.Fields(out)
	if len(f) != 2 {
		return 0, 0, fmt.Errorf("git rev-list: unexpected %q", out)
	}
	ahead, _ = strconv.Atoi(f[0])
	behind, _ = strconv.Atoi(f[1])
	return ahead, behind, nil
}

// count counts the commits of a branch (0 before the first).
func (r *Repo) count(ref string) (int, error) {
	if !r.refExists(ref) {
		return 0, nil
	}
	out, err := r.gitText("rev-list", "--count", ref)
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(out)
}

// rebase puts the commits made here on top of upstream. A file changed on
// both sides is merged (journal.MergeFile) and the rebase goes on; one
// that cannot be merged aborts it, leaving everything as it was, and
// comes back as a *ConflictError. It returns the files it merged.
func (r *Repo) rebase(upstream string) (merged []string, err error) {
	if err := r.Store.WriteOwn(rebaseMark, []byte(upstream+"\n")); err != nil {
		return nil, err
	}
	defer func() { _ = r.Store.RemoveOwn(rebaseMark) }()
	_, err = r.git(nil, nil, "-c", "rebase.autoStash=false", "-c", "rebase.autoSquash=false", "-c", "rebase.updateRefs=false",
		"rebase", "--quiet", upstream)
	// Each round resolves the files of one commit, or skips one that the
	// merge left empty: the rounds end with the commits. The bound is for
	// a git that answers in a way not foreseen here.
	for round := 0; err != nil; round++ {
		if !r.rebasing() {
			return merged, err // it never began (a hook said no)
		}
		if round > 100000 {
			return merged, r.abort(err)
		}
		conflicts, lerr := r.unmerged()
		if lerr != nil {
			return merged, r.abort(lerr)
		}
		if len(conflicts) == 0 {
			if _, derr := r.git(nil, nil, "diff", "--cached", "--quiet"); derr != nil {
				return merged, r.abort(err) // stopped for a reason of git's own
			}
			// The merge made the commit empty: the remote had it all.
			_, err = r.git(nil, nil, "rebase", "--skip")
			continue
		}
		for _, c := range conflicts {
			if cerr := r.resolve(c); cerr != nil {
				return merged, r.abort(cerr)
			}
			if !slices.Contains(merged, c.path) {
				merged = append(merged, c.path)
			}
		}
		_, err = r.git(nil, nil, "rebase", "--continue")
	}
	return merged, nil
}

// abort stops the rebase; the repository and the files are as they were
// before it.
func (r *Repo) abort(why error) error {
	if _, err := r.git(nil, nil, "rebase", "--abort"); err != nil {
		return errors.Join(why, err)
	}
	return why
}

// conflict is a file git could not merge: its versions by stage (1 the
// common one, 2 the remote's with what was replayed so far, 3 this
// machine's commit), each empty when absent.
type conflict struct {
	path  string
	blobs [4]string
	modes [4]string
}

func (r *Repo) unmerged() ([]conflict, error) {
	out, err := r.git(nil, nil, "ls-files", "-u", "-z")
	if err != nil {
		return nil, err
	}
	var list []conflict
	for _, rec := range strings.Split(string(out), "\x00") {
		info, path, ok := strings.Cut(rec, "\t")
		f := strings.Fields(info)
		if !ok || len(f) != 3 {
			continue
		}
		stage, err := strconv.Atoi(f[2])
		if err != nil || stage < 1 || stage > 3 {
			continue
		}
		i := slices.IndexFunc(list, func(c conflict) bool { return c.path == path })
		if i < 0 {
			list = append(list, conflict{path: path})
			i = len(list) - 1
		}
		list[i].blobs[stage], list[i].modes[stage] = f[1], f[0]
	}
	return list, nil
}

// resolve merges one file changed on both sides and marks it resolved. In
// a rebase, stage 2 is the remote's (the file, shared first) and stage 3
// this machine's (laid on top). A file one side removed and the other
// changed is kept as changed.
func (r *Repo) resolve(c conflict) error {
	fail := func(err error) error {
		return &ConflictError{Path: r.abs(c.path), Rel: c.path, File: journal.Identify(c.path), Reason: err}
	}
	for _, stage := range []int{2, 3} {
		if m := c.modes[stage]; m != "" && m != "100644" && m != "100755" {
			return fail(fmt.Errorf("not a plain file (mode %s)", m))
		}
	}
	read := func(stage int) ([]byte, error) {
		if c.blobs[stage] == "" {
			return nil, nil
		}
		return r.git(nil, nil, "cat-file", "blob", c.blobs[stage])
	}
	base, err := read(1)
	if err != nil {
		return err
	}
	theirs, err := read(2)
	if err != nil {
		return err
	}
	ours, err := read(3)
	if err != nil {
		return err
	}
	var data []byte
	switch {
	case c.blobs[2] == "" && c.blobs[3] == "":
		_, err := r.git(nil, nil, "rm", "--quiet", "--cached", "--", c.path)
		return err
	case c.blobs[2] == "":
		data = ours
	case c.blobs[3] == "":
		data = theirs
	case c.path == ".gitignore":
		data = joinLines(theirs, ours)
	default:
		if data, err = journal.MergeFile(c.path, base, ours, theirs); err != nil {
			return fail(err)
		}
	}
	if err := r.Store.Put(r.abs(c.path), data); err != nil {
		return err
	}
	_, err = r.git(nil, nil, "add", "--", c.path)
	return err
}

// joinLines is theirs with the lines only ours has after it: a .gitignore
// both machines added to.
func joinLines(theirs, ours []byte) []byte {
	out := strings.TrimRight(string(theirs), "\n")
	have := map[string]bool{}
	for _, l := range strings.Split(out, "\n") {
		have[strings.TrimSpace(l)] = true
	}
	for _, l := range strings.Split(string(ours), "\n") {
		if t := strings.TrimSpace(l); t != "" && !have[t] {
			out += "\n" + l
			have[t] = true
		}
	}
	return []byte(out + "\n")
}

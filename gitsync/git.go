// Package gitsync keeps the journal in step between machines with the
// user's own git: tillit runs the git command the user has, as they would
// (commit, fetch, rebase, push), and has no network code of its own. The
// remote, and who may read it, is the user's choice.
//
// Nothing is ever thrown away: each day is its own file, so two machines
// rarely touch the same one; when they do, the day is merged as a
// conflicting save is (journal.MergeFile: both texts kept, the file's
// first). When git cannot finish, the rebase is aborted and the journal is
// as it was before the sync.
package gitsync

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"tillit/journal"
)

// Repo is the journal as a git repository.
type Repo struct {
	Store *journal.Store
	// Git is the git command; empty means git on the PATH.
	Git string
	// Env is added to git's environment (the tests give an identity).
	Env []string
	// Detached runs git away from the terminal, for a sync the interface
	// starts by itself: git may not ask for a password there, and a
	// question it cannot ask fails the sync instead of taking the screen.
	Detached bool
	// Now is the clock of the sync record.
	Now func() time.Time
}

// New returns the journal of store as a repository.
func New(store *journal.Store) *Repo { return &Repo{Store: store, Now: time.Now} }

// IsRepo reports, without running git, whether the journal folder is the
// top of a git repository: the automatic sync runs only then.
func IsRepo(root string) bool {
	_, err := os.Lstat(filepath.Join(root, ".git"))
	return err == nil
}

// ErrNoGit says there is no git command to run.
var ErrNoGit = errors.New("git is not installed (or not on the PATH)")

// GitError is a git command that failed for a reason tillit does not
// handle: Detail is what git said, in a line.
type GitError struct {
	Args   []string
	Detail string
	Code   int // git's exit code
}

func (e *GitError) Error() string {
	return "git " + strings.Join(e.Args, " ") + ": " + e.Detail
}

func (r *Repo) root() string { return r.Store.Root }

// gitPath finds the git command.
func (r *Repo) gitPath() (string, error) {
	name := r.Git
	if name == "" {
		name = "git"
	}
	p, err := exec.LookPath(name)
	if err != nil {
		return "", ErrNoGit
	}
	return p, nil
}

// environ is git's environment: the user's, less what would point git at
// another repository, with no editor (a rebase goes on without asking) and,
// detached, no prompt.
func (r *Repo) environ() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch strings.ToUpper(name) {
		case "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
			"GIT_COMMON_DIR", "GIT_PREFIX", "GIT_NAMESPACE", "GIT_EDITOR", "GIT_SEQUENCE_EDITOR":
			continue
		}
		env = append(env, kv)
	}
	// ":" is git's own word for "no editor".
	env = append(env, "GIT_EDITOR=:", "GIT_SEQUENCE_EDITOR=:", "GIT_MERGE_AUTOEDIT=no")
	if r.Detached {
		env = append(env, "GIT_TERMINAL_PROMPT=0")
	}
	return append(env, r.Env...)
}

// git runs git in the journal folder and returns what it wrote. Commands
// that reach the remote get ctx, so that leaving tillit can stop them;
// the others run to the end, so the repository is never left half-way.
func (r *Repo) git(ctx context.Context, stdin []byte, args ...string) ([]byte, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	gitPath, err := r.gitPath()
	if err != nil {
		return nil, err
	}
	cmd := command(ctx, gitPath, args)
	cmd.Dir = r.root()
	cmd.Env = r.environ()
	detach(cmd, r.Detached)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		code := -1
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		}
		detail := lastLines(stderr.String())
		if detail == "" {
			detail = err.Error()
		}
		if ctx.Err() != nil {
			detail = ctx.Err().Error()
		}
		return stdout.Bytes(), &GitError{Args: args, Detail: detail, Code: code}
	}
	return stdout.Bytes(), nil
}

// gitText is git with its output as a trimmed string.
func (r *Repo) gitText(args ...string) (string, error) {
	out, err := r.git(nil, nil, args...)
	return strings.TrimSpace(string(out)), err
}

// lastLines keeps what git said last, which names the trouble, in one
// line: "fatal: …", without hints.
func lastLines(s string) string {
	var kept []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "hint:") {
			continue
		}
		kept = append(kept, l)
	}
	if len(kept) > 2 {
		kept = kept[len(kept)-2:]
	}
	return strings.Join(kept, " ")
}

// abs is the path on disk of rel, a path as git writes it.
func (r *Repo) abs(rel string) string { return filepath.Join(r.root(), filepath.FromSlash(rel)) }

// isTop reports whether the journal folder is the top of its repository;
// top is the repository's top when the folder is inside another one.
func (r *Repo) isTop() (ok bool, top string, err error) {
	out, err := r.gitText("rev-parse", "--show-toplevel")
	if err != nil {
		var ge *GitError
		if errors.As(err, &ge) {
			return false, "", nil // not in a repository
		}
		return false, "", err
	}
	top = filepath.FromSlash(out)
	a, errA := os.Stat(top)
	b, errB := os.Stat(r.root())
	if errA == nil && errB == nil && os.SameFile(a, b) {
		return true, top, nil
	}
	return false, top, nil
}

// gitDirPath is a path inside the repository's .git folder.
func (r *Repo) gitDirPath(name string) string {
	out, err := r.gitText("rev-parse", "--git-path", name)
	if err != nil {
		return filepath.Join(r.root(), ".git", name)
	}
	p := filepath.FromSlash(out)
	if !filepath.IsAbs(p) {
		p = filepath.Join(r.root(), p)
	}
	return p
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

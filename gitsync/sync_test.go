package gitsync

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"tillit/journal"
)

// The tests drive the git on the machine against a bare repository in a
// temporary folder: no network. Each git gets an identity and no settings
// of the machine's or the user's.

func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}

func gitEnv(t *testing.T) []string {
	empty := filepath.Join(t.TempDir(), "gitconfig")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	return []string{
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=" + empty,
		"GIT_AUTHOR_NAME=Kari Nordmann", "GIT_AUTHOR_EMAIL=kari@example.org",
		"GIT_COMMITTER_NAME=Kari Nordmann", "GIT_COMMITTER_EMAIL=kari@example.org",
	}
}

// bareRemote makes an empty bare repository and returns its path.
func bareRemote(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "journal.git")
	cmd := exec.Command("git", "init", "--quiet", "--bare", dir)
	cmd.Env = append(os.Environ(), gitEnv(t)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git init --bare: %v %s", err, out)
	}
	return dir
}

func newRepo(t *testing.T, env []string) *Repo {
	t.Helper()
	r := New(journal.NewStore(filepath.Join(t.TempDir(), "journal")))
	r.Env = env
	r.Now = func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }
	return r
}

func day(t *testing.T, s string) journal.Date {
	t.Helper()
	d, err := journal.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// checkIn saves a check-in as the interface does: tip, an answer, a rating.
func checkIn(t *testing.T, r *Repo, d string, tip int, answer string) {
	t.Helper()
	e, err := r.Store.Load(day(t, d))
	if err != nil {
		t.Fatal(err)
	}
	e.Tip, e.Rating = tip, 4
	e.Body.SetAnswer("What did you try today?", answer, false)
	if err := r.Store.Save(e); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, r *Repo, d string) string {
	t.Helper()
	data, err := os.ReadFile(r.Store.DayPath(day(t, d)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func mustSync(t *testing.T, r *Repo) *Result {
	t.Helper()
	res, err := r.Sync(context.Background())
	if err != nil {
		t.Fatalf("sync %s: %v", r.Store.Root, err)
	}
	return res
}

// gitOut runs git in the journal as the user would.
func gitOut(t *testing.T, r *Repo, args ...string) string {
	t.Helper()
	out, err := r.git(nil, nil, args...)
	if err != nil {
		t.Fatalf("git %v: %v", args, err)
	}
	return string(out)
}

func clean(t *testing.T, r *Repo) {
	t.Helper()
	if st := gitOut(t, r, "status", "--porcelain"); st != "" {
		t.Errorf("git status in %s is not clean:\n%s", r.Store.Root, st)
	}
	if r.rebasing() {
		t.Errorf("%s: a rebase is left in progress", r.Store.Root)
	}
}

func TestTwoMachinesKeepEveryDay(t *testing.T) {
	needGit(t)
	env := gitEnv(t)
	remote := bareRemote(t)
	ctx := context.Background()

	work := newRepo(t, env)
	res, err := work.Init(ctx, remote)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Created || !res.Empty || res.Joined {
		t.Errorf("init on an empty remote: %+v", res)
	}
	checkIn(t, work, "2026-11-23", 1, "Asked the team first.")
	if res := mustSync(t, work); res.Pushed == 0 {
		t.Errorf("the first sync pushed nothing: %+v", res)
	}

	home := newRepo(t, env)
	// An entry written at home before it synced: kept, and put on top.
	checkIn(t, home, "2026-11-20", 3, "Written at home before syncing.")
	res, err = home.Init(ctx, remote)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Joined {
		t.Errorf("init on a remote with a journal did not join it: %+v", res)
	}
	checkIn(t, home, "2026-11-24", 2, "Let them plan the rota.")
	mustSync(t, home)
	mustSync(t, work)

	for _, r := range []*Repo{work, home} {
		for d, want := range map[string]string{
			"2026-11-20": "Written at home before syncing.",
			"2026-11-23": "Asked the team first.",
			"2026-11-24": "Let them plan the rota.",
		} {
			if got := read(t, r, d); !strings.Contains(got, want) {
				t.Errorf("%s: %s lacks %q:\n%s", r.Store.Root, d, want, got)
			}
		}
		clean(t, r)
	}

	// The same day on both machines: both texts, on both, the first
	// synced first.
	checkIn(t, work, "2026-11-25", 4, "At work: the budget talk.")
	checkIn(t, home, "2026-11-25", 4, "At home: thought about trust.")
	mustSync(t, work)
	res2 := mustSync(t, home)
	if len(res2.Merged) != 1 || res2.Merged[0] != "2026/11/2026-11-25.md" {
		t.Errorf("the day changed on both was not merged: %+v", res2)
	}
	mustSync(t, work)
	for _, r := range []*Repo{work, home} {
		got := read(t, r, "2026-11-25")
		a, b := strings.Index(got, "At work: the budget talk."), strings.Index(got, "At home: thought about trust.")
		if a < 0 || b < 0 || a > b {
			t.Errorf("%s: want both texts, the one synced first first:\n%s", r.Store.Root, got)
		}
		clean(t, r)
	}
	if w, h := read(t, work, "2026-11-25"), read(t, home, "2026-11-25"); w != h {
		t.Errorf("the machines differ:\n%s\n---\n%s", w, h)
	}
	if runtime.GOOS != "windows" {
		// What git brought from the other machine is private as what
		// tillit writes: 0600 in 0700.
		path := work.Store.DayPath(day(t, "2026-11-24"))
		for p, want := range map[string]fs.FileMode{path: 0o600, filepath.Dir(path): 0o700} {
			if info, err := os.Stat(p); err != nil || info.Mode().Perm() != want {
				t.Errorf("%s: mode %v, want %v (%v)", p, info.Mode().Perm(), want, err)
			}
		}
	}
	// tillit's own folder never goes into the history.
	if files := gitOut(t, work, "ls-files"); strings.Contains(files, ".tillit") {
		t.Errorf(".tillit is in the repository:\n%s", files)
	}
}

func TestEachSaveIsOneCommitWithAReadableMessage(t *testing.T) {
	needGit(t)
	r := newRepo(t, gitEnv(t))
	if _, err := r.Init(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	checkIn(t, r, "2026-11-27", 7, "Trusted Kari with the schedule.")
	res := mustSync(t, r)
	if !res.NoRemote || len(res.Committed) != 1 || res.Committed[0] != "check-in 2026-11-27: tip 7" {
		t.Errorf("after a check-in: %+v", res)
	}
	if err := r.Store.AppendNote(day(t, "2026-11-27"), time.Date(2026, 11, 27, 14, 5, 0, 0, time.UTC), "A short note.", false); err != nil {
		t.Fatal(err)
	}
	if res := mustSync(t, r); len(res.Committed) != 1 || res.Committed[0] != "note 2026-11-27" {
		t.Errorf("after a note: %+v", res)
	}
	w, _ := journal.ParseWeek("2026-W48")
	ref, err := r.Store.LoadReflection(w)
	if err != nil {
		t.Fatal(err)
	}
	ref.Body.SetAnswer("What went well?", "The week.", false)
	if err := r.Store.SaveReflection(ref); err != nil {
		t.Fatal(err)
	}
	if res := mustSync(t, r); len(res.Committed) != 1 || res.Committed[0] != "reflection 2026-W48" {
		t.Errorf("after a reflection: %+v", res)
	}
	log := gitOut(t, r, "log", "--format=%s")
	want := "reflection 2026-W48\nnote 2026-11-27\ncheck-in 2026-11-27: tip 7\nother files: .gitignore\n"
	if log != want {
		t.Errorf("the history:\n%s\nwant:\n%s", log, want)
	}
	clean(t, r)
}

// snapshot is every file of the journal but git's own, by path.
func snapshot(t *testing.T, r *Repo) map[string]string {
	t.Helper()
	files := map[string]string{}
	root := r.Store.Root
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == ".tillit") {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			files[rel] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameFiles(t *testing.T, before, after map[string]string) {
	t.Helper()
	for p, text := range before {
		if after[p] != text {
			t.Errorf("%s changed:\n%s\n---\n%s", p, text, after[p])
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s appeared", p)
		}
	}
}

// twoMachines is a journal at work with a check-in on 2026-11-27 saying
// text, synced, and one at home that joined it.
func twoMachines(t *testing.T, text string) (work, home *Repo) {
	t.Helper()
	needGit(t)
	env := gitEnv(t)
	remote := bareRemote(t)
	work, home = newRepo(t, env), newRepo(t, env)
	if _, err := work.Init(context.Background(), remote); err != nil {
		t.Fatal(err)
	}
	checkIn(t, work, "2026-11-27", 7, text)
	mustSync(t, work)
	if _, err := home.Init(context.Background(), remote); err != nil {
		t.Fatal(err)
	}
	return work, home
}

func TestUnreachableRemoteLosesNothing(t *testing.T) {
	needGit(t)
	r := newRepo(t, gitEnv(t))
	checkIn(t, r, "2026-11-27", 7, "Kept, whatever the network does.")
	missing := filepath.Join(t.TempDir(), "no-such-remote.git")
	_, err := r.Init(context.Background(), missing)
	var re *RemoteError
	if !errors.As(err, &re) || re.Remote != "origin" {
		t.Fatalf("init with a remote that is not there: want a RemoteError, got %v", err)
	}
	checkIn(t, r, "2026-11-26", 6, "Written while offline.")
	before := snapshot(t, r)
	_, err = r.Sync(context.Background())
	if !errors.As(err, &re) {
		t.Fatalf("sync with a remote that is not there: want a RemoteError, got %v", err)
	}
	sameFiles(t, before, snapshot(t, r))
	clean(t, r) // committed, waiting for the remote
	st, err := r.Status()
	if err != nil {
		t.Fatal(err)
	}
	if st.Error == "" || st.Failed.IsZero() || !st.Synced.IsZero() || st.Ahead != 2 { // the journal as it was, then the day written offline
		t.Errorf("status after a failed sync: %+v", st)
	}
}

func TestARebaseGitCannotFinishIsAbortedAndLosesNothing(t *testing.T) {
	ctx := context.Background()
	work, home := twoMachines(t, "The first text.")
	// At work the day is edited by hand and left broken; at home it gets
	// a check-in on top of the first text.
	broken := "---\ndate: 2026-11-27\ntip: [7\n---\n\nEdited by hand at work.\n"
	if err := os.WriteFile(work.Store.DayPath(day(t, "2026-11-27")), []byte(broken), 0o600); err != nil {
		t.Fatal(err)
	}
	mustSync(t, work)
	checkIn(t, home, "2026-11-27", 7, "Home's own words.")
	checkIn(t, home, "2026-11-28", 8, "Another day, untouched by the conflict.")
	// What the sync commits first is kept whatever follows.
	if _, err := home.commitAll(); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, home)
	head := gitOut(t, home, "rev-parse", "HEAD")

	_, err := home.Sync(ctx)
	var ce *ConflictError
	if !errors.As(err, &ce) || ce.Rel != "2026/11/2026-11-27.md" || ce.File.Kind != journal.DayFile {
		t.Fatalf("want a ConflictError for the day, got %v", err)
	}
	sameFiles(t, before, snapshot(t, home))
	clean(t, home)
	if got := gitOut(t, home, "rev-parse", "HEAD"); got != head {
		t.Errorf("the branch moved: %s → %s", head, got)
	}
	st, err := home.Status()
	if err != nil {
		t.Fatal(err)
	}
	if st.Conflict != "2026/11/2026-11-27.md" || st.Behind != 1 {
		t.Errorf("status after the conflict: %+v", st)
	}
	// Mended at work, the next sync at home goes through.
	if err := os.WriteFile(work.Store.DayPath(day(t, "2026-11-27")), []byte("---\ndate: 2026-11-27\ntip: 7\n---\n\nEdited by hand at work.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustSync(t, work)
	mustSync(t, home)
	got := read(t, home, "2026-11-27")
	for _, want := range []string{"Edited by hand at work.", "Home's own words."} {
		if !strings.Contains(got, want) {
			t.Errorf("after mending, the day lacks %q:\n%s", want, got)
		}
	}
	clean(t, home)
}

func TestSyncOfAJournalThatIsNoRepository(t *testing.T) {
	needGit(t)
	r := newRepo(t, gitEnv(t))
	checkIn(t, r, "2026-11-27", 7, "Plain journal.")
	_, err := r.Sync(context.Background())
	var nr *NotRepoError
	if !errors.As(err, &nr) {
		t.Fatalf("want a NotRepoError, got %v", err)
	}
	if IsRepo(r.Store.Root) {
		t.Error("the journal became a repository")
	}
}

func TestAStoppedRebaseOfTillitsIsAbortedAtTheNextSync(t *testing.T) {
	ctx := context.Background()
	work, home := twoMachines(t, "Work.")
	checkIn(t, work, "2026-11-27", 7, "Work, more.")
	mustSync(t, work)
	checkIn(t, home, "2026-11-27", 7, "Home.")
	mustSync(t, home) // commits; the merge follows
	checkIn(t, home, "2026-11-27", 7, "Home again.")
	checkIn(t, work, "2026-11-27", 7, "Work again.")
	mustSync(t, work)
	// A tillit stopped in the middle of its rebase leaves it so.
	if _, err := home.commitAll(); err != nil {
		t.Fatal(err)
	}
	if err := home.fetch(ctx, "origin"); err != nil {
		t.Fatal(err)
	}
	if err := home.Store.WriteOwn(rebaseMark, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := home.git(nil, nil, "rebase", "origin/master"); err == nil || !home.rebasing() {
		t.Fatalf("the rebase did not stop: %v", err)
	}
	mustSync(t, home)
	clean(t, home)
	if got := read(t, home, "2026-11-27"); !strings.Contains(got, "Home again.") || !strings.Contains(got, "Work again.") {
		t.Errorf("want both texts:\n%s", got)
	}

	// A rebase the user began is theirs: sync does not touch it.
	checkIn(t, work, "2026-11-27", 7, "Work once more.")
	mustSync(t, work)
	checkIn(t, home, "2026-11-27", 7, "Home once more.")
	if _, err := home.commitAll(); err != nil {
		t.Fatal(err)
	}
	if err := home.fetch(ctx, "origin"); err != nil {
		t.Fatal(err)
	}
	home.git(nil, nil, "rebase", "origin/master")
	_, err := home.Sync(ctx)
	var be *BusyError
	if !errors.As(err, &be) || be.What != "rebase" {
		t.Errorf("want a BusyError, got %v", err)
	}
}

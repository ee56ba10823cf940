package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"tillit/gitsync"
	"tillit/journal"
)

func (a *app) syncCommand() *cobra.Command {
	var status bool
	cmd := &cobra.Command{
		Use:     "sync",
		Short:   a.lang.T("cmd.sync.short"),
		Long:    a.lang.T("cmd.sync.long"),
		Example: "  tillit sync init git@example.org:me/journal.git\n  tillit sync\n  tillit sync --status",
		Args:    a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			repo := a.repo(false)
			if status {
				return a.syncStatus(repo)
			}
			res, err := repo.Sync(cmd.Context())
			if err != nil {
				return errors.New(a.describeSync(err))
			}
			a.printSync(res)
			return nil
		},
	}
	cmd.Flags().BoolVar(&status, "status", false, a.lang.T("flag.sync_status"))
	cmd.AddCommand(&cobra.Command{
		Use:   "init [REMOTE]",
		Short: a.lang.T("cmd.sync_init.short"),
		Long:  a.lang.T("cmd.sync_init.long"),
		Args:  a.maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			remote := ""
			if len(args) == 1 {
				remote = args[0]
			}
			res, err := a.repo(false).Init(cmd.Context(), remote)
			if res != nil {
				a.printInit(res, remote)
			}
			if err != nil {
				return errors.New(a.describeSync(err))
			}
			return nil
		},
	})
	return cmd
}

// repo is the journal as a git repository; detached for a sync the
// interface runs by itself.
func (a *app) repo(detached bool) *gitsync.Repo {
	r := gitsync.New(a.store)
	r.Detached = detached
	r.Now = a.now
	return r
}

func (a *app) printSync(res *gitsync.Result) {
	for _, m := range res.Committed {
		fmt.Fprintln(a.stdout, "  "+a.lang.T("sync.committed", "Message", m))
	}
	for _, p := range res.Merged {
		fmt.Fprintln(a.stdout, "  "+a.lang.T("sync.merged", "Path", p))
	}
	switch {
	case res.NoRemote:
		fmt.Fprintln(a.stdout, a.lang.T("sync.no_remote"))
	case res.Pushed == 0 && res.Pulled == 0:
		fmt.Fprintln(a.stdout, a.lang.T("sync.up_to_date", "Upstream", res.Upstream))
	default:
		fmt.Fprintln(a.stdout, a.lang.T("sync.done", "Upstream", res.Upstream,
			"Sent", a.lang.N("sync.commits", res.Pushed), "Received", a.lang.N("sync.commits", res.Pulled)))
	}
}

func (a *app) printInit(res *gitsync.InitResult, remote string) {
	if res.Created {
		fmt.Fprintln(a.stdout, a.lang.T("sync.init_created", "Dir", a.store.Root))
	} else {
		fmt.Fprintln(a.stdout, a.lang.T("sync.init_was", "Dir", a.store.Root))
	}
	for _, m := range res.Committed {
		fmt.Fprintln(a.stdout, "  "+a.lang.T("sync.committed", "Message", m))
	}
	for _, p := range res.Merged {
		fmt.Fprintln(a.stdout, "  "+a.lang.T("sync.merged", "Path", p))
	}
	switch {
	case res.Joined:
		fmt.Fprintln(a.stdout, a.lang.T("sync.init_joined", "Remote", remote))
	case res.Empty:
		fmt.Fprintln(a.stdout, a.lang.T("sync.init_empty", "Remote", remote))
	}
	if remote != "" {
		fmt.Fprintln(a.stdout, a.lang.T("sync.init_private", "Remote", remote))
	}
}

// syncStatus prints where the journal stands; it reaches no remote.
func (a *app) syncStatus(repo *gitsync.Repo) error {
	st, err := repo.Status()
	if err != nil {
		return errors.New(a.describeSync(err))
	}
	width := 0
	for _, l := range []string{"repository", "remote", "ahead_behind", "uncommitted", "last_sync", "last_failure", "conflicts"} {
		width = max(width, utf8.RuneCountInString(a.lang.T("sync.status."+l))+1)
	}
	line := func(label, text string) {
		l := a.lang.T("sync.status."+label) + ":"
		fmt.Fprintf(a.stdout, "%s%s %s\n", l, strings.Repeat(" ", width-utf8.RuneCountInString(l)), text)
	}
	line("repository", a.lang.T("sync.status.branch", "Dir", a.store.Root, "Branch", st.Branch))
	switch {
	case st.Upstream != "":
		line("remote", strings.TrimSpace(st.Upstream+" "+paren(st.RemoteURL)))
		line("ahead_behind", a.lang.T("sync.status.counts", "Ahead", a.lang.N("sync.commits", st.Ahead), "Behind", a.lang.N("sync.commits", st.Behind)))
	case st.RemoteURL != "":
		line("remote", a.lang.T("sync.status.not_pushed", "URL", st.RemoteURL))
	default:
		line("remote", a.lang.T("sync.status.no_remote"))
	}
	if n := len(st.Uncommitted); n > 0 {
		line("uncommitted", a.lang.N("sync.status.files", n, "Files", strings.Join(st.Uncommitted[:min(n, 3)], ", ")))
	} else {
		line("uncommitted", a.lang.T("sync.status.none"))
	}
	if st.Synced.IsZero() {
		line("last_sync", a.lang.T("sync.status.never"))
	} else {
		line("last_sync", a.when(st.Synced))
	}
	if !st.Failed.IsZero() {
		line("last_failure", a.when(st.Failed)+": "+oneLine(st.Error))
	}
	switch {
	case st.Busy != "":
		line("conflicts", a.lang.T("sync.status.busy", "What", st.Busy))
	case st.Conflict != "":
		line("conflicts", a.lang.T("sync.status.conflict", "Path", st.Conflict))
	default:
		line("conflicts", a.lang.T("sync.status.none"))
	}
	return nil
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}

// when writes a moment the user's way: the day, and the time.
func (a *app) when(t time.Time) string {
	t = t.Local()
	return a.lang.ShortDate(t.Year(), t.Month(), t.Day()) + " " + t.Format("15:04")
}

// describeSync says in one line what went wrong with a sync, and what to
// do about it.
func (a *app) describeSync(err error) string {
	var (
		nr  *gitsync.NotRepoError
		ir  *gitsync.InsideRepoError
		or  *gitsync.OtherRemoteError
		re  *gitsync.RemoteError
		ce  *gitsync.ConflictError
		be  *gitsync.BusyError
		ide *gitsync.IdentityError
		de  *gitsync.DetachedError
	)
	switch {
	case errors.Is(err, gitsync.ErrNoGit):
		return a.lang.T("sync.err.no_git")
	case errors.As(err, &nr):
		return a.lang.T("sync.err.not_repo", "Dir", nr.Root)
	case errors.As(err, &ir):
		return a.lang.T("sync.err.inside_repo", "Dir", ir.Root, "Top", ir.Top)
	case errors.As(err, &or):
		return a.lang.T("sync.err.other_remote", "Name", or.Name, "URL", or.URL, "Want", or.Want)
	case errors.As(err, &re):
		return a.lang.T("sync.err.remote", "Remote", re.Remote, "Detail", re.Detail)
	case errors.As(err, &ce):
		return a.describeConflict(ce)
	case errors.As(err, &be):
		return a.lang.T("sync.err.busy_"+be.What, "Dir", be.Root)
	case errors.As(err, &ide):
		return a.lang.T("sync.err.identity")
	case errors.As(err, &de):
		return a.lang.T("sync.err.detached", "Dir", de.Root)
	}
	return a.lang.Describe(err)
}

// describeConflict names the day git could not finish, why, and what to
// do: mend the other machine's file there, or merge by hand with git.
func (a *app) describeConflict(ce *gitsync.ConflictError) string {
	var what string
	switch f := ce.File; f.Kind {
	case journal.DayFile:
		what = a.lang.T("sync.what.day", "Day", a.lang.LongDate(f.Day.Year, f.Day.Month, f.Day.Day))
	case journal.MentoringFile:
		what = a.lang.T("sync.what.mentoring", "Day", a.lang.LongDate(f.Day.Year, f.Day.Month, f.Day.Day))
	case journal.AssessmentFile:
		what = a.lang.T("sync.what.assessment", "Day", a.lang.LongDate(f.Day.Year, f.Day.Month, f.Day.Day))
	case journal.ReflectionFile:
		what = a.lang.T("sync.what.week", "Week", f.Week.String())
	case journal.AwayList:
		what = a.lang.T("sync.what.away")
	default:
		what = a.lang.T("sync.what.file", "Path", ce.Rel)
	}
	var me *journal.MergeError
	side, reason := "", ""
	if errors.As(ce.Reason, &me) {
		side = me.Side
		if me.Err != nil {
			reason = a.lang.Describe(me.Err)
			var pe *journal.ParseError
			if errors.As(me.Err, &pe) {
				reason = a.lang.T("parse."+pe.Kind, "Key", pe.Key, "First", pe.Lines[0], "Second", pe.Lines[1], "Detail", pe.Detail)
			}
		}
	}
	switch side {
	case "theirs":
		return a.lang.T("sync.err.conflict_theirs", "What", what, "Path", ce.Rel, "Why", reason)
	case "ours":
		return a.lang.T("sync.err.conflict_ours", "What", what, "Path", ce.Rel, "Why", reason, "Dir", a.store.Root)
	}
	return a.lang.T("sync.err.conflict_other", "What", what, "Path", ce.Rel, "Dir", a.store.Root)
}

// autoSync is the sync the interface runs after each save and when it
// starts, with sync.auto = true in a journal that is a repository: nil
// otherwise. It returns the status line: a quiet "not synced" when the
// remote cannot be reached, a pointer to tillit sync when the user is
// needed. Leaving the interface stops a fetch or a push under way (never a
// rebase); waitSyncs waits for the sync to finish.
func (a *app) autoSync() (run func() string, wait func()) {
	if !a.cfg.Sync.Auto || !gitsync.IsRepo(a.store.Root) {
		return nil, func() {}
	}
	ctx, cancel := context.WithCancel(context.Background())
	// One sync at a time (the journal's sync lock would make a second
	// wait anyway); once the interface is gone, none begins.
	var mu sync.Mutex
	closed := false
	run = func() string {
		mu.Lock()
		defer mu.Unlock()
		if closed {
			return ""
		}
		res, err := a.repo(true).Sync(ctx)
		var re *gitsync.RemoteError
		switch {
		case errors.As(err, &re):
			return a.lang.T("sync.line.offline")
		case err != nil:
			return a.lang.T("sync.line.trouble")
		case res.NoRemote:
			return a.lang.T("sync.line.committed", "Time", a.now().Format("15:04"))
		}
		return a.lang.T("sync.line.synced", "Time", a.now().Format("15:04"))
	}
	return run, func() {
		cancel()
		mu.Lock()
		closed = true
		mu.Unlock()
	}
}

// syncNow syncs once after a save the command line made (a check-in from
// tillit checkin, a note), when the journal syncs by itself; it returns the
// status line, or "" when it does not sync.
func (a *app) syncNow() string {
	run, wait := a.autoSync()
	if run == nil {
		return ""
	}
	defer wait()
	return run()
}

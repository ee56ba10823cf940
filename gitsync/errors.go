package gitsync

import "tillit/journal"

// NotRepoError says the journal folder is not a git repository yet
// (tillit sync init makes it one).
type NotRepoError struct{ Root string }

func (e *NotRepoError) Error() string { return e.Root + ": the journal is not a git repository" }

// InsideRepoError says the journal folder lies inside another repository
// without being its top: that repository is the user's to drive.
type InsideRepoError struct{ Root, Top string }

func (e *InsideRepoError) Error() string {
	return e.Root + ": the journal is inside the git repository " + e.Top + ", not a repository of its own"
}

// OtherRemoteError says the repository has the remote already, with
// another address: tillit changes no remote the user set.
type OtherRemoteError struct{ Name, URL, Want string }

func (e *OtherRemoteError) Error() string {
	return "the remote " + e.Name + " is " + e.URL + " already, not " + e.Want
}

// RemoteError says the remote could not be reached (no network, a wrong
// address, no access): nothing was lost, what is new here waits in the
// local repository for the next sync.
type RemoteError struct {
	Remote string
	Detail string // what git said
}

func (e *RemoteError) Error() string { return "cannot reach " + e.Remote + ": " + e.Detail }

// ConflictError says a file changed on both machines could not be merged
// (one side cannot be read, or it is not a journal file): the rebase was
// aborted, and the journal is as it was before the sync, with this
// machine's version in the file and the other's in the remote's history.
type ConflictError struct {
	Path   string // the file, on disk
	Rel    string // the file from the journal's folder, as git names it
	File   journal.JournalFile
	Reason error
}

func (e *ConflictError) Error() string {
	return e.Path + ": changed on both machines and could not be merged: " + e.Reason.Error()
}

func (e *ConflictError) Unwrap() error { return e.Reason }

// BusyError says git is in the middle of something the user began (a
// rebase or a merge): tillit leaves it to them.
type BusyError struct {
	Root string
	What string // "rebase" or "merge"
}

func (e *BusyError) Error() string { return e.Root + ": git is in the middle of a " + e.What }

// IdentityError says git does not know the user's name and e-mail, which
// every commit carries.
type IdentityError struct{ Detail string }

func (e *IdentityError) Error() string { return "git does not know your name and e-mail: " + e.Detail }

// DetachedError says the repository has no branch checked out.
type DetachedError struct{ Root string }

func (e *DetachedError) Error() string {
	return e.Root + ": git has no branch checked out (detached HEAD)"
}

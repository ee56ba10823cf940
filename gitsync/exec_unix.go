//go:build unix

package gitsync

import (
	"context"
	"os/exec"
	"syscall"
)

// command runs git under umask 077, so that what git writes into the
// journal (the files of a pull, a folder for a new month) is the user's
// alone, mode 0600 and 0700, as tillit writes its own.
func command(ctx context.Context, git string, args []string) *exec.Cmd {
	return exec.CommandContext(ctx, "/bin/sh", append([]string{"-c", `umask 077 && exec "$0" "$@"`, git}, args...)...)
}

// detach starts git in a session of its own, without the terminal: no
// password prompt can draw over the interface, and a ctrl+c meant for
// tillit does not cut a rebase short.
func detach(cmd *exec.Cmd, detached bool) {
	if detached {
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	}
}

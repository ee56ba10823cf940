//go:build windows

package gitsync

import (
	"context"
	"os/exec"
	"syscall"
)

// command runs git; Windows keeps the journal private through the
// folder's access list, which new files inherit.
func command(ctx context.Context, git string, args []string) *exec.Cmd {
	return exec.CommandContext(ctx, git, args...)
}

// createNoWindow keeps a console window from opening for git.
const createNoWindow = 0x08000000

// detach runs git without a console of its own showing.
func detach(cmd *exec.Cmd, detached bool) {
	if detached {
		cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: createNoWindow}
	}
}

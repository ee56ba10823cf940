//go:build unix

package cli

import (
	"net"
	"syscall"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() { platformCmds["mkspecial"] = cmdMkSpecial }

// mkspecial fifo|socket|device PATH makes a file that is not a regular
// file: a named pipe, a unix socket left on disk, or a character device
// like /dev/null (skipped where devices cannot be made).
func cmdMkSpecial(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkspecial fifo|socket|device PATH")
	}
	path := ts.MkAbs(args[1])
	switch args[0] {
	case "fifo":
		ts.Check(syscall.Mkfifo(path, 0o600))
	case "socket":
		l, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
		ts.Check(err)
		l.SetUnlinkOnClose(false)
		ts.Check(l.Close())
	case "device":
		if err := syscall.Mknod(path, syscall.S_IFCHR|0o600, int(mkdev(1, 3))); err != nil {
			// Not allowed here: a FIFO is the nearest thing.
			ts.Logf("cannot make a device (%v): a FIFO instead", err)
			ts.Check(syscall.Mkfifo(path, 0o600))
		}
	default:
		ts.Fatalf("mkspecial: unknown kind %q", args[0])
	}
}

func mkdev(major, minor uint64) uint64 {
	return major<<8 | minor // Linux's old encoding, enough for small numbers
}

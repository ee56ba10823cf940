package journal

import (
	"errors"
	"io/fs"
	"os"
)

// NotRegularError says a file to be written exists and is not a plain
// file: a folder, a device, a FIFO, a socket or a symbolic link. Kind names
// which ("dir", "device", "fifo", "socket", "link", "other").
type NotRegularError struct {
	Path string
	Kind string
}

func (e *NotRegularError) Error() string {
	return e.Path + " is not a regular file (" + e.Kind + ")"
}

// CheckTarget fails with a *NotRegularError when path exists and is not a
// regular file; a path that does not exist yet is fine. WriteFile renames a
// new file over its target, which would replace a device node, a FIFO or a
// socket with a plain file and leave whatever used it broken, so none of
// them is ever a target, even with --force. A symbolic link is refused too
// rather than written through or replaced: the link is the user's, and
// where it points (another folder, a synced share) is not what they typed.
func CheckTarget(path string) error {
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	m := info.Mode()
	kind := ""
	switch {
	case m.IsRegular():
		return nil
	case m&fs.ModeSymlink != 0:
		kind = "link"
	case m.IsDir():
		kind = "dir"
	case m&fs.ModeDevice != 0:
		kind = "device"
	case m&fs.ModeNamedPipe != 0:
		kind = "fifo"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	default:
		kind = "other"
	}
	return &NotRegularError{Path: path, Kind: kind}
}

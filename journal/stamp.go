package journal

import (
	"io/fs"
	"time"
)

// stamp is what the file system says of a file that changes when the file
// does: its size, its modification and change times, and its inode. The
// index keeps it for each file, and takes a file for unchanged only while
// all of it is the same. The change time (ctime) is set by the system on
// every write and cannot be set back by hand: an edit that keeps the size
// and the modification time, or a clock that went backwards, still shows.
type stamp struct {
	size, mtime, ctime int64
	ino                uint64
}

// stampOf reads the stamp of a file from its information, as the system
// gives it (see the stat_*.go files).
func stampOf(info fs.FileInfo) stamp {
	s := stamp{size: info.Size(), mtime: info.ModTime().UnixNano()}
	sysStamp(info, &s)
	return s
}

// settled reports whether the file was last written long enough before
// now that a write after now shows in its stamp. A file written in the
// very moment it is read may be written again within the same tick of a
// coarse clock (a second, on some file systems) and keep its stamp: the
// index reads such a file again next time rather than trust it.
func (s stamp) settled(now time.Time) bool {
	newest := max(s.mtime, s.ctime)
	return now.UnixNano()-newest > int64(settleTime)
}

// settleTime is how old a file must be before its stamp is trusted: more
// than the coarsest clock of a file system tillit may find a journal on
// (FAT's two seconds).
const settleTime = 3 * time.Second

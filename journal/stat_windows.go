package journal

import (
	"io/fs"
	"syscall"
)

// Windows has no change time and no inode in a file's information: the
// time the file was made stands in, so a file replaced by another of the
// same size and time still shows.
func sysStamp(info fs.FileInfo, s *stamp) {
	if d, ok := info.Sys().(*syscall.Win32FileAttributeData); ok {
		s.ctime = d.CreationTime.Nanoseconds()
	}
}

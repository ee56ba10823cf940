package journal

import (
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// statIn reads the stamp of an item of the open folder dir, by its name
// in the folder: the system need not walk the whole path again for each
// of thousands of files.
func statIn(dir *os.File, item fs.DirEntry) (stamp, error) {
	var st unix.Stat_t
	if err := unix.Fstatat(int(dir.Fd()), item.Name(), &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return stamp{}, err
	}
	return stamp{size: st.Size, mtime: st.Mtim.Nano(), ctime: st.Ctim.Nano(), ino: st.Ino}, nil
}

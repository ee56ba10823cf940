package journal

import (
	"io/fs"
	"syscall"
)

func sysStamp(info fs.FileInfo, s *stamp) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		s.ctime = st.Ctimespec.Nano()
		s.ino = st.Ino
	}
}

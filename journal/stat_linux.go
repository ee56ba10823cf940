package journal

import (
	"io/fs"
	"syscall"
)

func sysStamp(info fs.FileInfo, s *stamp) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		fromStat(st, s)
	}
}

func fromStat(st *syscall.Stat_t, s *stamp) {
	s.size = st.Size
	s.mtime = st.Mtim.Nano()
	s.ctime = st.Ctim.Nano()
	s.ino = st.Ino
}

package journal

import (
	"errors"
	"fmt"
	"syscall"
)

// readJournalFile reads a file of the journal with as few calls to the
// system as it takes (open, stat, read, close): a journal of years is
// thousands of small files, and os.ReadFile spends more on its own
// bookkeeping than on the read. A link is not followed, a file that is not
// a plain one (a pipe) is not read, and nothing waits on either.
func readJournalFile(path string) ([]byte, stamp, error) {
	var (
		fd  int
		err error = syscall.EINTR
	)
	for errors.Is(err, syscall.EINTR) {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	}
	if err != nil {
		return nil, stamp{}, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, stamp{}, err
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, stamp{}, errors.New("not a plain file")
	}
	var s stamp
	fromStat(&st, &s)
	// One byte more than the size, to see the end in one read when the
	// file did not grow meanwhile.
	buf := make([]byte, 0, st.Size+1)
	for {
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		switch {
		case errors.Is(err, syscall.EINTR):
			continue
		case err != nil:
			return nil, stamp{}, err
		case n < 0:
			return nil, stamp{}, fmt.Errorf("read returned %d", n)
		case n == 0:
			return buf, s, nil
		}
		buf = buf[:len(buf)+n]
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"github.com/charmbracelet/x/vt"
)

// firstFrame starts tillit in a pseudo-terminal of 100×30 that answers as
// a terminal does (a terminal emulator reads what it writes), and returns
// how long it took until the screen shows today's date (the wall time of
// the run), and the processor time and peak memory of the whole run. Then
// it leaves with ctrl+c.
func firstFrame(env, args []string, date string) run {
	ctrl, tty, err := openPTY(100, 30)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchrun: pty:", err)
		os.Exit(1)
	}
	defer ctrl.Close()
	term := vt.NewSafeEmulator(100, 30)
	c := command(append(env, "TERM=xterm-256color", "COLORTERM=truecolor"), args...)
	c.Stdin, c.Stdout, c.Stderr = tty, tty, tty
	c.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	start := time.Now()
	if err := c.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
	tty.Close()
	go func() { // what the program writes goes to the terminal
		b := make([]byte, 64<<10)
		for {
			n, err := ctrl.Read(b)
			term.Write(b[:n])
			if err != nil {
				return
			}
		}
	}()
	go func() { // and the terminal's answers back to the program
		b := make([]byte, 4096)
		for {
			n, err := term.Read(b)
			if err != nil {
				return
			}
			ctrl.Write(b[:n])
		}
	}()
	took := 0.0
	for deadline := start.Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Microsecond) {
		if strings.Contains(term.String(), date) {
			took = ms(time.Since(start))
			break
		}
	}
	if took == 0 {
		fmt.Fprintf(os.Stderr, "benchrun: %q never showed on the screen:\n%s\n", date, term.String())
	}
	ctrl.Write([]byte{3}) // ctrl+c
	done := make(chan struct{})
	go func() { c.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		c.Process.Kill()
		<-done
	}
	r := finished(c.ProcessState, 0)
	r.wall = took
	return r
}

func openPTY(cols, rows uint16) (ctrl, tty *os.File, err error) {
	ctrl, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	var unlock int32
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ctrl.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		ctrl.Close()
		return nil, nil, e
	}
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ctrl.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		ctrl.Close()
		return nil, nil, e
	}
	if tty, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0); err != nil {
		ctrl.Close()
		return nil, nil, err
	}
	ws := struct{ rows, cols, x, y uint16 }{rows, cols, 0, 0}
	syscall.Syscall(syscall.SYS_IOCTL, tty.Fd(), syscall.TIOCSWINSZ, uintptr(unsafe.Pointer(&ws)))
	return ctrl, tty, nil
}

// peak is the largest the process grew, in MiB.
func peak(p *os.ProcessState) float64 {
	if p == nil {
		return 0
	}
	if r, ok := p.SysUsage().(*syscall.Rusage); ok {
		return float64(r.Maxrss) / 1024 // KiB on Linux
	}
	return 0
}

func cpus() int { return runtime.NumCPU() }

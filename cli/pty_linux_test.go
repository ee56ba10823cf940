//go:build linux

package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() {
	platformCmds["onpty"] = cmdOnPTY
	platformCmds["termsafe"] = cmdTermSafe
}

// openPTY opens a pseudo-terminal: the program gets tty, the test reads
// (and never answers on) ctrl.
func openPTY() (ctrl, tty *os.File, err error) {
	ctrl, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ctrl.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		ctrl.Close()
		return nil, nil, e
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ctrl.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		ctrl.Close()
		return nil, nil, e
	}
	tty, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		ctrl.Close()
		return nil, nil, err
	}
	ws := struct{ rows, cols, x, y uint16 }{24, 80, 0, 0}
	syscall.Syscall(syscall.SYS_IOCTL, tty.Fd(), syscall.TIOCSWINSZ, uintptr(unsafe.Pointer(&ws)))
	return ctrl, tty, nil
}

// runOnPTY runs cmd with stdin, stdout and stderr on a new pseudo-terminal
// that is its controlling terminal, and that never answers a query. It
// returns all the program wrote to the terminal and how long it ran.
func runOnPTY(cmd *exec.Cmd) (out []byte, took time.Duration, err error) {
	ctrl, tty, err := openPTY()
	if err != nil {
		return nil, 0, err
	}
	defer ctrl.Close()
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	var (
		buf  bytes.Buffer
		wg   sync.WaitGroup
		lock sync.Mutex
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		b := make([]byte, 4096)
		for {
			n, err := ctrl.Read(b)
			lock.Lock()
			buf.Write(b[:n])
			lock.Unlock()
			if err != nil {
				return // EIO once the program and its terminal are gone
			}
		}
	}()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		tty.Close()
		return nil, 0, err
	}
	tty.Close()
	err = cmd.Wait()
	took = time.Since(start)
	wg.Wait()
	return buf.Bytes(), took, err
}

// ptyEnv is what the scripts' environment passes on to a program run on a
// terminal.
var ptyEnv = []string{"PATH", "HOME", "TMPDIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME",
	"XDG_CONFIG_DIRS", "XDG_DATA_DIRS", "TILLIT_JOURNAL", "TILLIT_EDITOR", "TILLIT_LANG", "VISUAL", "EDITOR",
	"LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR", "TERM", "COLORFGBG"}

// onpty [-max DURATION] [-within DURATION] OUT PROG ARGS... runs PROG with
// a terminal that never answers as its stdin, stdout and stderr, writes what
// it wrote to the terminal to the file OUT, and fails when it exits with an
// error (unless negated), runs longer than -max, or runs longer than -within
// more than PROG --version does on such a terminal just before: the part of
// the time that is not start-up, which a busy machine stretches.
func cmdOnPTY(ts *testscript.TestScript, neg bool, args []string) {
	var limit, within time.Duration
	for len(args) > 1 && (args[0] == "-max" || args[0] == "-within") {
		d, err := time.ParseDuration(args[1])
		ts.Check(err)
		if args[0] == "-max" {
			limit = d
		} else {
			within = d
		}
		args = args[2:]
	}
	if len(args) < 2 {
		ts.Fatalf("usage: onpty [-max DURATION] [-within DURATION] OUT PROG [ARGS...]")
	}
	path, err := exec.LookPath(args[1])
	if err != nil {
		// The PATH of the script, where testscript put tillit.
		for _, dir := range filepathList(ts.Getenv("PATH")) {
			if p := dir + "/" + args[1]; fileExists(p) {
				path, err = p, nil
				break
			}
		}
	}
	ts.Check(err)
	command := func(args ...string) *exec.Cmd {
		cmd := exec.Command(path, args[1:]...)
		cmd.Args[0] = args[0]
		cmd.Dir = ts.Getenv("WORK")
		for _, k := range ptyEnv {
			if v := ts.Getenv(k); v != "" {
				cmd.Env = append(cmd.Env, k+"="+v)
			}
		}
		return cmd
	}
	var startup time.Duration
	if within > 0 {
		_, d, err := runOnPTY(command(args[1], "--version"))
		ts.Check(err)
		startup = d
	}
	out, took, err := runOnPTY(command(args[1:]...))
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), out, 0o600))
	ts.Logf("%s ran %v on a terminal (--version: %v)", args[1], took.Round(time.Millisecond), startup.Round(time.Millisecond))
	var exit *exec.ExitError
	switch {
	case err != nil && !errors.As(err, &exit):
		ts.Fatalf("onpty: %v", err)
	case err != nil && !neg:
		ts.Fatalf("%s on a terminal: %v\n%s", args[1], err, out)
	case err == nil && neg:
		ts.Fatalf("%s on a terminal succeeded", args[1])
	}
	if limit > 0 && took > limit {
		ts.Fatalf("%s took %v on a terminal that never answers; the limit is %v", args[1], took, limit)
	}
	if within > 0 && took-startup > within {
		ts.Fatalf("%s took %v on a terminal that never answers, %v more than --version; the limit is %v more", args[1], took, took-startup, within)
	}
}

func filepathList(s string) []string {
	var out []string
	for _, p := range bytes.Split([]byte(s), []byte(":")) {
		out = append(out, string(p))
	}
	return out
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// termsafe FILE fails when FILE holds anything a terminal would act on but
// tillit's own styling: an escape sequence other than SGR (ESC [ digits m),
// a C0 control but tab, newline and the CR of CRLF, DEL, a C1 control (as
// UTF-8 or as a raw byte), or a bidi override.
func cmdTermSafe(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: termsafe FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	if i, what := unsafeAt(data); i >= 0 {
		ts.Fatalf("%s: %s at byte %d: %q", args[0], what, i, data[max(0, i-20):min(len(data), i+30)])
	}
}

func unsafeAt(data []byte) (int, string) {
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == 0x1b:
			j := i + 1
			if j >= len(data) || data[j] != '[' {
				return i, "an escape sequence"
			}
			j++
			for j < len(data) && (data[j] >= '0' && data[j] <= '9' || data[j] == ';' || data[j] == ':') {
				j++
			}
			if j >= len(data) || data[j] != 'm' {
				return i, "a control sequence other than SGR"
			}
			i = j
		case c == '\r':
			if i+1 >= len(data) || data[i+1] != '\n' {
				return i, "a carriage return"
			}
		case c < 0x20 && c != '\t' && c != '\n', c == 0x7f:
			return i, fmt.Sprintf("control 0x%02x", c)
		case c >= 0x80 && c <= 0x9f:
			return i, fmt.Sprintf("raw C1 byte 0x%02x", c)
		case c == 0xc2 && i+1 < len(data) && data[i+1] >= 0x80 && data[i+1] <= 0x9f:
			return i, "a C1 control"
		case c == 0xe2 && i+2 < len(data) && ((data[i+1] == 0x80 && data[i+2] >= 0xaa && data[i+2] <= 0xae) || (data[i+1] == 0x81 && data[i+2] >= 0xa6 && data[i+2] <= 0xa9)):
			return i, "a bidi control"
		case c >= 0xc0:
			// Skip the rest of a UTF-8 character: its bytes are 0x80–0xbf.
			for i+1 < len(data) && data[i+1] >= 0x80 && data[i+1] <= 0xbf {
				i++
			}
		}
	}
	return -1, ""
}

// Leaving a check-in with ctrl+c on a terminal that never answers a query
// ends the program at once: nothing waits for the answer at exit.
func TestQuittingACheckinOnATerminalThatNeverAnswers(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	ctrl, tty, err := openPTY()
	if err != nil {
		t.Skip("no pseudo-terminal:", err)
	}
	defer ctrl.Close()
	cmd := exec.Command(exe, "checkin")
	cmd.Args[0] = "tillit"
	cmd.Env = []string{"HOME=" + home, "XDG_CONFIG_HOME=" + home + "/.config", "XDG_DATA_HOME=" + home + "/.local/share",
		"XDG_STATE_HOME=" + home + "/.local/state", "XDG_CACHE_HOME=" + home + "/.cache",
		"TILLIT_JOURNAL=" + home + "/journal", "TERM=xterm-256color", "LANG=C", "PATH=" + os.Getenv("PATH")}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	screen := make(chan string, 1)
	go func() {
		var buf bytes.Buffer
		b := make([]byte, 4096)
		sent := false
		for {
			n, err := ctrl.Read(b)
			buf.Write(b[:n])
			if !sent && bytes.Contains(buf.Bytes(), []byte("Clean up")) {
				sent = true
				screen <- "shown"
			}
			if err != nil {
				if !sent {
					screen <- buf.String()
				}
				return
			}
		}
	}()
	select {
	case s := <-screen:
		if s != "shown" {
			t.Fatalf("the check-in never showed:\n%q", s)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the check-in never showed")
	}
	start := time.Now()
	ctrl.Write([]byte{3}) // ctrl+c
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("ctrl+c did not end the check-in")
	}
	if took := time.Since(start); took > 500*time.Millisecond && !raceDetector {
		t.Errorf("ctrl+c took %v to end the check-in on a terminal that never answers", took)
	} else {
		t.Logf("ctrl+c ended the check-in in %v", took.Round(time.Millisecond))
	}
}

package cli

import (
	"image/color"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// bgQueryTimeout is how long a plain command waits for the terminal to
// say its background colour. Terminals that answer do so in a few
// milliseconds; some never do, and Lip Gloss's own query waits 2 s on each
// of stdin and stdout for them.
const bgQueryTimeout = 150 * time.Millisecond

// darkBackground says whether the terminal has a dark background, for the
// styles of a plain command's output. COLORFGBG answers without asking;
// else the terminal is asked, for bgQueryTimeout at most. Dark is the
// guess when nothing answers.
func darkBackground() bool {
	if dark, ok := colorFGBG(os.Getenv("COLORFGBG")); ok {
		return dark
	}
	if dark, ok := queryBackground(bgQueryTimeout); ok {
		return dark
	}
	return true
}

// dark says whether to style for a dark background: as the theme setting
// says, or as the terminal answers when it is auto.
func (a *app) dark() bool {
	switch a.cfg.Theme {
	case "dark":
		return true
	case "light":
		return false
	}
	return darkBackground()
}

// colorFGBG reads $COLORFGBG ("15;0", "default;default;0"): the last
// field is the background's colour number, 0–6 and 8 being the dark ones.
func colorFGBG(v string) (dark, ok bool) {
	if v == "" {
		return false, false
	}
	f := strings.Split(v, ";")
	bg := f[len(f)-1]
	if bg == "default" {
		return true, true
	}
	n, err := strconv.Atoi(bg)
	if err != nil || n < 0 || n > 15 {
		return false, false
	}
	return n <= 6 || n == 8, true
}

// queryBackground asks the controlling terminal for its background (OSC
// 11), with a request for its attributes (DA1) after it: a terminal that
// does not know OSC 11 still answers DA1, which ends the wait at once. A
// terminal that answers neither costs timeout.
func queryBackground(timeout time.Duration) (dark, ok bool) {
	// A fresh descriptor of the terminal, unlike os.Stdin, can be read
	// with a deadline.
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return false, false
	}
	defer tty.Close()
	raw, err := tty.SyscallConn()
	if err != nil {
		return false, false
	}
	var state *term.State
	raw.Control(func(fd uintptr) {
		if term.IsTerminal(fd) {
			state, err = term.MakeRaw(fd)
		}
	})
	if state == nil || err != nil {
		return false, false
	}
	defer raw.Control(func(fd uintptr) { term.Restore(fd, state) })
	if _, err := tty.WriteString(ansi.RequestBackgroundColor + ansi.RequestPrimaryDeviceAttributes); err != nil {
		return false, false
	}
	if err := tty.SetReadDeadline(time.Now().Add(timeout)); err != nil {
		return false, false // no deadline on this system: do not risk a wait
	}
	var (
		buf []byte
		bg  color.Color
	)
	chunk := make([]byte, 256)
	for len(buf) < 4096 {
		n, err := tty.Read(chunk)
		buf = append(buf, chunk[:n]...)
		var done bool
		bg, done = parseReplies(buf)
		if done || err != nil {
			break
		}
	}
	if bg == nil {
		return false, false
	}
	return isDark(bg), true
}

// parseReplies reads the terminal's answers: the background colour, if it
// gave one, and whether the DA1 answer that ends them has come.
func parseReplies(b []byte) (bg color.Color, done bool) {
	s := string(b)
	if i := strings.Index(s, "\x1b]11;"); i >= 0 {
		rest := s[i+5:]
		if j := strings.IndexAny(rest, "\x07\x1b"); j >= 0 {
			bg = ansi.XParseColor(rest[:j])
		}
	}
	if i := strings.Index(s, "\x1b[?"); i >= 0 && strings.Contains(s[i:], "c") {
		done = true
	}
	return bg, done
}

// isDark reports whether a colour is dark: its relative luminance is below
// the middle.
func isDark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	lum := 0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)
	return lum < 0.5*0xffff
}

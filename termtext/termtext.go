// Package termtext makes text that comes from outside tillit (journal
// entries, prompt packs, imported jrnl journals, file names) safe to show
// on a terminal: a terminal acts on escape and control sequences instead of
// showing them, so an entry holding OSC 52 could set the clipboard, OSC 0
// the window title, a CSI sequence clear the screen or move the cursor.
//
// It holds plain Go with no terminal or UI imports, so the command line,
// the interface and any other front end can use it.
//
// Where it is used: text from outside is cleaned where it enters output
// (Clean), before tillit adds its own styling, so that not even SGR bytes
// of the user's reach the terminal; what tillit writes to a terminal then
// goes through a Writer that lets only SGR (colour and weight) through, as
// a backstop for any path that forgot.
package termtext

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// Clean returns s without what a terminal would act on rather than show:
//
//   - C0 controls but tab and newline (a CR only before a newline, so CRLF
//     files print as they are; a lone CR would overwrite the line), and DEL;
//   - escape sequences of every kind, whole: CSI, OSC (to BEL or ST), DCS,
//     APC, PM, SOS, two- and three-byte escapes, and a lone ESC;
//   - C1 controls (U+0080–U+009F, or the raw bytes 0x80–0x9F) and the
//     sequences the 8-bit CSI, OSC, DCS, APC, PM and SOS begin;
//   - the bidi embedding, override and isolate characters (U+202A–U+202E,
//     U+2066–U+2069), which can make text read other than it is.
//
// Letters of every script, emoji with ZWJ and variation selectors, tabs
// and newlines are kept. Bytes that are not UTF-8 become U+FFFD.
func Clean(s string) string { return filter(s, false) }

// KeepSGR is Clean, except that SGR sequences (ESC [ params m: colour,
// bold, faint…) are kept: for text tillit styled itself.
func KeepSGR(s string) string { return filter(s, true) }

// clean reports whether s has nothing to remove (the common case).
func clean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
				return false
			}
			if c == '\r' && (i+1 >= len(s) || s[i+1] != '\n') {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || isC1(r) || isBidi(r) {
			return false
		}
		i += n
	}
	return true
}

func isC1(r rune) bool   { return r >= 0x80 && r <= 0x9f }
func isBidi(r rune) bool { return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) }

func filter(s string, keepSGR bool) string {
	if clean(s) && !strings.Contains(s, "\x1b") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0x1b:
				n, sgr := escape(s[i:])
				if sgr && keepSGR {
					b.WriteString(s[i : i+n])
				}
				i += n
			case c == '\r':
				if i+1 < len(s) && s[i+1] == '\n' {
					b.WriteByte('\r')
				}
				i++
			case (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f:
				i++
			default:
				b.WriteByte(c)
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1 && c <= 0x9f:
			// A raw 8-bit C1 control: a terminal in 8-bit mode acts on it.
			i += 1 + c1Body(c, s[i+1:])
		case isC1(r):
			i += n + c1Body(byte(r), s[i+n:])
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
			i++
		case isBidi(r):
			i += n
		default:
			b.WriteString(s[i : i+n])
			i += n
		}
	}
	return b.String()
}

// escape measures the escape sequence at the start of s (s[0] is ESC) and
// reports whether it is an SGR sequence.
func escape(s string) (n int, sgr bool) {
	if len(s) < 2 {
		return 1, false
	}
	switch c := s[1]; {
	case c == '[':
		n, final := csi(s[2:])
		return 2 + n, final == 'm' && sgrParams(s[2:2+n-1])
	case c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X':
		return 2 + stringBody(s[2:]), false
	case c >= 0x20 && c <= 0x2f:
		// nF: intermediates, then one final byte.
		i := 1
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i, false
	case c >= 0x30 && c <= 0x7e:
		return 2, false // Fp, Fe, Fs: ESC 7, ESC c, ESC M…
	}
	return 1, false // a lone ESC: what follows is text
}

// csi measures the parameters, intermediates and final byte of a control
// sequence; final is 0 when the sequence is cut off or malformed (then only
// the bytes that belong to it are taken).
func csi(s string) (n int, final byte) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x20 && c <= 0x3f:
		case c >= 0x40 && c <= 0x7e:
			return i + 1, c
		default:
			return i, 0
		}
	}
	return len(s), 0
}

// sgrParams reports whether p is made of SGR parameters only.
func sgrParams(p string) bool {
	for i := 0; i < len(p); i++ {
		if c := p[i]; (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}

// stringBody measures the body of an OSC, DCS, APC, PM or SOS string and
// its terminator: BEL, ST (ESC \ or U+009C). It also ends at a newline:
// the sequence is dropped whole either way, and the text after it is shown.
func stringBody(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 0x07:
			return i + 1
		case '\n':
			return i
		case 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i // a new sequence begins
		case 0x9c:
			return i + 1
		case 0xc2:
			if i+1 < len(s) && s[i+1] == 0x9c {
				return i + 2
			}
		}
	}
	return len(s)
}

// c1Body measures what follows the C1 control c: the rest of a CSI, or
// the string of an OSC, DCS, APC, PM or SOS.
func c1Body(c byte, s string) int {
	switch c {
	case 0x9b:
		n, _ := csi(s)
		return n
	case 0x9d, 0x90, 0x9f, 0x9e, 0x98:
		return stringBody(s)
	}
	return 0
}

// Writer passes on what is written to it with only SGR escape sequences
// left in (see KeepSGR). No sequence Clean knows runs past a newline, so
// when the last line written so far holds the start of one (or ends inside
// a character), that line is kept back until a newline, Flush, or 4 KiB.
type Writer struct {
	w    io.Writer
	held []byte
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write filters p and writes it; it reports all of p as written.
func (w *Writer) Write(p []byte) (int, error) {
	data := append(w.held, p...)
	cut := len(data)
	if tail := data[bytes.LastIndexByte(data, '\n')+1:]; len(tail) < 4096 && unfinished(tail) {
		cut -= len(tail)
	}
	w.held = append([]byte(nil), data[cut:]...)
	if cut > 0 {
		if _, err := io.WriteString(w.w, KeepSGR(string(data[:cut]))); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// Flush writes what is held back, as text that ended there.
func (w *Writer) Flush() error {
	if len(w.held) == 0 {
		return nil
	}
	s := KeepSGR(string(w.held))
	w.held = nil
	_, err := io.WriteString(w.w, s)
	return err
}

// unfinished reports whether line may still grow into something filter
// would read otherwise: it holds an ESC or anything Clean takes out (a C1
// control, a CR that may be half of CRLF, a character cut off).
func unfinished(line []byte) bool {
	return bytes.IndexByte(line, 0x1b) >= 0 || !clean(string(line))
}

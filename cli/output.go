package cli

import (
	"io"
	"os"

	"tillit/termtext"
)

// What tillit prints goes to the terminal clean, in two layers:
//
//   - Text from outside tillit (journal entries, prompt packs, imported
//     jrnl text, file names) is cleaned with termtext.Clean where a command
//     puts it into its output, before any styling: not even SGR bytes of
//     the user's get through, to a terminal or a pipe (piped output is
//     often shown on a terminal later). Exports written with -o, or piped,
//     keep the user's bytes: they are files.
//   - Standard output and standard error, when they are terminals, pass
//     through a termtext.Writer that lets only SGR through: tillit's own
//     colours and weights, from Glamour, Lip Gloss and fang. It is the
//     backstop for a path that forgot the first layer.

// terminalOut is standard output or error when it is a terminal. It still
// says it is one (Fd), so colorprofile and fang style for it.
type terminalOut struct {
	*termtext.Writer
	f *os.File
}

func (t terminalOut) Read(p []byte) (int, error) { return t.f.Read(p) }
func (t terminalOut) Close() error               { return nil } // the process's own stream
func (t terminalOut) Fd() uintptr                { return t.f.Fd() }

// toTerminal puts w behind the filter when it is a terminal.
func toTerminal(w io.Writer) io.Writer {
	if f, ok := w.(*os.File); ok && isTerminal(f) {
		return terminalOut{termtext.NewWriter(f), f}
	}
	return w
}

// flush writes what the filter of w holds back, if it has one.
func flush(w io.Writer) {
	if t, ok := w.(terminalOut); ok {
		_ = t.Flush()
	}
}

// terminalFile returns the file behind w when w is a terminal.
func terminalFile(w io.Writer) (*os.File, bool) {
	switch w := w.(type) {
	case terminalOut:
		return w.f, true
	case *os.File:
		return w, isTerminal(w)
	}
	return nil, false
}

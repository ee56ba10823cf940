package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"tillit/journal"
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

// checkOutput says, before any work is done, whether a command may write
// the file out (-o): a folder, a device or a link is never replaced, and an
// existing file only with --force. "" is standard output.
func (a *app) checkOutput(out string, force bool) error {
	if out == "" {
		return nil
	}
	if err := journal.CheckTarget(out); err != nil {
		return err
	}
	if !force {
		if _, err := os.Stat(out); err == nil {
			return errors.New(a.lang.T("err.export_exists", "Path", out))
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// writeOutput writes a document to the file out, privately and
// atomically, and says so with the message done; or to standard output
// when out is "".
func (a *app) writeOutput(out string, data []byte, done string) error {
	if out == "" {
		if _, ok := terminalFile(a.stdout); ok {
			// To a terminal, the journal's bytes must not drive it. To a
			// pipe or with -o, the document is a file: the bytes stay.
			data = []byte(termtext.Clean(string(data)))
		}
		_, err := a.stdout.Write(data)
		return err
	}
	if err := journal.WriteFile(out, data); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, a.lang.T(done, "Path", out))
	return nil
}

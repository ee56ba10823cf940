//go:build windows

package cli

import (
	"io"

	"golang.org/x/sys/windows"
)

// enableVirtualTerminal lets an older Windows console understand the
// colours of the help and of plain commands (Windows Terminal always
// does). A console that refuses is left as it is: the text still reads.
func enableVirtualTerminal(ws ...io.Writer) {
	for _, w := range ws {
		f, ok := terminalFile(w)
		if !ok {
			continue
		}
		var mode uint32
		h := windows.Handle(f.Fd())
		if windows.GetConsoleMode(h, &mode) == nil {
			_ = windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING)
		}
	}
}

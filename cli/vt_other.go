//go:build !windows

package cli

import "io"

// enableVirtualTerminal is needed on Windows only: other terminals
// understand escape sequences as they are.
func enableVirtualTerminal(...io.Writer) {}

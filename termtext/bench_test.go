package termtext

import (
	"strings"
	"testing"
)

// BenchmarkKeepSGRFrame filters a styled frame of 300×100 cells, as the
// interface does with every frame it draws.
func BenchmarkKeepSGRFrame(b *testing.B) {
	line := strings.Repeat("\x1b[38;5;110mæøå tekst\x1b[0m ", 25) + "\n"
	frame := strings.Repeat(line, 100)
	b.SetBytes(int64(len(frame)))
	for range b.N {
		_ = KeepSGR(frame)
	}
}

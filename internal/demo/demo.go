// Package demo writes the journals the benchmarks run on, as tillit demo
// writes them (the built-in pack in Norwegian), each size once per run of
// a test binary.
package demo

import (
	"os"
	"sync"
	"testing"

	"tillit/content"
	"tillit/journal"
	"tillit/locale"
	"tillit/report"
)

// End is the last day of the journals.
var End = journal.Date{Year: 2026, Month: 11, Day: 26}

// Sizes are the sizes the benchmarks run on, in days: 365, 3,650 and
// 36,500, the last left out under -short (it takes a while to write).
func Sizes() []int {
	if testing.Short() {
		return []int{365, 3650}
	}
	return []int{365, 3650, 36500}
}

var (
	mu    sync.Mutex
	roots = map[int]string{}
)

// Journal returns the folder of a journal of days ending on End, writing
// it the first time.
func Journal(tb testing.TB, days int) string {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	if root, ok := roots[days]; ok {
		return root
	}
	root, err := os.MkdirTemp("", "tillit-bench-")
	if err != nil {
		tb.Fatal(err)
	}
	text, err := report.SampleText(locale.New("nb"), content.MustBuiltin("nb"))
	if err != nil {
		tb.Fatal(err)
	}
	if err := journal.Sample(journal.NewStore(root), End, days, 14, text); err != nil {
		tb.Fatal(err)
	}
	roots[days] = root
	return root
}

// Main runs the tests, then removes the journals written.
func Main(m *testing.M) {
	code := m.Run()
	for _, root := range roots {
		os.RemoveAll(root)
	}
	os.Exit(code)
}

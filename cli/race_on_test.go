//go:build race

package cli

// raceDetector says the tests run under the race detector, which makes
// every process several times slower: timings then say nothing.
const raceDetector = true

//go:build race

package coach

// raceDetector is set when the tests run with -race, which makes them
// many times slower: the longest run fewer rounds.
const raceDetector = true

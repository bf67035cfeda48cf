//go:build !race

package escalation_test

// raceEnabled reports whether the tests run under the race detector,
// which makes the randomized tests about ten times slower.
const raceEnabled = false

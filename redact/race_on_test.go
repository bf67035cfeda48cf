//go:build race

package redact_test

// adversarialSize is the length of the inputs of TestAdversarialInputs.
// The race detector slows the scanner down about tenfold, so under it the
// inputs are 64 KiB: a quadratic scanner would still take minutes.
const adversarialSize = 1 << 16

// joinCases is the number of texts TestIdempotentJoins redacts.
const joinCases = 4000

// raceEnabled tells whether the tests run under the race detector.
const raceEnabled = true

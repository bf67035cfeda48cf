//go:build !race

package redact_test

// adversarialSize is the length of the inputs of TestAdversarialInputs.
const adversarialSize = 1 << 20

// joinCases is the number of texts TestIdempotentJoins redacts.
const joinCases = 40000

// raceEnabled tells whether the tests run under the race detector.
const raceEnabled = false

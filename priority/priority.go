package priority

import (
	"fmt"
	"strconv"
)

// Priority is a ticket's priority level. 1 is the most urgent; larger
// numbers are less urgent. A [Matrix] declares which levels exist (1 through
// [Matrix.Levels]) and what each is called.
//
// The zero value is not a valid priority: every matrix rejects it. A Priority
// is a plain integer, so it is safe to copy, compare and use as a map key.
type Priority int

// String formats p as "P" followed by its number, as in "P3", whether or not
// p is valid; invalid values print the same way ("P0", "P-1"). Use
// [Matrix.Label] for the name a matrix gives a level.
func (p Priority) String() string {
	var buf [24]byte
	b := append(buf[:0], 'P')
	return string(strconv.AppendInt(b, int64(p), 10))
}

// Parse reads a priority code written as "P2", "p2" or "2": an optional P
// (either case) followed by the decimal number of the level, at least 1.
// Surrounding white space, signs and other characters are not accepted. A
// code that is not of that form is an error wrapping [ErrSyntax]; a number
// below 1 or too large for a Priority is an error wrapping [ErrRange].
//
// Parse knows nothing of labels or of how many levels a matrix declares; use
// [Matrix.Parse] for that.
func Parse(s string) (Priority, error) {
	p, err := parseCode(s)
	switch err {
	case nil:
		return p, nil
	case ErrRange:
		return 0, fmt.Errorf("priority: %q: %w (want a level of 1 or more)", s, err)
	default:
		return 0, fmt.Errorf("priority: %q: %w (want \"P2\" or \"2\")", s, err)
	}
}

// parseCode is Parse without the error wrapping: it returns ErrSyntax or
// ErrRange bare.
func parseCode(s string) (Priority, error) {
	digits := s
	if len(digits) > 0 && (digits[0] == 'P' || digits[0] == 'p') {
		digits = digits[1:]
	}
	if digits == "" {
		return 0, ErrSyntax
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, ErrSyntax
		}
	}
	n, err := strconv.ParseInt(digits, 10, strconv.IntSize)
	if err != nil || n < 1 {
		// Only digits are left, so the only failure is a value out of range.
		return 0, ErrRange
	}
	return Priority(n), nil
}

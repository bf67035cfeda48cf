package priority

import (
	"errors"
	"strconv"
	"strings"
)

// Errors returned by the package. Each is wrapped in an error that starts
// with "priority:" and names the offending value, axis, label or grid cell;
// test for them with [errors.Is].
var (
	// ErrSyntax reports text that is not a priority code ("P2", "2") or,
	// for [Matrix.Parse], not one of the matrix's labels either.
	ErrSyntax = errors.New("not a priority")
	// ErrRange reports a priority outside the levels a matrix declares
	// (1 through [Matrix.Levels]), or a code below 1.
	ErrRange = errors.New("priority out of range")
	// ErrAxis reports a bad list of impacts or urgencies: an empty list, an
	// empty value, a value with surrounding white space, or two values that
	// are equal ignoring case.
	ErrAxis = errors.New("bad axis")
	// ErrGrid reports a grid whose shape does not match the axes: a missing
	// or extra row, or a row with a missing or extra column.
	ErrGrid = errors.New("grid does not match the axes")
	// ErrLabel reports a bad level label: empty, with surrounding white
	// space, equal (ignoring case) to another level's label, or spelled
	// like another level's code.
	ErrLabel = errors.New("bad label")
	// ErrUnknownImpact reports an impact that the matrix does not have. It
	// comes wrapped in a *[ValueError] that lists the allowed values.
	ErrUnknownImpact = errors.New("unknown impact")
	// ErrUnknownUrgency reports an urgency that the matrix does not have.
	// It comes wrapped in a *[ValueError] that lists the allowed values.
	ErrUnknownUrgency = errors.New("unknown urgency")
)

// ValueError reports an impact or urgency that a matrix does not have, as
// returned by [Matrix.Priority]. It unwraps to [ErrUnknownImpact] or
// [ErrUnknownUrgency].
type ValueError struct {
	Axis    string   // "impact" or "urgency"
	Value   string   // the value as given
	Allowed []string // the matrix's values on that axis, in order
}

// Error names the axis and the value, and lists the allowed values.
func (e *ValueError) Error() string {
	var b strings.Builder
	b.WriteString("priority: unknown ")
	b.WriteString(e.Axis)
	b.WriteString(" ")
	b.WriteString(strconv.Quote(e.Value))
	if len(e.Allowed) == 0 {
		b.WriteString(" (the matrix has no ")
		b.WriteString(e.Axis)
		b.WriteString(" values)")
		return b.String()
	}
	b.WriteString(" (allowed: ")
	for i, v := range e.Allowed {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(v))
	}
	b.WriteString(")")
	return b.String()
}

// Unwrap returns [ErrUnknownImpact] or [ErrUnknownUrgency], after e.Axis.
func (e *ValueError) Unwrap() error {
	if e.Axis == axisUrgency {
		return ErrUnknownUrgency
	}
	return ErrUnknownImpact
}

const (
	axisImpact  = "impact"
	axisUrgency = "urgency"
)

package escalation

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/slakit/slakit/internal/durfmt"
)

// triggerKind says which of the three forms a [Trigger] takes.
type triggerKind uint8

const (
	noTrigger triggerKind = iota
	percentTrigger
	beforeTrigger
	afterTrigger
)

// Trigger is where a [Level] falls on an SLA clock: a share of the target
// ([AtPercent]) or an offset before or after the due instant ([BeforeDue],
// [AfterDue]). Shares and offsets count on the clock's own time, business
// or calendar, exactly as the target does; see the package documentation.
//
// The zero value is no trigger: [NewLadder] rejects it. Trigger is a small
// comparable value, safe for simultaneous use.
type Trigger struct {
	kind   triggerKind
	pct    float64
	offset time.Duration
}

// AtPercent returns the trigger at p percent of the clock's target: 100 is
// the breach, 75 is three quarters of the target, 150 is half a target past
// the due instant. p must be finite and greater than zero ([NewLadder]
// checks).
func AtPercent(p float64) Trigger { return Trigger{kind: percentTrigger, pct: p} }

// BeforeDue returns the trigger d of counted time before the clock reaches
// its target. d must be greater than zero ([NewLadder] checks). On a clock
// whose target is d or shorter, the trigger falls at the start of counting:
// when the clock first counts ([sla.Clock.When] of 0): on business time
// the first open instant after the start (Monday 09:00 for a ticket
// created on Saturday), and for a ticket created in a pause status the
// first resume.
func BeforeDue(d time.Duration) Trigger { return Trigger{kind: beforeTrigger, offset: d} }

// AfterDue returns the trigger d of counted time after the clock reached
// its target. d must be greater than zero ([NewLadder] checks).
func AfterDue(d time.Duration) Trigger { return Trigger{kind: afterTrigger, offset: d} }

// IsZero reports whether t is the zero Trigger, which is no trigger.
func (t Trigger) IsZero() bool { return t == Trigger{} }

// Percent returns the share of a trigger made by [AtPercent], and false for
// any other trigger.
func (t Trigger) Percent() (float64, bool) {
	return t.pct, t.kind == percentTrigger
}

// Offset returns the offset from the due instant of a trigger made by
// [BeforeDue] (negative) or [AfterDue] (positive), and false for any other
// trigger.
func (t Trigger) Offset() (time.Duration, bool) {
	switch t.kind {
	case beforeTrigger:
		return -t.offset, true
	case afterTrigger:
		return t.offset, true
	}
	return 0, false
}

// Counted returns the counted time at which t falls on a clock whose target
// is target: p/100*target rounded to the nanosecond for [AtPercent],
// target-d for [BeforeDue] (zero when d >= target) and target+d for
// [AfterDue]. It reports false for an invalid trigger, a target that is not
// positive, and a result too large for a [time.Duration]: such a trigger
// is never reached.
func (t Trigger) Counted(target time.Duration) (time.Duration, bool) {
	if target <= 0 || t.check() != nil {
		return 0, false
	}
	switch t.kind {
	case percentTrigger:
		f := math.Round(float64(target) * t.pct / 100)
		if f >= math.MaxInt64 { // float64(MaxInt64) is 2^63, itself too large
			return 0, false
		}
		return time.Duration(f), true
	case beforeTrigger:
		return max(target-t.offset, 0), true
	default: // afterTrigger
		if t.offset > math.MaxInt64-target {
			return 0, false
		}
		return target + t.offset, true
	}
}

// String formats t as its JSON form does: "75%", "-30m" (before due) or
// "+1h" (after due); the zero Trigger is "none". [ParseTrigger] reads the
// string back to the same Trigger.
func (t Trigger) String() string {
	switch t.kind {
	case percentTrigger:
		return strconv.FormatFloat(t.pct, 'f', -1, 64) + "%"
	case beforeTrigger:
		return "-" + durfmt.Compact(t.offset)
	case afterTrigger:
		return "+" + durfmt.Compact(t.offset)
	}
	return "none"
}

// ErrBadTrigger reports a trigger that is not a positive share or a
// positive offset, or a string that is not a trigger.
var ErrBadTrigger = errors.New("bad trigger")

// check reports why t is not a valid trigger, or nil.
func (t Trigger) check() error {
	switch t.kind {
	case noTrigger:
		return fmt.Errorf("%w: no trigger", ErrBadTrigger)
	case percentTrigger:
		if math.IsNaN(t.pct) || math.IsInf(t.pct, 0) || t.pct <= 0 {
			return fmt.Errorf("%w: share %v%% is not a finite percentage above 0", ErrBadTrigger, t.pct)
		}
	default:
		if t.offset <= 0 {
			return fmt.Errorf("%w: offset %v from due is not above 0", ErrBadTrigger, t.offset)
		}
	}
	return nil
}

// ParseTrigger parses the text form of a trigger: a share such as "75%",
// "50.5%" or "150%" ([AtPercent]), an offset before due such as "-30m"
// ([BeforeDue]) or after due such as "+1h" or "+1h30m" ([AfterDue]);
// offsets use [time.ParseDuration]'s units. Surrounding spaces, signs on
// shares, zero or negative amounts and any other text are errors that wrap
// [ErrBadTrigger].
func ParseTrigger(s string) (Trigger, error) {
	t, err := parseTrigger(s)
	if err != nil {
		return Trigger{}, fmt.Errorf("escalation: trigger %w", err)
	}
	return t, nil
}

// parseTrigger is ParseTrigger with errors that start with the quoted text.
func parseTrigger(s string) (Trigger, error) {
	bad := func(why string) (Trigger, error) {
		return Trigger{}, fmt.Errorf("%q: %w: %s", s, ErrBadTrigger, why)
	}
	if s == "" {
		return bad(`empty; want a share like "75%" or an offset like "-30m" or "+1h"`)
	}
	var t Trigger
	switch {
	case strings.HasSuffix(s, "%"):
		num := s[:len(s)-1]
		if !isDecimal(num) {
			return bad(`share must be a decimal number of percent such as "75%"`)
		}
		p, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return bad("share out of range")
		}
		t = AtPercent(p)
	case s[0] == '-' || s[0] == '+':
		rest := s[1:]
		if rest == "" || rest[0] == '-' || rest[0] == '+' {
			return bad("offset must be one sign and a duration such as -30m or +1h")
		}
		d, err := time.ParseDuration(rest)
		if err != nil {
			return bad("offset is not a duration such as 30m or 1h30m")
		}
		if s[0] == '-' {
			t = BeforeDue(d)
		} else {
			t = AfterDue(d)
		}
	default:
		return bad(`want a share like "75%", or an offset before ("-30m") or after ("+1h") due`)
	}
	if err := t.check(); err != nil {
		return Trigger{}, fmt.Errorf("%q: %w", s, err)
	}
	return t, nil
}

// isDecimal reports whether s is digits with at most one decimal point
// (no sign, exponent, spaces, "Inf" or "NaN").
func isDecimal(s string) bool {
	dot, digits := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits = true
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits
}

// MarshalText implements [encoding.TextMarshaler] with the form of
// [Trigger.String]; it fails for an invalid trigger.
func (t Trigger) MarshalText() ([]byte, error) {
	if err := t.check(); err != nil {
		return nil, fmt.Errorf("escalation: trigger: %w", err)
	}
	return []byte(t.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseTrigger].
func (t *Trigger) UnmarshalText(b []byte) error {
	v, err := ParseTrigger(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

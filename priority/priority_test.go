package priority_test

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/slakit/slakit/priority"
	"github.com/stretchr/testify/assert"
)

func TestPriorityString(t *testing.T) {
	tests := []struct {
		p    priority.Priority
		want string
	}{
		{1, "P1"},
		{3, "P3"},
		{12, "P12"},
		{0, "P0"},
		{-2, "P-2"},
		{math.MaxInt, "P" + strconv.Itoa(math.MaxInt)},
	}
	for _, tc := range tests {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("Priority(%d).String() = %q want %q", int(tc.p), got, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want priority.Priority
	}{
		{"P2", 2},
		{"p2", 2},
		{"2", 2},
		{"P1", 1},
		{"p10", 10},
		{"007", 7},
		{"P" + strconv.Itoa(math.MaxInt), math.MaxInt},
	}
	for _, tc := range tests {
		got, err := priority.Parse(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q) = %v, %v want %v, nil", tc.in, got, err, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in       string
		sentinel error
	}{
		{"", priority.ErrSyntax},
		{"P", priority.ErrSyntax},
		{"p", priority.ErrSyntax},
		{"PP2", priority.ErrSyntax},
		{" P2", priority.ErrSyntax},
		{"P2 ", priority.ErrSyntax},
		{"P 2", priority.ErrSyntax},
		{"+2", priority.ErrSyntax},
		{"-2", priority.ErrSyntax},
		{"P-2", priority.ErrSyntax},
		{"2.0", priority.ErrSyntax},
		{"0x2", priority.ErrSyntax},
		{"Critical", priority.ErrSyntax},
		{"２", priority.ErrSyntax}, // a full-width digit
		{"P0", priority.ErrRange},
		{"0", priority.ErrRange},
		{"000", priority.ErrRange},
		{"99999999999999999999", priority.ErrRange},
	}
	for _, tc := range tests {
		got, err := priority.Parse(tc.in)
		if got != 0 || !errors.Is(err, tc.sentinel) {
			t.Errorf("Parse(%q) = %v, %v want 0, %v", tc.in, got, err, tc.sentinel)
		}
	}
	_, err := priority.Parse("P-2")
	assert.EqualError(t, err, `priority: "P-2": not a priority (want "P2" or "2")`)
	_, err = priority.Parse("P0")
	assert.EqualError(t, err, `priority: "P0": priority out of range (want a level of 1 or more)`)
}

func TestMatrixParse(t *testing.T) {
	m := priority.ITIL()
	tests := []struct {
		in   string
		want priority.Priority
	}{
		{"P2", 2},
		{"p2", 2},
		{"2", 2},
		{"P5", 5},
		{"Critical", 1},
		{"critical", 1},
		{"CRITICAL", 1},
		{"high", 2},
		{"Medium", 3},
		{"low", 4},
		{"PLANNING", 5},
	}
	for _, tc := range tests {
		got, err := m.Parse(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ITIL().Parse(%q) = %v, %v want %v, nil", tc.in, got, err, tc.want)
		}
	}
	// Every level's label and code read back to the level.
	for p := priority.Priority(1); int(p) <= m.Levels(); p++ {
		for _, s := range []string{m.Label(p), p.String()} {
			if got, err := m.Parse(s); err != nil || got != p {
				t.Errorf("ITIL().Parse(%q) = %v, %v want %v, nil", s, got, err, p)
			}
		}
	}
}

func TestMatrixParseErrors(t *testing.T) {
	itil := priority.ITIL()
	bare, err := priority.NewMatrix([]string{"A"}, []string{"B", "C"}, [][]priority.Priority{{1, 3}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		m        *priority.Matrix
		in       string
		sentinel error
		msg      string
	}{
		{"itil", itil, "P6", priority.ErrRange, `priority: "P6": priority out of range: levels are 1..5`},
		{"itil", itil, "0", priority.ErrRange, `priority: "0": priority out of range: levels are 1..5`},
		{"itil", itil, "Urgent", priority.ErrSyntax,
			`priority: "Urgent": not a priority: want P1..P5 or a label (Critical, High, Medium, Low, Planning)`},
		{"itil", itil, " Critical", priority.ErrSyntax,
			`priority: " Critical": not a priority: want P1..P5 or a label (Critical, High, Medium, Low, Planning)`},
		{"itil", itil, "", priority.ErrSyntax,
			`priority: "": not a priority: want P1..P5 or a label (Critical, High, Medium, Low, Planning)`},
		{"bare", bare, "P4", priority.ErrRange, `priority: "P4": priority out of range: levels are 1..3`},
		{"bare", bare, "Critical", priority.ErrSyntax, `priority: "Critical": not a priority: want P1..P3`},
	}
	for _, tc := range tests {
		got, err := tc.m.Parse(tc.in)
		if got != 0 || !errors.Is(err, tc.sentinel) {
			t.Errorf("%s.Parse(%q) = %v, %v want 0, %v", tc.name, tc.in, got, err, tc.sentinel)
			continue
		}
		assert.EqualError(t, err, tc.msg, "%s.Parse(%q)", tc.name, tc.in)
	}
	// A level that no cell maps to is still a level: P2 of bare.
	if got, err := bare.Parse("P2"); err != nil || got != 2 {
		t.Errorf("bare.Parse(P2) = %v, %v want P2, nil", got, err)
	}
}

func TestValid(t *testing.T) {
	m := priority.ITIL()
	for p, want := range map[priority.Priority]bool{-1: false, 0: false, 1: true, 3: true, 5: true, 6: false} {
		if got := m.Valid(p); got != want {
			t.Errorf("ITIL().Valid(%d) = %v want %v", int(p), got, want)
		}
	}
}

func TestRaiseLower(t *testing.T) {
	m := priority.ITIL() // levels 1..5
	tests := []struct {
		p     priority.Priority
		n     int
		raise priority.Priority // want from Raise(p, n)
		lower priority.Priority // want from Lower(p, n)
	}{
		{3, 0, 3, 3},
		{3, 1, 2, 4},
		{3, 2, 1, 5},
		{3, 3, 1, 5}, // clamped both ways
		{2, 1, 1, 3}, // a VIP raise from P2 is P1
		{1, 1, 1, 2}, // never past P1
		{5, 1, 4, 5}, // never past the last level
		{1, 4, 1, 5},
		{5, 4, 1, 5},
		{4, -1, 5, 3}, // negative n moves the other way
		{2, -3, 5, 1},
		{3, math.MaxInt, 1, 5},
		{3, math.MinInt, 5, 1},
		{1, math.MinInt, 5, 1},
		{5, math.MaxInt, 1, 5},
	}
	for _, tc := range tests {
		if got, err := m.Raise(tc.p, tc.n); err != nil || got != tc.raise {
			t.Errorf("ITIL().Raise(%v, %d) = %v, %v want %v, nil", tc.p, tc.n, got, err, tc.raise)
		}
		if got, err := m.Lower(tc.p, tc.n); err != nil || got != tc.lower {
			t.Errorf("ITIL().Lower(%v, %d) = %v, %v want %v, nil", tc.p, tc.n, got, err, tc.lower)
		}
	}

	// A single-level matrix: everything stays at P1.
	one, err := priority.NewMatrix([]string{"Any"}, []string{"Any"}, [][]priority.Priority{{1}})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{-2, 0, 3} {
		if got, err := one.Raise(1, n); err != nil || got != 1 {
			t.Errorf("one.Raise(P1, %d) = %v, %v want P1, nil", n, got, err)
		}
		if got, err := one.Lower(1, n); err != nil || got != 1 {
			t.Errorf("one.Lower(P1, %d) = %v, %v want P1, nil", n, got, err)
		}
	}
}

func TestRaiseLowerRejectsBadInput(t *testing.T) {
	m := priority.ITIL()
	for _, p := range []priority.Priority{0, -1, 6, math.MaxInt} {
		if got, err := m.Raise(p, 1); got != 0 || !errors.Is(err, priority.ErrRange) {
			t.Errorf("ITIL().Raise(%v, 1) = %v, %v want 0, ErrRange", p, got, err)
		}
		if got, err := m.Lower(p, 1); got != 0 || !errors.Is(err, priority.ErrRange) {
			t.Errorf("ITIL().Lower(%v, 1) = %v, %v want 0, ErrRange", p, got, err)
		}
	}
	_, err := m.Raise(6, 1)
	assert.EqualError(t, err, "priority: P6: priority out of range: levels are 1..5")
}

// FuzzParse checks that Parse never panics, that it accepts exactly an
// optional P or p followed by ASCII digits worth at least 1, and that what
// it accepts prints back to the same number.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"P2", "p2", "2", "P0", "", "P", "P-1", "+3", "２", "99999999999999999999", "P007"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := priority.Parse(s)
		digits := strings.TrimPrefix(strings.TrimPrefix(s, "P"), "p")
		if len(digits) < len(s)-1 {
			digits = "-" // "Pp2" and the like
		}
		allDigits := digits != ""
		for _, r := range digits {
			allDigits = allDigits && r >= '0' && r <= '9'
		}
		if err != nil {
			if !errors.Is(err, priority.ErrSyntax) && !errors.Is(err, priority.ErrRange) {
				t.Fatalf("Parse(%q) error %v wraps neither ErrSyntax nor ErrRange", s, err)
			}
			if errors.Is(err, priority.ErrSyntax) == allDigits {
				t.Fatalf("Parse(%q) error %v, but all digits after the P is %v", s, err, allDigits)
			}
			if n, perr := strconv.ParseInt(digits, 10, strconv.IntSize); allDigits && perr == nil && n >= 1 {
				t.Fatalf("Parse(%q) error %v for the number %d", s, err, n)
			}
			return
		}
		if !allDigits || p < 1 {
			t.Fatalf("Parse(%q) = %v, nil", s, p)
		}
		if n, _ := strconv.ParseInt(digits, 10, strconv.IntSize); n != int64(p) {
			t.Fatalf("Parse(%q) = %v want %d", s, p, n)
		}
		if q, err := priority.Parse(p.String()); err != nil || q != p {
			t.Fatalf("Parse(%q) = %v, %v want %v, nil", p.String(), q, err, p)
		}
	})
}

// FuzzMatrixParse checks that ITIL().Parse never panics and returns only
// the matrix's levels, and that a label it accepts matches the level's
// label ignoring case.
func FuzzMatrixParse(f *testing.F) {
	for _, s := range []string{"P2", "critical", "PLANNING", "6", "P0", "Urgent", ""} {
		f.Add(s)
	}
	m := priority.ITIL()
	f.Fuzz(func(t *testing.T, s string) {
		p, err := m.Parse(s)
		if err != nil {
			if p != 0 || (!errors.Is(err, priority.ErrSyntax) && !errors.Is(err, priority.ErrRange)) {
				t.Fatalf("ITIL().Parse(%q) = %v, %v", s, p, err)
			}
			return
		}
		if !m.Valid(p) {
			t.Fatalf("ITIL().Parse(%q) = %v, outside the levels", s, p)
		}
		if code, cerr := priority.Parse(s); cerr == nil {
			if code != p {
				t.Fatalf("ITIL().Parse(%q) = %v but Parse gives %v", s, p, code)
			}
		} else if !strings.EqualFold(s, m.Label(p)) {
			t.Fatalf("ITIL().Parse(%q) = %v, whose label is %q", s, p, m.Label(p))
		}
	})
}

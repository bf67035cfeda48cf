package escalation_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/escalation"
)

func TestParseTrigger(t *testing.T) {
	tests := []struct {
		in   string
		want escalation.Trigger
	}{
		{"75%", escalation.AtPercent(75)},
		{"100%", escalation.AtPercent(100)},
		{"150%", escalation.AtPercent(150)},
		{"12.5%", escalation.AtPercent(12.5)},
		{"0.5%", escalation.AtPercent(0.5)},
		{".5%", escalation.AtPercent(0.5)},
		{"-30m", escalation.BeforeDue(30 * time.Minute)},
		{"-1h30m", escalation.BeforeDue(90 * time.Minute)},
		{"+1h", escalation.AfterDue(time.Hour)},
		{"+90s", escalation.AfterDue(90 * time.Second)},
		{"+1.5h", escalation.AfterDue(90 * time.Minute)},
	}
	for _, tc := range tests {
		got, err := escalation.ParseTrigger(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseTrigger(%q) = %v, %v want %v", tc.in, got, err, tc.want)
		}
	}
}

func TestParseTriggerErrors(t *testing.T) {
	for _, in := range []string{
		"", "75", "%", "-%", "+75%", "-75%", "75 %", " 75%", "75%%", "1e2%", "Inf%", "NaN%",
		"0%", "0.0%", "1e400%" /* not decimal */, "30m", "-0s", "+0m", "--30m", "+-1h", "-+1h",
		"-30", "+1d", "-", "+", "- 30m", "75.5.5%",
	} {
		got, err := escalation.ParseTrigger(in)
		if err == nil || !errors.Is(err, escalation.ErrBadTrigger) {
			t.Errorf("ParseTrigger(%q) = %v, %v want an error wrapping ErrBadTrigger", in, got, err)
		}
	}
	// A share too large for a float64 is out of range, not infinite.
	big := "1" + strings.Repeat("0", 400) + "%"
	if _, err := escalation.ParseTrigger(big); !errors.Is(err, escalation.ErrBadTrigger) {
		t.Errorf("ParseTrigger(1e309%%) error = %v want ErrBadTrigger", err)
	}
}

func TestTriggerString(t *testing.T) {
	tests := []struct {
		t    escalation.Trigger
		want string
	}{
		{escalation.AtPercent(75), "75%"},
		{escalation.AtPercent(12.5), "12.5%"},
		{escalation.BeforeDue(30 * time.Minute), "-30m"},
		{escalation.BeforeDue(time.Hour), "-1h"},
		{escalation.AfterDue(90 * time.Minute), "+1h30m"},
		{escalation.AfterDue(time.Hour + 5*time.Second), "+1h0m5s"},
		{escalation.AfterDue(1500 * time.Millisecond), "+1.5s"},
		{escalation.Trigger{}, "none"},
	}
	for _, tc := range tests {
		if got := tc.t.String(); got != tc.want {
			t.Errorf("%#v.String() = %q want %q", tc.t, got, tc.want)
		}
		if tc.t.IsZero() {
			continue
		}
		back, err := escalation.ParseTrigger(tc.want)
		if err != nil || back != tc.t {
			t.Errorf("ParseTrigger(%q) = %v, %v want %v", tc.want, back, err, tc.t)
		}
	}
}

func TestTriggerAccessors(t *testing.T) {
	if p, ok := escalation.AtPercent(75).Percent(); !ok || p != 75 {
		t.Errorf("AtPercent(75).Percent() = %v, %v want 75, true", p, ok)
	}
	if _, ok := escalation.AfterDue(time.Hour).Percent(); ok {
		t.Errorf("AfterDue(1h).Percent() ok = true want false")
	}
	if d, ok := escalation.BeforeDue(time.Hour).Offset(); !ok || d != -time.Hour {
		t.Errorf("BeforeDue(1h).Offset() = %v, %v want -1h, true", d, ok)
	}
	if d, ok := escalation.AfterDue(time.Hour).Offset(); !ok || d != time.Hour {
		t.Errorf("AfterDue(1h).Offset() = %v, %v want 1h, true", d, ok)
	}
	if _, ok := escalation.AtPercent(50).Offset(); ok {
		t.Errorf("AtPercent(50).Offset() ok = true want false")
	}
	if !(escalation.Trigger{}).IsZero() || escalation.AtPercent(1).IsZero() {
		t.Errorf("IsZero wrong")
	}
}

func TestTriggerCounted(t *testing.T) {
	const h = time.Hour
	tests := []struct {
		t      escalation.Trigger
		target time.Duration
		want   time.Duration
		ok     bool
	}{
		{escalation.AtPercent(75), 8 * h, 6 * h, true}, // the example
		{escalation.AtPercent(100), 8 * h, 8 * h, true},
		{escalation.AtPercent(150), 8 * h, 12 * h, true},
		{escalation.AtPercent(50), time.Minute, 30 * time.Second, true},
		{escalation.AtPercent(100.0 / 3), 3 * h, h, true}, // rounded to the nanosecond
		{escalation.AtPercent(90), 40 * time.Minute, 36 * time.Minute, true},
		{escalation.BeforeDue(30 * time.Minute), 8 * h, 7*h + 30*time.Minute, true},
		{escalation.BeforeDue(8 * h), 8 * h, 0, true},  // at the start
		{escalation.BeforeDue(10 * h), 8 * h, 0, true}, // clamped to the start
		{escalation.AfterDue(h), 8 * h, 9 * h, true},
		{escalation.AfterDue(math.MaxInt64), 8 * h, 0, false}, // never reached
		{escalation.AtPercent(1e300), 8 * h, 0, false},
		{escalation.AtPercent(50), 0, 0, false},
		{escalation.AtPercent(0), 8 * h, 0, false},
		{escalation.AtPercent(math.NaN()), 8 * h, 0, false},
		{escalation.BeforeDue(-h), 8 * h, 0, false},
		{escalation.Trigger{}, 8 * h, 0, false},
	}
	for _, tc := range tests {
		got, ok := tc.t.Counted(tc.target)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%v.Counted(%v) = %v, %v want %v, %v", tc.t, tc.target, got, ok, tc.want, tc.ok)
		}
	}
}

func TestTriggerText(t *testing.T) {
	b, err := escalation.BeforeDue(30 * time.Minute).MarshalText()
	if err != nil || string(b) != "-30m" {
		t.Errorf("BeforeDue(30m).MarshalText() = %q, %v want -30m", b, err)
	}
	if _, err := (escalation.Trigger{}).MarshalText(); !errors.Is(err, escalation.ErrBadTrigger) {
		t.Errorf("Trigger{}.MarshalText() error = %v want ErrBadTrigger", err)
	}
	tr := escalation.AtPercent(10)
	if err := tr.UnmarshalText([]byte("bad")); err == nil || tr != escalation.AtPercent(10) {
		t.Errorf("UnmarshalText(bad) = %v, left %v want error and no change", err, tr)
	}
	if err := tr.UnmarshalText([]byte("+2h")); err != nil || tr != escalation.AfterDue(2*time.Hour) {
		t.Errorf("UnmarshalText(+2h) = %v, got %v", err, tr)
	}
}

func FuzzParseTrigger(f *testing.F) {
	for _, s := range []string{"75%", "-30m", "+1h", "12.5%", "", "-0s", "1e3%", "+1h0m5s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tr, err := escalation.ParseTrigger(s)
		if err != nil {
			if !errors.Is(err, escalation.ErrBadTrigger) {
				t.Fatalf("ParseTrigger(%q) error %v does not wrap ErrBadTrigger", s, err)
			}
			return
		}
		back, err := escalation.ParseTrigger(tr.String())
		if err != nil || back != tr {
			t.Fatalf("ParseTrigger(%q) = %v; round trip via %q = %v, %v", s, tr, tr.String(), back, err)
		}
		if d, ok := tr.Counted(time.Hour); ok && d < 0 {
			t.Fatalf("%v.Counted(1h) = %v, a negative amount", tr, d)
		}
	})
}

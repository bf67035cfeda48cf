package durfmt_test

import (
	"math"
	"testing"
	"time"

	"github.com/slakit/slakit/internal/durfmt"
)

func TestCompact(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0s"},
		{1500 * time.Millisecond, "1.5s"},
		{30 * time.Minute, "30m"},
		{time.Hour, "1h"},
		{90 * time.Minute, "1h30m"},
		{time.Hour + time.Second, "1h0m1s"},
		{-30 * time.Minute, "-30m"},
		{-2 * time.Hour, "-2h"},
		{10 * time.Second, "10s"},
		{math.MaxInt64, time.Duration(math.MaxInt64).String()},
	} {
		got := durfmt.Compact(tc.d)
		if got != tc.want {
			t.Errorf("Compact(%d) = %q want %q", tc.d, got, tc.want)
		}
		if back, err := time.ParseDuration(got); err != nil || back != tc.d {
			t.Errorf("ParseDuration(%q) = %v, %v want %v", got, back, err, tc.d)
		}
	}
}

func FuzzCompact(f *testing.F) {
	f.Add(int64(30 * time.Minute))
	f.Add(int64(-time.Hour))
	f.Fuzz(func(t *testing.T, n int64) {
		d := time.Duration(n)
		s := durfmt.Compact(d)
		if back, err := time.ParseDuration(s); err != nil || back != d {
			t.Fatalf("ParseDuration(Compact(%d) = %q) = %v, %v", n, s, back, err)
		}
	})
}

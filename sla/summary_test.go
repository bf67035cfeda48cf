package sla_test

import (
	"testing"
	"time"

	"github.com/slakit/slakit/sla"
)

func TestSummarize(t *testing.T) {
	stopped := hm(12, 0)
	clock := func(m sla.Metric, p int, s sla.State, elapsed time.Duration, stop bool, exempt bool) sla.Clock {
		c := sla.Clock{Metric: m, Priority: priorityOf(p), State: s, Elapsed: elapsed}
		if stop {
			c.Stopped = stopped
		}
		if exempt {
			c.Exempt = &sla.Exemption{Metric: m, Reason: "r", Approver: "a"}
		}
		return c
	}
	m := time.Minute
	reports := []sla.Report{
		{Clocks: []sla.Clock{
			clock(sla.FirstResponse, 2, sla.Met, 10*m, true, false),
			clock(sla.Resolution, 2, sla.Breached, 500*m, true, false),
		}},
		{Clocks: []sla.Clock{
			clock(sla.FirstResponse, 2, sla.Met, 30*m, true, false),
			clock(sla.Resolution, 2, sla.Running, 60*m, false, false),
		}},
		{Clocks: []sla.Clock{
			clock(sla.FirstResponse, 2, sla.Breached, 130*m, true, true), // exempt
			clock(sla.Resolution, 1, sla.Paused, 20*m, false, false),
		}},
		{Clocks: []sla.Clock{
			clock(sla.FirstResponse, 2, sla.Breached, 200*m, false, false), // still running
			clock(sla.FirstResponse, 2, sla.Met, 20*m, true, false),
		}},
		{},
	}
	s := sla.Summarize(reports)
	want := []sla.Group{
		// FirstResponse P2: met 10, 30, 20; breached-running 200 (no
		// counted time: not stopped); exempt 130. Compliance 3/(3+1).
		// Stopped: 10, 20, 30, 130 -> median rank ceil(2)=2 -> 20,
		// p90 rank ceil(3.6)=4 -> 130.
		{Metric: sla.FirstResponse, Priority: 2, Count: 5, Met: 3, Breached: 1, Exempt: 1, Compliance: 75,
			Stopped: 4, Median: 20 * m, P90: 130 * m},
		{Metric: sla.Resolution, Priority: 1, Count: 1, Running: 1},
		{Metric: sla.Resolution, Priority: 2, Count: 2, Breached: 1, Running: 1, Compliance: 0,
			Stopped: 1, Median: 500 * m, P90: 500 * m},
	}
	if len(s.Groups) != len(want) {
		t.Fatalf("Summarize = %+v want %+v", s.Groups, want)
	}
	for i := range want {
		if s.Groups[i] != want[i] {
			t.Errorf("Summarize group %d = %+v want %+v", i, s.Groups[i], want[i])
		}
	}
	if g, ok := s.Group(sla.Resolution, 1); !ok || g.Running != 1 {
		t.Errorf("Summary.Group(resolution, P1) = %+v, %v", g, ok)
	}
	if _, ok := s.Group(sla.NextResponse, 1); ok {
		t.Errorf("Summary.Group(next_response, P1) found a group that has no clocks")
	}
	// Order of the reports does not matter.
	rev := []sla.Report{reports[4], reports[3], reports[2], reports[1], reports[0]}
	s2 := sla.Summarize(rev)
	for i := range s.Groups {
		if s.Groups[i] != s2.Groups[i] {
			t.Errorf("Summarize(reversed) group %d = %+v want %+v", i, s2.Groups[i], s.Groups[i])
		}
	}
	if got := sla.Summarize(nil); len(got.Groups) != 0 {
		t.Errorf("Summarize(nil) = %+v want no groups", got)
	}
}

// TestSummarizePercentiles checks nearest-rank percentiles on 1..10 minutes
// (NIST/Wikipedia nearest-rank definition: rank ceil(p/100 * n)).
func TestSummarizePercentiles(t *testing.T) {
	for _, tc := range []struct {
		n           int
		median, p90 time.Duration
	}{
		{1, 1, 1}, {2, 1, 2}, {3, 2, 3}, {10, 5, 9}, {11, 6, 10},
	} {
		var r sla.Report
		for i := tc.n; i >= 1; i-- {
			r.Clocks = append(r.Clocks, sla.Clock{Metric: sla.Resolution, Priority: 1, State: sla.Met,
				Stopped: hm(9, 0), Elapsed: time.Duration(i) * time.Minute})
		}
		g := sla.Summarize([]sla.Report{r}).Groups[0]
		if g.Median != tc.median*time.Minute || g.P90 != tc.p90*time.Minute || g.Compliance != 100 {
			t.Errorf("Summarize(1..%d min) median %v p90 %v compliance %v want %v %v 100",
				tc.n, g.Median, g.P90, g.Compliance, tc.median*time.Minute, tc.p90*time.Minute)
		}
	}
}

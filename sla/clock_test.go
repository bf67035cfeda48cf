package sla_test

import (
	"testing"
	"time"

	"github.com/slakit/slakit/sla"
)

func TestClockWhen(t *testing.T) {
	// Resolution (P3, 8h calendar time) counts 09:00-10:00 and 14:00-now.
	events := []sla.Event{created(hm(9, 0), 3), status(hm(10, 0), "pending"), status(hm(14, 0), "open")}
	r, err := sla.Evaluate(calPolicy(), events, hm(15, 0))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := r.Clock(sla.Resolution)
	tests := []struct {
		elapsed time.Duration
		want    time.Time
		ok      bool
	}{
		{0, hm(9, 0), true},
		{30 * time.Minute, hm(9, 30), true},
		{time.Hour, hm(10, 0), true}, // the earliest instant: the pause does not count
		{90 * time.Minute, hm(14, 30), true},
		{2 * time.Hour, hm(15, 0), true},
		{4 * time.Hour, hm(17, 0), true}, // projected: still running
		{8 * time.Hour, hm(21, 0), true}, // == Due
		{-time.Minute, time.Time{}, false},
	}
	for _, tc := range tests {
		got, ok := c.When(tc.elapsed)
		if ok != tc.ok || !got.Equal(tc.want) {
			t.Errorf("When(%v) = %v, %v want %v, %v", tc.elapsed, got, ok, tc.want, tc.ok)
		}
	}
	if got, _ := c.When(c.Target); !got.Equal(c.Due) {
		t.Errorf("When(Target) = %v want Due %v", got, c.Due)
	}

	// Paused now: answers up to Elapsed, false beyond.
	r, _ = sla.Evaluate(calPolicy(), events, hm(12, 0))
	c, _ = r.Clock(sla.Resolution)
	if got, ok := c.When(time.Hour); !ok || !got.Equal(hm(10, 0)) {
		t.Errorf("paused When(1h) = %v, %v want 10:00, true", got, ok)
	}
	if got, ok := c.When(61 * time.Minute); ok {
		t.Errorf("paused When(61m) = %v, true want false", got)
	}
	// Stopped: false beyond Elapsed.
	r, _ = sla.Evaluate(calPolicy(), append(events, reply(hm(15, 0))), hm(16, 0))
	c, _ = r.Clock(sla.FirstResponse)
	if got, ok := c.When(6 * time.Hour); !ok || !got.Equal(hm(15, 0)) {
		t.Errorf("stopped When(6h) = %v, %v want 15:00, true", got, ok)
	}
	if got, ok := c.When(6*time.Hour + time.Nanosecond); ok {
		t.Errorf("stopped When(6h+1ns) = %v, true want false", got)
	}
	// The zero Clock answers false.
	if _, ok := (sla.Clock{}).When(0); ok {
		t.Errorf("Clock{}.When(0) = true want false")
	}
}

func TestExemption(t *testing.T) {
	x := &sla.Exemption{Metric: sla.FirstResponse, Reason: "carrier outage", Approver: "ops-lead",
		Expires: hm(14, 0)}
	events := []sla.Event{
		created(hm(9, 0), 2), // first response due 10:00, next response 2h
		{At: hm(9, 30), Kind: sla.Exempted, Exemption: x},
		reply(hm(11, 0)),
		ev(hm(12, 0), sla.CustomerMessage),
		ev(hm(15, 0), sla.CustomerMessage),
	}
	x.Reason = "carrier outage" // the report must not alias the caller's exemption
	r, err := sla.Evaluate(calPolicy(), events, hm(16, 0))
	if err != nil {
		t.Fatal(err)
	}
	fr, _ := r.Clock(sla.FirstResponse)
	if fr.State != sla.Breached || fr.Exempt == nil || fr.Exempt.Approver != "ops-lead" || fr.Exempt.Reason != "carrier outage" {
		t.Fatalf("first response = %v exempt %+v want breached and exempt by ops-lead", fr.State, fr.Exempt)
	}
	if fr.Exempt == x {
		t.Errorf("Clock.Exempt aliases the caller's Exemption")
	}
	// Next response breached at 14:00 == Expires: not covered (before Expires only),
	// and it is another metric anyway.
	nr, _ := r.Clock(sla.NextResponse)
	if nr.State != sla.Breached || nr.Exempt != nil {
		t.Errorf("next response = %v exempt %+v want breached, not exempt", nr.State, nr.Exempt)
	}

	// Expired before the breach: not covered.
	y := *x
	y.Expires = hm(9, 45)
	events[1].Exemption = &y
	r, _ = sla.Evaluate(calPolicy(), events, hm(16, 0))
	if fr, _ := r.Clock(sla.FirstResponse); fr.Exempt != nil {
		t.Errorf("expired exemption: Exempt = %+v want nil", fr.Exempt)
	}
	// Recorded after now: not covered.
	events[1].Exemption = x
	events = append(events[:1:1], reply(hm(11, 0)), sla.Event{At: hm(11, 30), Kind: sla.Exempted, Exemption: x})
	r, _ = sla.Evaluate(calPolicy(), events, hm(11, 15))
	if fr, _ := r.Clock(sla.FirstResponse); fr.State != sla.Breached || fr.Exempt != nil {
		t.Errorf("exemption after now: %v Exempt = %+v want breached, nil", fr.State, fr.Exempt)
	}
	r, _ = sla.Evaluate(calPolicy(), events, hm(11, 30))
	if fr, _ := r.Clock(sla.FirstResponse); fr.Exempt == nil {
		t.Errorf("exemption recorded after the breach, before Expires: Exempt = nil want covered")
	}
	// A cycle-specific exemption covers only that cycle.
	z := sla.Exemption{Metric: sla.NextResponse, Cycle: 2, Reason: "r", Approver: "a"}
	events = []sla.Event{
		created(hm(9, 0), 2), reply(hm(9, 10)),
		ev(hm(9, 20), sla.CustomerMessage), reply(hm(12, 0)), // cycle 1 breached at 11:20
		ev(hm(12, 10), sla.CustomerMessage), // cycle 2 breached at 14:10
		{At: hm(12, 20), Kind: sla.Exempted, Exemption: &z},
	}
	r, _ = sla.Evaluate(calPolicy(), events, hm(15, 0))
	var got []bool
	for _, c := range r.Clocks {
		if c.Metric == sla.NextResponse {
			got = append(got, c.State == sla.Breached, c.Exempt != nil)
		}
	}
	if len(got) != 4 || !got[0] || got[1] || !got[2] || !got[3] {
		t.Errorf("cycle exemption: [breached exempt]... = %v want [true false true true]", got)
	}
}

// When(0) is the instant a clock first counted, and it never changes as
// the timeline grows: a clock created in a pause status has not counted
// until it resumes, one stopped the instant it started never counted, and
// on business time counting starts at the first open instant, so a pause
// while the desk is closed does not move it.
func TestClockWhenZero(t *testing.T) {
	type probe struct {
		policy func() sla.Policy
		events []sla.Event
		now    time.Time
		metric sla.Metric
		want   time.Time // zero: false
	}
	pending := func(e sla.Event) sla.Event {
		e.Status = "pending"
		return e
	}
	sat := func(h, m int) time.Time { return ny(3, 7, h, m) }
	probes := []probe{
		{calPolicy, []sla.Event{created(hm(9, 0), 3)}, hm(9, 0), sla.Resolution, hm(9, 0)},
		{calPolicy, []sla.Event{created(hm(9, 0), 3)}, hm(10, 0), sla.Resolution, hm(9, 0)},
		// Paused since creation: nothing counted yet, then the resume.
		{calPolicy, []sla.Event{pending(created(hm(9, 0), 3))}, hm(10, 0), sla.Resolution, time.Time{}},
		{calPolicy, []sla.Event{pending(created(hm(9, 0), 3)), status(hm(11, 0), "open")}, hm(11, 0), sla.Resolution, hm(11, 0)},
		{calPolicy, []sla.Event{pending(created(hm(9, 0), 3)), status(hm(11, 0), "open")}, hm(12, 0), sla.Resolution, hm(11, 0)},
		// Solved while still paused from the start: never counted.
		{calPolicy, []sla.Event{pending(created(hm(9, 0), 3)), ev(hm(10, 0), sla.Solved)}, hm(12, 0), sla.Resolution, time.Time{}},
		// Stopped the instant it started: never counted, until a reopen
		// continues the clock.
		{calPolicy, []sla.Event{created(hm(9, 0), 3), reply(hm(9, 0))}, hm(12, 0), sla.FirstResponse, time.Time{}},
		{calPolicy, []sla.Event{created(hm(9, 0), 3), ev(hm(9, 0), sla.Solved)}, hm(10, 0), sla.Resolution, time.Time{}},
		{calPolicy, []sla.Event{created(hm(9, 0), 3), ev(hm(9, 0), sla.Solved), ev(hm(11, 0), sla.Reopened)}, hm(12, 0), sla.Resolution, hm(11, 0)},
		// Business time: created before the opening, with or without a
		// pause that ends before it, counts from 09:00.
		{deskPolicy, []sla.Event{created(ny(3, 2, 8, 0), 2)}, ny(3, 2, 12, 0), sla.Resolution, ny(3, 2, 9, 0)},
		{deskPolicy, []sla.Event{pending(created(ny(3, 2, 8, 0), 2)), status(ny(3, 2, 8, 30), "open")}, ny(3, 2, 12, 0), sla.Resolution, ny(3, 2, 9, 0)},
		// Created on Saturday: will count from Monday 09:00; solved on
		// Saturday, it never counted.
		{deskPolicy, []sla.Event{created(sat(10, 0), 2)}, sat(12, 0), sla.Resolution, ny(3, 9, 9, 0)},
		{deskPolicy, []sla.Event{created(sat(10, 0), 2), ev(sat(11, 0), sla.Solved)}, sat(12, 0), sla.Resolution, time.Time{}},
		{deskPolicy, []sla.Event{pending(created(sat(10, 0), 2)), ev(sat(11, 0), sla.Solved)}, sat(12, 0), sla.Resolution, time.Time{}},
	}
	for i, p := range probes {
		r, err := sla.Evaluate(p.policy(), p.events, p.now)
		if err != nil {
			t.Fatal(err)
		}
		c, ok := r.Clock(p.metric)
		if !ok {
			t.Fatalf("probe %d: no %s clock", i, p.metric)
		}
		got, ok := c.When(0)
		if ok != !p.want.IsZero() || !got.Equal(p.want) {
			t.Errorf("probe %d (%s at %s): When(0) = %v, %v want %v", i, p.metric, p.now.Format("Mon 15:04"), got, ok, p.want)
		}
	}
}

package sla_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

// checkRetargets compares a clock's target history with want.
func checkRetargets(t *testing.T, name string, c sla.Clock, want []sla.Retarget) {
	t.Helper()
	id := fmt.Sprintf("%s: %s#%d", name, c.Metric, c.Cycle)
	if want == nil && c.Retargets != nil {
		t.Errorf("%s: Retargets = %v want nil", id, c.Retargets)
		return
	}
	if len(c.Retargets) != len(want) {
		t.Errorf("%s: Retargets = %v want %v", id, c.Retargets, want)
		return
	}
	for i, w := range want {
		g := c.Retargets[i]
		if !g.At.Equal(w.At) || g.Priority != w.Priority || g.From != w.From || g.To != w.To ||
			g.FromAmount != w.FromAmount || g.ToAmount != w.ToAmount {
			t.Errorf("%s: Retargets[%d] = %+v want %+v", id, i, g, w)
		}
	}
}

// evaluate evaluates events at now and returns the last cycle of each
// metric.
func evaluate(t *testing.T, p sla.Policy, events []sla.Event, now time.Time) map[sla.Metric]sla.Clock {
	t.Helper()
	r, err := sla.Evaluate(p, events, now)
	if err != nil {
		t.Fatal(err)
	}
	out := map[sla.Metric]sla.Clock{}
	for _, c := range r.Clocks {
		out[c.Metric] = c
	}
	return out
}

// Every expected entry below follows from calPolicy's targets: P1 first
// response 1h, resolution 2h; P2 1h and 8h; P3 4h and 8h; P4 none.
func TestRetargets(t *testing.T) {
	h := time.Hour
	fr := func(d time.Duration) sla.Target { return calTime(sla.FirstResponse, d) }
	res := func(d time.Duration) sla.Target { return calTime(sla.Resolution, d) }

	// Raised, paused, lowered while paused, resumed, then moved to a
	// priority with the same targets.
	events := []sla.Event{created(hm(9, 0), 3), reprio(hm(9, 30), 1), status(hm(9, 45), "pending"),
		reprio(hm(10, 0), 2), status(hm(10, 15), "open"), reprio(hm(10, 30), 3)}
	cs := evaluate(t, calPolicy(), events, hm(11, 0))
	// First response: 4h -> 1h at 09:30. P2's 1h at 10:00 is the same
	// target (the clock, due at 10:00, has not breached at 10:00: no entry);
	// at 10:30 it has breached, so P3 does not re-target it.
	checkRetargets(t, "raised then lowered", cs[sla.FirstResponse], []sla.Retarget{
		{At: hm(9, 30), Priority: 1, From: fr(4 * h), To: fr(h), FromAmount: 4 * h, ToAmount: h}})
	if c := cs[sla.FirstResponse]; c.State != sla.Breached || !c.BreachedAt.Equal(hm(10, 0)) || c.Priority != 2 {
		t.Errorf("raised then lowered: first response %v breached at %v, %v want breached at 10:00, P2", c.State, c.BreachedAt, c.Priority)
	}
	// Resolution: 8h -> 2h at 09:30, then 2h -> 8h at 10:00 while paused
	// (45 minutes counted, not breached); P3's 8h at 10:30 is the same.
	checkRetargets(t, "raised then lowered", cs[sla.Resolution], []sla.Retarget{
		{At: hm(9, 30), Priority: 1, From: res(8 * h), To: res(2 * h), FromAmount: 8 * h, ToAmount: 2 * h},
		{At: hm(10, 0), Priority: 2, From: res(2 * h), To: res(8 * h), FromAmount: 2 * h, ToAmount: 8 * h}})
	if c := cs[sla.Resolution]; c.State != sla.Running || c.Elapsed != 90*time.Minute || c.Target != 8*h {
		t.Errorf("raised then lowered: resolution %v elapsed %v target %v want running, 1h30m, 8h", c.State, c.Elapsed, c.Target)
	}

	// Through a priority without targets and back: the clocks count on
	// without a target (reported, with no deadline), and have one again
	// after the change back.
	events = []sla.Event{created(hm(9, 0), 3), reprio(hm(10, 0), 4), reprio(hm(11, 0), 3)}
	r, _ := sla.Evaluate(calPolicy(), events, hm(10, 30))
	if len(r.Clocks) != 2 {
		t.Fatalf("at P4: %d clocks want 2 without a target", len(r.Clocks))
	}
	for _, c := range r.Clocks {
		if c.HasTarget() || c.State != sla.Running || c.Target != 0 || !c.Due.IsZero() || c.Remaining != 0 ||
			c.Elapsed != 90*time.Minute || c.Priority != 4 || len(c.Retargets) != 1 {
			t.Errorf("at P4: %s %v has target %v (%v) due %v remaining %v elapsed %v P%d retargets %d; want running without a target, 1h30m counted, P4, 1 retarget",
				c.Metric, c.State, c.HasTarget(), c.Target, c.Due, c.Remaining, c.Elapsed, c.Priority, len(c.Retargets))
		}
	}
	if s := sla.Summarize([]sla.Report{r}); len(s.Groups) != 0 {
		t.Errorf("Summarize counts clocks without a target: %+v", s.Groups)
	}
	cs = evaluate(t, calPolicy(), events, hm(12, 0))
	checkRetargets(t, "via P4", cs[sla.FirstResponse], []sla.Retarget{
		{At: hm(10, 0), Priority: 4, From: fr(4 * h), FromAmount: 4 * h},
		{At: hm(11, 0), Priority: 3, To: fr(4 * h), ToAmount: 4 * h}})
	checkRetargets(t, "via P4", cs[sla.Resolution], []sla.Retarget{
		{At: hm(10, 0), Priority: 4, From: res(8 * h), FromAmount: 8 * h},
		{At: hm(11, 0), Priority: 3, To: res(8 * h), ToAmount: 8 * h}})
	if c := cs[sla.Resolution]; c.Elapsed != 3*h {
		t.Errorf("via P4: resolution elapsed %v want 3h (it counted without a target)", c.Elapsed)
	}

	// No change, or a change to the same targets: nil.
	for _, events := range [][]sla.Event{
		{created(hm(9, 0), 3), reply(hm(9, 5)), status(hm(9, 10), "pending")},
		{created(hm(9, 0), 3), reprio(hm(9, 30), 3)},
	} {
		r, err := sla.Evaluate(calPolicy(), events, hm(12, 0))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range r.Clocks {
			checkRetargets(t, "unchanged", c, nil)
		}
	}

	// A stopped clock is not re-targeted: no entry. A BusinessDays target's
	// amount is the open time to AddDays: from Monday 10:00, 3 business
	// days is Thursday 10:00, 24 open hours (deskPolicy: P2 first response
	// 2h, resolution 8h; P3 8h and 3 business days).
	events = []sla.Event{nyCreated(ny(3, 2, 10, 0), 2), reply(ny(3, 2, 10, 30)), reprio(ny(3, 2, 11, 0), 3)}
	cs = evaluate(t, deskPolicy(), events, ny(3, 2, 12, 0))
	checkRetargets(t, "business days", cs[sla.FirstResponse], nil)
	checkRetargets(t, "business days", cs[sla.Resolution], []sla.Retarget{
		{At: ny(3, 2, 11, 0), Priority: 3, From: sla.Target{Metric: sla.Resolution, Within: 8 * h},
			To: sla.Target{Metric: sla.Resolution, BusinessDays: 3}, FromAmount: 8 * h, ToAmount: 24 * h}})
	if c := cs[sla.Resolution]; !c.Due.Equal(ny(3, 5, 10, 0)) {
		t.Errorf("business days: Due = %v want Thu 10:00", c.Due)
	}
}

// switchPolicy counts P2's resolution target in business hours on the
// New York desk and P1's in calendar time.
func switchPolicy() sla.Policy {
	return sla.Policy{
		Name:     "switch",
		Calendar: desk,
		Targets: map[priority.Priority][]sla.Target{
			1: {{Metric: sla.Resolution, Within: 4 * time.Hour, CalendarTime: true}},
			2: {{Metric: sla.Resolution, Within: 8 * time.Hour}},
		},
		PauseStatuses: []string{"pending"},
	}
}

// A priority change that switches a clock between business and calendar
// time recounts what it counted so far.
func TestRetargetBetweenBusinessAndCalendarTime(t *testing.T) {
	h := time.Hour
	business := sla.Target{Metric: sla.Resolution, Within: 8 * h}
	calendarTime := sla.Target{Metric: sla.Resolution, Within: 4 * h, CalendarTime: true}
	runScenarios(t, []scenario{
		{
			// Monday 16:00 in business hours: 1h by Monday's close, 1h59m
			// by Tuesday 09:59. Raised to 4 calendar hours at Tuesday
			// 10:00: those ran out on Monday at 20:00.
			name:   "business to calendar time, breached retroactively",
			policy: switchPolicy,
			events: []sla.Event{nyCreated(ny(3, 2, 16, 0), 2), reprio(ny(3, 3, 10, 0), 1)},
			now:    ny(3, 3, 11, 0),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Breached, prio: 1, target: 4 * h,
				started: ny(3, 2, 16, 0), due: ny(3, 2, 20, 0), elapsed: 19 * h, remaining: -15 * h,
				breachedAt: ny(3, 2, 20, 0)}},
		},
		{
			name:   "business to calendar time, before the change",
			policy: switchPolicy,
			events: []sla.Event{nyCreated(ny(3, 2, 16, 0), 2), reprio(ny(3, 3, 10, 0), 1)},
			now:    ny(3, 3, 9, 59),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Running, prio: 2, target: 8 * h,
				started: ny(3, 2, 16, 0), due: ny(3, 3, 16, 0), elapsed: 119 * time.Minute, remaining: 361 * time.Minute}},
		},
		{
			// Calendar time first: 16:00-16:30 and 16:45-17:30 are 75
			// minutes. Lowered to 8 business hours at 17:30: 16:00-16:30 is
			// 30 business minutes, and the segment from 16:45 counts
			// 16:45-17:00 and Tuesday 09:00-12:00: 3h45m in all.
			name:   "calendar to business time",
			policy: switchPolicy,
			events: []sla.Event{nyCreated(ny(3, 2, 16, 0), 1), status(ny(3, 2, 16, 30), "pending"),
				status(ny(3, 2, 16, 45), "open"), reprio(ny(3, 2, 17, 30), 2)},
			now: ny(3, 3, 12, 0),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Running, prio: 2, target: 8 * h,
				started: ny(3, 2, 16, 0), due: ny(3, 3, 16, 15), elapsed: 225 * time.Minute, remaining: 255 * time.Minute}},
		},
	})

	events := []sla.Event{nyCreated(ny(3, 2, 16, 0), 1), status(ny(3, 2, 16, 30), "pending"),
		status(ny(3, 2, 16, 45), "open"), reprio(ny(3, 2, 17, 30), 2)}
	c := evaluate(t, switchPolicy(), events, ny(3, 3, 12, 0))[sla.Resolution]
	checkRetargets(t, "calendar to business time", c, []sla.Retarget{
		{At: ny(3, 2, 17, 30), Priority: 2, From: calendarTime, To: business, FromAmount: 4 * h, ToAmount: 8 * h}})
	tests := []struct {
		name    string
		t       sla.Target
		elapsed time.Duration
		want    time.Time
		ok      bool
	}{
		// Counted as the clock counts now (business time), WhenCounting is When.
		{"business 30m", business, 30 * time.Minute, ny(3, 2, 16, 30), true},
		{"business 75m", business, 75 * time.Minute, ny(3, 3, 9, 30), true},
		{"business 5h, projected", business, 5 * h, ny(3, 3, 13, 15), true},
		// Counted in real time, as under P1: 30m, then from 16:45.
		{"calendar 30m", calendarTime, 30 * time.Minute, ny(3, 2, 16, 30), true},
		{"calendar 31m", calendarTime, 31 * time.Minute, ny(3, 2, 16, 46), true},
		{"calendar 75m: the change", calendarTime, 75 * time.Minute, ny(3, 2, 17, 30), true},
		// 30m + Monday 16:45 to Tuesday 12:00 (19h15m) is 19h45m by now;
		// 20h is projected from 16:45.
		{"calendar 20h, projected", calendarTime, 20 * h, ny(3, 3, 12, 15), true},
		{"calendar 0", calendarTime, 0, ny(3, 2, 16, 0), true},
		{"calendar negative", calendarTime, -time.Nanosecond, time.Time{}, false},
	}
	for _, tc := range tests {
		got, ok := c.WhenCounting(tc.t, tc.elapsed)
		if ok != tc.ok || !got.Equal(tc.want) {
			t.Errorf("%s: WhenCounting(%v, %v) = %v, %v want %v, %v", tc.name, tc.t, tc.elapsed, got, ok, tc.want, tc.ok)
		}
		if tc.t == business {
			if w, wok := c.When(tc.elapsed); !w.Equal(got) || wok != ok {
				t.Errorf("%s: When(%v) = %v, %v but WhenCounting says %v, %v", tc.name, tc.elapsed, w, wok, got, ok)
			}
		}
	}
	// Paused: no projection in either counting.
	paused := append(events, status(ny(3, 3, 12, 0), "pending"))
	c = evaluate(t, switchPolicy(), paused, ny(3, 3, 13, 0))[sla.Resolution]
	if got, ok := c.WhenCounting(calendarTime, 19*h+45*time.Minute); !ok || !got.Equal(ny(3, 3, 12, 0)) {
		t.Errorf("paused: WhenCounting(calendar, 19h45m) = %v, %v want Tue 12:00, true", got, ok)
	}
	if got, ok := c.WhenCounting(calendarTime, 20*h); ok {
		t.Errorf("paused: WhenCounting(calendar, 20h) = %v, true want false", got)
	}
	if _, ok := (sla.Clock{}).WhenCounting(calendarTime, 0); ok {
		t.Errorf("Clock{}.WhenCounting = true want false")
	}
}

// resPolicy has only Resolution targets, in calendar time: P1 2h, P2 and
// P3 8h, P4 none; "pending" pauses it.
func resPolicy() sla.Policy {
	res := func(d time.Duration) []sla.Target { return []sla.Target{calTime(sla.Resolution, d)} }
	return sla.Policy{
		Name:          "resolution",
		Calendar:      calendar.AlwaysOpen(time.UTC),
		Targets:       map[priority.Priority][]sla.Target{1: res(2 * time.Hour), 2: res(8 * time.Hour), 3: res(8 * time.Hour), 4: {}},
		PauseStatuses: []string{"pending"},
	}
}

// A priority change while the ticket is solved reaches the stopped
// Resolution clock when a reopen continues it: the reopen re-targets it
// from its start, like a change on a running clock. Before the reopen the
// stopped clock keeps its verdict and target; a breached one keeps them
// after it too. Every value below is clock arithmetic on calendar time.
func TestRetargetWhileSolved(t *testing.T) {
	h, m := time.Hour, time.Minute
	res := func(d time.Duration) sla.Target { return calTime(sla.Resolution, d) }
	solved, reopened := func(at time.Time) sla.Event { return ev(at, sla.Solved) }, func(at time.Time) sla.Event { return ev(at, sla.Reopened) }
	newCycle := func() sla.Policy { p := resPolicy(); p.Reopen = sla.NewCycle; return p }
	raised := []sla.Event{created(hm(9, 0), 2), solved(hm(10, 0)), reprio(hm(10, 30), 1), reopened(hm(11, 0))}
	usedUp := []sla.Event{created(hm(9, 0), 2), solved(hm(12, 0)), reprio(hm(12, 30), 1), reopened(hm(13, 0))}
	viaNone := []sla.Event{created(hm(9, 0), 2), solved(hm(10, 0)), reprio(hm(10, 30), 4), reopened(hm(11, 0)), reprio(hm(12, 0), 1)}
	tests := []struct {
		name   string
		policy func() sla.Policy
		events []sla.Event
		now    time.Time
		want   []want
		rets   [][]sla.Retarget // per clock
	}{
		{
			// 1h counted by the solve; from 11:00 against P1's 2h: 30m left at 11:30.
			name: "raised while solved", policy: resPolicy, events: raised, now: hm(11, 30),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Running, prio: 1, target: 2 * h, started: hm(9, 0),
				due: hm(12, 0), elapsed: 90 * m, remaining: 30 * m}},
			rets: [][]sla.Retarget{{{At: hm(11, 0), Priority: 1, From: res(8 * h), To: res(2 * h), FromAmount: 8 * h, ToAmount: 2 * h}}},
		},
		{
			// Before the reopen: met under P2, due as if resumed at the solve.
			name: "raised while solved, before the reopen", policy: resPolicy, events: raised, now: hm(10, 45),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Met, prio: 2, target: 8 * h, started: hm(9, 0),
				due: hm(17, 0), stopped: hm(10, 0), elapsed: h, remaining: 7 * h}},
			rets: [][]sla.Retarget{nil},
		},
		{
			// 3h counted by the solve; P1's 2h ran out at 11:00.
			name: "new target already used up", policy: resPolicy, events: usedUp, now: hm(13, 10),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Breached, prio: 1, target: 2 * h, started: hm(9, 0),
				due: hm(11, 0), breachedAt: hm(11, 0), elapsed: 190 * m, remaining: -70 * m}},
			rets: [][]sla.Retarget{{{At: hm(13, 0), Priority: 1, From: res(8 * h), To: res(2 * h), FromAmount: 8 * h, ToAmount: 2 * h}}},
		},
		{
			name: "new target already used up, before the reopen", policy: resPolicy, events: usedUp, now: hm(12, 45),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Met, prio: 2, target: 8 * h, started: hm(9, 0),
				due: hm(17, 0), stopped: hm(12, 0), elapsed: 3 * h, remaining: 5 * h}},
			rets: [][]sla.Retarget{nil},
		},
		{
			// P1's 2h breached at 11:00, before the solve: lowering to P2
			// while solved changes nothing.
			name:   "breached before the solve keeps its target",
			policy: resPolicy,
			events: []sla.Event{created(hm(9, 0), 1), solved(hm(12, 0)), reprio(hm(12, 30), 2), reopened(hm(13, 0))},
			now:    hm(14, 0),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Breached, prio: 1, target: 2 * h, started: hm(9, 0),
				due: hm(11, 0), breachedAt: hm(11, 0), elapsed: 4 * h, remaining: -2 * h}},
			rets: [][]sla.Retarget{nil},
		},
		{
			// P2 -> P1 -> P3 while solved: P3's target is P2's, so the
			// target never changed (no Retarget), but P3 applies.
			name:   "back to the same target while solved",
			policy: resPolicy,
			events: []sla.Event{created(hm(9, 0), 2), solved(hm(10, 0)), reprio(hm(10, 15), 1), reprio(hm(10, 30), 3), reopened(hm(11, 0))},
			now:    hm(12, 0),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Running, prio: 3, target: 8 * h, started: hm(9, 0),
				due: hm(18, 0), elapsed: 2 * h, remaining: 6 * h}},
			rets: [][]sla.Retarget{nil},
		},
		{
			// Reopened in a pause status: paused under P1 with 1h left.
			name:   "reopened paused",
			policy: resPolicy,
			events: []sla.Event{created(hm(9, 0), 2), solved(hm(10, 0)), reprio(hm(10, 30), 1),
				{At: hm(11, 0), Kind: sla.Reopened, Status: "pending"}},
			now: hm(12, 0),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Paused, prio: 1, target: 2 * h, started: hm(9, 0),
				due: hm(13, 0), elapsed: h, remaining: h, paused: true}},
			rets: [][]sla.Retarget{{{At: hm(11, 0), Priority: 1, From: res(8 * h), To: res(2 * h), FromAmount: 8 * h, ToAmount: 2 * h}}},
		},
		{
			// To P4 (no target) while solved: the reopened clock counts
			// on without a target, reported with no deadline ...
			name: "to no target while solved", policy: resPolicy, events: viaNone, now: hm(11, 30),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Running, prio: 4, started: hm(9, 0),
				elapsed: 90 * m}},
			rets: [][]sla.Retarget{{{At: hm(11, 0), Priority: 4, From: res(8 * h), FromAmount: 8 * h}}},
		},
		{
			// ... until P1 at 12:00: 1h + 11:00-12:30 is 2h30m, so P1's 2h
			// ran out at 12:00.
			name: "to no target while solved, then raised", policy: resPolicy, events: viaNone, now: hm(12, 30),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Breached, prio: 1, target: 2 * h, started: hm(9, 0),
				due: hm(12, 0), breachedAt: hm(12, 0), elapsed: 150 * m, remaining: -30 * m}},
			rets: [][]sla.Retarget{{
				{At: hm(11, 0), Priority: 4, From: res(8 * h), FromAmount: 8 * h},
				{At: hm(12, 0), Priority: 1, To: res(2 * h), ToAmount: 2 * h}}},
		},
		{
			// A new cycle starts under P1; the first keeps its P2 verdict.
			name: "new cycle", policy: newCycle, events: raised, now: hm(12, 0),
			want: []want{
				{metric: sla.Resolution, cycle: 1, state: sla.Met, prio: 2, target: 8 * h, started: hm(9, 0),
					due: hm(17, 0), stopped: hm(10, 0), elapsed: h, remaining: 7 * h},
				{metric: sla.Resolution, cycle: 2, state: sla.Running, prio: 1, target: 2 * h, started: hm(11, 0),
					due: hm(13, 0), elapsed: h, remaining: h}},
			rets: [][]sla.Retarget{nil, nil},
		},
	}
	for _, tc := range tests {
		r, err := sla.Evaluate(tc.policy(), tc.events, tc.now)
		if err != nil {
			t.Fatalf("%s: Evaluate: %v", tc.name, err)
		}
		if len(r.Clocks) != len(tc.want) {
			t.Errorf("%s: %d clocks want %d", tc.name, len(r.Clocks), len(tc.want))
			continue
		}
		for i, w := range tc.want {
			checkClock(t, tc.name, r.Clocks[i], w)
			checkRetargets(t, tc.name, r.Clocks[i], tc.rets[i])
		}
	}
}

// A wait that starts and ends while the priority has no target for the
// metric is not reported but keeps its cycle number, so later cycles keep
// theirs whatever the evaluation instant.
func TestCycleNumbersSkipUntargetedWaits(t *testing.T) {
	events := []sla.Event{created(hm(9, 0), 1), reply(hm(9, 10)),
		ev(hm(9, 20), sla.CustomerMessage), reply(hm(9, 30)), // cycle 1 under P1
		reprio(hm(9, 40), 4),
		ev(hm(9, 50), sla.CustomerMessage), reply(hm(10, 0)), // cycle 2 under P4: no target
		reprio(hm(10, 10), 1),
		ev(hm(10, 20), sla.CustomerMessage)} // cycle 3 under P1
	r, err := sla.Evaluate(calPolicy(), events, hm(10, 30))
	if err != nil {
		t.Fatal(err)
	}
	var cycles []int
	for _, c := range r.Clocks {
		if c.Metric == sla.NextResponse {
			cycles = append(cycles, c.Cycle)
		}
	}
	if !slices.Equal(cycles, []int{1, 3}) {
		t.Errorf("next response cycles %v want [1 3]", cycles)
	}
}

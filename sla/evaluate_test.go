package sla_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

// mon is Monday 2 March 2026, 00:00 UTC; the calendar-time scenarios below
// count real time, so every expected value is plain clock arithmetic.
var mon = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

// hm is an instant on Monday 2 March 2026 (UTC), or later with h >= 24.
func hm(h, m int) time.Time {
	return mon.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
}

func ev(t time.Time, k sla.EventKind) sla.Event { return sla.Event{At: t, Kind: k} }
func created(t time.Time, p priority.Priority) sla.Event {
	return sla.Event{At: t, Kind: sla.Created, Priority: p}
}
func reply(t time.Time) sla.Event { return sla.Event{At: t, Kind: sla.AgentReply, Public: true} }
func note(t time.Time) sla.Event  { return sla.Event{At: t, Kind: sla.AgentReply} }
func status(t time.Time, s string) sla.Event {
	return sla.Event{At: t, Kind: sla.StatusChanged, Status: s}
}
func reprio(t time.Time, p priority.Priority) sla.Event {
	return sla.Event{At: t, Kind: sla.PriorityChanged, Priority: p}
}

func calTime(m sla.Metric, d time.Duration) sla.Target {
	return sla.Target{Metric: m, Within: d, CalendarTime: true}
}

// calPolicy is a policy whose targets all count calendar (real) time.
func calPolicy() sla.Policy {
	return sla.Policy{
		Name:     "calendar-time",
		Calendar: calendar.AlwaysOpen(time.UTC),
		Targets: map[priority.Priority][]sla.Target{
			1: {calTime(sla.FirstResponse, time.Hour), calTime(sla.NextResponse, 30*time.Minute),
				calTime(sla.PeriodicUpdate, 2*time.Hour), calTime(sla.Resolution, 2*time.Hour)},
			2: {calTime(sla.FirstResponse, time.Hour), calTime(sla.NextResponse, 2*time.Hour),
				calTime(sla.PeriodicUpdate, 4*time.Hour), calTime(sla.Resolution, 8*time.Hour)},
			3: {calTime(sla.FirstResponse, 4*time.Hour), calTime(sla.Resolution, 8*time.Hour)},
			4: {},
		},
		PauseStatuses: []string{"pending", "on-hold"},
	}
}

// want is the expected state of one clock; zero times mean "zero".
type want struct {
	metric     sla.Metric
	cycle      int
	state      sla.State
	prio       priority.Priority
	target     time.Duration
	started    time.Time
	due        time.Time
	stopped    time.Time
	elapsed    time.Duration
	remaining  time.Duration
	breachedAt time.Time
	paused     bool
}

func checkClock(t *testing.T, name string, c sla.Clock, w want) {
	t.Helper()
	id := fmt.Sprintf("%s: %s#%d", name, w.metric, w.cycle)
	if c.Metric != w.metric || c.Cycle != w.cycle {
		t.Errorf("%s: got clock %s#%d", id, c.Metric, c.Cycle)
		return
	}
	if c.State != w.state {
		t.Errorf("%s: State = %v want %v", id, c.State, w.state)
	}
	if w.prio != 0 && c.Priority != w.prio {
		t.Errorf("%s: Priority = %v want %v", id, c.Priority, w.prio)
	}
	if c.Target != w.target {
		t.Errorf("%s: Target = %v want %v", id, c.Target, w.target)
	}
	for _, f := range []struct {
		name      string
		got, want time.Time
	}{{"Started", c.Started, w.started}, {"Due", c.Due, w.due}, {"Stopped", c.Stopped, w.stopped}, {"BreachedAt", c.BreachedAt, w.breachedAt}} {
		if !f.got.Equal(f.want) {
			t.Errorf("%s: %s = %v want %v", id, f.name, f.got, f.want)
		}
	}
	if c.Elapsed != w.elapsed {
		t.Errorf("%s: Elapsed = %v want %v", id, c.Elapsed, w.elapsed)
	}
	if c.Remaining != w.remaining {
		t.Errorf("%s: Remaining = %v want %v", id, c.Remaining, w.remaining)
	}
	if c.Paused != w.paused {
		t.Errorf("%s: Paused = %v want %v", id, c.Paused, w.paused)
	}
}

type scenario struct {
	name   string
	policy func() sla.Policy
	events []sla.Event
	now    time.Time
	want   []want
}

func runScenarios(t *testing.T, cases []scenario) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := sla.Evaluate(tc.policy(), tc.events, tc.now)
			if err != nil {
				t.Fatalf("Evaluate(%s) error: %v", tc.name, err)
			}
			if len(r.Clocks) != len(tc.want) {
				var got []string
				for _, c := range r.Clocks {
					got = append(got, fmt.Sprintf("%s#%d %v", c.Metric, c.Cycle, c.State))
				}
				t.Fatalf("Evaluate(%s) = %d clocks %v want %d", tc.name, len(r.Clocks), got, len(tc.want))
			}
			for i, w := range tc.want {
				checkClock(t, tc.name, r.Clocks[i], w)
			}
		})
	}
}

func TestEvaluateCalendarTime(t *testing.T) {
	h := time.Hour
	runScenarios(t, []scenario{
		{
			name:   "first response met; internal note does not count",
			policy: calPolicy,
			events: []sla.Event{created(hm(9, 0), 3), note(hm(9, 10)), reply(hm(9, 40))},
			now:    hm(10, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Met, prio: 3, target: 4 * h, started: hm(9, 0),
					stopped: hm(9, 40), due: hm(13, 0), elapsed: 40 * time.Minute, remaining: 3*h + 20*time.Minute},
				{metric: sla.Resolution, cycle: 1, state: sla.Running, prio: 3, target: 8 * h, started: hm(9, 0),
					due: hm(17, 0), elapsed: h, remaining: 7 * h},
			},
		},
		{
			name:   "first response breached while still running",
			policy: calPolicy,
			events: []sla.Event{created(hm(9, 0), 3), note(hm(9, 10))},
			now:    hm(14, 30),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Breached, target: 4 * h, started: hm(9, 0),
					due: hm(13, 0), elapsed: 5*h + 30*time.Minute, remaining: -90 * time.Minute, breachedAt: hm(13, 0)},
				{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 8 * h, started: hm(9, 0),
					due: hm(17, 0), elapsed: 5*h + 30*time.Minute, remaining: 2*h + 30*time.Minute},
			},
		},
		{
			name:   "first response stopped late keeps the breach instant; reply exactly at due is met",
			policy: calPolicy,
			events: []sla.Event{created(hm(9, 0), 2), reply(hm(10, 30))},
			now:    hm(11, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Breached, target: h, started: hm(9, 0),
					due: hm(10, 0), stopped: hm(10, 30), elapsed: 90 * time.Minute, remaining: -30 * time.Minute, breachedAt: hm(10, 0)},
				{metric: sla.PeriodicUpdate, cycle: 1, state: sla.Running, target: 4 * h, started: hm(10, 30),
					due: hm(14, 30), elapsed: 30 * time.Minute, remaining: 3*h + 30*time.Minute},
				{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 8 * h, started: hm(9, 0),
					due: hm(17, 0), elapsed: 2 * h, remaining: 6 * h},
			},
		},
		{
			name:   "reply exactly at due is met",
			policy: calPolicy,
			events: []sla.Event{created(hm(9, 0), 3), reply(hm(13, 0))},
			now:    hm(13, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: 4 * h, started: hm(9, 0),
					due: hm(13, 0), stopped: hm(13, 0), elapsed: 4 * h},
				{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 8 * h, started: hm(9, 0),
					due: hm(17, 0), elapsed: 4 * h, remaining: 4 * h},
			},
		},
		{
			name:   "pending pauses resolution, not first response",
			policy: calPolicy,
			events: []sla.Event{created(hm(9, 0), 3), status(hm(10, 0), "pending"), status(hm(14, 0), "open")},
			now:    hm(15, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Breached, target: 4 * h, started: hm(9, 0),
					due: hm(13, 0), elapsed: 6 * h, remaining: -2 * h, breachedAt: hm(13, 0)},
				// 1h before the pause and 1h after it: due 6h after now.
				{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 8 * h, started: hm(9, 0),
					due: hm(21, 0), elapsed: 2 * h, remaining: 6 * h},
			},
		},
		{
			name:   "paused now: due as if resumed now",
			policy: calPolicy,
			events: []sla.Event{created(hm(9, 0), 3), reply(hm(9, 30)), status(hm(10, 0), "on-hold")},
			now:    hm(12, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: 4 * h, started: hm(9, 0),
					due: hm(13, 0), stopped: hm(9, 30), elapsed: 30 * time.Minute, remaining: 3*h + 30*time.Minute},
				{metric: sla.Resolution, cycle: 1, state: sla.Paused, target: 8 * h, started: hm(9, 0),
					due: hm(19, 0), elapsed: h, remaining: 7 * h, paused: true},
			},
		},
		{
			name:   "ticket created in a pause status",
			policy: calPolicy,
			events: []sla.Event{{At: hm(9, 0), Kind: sla.Created, Priority: 3, Status: "pending"}, status(hm(11, 0), "open")},
			now:    hm(12, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Running, target: 4 * h, started: hm(9, 0),
					due: hm(13, 0), elapsed: 3 * h, remaining: h},
				{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 8 * h, started: hm(9, 0),
					due: hm(19, 0), elapsed: h, remaining: 7 * h},
			},
		},
		{
			name:   "next response: opening message is first response's; one cycle per wait",
			policy: calPolicy,
			events: []sla.Event{
				created(hm(9, 0), 2),
				ev(hm(9, 5), sla.CustomerMessage), // still waiting for the first reply
				reply(hm(9, 30)),
				ev(hm(10, 0), sla.CustomerMessage),  // NextResponse #1 starts
				ev(hm(10, 30), sla.CustomerMessage), // does not restart it
				note(hm(10, 45)),                    // does not stop it
				reply(hm(11, 0)),                    // stops it after 1h
				ev(hm(13, 0), sla.CustomerMessage),  // NextResponse #2
			},
			now: hm(16, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: h, started: hm(9, 0),
					due: hm(10, 0), stopped: hm(9, 30), elapsed: 30 * time.Minute, remaining: 30 * time.Minute},
				{metric: sla.NextResponse, cycle: 1, state: sla.Met, target: 2 * h, started: hm(10, 0),
					due: hm(12, 0), stopped: hm(11, 0), elapsed: h, remaining: h},
				{metric: sla.NextResponse, cycle: 2, state: sla.Breached, target: 2 * h, started: hm(13, 0),
					due: hm(15, 0), elapsed: 3 * h, remaining: -h, breachedAt: hm(15, 0)},
				{metric: sla.PeriodicUpdate, cycle: 1, state: sla.Met, target: 4 * h, started: hm(9, 30),
					due: hm(13, 30), stopped: hm(11, 0), elapsed: 90 * time.Minute, remaining: 150 * time.Minute},
				{metric: sla.PeriodicUpdate, cycle: 2, state: sla.Breached, target: 4 * h, started: hm(11, 0),
					due: hm(15, 0), elapsed: 5 * h, remaining: -h, breachedAt: hm(15, 0)},
				{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 8 * h, started: hm(9, 0),
					due: hm(17, 0), elapsed: 7 * h, remaining: h},
			},
		},
	})
}

func TestPeriodicUpdateBreachAndPause(t *testing.T) {
	h := time.Hour
	runScenarios(t, []scenario{{
		name:   "periodic update pauses with resolution and stops at solved",
		policy: calPolicy,
		events: []sla.Event{
			created(hm(9, 0), 2),
			reply(hm(9, 30)),              // FR met; PU#1 starts
			status(hm(10, 30), "pending"), // PU#1 paused after 1h
			status(hm(15, 30), "open"),    // resumes
			reply(hm(17, 0)),              // PU#1: 1h + 1h30 = 2h30, met; PU#2 starts
			ev(hm(23, 0), sla.Solved),     // PU#2: 6h, breached at 21:00
		},
		now: hm(24, 0),
		want: []want{
			{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: h, started: hm(9, 0),
				due: hm(10, 0), stopped: hm(9, 30), elapsed: 30 * time.Minute, remaining: 30 * time.Minute},
			{metric: sla.PeriodicUpdate, cycle: 1, state: sla.Met, target: 4 * h, started: hm(9, 30),
				due: hm(18, 30), stopped: hm(17, 0), elapsed: 150 * time.Minute, remaining: 90 * time.Minute},
			{metric: sla.PeriodicUpdate, cycle: 2, state: sla.Breached, target: 4 * h, started: hm(17, 0),
				due: hm(21, 0), stopped: hm(23, 0), elapsed: 6 * h, remaining: -2 * h, breachedAt: hm(21, 0)},
			// 1h30 before pending, then 15:30 to 23:00 = 7h30: 9h in all, breached at 22:00.
			{metric: sla.Resolution, cycle: 1, state: sla.Breached, target: 8 * h, started: hm(9, 0),
				due: hm(22, 0), stopped: hm(23, 0), elapsed: 9 * h, remaining: -h, breachedAt: hm(22, 0)},
		},
	}})
}

func TestReopen(t *testing.T) {
	h := time.Hour
	events := []sla.Event{
		created(hm(9, 0), 3),
		reply(hm(9, 30)),
		ev(hm(12, 0), sla.Solved),     // 3h of resolution
		ev(hm(24+9, 0), sla.Reopened), // next day
		ev(hm(24+9, 10), sla.CustomerMessage),
		ev(hm(24+11, 0), sla.Solved), // 2h more
		ev(hm(48+9, 0), sla.Reopened),
	}
	newCycle := func() sla.Policy { p := calPolicy(); p.Reopen = sla.NewCycle; return p }
	runScenarios(t, []scenario{
		{
			name:   "reopened twice, continuing the clock",
			policy: calPolicy,
			events: events,
			now:    hm(48+10, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: 4 * h, started: hm(9, 0),
					due: hm(13, 0), stopped: hm(9, 30), elapsed: 30 * time.Minute, remaining: 3*h + 30*time.Minute},
				// 3h + 2h + 1h counted; the time while solved is not.
				{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 8 * h, started: hm(9, 0),
					due: hm(48+12, 0), elapsed: 6 * h, remaining: 2 * h},
			},
		},
		{
			name:   "continued clock breaches across reopens",
			policy: calPolicy,
			events: events,
			now:    hm(48+14, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: 4 * h, started: hm(9, 0),
					due: hm(13, 0), stopped: hm(9, 30), elapsed: 30 * time.Minute, remaining: 3*h + 30*time.Minute},
				{metric: sla.Resolution, cycle: 1, state: sla.Breached, target: 8 * h, started: hm(9, 0),
					due: hm(48+12, 0), elapsed: 10 * h, remaining: -2 * h, breachedAt: hm(48+12, 0)},
			},
		},
		{
			name:   "solved: every clock stopped",
			policy: calPolicy,
			events: events,
			now:    hm(24+12, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: 4 * h, started: hm(9, 0),
					due: hm(13, 0), stopped: hm(9, 30), elapsed: 30 * time.Minute, remaining: 3*h + 30*time.Minute},
				{metric: sla.Resolution, cycle: 1, state: sla.Met, target: 8 * h, started: hm(9, 0),
					due: hm(24+14, 0), stopped: hm(24+11, 0), elapsed: 5 * h, remaining: 3 * h},
			},
		},
		{
			name:   "reopened twice, new cycles",
			policy: newCycle,
			events: events,
			now:    hm(48+10, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: 4 * h, started: hm(9, 0),
					due: hm(13, 0), stopped: hm(9, 30), elapsed: 30 * time.Minute, remaining: 3*h + 30*time.Minute},
				{metric: sla.Resolution, cycle: 1, state: sla.Met, target: 8 * h, started: hm(9, 0),
					due: hm(17, 0), stopped: hm(12, 0), elapsed: 3 * h, remaining: 5 * h},
				{metric: sla.Resolution, cycle: 2, state: sla.Met, target: 8 * h, started: hm(24+9, 0),
					due: hm(24+17, 0), stopped: hm(24+11, 0), elapsed: 2 * h, remaining: 6 * h},
				{metric: sla.Resolution, cycle: 3, state: sla.Running, target: 8 * h, started: hm(48+9, 0),
					due: hm(48+17, 0), elapsed: h, remaining: 7 * h},
			},
		},
	})
}

func TestReopenRestartsNextResponse(t *testing.T) {
	h := time.Hour
	runScenarios(t, []scenario{{
		name:   "customer message after reopen starts next response",
		policy: calPolicy,
		events: []sla.Event{
			created(hm(9, 0), 2),
			ev(hm(10, 0), sla.Solved),          // solved without a reply: first response stops too
			ev(hm(11, 0), sla.CustomerMessage), // while solved: ignored
			ev(hm(12, 0), sla.Reopened),
			ev(hm(12, 0), sla.CustomerMessage),
		},
		now: hm(13, 0),
		want: []want{
			{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: h, started: hm(9, 0),
				due: hm(10, 0), stopped: hm(10, 0), elapsed: h},
			{metric: sla.NextResponse, cycle: 1, state: sla.Running, target: 2 * h, started: hm(12, 0),
				due: hm(14, 0), elapsed: h, remaining: h},
			{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 8 * h, started: hm(9, 0),
				due: hm(19, 0), elapsed: 2 * h, remaining: 6 * h},
		},
	}})
}

func TestPriorityChange(t *testing.T) {
	h := time.Hour
	runScenarios(t, []scenario{
		{
			name:   "raised before breach: re-targeted from the original start",
			policy: calPolicy,
			events: []sla.Event{created(hm(9, 0), 3), reprio(hm(9, 30), 1)},
			now:    hm(9, 45),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Running, prio: 1, target: h, started: hm(9, 0),
					due: hm(10, 0), elapsed: 45 * time.Minute, remaining: 15 * time.Minute},
				{metric: sla.Resolution, cycle: 1, state: sla.Running, prio: 1, target: 2 * h, started: hm(9, 0),
					due: hm(11, 0), elapsed: 45 * time.Minute, remaining: 75 * time.Minute},
			},
		},
		{
			name:   "raised after breach: breached clock keeps its verdict, running clock breaches retroactively",
			policy: calPolicy,
			events: []sla.Event{created(hm(9, 0), 3), reprio(hm(14, 0), 1)},
			now:    hm(15, 0),
			want: []want{
				// Breached at 13:00 under P3's 4h; keeps P3.
				{metric: sla.FirstResponse, cycle: 1, state: sla.Breached, prio: 3, target: 4 * h, started: hm(9, 0),
					due: hm(13, 0), elapsed: 6 * h, remaining: -2 * h, breachedAt: hm(13, 0)},
				// Not breached under P3's 8h at 14:00; P1's 2h from 09:00 ran out at 11:00.
				{metric: sla.Resolution, cycle: 1, state: sla.Breached, prio: 1, target: 2 * h, started: hm(9, 0),
					due: hm(11, 0), elapsed: 6 * h, remaining: -4 * h, breachedAt: hm(11, 0)},
			},
		},
		{
			name:   "lowered: met clock keeps its target, running clock gets more time",
			policy: calPolicy,
			events: []sla.Event{created(hm(9, 0), 1), reply(hm(9, 20)), reprio(hm(10, 0), 3)},
			now:    hm(12, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Met, prio: 1, target: h, started: hm(9, 0),
					due: hm(10, 0), stopped: hm(9, 20), elapsed: 20 * time.Minute, remaining: 40 * time.Minute},
				// P3 has no periodic update target: the running cycle counts
				// on without one.
				{metric: sla.PeriodicUpdate, cycle: 1, state: sla.Running, prio: 3, started: hm(9, 20),
					elapsed: 2*h + 40*time.Minute},
				{metric: sla.Resolution, cycle: 1, state: sla.Running, prio: 3, target: 8 * h, started: hm(9, 0),
					due: hm(17, 0), elapsed: 3 * h, remaining: 5 * h},
			},
		},
		{
			name:   "priority without targets for a metric: no clock",
			policy: calPolicy,
			events: []sla.Event{created(hm(9, 0), 4), reply(hm(9, 20))},
			now:    hm(12, 0),
			want:   nil,
		},
	})
}

func TestEvaluateNow(t *testing.T) {
	events := []sla.Event{created(hm(9, 0), 3), reply(hm(10, 0)), ev(hm(11, 0), sla.Solved)}
	r, err := sla.Evaluate(calPolicy(), events, hm(8, 0))
	if err != nil || len(r.Clocks) != 0 {
		t.Errorf("Evaluate(before created) = %d clocks, %v want none", len(r.Clocks), err)
	}
	r, err = sla.Evaluate(calPolicy(), events, hm(9, 30))
	if err != nil {
		t.Fatal(err)
	}
	c, ok := r.Clock(sla.FirstResponse)
	if !ok || c.State != sla.Running || c.Elapsed != 30*time.Minute {
		t.Errorf("Evaluate(09:30) first response = %v %v %v want running 30m (later events ignored)", ok, c.State, c.Elapsed)
	}
	// An event exactly at now is applied.
	r, _ = sla.Evaluate(calPolicy(), events, hm(10, 0))
	if c, _ := r.Clock(sla.FirstResponse); c.State != sla.Met {
		t.Errorf("Evaluate(10:00) first response State = %v want met", c.State)
	}
}

func TestEvaluateErrors(t *testing.T) {
	good := calPolicy()
	tests := []struct {
		name   string
		policy sla.Policy
		events []sla.Event
		index  int // -2: a policy error
		target error
	}{
		{"empty timeline", good, nil, -1, sla.ErrEmptyTimeline},
		{"not created first", good, []sla.Event{reply(hm(9, 0))}, 0, sla.ErrNotCreated},
		{"created twice", good, []sla.Event{created(hm(9, 0), 1), created(hm(9, 1), 1)}, 1, sla.ErrCreatedTwice},
		{"out of order", good, []sla.Event{created(hm(9, 0), 1), reply(hm(10, 0)), reply(hm(9, 59))}, 2, sla.ErrOutOfOrder},
		{"unknown kind", good, []sla.Event{created(hm(9, 0), 1), {At: hm(9, 1), Kind: 42}}, 1, sla.ErrUnknownKind},
		{"zero kind", good, []sla.Event{created(hm(9, 0), 1), {At: hm(9, 1)}}, 1, sla.ErrUnknownKind},
		{"zero time", good, []sla.Event{{Kind: sla.Created, Priority: 1}}, 0, sla.ErrZeroTime},
		{"time out of range", good, []sla.Event{created(time.Date(1500, 1, 1, 0, 0, 0, 0, time.UTC), 1)}, 0, sla.ErrTimeRange},
		{"status without name", good, []sla.Event{created(hm(9, 0), 1), status(hm(9, 1), "")}, 1, sla.ErrMissingStatus},
		{"priority without targets", good, []sla.Event{created(hm(9, 0), 7)}, 0, sla.ErrNoTargets},
		{"changed to priority without targets", good, []sla.Event{created(hm(9, 0), 1), reprio(hm(9, 1), 9)}, 1, sla.ErrNoTargets},
		{"priority zero", good, []sla.Event{created(hm(9, 0), 0)}, 0, sla.ErrBadPriority},
		{"solved twice", good, []sla.Event{created(hm(9, 0), 1), ev(hm(9, 1), sla.Solved), ev(hm(9, 2), sla.Solved)}, 2, sla.ErrAlreadySolved},
		{"reopened while open", good, []sla.Event{created(hm(9, 0), 1), ev(hm(9, 1), sla.Reopened)}, 1, sla.ErrNotSolved},
		{"exemption missing", good, []sla.Event{created(hm(9, 0), 1), ev(hm(9, 1), sla.Exempted)}, 1, sla.ErrBadExemption},
		{"exemption without approver", good, []sla.Event{created(hm(9, 0), 1),
			{At: hm(9, 1), Kind: sla.Exempted, Exemption: &sla.Exemption{Metric: sla.Resolution, Reason: "outage"}}}, 1, sla.ErrBadExemption},
	}
	for _, tc := range tests {
		_, err := sla.Evaluate(tc.policy, tc.events, hm(12, 0))
		if !errors.Is(err, tc.target) {
			t.Errorf("%s: Evaluate error = %v want %v", tc.name, err, tc.target)
			continue
		}
		var ee *sla.EventError
		if !errors.As(err, &ee) || ee.Index != tc.index {
			t.Errorf("%s: Evaluate error = %#v want *EventError at index %d", tc.name, err, tc.index)
		}
		if !strings.HasPrefix(err.Error(), "sla: event ") {
			t.Errorf("%s: error %q does not start with \"sla: event \"", tc.name, err)
		}
	}
}

func TestPolicyValidate(t *testing.T) {
	mod := func(f func(*sla.Policy)) sla.Policy { p := calPolicy(); f(&p); return p }
	tests := []struct {
		name   string
		policy sla.Policy
		field  string
		target error
	}{
		{"nil calendar", mod(func(p *sla.Policy) { p.Calendar = nil }), "Calendar", sla.ErrNilCalendar},
		{"no targets", mod(func(p *sla.Policy) { p.Targets = nil }), "Targets", sla.ErrNoTargetsSet},
		{"zero target", mod(func(p *sla.Policy) { p.Targets[2][1].Within = 0 }), "Targets[P2][1].Within", sla.ErrBadTarget},
		{"negative target", mod(func(p *sla.Policy) { p.Targets[1][0].Within = -time.Hour }), "Targets[P1][0].Within", sla.ErrBadTarget},
		{"negative days", mod(func(p *sla.Policy) {
			p.Targets[3][1] = sla.Target{Metric: sla.Resolution, BusinessDays: -1}
		}), "Targets[P3][1].BusinessDays", sla.ErrBadTarget},
		{"both within and days", mod(func(p *sla.Policy) { p.Targets[3][1].BusinessDays = 2 }), "Targets[P3][1]", sla.ErrBadTarget},
		{"duplicate metric", mod(func(p *sla.Policy) { p.Targets[3][1].Metric = sla.FirstResponse }), "Targets[P3][1].Metric", sla.ErrDuplicateMetric},
		{"unknown metric", mod(func(p *sla.Policy) { p.Targets[3][0].Metric = "csat" }), "Targets[P3][0].Metric", sla.ErrUnknownMetric},
		{"priority zero", mod(func(p *sla.Policy) { p.Targets[0] = nil }), "Targets[P0]", sla.ErrBadPriority},
		{"empty pause status", mod(func(p *sla.Policy) { p.PauseStatuses = []string{"pending", ""} }), "PauseStatuses[1]", sla.ErrBadStatus},
		{"unknown metric pauses", mod(func(p *sla.Policy) { p.MetricPauses = map[sla.Metric][]string{"x": nil} }), `MetricPauses["x"]`, sla.ErrUnknownMetric},
		{"bad reopen", mod(func(p *sla.Policy) { p.Reopen = 7 }), "Reopen", sla.ErrBadReopen},
	}
	for _, tc := range tests {
		err := tc.policy.Validate()
		var pe *sla.PolicyError
		if !errors.Is(err, tc.target) || !errors.As(err, &pe) || pe.Field != tc.field {
			t.Errorf("%s: Validate() = %v want %v in field %s", tc.name, err, tc.target, tc.field)
			continue
		}
		if _, err := sla.Evaluate(tc.policy, []sla.Event{created(hm(9, 0), 1)}, hm(10, 0)); !errors.Is(err, tc.target) {
			t.Errorf("%s: Evaluate error = %v want %v", tc.name, err, tc.target)
		}
		if !strings.HasPrefix(err.Error(), `sla: policy "calendar-time": `+tc.field+": ") {
			t.Errorf("%s: error %q does not name the policy and field", tc.name, err)
		}
	}
	if err := calPolicy().Validate(); err != nil {
		t.Errorf("Validate(good policy) = %v", err)
	}
}

func priorityOf(p int) priority.Priority { return priority.Priority(p) }

func TestMetricPauses(t *testing.T) {
	h := time.Hour
	perMetric := func() sla.Policy {
		p := calPolicy()
		p.MetricPauses = map[sla.Metric][]string{
			sla.FirstResponse:  {"on-hold"}, // first response pauses on on-hold only
			sla.PeriodicUpdate: {},          // periodic update never pauses
		}
		return p
	}
	runScenarios(t, []scenario{{
		name:   "per-metric pause sets",
		policy: perMetric,
		events: []sla.Event{
			created(hm(9, 0), 2),
			status(hm(9, 30), "on-hold"), // pauses first response and resolution
			status(hm(10, 30), "open"),
			reply(hm(11, 0)),             // first response: 30m + 30m
			status(hm(12, 0), "pending"), // pauses resolution only
		},
		now: hm(14, 0),
		want: []want{
			{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: h, started: hm(9, 0),
				due: hm(11, 0), stopped: hm(11, 0), elapsed: h},
			// Not paused by pending: 3h since the reply.
			{metric: sla.PeriodicUpdate, cycle: 1, state: sla.Running, target: 4 * h, started: hm(11, 0),
				due: hm(15, 0), elapsed: 3 * h, remaining: h},
			// 09:00-09:30 and 10:30-12:00.
			{metric: sla.Resolution, cycle: 1, state: sla.Paused, target: 8 * h, started: hm(9, 0),
				due: hm(20, 0), elapsed: 2 * h, remaining: 6 * h, paused: true},
		},
	}})
}

package sla_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

// The issue's rule "a pause that starts and ends outside business hours
// changes nothing", worked on the case an audit found: a target used up
// exactly at closing time and a pause that begins at that instant. Without
// the pause the clock runs on past due (closed hours count nothing, but a
// solve the next morning is late, as a Saturday reply to a ticket due on
// Friday at 17:00 is late); with it the verdict must be the same.
func TestPauseWhileClosedAtDue(t *testing.T) {
	h := time.Hour
	pol := func() sla.Policy {
		p := deskPolicy()
		p.Targets = map[priority.Priority][]sla.Target{2: {{Metric: sla.Resolution, Within: 8 * h}}}
		return p
	}
	mon9, mon17 := ny(3, 2, 9, 0), ny(3, 2, 17, 0)
	runScenarios(t, []scenario{
		{
			name:   "no pause: solved before the next opening is still late",
			policy: pol,
			events: []sla.Event{created(mon9, 2), ev(ny(3, 3, 8, 30), sla.Solved)},
			now:    ny(3, 3, 12, 0),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Breached, target: 8 * h, started: mon9,
				due: mon17, stopped: ny(3, 3, 8, 30), elapsed: 8 * h, breachedAt: mon17}},
		},
		{
			name:   "pause at due (closing time) ending before the opening changes nothing",
			policy: pol,
			events: []sla.Event{created(mon9, 2), status(mon17, "pending"), status(ny(3, 3, 8, 30), "open"),
				ev(ny(3, 3, 8, 30), sla.Solved)},
			now: ny(3, 3, 12, 0),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Breached, target: 8 * h, started: mon9,
				due: mon17, stopped: ny(3, 3, 8, 30), elapsed: 8 * h, breachedAt: mon17}},
		},
		{
			name:   "pause at due ending at 08:00: breached at due, not in closed hours",
			policy: pol,
			events: []sla.Event{created(mon9, 2), status(mon17, "pending"), status(ny(3, 3, 8, 0), "open"),
				ev(ny(3, 3, 8, 30), sla.Solved)},
			now: ny(3, 3, 12, 0),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Breached, target: 8 * h, started: mon9,
				due: mon17, stopped: ny(3, 3, 8, 30), elapsed: 8 * h, breachedAt: mon17}},
		},
		{
			name:   "pause at due still on overnight: breached, and paused",
			policy: pol,
			events: []sla.Event{created(mon9, 2), status(mon17, "pending")},
			now:    ny(3, 2, 20, 0),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Breached, target: 8 * h, started: mon9,
				due: mon17, elapsed: 8 * h, breachedAt: mon17, paused: true}},
		},
		{
			name:   "evaluated at the instant of due, the clock has not run past it",
			policy: pol,
			events: []sla.Event{created(mon9, 2), status(mon17, "pending")},
			now:    mon17,
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Paused, target: 8 * h, started: mon9,
				due: mon17, elapsed: 8 * h, paused: true}},
		},
		{
			name:   "pause and solve at due: met",
			policy: pol,
			events: []sla.Event{created(mon9, 2), status(mon17, "pending"), ev(mon17, sla.Solved)},
			now:    ny(3, 3, 12, 0),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Met, target: 8 * h, started: mon9,
				due: mon17, stopped: mon17, elapsed: 8 * h}},
		},
		{
			name:   "paused at due while open: not breached until the desk opens with the clock running",
			policy: pol,
			events: []sla.Event{created(ny(3, 2, 12, 0), 2), status(ny(3, 3, 12, 0), "pending"),
				status(ny(3, 3, 18, 0), "open"), ev(ny(3, 4, 8, 0), sla.Solved)},
			now: ny(3, 4, 12, 0),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Met, target: 8 * h, started: ny(3, 2, 12, 0),
				due: ny(3, 4, 9, 0), stopped: ny(3, 4, 8, 0), elapsed: 8 * h}},
		},
		{
			name:   "paused at due while open, resumed overnight: breached when the desk opens",
			policy: pol,
			events: []sla.Event{created(ny(3, 2, 12, 0), 2), status(ny(3, 3, 12, 0), "pending"),
				status(ny(3, 3, 18, 0), "open")},
			now: ny(3, 4, 10, 0),
			want: []want{{metric: sla.Resolution, cycle: 1, state: sla.Breached, target: 8 * h, started: ny(3, 2, 12, 0),
				due: ny(3, 3, 12, 0), elapsed: 9 * h, remaining: -h, breachedAt: ny(3, 4, 9, 0)}},
		},
	})
}

// closedPolicy counts every target on business time, so that no pause
// inside closed hours may change anything.
func closedPolicy() sla.Policy {
	h := time.Hour
	p := deskPolicy()
	p.Targets = map[priority.Priority][]sla.Target{
		1: {{Metric: sla.FirstResponse, Within: h}, {Metric: sla.PeriodicUpdate, Within: 2 * h}, {Metric: sla.Resolution, Within: 4 * h}},
		2: {{Metric: sla.FirstResponse, Within: 2 * h}, {Metric: sla.NextResponse, Within: 4 * h},
			{Metric: sla.PeriodicUpdate, Within: 3 * h}, {Metric: sla.Resolution, Within: 8 * h}},
		3: {{Metric: sla.FirstResponse, Within: 8 * h}, {Metric: sla.Resolution, BusinessDays: 2}},
	}
	return p
}

// closedTimeline is a timeline without status changes on half hours from
// a whole hour, so that targets often run out exactly at closing time.
func closedTimeline(r *rand.Rand) []sla.Event {
	t := time.Date(2026, 3, 1+r.IntN(14), r.IntN(24), 0, 0, 0, newYork)
	events := []sla.Event{created(t, priority.Priority(1+r.IntN(3)))}
	solved := false
	for range 2 + r.IntN(10) {
		t = t.Add(time.Duration(r.IntN(24)) * 30 * time.Minute)
		var e sla.Event
		switch k := r.IntN(9); {
		case k < 2:
			e = ev(t, sla.CustomerMessage)
		case k < 5:
			e = sla.Event{At: t, Kind: sla.AgentReply, Public: r.IntN(4) > 0}
		case k < 6:
			e = reprio(t, priority.Priority(1+r.IntN(3)))
		case solved:
			e, solved = ev(t, sla.Reopened), false
		default:
			e, solved = ev(t, sla.Solved), true
		}
		events = append(events, e)
	}
	return events
}

// TestPauseWhileClosedChangesNothing inserts into random timelines a pause
// that begins and ends inside one closed stretch of the desk (often
// beginning right at closing time, and with solves, replies and priority
// changes inside it) and checks that every clock reports the same
// verdict, deadlines, counted time and When at many instants; only State
// says Paused instead of Running while the ticket is pending.
func TestPauseWhileClosedChangesNothing(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 23))
	p := closedPolicy()
	rounds := 3000
	if testing.Short() {
		rounds = 300
	}
	for round := range rounds {
		base := closedTimeline(r)
		first, last := base[0].At, base[len(base)-1].At
		x := first.Add(time.Duration(r.Int64N(int64(last.Sub(first) + 24*time.Hour))))
		x = x.Truncate(30 * time.Minute)
		if desk.IsOpen(x) || r.IntN(2) == 0 {
			x = desk.NextClose(x) // pauses that begin exactly at closing time
		}
		open := desk.NextOpen(x)
		stretch := open.Sub(x)
		if !x.After(first) || stretch <= 0 {
			continue
		}
		pa := x
		if r.IntN(3) == 0 {
			pa = x.Add(time.Duration(r.Int64N(int64(stretch))))
		}
		re := pa.Add(time.Duration(r.Int64N(int64(open.Sub(pa)))))
		paused := insertAfter(insertAfter(base, status(pa, "pending")), status(re, "open"))

		nows := []time.Time{pa, re, open, open.Add(time.Hour), open.Add(30 * time.Hour), last.Add(72 * time.Hour)}
		for _, e := range base {
			nows = append(nows, e.At, e.At.Add(time.Minute))
		}
		for _, now := range nows {
			got, err1 := sla.Evaluate(p, paused, now)
			want, err2 := sla.Evaluate(p, base, now)
			if err1 != nil || err2 != nil {
				t.Fatalf("round %d: %v / %v", round, err1, err2)
			}
			pending := !now.Before(pa) && now.Before(re)
			if msg := sameVerdicts(got, want, pending); msg != "" {
				t.Fatalf("round %d: pause %s-%s at now %s: %s\nbase timeline:\n%s", round,
					pa.Format("Mon 01-02 15:04"), re.Format("Mon 01-02 15:04"), now.Format("Mon 01-02 15:04"), msg, describe(base))
			}
		}
	}
}

// insertAfter inserts e after every event at or before its instant.
func insertAfter(events []sla.Event, e sla.Event) []sla.Event {
	i := 0
	for i < len(events) && !events[i].At.After(e.At) {
		i++
	}
	return slices.Insert(slices.Clone(events), i, e)
}

func sameVerdicts(got, want sla.Report, pending bool) string {
	if len(got.Clocks) != len(want.Clocks) {
		return fmt.Sprintf("%d clocks, want %d", len(got.Clocks), len(want.Clocks))
	}
	for i, g := range got.Clocks {
		w := want.Clocks[i]
		gs := g.State
		if pending && gs == sla.Paused {
			gs = sla.Running
		}
		switch {
		case g.Metric != w.Metric || g.Cycle != w.Cycle:
			return fmt.Sprintf("clock %d is %s#%d, want %s#%d", i, g.Metric, g.Cycle, w.Metric, w.Cycle)
		case gs != w.State:
			return fmt.Sprintf("%s#%d state %s, want %s", g.Metric, g.Cycle, g.State, w.State)
		case !g.Due.Equal(w.Due) || !g.BreachedAt.Equal(w.BreachedAt) || !g.Stopped.Equal(w.Stopped):
			return fmt.Sprintf("%s#%d due %v breached %v stopped %v, want %v %v %v", g.Metric, g.Cycle,
				g.Due, g.BreachedAt, g.Stopped, w.Due, w.BreachedAt, w.Stopped)
		case g.Elapsed != w.Elapsed || g.Target != w.Target || g.Priority != w.Priority:
			return fmt.Sprintf("%s#%d elapsed %v target %v prio %v, want %v %v %v", g.Metric, g.Cycle,
				g.Elapsed, g.Target, g.Priority, w.Elapsed, w.Target, w.Priority)
		case !reflect.DeepEqual(g.Retargets, w.Retargets):
			return fmt.Sprintf("%s#%d retargets %v, want %v", g.Metric, g.Cycle, g.Retargets, w.Retargets)
		}
		// Where the clock first counted and reached each share of its
		// target, which escalation fires at. While the ticket is pending
		// the clock projects nothing (When reports false beyond what it
		// counted), but what it answers must agree.
		for _, share := range []time.Duration{0, w.Target / 4, w.Target / 2, w.Target} {
			gt, gok := g.When(share)
			wt, wok := w.When(share)
			if pending && !gok {
				continue
			}
			if gok != wok || !gt.Equal(wt) {
				return fmt.Sprintf("%s#%d When(%v) = %v, %v want %v, %v", g.Metric, g.Cycle, share, gt, gok, wt, wok)
			}
		}
	}
	return ""
}

func describe(events []sla.Event) string {
	s := ""
	for _, e := range events {
		s += fmt.Sprintf("  %s %s prio=%d public=%v\n", e.At.Format("Mon 01-02 15:04"), e.Kind, e.Priority, e.Public)
	}
	return s
}

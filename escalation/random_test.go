package escalation_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/escalation"
	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

// randomTimeline returns a valid ticket history starting at start: events
// on whole minutes (so they often coincide with trigger instants), several
// at the same instant, pauses, replies, solves, reopens and priority
// changes among priorities 1 to 4 (also while paused or solved).
func randomTimeline(rng *rand.Rand, start time.Time, n int) []sla.Event {
	events := []sla.Event{created(start)}
	t, solved := start, false
	for range n {
		switch rng.IntN(4) {
		case 0: // same instant
		case 1:
			t = t.Add(time.Duration(1+rng.IntN(30)) * time.Minute)
		default:
			t = t.Add(time.Duration(1+rng.IntN(600)) * time.Minute)
		}
		if rng.IntN(5) == 0 {
			events = append(events, reprio(t, priority.Priority(1+rng.IntN(4))))
			continue
		}
		if solved {
			e := kind(t, sla.Reopened)
			if rng.IntN(3) == 0 {
				e.Status = "pending"
			}
			events = append(events, e)
			solved = false
			continue
		}
		switch r := rng.IntN(20); {
		case r < 5:
			events = append(events, kind(t, sla.CustomerMessage))
		case r < 10:
			events = append(events, reply(t))
		case r < 11:
			events = append(events, sla.Event{At: t, Kind: sla.AgentReply}) // internal note
		case r < 14:
			events = append(events, status(t, "pending"))
		case r < 18:
			events = append(events, status(t, "open"))
		default:
			events = append(events, kind(t, sla.Solved))
			solved = true
		}
	}
	return events
}

// randomEnds cuts [start, end] into windows of random length, from a
// nanosecond to hours, some ending exactly on events.
func randomEnds(rng *rand.Rand, start, end time.Time, events []sla.Event) []time.Time {
	var ends []time.Time
	for t := start; t.Before(end); {
		switch rng.IntN(5) {
		case 0:
			t = t.Add(time.Duration(1 + rng.Int64N(int64(time.Minute))))
		case 1:
			t = t.Add(time.Duration(1+rng.IntN(300)) * time.Minute)
		case 2:
			t = t.Add(time.Duration(1+rng.IntN(3000)) * time.Second)
		case 3: // the next event
			i := slices.IndexFunc(events, func(e sla.Event) bool { return e.At.After(t) })
			if i < 0 {
				t = end
			} else {
				t = events[i].At
			}
		default:
			t = t.Add(time.Duration(1+rng.IntN(12)) * time.Hour)
		}
		ends = append(ends, minTime(t, end))
	}
	return ends
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// randomPolicy has targets at priorities 1 to 3 that switch first
// response and periodic update between business and calendar time, take
// periodic update away at P2, and give P2 a BusinessDays resolution
// target; P4 has no targets, so a change to it leaves every running clock
// without one.
func randomPolicy(d *calendar.Calendar) sla.Policy {
	h := time.Hour
	calTime := func(m sla.Metric, d time.Duration) sla.Target {
		return sla.Target{Metric: m, Within: d, CalendarTime: true}
	}
	p := policy(d, within(sla.FirstResponse, h), within(sla.NextResponse, 2*h), calTime(sla.PeriodicUpdate, 4*h), within(sla.Resolution, 8*h))
	p.Targets[1] = []sla.Target{calTime(sla.FirstResponse, 30*time.Minute), within(sla.NextResponse, h),
		within(sla.PeriodicUpdate, 2*h), within(sla.Resolution, 2*h)}
	p.Targets[2] = []sla.Target{within(sla.FirstResponse, 2*h), calTime(sla.NextResponse, 3*h),
		{Metric: sla.Resolution, BusinessDays: 2}}
	p.Targets[4] = []sla.Target{} // no SLA: running clocks lose their targets
	return p
}

// Evaluating minute by minute and evaluating with random gaps fire exactly
// the same levels at the same instants, each once per cycle, on timelines
// whose priority changes raise and lower targets before and after
// breaches; every crossing is checked against the clock itself (counted
// time just before and at the instant, sla's breach instant, the instants
// of target changes), every level the clock counted by the end was fired,
// and Next announces the next crossing.
func TestWindowIndependence(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 2026))
	d := desk(t)
	starts := []time.Time{
		at(3, 5, 10, 17),  // Thursday before the spring-forward weekend
		at(5, 21, 14, 0),  // Thursday before Memorial Day
		at(10, 30, 16, 0), // Friday before the fall-back weekend
		at(7, 2, 8, 30),   // before Independence Day (observed Friday 3 July)
	}
	rounds := 40
	if raceEnabled {
		rounds = 6 // the race detector makes a round ten times slower
	}
	if testing.Short() {
		rounds = 2
	}
	retargeted, untargeted := 0, 0
	for round := range rounds {
		p := randomPolicy(d)
		p.Reopen = sla.ReopenMode(round % 2)
		var ladders []*escalation.Ladder
		for _, m := range []sla.Metric{sla.FirstResponse, sla.NextResponse, sla.PeriodicUpdate, sla.Resolution} {
			ladders = append(ladders, ladder(t, m,
				lv("half", escalation.AtPercent(50)), lv("soon", escalation.BeforeDue(30*time.Minute)),
				lv("breach", escalation.AtPercent(100)), lv("late", escalation.AfterDue(time.Hour)), lv("double", escalation.AtPercent(200))))
		}
		start := starts[round%len(starts)]
		events := randomTimeline(rng, start, 10+rng.IntN(15))
		end := start.Add(5 * 24 * time.Hour)
		name := fmt.Sprintf("round %d from %v", round, start)

		minutes := run(t, p, events, every(start, end, time.Minute), ladders...)
		gaps := run(t, p, events, randomEnds(rng, start, end, events), ladders...)
		// Within one window the ladders report metric by metric; order
		// both by instant.
		byInstant := func(a, b crossing) int {
			if a.at != b.at {
				return cmp.Compare(a.at, b.at)
			}
			return cmp.Or(cmp.Compare(a.metric, b.metric), cmp.Compare(a.cycle, b.cycle), cmp.Compare(a.name, b.name))
		}
		slices.SortFunc(minutes, byInstant)
		slices.SortFunc(gaps, byInstant)
		if !slices.Equal(minutes, gaps) {
			t.Errorf("%s: minute by minute fired %v\nwith random gaps %v\nevents %v", name, minutes, gaps, events)
			continue
		}
		seen := map[crossing]time.Time{}
		for _, x := range minutes {
			key := crossing{x.metric, x.cycle, x.name, 0}
			if _, dup := seen[key]; dup {
				t.Errorf("%s: %v fired twice", name, x)
			}
			seen[key] = time.Unix(0, x.at)
			checkCrossing(t, name, p, events, x)
		}
		checkNext(t, name, p, events, every(start, end, 17*time.Minute), end, ladders, minutes)
		// Completeness: what the clocks counted by the end all fired.
		r, err := sla.Evaluate(p, events, end)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range r.Clocks {
			if len(c.Retargets) > 0 {
				retargeted++
			}
			if !c.HasTarget() {
				untargeted++
			}
			for _, lvl := range ladders[0].Levels {
				// Crossed under the current target by the end...
				a, ok := lvl.When.Counted(c.Target) // !ok: the clock has no target now
				want := ok && (a < c.Elapsed || (a == c.Elapsed && a != c.Target))
				if ok && a == c.Target {
					want = !c.BreachedAt.IsZero() || (c.State == sla.Running && c.Remaining <= 0 && !c.Due.After(end))
				}
				x, got := seen[crossing{c.Metric, c.Cycle, lvl.Name, 0}]
				// ...or under an earlier one, before it changed.
				earlier := len(c.Retargets) > 0 && x.Before(c.Retargets[len(c.Retargets)-1].At)
				if got != want && !(got && earlier) {
					t.Errorf("%s: %s#%d %s (%v of %v, elapsed %v, %v, %d target changes): fired %v want %v",
						name, c.Metric, c.Cycle, lvl.Name, a, c.Target, c.Elapsed, c.State, len(c.Retargets), got, want)
				}
			}
		}
	}
	t.Logf("%d clocks changed target, %d lost it", retargeted, untargeted)
	if retargeted == 0 {
		t.Errorf("no clock changed target in %d rounds: the test proves nothing about priority changes", rounds)
	}
}

// checkNext checks Next at each of nows against the crossings found minute
// by minute: a level Next announces has not fired by now, and if no event
// comes before the announced instant, it is the next crossing of that
// clock and comes at that instant; a clock for which Next reports nothing
// is paused, or crosses nothing more unless an event comes. all holds the
// crossings up to end.
func checkNext(t *testing.T, name string, p sla.Policy, events []sla.Event, nows []time.Time, end time.Time, ladders []*escalation.Ladder, all []crossing) {
	t.Helper()
	for _, now := range nows {
		r, err := sla.Evaluate(p, events, now)
		if err != nil {
			t.Fatal(err)
		}
		nextEvent := time.Time{}
		if i := slices.IndexFunc(events, func(e sla.Event) bool { return e.At.After(now) }); i >= 0 {
			nextEvent = events[i].At
		}
		for _, l := range ladders {
			for _, c := range r.Clocks {
				if c.Metric != l.Metric {
					continue
				}
				// The first crossing of this clock after now.
				first, found := crossing{}, false
				for _, x := range all {
					if x.metric == c.Metric && x.cycle == c.Cycle && x.at > now.UnixNano() && (!found || x.at < first.at) {
						first, found = x, true
					}
				}
				lvl, at, ok := l.Next(c, now)
				id := fmt.Sprintf("%s: Next(%s#%d, %v) = %q, %v, %v", name, c.Metric, c.Cycle, now, lvl.Name, at, ok)
				switch {
				case ok && !at.After(now):
					t.Errorf("%s: not after now", id)
				case ok && !at.After(end) && (nextEvent.IsZero() || at.Before(nextEvent)):
					// Nothing happens to the ticket before at: the level
					// fires there (a tie at that instant may come first).
					if !found || first.at != at.UnixNano() {
						t.Errorf("%s but the next crossing is %v (found %v)", id, first, found)
					} else if !slices.Contains(all, crossing{c.Metric, c.Cycle, lvl.Name, at.UnixNano()}) {
						t.Errorf("%s but %s does not fire then", id, lvl.Name)
					}
				case !ok && lvl.Name != "" && !c.Paused:
					t.Errorf("%s: waiting on a clock that is not paused", id)
				case !ok && nextEvent.IsZero() && found:
					t.Errorf("%s but %v comes with no event before it", id, first)
				}
				for _, x := range all {
					if ok && x.metric == c.Metric && x.cycle == c.Cycle && x.name == lvl.Name && x.at <= now.UnixNano() {
						t.Errorf("%s but it fired at %v", id, x)
					}
				}
			}
		}
	}
}

// checkCrossing checks x against the clock evaluated around its instant:
// a level below or above the target was not counted a nanosecond before
// and was counted at the instant; the breach level is sla's BreachedAt.
func checkCrossing(t *testing.T, name string, p sla.Policy, events []sla.Event, x crossing) {
	t.Helper()
	at := time.Unix(0, x.at)
	clockAt := func(now time.Time) (sla.Clock, bool) {
		r, err := sla.Evaluate(p, events, now)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range r.Clocks {
			if c.Metric == x.metric && c.Cycle == x.cycle {
				return c, true
			}
		}
		return sla.Clock{}, false
	}
	c, ok := clockAt(at.Add(time.Nanosecond))
	if !ok {
		t.Errorf("%s: %v: no such clock", name, x)
		return
	}
	var trig escalation.Trigger
	for _, l := range []escalation.Level{lv("half", escalation.AtPercent(50)), lv("soon", escalation.BeforeDue(30*time.Minute)),
		lv("breach", escalation.AtPercent(100)), lv("late", escalation.AfterDue(time.Hour)), lv("double", escalation.AtPercent(200))} {
		if l.Name == x.name {
			trig = l.When
		}
	}
	a, _ := trig.Counted(c.Target)
	if a == c.Target {
		// sla's breach instant, or the target change that made it.
		want := c.BreachedAt
		if n := len(c.Retargets); n > 0 && c.Retargets[n-1].At.After(want) {
			want = c.Retargets[n-1].At
		}
		if !want.Equal(at) {
			t.Errorf("%s: %v but sla breached at %v (target changes %v)", name, x, c.BreachedAt, c.Retargets)
		}
		return
	}
	now, _ := clockAt(at)
	if now.Elapsed < a {
		t.Errorf("%s: %v but the clock had counted %v < %v by then", name, x, now.Elapsed, a)
	}
	// A nanosecond before, under the target of the time, the clock had
	// not counted the level's amount; that target may differ when the
	// crossing is at a target change.
	if before, ok := clockAt(at.Add(-time.Nanosecond)); ok {
		b, _ := trig.Counted(before.Target)
		if b > 0 && b != before.Target && before.Elapsed >= b {
			t.Errorf("%s: %v but the clock had counted %v >= %v a nanosecond before", name, x, before.Elapsed, b)
		}
		if before.Target != c.Target && len(c.Retargets) > 0 && !c.Retargets[len(c.Retargets)-1].At.Equal(at) {
			t.Errorf("%s: %v: the target changed from %v to %v but not at the crossing (%v)", name, x, before.Target, c.Target, c.Retargets)
		}
	}
}

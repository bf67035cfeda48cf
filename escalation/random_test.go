package escalation_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/slakit/slakit/escalation"
	"github.com/slakit/slakit/sla"
)

// randomTimeline returns a valid ticket history starting at start: events
// on whole minutes (so they often coincide with trigger instants), several
// at the same instant, pauses, replies, solves and reopens.
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

// Evaluating minute by minute and evaluating with random gaps fire exactly
// the same levels at the same instants, each once per cycle; every
// crossing is checked against the clock itself (counted time just before
// and at the instant, sla's breach instant), and every level the clock
// counted by the end was fired.
func TestWindowIndependence(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 2026))
	d := desk(t)
	starts := []time.Time{
		at(3, 5, 10, 17),  // Thursday before the spring-forward weekend
		at(5, 21, 14, 0),  // Thursday before Memorial Day
		at(10, 30, 16, 0), // Friday before the fall-back weekend
		at(7, 2, 8, 30),   // before Independence Day (observed Friday 3 July)
	}
	rounds := 6
	if testing.Short() {
		rounds = 2
	}
	for round := range rounds {
		p := policy(d, within(sla.FirstResponse, time.Hour), within(sla.NextResponse, 2*time.Hour),
			sla.Target{Metric: sla.PeriodicUpdate, Within: 4 * time.Hour, CalendarTime: true}, within(sla.Resolution, 8*time.Hour))
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
		seen := map[crossing]bool{}
		for _, x := range minutes {
			key := crossing{x.metric, x.cycle, x.name, 0}
			if seen[key] {
				t.Errorf("%s: %v fired twice", name, x)
			}
			seen[key] = true
			checkCrossing(t, name, p, events, x)
		}
		// Completeness: what the clocks counted by the end all fired.
		r, err := sla.Evaluate(p, events, end)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range r.Clocks {
			for _, lvl := range ladders[0].Levels {
				a, _ := lvl.When.Counted(c.Target)
				want := a < c.Elapsed || (a == c.Elapsed && a != c.Target)
				if a == c.Target {
					want = !c.BreachedAt.IsZero() || (c.State == sla.Running && c.Remaining <= 0 && !c.Due.After(end))
				}
				if got := seen[crossing{c.Metric, c.Cycle, lvl.Name, 0}]; got != want {
					t.Errorf("%s: %s#%d %s (%v of %v, elapsed %v, %v): fired %v want %v", name, c.Metric, c.Cycle, lvl.Name, a, c.Target, c.Elapsed, c.State, got, want)
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
		if !c.BreachedAt.Equal(at) {
			t.Errorf("%s: %v but sla breached at %v", name, x, c.BreachedAt)
		}
		return
	}
	now, _ := clockAt(at)
	if now.Elapsed < a {
		t.Errorf("%s: %v but the clock had counted %v < %v by then", name, x, now.Elapsed, a)
	}
	if before, ok := clockAt(at.Add(-time.Nanosecond)); ok && a > 0 && before.Elapsed >= a {
		t.Errorf("%s: %v but the clock had counted %v >= %v a nanosecond before", name, x, before.Elapsed, a)
	}
}

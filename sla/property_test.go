package sla_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

// randomTimeline makes a valid timeline on whole minutes starting in the
// first half of March 2026 (so some cross the DST change of 8 March).
func randomTimeline(r *rand.Rand) []sla.Event {
	t := time.Date(2026, 3, 1+r.IntN(14), r.IntN(24), r.IntN(60), 0, 0, newYork)
	events := []sla.Event{created(t, priority.Priority(1+r.IntN(3)))}
	solved := false
	statuses := []string{"open", "pending", "on-hold"}
	for range 5 + r.IntN(20) {
		t = t.Add(time.Duration(r.IntN(12*60)) * time.Minute)
		var e sla.Event
		switch k := r.IntN(10); {
		case k < 2:
			e = ev(t, sla.CustomerMessage)
		case k < 4:
			e = sla.Event{At: t, Kind: sla.AgentReply, Public: r.IntN(3) > 0}
		case k < 7:
			e = status(t, statuses[r.IntN(len(statuses))])
		case k < 8:
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

// referenceElapsed counts, minute by minute, the open minutes in [start,
// now) during which a metric's single clock runs, by replaying the events
// independently of the package's segment logic.
type reference struct {
	status       string
	solved       bool
	frStopped    bool
	res, fr      time.Duration
	pauseResolve []string
}

func (x *reference) apply(e sla.Event) {
	switch e.Kind {
	case sla.Created, sla.StatusChanged:
		x.status = e.Status
	case sla.AgentReply:
		if e.Public && !x.solved {
			x.frStopped = true
		}
	case sla.Solved:
		x.solved, x.frStopped, x.status = true, true, ""
	case sla.Reopened:
		x.solved, x.status = false, e.Status
	}
}

// TestEvaluateEveryMinute replays random timelines at every minute and
// checks: Elapsed of Resolution and FirstResponse equals the open minutes
// counted independently with Calendar.IsOpen; Elapsed never decreases; a
// paused clock's Due never moves earlier, and a running clock's Due does
// not move, from one minute to the next when no event happens in between.
func TestEvaluateEveryMinute(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	p := deskPolicy()
	n := 8
	if testing.Short() {
		n = 2
	}
	for ticket := range n {
		events := randomTimeline(r)
		start := events[0].At
		end := events[len(events)-1].At.Add(24 * time.Hour)
		ref := reference{pauseResolve: p.PauseStatuses}
		next := 0
		var prev sla.Report
		for now := start; !now.After(end); now = now.Add(time.Minute) {
			eventNow := false
			for next < len(events) && !events[next].At.After(now) {
				ref.apply(events[next])
				next++
				eventNow = true
			}
			rep, err := sla.Evaluate(p, events, now)
			if err != nil {
				t.Fatalf("ticket %d: Evaluate(%v): %v", ticket, now, err)
			}
			res, ok := rep.Clock(sla.Resolution)
			if !ok {
				t.Fatalf("ticket %d: Evaluate(%v): no resolution clock", ticket, now)
			}
			fr, _ := rep.Clock(sla.FirstResponse)
			if res.Elapsed != ref.res || fr.Elapsed != ref.fr {
				t.Fatalf("ticket %d at %v: Elapsed resolution %v first response %v want %v %v (brute force)\nevents %+v",
					ticket, now, res.Elapsed, fr.Elapsed, ref.res, ref.fr, events)
			}
			if prevRes, ok := prev.Clock(sla.Resolution); ok && !eventNow {
				switch {
				case prevRes.Elapsed > res.Elapsed:
					t.Fatalf("ticket %d at %v: Elapsed went down from %v to %v", ticket, now, prevRes.Elapsed, res.Elapsed)
				case prevRes.State == sla.Paused && res.State == sla.Paused && res.Due.Before(prevRes.Due):
					t.Fatalf("ticket %d at %v: paused Due moved earlier from %v to %v", ticket, now, prevRes.Due, res.Due)
				case prevRes.State == sla.Running && res.State == sla.Running && !res.Due.Equal(prevRes.Due):
					t.Fatalf("ticket %d at %v: running Due moved from %v to %v", ticket, now, prevRes.Due, res.Due)
				}
			}
			// Count the minute [now, now+1m) for the next evaluation.
			if desk.IsOpen(now) {
				if !ref.solved && !slices.Contains(ref.pauseResolve, ref.status) {
					ref.res += time.Minute
				}
				if !ref.frStopped {
					ref.fr += time.Minute
				}
			}
			prev = rep
		}
	}
}

package sla_test

import (
	"fmt"
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

// fuzzTimeline decodes a valid timeline from data, two bytes per event (what
// happens, and how many minutes later), starting on Monday 2 March 2026 in
// New York; priorities are 1 to 3. It also returns an evaluation instant
// after the last event.
func fuzzTimeline(data []byte) ([]sla.Event, time.Time) {
	t := ny(3, 2, 7, 0)
	if len(data) > 0 {
		t = t.Add(time.Duration(data[0]) * 10 * time.Minute)
		data = data[1:]
	}
	events := []sla.Event{created(t, 2)}
	solved := false
	statuses := []string{"open", "pending", "on-hold"}
	for ; len(data) >= 2 && len(events) < 64; data = data[2:] {
		k, gap := data[0], data[1]
		t = t.Add(time.Duration(gap) * 7 * time.Minute)
		var e sla.Event
		switch k % 8 {
		case 0:
			e = ev(t, sla.CustomerMessage)
		case 1:
			e = reply(t)
		case 2:
			e = note(t)
		case 3, 4:
			e = status(t, statuses[int(k/8)%len(statuses)])
		case 5:
			e = reprio(t, priority.Priority(1+int(k/8)%3))
		default:
			if solved {
				e = sla.Event{At: t, Kind: sla.Reopened, Status: statuses[int(k/8)%len(statuses)]}
			} else {
				e = ev(t, sla.Solved)
			}
			solved = !solved
		}
		events = append(events, e)
	}
	return events, t.Add(time.Duration(len(data)) * time.Hour)
}

// FuzzEvaluate replays decoded timelines under several policies (business
// and calendar time, Within and BusinessDays targets, per-metric pauses,
// both reopen modes) and checks what must hold for every clock whatever
// the timeline: Remaining is Target minus Elapsed; the counted time of the
// clock's Explain segments (found with Calendar.Intervals) adds up to
// Elapsed; and for a Within target, the Due of a running or breached clock
// is When(Target), which finds the instant from the clock's segments with
// Calendar.Add, where Evaluate gets Due from now or from the segment that
// used the target up.
func FuzzEvaluate(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{3, 1, 5, 0, 10, 3, 2, 11, 20, 5, 1, 6, 30, 0, 9, 1, 40, 6, 90, 14, 3, 1, 4})
	f.Add([]byte{0, 4, 30, 0, 200, 1, 1, 19, 2, 6, 0, 6, 250, 0, 3, 1, 0, 13, 77, 5, 0, 6, 8})
	f.Add([]byte{12, 5, 10, 13, 5, 3, 60, 1, 9, 11, 255, 6, 1, 0, 2, 1, 3, 21, 40})
	newCycle := deskPolicy()
	newCycle.Reopen = sla.NewCycle
	newCycle.MetricPauses = map[sla.Metric][]string{sla.FirstResponse: {"on-hold"}, sla.NextResponse: {"pending", "on-hold"}}
	updates := benchPolicy()
	updates.Targets[3] = []sla.Target{{Metric: sla.PeriodicUpdate, Within: 3 * time.Hour},
		{Metric: sla.Resolution, BusinessDays: 2, CalendarTime: true}}
	updates.Targets[1] = append(updates.Targets[1], sla.Target{Metric: sla.PeriodicUpdate, Within: 90 * time.Minute, CalendarTime: true})
	policies := []sla.Policy{deskPolicy(), newCycle, updates, calPolicy()}
	f.Fuzz(func(t *testing.T, data []byte) {
		events, now := fuzzTimeline(data)
		for _, p := range policies {
			xs, err := sla.Explain(p, events, now)
			if err != nil {
				t.Fatalf("%s: Explain: %v", p.Name, err)
			}
			for _, x := range xs {
				c := x.Clock
				id := fmt.Sprintf("%s: %s#%d (%v)", p.Name, c.Metric, c.Cycle, c.State)
				if !c.HasTarget() {
					if c.Target != 0 || c.Remaining != 0 || !c.Due.IsZero() || !c.BreachedAt.IsZero() || c.State == sla.Breached {
						t.Errorf("%s: without a target: Target %v Remaining %v Due %v BreachedAt %v", id, c.Target, c.Remaining, c.Due, c.BreachedAt)
					}
				} else if c.Remaining != c.Target-c.Elapsed {
					t.Errorf("%s: Remaining %v, Target %v, Elapsed %v", id, c.Remaining, c.Target, c.Elapsed)
				}
				var counted time.Duration
				for _, s := range x.Segments {
					counted += s.Counted
				}
				if counted != c.Elapsed {
					t.Errorf("%s: Elapsed %v, Explain counts %v", id, c.Elapsed, counted)
				}
				if c.HasTarget() && c.Applied.BusinessDays == 0 && (c.State == sla.Running || c.State == sla.Breached) {
					w, ok := c.When(c.Target)
					// A clock that used up its target exactly, paused, and
					// resumed runs past it where counting resumes: now, or
					// on business time the next opening.
					resumes := now.In(c.Due.Location())
					if !c.Applied.CalendarTime {
						resumes = p.Calendar.NextOpen(now)
					}
					late := c.State == sla.Running && c.Remaining == 0 && c.Due.Equal(resumes)
					if !ok || !w.Equal(c.Due) && !late {
						t.Errorf("%s: Due %v, When(Target %v) = %v, %v", id, c.Due, c.Target, w, ok)
					}
				}
			}
		}
	})
}

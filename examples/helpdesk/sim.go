package main

import (
	"container/heap"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/escalation"
	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

// ticket is one generated ticket: its whole timeline is known in advance,
// and the replay reveals it minute by minute (sla.Evaluate ignores events
// after now).
type ticket struct {
	id       string
	priority priority.Priority // at creation
	events   []sla.Event

	// Replay state: what the scheduler persists per ticket.
	checked time.Time // the previous evaluation instant (the end of the last window)
	wake    time.Time // when the scheduler will look again; zero: never
}

// generate makes n tickets created during the day that starts at day, with
// a fixed seed. Most arrive while the desk is open; agents mostly answer
// within target, sometimes late; some tickets wait on the customer, some
// get a follow-up question, a few are raised in priority.
func generate(n int, seed uint64, day time.Time, desk *calendar.Calendar, matrix *priority.Matrix, targets map[priority.Priority]time.Duration) ([]*ticket, error) {
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	pick := func(weights map[string]int, order []string) string {
		total := 0
		for _, k := range order {
			total += weights[k]
		}
		x := rng.IntN(total)
		for _, k := range order {
			if x < weights[k] {
				return k
			}
			x -= weights[k]
		}
		return order[len(order)-1]
	}
	levels := []string{"High", "Medium", "Low"}
	minutes := func(lo, hi int) time.Duration { return time.Duration(lo+rng.IntN(hi-lo+1)) * time.Minute }
	// late draws how long an agent takes against a target: mostly well
	// within it, sometimes close, one time in ten over.
	late := func(target time.Duration) time.Duration {
		var f float64
		switch x := rng.Float64(); {
		case x < 0.7:
			f = 0.1 + 0.6*rng.Float64()
		case x < 0.9:
			f = 0.7 + 0.3*rng.Float64()
		default:
			f = 1 + rng.Float64()
		}
		return max(time.Minute, time.Duration(f*float64(target)).Round(time.Minute))
	}

	created := make([]time.Time, n)
	for i := range created {
		if rng.IntN(100) < 85 {
			created[i] = day.Add(8*time.Hour + minutes(0, 12*60-1))
		} else {
			created[i] = day.Add(minutes(0, 24*60-1))
		}
	}
	slices.SortFunc(created, func(a, b time.Time) int { return a.Compare(b) })

	tickets := make([]*ticket, n)
	for i, at := range created {
		p, err := matrix.Priority(
			pick(map[string]int{"High": 10, "Medium": 30, "Low": 60}, levels),
			pick(map[string]int{"High": 20, "Medium": 40, "Low": 40}, levels))
		if err != nil {
			return nil, err
		}
		// P1 targets count calendar time (an on-call engineer answers at
		// night); the others count the desk's open hours.
		after := func(t time.Time, d time.Duration) time.Time {
			if p == 1 {
				return t.Add(d)
			}
			return desk.Add(t, d)
		}
		t := &ticket{id: fmt.Sprintf("T-%05d", 10001+i), priority: p}
		ev := []sla.Event{{At: at, Kind: sla.Created, Priority: p, Status: "open"}}
		reply := after(at, late(targets[p]))
		if rng.IntN(100) < 30 {
			note := at.Add(reply.Sub(at) / 2).Truncate(time.Minute)
			ev = append(ev, sla.Event{At: note, Kind: sla.AgentReply}) // internal note
		}
		ev = append(ev, sla.Event{At: reply, Kind: sla.AgentReply, Public: true})
		last := reply
		switch x := rng.IntN(100); {
		case x < 25: // waiting on the customer
			back := reply.Add(minutes(20, 5*60))
			ev = append(ev,
				sla.Event{At: reply, Kind: sla.StatusChanged, Status: "pending"},
				sla.Event{At: back, Kind: sla.CustomerMessage},
				sla.Event{At: back, Kind: sla.StatusChanged, Status: "open"})
			last = after(back, late(targets[p]))
			ev = append(ev, sla.Event{At: last, Kind: sla.AgentReply, Public: true})
		case x < 55: // a follow-up question
			q := reply.Add(minutes(10, 3*60))
			last = after(q, late(targets[p]))
			ev = append(ev,
				sla.Event{At: q, Kind: sla.CustomerMessage},
				sla.Event{At: last, Kind: sla.AgentReply, Public: true})
		}
		solved := after(last, minutes(5, 4*60))
		if p > 1 && rng.IntN(100) < 4 { // raised one level after triage
			if raise := at.Add(minutes(5, 120)); raise.Before(solved) {
				ev = append(ev, sla.Event{At: raise, Kind: sla.PriorityChanged, Priority: p - 1})
			}
		}
		ev = append(ev, sla.Event{At: solved, Kind: sla.Solved})
		slices.SortStableFunc(ev, func(a, b sla.Event) int { return a.At.Compare(b.At) })
		t.events = ev
		tickets[i] = t
	}
	return tickets, nil
}

// firing is one escalation level delivered by the replay.
type firing struct {
	ticket  string
	metric  sla.Metric
	cycle   int
	level   escalation.Level
	crossed time.Time // when the clock crossed the level
	woke    time.Time // the minute the scheduler delivered it
}

// result is what a replay did.
type result struct {
	firings []firing
	evals   int      // sla.Evaluate calls
	trace   []string // the scheduler's log for one ticket
}

// replay steps through [start, end] a minute at a time. At each minute it
// evaluates only the tickets whose wake-up time has come (a min-heap of
// wake-ups), delivers the levels they crossed since their previous
// evaluation and schedules the next wake-up: the earlier of the ticket's
// next event and the instant Ladder.Next reports.
func replay(policy sla.Policy, ladders []*escalation.Ladder, tickets []*ticket, start, end time.Time, traceID string) (result, error) {
	var res result
	q := &wakeups{}
	for i, t := range tickets {
		t.checked = time.Time{}
		t.wake = ceilMinute(t.events[0].At)
		heap.Push(q, wakeup{t.wake, i})
	}
	for now := start; !now.After(end); now = now.Add(time.Minute) {
		for q.Len() > 0 && !(*q)[0].at.After(now) {
			w := heap.Pop(q).(wakeup)
			t := tickets[w.ticket]
			if !w.at.Equal(t.wake) {
				continue // superseded by a later schedule
			}
			next, err := visit(&res, policy, ladders, t, now, t.id == traceID)
			if err != nil {
				return res, fmt.Errorf("%s: %w", t.id, err)
			}
			t.wake = next
			if !next.IsZero() {
				heap.Push(q, wakeup{next, w.ticket})
			}
		}
	}
	return res, nil
}

// visit evaluates t at now, delivers what its ladders crossed since the
// previous visit and returns when to look again (zero: never).
func visit(res *result, policy sla.Policy, ladders []*escalation.Ladder, t *ticket, now time.Time, trace bool) (time.Time, error) {
	r, err := sla.Evaluate(policy, t.events, now)
	if err != nil {
		return time.Time{}, err
	}
	res.evals++
	var delivered []string
	for _, l := range ladders {
		for _, c := range r.Clocks {
			if c.Metric != l.Metric {
				continue
			}
			// Consecutive windows (each since the previous now) return
			// every level once per clock cycle, also across pauses and
			// priority changes: no bookkeeping of what was delivered.
			for _, x := range l.Crossings(c, t.checked, now) {
				res.firings = append(res.firings, firing{t.id, c.Metric, c.Cycle, x.Level, x.At, now})
				delivered = append(delivered, fmt.Sprintf("%s %s (crossed %s)", c.Metric, x.Level.Name, x.At.Format("15:04:05")))
			}
		}
	}
	t.checked = now

	// The next wake-up: the ticket's next event, or the next level.
	var next time.Time
	why := ""
	for _, e := range t.events {
		if e.At.After(now) {
			next, why = e.At, "next event: "+e.Kind.String()
			break
		}
	}
	for _, l := range ladders {
		for _, c := range r.Clocks {
			if c.Metric != l.Metric {
				continue
			}
			lv, at, ok := l.Next(c, now)
			if !ok {
				continue
			}
			if !at.After(now) { // cannot happen for a clock evaluated at now
				at = now.Add(time.Minute)
			}
			if next.IsZero() || at.Before(next) {
				next, why = at, fmt.Sprintf("next level: %s %s at %s", c.Metric, lv.Name, at.Format("15:04:05"))
			}
		}
	}
	if trace {
		line := now.Format("15:04") + "  evaluated"
		for _, d := range delivered {
			line += "; fired " + d
		}
		if next.IsZero() {
			line += "; nothing left to wait for"
		} else {
			line += fmt.Sprintf("; sleep until %s (%s)", ceilMinute(next).Format("Mon 15:04"), why)
		}
		res.trace = append(res.trace, line)
	}
	if next.IsZero() {
		return next, nil
	}
	return ceilMinute(next), nil
}

// ceilMinute rounds t up to a whole minute.
func ceilMinute(t time.Time) time.Time {
	if m := t.Truncate(time.Minute); m.Before(t) {
		return m.Add(time.Minute)
	}
	return t
}

type wakeup struct {
	at     time.Time
	ticket int
}

// wakeups is a min-heap of wake-ups by instant, then ticket.
type wakeups []wakeup

func (q wakeups) Len() int { return len(q) }
func (q wakeups) Less(i, j int) bool {
	if c := q[i].at.Compare(q[j].at); c != 0 {
		return c < 0
	}
	return q[i].ticket < q[j].ticket
}
func (q wakeups) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *wakeups) Push(x any)   { *q = append(*q, x.(wakeup)) }
func (q *wakeups) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

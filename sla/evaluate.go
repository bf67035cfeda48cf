package sla

import (
	"fmt"
	"slices"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/priority"
)

// Report is the state of every SLA clock of one ticket at one instant.
// Clocks are ordered by metric (FirstResponse, NextResponse,
// PeriodicUpdate, Resolution) and then by cycle. A metric that has no
// target at the ticket's priority has no clock.
type Report struct {
	Clocks []Clock
}

// Clock returns the clock of metric m with the highest cycle, which is the
// current one, and whether there is one.
func (r Report) Clock(m Metric) (Clock, bool) {
	for i := len(r.Clocks) - 1; i >= 0; i-- {
		if r.Clocks[i].Metric == m {
			return r.Clocks[i], true
		}
	}
	return Clock{}, false
}

// Evaluate replays a ticket's timeline under policy p and reports every SLA
// clock as it stands at now. Events later than now are ignored (but still
// checked), so a timeline can be replayed at any past instant; at an
// instant before the ticket was created the report has no clocks.
//
// Evaluate validates p ([Policy.Validate], reporting a [*PolicyError]) and
// the timeline, reporting an [*EventError] naming the event's index for: an
// empty timeline, a first event that is not Created or a second Created,
// an unknown kind, a zero or decreasing time (events at the same instant
// are applied in slice order), a time outside the years 1678-2262, a StatusChanged without a status, a
// priority below 1 or absent from p.Targets, Solved on a solved ticket,
// Reopened on a ticket that is not solved, or an incomplete exemption.
// It never panics on bad input.
//
// Evaluate does not retain events or modify them; the report shares no
// memory with them. It costs a few calendar operations per event and per
// clock and a handful of allocations.
func Evaluate(p Policy, events []Event, now time.Time) (Report, error) {
	if err := p.validate(); err != nil {
		return Report{}, err
	}
	if err := checkEvents(&p, events); err != nil {
		return Report{}, err
	}
	if !inRange(now) {
		return Report{}, fmt.Errorf("sla: now %s: %w", now.Format(time.RFC3339), ErrTimeRange)
	}
	var ev evaluator
	return ev.run(&p, events, now), nil
}

// work is a clock's state while the timeline is replayed. It holds no
// pointers, so the garbage collector does not scan it.
type work struct {
	runStart int64         // start of the open running segment, Unix ns
	counted  time.Duration // counted in closed segments
	nseg     int           // closed segments; then the offset into the final segments
	nret     int           // retargets
	running  bool          // started and not stopped
	paused   bool
}

// tseg is a running segment tagged with its clock.
type tseg struct {
	clock int
	seg
}

type evaluator struct {
	p      *Policy
	cal    *calendar.Calendar
	loc    *time.Location
	always *calendar.Calendar // built on first use, for CalendarTime BusinessDays targets

	// clocks and work have a region of slots per metric, in metric order,
	// sized for the most cycles the timeline can start; next is the next
	// free slot of each region, end its end.
	clocks []Clock
	work   []work
	segs   []tseg
	next   [numMetrics]int
	end    [numMetrics]int

	used    [numMetrics]bool // some priority has a target for the metric
	pauses  [numMetrics][]string
	pausing [numMetrics]bool // the current status pauses the metric
	active  [numMetrics]int  // running clock of each metric, or -1
	cycles  [numMetrics]int

	// rets holds the retargets, allocated at the first one: a region of
	// nchange entries per metric that has targets (each PriorityChanged
	// event adds at most one per metric), filled in order, so the entries
	// of each clock are contiguous and the clocks in cycle order; rnext is
	// the next free entry of each region.
	rets    []Retarget
	nchange int
	rnext   [numMetrics]int
	nret    [numMetrics]int // entries in each region

	// last is the last open time measured on the business calendar: the
	// clocks of a ticket often close a segment over the same stretch (a
	// solve stops them all at once), and the calendar is the costly part.
	last struct {
		a, b int64
		d    time.Duration
		ok   bool
	}

	prio    priority.Priority
	tt      targetTable // the targets at prio
	solved  bool
	frDone  bool // FirstResponse has stopped
	resume  int  // the Resolution clock a reopen continues, or -1
	nexempt int
}

func (ev *evaluator) run(p *Policy, events []Event, now time.Time) Report {
	ev.p, ev.cal, ev.loc = p, p.Calendar, p.Calendar.Location()
	now = now.In(ev.loc)
	for _, ts := range p.Targets {
		for i := range ts {
			ev.used[ts[i].Metric.index()] = true
		}
	}
	// The most cycles each metric can have.
	var most [numMetrics]int
	most[0], most[3] = 1, 1
	for i := range events {
		switch events[i].Kind {
		case CustomerMessage:
			most[1]++
		case AgentReply:
			if events[i].Public {
				most[2]++
			}
		case Reopened:
			if p.Reopen == NewCycle {
				most[3]++
			}
		case PriorityChanged:
			ev.nchange++
		}
	}
	n := 0
	for mi := range numMetrics {
		if !ev.used[mi] {
			most[mi] = 0
		}
		ev.next[mi] = n
		n += most[mi]
		ev.end[mi] = n
		ev.pauses[mi] = p.pauseSet(mi)
		ev.active[mi] = -1
	}
	ev.resume = -1
	ev.clocks = make([]Clock, n)
	ev.work = make([]work, n)
	ev.segs = make([]tseg, 0, len(events)+numMetrics)

	for i := range events {
		e := &events[i]
		if e.At.After(now) {
			break
		}
		t := e.At.In(ev.loc)
		switch e.Kind {
		case Created:
			ev.prio, ev.tt = e.Priority, p.table(e.Priority)
			ev.setStatus(e.Status, t)
			ev.start(0, t)
			ev.start(3, t)
		case CustomerMessage:
			if !ev.solved && ev.frDone && ev.active[1] < 0 {
				ev.start(1, t)
			}
		case AgentReply:
			if !e.Public || ev.solved {
				continue
			}
			ev.stop(0, t)
			ev.frDone = true
			ev.stop(1, t)
			ev.stop(2, t)
			ev.start(2, t)
		case StatusChanged:
			ev.setStatus(e.Status, t)
		case PriorityChanged:
			ev.retarget(e.Priority, t)
		case Solved:
			ev.resume = ev.active[3]
			for mi := range numMetrics {
				ev.stop(mi, t)
			}
			ev.solved, ev.frDone = true, true
			ev.setStatus("", t)
		case Reopened:
			ev.solved = false
			ev.setStatus(e.Status, t)
			if ev.p.Reopen == NewCycle || ev.resume < 0 {
				ev.start(3, t)
			} else {
				i := ev.resume
				w := &ev.work[i]
				w.running, w.paused = true, ev.pausing[3]
				w.runStart = t.UnixNano()
				ev.clocks[i].Stopped = time.Time{}
				ev.active[3] = i
			}
			ev.resume = -1
		case Exempted:
			ev.nexempt++
		}
	}
	// Close the segments still open at now; keep them even when empty so
	// a running clock can project from its last start.
	nowNS := now.UnixNano()
	for i := range ev.work {
		w := &ev.work[i]
		if w.running && !w.paused {
			c := &ev.clocks[i]
			ev.segs = append(ev.segs, tseg{i, seg{w.runStart, nowNS, ev.between(c.cc, w.runStart, now)}})
			w.nseg++
		}
	}
	return Report{Clocks: ev.finish(events, now)}
}

// start starts a new cycle of metric mi at t.
func (ev *evaluator) start(mi int, t time.Time) {
	if !ev.used[mi] || ev.next[mi] == ev.end[mi] {
		return
	}
	i := ev.next[mi]
	ev.next[mi]++
	ev.cycles[mi]++
	ev.clocks[i] = Clock{Metric: metrics[mi], Cycle: ev.cycles[mi], Started: t, cc: clockCal{cal: ev.cal}}
	ev.work[i] = work{runStart: t.UnixNano(), running: true, paused: ev.pausing[mi]}
	ev.active[mi] = i
	ev.applyTarget(i, mi)
}

// stop stops the running clock of metric mi, if any, at t.
func (ev *evaluator) stop(mi int, t time.Time) {
	i := ev.active[mi]
	if i < 0 {
		return
	}
	w := &ev.work[i]
	if !w.paused {
		ev.closeSeg(i, t)
	}
	w.running = false
	ev.clocks[i].Stopped = t
	ev.active[mi] = -1
}

// closeSeg ends clock i's open running segment at t.
func (ev *evaluator) closeSeg(i int, t time.Time) {
	w := &ev.work[i]
	tn := t.UnixNano()
	if w.runStart >= tn {
		return
	}
	d := ev.between(ev.clocks[i].cc, w.runStart, t)
	ev.segs = append(ev.segs, tseg{i, seg{w.runStart, tn, d}})
	w.counted += d
	w.nseg++
}

// between is cc.between(at(a), b), remembering the last answer on the
// business calendar.
func (ev *evaluator) between(cc clockCal, a int64, b time.Time) time.Duration {
	if cc.real {
		return b.Sub(cc.at(a))
	}
	bn := b.UnixNano()
	if l := &ev.last; l.ok && l.a == a && l.b == bn {
		return l.d
	}
	d := cc.cal.Between(cc.at(a), b)
	ev.last.a, ev.last.b, ev.last.d, ev.last.ok = a, bn, d, true
	return d
}

// setStatus moves the ticket to status s at t, pausing and resuming clocks.
func (ev *evaluator) setStatus(s string, t time.Time) {
	for mi := range numMetrics {
		ev.pausing[mi] = s != "" && slices.Contains(ev.pauses[mi], s)
		i := ev.active[mi]
		if i < 0 {
			continue
		}
		w := &ev.work[i]
		switch {
		case ev.pausing[mi] && !w.paused:
			ev.closeSeg(i, t)
			w.paused = true
		case !ev.pausing[mi] && w.paused:
			w.paused = false
			w.runStart = t.UnixNano()
		}
	}
}

// retarget moves the ticket to priority pr at t: every running clock that
// has not breached takes pr's target, counted from its original start.
func (ev *evaluator) retarget(pr priority.Priority, t time.Time) {
	ev.prio, ev.tt = pr, ev.p.table(pr)
	for mi := range numMetrics {
		i := ev.active[mi]
		if i < 0 {
			continue
		}
		c := &ev.clocks[i]
		if c.Applied.Metric != "" && ev.breachedBy(i, t) {
			continue
		}
		from, amount := c.Applied, c.Target
		ev.applyTarget(i, mi)
		if c.Applied != from {
			ev.record(i, mi, Retarget{At: t, Priority: pr, From: from, To: c.Applied, FromAmount: amount, ToAmount: c.Target})
		}
	}
}

// record appends r to the retargets of clock i of metric mi.
func (ev *evaluator) record(i, mi int, r Retarget) {
	if ev.rets == nil {
		n := 0
		for m := range numMetrics {
			ev.rnext[m] = n
			if ev.used[m] {
				n += ev.nchange
			}
		}
		ev.rets = make([]Retarget, n)
	}
	ev.rets[ev.rnext[mi]] = r
	ev.rnext[mi]++
	ev.nret[mi]++
	ev.work[i].nret++
}

// breachedBy reports whether running clock i has breached by t.
func (ev *evaluator) breachedBy(i int, t time.Time) bool {
	c := &ev.clocks[i]
	x := crossing{target: c.Target}
	for j := range ev.segs {
		if ev.segs[j].clock == i {
			x.feed(c.cc, ev.segs[j].seg)
		}
	}
	if w := &ev.work[i]; !w.paused && w.runStart < t.UnixNano() {
		x.feed(c.cc, seg{w.runStart, t.UnixNano(), ev.between(c.cc, w.runStart, t)})
	}
	return x.hit
}

// applyTarget gives clock i of metric mi the target at the ticket's
// current priority, or no target. A change between business and calendar
// time recounts the segments the clock has closed.
func (ev *evaluator) applyTarget(i, mi int) {
	c := &ev.clocks[i]
	c.Priority = ev.prio
	t := ev.tt[mi]
	if t.Metric == "" {
		c.Applied, c.Target = Target{}, 0
		return
	}
	cc := clockCal{cal: ev.cal, real: t.CalendarTime, days: t.BusinessDays > 0}
	if cc.real != c.cc.real {
		w := &ev.work[i]
		w.counted = 0
		for j := range ev.segs {
			if s := &ev.segs[j]; s.clock == i {
				s.counted = cc.between(cc.at(s.start), cc.at(s.end))
				w.counted += s.counted
			}
		}
	}
	c.cc = cc
	c.Applied = t
	c.Target = t.Within
	if t.BusinessDays > 0 {
		if cc.real {
			if ev.always == nil {
				ev.always = calendar.AlwaysOpen(ev.loc)
			}
			c.Target = ev.always.AddDays(c.Started, t.BusinessDays).Sub(c.Started)
		} else {
			c.Target = ev.cal.Between(c.Started, ev.cal.AddDays(c.Started, t.BusinessDays))
		}
	}
}

// finish groups the segments by clock, computes each clock's state at now,
// attaches exemptions, and returns the clocks that have a target, in
// metric order.
func (ev *evaluator) finish(events []Event, now time.Time) []Clock {
	off := 0
	for i := range ev.work {
		n := ev.work[i].nseg
		ev.work[i].nseg = off
		off += n
	}
	var all []seg
	if len(ev.segs) > 0 {
		all = make([]seg, len(ev.segs))
	}
	for _, s := range ev.segs {
		w := &ev.work[s.clock]
		all[w.nseg] = s.seg
		w.nseg++
	}
	start, out := 0, 0
	for mi := range numMetrics {
		first := 0
		if mi > 0 {
			first = ev.end[mi-1]
		}
		ret := ev.rnext[mi] - ev.nret[mi]
		for i := first; i < ev.end[mi]; i++ {
			c, w := &ev.clocks[i], &ev.work[i]
			segs := all[start:w.nseg:w.nseg]
			start = w.nseg
			if w.nret > 0 {
				c.Retargets = ev.rets[ret : ret+w.nret : ret+w.nret]
				ret += w.nret
			}
			if i >= ev.next[mi] || c.Applied.Metric == "" {
				continue
			}
			c.segs = segs
			ev.state(c, w, now)
			if c.State == Breached && ev.nexempt > 0 {
				ev.exempt(c, events, now)
			}
			if out != i {
				ev.clocks[out] = *c
			}
			out++
		}
	}
	if out == 0 {
		return nil
	}
	clear(ev.clocks[out:])
	return ev.clocks[:out:out]
}

// state computes clock c's counted time, state and deadlines at now.
func (ev *evaluator) state(c *Clock, w *work, now time.Time) {
	x := crossing{target: c.Target}
	for _, s := range c.segs {
		x.feed(c.cc, s)
	}
	c.Elapsed = x.cum
	c.Remaining = c.Target - c.Elapsed
	c.Paused = w.running && w.paused
	switch {
	case x.hit:
		c.State, c.BreachedAt, c.Due = Breached, x.breach, x.due
	case !w.running:
		c.State = Met
		c.Due = c.cc.dueAt(c.cc.add(c.Stopped, c.Remaining))
	case w.paused:
		c.State = Paused
		c.Due = c.cc.dueAt(c.cc.add(now, c.Remaining))
	default:
		c.State = Running
		c.Due = c.cc.dueAt(c.cc.add(now, c.Remaining))
	}
}

// exempt attaches the first exemption recorded by now that covers c.
func (ev *evaluator) exempt(c *Clock, events []Event, now time.Time) {
	for i := range events {
		e := &events[i]
		if e.At.After(now) {
			return
		}
		if e.Kind == Exempted && e.Exemption.covers(c) {
			x := *e.Exemption
			if !x.Expires.IsZero() {
				x.Expires = x.Expires.In(ev.loc)
			}
			c.Exempt = &x
			return
		}
	}
}

package sla

import (
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
// are applied in slice order), a StatusChanged without a status, a
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
	var ev evaluator
	return ev.run(&p, events, now), nil
}

// work is a clock's state while the timeline is replayed.
type work struct {
	runStart time.Time     // start of the open running segment
	counted  time.Duration // counted in closed segments
	nseg     int           // closed segments; then the offset into the final segments
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

	clocks []Clock
	work   []work
	segs   []tseg

	used    [numMetrics]bool // some priority has a target for the metric
	pauses  [numMetrics][]string
	pausing [numMetrics]bool // the current status pauses the metric
	active  [numMetrics]int  // running clock of each metric, or -1
	cycles  [numMetrics]int

	prio    priority.Priority
	solved  bool
	frDone  bool // FirstResponse has stopped
	resume  int  // the Resolution clock a reopen continues, or -1
	nexempt int
}

func (ev *evaluator) run(p *Policy, events []Event, now time.Time) Report {
	ev.p, ev.cal, ev.loc = p, p.Calendar, p.Calendar.Location()
	now = now.In(ev.loc)
	for _, ts := range p.Targets {
		for _, t := range ts {
			ev.used[t.Metric.index()] = true
		}
	}
	nclocks := 2
	for i := range events {
		switch events[i].Kind {
		case CustomerMessage, Reopened:
			nclocks++
		case AgentReply:
			if events[i].Public {
				nclocks++
			}
		}
	}
	for mi := range numMetrics {
		ev.pauses[mi] = p.pauseSet(mi)
		ev.active[mi] = -1
	}
	ev.resume = -1
	ev.clocks = make([]Clock, 0, nclocks)
	ev.work = make([]work, 0, nclocks)
	ev.segs = make([]tseg, 0, len(events)+numMetrics)

	for i := range events {
		e := &events[i]
		if e.At.After(now) {
			break
		}
		t := e.At.In(ev.loc)
		switch e.Kind {
		case Created:
			ev.prio = e.Priority
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
				w.runStart = t
				ev.clocks[i].Stopped = time.Time{}
				ev.active[3] = i
			}
			ev.resume = -1
		case Exempted:
			ev.nexempt++
		}
	}
	if len(ev.clocks) == 0 {
		return Report{}
	}
	// Close the segments still open at now; keep them even when empty so
	// a running clock can project from its last start.
	for i := range ev.work {
		w := &ev.work[i]
		if w.running && !w.paused && !w.runStart.After(now) {
			c := &ev.clocks[i]
			ev.segs = append(ev.segs, tseg{i, seg{w.runStart, now, c.cc.between(w.runStart, now)}})
			w.nseg++
		}
	}
	ev.finish(events, now)
	return Report{Clocks: ev.clocks}
}

// start starts a new cycle of metric mi at t.
func (ev *evaluator) start(mi int, t time.Time) {
	if !ev.used[mi] {
		return
	}
	ev.cycles[mi]++
	ev.clocks = append(ev.clocks, Clock{Metric: metrics[mi], Cycle: ev.cycles[mi], Started: t})
	ev.work = append(ev.work, work{runStart: t, running: true, paused: ev.pausing[mi]})
	i := len(ev.clocks) - 1
	ev.active[mi] = i
	ev.clocks[i].cc = clockCal{cal: ev.cal}
	ev.applyTarget(i, mi, ev.prio)
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
	if !w.runStart.Before(t) {
		return
	}
	d := ev.clocks[i].cc.between(w.runStart, t)
	ev.segs = append(ev.segs, tseg{i, seg{w.runStart, t, d}})
	w.counted += d
	w.nseg++
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
			w.runStart = t
		}
	}
}

// retarget moves the ticket to priority pr at t: every running clock that
// has not breached takes pr's target, counted from its original start.
func (ev *evaluator) retarget(pr priority.Priority, t time.Time) {
	ev.prio = pr
	for mi := range numMetrics {
		i := ev.active[mi]
		if i < 0 {
			continue
		}
		if ev.clocks[i].Applied.Metric != "" && ev.breachedBy(i, t) {
			continue
		}
		ev.applyTarget(i, mi, pr)
	}
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
	if w := &ev.work[i]; !w.paused && w.runStart.Before(t) {
		x.feed(c.cc, seg{w.runStart, t, c.cc.between(w.runStart, t)})
	}
	return x.hit
}

// applyTarget gives clock i of metric mi the target of priority pr, or no
// target. A change between business and calendar time recounts the
// segments the clock has closed.
func (ev *evaluator) applyTarget(i, mi int, pr priority.Priority) {
	c := &ev.clocks[i]
	c.Priority = pr
	t, ok := ev.p.target(pr, mi)
	if !ok {
		c.Applied, c.Target = Target{}, 0
		return
	}
	cc := clockCal{cal: ev.cal, real: t.CalendarTime, days: t.BusinessDays > 0}
	if cc.real != c.cc.real {
		c.cc = cc
		w := &ev.work[i]
		w.counted = 0
		for j := range ev.segs {
			if s := &ev.segs[j]; s.clock == i {
				s.counted = cc.between(s.start, s.end)
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
// attaches exemptions, drops clocks without a target and orders the rest.
func (ev *evaluator) finish(events []Event, now time.Time) {
	off := 0
	for i := range ev.work {
		n := ev.work[i].nseg
		ev.work[i].nseg = off
		off += n
	}
	all := make([]seg, len(ev.segs))
	for _, s := range ev.segs {
		w := &ev.work[s.clock]
		all[w.nseg] = s.seg
		w.nseg++
	}
	start := 0
	for i := range ev.clocks {
		c, w := &ev.clocks[i], &ev.work[i]
		c.segs = all[start:w.nseg:w.nseg]
		start = w.nseg
		if c.Applied.Metric == "" {
			continue
		}
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
		if c.State == Breached && ev.nexempt > 0 {
			ev.exempt(c, events, now)
		}
	}
	// Drop clocks without a target, then order by metric; cycles of one
	// metric are already in order.
	ev.clocks = slices.DeleteFunc(ev.clocks, func(c Clock) bool { return c.Applied.Metric == "" })
	slices.SortStableFunc(ev.clocks, func(a, b Clock) int { return a.Metric.index() - b.Metric.index() })
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

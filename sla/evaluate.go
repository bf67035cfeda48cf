package sla

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/priority"
)

// Report is the state of every SLA clock of one ticket at one instant.
// Clocks are ordered by metric (FirstResponse, NextResponse,
// PeriodicUpdate, Resolution) and then by cycle. A metric that has no
// target at the ticket's priority has no clock, unless a priority change
// took away a target its clock had ([Clock.HasTarget]).
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
// are applied in slice order), a time outside the years 1678-2262, a
// StatusChanged without a status, a priority below 1 or absent from
// p.Targets, Solved on a solved ticket, Reopened on a ticket that is not
// solved, or an incomplete exemption. It never panics on bad input.
// Instants are compared as instants on the wall clock (Unix time): a
// monotonic clock reading, as [time.Now] adds, is ignored.
//
// Evaluate does not retain events or modify them; the report shares no
// memory with them. It costs a few calendar operations per event and per
// clock and a handful of allocations.
func Evaluate(p Policy, events []Event, now time.Time) (Report, error) {
	used, perr := p.validate()
	if perr != nil {
		return Report{}, perr
	}
	n, err := checkEvents(&p, events)
	if err != nil {
		return Report{}, err
	}
	if !inRange(now) {
		return Report{}, fmt.Errorf("sla: now %s: %w", now.Format(time.RFC3339), ErrTimeRange)
	}
	var ev evaluator
	ev.init(&p, used, &n)
	ev.replay(events, now)
	return Report{Clocks: ev.finish(events, now)}, nil
}

// work is the replay state of the latest clock of one metric (the cycles
// of a metric run one after the other, so only the latest can run). It
// holds no pointers, so the garbage collector does not scan it.
type work struct {
	clock    int   // index into clocks, or -1 before the metric's first clock
	runStart int64 // start of the open running segment, Unix ns
	first    int   // the clock's first segment in segs
	nseg     int   // its segments so far
	retOff   int   // the clock's first retarget, from its metric's region start
	nret     int   // its retargets so far
}

// pauseGroup is a set of pause statuses and the metrics it pauses.
type pauseGroup struct {
	statuses []string
	metrics  uint8
}

type evaluator struct {
	cal     *calendar.Calendar
	loc     *time.Location
	targets map[priority.Priority][]Target
	reopen  ReopenMode
	always  *calendar.Calendar // built on first use, for CalendarTime BusinessDays targets

	// clocks has a region of slots per metric, in metric order, sized for
	// the most cycles the timeline can start: base is the first slot of
	// each region, next the next free one, end its end.
	clocks []Clock
	base   [numMetrics]int
	next   [numMetrics]int
	end    [numMetrics]int

	// segs has a region per metric sized for the most segments its clocks
	// can close (see init); a metric's cycles run one after the other, so
	// each clock's segments are contiguous and in order. send is the end of
	// each region, for a sanity check.
	segs  []seg
	snext [numMetrics]int
	send  [numMetrics]int

	// The metric sets below have bit 1<<mi for metric index mi.
	cur     [numMetrics]work
	used    uint8 // metrics with a target at some priority
	running uint8 // metrics whose latest clock is started and not stopped
	paused  uint8 // running metrics whose clock is paused
	pausing uint8 // metrics the current status pauses
	pauses  [numMetrics]pauseGroup
	npause  int

	// rets holds the retargets, allocated at the first one: a region of
	// nchange entries per metric that has targets (each PriorityChanged
	// event adds at most one per metric), filled in order, so the entries
	// of each clock are contiguous and the clocks in cycle order (a reopen
	// that re-targets the Resolution clock follows a change made while the
	// ticket was solved, which recorded nothing). rbase is the start of
	// each region, rcount the entries used.
	rets   []Retarget
	nrets  int
	rbase  [numMetrics]int
	rcount [numMetrics]int

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
	resume  bool // a reopen continues the stopped Resolution clock
	nexempt int
}

// init prepares the evaluator for a timeline whose events n counts, under
// p, whose metrics with targets are used.
func (ev *evaluator) init(p *Policy, used uint8, n *tally) {
	ev.cal, ev.loc, ev.targets, ev.reopen, ev.used = p.Calendar, p.Calendar.Location(), p.Targets, p.Reopen, used
	// The most cycles each metric can have, and the most segments its
	// clocks can close: one when a clock stops (the middle two at public
	// replies and solves, Resolution at solves), one when a status pauses
	// it, and one at now (FirstResponse stops once and then never runs at
	// now, so its stop counts as the one at now).
	most := [numMetrics]int{1, n.messages, n.replies, 1}
	stops := [numMetrics]int{0, n.replies + n.solves, n.replies + n.solves, n.solves}
	if p.Reopen == NewCycle {
		most[3] += n.reopens
	}
	nclock, nseg := 0, 0
	for mi := range numMetrics {
		ev.cur[mi].clock = -1
		if used&(1<<mi) == 0 {
			most[mi] = 0
		}
		ev.base[mi], ev.next[mi] = nclock, nclock
		nclock += most[mi]
		ev.end[mi] = nclock

		ev.rbase[mi] = ev.nrets
		ev.snext[mi] = nseg
		if most[mi] > 0 {
			ev.nrets += n.changes
			nseg += stops[mi] + 1
			ss := p.pauseSet(mi)
			if len(ss) > 0 {
				nseg += n.statuses
				ev.addPauses(ss, mi)
			}
		}
		ev.send[mi] = nseg
	}
	ev.clocks = make([]Clock, nclock)
	ev.segs = make([]seg, nseg)
	ev.nexempt = n.exemptions
}

// addPauses records that statuses pause metric mi, sharing a group with
// the metrics that use the same slice (as those without MetricPauses do).
func (ev *evaluator) addPauses(statuses []string, mi int) {
	for k := range ev.npause {
		g := &ev.pauses[k]
		if len(g.statuses) == len(statuses) && &g.statuses[0] == &statuses[0] {
			g.metrics |= 1 << mi
			return
		}
	}
	ev.pauses[ev.npause] = pauseGroup{statuses, 1 << mi}
	ev.npause++
}

// pausedBy returns the metrics that status s pauses.
func (ev *evaluator) pausedBy(s string) uint8 {
	var m uint8
	if s != "" {
		for k := range ev.npause {
			if slices.Contains(ev.pauses[k].statuses, s) {
				m |= ev.pauses[k].metrics
			}
		}
	}
	return m
}

// replay applies the events up to now.
func (ev *evaluator) replay(events []Event, now time.Time) {
	nowNS := now.UnixNano()
	for i := range events {
		e := &events[i]
		tn := e.At.UnixNano()
		if tn > nowNS {
			break
		}
		switch e.Kind {
		case Created:
			ev.prio, ev.tt = e.Priority, table(ev.targets, e.Priority)
			ev.setStatus(e.Status, tn)
			ev.start(0, e.At, tn)
			ev.start(3, e.At, tn)
		case CustomerMessage:
			if !ev.solved && ev.frDone && ev.running&(1<<1) == 0 {
				ev.start(1, e.At, tn)
			}
		case AgentReply:
			if !e.Public || ev.solved {
				continue
			}
			for m := ev.running & 0b0111; m != 0; m &= m - 1 {
				ev.stop(bits.TrailingZeros8(m), e.At, tn)
			}
			ev.frDone = true
			ev.start(2, e.At, tn)
		case StatusChanged:
			ev.setStatus(e.Status, tn)
		case PriorityChanged:
			ev.retarget(e.Priority, e.At, tn)
		case Solved:
			ev.resume = ev.running&(1<<3) != 0
			for m := ev.running; m != 0; m &= m - 1 {
				ev.stop(bits.TrailingZeros8(m), e.At, tn)
			}
			ev.solved, ev.frDone = true, true
			ev.setStatus("", tn)
		case Reopened:
			ev.solved = false
			ev.setStatus(e.Status, tn)
			if ev.reopen == NewCycle || !ev.resume {
				ev.start(3, e.At, tn)
			} else {
				w := &ev.cur[3]
				ev.running |= 1 << 3
				ev.paused = ev.paused&^(1<<3) | ev.pausing&(1<<3)
				w.runStart = tn
				c := &ev.clocks[w.clock]
				c.Stopped = time.Time{}
				// A priority change while the ticket was solved reaches the
				// clock as it resumes.
				if c.Priority != ev.prio {
					ev.retargetClock(3, e.At, tn)
				}
			}
			ev.resume = false
		}
	}
	// Close the segments still open at now; keep them even when empty so
	// a running clock can project from its last start.
	for m := ev.running &^ ev.paused; m != 0; m &= m - 1 {
		ev.appendSeg(bits.TrailingZeros8(m), nowNS)
	}
}

// start starts a new cycle of metric mi at t (tn in Unix ns).
func (ev *evaluator) start(mi int, t time.Time, tn int64) {
	if ev.next[mi] == ev.end[mi] { // no target, or no cycle left
		return
	}
	w := &ev.cur[mi]
	if w.clock >= 0 {
		ev.seal(mi)
	}
	i := ev.next[mi]
	ev.next[mi]++
	c := &ev.clocks[i] // a fresh slot: all zero
	c.Metric, c.Cycle, c.Started, c.cc = metrics[mi], ev.next[mi]-ev.base[mi], t.In(ev.loc), clockCal{cal: ev.cal}
	*w = work{clock: i, runStart: tn, first: ev.snext[mi], retOff: ev.rcount[mi]}
	ev.running |= 1 << mi
	ev.paused = ev.paused&^(1<<mi) | ev.pausing&(1<<mi)
	ev.applyTarget(mi)
}

// seal gives the latest clock of metric mi its segments and retargets.
func (ev *evaluator) seal(mi int) {
	w := &ev.cur[mi]
	c := &ev.clocks[w.clock]
	end := w.first + w.nseg
	c.segs = ev.segs[w.first:end:end]
	if w.nret > 0 {
		b := ev.rbase[mi] + w.retOff
		c.Retargets = ev.rets[b : b+w.nret : b+w.nret]
	}
}

// stop stops the running clock of metric mi at t.
func (ev *evaluator) stop(mi int, t time.Time, tn int64) {
	w := &ev.cur[mi]
	if ev.paused&(1<<mi) == 0 {
		ev.closeSeg(mi, tn)
	} else if w.nseg > 0 {
		// A pause ended the last segment; the stop ends the clock's
		// life after it.
		s := &ev.segs[w.first+w.nseg-1]
		s.held = min(s.held, tn)
	}
	ev.running &^= 1 << mi
	ev.clocks[w.clock].Stopped = t.In(ev.loc)
}

// closeSeg ends the open running segment of metric mi's clock at tn and
// returns it, or nil when the segment is empty.
func (ev *evaluator) closeSeg(mi int, tn int64) *seg {
	if ev.cur[mi].runStart < tn {
		return ev.appendSeg(mi, tn)
	}
	return nil
}

// appendSeg appends the running segment from the clock's runStart to tn
// and returns it.
func (ev *evaluator) appendSeg(mi int, tn int64) *seg {
	w := &ev.cur[mi]
	k := ev.snext[mi]
	if k >= ev.send[mi] {
		panic("sla: internal error: more segments than the timeline allows")
	}
	ev.segs[k] = seg{w.runStart, tn, ev.between(ev.clocks[w.clock].cc.real, w.runStart, tn), tn}
	ev.snext[mi]++
	w.nseg++
	return &ev.segs[k]
}

// between is the time counted from a to b (a <= b, Unix ns): real time,
// or open time on the business calendar, remembering the last answer.
func (ev *evaluator) between(real bool, a, b int64) time.Duration {
	if real {
		if d := b - a; d >= 0 {
			return time.Duration(d)
		}
		return math.MaxInt64 // as time.Time.Sub saturates
	}
	if l := &ev.last; l.ok && l.a == a && l.b == b {
		return l.d
	}
	d := ev.cal.Between(time.Unix(0, a), time.Unix(0, b))
	ev.last.a, ev.last.b, ev.last.d, ev.last.ok = a, b, d, true
	return d
}

// setStatus moves the ticket to status s at tn, pausing and resuming
// clocks.
func (ev *evaluator) setStatus(s string, tn int64) {
	p := ev.pausedBy(s)
	ev.pausing = p
	for m := ev.running & (p ^ ev.paused); m != 0; m &= m - 1 {
		if mi := bits.TrailingZeros8(m); p&(1<<mi) != 0 {
			if s := ev.closeSeg(mi, tn); s != nil {
				s.held = math.MaxInt64 // until the clock stops (see seg)
			}
		} else {
			ev.cur[mi].runStart = tn
		}
	}
	ev.paused = p & ev.running
}

// retarget moves the ticket to priority pr at t: every running clock that
// has not breached takes pr's target, counted from its original start.
func (ev *evaluator) retarget(pr priority.Priority, t time.Time, tn int64) {
	ev.prio, ev.tt = pr, table(ev.targets, pr)
	for m := ev.running; m != 0; m &= m - 1 {
		ev.retargetClock(bits.TrailingZeros8(m), t, tn)
	}
}

// retargetClock gives metric mi's running clock the target at the
// ticket's priority at t, unless it has breached, and records a change of
// target.
func (ev *evaluator) retargetClock(mi int, t time.Time, tn int64) {
	c := &ev.clocks[ev.cur[mi].clock]
	if c.Applied.Metric != "" && ev.breachedBy(mi, tn) {
		return
	}
	from, amount := c.Applied, c.Target
	ev.applyTarget(mi)
	if c.Applied != from {
		ev.record(mi, Retarget{At: t.In(ev.loc), Priority: ev.prio, From: from, To: c.Applied, FromAmount: amount, ToAmount: c.Target})
	}
}

// record appends r to the retargets of metric mi's latest clock.
func (ev *evaluator) record(mi int, r Retarget) {
	if ev.rets == nil {
		ev.rets = make([]Retarget, ev.nrets)
	}
	ev.rets[ev.rbase[mi]+ev.rcount[mi]] = r
	ev.rcount[mi]++
	ev.cur[mi].nret++
}

// breachedBy reports whether metric mi's running clock has breached by tn.
func (ev *evaluator) breachedBy(mi int, tn int64) bool {
	w := &ev.cur[mi]
	c := &ev.clocks[w.clock]
	x := crossing{target: c.Target}
	for _, s := range ev.segs[w.first : w.first+w.nseg] {
		x.feed(c.cc, s, tn)
	}
	if ev.paused&(1<<mi) == 0 && w.runStart < tn {
		x.feed(c.cc, seg{w.runStart, tn, ev.between(c.cc.real, w.runStart, tn), tn}, tn)
	}
	return x.hit
}

// applyTarget gives metric mi's latest clock the target at the ticket's
// current priority, or no target. A change between business and calendar
// time recounts the segments the clock has closed.
func (ev *evaluator) applyTarget(mi int) {
	w := &ev.cur[mi]
	c := &ev.clocks[w.clock]
	c.Priority = ev.prio
	t := ev.tt[mi]
	if t.Metric == "" {
		c.Applied, c.Target = Target{}, 0
		return
	}
	cc := clockCal{cal: ev.cal, real: t.CalendarTime, days: t.BusinessDays > 0}
	if cc.real != c.cc.real {
		for j := w.first; j < w.first+w.nseg; j++ {
			s := &ev.segs[j]
			s.counted = cc.between(cc.at(s.start), cc.at(s.end))
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

// finish computes each clock's state at now, attaches exemptions, and
// returns the clocks that have a target, in metric order.
func (ev *evaluator) finish(events []Event, now time.Time) []Clock {
	now = now.In(ev.loc)
	out := 0
	for mi := range numMetrics {
		w := &ev.cur[mi]
		if w.clock < 0 {
			continue
		}
		ev.seal(mi)
		for i := ev.base[mi]; i < ev.next[mi]; i++ {
			c := &ev.clocks[i]
			if c.Applied.Metric == "" && len(c.Retargets) == 0 {
				continue // never had a target
			}
			// Only the latest clock of a metric can still be running.
			running := i == w.clock && ev.running&(1<<mi) != 0
			ev.state(c, running, running && ev.paused&(1<<mi) != 0, now)
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
// A clock whose target a priority change took away only counts: it has
// no Due or Remaining and cannot breach.
func (ev *evaluator) state(c *Clock, running, paused bool, now time.Time) {
	targeted := c.Applied.Metric != ""
	x := crossing{target: c.Target}
	for _, s := range c.segs {
		if targeted {
			x.feed(c.cc, s, now.UnixNano())
		} else {
			x.cum += s.counted
		}
	}
	c.Elapsed = x.cum
	c.Paused = paused
	switch {
	case x.hit:
		c.State, c.BreachedAt = Breached, x.breach
	case !running:
		c.State = Met
	case paused:
		c.State = Paused
	default:
		c.State = Running
	}
	if !targeted {
		return
	}
	c.Remaining = c.Target - c.Elapsed
	switch {
	case x.hit:
		c.Due = x.due
	case !running:
		c.Due = x.dueFrom(c.cc, c.Stopped)
	default:
		c.Due = x.dueFrom(c.cc, now)
	}
}

// exempt attaches the first exemption recorded by now that covers c.
func (ev *evaluator) exempt(c *Clock, events []Event, now time.Time) {
	for i := range events {
		e := &events[i]
		if e.At.UnixNano() > now.UnixNano() {
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

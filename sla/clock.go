package sla

import (
	"strconv"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/priority"
)

// State is where an SLA clock stands at the evaluation instant. The zero
// value is not a valid state.
type State int

// The states of a [Clock].
const (
	// Running: counting (or waiting for open hours) and not breached.
	Running State = iota + 1
	// Paused: in a pause status and not breached.
	Paused
	// Met: stopped without breaching.
	Met
	// Breached: the target was exceeded, whether the clock is still
	// counting, paused or stopped ([Clock.Stopped] and [Clock.Paused] tell
	// which).
	Breached
)

var stateNames = [...]string{Running: "running", Paused: "paused", Met: "met", Breached: "breached"}

// String returns "running", "paused", "met" or "breached", or "State(n)"
// for an invalid state.
func (s State) String() string {
	if s >= Running && s <= Breached {
		return stateNames[s]
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}

// Clock is one cycle of one metric on one ticket, as it stands at the
// evaluation instant ("now"). All instants are in the policy calendar's
// location.
//
// Elapsed is the time counted so far: open time on the policy's calendar
// (or real time for a CalendarTime target) while the clock ran, never
// while it was paused or the ticket was solved. Remaining is Target minus
// Elapsed and goes negative once overdue.
//
// Due is where the clock breaches if nothing else happens. For a running
// clock it is the instant Elapsed reaches Target; for a paused clock it is
// computed as if the clock resumed at now, so it moves later while the
// clock stays paused and never earlier; for a met clock, as if it had
// resumed at Stopped; for a breached clock it is the instant the target was
// used up, in the past. A clock stopped at or before Due is met. For a
// BusinessDays target Due is the next opening at or after the instant the
// target is used up, which is [calendar.Calendar.AddDays] for a clock that
// never paused.
//
// BreachedAt is the first instant after Due at which the clock was still
// counting: for a Within target that is Due itself, for a BusinessDays
// target the first open instant after it. A clock that was stopped
// exactly at Due is not breached, nor one paused exactly at Due while the
// desk is open. On business time a pause or resume while the desk is
// closed takes effect when it opens (see the package doc, "Pauses"), so a
// clock due at closing time and paused at that instant breaches at Due if
// it is still running when the desk opens or is solved late meanwhile, as
// it would without the pause; and a clock resumed past Due while the desk
// is closed breaches when the desk opens, never in closed hours.
//
// Clock is a value; it keeps the segments it counted so [Clock.When] can
// answer without the timeline. It is safe for simultaneous use.
type Clock struct {
	Metric     Metric
	Cycle      int // 1 for the first cycle of a metric, then 2, 3, ... (a cycle that never had a target is not reported, but counts)
	State      State
	Target     time.Duration // the applied target as counted time
	Started    time.Time
	Due        time.Time // Due assumes no further pause
	Stopped    time.Time // zero while counting
	Elapsed    time.Duration
	Remaining  time.Duration // negative once overdue
	BreachedAt time.Time     // zero if not breached

	// Priority is the priority whose target applies, and Applied that
	// target. A priority change re-targets a running clock that has not
	// breached; a met or breached clock keeps its verdict and its target,
	// until a reopen resumes it under the ticket's current priority (see
	// the package documentation).
	//
	// A clock whose target a priority change took away has the zero
	// Applied and Target ([Clock.HasTarget] is false): it counts on, with
	// zero Due and Remaining, and is Running, Paused or, once stopped,
	// Met (there is nothing it could breach).
	Priority priority.Priority
	Applied  Target
	// Paused reports whether the clock is in a pause status at now; it is
	// true for every Paused clock and for a Breached clock that is paused.
	Paused bool
	// Exempt is the approved exemption that covers this breached clock,
	// or nil.
	Exempt *Exemption
	// Retargets lists, in order, every change of the applied target while
	// the clock ran (counting or paused): the targets before the first
	// change and after each one count from Started, each from its change
	// on. It is nil when the target never changed, which is the case for
	// a ticket without priority changes. The clocks of a report may share
	// its backing array: treat it as read-only.
	Retargets []Retarget

	cc   clockCal
	segs []seg // running segments, in order; the last one ends at now if the clock is counting
}

// Retarget is one change of the target applied to a running or paused
// clock: a [PriorityChanged] event moved the ticket to a priority whose
// target for the clock's metric differs from the one that applied, or a
// [Reopened] event resumed the Resolution clock after such a change while
// the ticket was solved. (A change to a priority with the same target is
// not a Retarget.) Each
// target counts from the clock's start (see the package documentation);
// the instants at which the clock reached a share of an earlier target
// can be found with [Clock.WhenCounting].
type Retarget struct {
	At       time.Time         // the instant of the PriorityChanged event, or of the Reopened event
	Priority priority.Priority // the priority the ticket moved to
	// From and To are the targets that applied before and after the
	// change; the zero Target means the priority had no target for the
	// metric, so the clock counted without one.
	From, To Target
	// FromAmount and ToAmount are From and To as counted time, as
	// [Clock.Target] gives it (zero for no target): for a BusinessDays
	// target, the open time from Started to the due instant.
	FromAmount, ToAmount time.Duration
}

// HasTarget reports whether a target applies to c. Only a clock whose
// target a priority change took away has none (see "Priority changes" in
// the package documentation); such a clock is reported so that what it
// reached before the change is not lost, but it has no deadline.
// It looks only at Retargets (false when the last one is to the zero
// Target), so a Clock built by hand, say from stored rows, has a target.
func (c Clock) HasTarget() bool {
	n := len(c.Retargets)
	return n == 0 || c.Retargets[n-1].To.Metric != ""
}

// When reports the instant at which the clock's counted time reached or
// will reach elapsed. Up to Elapsed it answers from the running segments
// the clock counted (the same segments [Explain] shows), pauses included;
// beyond Elapsed it projects from the clock's last state, and reports false
// while the clock is paused or stopped. When(0) is the instant the clock
// first counted: the first instant of its first running segment that
// counts any time, which on business time is the first open instant in it
// (so a clock created on Saturday first counts on Monday at the opening,
// and a pause while the desk is closed does not move it); for a running
// clock that has not counted yet it is where it will, and it is false for
// a clock paused or stopped before it ever counted. Once true, the answer
// never changes as the timeline grows. A negative elapsed reports false.
// It does not allocate.
func (c Clock) When(elapsed time.Duration) (time.Time, bool) {
	return c.when(c.cc, false, elapsed)
}

// WhenCounting is [Clock.When] for the clock's running segments counted
// as target t counts time: open time on the policy's calendar, or real
// time when t.CalendarTime is set; the rest of t is ignored. When the
// clock counts the way t does, it is When. It answers how far the clock
// had got by some instant under an earlier target of [Clock.Retargets]
// that counted the other way. It costs one calendar operation per
// segment and does not allocate.
func (c Clock) WhenCounting(t Target, elapsed time.Duration) (time.Time, bool) {
	if c.State == 0 || t.CalendarTime == c.cc.real {
		return c.When(elapsed)
	}
	return c.when(clockCal{cal: c.cc.cal, real: t.CalendarTime}, true, elapsed)
}

// when is When counting on cc; recount says that cc is not the clock's
// own way of counting, so each segment's counted time is recomputed.
func (c Clock) when(cc clockCal, recount bool, elapsed time.Duration) (time.Time, bool) {
	if elapsed < 0 || c.State == 0 {
		return time.Time{}, false
	}
	if elapsed == 0 {
		return c.firstCount(cc)
	}
	var cum, n time.Duration
	for _, s := range c.segs {
		n = s.counted
		if recount {
			n = cc.between(cc.at(s.start), cc.at(s.end))
		}
		if cum+n >= elapsed {
			return cc.add(cc.at(s.start), elapsed-cum), true
		}
		cum += n
	}
	if !c.projects() {
		return time.Time{}, false
	}
	// Project from the start of the last segment, which ends at now.
	return cc.add(cc.at(c.segs[len(c.segs)-1].start), elapsed-(cum-n)), true
}

// projects reports whether c counts on at now, so that When can answer
// beyond what it has counted: it has run and is neither stopped nor
// paused.
func (c Clock) projects() bool {
	return len(c.segs) > 0 && c.Stopped.IsZero() && !c.Paused
}

// firstCount is When(0) counting on cc: the first instant at which a
// running segment counts time, or, for a running clock that has not
// counted yet, where its last segment will.
func (c Clock) firstCount(cc clockCal) (time.Time, bool) {
	for _, s := range c.segs {
		if u := cc.resumeAt(cc.at(s.start)); u.UnixNano() < s.end {
			return u, true
		}
	}
	if !c.projects() {
		return time.Time{}, false
	}
	return cc.resumeAt(cc.at(c.segs[len(c.segs)-1].start)), true
}

// seg is a running segment [start, end) and the time it counted. Instants
// are Unix nanoseconds, so segments hold no pointers and cost the garbage
// collector nothing; checkEvents keeps every instant in range.
//
// held is end, except for a segment that a pause ended: then it is the
// instant the clock next stopped (math.MaxInt64 if it has not), because on
// business time a pause that begins while the desk is closed takes effect
// only when the desk opens (see crossing.feed).
type seg struct {
	start, end int64
	counted    time.Duration
	held       int64
}

// clockCal is what a clock counts on: the policy calendar, or real time in
// its location for CalendarTime targets; days marks a BusinessDays target.
type clockCal struct {
	cal  *calendar.Calendar
	real bool
	days bool
}

// at converts Unix nanoseconds to an instant in the calendar's location.
func (c clockCal) at(n int64) time.Time { return time.Unix(0, n).In(c.cal.Location()) }

func (c clockCal) between(a, b time.Time) time.Duration {
	if c.real {
		return b.Sub(a)
	}
	return c.cal.Between(a, b)
}

func (c clockCal) add(t time.Time, d time.Duration) time.Time {
	if c.real {
		return t.Add(d).In(c.cal.Location())
	}
	return c.cal.Add(t, d)
}

// addNear is add, trying first the common case in which d runs out
// before the calendar next closes: if all of [t, t+d) is open, Add(t, d)
// is t+d, since open time never passes faster than real time, and one
// short Between costs about half an Add.
func (c clockCal) addNear(t time.Time, d time.Duration) time.Time {
	if !c.real && d > 0 && d < 24*time.Hour {
		if u := t.Add(d); c.cal.Between(t, u) == d {
			return u.In(c.cal.Location())
		}
	}
	return c.add(t, d)
}

// dueAt turns the instant u at which the target is used up into the due
// instant: u itself, or for a BusinessDays target the next opening.
func (c clockCal) dueAt(u time.Time) time.Time {
	if c.days && !c.real {
		return c.cal.NextOpen(u)
	}
	return u
}

// resumeAt is where counting that resumed at t can first run past a due
// instant: t itself on real time, the next opening on business time (a
// resume while the desk is closed takes effect when it opens).
func (c clockCal) resumeAt(t time.Time) time.Time {
	if c.real {
		return t
	}
	return c.cal.NextOpen(t)
}

// crossing finds, segment by segment, where a clock's target is used up
// (due) and where it breaches.
//
// On business time, pauses and resumes only matter while the desk is open:
// a pause or resume at a closed instant takes effect at the next opening,
// so a pause that begins and ends while the desk is closed changes nothing
// (the rule "closed hours are never counted" extended to the verdict).
// Two cases follow. A segment that resumes at a closed instant, past due,
// breaches at the next opening, if it still counts then. A segment that a
// pause ends at a closed instant that is exactly due (a Within target used
// up at closing time) breaches at due, as it would had the clock kept
// running, unless the clock stopped at that instant or limit (now) is not
// past it.
type crossing struct {
	target, cum  time.Duration
	due, breach  time.Time
	reached, hit bool
}

// dueFrom is the due instant of a clock that has not breached and counts
// on from t: where what is left of its target runs out. With nothing left
// that is the instant it ran out, if t is that instant, or else where
// counting that resumes at t first runs past it.
func (x *crossing) dueFrom(cc clockCal, t time.Time) time.Time {
	if rem := x.target - x.cum; rem > 0 {
		return cc.dueAt(cc.addNear(t, rem))
	}
	if x.reached && x.due.Equal(t) {
		return t
	}
	return cc.resumeAt(t)
}

func (x *crossing) feed(cc clockCal, s seg, limit int64) {
	if !x.hit && s.start < s.end {
		if !x.reached && x.cum+s.counted >= x.target {
			if s.counted == time.Duration(s.end-s.start) {
				// The segment counted all of its time, so the target ran
				// out at its start plus what was left of it.
				x.due = cc.dueAt(cc.at(s.start + int64(x.target-x.cum)))
			} else {
				x.due = cc.dueAt(cc.addNear(cc.at(s.start), x.target-x.cum))
			}
			x.reached = true
		}
		if x.reached {
			// The first instant of s, at or after due, at which the clock
			// counts past its target.
			b := x.due
			if b.UnixNano() < s.start {
				b = cc.resumeAt(cc.at(s.start))
			}
			bn := b.UnixNano()
			if bn < s.end || bn == s.end && min(s.held, limit) > s.end && !cc.real && !cc.cal.IsOpen(b) {
				x.breach, x.hit = b, true
			}
		}
	}
	x.cum += s.counted
}

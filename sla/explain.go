package sla

import (
	"strconv"
	"time"
)

// SegmentKind says why a stretch of a clock's life counted or did not.
type SegmentKind int

// The kinds of [Segment].
const (
	// CountingTime: the clock was running and the desk open (or the
	// target counts calendar time).
	CountingTime SegmentKind = iota + 1
	// ClosedTime: the clock was running but the business calendar was
	// closed (nights, weekends, holidays).
	ClosedTime
	// PausedTime: the ticket was in a status that pauses the metric.
	PausedTime
	// SolvedTime: the ticket was solved (before a reopen continued the
	// clock).
	SolvedTime
)

var segmentNames = [...]string{CountingTime: "counting", ClosedTime: "closed", PausedTime: "paused", SolvedTime: "solved"}

// String returns "counting", "closed", "paused" or "solved".
func (k SegmentKind) String() string {
	if k >= CountingTime && k <= SolvedTime {
		return segmentNames[k]
	}
	return "SegmentKind(" + strconv.Itoa(int(k)) + ")"
}

// Segment is one stretch [Start, End) of a clock's life and the time it
// counted (zero except for CountingTime). Status is the ticket's status
// during a PausedTime segment.
type Segment struct {
	Kind       SegmentKind
	Start, End time.Time
	Counted    time.Duration
	Status     string
}

// Explanation is one clock of a [Report] and the segments that make it up,
// from [Clock.Started] to [Clock.Stopped] (or now), in order and without
// gaps. The Counted times of its segments add up to [Clock.Elapsed].
type Explanation struct {
	Clock    Clock
	Segments []Segment
}

// Explain evaluates the timeline like [Evaluate] and, for each clock of the
// report, lists the segments of its life: counting, closed hours, paused
// (with the status) and solved, so that a reviewer can see why a deadline
// is where it is. It returns the same errors as Evaluate.
//
// Segments follow the timeline as recorded: a pause that began while the
// desk was closed shows as paused from the status change, although for
// the verdict it took effect only when the desk opened (see "Pauses" in
// the package documentation); the counted times are the same either way.
func Explain(p Policy, events []Event, now time.Time) ([]Explanation, error) {
	r, err := Evaluate(p, events, now)
	if err != nil {
		return nil, err
	}
	loc := p.Calendar.Location()
	now = now.In(loc)
	out := make([]Explanation, len(r.Clocks))
	for i, c := range r.Clocks {
		var segs []Segment
		add := func(s Segment) {
			if !s.Start.Before(s.End) {
				return
			}
			if n := len(segs); n > 0 && segs[n-1].Kind == s.Kind && segs[n-1].Status == s.Status && segs[n-1].End.Equal(s.Start) {
				segs[n-1].End = s.End
				segs[n-1].Counted += s.Counted
				return
			}
			segs = append(segs, s)
		}
		end := c.Stopped
		if end.IsZero() {
			end = now
		}
		cur := c.Started
		for _, s := range c.segs {
			from, to := c.cc.at(s.start), c.cc.at(s.end)
			gap(events, cur, from, now, loc, add)
			cur = from
			if c.cc.real {
				add(Segment{Kind: CountingTime, Start: from, End: to, Counted: s.counted})
			} else {
				for iv := range c.cc.cal.Intervals(from, to) {
					add(Segment{Kind: ClosedTime, Start: cur, End: iv.Start})
					add(Segment{Kind: CountingTime, Start: iv.Start, End: iv.End, Counted: c.cc.between(iv.Start, iv.End)})
					cur = iv.End
				}
				add(Segment{Kind: ClosedTime, Start: cur, End: to})
			}
			cur = to
		}
		gap(events, cur, end, now, loc, add)
		out[i] = Explanation{Clock: c, Segments: segs}
	}
	return out, nil
}

// gap reports [a, b), a stretch in which a clock did not run,
// as paused and solved segments, following the ticket's status.
func gap(events []Event, a, b, now time.Time, loc *time.Location, add func(Segment)) {
	if !a.Before(b) {
		return
	}
	status, solved := "", false
	cur := a
	emit := func(to time.Time) {
		s := Segment{Kind: PausedTime, Start: cur, End: to, Status: status}
		if solved {
			s.Kind, s.Status = SolvedTime, ""
		}
		add(s)
		cur = to
	}
	for i := range events {
		e := &events[i]
		if e.At.After(now) || !e.At.Before(b) {
			break
		}
		if e.At.After(a) {
			emit(e.At.In(loc))
		}
		switch e.Kind {
		case Created, StatusChanged:
			status = e.Status
		case Solved:
			status, solved = "", true
		case Reopened:
			status, solved = e.Status, false
		}
	}
	emit(b)
}

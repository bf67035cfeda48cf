package calendar

import (
	"iter"
	"math"
	"time"
)

// Interval is a half-open stretch of time [Start, End).
type Interval struct {
	Start, End time.Time
}

// Duration returns End - Start.
func (i Interval) Duration() time.Duration { return i.End.Sub(i.Start) }

// IsOpen reports whether t is open: whether t's wall-clock time in the
// calendar's location lies in one of the spans of t's local date.
func (c *Calendar) IsOpen(t time.Time) bool {
	if c.always {
		return true
	}
	sec := t.Unix()
	return c.isOpenCiv(toCiv(sec, t.Nanosecond(), c.segment(sec).off))
}

// NextOpen returns t if t is open, and otherwise the next instant at which
// the calendar opens. A span that starts inside a DST gap opens when the gap
// ends. The result is in the calendar's location.
func (c *Calendar) NextOpen(t time.Time) time.Time {
	if c.always {
		return t.In(c.loc)
	}
	sec, ns := t.Unix(), t.Nanosecond()
	for {
		seg, a, limit, bounded := c.segmentAt(sec, ns)
		if r, ok := c.nextOpen(a, limit, bounded); ok {
			return r.instant(seg.off, c.loc)
		}
		sec, ns = seg.end, 0
	}
}

// NextClose returns the end of the open stretch at or after t: if t is open,
// the instant it closes; otherwise the instant the next opening closes.
// Spans that touch, also across midnight, form one stretch. For a calendar
// that never closes after t (24x7 with no closed date ahead), NextClose
// returns the zero [time.Time], as [time.Time.ZoneBounds] does for a zone
// that goes on forever.
func (c *Calendar) NextClose(t time.Time) time.Time {
	if c.always {
		return time.Time{}
	}
	sec, ns := t.Unix(), t.Nanosecond()
	open := false // whether a stretch is running into the current segment
	for {
		seg, a, limit, bounded := c.segmentAt(sec, ns)
		if !open {
			r, ok := c.nextOpen(a, limit, bounded)
			if !ok {
				sec, ns = seg.end, 0
				continue
			}
			a = r
		} else if !c.isOpenCiv(a) {
			return time.Unix(sec, int64(ns)).In(c.loc)
		}
		end, reached, endless := c.runEnd(a, limit, bounded)
		if endless {
			return time.Time{}
		}
		if !reached {
			return end.instant(seg.off, c.loc)
		}
		open = true
		sec, ns = seg.end, 0
	}
}

// segmentAt returns the zone segment holding the instant (sec, ns), the
// instant's wall-clock time in it, and the wall-clock time at which the
// segment ends; bounded is false for a segment that goes on forever.
func (c *Calendar) segmentAt(sec int64, ns int) (seg segment, a, limit civ, bounded bool) {
	seg = c.segment(sec)
	a = toCiv(sec, ns, seg.off)
	bounded = seg.end != math.MaxInt64
	if bounded {
		limit = toCiv(seg.end, 0, seg.off)
	}
	return seg, a, limit, bounded
}

func (c *Calendar) isOpenCiv(a civ) bool {
	a = a.norm()
	sp, _ := c.spansOn(a.day)
	for _, s := range sp {
		if s.Start <= a.off && a.off < s.End {
			return true
		}
	}
	return false
}

// Between returns the open time in [a, b): real elapsed time during which the
// calendar is open. It is negative when b is before a. On a day that springs
// forward inside open hours the lost hour is not counted; on a day that falls
// back the repeated hour is counted twice. A result too large for a
// [time.Duration] saturates, as [time.Time.Sub] does.
//
// Between costs O(log n) per zone transition in the range, n being the number
// of exception dates; it never walks the range day by day.
func (c *Calendar) Between(a, b time.Time) time.Duration {
	if b.Before(a) {
		return -c.Between(b, a)
	}
	if c.always {
		return b.Sub(a)
	}
	var total time.Duration
	sec, ns := a.Unix(), a.Nanosecond()
	bsec, bns := b.Unix(), b.Nanosecond()
	for {
		seg := c.segment(sec)
		x := toCiv(sec, ns, seg.off)
		if bsec < seg.end {
			return satAdd(total, c.measure(x, toCiv(bsec, bns, seg.off)))
		}
		total = satAdd(total, c.measure(x, toCiv(seg.end, 0, seg.off)))
		sec, ns = seg.end, 0
		if sec == bsec && bns == 0 {
			return total
		}
	}
}

// Add returns the instant at which d of open time has passed since t. For
// d > 0 it is the earliest u >= t with Between(t, u) == d, so work that ends
// exactly at closing time is due at closing time, not at the next opening.
// For d < 0 it counts backwards: the latest u <= t with Between(u, t) == -d.
// Add(t, 0) is t. The result is in the calendar's location.
//
// Add skips regular weeks in O(1); it visits only exception dates (holidays,
// closures, special hours) and zone transitions one by one.
func (c *Calendar) Add(t time.Time, d time.Duration) time.Time {
	switch {
	case d == 0:
		return t.In(c.loc)
	case c.always:
		return t.Add(d).In(c.loc)
	case d == math.MinInt64: // -d would overflow
		return c.Add(c.Add(t, d+1), -1)
	case d < 0:
		return c.sub(t, -d)
	}
	sec, ns := t.Unix(), t.Nanosecond()
	for {
		seg, a, limit, bounded := c.segmentAt(sec, ns)
		if !bounded {
			return c.forward(a, d).instant(seg.off, c.loc)
		}
		// A short d (a week's open time or less) almost always ends before
		// the next zone transition: count on the wall clock and check. A
		// long one measures the segment first, so a crossed transition
		// costs no wasted count.
		if d <= c.weekTotal {
			if r := c.forward(a, d); !limit.less(r) {
				return r.instant(seg.off, c.loc)
			}
		}
		capacity := c.measure(a, limit)
		if d <= capacity {
			return c.forward(a, d).instant(seg.off, c.loc)
		}
		d -= capacity
		sec, ns = seg.end, 0
	}
}

// sub counts d > 0 of open time backwards from t. Each step works in the
// zone segment holding the instant just before the cursor, so a cursor on a
// transition counts in the segment that ends there.
func (c *Calendar) sub(t time.Time, d time.Duration) time.Time {
	sec, ns := t.Unix(), t.Nanosecond()
	for {
		before := sec
		if ns == 0 {
			before--
		}
		seg := c.segment(before)
		a := toCiv(sec, ns, seg.off)
		if done, r := c.subIn(seg, a, &d); done {
			return r
		}
		sec, ns = seg.start, 0
	}
}

// subIn counts backwards from a within seg; it reports done with the answer,
// or consumes the segment's open time from *d.
func (c *Calendar) subIn(seg segment, a civ, d *time.Duration) (bool, time.Time) {
	if seg.start == math.MinInt64 {
		return true, c.backward(a, *d).instant(seg.off, c.loc)
	}
	start := toCiv(seg.start, 0, seg.off)
	if *d <= c.weekTotal { // as in Add: count first for a short d
		if r := c.backward(a, *d); !r.less(start) {
			return true, r.instant(seg.off, c.loc)
		}
	}
	capacity := c.measure(start, a)
	if *d <= capacity {
		return true, c.backward(a, *d).instant(seg.off, c.loc)
	}
	*d -= capacity
	return false, time.Time{}
}

// AddDays returns the instant n open days after t, counted as helpdesks quote
// "within 3 business days": start from NextOpen(t), move n dates forward over
// dates that have open time, and keep the wall-clock time of day; if that
// time is not open on the landing date (or does not exist there, in a DST
// gap), the answer is the next opening after it. AddDays(t, 0) is
// NextOpen(t). For n < 0 the dates move backwards by the same rule. A date
// counts only if it has open time: one whose spans all fall in a DST gap,
// or a date the zone skips, does not. |n| is capped at 2^18 (262,144)
// open days: more than 700 years for a desk open every day, beyond the
// reach of [Calendar.Add], whose durations end at 292 years of open time.
// The result is in the calendar's location.
//
// AddDays skips whole weeks in O(1) between exception dates and zone
// transitions.
func (c *Calendar) AddDays(t time.Time, n int) time.Time {
	s := c.NextOpen(t)
	if n == 0 {
		return s
	}
	sec := s.Unix()
	off := c.segment(sec).off
	if c.always {
		off = int64(zoneOffset(s))
	}
	a := toCiv(sec, s.Nanosecond(), off)
	a.day = c.moveOpenDays(a.day, n)
	u := c.resolve(a)
	return c.NextOpen(u)
}

func zoneOffset(t time.Time) int {
	_, off := t.Zone()
	return off
}

// maxDays bounds AddDays, and with it the work: beyond the precomputed
// zone table (1900-2199) every zone transition costs a look-up, and a
// desk in a zone with DST that opens across a transition (Santiago,
// "Sat 23:30-00:15") crosses two a year. At 2^18 open days that is at most
// about 100 ms; at the former 2^36 it was hours (found by FuzzAddBetween).
const maxDays = 1 << 18

// moveOpenDays moves n dates (n != 0) from civil day d over dates with open
// time. Whole weeks are skipped in O(1) up to the next exception or zone
// transition; dates near a transition are checked in real time, since a date
// whose spans all fall in a DST gap (or a date the zone skips) has none.
func (c *Calendar) moveOpenDays(d int64, n int) int64 {
	var perWeek int64
	for _, t := range c.dayTotal {
		if t > 0 {
			perWeek++
		}
	}
	k, step := int64(n), int64(1)
	if k < 0 {
		k, step = -(k + 1), -1 // -(k+1) cannot overflow; the 1 is added back below
		k = min(k, maxDays-1) + 1
	}
	k = min(k, maxDays)
	for k > 0 {
		if k > perWeek {
			weeks := min((k-1)/perWeek, c.regularDays(d, step)/7)
			if weeks > 0 {
				d += step * 7 * weeks
				k -= weeks * perWeek
				continue
			}
		}
		d += step
		if c.dayOpen(d) {
			k--
		}
	}
	return d
}

// regularDays returns how many dates after d (before d when step < 0) are
// regular: neither an exception nor within a day of a zone transition.
func (c *Calendar) regularDays(d, step int64) int64 {
	e := &c.exc
	var seg segment
	if c.gapRisk {
		seg = c.segment(d * secondsPerDay)
	} else {
		seg = segment{math.MinInt64, math.MaxInt64, 0} // transitions are no obstacle
	}
	if step > 0 {
		avail := int64(farFuture)
		if i := e.search(d + 1); i < len(e.days) {
			avail = e.days[i] - d - 1
		}
		if seg.end != math.MaxInt64 {
			avail = min(avail, floorDiv(seg.end, secondsPerDay)-d-2)
		}
		return max(avail, 0)
	}
	avail := int64(farFuture)
	if i := e.search(d) - 1; i >= 0 {
		avail = d - 1 - e.days[i]
	}
	if seg.start != math.MinInt64 {
		avail = min(avail, d-floorDiv(seg.start, secondsPerDay)-2)
	}
	return max(avail, 0)
}

// dayOpen reports whether civil day n has open time: spans, and, near a zone
// transition, spans that the wall clock actually shows.
func (c *Calendar) dayOpen(n int64) bool {
	if _, tot := c.spansOn(n); tot == 0 {
		return false
	}
	if !c.gapRisk {
		return true
	}
	const margin = 2 * secondsPerDay // more than any UTC offset
	sec := n * secondsPerDay
	if seg := c.segment(sec - margin); seg.end > sec+margin {
		return true
	}
	return c.Between(c.resolve(civ{n, 0}), c.resolve(civ{n + 1, 0})) > 0
}

// resolve returns the earliest instant whose wall-clock time is a, or, when a
// falls in a DST gap, the instant the gap ends.
func (c *Calendar) resolve(a civ) time.Time {
	a = a.norm()
	xs := a.day*secondsPerDay + int64(a.off/time.Second)
	ns := int64(a.off % time.Second)
	seg := c.segment(xs - c.segment(xs).off)
	var segs [3]segment
	k := 0
	if seg.start != math.MinInt64 {
		segs[k] = c.segment(seg.start - 1)
		k++
	}
	segs[k] = seg
	k++
	if seg.end != math.MaxInt64 {
		segs[k] = c.segment(seg.end)
		k++
	}
	for _, s := range segs[:k] {
		if u := xs - s.off; u >= s.start && u < s.end {
			return time.Unix(u, ns).In(c.loc)
		}
	}
	// In a gap: the wall clock jumps over a at the start of some segment.
	for i := 1; i < k; i++ {
		if xs < segs[i].start+segs[i].off {
			return time.Unix(segs[i].start, 0).In(c.loc)
		}
	}
	return time.Unix(xs-seg.off, ns).In(c.loc)
}

// Intervals returns the open stretches of the calendar clipped to [a, b), in
// order. Spans that touch, also across midnight, come as one stretch.
func (c *Calendar) Intervals(a, b time.Time) iter.Seq[Interval] {
	return func(yield func(Interval) bool) {
		b := b.In(c.loc)
		for t := a; t.Before(b); {
			s := c.NextOpen(t)
			if !s.Before(b) {
				return
			}
			e := c.NextClose(s)
			if e.IsZero() || e.After(b) {
				e = b
			}
			if !yield(Interval{s, e}) {
				return
			}
			t = e
		}
	}
}

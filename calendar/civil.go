package calendar

import (
	"math"
	"math/big"
	"time"
)

// civ is a wall-clock ("civil") time: a civil day number and the offset into
// that day as a clock shows it, 0 <= off <= 24h (24h only as the end of a
// day, equal to the next day's 00:00).
type civ struct {
	day int64
	off time.Duration
}

func (a civ) norm() civ {
	if a.off >= day {
		return civ{a.day + 1, a.off - day}
	}
	return a
}

func (a civ) less(b civ) bool {
	a, b = a.norm(), b.norm()
	return a.day < b.day || (a.day == b.day && a.off < b.off)
}

// toCiv returns the wall-clock time of the instant (sec, ns) at UTC offset off.
func toCiv(sec int64, ns int, off int64) civ {
	s := sec + off
	d := floorDiv(s, secondsPerDay)
	return civ{d, time.Duration(s-d*secondsPerDay)*time.Second + time.Duration(ns)}
}

// instant returns the instant whose wall-clock time at UTC offset off is a.
func (a civ) instant(off int64, loc *time.Location) time.Time {
	a = a.norm()
	sec := a.day*secondsPerDay + int64(a.off/time.Second) - off
	return time.Unix(sec, int64(a.off%time.Second)).In(loc)
}

// within returns the open time of spans inside [x, y) of one day.
func within(spans []Span, x, y time.Duration) time.Duration {
	var t time.Duration
	for _, s := range spans {
		lo, hi := max(s.Start, x), min(s.End, y)
		if lo < hi {
			t += hi - lo
		}
	}
	return t
}

// forwardIn returns the earliest offset u >= from in one day with
// within(spans, from, u) == d, for 0 < d <= within(spans, from, 24h).
func forwardIn(spans []Span, from, d time.Duration) time.Duration {
	for _, s := range spans {
		lo := max(s.Start, from)
		if lo >= s.End {
			continue
		}
		if avail := s.End - lo; d <= avail {
			return lo + d
		} else {
			d -= avail
		}
	}
	return day // unreachable for valid d
}

// backwardIn returns the latest offset u <= to in one day with
// within(spans, u, to) == d, for 0 < d <= within(spans, 0, to).
func backwardIn(spans []Span, to, d time.Duration) time.Duration {
	for i := len(spans) - 1; i >= 0; i-- {
		s := spans[i]
		hi := min(s.End, to)
		if hi <= s.Start {
			continue
		}
		if avail := hi - s.Start; d <= avail {
			return hi - d
		} else {
			d -= avail
		}
	}
	return 0 // unreachable for valid d
}

// measure returns the open wall-clock time in [a, b), a <= b.
func (c *Calendar) measure(a, b civ) time.Duration {
	a, b = a.norm(), b.norm()
	if !a.less(b) {
		return 0
	}
	sa, _ := c.spansOn(a.day)
	if a.day == b.day {
		return within(sa, a.off, b.off)
	}
	sb, _ := c.spansOn(b.day)
	t := within(sa, a.off, day)
	t = satAdd(t, c.fullDays(a.day+1, b.day))
	return satAdd(t, within(sb, 0, b.off))
}

// fullDays returns the open time of the whole days [d1, d2), in O(1) for the
// weeks and a short scan for the exceptions. The result is exact, saturating
// only when the open time itself exceeds a [time.Duration].
func (c *Calendar) fullDays(d1, d2 int64) time.Duration {
	if d2 <= d1 {
		return 0
	}
	n := d2 - d1
	weeks, rem := n/7, n%7
	wd := weekday(d1)
	part := c.cum[wd+int(rem)] - c.cum[wd] // less than a week
	var adj time.Duration                  // exceptions: a day's worth each at most
	if len(c.exc.days) > 0 {
		adj = c.exc.adj[c.exc.search(d2)] - c.exc.adj[c.exc.search(d1)]
	}
	if weeks <= math.MaxInt64/2/int64(c.weekTotal) {
		return time.Duration(weeks)*c.weekTotal + part + adj
	}
	// Hundreds of years of open time: the weeks alone may not fit in an
	// int64 while the total, after the exceptions, does. Add exactly.
	var v, x big.Int
	v.Mul(big.NewInt(weeks), big.NewInt(int64(c.weekTotal)))
	v.Add(&v, x.SetInt64(int64(part+adj)))
	if !v.IsInt64() {
		return math.MaxInt64
	}
	return time.Duration(v.Int64())
}

// Sentinels for "no exception ahead/behind" that leave room for arithmetic.
const (
	farFuture = math.MaxInt64 / 4
	farPast   = math.MinInt64 / 4
)

// forward returns the earliest wall-clock time b >= a with measure(a, b) == d,
// for d > 0. Regular weeks are skipped in O(1); exception dates are visited
// one by one.
func (c *Calendar) forward(a civ, d time.Duration) civ {
	a = a.norm()
	sp, _ := c.spansOn(a.day)
	r := within(sp, a.off, day)
	if d <= r {
		return civ{a.day, forwardIn(sp, a.off, d)}
	}
	d -= r
	e := &c.exc
	n := a.day + 1
	for i := e.search(n); ; i++ {
		limit := int64(farFuture)
		if i < len(e.days) {
			limit = e.days[i]
		}
		for n < limit { // regular days [n, limit)
			if d > c.weekTotal {
				if k := min(int64((d-1)/c.weekTotal), (limit-n)/7); k > 0 {
					n += 7 * k
					d -= time.Duration(k) * c.weekTotal
					continue
				}
			}
			wd := weekday(n)
			if d <= c.dayTotal[wd] {
				return civ{n, forwardIn(c.week[wd], 0, d)}
			}
			d -= c.dayTotal[wd]
			n++
		}
		if d <= e.tot[i] { // n is exception i
			return civ{n, forwardIn(e.spans[i], 0, d)}
		}
		d -= e.tot[i]
		n++
	}
}

// backward returns the latest wall-clock time a <= b with measure(a, b) == d,
// for d > 0.
func (c *Calendar) backward(b civ, d time.Duration) civ {
	b = b.norm()
	sp, _ := c.spansOn(b.day)
	r := within(sp, 0, b.off)
	if d <= r {
		return civ{b.day, backwardIn(sp, b.off, d)}
	}
	d -= r
	e := &c.exc
	n := b.day - 1
	for i := e.search(n+1) - 1; ; i-- { // exception i is the last on or before n
		limit := int64(farPast)
		if i >= 0 {
			limit = e.days[i]
		}
		for n > limit { // regular days (limit, n]
			if d > c.weekTotal {
				if k := min(int64((d-1)/c.weekTotal), (n-limit)/7); k > 0 {
					n -= 7 * k
					d -= time.Duration(k) * c.weekTotal
					continue
				}
			}
			wd := weekday(n)
			if d <= c.dayTotal[wd] {
				return civ{n, backwardIn(c.week[wd], day, d)}
			}
			d -= c.dayTotal[wd]
			n--
		}
		if d <= e.tot[i] {
			return civ{n, backwardIn(e.spans[i], day, d)}
		}
		d -= e.tot[i]
		n--
	}
}

// nextOpen returns the earliest open wall-clock time >= a, searching before
// limit only when bounded; ok is false when none lies before limit.
func (c *Calendar) nextOpen(a civ, limit civ, bounded bool) (civ, bool) {
	a = a.norm()
	off := a.off
	for n := a.day; ; n++ {
		if bounded && !(civ{n, 0}).less(limit) && n != a.day {
			return civ{}, false
		}
		sp, _ := c.spansOn(n)
		for _, s := range sp {
			if s.End > off {
				r := civ{n, max(s.Start, off)}
				if bounded && !r.less(limit) {
					return civ{}, false
				}
				return r, true
			}
		}
		off = 0
	}
}

// runEnd returns the end of the open run of wall-clock time that contains a
// (a must be open), merging spans that touch across midnight. It stops at
// limit when bounded (reporting reached); endless is true when the run never
// ends (a 24x7 week with no exception ahead).
func (c *Calendar) runEnd(a civ, limit civ, bounded bool) (end civ, reached, endless bool) {
	a = a.norm()
	n, off := a.day, a.off
	for {
		if bounded && !(civ{n, off}).less(limit) {
			return limit, true, false
		}
		if c.full {
			// Every regular day is open all day: jump to the next exception.
			i := c.exc.search(n)
			if i == len(c.exc.days) {
				return civ{}, false, true
			}
			if c.exc.days[i] > n {
				n, off = c.exc.days[i], 0
				continue
			}
		}
		sp, _ := c.spansOn(n)
		var e time.Duration = -1
		for _, s := range sp { // a day's spans never touch: normalize merged them
			if s.Start <= off && off < s.End {
				e = s.End
			}
		}
		if e < 0 {
			return clampCiv(civ{n, off}, limit, bounded), false, false
		}
		if e < day {
			r := civ{n, e}
			if bounded && !r.less(limit) {
				return limit, true, false // the run reaches the segment's end
			}
			return r, false, false
		}
		n, off = n+1, 0
	}
}

func clampCiv(a, limit civ, bounded bool) civ {
	if bounded && limit.less(a) {
		return limit
	}
	return a
}

func satAdd(a, b time.Duration) time.Duration {
	s := a + b
	if a > 0 && b > 0 && s < 0 {
		return math.MaxInt64
	}
	if a < 0 && b < 0 && s >= 0 {
		return math.MinInt64
	}
	return s
}

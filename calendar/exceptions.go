package calendar

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// exceptions are the dates whose hours differ from the regular week:
// holidays, closures and special hours, sorted by civil day number. adj holds
// prefix sums of (exception's open time - its weekday's open time), so the
// open time of any run of whole days is O(log n).
type exceptions struct {
	days  []int64 // civil day numbers (days since 1970-01-01), ascending
	spans [][]Span
	tot   []time.Duration
	adj   []time.Duration // len(days)+1

	// A bucket index over the expanded years: bucket[b] is the index of the
	// first exception on or after day base + b<<bucketShift, so a search is
	// a short scan instead of a binary search over thousands of holidays.
	base   int64
	bucket []int32
}

const bucketShift = 6 // 64-day buckets

// civilDay returns the number of days from 1970-01-01 to d.
func civilDay(d Date) int64 {
	return floorDiv(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Unix(), secondsPerDay)
}

func buildExceptions(c *Calendar, o *options) (exceptions, error) {
	type entry struct {
		day     int64
		special bool // WithHours: wins over closures on the same day
		spans   []Span
	}
	all := make([]entry, 0, len(o.holidays)*(lastYear-firstYear+1)+len(o.closed)+len(o.hours))
	for _, h := range o.holidays {
		for y := firstYear; y <= lastYear; y++ {
			if _, obs := h.Calc(y); !obs.IsZero() {
				all = append(all, entry{day: civilDay(DateOf(obs))})
			}
		}
	}
	for _, d := range o.closed {
		if !d.valid() {
			return exceptions{}, fmt.Errorf("calendar: WithClosed(%s): %w", d, ErrBadDate)
		}
		all = append(all, entry{day: civilDay(d)})
	}
	for _, h := range o.hours {
		if !h.date.valid() {
			return exceptions{}, fmt.Errorf("calendar: WithHours(%s): %w", h.date, ErrBadDate)
		}
		spans, err := checkSpans(h.spans)
		if err != nil {
			return exceptions{}, fmt.Errorf("calendar: WithHours(%s): %w", h.date, err)
		}
		all = append(all, entry{day: civilDay(h.date), special: true, spans: spans})
	}
	// Sort by day, special hours first, then keep the first entry of each day.
	slices.SortFunc(all, func(a, b entry) int {
		if a.day != b.day {
			return cmp.Compare(a.day, b.day)
		}
		switch {
		case a.special && !b.special:
			return -1
		case b.special && !a.special:
			return 1
		}
		return 0
	})
	var e exceptions
	for i, x := range all {
		if i > 0 && all[i-1].day == x.day {
			if x.special {
				return exceptions{}, fmt.Errorf("calendar: WithHours(%s): %w", dateOfDay(x.day), ErrDuplicateDate)
			}
			continue
		}
		e.days = append(e.days, x.day)
		e.spans = append(e.spans, x.spans)
	}
	e.buildIndex()
	e.tot = make([]time.Duration, len(e.days))
	e.adj = make([]time.Duration, len(e.days)+1)
	for i, n := range e.days {
		e.tot[i] = total(e.spans[i])
		e.adj[i+1] = e.adj[i] + e.tot[i] - c.dayTotal[weekday(n)]
	}
	return e, nil
}

// dateOfDay returns the date of civil day n.
func dateOfDay(n int64) Date {
	return DateOf(time.Unix(n*secondsPerDay, 0).UTC())
}

func (e *exceptions) buildIndex() {
	if len(e.days) == 0 {
		return
	}
	e.base = civilDay(Date{firstYear, time.January, 1})
	end := civilDay(Date{lastYear + 1, time.January, 1})
	nb := (end-e.base)>>bucketShift + 2
	e.bucket = make([]int32, nb)
	i := 0
	for b := range e.bucket {
		start := e.base + int64(b)<<bucketShift
		for i < len(e.days) && e.days[i] < start {
			i++
		}
		e.bucket[b] = int32(i)
	}
}

// search returns the index of the first exception on or after day n.
func (e *exceptions) search(n int64) int {
	if b := (n - e.base) >> bucketShift; n >= e.base && b+1 < int64(len(e.bucket)) {
		i, end := int(e.bucket[b]), int(e.bucket[b+1])
		for i < end && e.days[i] < n {
			i++
		}
		return i
	}
	lo, hi := 0, len(e.days) // hand-written: sort.Search's closure costs on the hot path
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if e.days[m] < n {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// spansOn returns the open spans of civil day n and its open time.
func (c *Calendar) spansOn(n int64) ([]Span, time.Duration) {
	if len(c.exc.days) > 0 {
		if i := c.exc.search(n); i < len(c.exc.days) && c.exc.days[i] == n {
			return c.exc.spans[i], c.exc.tot[i]
		}
	}
	wd := weekday(n)
	return c.week[wd], c.dayTotal[wd]
}

// weekday returns the weekday of civil day n (1970-01-01 was a Thursday).
func weekday(n int64) int {
	return int(floorMod(n+4, 7))
}

const secondsPerDay = 86400

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 {
	return a - floorDiv(a, b)*b
}

package calendar

import (
	"fmt"
	"slices"
	"sort"
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
}

// civilDay returns the number of days from 1970-01-01 to d.
func civilDay(d Date) int64 {
	return floorDiv(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Unix(), secondsPerDay)
}

func buildExceptions(c *Calendar, o *options) (exceptions, error) {
	hours := make(map[int64][]Span)
	closed := make(map[int64]bool)
	for _, h := range o.holidays {
		for y := firstYear; y <= lastYear; y++ {
			_, obs := h.Calc(y)
			if obs.IsZero() {
				continue
			}
			closed[civilDay(DateOf(obs))] = true
		}
	}
	for _, d := range o.closed {
		if !d.valid() {
			return exceptions{}, fmt.Errorf("calendar: WithClosed(%s): %w", d, ErrBadDate)
		}
		closed[civilDay(d)] = true
	}
	for _, h := range o.hours {
		if !h.date.valid() {
			return exceptions{}, fmt.Errorf("calendar: WithHours(%s): %w", h.date, ErrBadDate)
		}
		n := civilDay(h.date)
		if _, dup := hours[n]; dup {
			return exceptions{}, fmt.Errorf("calendar: WithHours(%s): %w", h.date, ErrDuplicateDate)
		}
		spans, err := checkSpans(h.spans)
		if err != nil {
			return exceptions{}, fmt.Errorf("calendar: WithHours(%s): %w", h.date, err)
		}
		if spans == nil {
			spans = []Span{}
		}
		hours[n] = spans
	}
	for n := range closed {
		if _, ok := hours[n]; !ok {
			hours[n] = []Span{}
		}
	}
	var e exceptions
	for n := range hours {
		e.days = append(e.days, n)
	}
	slices.Sort(e.days)
	e.spans = make([][]Span, len(e.days))
	e.tot = make([]time.Duration, len(e.days))
	e.adj = make([]time.Duration, len(e.days)+1)
	for i, n := range e.days {
		e.spans[i] = hours[n]
		e.tot[i] = total(hours[n])
		e.adj[i+1] = e.adj[i] + e.tot[i] - c.dayTotal[weekday(n)]
	}
	return e, nil
}

// search returns the index of the first exception on or after day n.
func (e *exceptions) search(n int64) int {
	return sort.Search(len(e.days), func(i int) bool { return e.days[i] >= n })
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

package calendar_test

import (
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/rickar/cal/v2/us"

	"github.com/slakit/slakit/calendar"
)

// randWeek returns a random week with at least one open span: each day gets
// 0 to 3 spans cut from a 15-minute grid (so spans start and end on the
// hours where zones change: 00:00, 01:00, 02:00, 02:30 ...), often running to
// 24:00 or from 00:00 so that stretches cross midnight.
func randWeek(r *rand.Rand) calendar.Week {
	for {
		var w calendar.Week
		for d := range w {
			w[d] = randSpans(r)
		}
		for _, spans := range w {
			if len(spans) > 0 {
				return w
			}
		}
	}
}

// randSpans returns 0 to 3 sorted, disjoint spans on a 15-minute grid.
func randSpans(r *rand.Rand) []calendar.Span {
	n := r.IntN(4)
	if r.IntN(5) == 0 {
		return []calendar.Span{{Start: 0, End: 24 * time.Hour}}
	}
	cuts := map[int]bool{}
	for len(cuts) < 2*n {
		q := r.IntN(97) // quarter hours 0..96
		if r.IntN(4) == 0 {
			q = []int{0, 96, 8, 10, 12}[r.IntN(5)] // 00:00, 24:00, 02:00, 02:30, 03:00
		}
		cuts[q] = true
	}
	qs := make([]int, 0, len(cuts))
	for q := range cuts {
		qs = append(qs, q)
	}
	slices.Sort(qs)
	var spans []calendar.Span
	for i := 0; i+1 < len(qs); i += 2 {
		spans = append(spans, calendar.Span{Start: time.Duration(qs[i]) * 15 * time.Minute, End: time.Duration(qs[i+1]) * 15 * time.Minute})
	}
	return spans
}

// randSpec returns a random calendar in a random zone with random holidays,
// closed dates and special hours in [from, from+days).
func randSpec(r *rand.Rand, from time.Time, days int) refSpec {
	s := refSpec{loc: refZones[r.IntN(len(refZones))], week: randWeek(r)}
	if r.IntN(2) == 0 {
		for _, h := range us.Holidays {
			if r.IntN(2) == 0 {
				s.holidays = append(s.holidays, h)
			}
		}
	}
	date := func() calendar.Date {
		t := from.AddDate(0, 0, r.IntN(days))
		return calendar.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
	}
	for range r.IntN(3) {
		s.closed = append(s.closed, date())
	}
	if r.IntN(2) == 0 {
		s.special = map[calendar.Date][]calendar.Span{}
		for range 1 + r.IntN(3) {
			s.special[date()] = randSpans(r)
		}
	}
	return s
}

// randInstant returns an instant in [from, from+span), whole seconds.
func randInstant(r *rand.Rand, from time.Time, span time.Duration) time.Time {
	return from.Add(time.Duration(r.Int64N(int64(span/time.Second))) * time.Second)
}

// TestProperties checks algebraic properties of the engine on random
// calendars, zones, holidays and instants with second precision, 2020-2031.
func TestProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	years := 12 * 365 * 24 * time.Hour
	calendars := 60
	if testing.Short() {
		calendars = 15
	}
	for range calendars {
		from := randInstant(r, base, years).Truncate(24 * time.Hour)
		s := randSpec(r, from, 60)
		c, err := s.engine()
		if err != nil {
			t.Fatalf("New(%s): %v", s, err)
		}
		fails := 0
		fail := func(format string, args ...any) {
			if fails++; fails <= 5 {
				t.Errorf("%s: "+format, append([]any{s}, args...)...)
			}
		}
		for range 40 {
			a := randInstant(r, from, 60*24*time.Hour)
			b := randInstant(r, from, 60*24*time.Hour)
			x := randInstant(r, from, 60*24*time.Hour)
			d := time.Duration(r.Int64N(int64(200*time.Hour/time.Second))) * time.Second
			d2 := time.Duration(r.Int64N(int64(200*time.Hour/time.Second))) * time.Second

			// Between(t, Add(t, d)) == d, and Add is the earliest such u:
			// a second earlier there is less open time.
			u := c.Add(a, d)
			if got := c.Between(a, u); got != d {
				fail("Between(%v, Add(%v, %v) = %v) = %v want %v", a, a, d, u, got, d)
			}
			if u.Before(a) || u.Location() != c.Location() {
				fail("Add(%v, %v) = %v: before t or not in %v", a, d, u, c.Location())
			}
			if d > 0 && c.Between(a, u.Add(-time.Nanosecond)) != d-time.Nanosecond {
				fail("Add(%v, %v) = %v is not the earliest instant", a, d, u)
			}
			// Backwards: Between(Add(t, -d), t) == d.
			v := c.Add(a, -d)
			if got := c.Between(v, a); got != d || v.After(a) {
				fail("Between(Add(%v, -%v) = %v, %v) = %v want %v", a, d, v, a, got, d)
			}
			if d > 0 && c.Between(v.Add(time.Nanosecond), a) != d-time.Nanosecond {
				fail("Add(%v, -%v) = %v is not the latest instant", a, d, v)
			}
			// Add(Add(t, d), -d) lands at or after t with no open time between.
			w := c.Add(u, -d)
			if w.Before(a) || c.Between(a, w) != 0 {
				fail("Add(Add(%v, %v), -%v) = %v: Between(t, it) = %v want 0", a, d, d, w, c.Between(a, w))
			}
			// Monotone in d.
			lo, hi := min(d, d2), max(d, d2)
			if c.Add(a, lo).After(c.Add(a, hi)) {
				fail("Add(%v, %v) = %v after Add(.., %v) = %v", a, lo, c.Add(a, lo), hi, c.Add(a, hi))
			}
			if c.Add(a, -hi).After(c.Add(a, -lo)) {
				fail("Add(%v, -%v) after Add(.., -%v)", a, hi, lo)
			}
			// Monotone in t: a later start is never due earlier, and the
			// next opening of a later instant is never earlier.
			early, late := a, b
			if late.Before(early) {
				early, late = late, early
			}
			if c.Add(early, d).After(c.Add(late, d)) || c.Add(early, -d).After(c.Add(late, -d)) {
				fail("Add not monotone in t: Add(%v, ±%v) after Add(%v, ±%v)", early, d, late, d)
			}
			if c.NextOpen(early).After(c.NextOpen(late)) {
				fail("NextOpen(%v) = %v after NextOpen(%v) = %v", early, c.NextOpen(early), late, c.NextOpen(late))
			}
			// Additivity and antisymmetry of Between.
			if c.Between(a, b)+c.Between(b, x) != c.Between(a, x) {
				fail("Between(%v,%v)=%v + Between(%v,%v)=%v != Between(%v,%v)=%v", a, b, c.Between(a, b), b, x, c.Between(b, x), a, x, c.Between(a, x))
			}
			if c.Between(b, a) != -c.Between(a, b) {
				fail("Between(%v, %v) != -Between(%v, %v)", b, a, a, b)
			}
			// Between never exceeds real time.
			if bt := c.Between(a, b); (b.After(a) && (bt < 0 || bt > b.Sub(a))) || (!b.After(a) && bt > 0) {
				fail("Between(%v, %v) = %v outside [0, %v]", a, b, bt, b.Sub(a))
			}
			// NextOpen and NextClose bracket an open stretch.
			o := c.NextOpen(a)
			if o.Before(a) || !c.IsOpen(o) || c.Between(a, o) != 0 {
				fail("NextOpen(%v) = %v: before t, closed, or open time skipped", a, o)
			}
			if c.IsOpen(a) && !o.Equal(a) {
				fail("IsOpen(%v) but NextOpen = %v", a, o)
			}
			if e := c.NextClose(a); !e.IsZero() {
				if !e.After(o) || c.IsOpen(e) || c.Between(o, e) != e.Sub(o) {
					fail("NextClose(%v) = %v, NextOpen = %v: not the end of an open stretch", a, e, o)
				}
			}
			// Intervals partition the open time of [a, b).
			lo2, hi2 := a, b
			if hi2.Before(lo2) {
				lo2, hi2 = hi2, lo2
			}
			var sum time.Duration
			prev := time.Time{}
			for iv := range c.Intervals(lo2, hi2) {
				if !iv.End.After(iv.Start) || iv.Start.Before(lo2) || iv.End.After(hi2) || (!prev.IsZero() && !iv.Start.After(prev)) {
					fail("Intervals(%v, %v): bad interval %v after %v", lo2, hi2, iv, prev)
				}
				if !c.IsOpen(iv.Start) || c.Between(iv.Start, iv.End) != iv.End.Sub(iv.Start) {
					fail("Intervals(%v, %v): %v is not all open", lo2, hi2, iv)
				}
				sum += iv.End.Sub(iv.Start)
				prev = iv.End
			}
			if sum != c.Between(lo2, hi2) {
				fail("Intervals(%v, %v) sum to %v want Between = %v", lo2, hi2, sum, c.Between(lo2, hi2))
			}
			// AddDays: at or after NextOpen, open, and monotone in n.
			n := r.IntN(4)
			ad := c.AddDays(a, n)
			if !c.IsOpen(ad) || ad.Before(o) || c.AddDays(a, n+1).Before(ad) || (n == 0 && !ad.Equal(o)) {
				fail("AddDays(%v, %d) = %v (NextOpen %v, AddDays n+1 %v)", a, n, ad, o, c.AddDays(a, n+1))
			}
		}
	}
}

// TestAgainstReference compares the engine with the brute-force model on
// minute grids, for random calendars, zones, holidays and special hours.
func TestAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	years := 12 * 365 * 24 * time.Hour
	calendars := 40
	if testing.Short() {
		calendars = 10
	}
	checked := 0
	for range calendars {
		from := randInstant(r, base, years).Truncate(24 * time.Hour)
		// Put a DST transition of the zone in the window half of the time.
		s := randSpec(r, from, 9)
		if r.IntN(2) == 0 {
			if _, next := from.In(s.loc).ZoneBounds(); !next.IsZero() {
				from = next.Add(-4 * 24 * time.Hour).Truncate(24 * time.Hour)
				loc := s.loc
				s = randSpec(r, from, 9)
				s.loc = loc
			}
		}
		c, err := s.engine()
		if err != nil {
			t.Fatalf("New(%s): %v", s, err)
		}
		w := s.model().window(from, 8)
		mins := int64(8 * 24 * 60)
		fails := 0
		fail := func(format string, args ...any) {
			if fails++; fails <= 5 {
				t.Errorf("%s: "+format, append([]any{s}, args...)...)
			}
		}
		for range 60 {
			a := w.at(int(r.Int64N(mins)))
			b := w.at(int(r.Int64N(mins)))
			d := time.Duration(r.Int64N(3*24*60)-24*60) * time.Minute
			if want, ok := w.isOpen(a); ok && c.IsOpen(a) != want {
				fail("IsOpen(%v) = %v want %v", a, !want, want)
			}
			if want, ok := w.between(a, b); ok {
				if got := c.Between(a, b); got != want {
					fail("Between(%v, %v) = %v want %v", a, b, got, want)
				}
			}
			if want, ok := w.add(a, d); ok {
				checked++
				if got := c.Add(a, d); !got.Equal(want) {
					fail("Add(%v, %v) = %v want %v", a, d, got, want)
				}
			}
			if want, ok := w.nextOpen(a); ok {
				if got := c.NextOpen(a); !got.Equal(want) {
					fail("NextOpen(%v) = %v want %v", a, got, want)
				}
			}
			if want, ok := w.nextClose(a); ok {
				if got := c.NextClose(a); !got.Equal(want) {
					fail("NextClose(%v) = %v want %v", a, got, want)
				}
			}
			n := r.IntN(5) - 2
			if want, ok := w.addDays(a, n); ok {
				if got := c.AddDays(a, n); !got.Equal(want) {
					fail("AddDays(%v, %d) = %v want %v", a, n, got, want)
				}
			}
			lo, hi := min(a.Unix(), b.Unix()), max(a.Unix(), b.Unix())
			if want, ok := w.intervals(time.Unix(lo, 0), time.Unix(hi, 0)); ok {
				var got []calendar.Interval
				for iv := range c.Intervals(time.Unix(lo, 0), time.Unix(hi, 0)) {
					got = append(got, iv)
				}
				if !equalIntervals(got, want) {
					fail("Intervals(%v, %v) = %v want %v", time.Unix(lo, 0), time.Unix(hi, 0), got, want)
				}
			}
		}
	}
	// Most Add cases fit in the window; make sure the comparison ran.
	if checked < calendars*60/2 {
		t.Errorf("only %d of %d Add cases were compared", checked, calendars*60)
	}
}

// TestConcurrentUse runs the methods of one calendar from several
// goroutines; go test -race reports any unsynchronised write.
func TestConcurrentUse(t *testing.T) {
	c := calOf(t, "America/New_York", "Mon-Fri 09:00-12:00,13:00-17:00", calendar.WithHolidays(us.Holidays...),
		calendar.WithClosed(calendar.Date{Year: 2026, Month: 3, Day: 11}))
	want := c.Between(rfc(t, "2026-01-01T00:00:00-05:00"), rfc(t, "2027-01-01T00:00:00-05:00"))
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(g), 9))
			start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			for range 200 {
				a := randInstant(r, start, 365*24*time.Hour)
				u := c.Add(a, time.Duration(r.IntN(100))*time.Hour)
				c.Between(a, u)
				c.IsOpen(a)
				c.NextOpen(a)
				c.NextClose(a)
				c.AddDays(a, 2)
				for range c.Intervals(a, u) {
				}
			}
			if got := c.Between(rfc(t, "2026-01-01T00:00:00-05:00"), rfc(t, "2027-01-01T00:00:00-05:00")); got != want {
				t.Errorf("concurrent Between = %v want %v", got, want)
			}
		})
	}
	wg.Wait()
}

package calendar_test

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rickar/cal/v2/us"

	"github.com/slakit/slakit/calendar"
)

func FuzzParseWeek(f *testing.F) {
	for _, s := range []string{
		"Mon-Fri 09:00-17:00",
		"Mon-Fri 09:00-12:00,13:00-17:00; Sat 10:00-14:00",
		"Mon-Sun 00:00-24:00",
		"Mon-Fri 22:00-06:00",
		"Fri-Mon 08:00-20:00",
		"monday,Wed 09:00:30.5-17:00:00.000000001",
		"Sun 23:00-00:00",
		"Sat 22:00-24:00; Sun 00:00-01:00",
		"Mon 09:00-09:00",
		"Mon-Fri 17:00-09:00x",
		"",
		";",
		"Tue 24:00-01:00",
		"Mon - Fri 09:00 - 17:00",
		"Mon -17:00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		w, err := calendar.ParseWeek(spec)
		if err != nil {
			var we *calendar.WeekError
			if !errors.As(err, &we) {
				t.Fatalf("ParseWeek(%q) error %T %v is not a *WeekError", spec, err, err)
			}
			if we.Part == "" && strings.TrimSpace(spec) != "" {
				t.Fatalf("ParseWeek(%q) = %v names no part", spec, err)
			}
			return
		}
		back, err := calendar.ParseWeek(w.String())
		if err != nil {
			t.Fatalf("ParseWeek(%q).String() = %q does not parse: %v", spec, w.String(), err)
		}
		if !reflect.DeepEqual(back, w) {
			t.Fatalf("ParseWeek(%q) = %v; via String %q = %v", spec, w, w.String(), back)
		}
		// A parsed week has open time, spans in range and no overlaps:
		// New must take it.
		if _, err := calendar.New(time.UTC, w); err != nil {
			t.Fatalf("New(UTC, ParseWeek(%q)) = %v", spec, err)
		}
	})
}

// fuzzCals caches the calendars and models FuzzArithmetic builds, keyed by
// zone and seed: building a calendar expands two centuries of zone
// transitions and holidays (about 0.6 MB). The cache holds at most
// fuzzCacheSize calendars so that a long fuzzing run keeps its memory.
var fuzzCals = struct {
	sync.Mutex
	m map[fuzzKey]*fuzzCal
}{m: map[fuzzKey]*fuzzCal{}}

const fuzzCacheSize = 64

type fuzzKey struct {
	zone uint8
	seed uint16
}

type fuzzCal struct {
	spec  refSpec
	c     *calendar.Calendar
	model *refModel
	from  time.Time // closures and special hours fall in [from, from+40 days)
}

// fuzzCalendar builds the calendar for a zone and a seed: a random week
// (randWeek), and for three seeds in four random holidays, closed dates and
// special hours (randSpec) in the 40 days from a date in 2020-2031 that the
// seed also picks.
func fuzzCalendar(t *testing.T, zone uint8, seed uint16) *fuzzCal {
	k := fuzzKey{zone % uint8(len(refZones)), seed}
	fuzzCals.Lock()
	defer fuzzCals.Unlock()
	if fc, ok := fuzzCals.m[k]; ok {
		return fc
	}
	r := rand.New(rand.NewPCG(uint64(seed), 77))
	from := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(seed)*97%(12*365))
	s := refSpec{week: randWeek(r)}
	if seed%4 != 0 {
		s = randSpec(r, from, 40)
	}
	s.loc = refZones[k.zone]
	c, err := s.engine()
	if err != nil {
		t.Fatalf("New(%s): %v", s, err)
	}
	fc := &fuzzCal{spec: s, c: c, model: s.model(), from: from}
	if len(fuzzCals.m) >= fuzzCacheSize {
		for old := range fuzzCals.m { // evict one, whichever the map yields
			delete(fuzzCals.m, old)
			break
		}
	}
	fuzzCals.m[k] = fc
	return fc
}

// FuzzArithmetic checks the engine against the brute-force model on a
// four-day window: the fuzzer picks the zone, the calendar (a seed for
// fuzzCalendar), the window's start (minutes into the calendar's 40 days of
// exceptions, or just before the zone's next transition when transition is
// odd), the instant in the window, the duration and AddDays' n.
func FuzzArithmetic(f *testing.F) {
	f.Add(uint8(0), uint16(1), uint32(0), uint16(0), int32(60), uint8(1))
	f.Add(uint8(2), uint16(7), uint32(123456), uint16(500), int32(-300), uint8(0))
	f.Add(uint8(4), uint16(9), uint32(3333333), uint16(1500), int32(2000), uint8(3))
	f.Add(uint8(5), uint16(4), uint32(999999), uint16(2000), int32(-1), uint8(5))
	f.Fuzz(func(t *testing.T, zone uint8, seed uint16, startMin uint32, at uint16, dMin int32, transition uint8) {
		fc := fuzzCalendar(t, zone, seed)
		const days = 4
		from := fc.from.Add(time.Duration(startMin%(36*24*60)) * time.Minute)
		if transition%2 == 1 {
			if _, next := from.In(fc.spec.loc).ZoneBounds(); !next.IsZero() {
				from = next.Add(-time.Duration(transition%48) * time.Hour)
			}
		}
		w := fc.model.window(from, days)
		a := w.at(int(at) % (days * 24 * 60))
		d := time.Duration(dMin%(2*24*60)) * time.Minute
		c := fc.c
		if want, ok := w.isOpen(a); ok && c.IsOpen(a) != want {
			t.Errorf("%s: IsOpen(%v) = %v want %v", fc.spec, a, !want, want)
		}
		if want, ok := w.add(a, d); ok {
			if got := c.Add(a, d); !got.Equal(want) {
				t.Errorf("%s: Add(%v, %v) = %v want %v", fc.spec, a, d, got, want)
			}
		}
		b := a.Add(d)
		if want, ok := w.between(a, b); ok {
			if got := c.Between(a, b); got != want {
				t.Errorf("%s: Between(%v, %v) = %v want %v", fc.spec, a, b, got, want)
			}
		}
		if want, ok := w.nextOpen(a); ok {
			if got := c.NextOpen(a); !got.Equal(want) {
				t.Errorf("%s: NextOpen(%v) = %v want %v", fc.spec, a, got, want)
			}
		}
		if want, ok := w.nextClose(a); ok {
			if got := c.NextClose(a); !got.Equal(want) {
				t.Errorf("%s: NextClose(%v) = %v want %v", fc.spec, a, got, want)
			}
		}
		n := int(transition%5) - 2
		if want, ok := w.addDays(a, n); ok {
			if got := c.AddDays(a, n); !got.Equal(want) {
				t.Errorf("%s: AddDays(%v, %d) = %v want %v", fc.spec, a, n, got, want)
			}
		}
	})
}

// fuzzFixed are the calendars FuzzAddBetween draws from.
var fuzzFixed = sync.OnceValue(func() []*calendar.Calendar {
	var out []*calendar.Calendar
	for i, spec := range []string{
		"Mon-Fri 09:00-17:00",
		"Mon-Fri 09:00-12:00,13:00-17:00; Sat 10:00-14:00",
		"Mon-Fri 22:00-06:00",
		"Mon-Sun 00:00-24:00",
		"Sun 01:00-04:00",
		"Sat 23:30-00:15",
	} {
		week, err := calendar.ParseWeek(spec)
		if err != nil {
			panic(err)
		}
		c, err := calendar.New(refZones[i%len(refZones)], week, calendar.WithHolidays(us.Holidays...),
			calendar.WithClosed(calendar.Date{Year: 2026, Month: 3, Day: 11}))
		if err != nil {
			panic(err)
		}
		out = append(out, c)
	}
	return append(out, calendar.AlwaysOpen(refZones[1]))
})

// FuzzAddBetween checks the Add/Between inverse on arbitrary instants
// (Unix nanoseconds, 1677-2262) and durations: no panic, no hang, Add
// moves in d's direction, and Between(t, Add(t, d)) == d for d >= 0,
// Between(Add(t, d), t) == -d for d < 0, also when the two are centuries
// apart (a business week of 40 hours turns 292 years of open time into
// more than 1200 years of real time). AddDays with any n returns promptly
// on n's side of NextOpen(t).
func FuzzAddBetween(f *testing.F) {
	f.Add(uint8(0), int64(1773064800000000000), int64(8*time.Hour))
	f.Add(uint8(1), int64(0), int64(-1))
	f.Add(uint8(2), int64(-1<<63), int64(1<<63-1))
	f.Add(uint8(3), int64(1<<63-1), int64(-1<<63))
	f.Add(uint8(4), int64(1773064800123456789), int64(-123456789123456))
	f.Add(uint8(6), int64(1<<62), int64(1<<62))
	f.Fuzz(func(t *testing.T, sel uint8, unixNano int64, d int64) {
		cals := fuzzFixed()
		c := cals[int(sel)%len(cals)]
		start := time.Unix(0, unixNano)
		dur := time.Duration(d)
		if dur == -1<<63 {
			dur++ // -d must be representable
		}
		u := c.Add(start, dur)
		if (dur > 0 && u.Before(start)) || (dur < 0 && u.After(start)) {
			t.Errorf("calendar %d: Add(%v, %v) = %v is on the wrong side", sel, start, dur, u)
		}
		var got time.Duration
		if dur >= 0 {
			got = c.Between(start, u)
		} else {
			got = -c.Between(u, start)
		}
		if got != dur {
			t.Errorf("calendar %d: Add(%v, %v) = %v; Between = %v want %v", sel, start, dur, u, got, dur)
		}
		c.IsOpen(start)
		c.NextOpen(start)
		c.NextClose(start)
		o := c.NextOpen(start)
		if r := c.AddDays(start, int(d)); (d > 0 && r.Before(o)) || (d < 0 && r.After(o)) {
			t.Errorf("calendar %d: AddDays(%v, %d) = %v, on the wrong side of NextOpen = %v", sel, start, d, r, o)
		}
		c.Between(start, time.Unix(0, d))
		for range c.Intervals(start, start.Add(30*24*time.Hour)) {
		}
	})
}

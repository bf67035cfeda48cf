package calendar_test

import (
	"cmp"
	"fmt"
	"sort"
	"testing"
	"time"
	_ "time/tzdata" // the zones below must not depend on the machine's zoneinfo

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/us"

	"github.com/slakit/slakit/calendar"
)

// This file holds a brute-force model of a business calendar that shares no
// code with the engine. It applies DESIGN's one rule literally: an instant is
// open exactly when its local wall-clock time lies in a span of its local
// date. It walks real time minute by minute, converts each instant with
// t.In(loc) and looks the wall clock up in the date's spans. With
// minute-aligned spans, and zones whose offsets and transitions fall on whole
// minutes (all zones used here since 1970), openness is constant over each
// minute [t, t+1m), so counting open minutes gives exact durations for
// minute-aligned instants.

// refZoneNames are the zones the differential tests draw from: DST at 02:00
// (New York, Sydney), at 01:00 UTC (London), a 30-minute shift (Lord Howe),
// a half-hour offset without DST (Kolkata), transitions at midnight (Havana,
// Santiago) and UTC.
var refZoneNames = []string{
	"America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata",
	"America/Havana", "America/Santiago", "Australia/Sydney", "UTC",
}

// refZones holds the loaded refZoneNames, in the same order.
var refZones = func() []*time.Location {
	locs := make([]*time.Location, len(refZoneNames))
	for i, name := range refZoneNames {
		loc, err := time.LoadLocation(name)
		if err != nil {
			panic(err) // time/tzdata is linked in: this cannot fail
		}
		locs[i] = loc
	}
	return locs
}()

// zone returns the loaded location named name.
func zone(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatalf("LoadLocation(%q): %v", name, err)
	}
	return loc
}

// clk is a wall-clock offset from midnight.
func clk(h, m int) time.Duration {
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
}

// refModel is the brute-force calendar.
type refModel struct {
	loc     *time.Location
	week    calendar.Week
	closed  map[calendar.Date]bool
	special map[calendar.Date][]calendar.Span
}

// refSpec describes a calendar once, for both the engine and the model.
type refSpec struct {
	loc      *time.Location
	week     calendar.Week
	holidays []*cal.Holiday
	closed   []calendar.Date
	special  map[calendar.Date][]calendar.Span
}

func (s refSpec) String() string {
	return fmt.Sprintf("%s %q holidays=%d closed=%v special=%v", s.loc, s.week.String(), len(s.holidays), s.closed, s.special)
}

// engine builds the calendar under test from s.
func (s refSpec) engine() (*calendar.Calendar, error) {
	var opts []calendar.Option
	if len(s.holidays) > 0 {
		opts = append(opts, calendar.WithHolidays(s.holidays...))
	}
	if len(s.closed) > 0 {
		opts = append(opts, calendar.WithClosed(s.closed...))
	}
	for d, spans := range s.special {
		opts = append(opts, calendar.WithHours(d, spans...))
	}
	return calendar.New(s.loc, s.week, opts...)
}

// model builds the reference model from s. Holidays are expanded with
// Holiday.Calc for the years 1950-2100: each observed date is closed.
func (s refSpec) model() *refModel {
	m := &refModel{loc: s.loc, week: s.week, closed: map[calendar.Date]bool{}, special: s.special}
	for _, h := range s.holidays {
		for y := 1950; y <= 2100; y++ {
			if _, obs := h.Calc(y); !obs.IsZero() {
				oy, om, od := obs.Date()
				m.closed[calendar.Date{Year: oy, Month: om, Day: od}] = true
			}
		}
	}
	for _, d := range s.closed {
		m.closed[d] = true
	}
	return m
}

// spans returns the spans that apply on date d: special hours first, then
// closures, then the weekday's spans.
func (m *refModel) spans(d calendar.Date) []calendar.Span {
	if sp, ok := m.special[d]; ok {
		return sp
	}
	if m.closed[d] {
		return nil
	}
	return m.week[time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()]
}

// local returns t's local date and wall-clock offset from midnight.
func (m *refModel) local(t time.Time) (calendar.Date, time.Duration) {
	l := t.In(m.loc)
	y, mo, d := l.Date()
	h, mi, s := l.Clock()
	wall := time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(s)*time.Second + time.Duration(l.Nanosecond())
	return calendar.Date{Year: y, Month: mo, Day: d}, wall
}

// isOpen applies the rule directly.
func (m *refModel) isOpen(t time.Time) bool {
	d, wall := m.local(t)
	for _, sp := range m.spans(d) {
		if sp.Start <= wall && wall < sp.End {
			return true
		}
	}
	return false
}

// refWindow is the model evaluated over a stretch of minutes.
type refWindow struct {
	m     *refModel
	start time.Time // minute-aligned
	open  []bool    // open[i]: minute i, [start+i, start+i+1), is open
	cum   []int     // cum[i]: open minutes in [start, start+i)
	date  []calendar.Date
	wall  []time.Duration
	// openDate holds the dates that have at least one open minute.
	openDate map[calendar.Date]bool
	// nextOpenAt[i] is the first open minute at or after i, or len(open).
	nextOpenAt []int
}

// window evaluates m minute by minute over [start, start+days*24h).
func (m *refModel) window(start time.Time, days int) *refWindow {
	start = start.Truncate(time.Minute)
	n := days * 24 * 60
	w := &refWindow{
		m: m, start: start,
		open: make([]bool, n), cum: make([]int, n+1),
		date: make([]calendar.Date, n), wall: make([]time.Duration, n),
		openDate: map[calendar.Date]bool{},
	}
	w.nextOpenAt = make([]int, n+1)
	for i := range n {
		t := start.Add(time.Duration(i) * time.Minute)
		w.open[i] = m.isOpen(t)
		w.date[i], w.wall[i] = m.local(t)
		w.cum[i+1] = w.cum[i]
		if w.open[i] {
			w.cum[i+1]++
			w.openDate[w.date[i]] = true
		}
	}
	w.nextOpenAt[n] = n
	for i := n - 1; i >= 0; i-- {
		w.nextOpenAt[i] = w.nextOpenAt[i+1]
		if w.open[i] {
			w.nextOpenAt[i] = i
		}
	}
	return w
}

func (w *refWindow) end() time.Time { return w.at(len(w.open)) }

func (w *refWindow) at(i int) time.Time {
	return w.start.Add(time.Duration(i) * time.Minute).In(w.m.loc)
}

// index returns t's minute index; t must be minute-aligned and in
// [start, end].
func (w *refWindow) index(t time.Time) (int, bool) {
	d := t.Sub(w.start)
	if d < 0 || d%time.Minute != 0 || d > time.Duration(len(w.open))*time.Minute {
		return 0, false
	}
	return int(d / time.Minute), true
}

func (w *refWindow) isOpen(t time.Time) (bool, bool) {
	i, ok := w.index(t)
	if !ok || i == len(w.open) {
		return false, false
	}
	return w.open[i], true
}

// between counts the open minutes in [a, b), negated when b < a.
func (w *refWindow) between(a, b time.Time) (time.Duration, bool) {
	i, ok1 := w.index(a)
	j, ok2 := w.index(b)
	if !ok1 || !ok2 {
		return 0, false
	}
	return time.Duration(w.cum[j]-w.cum[i]) * time.Minute, true
}

// add finds the earliest u >= t with between(t, u) == d (d >= 0) or the
// latest u <= t with between(u, t) == -d (d < 0). d must be whole minutes.
func (w *refWindow) add(t time.Time, d time.Duration) (time.Time, bool) {
	i, ok := w.index(t)
	if !ok || d%time.Minute != 0 {
		return time.Time{}, false
	}
	k := int(d / time.Minute)
	if k >= 0 {
		j := sort.Search(len(w.cum)-i, func(j int) bool { return w.cum[i+j]-w.cum[i] >= k })
		if i+j >= len(w.cum) {
			return time.Time{}, false
		}
		return w.at(i + j), true
	}
	// The latest j <= i with cum[j] <= cum[i]+k (k < 0).
	j := sort.Search(i+1, func(j int) bool { return w.cum[j] > w.cum[i]+k }) - 1
	if j < 0 {
		return time.Time{}, false
	}
	return w.at(j), true
}

func (w *refWindow) nextOpen(t time.Time) (time.Time, bool) {
	i, ok := w.index(t)
	if !ok {
		return time.Time{}, false
	}
	if j := w.nextOpenAt[i]; j < len(w.open) {
		return w.at(j), true
	}
	return time.Time{}, false
}

// nextClose returns the first closed minute after the open stretch at or
// after t.
func (w *refWindow) nextClose(t time.Time) (time.Time, bool) {
	o, ok := w.nextOpen(t)
	if !ok {
		return time.Time{}, false
	}
	i, _ := w.index(o)
	for ; i < len(w.open); i++ {
		if !w.open[i] {
			return w.at(i), true
		}
	}
	return time.Time{}, false
}

// intervals returns the maximal runs of open minutes in [a, b).
func (w *refWindow) intervals(a, b time.Time) ([]calendar.Interval, bool) {
	i, ok1 := w.index(a)
	j, ok2 := w.index(b)
	if !ok1 || !ok2 {
		return nil, false
	}
	var out []calendar.Interval
	for k := i; k < j; k++ {
		if !w.open[k] {
			continue
		}
		s := k
		for k < j && w.open[k] {
			k++
		}
		out = append(out, calendar.Interval{Start: w.at(s), End: w.at(k)})
	}
	return out, true
}

// addDays: from nextOpen(t), move n dates forward (backward for n < 0)
// over dates with open time, and keep the wall clock: the answer is the
// next opening at or after the first minute whose local (date, wall clock)
// reaches (landing date, that wall clock). On a fall-back date that opening
// may be in the repeated hour, at an earlier wall clock: "the next opening
// after it" is counted in real time.
func (w *refWindow) addDays(t time.Time, n int) (time.Time, bool) {
	s, ok := w.nextOpen(t)
	if !ok {
		return time.Time{}, false
	}
	i, _ := w.index(s)
	d, wall := w.date[i], w.wall[i]
	step, count := 1, n
	if n < 0 {
		step, count = -1, -n
	}
	// Dates are visited with time.Date so DST never skips or repeats one.
	for moved, k := 0, step; moved < count; k += step {
		next := time.Date(d.Year, d.Month, d.Day+k, 12, 0, 0, 0, time.UTC)
		nd := calendar.Date{Year: next.Year(), Month: next.Month(), Day: next.Day()}
		// The whole of nd must lie in the window to know whether it opens.
		if k > 400 || k < -400 || w.end().Before(time.Date(nd.Year, nd.Month, nd.Day+1, 0, 0, 0, 0, w.m.loc)) ||
			w.start.After(time.Date(nd.Year, nd.Month, nd.Day-1, 12, 0, 0, 0, w.m.loc)) {
			return time.Time{}, false
		}
		if w.openDate[nd] {
			moved++
			if moved == count {
				d = nd
			}
		}
	}
	// Dates never go backwards in real time, so no minute before noon of
	// the day before d can be at or after (d, wall).
	j, ok := w.index(time.Date(d.Year, d.Month, d.Day-1, 12, 0, 0, 0, w.m.loc).Truncate(time.Minute))
	switch {
	case n >= 0 && (!ok || j < i):
		j = i // forward, the answer is at or after s
	case n < 0 && !ok:
		return time.Time{}, false
	}
	for k := j; k < len(w.open); k++ {
		if dateWallCmp(w.date[k], w.wall[k], d, wall) >= 0 {
			if o := w.nextOpenAt[k]; o < len(w.open) {
				return w.at(o), true
			}
			break
		}
	}
	return time.Time{}, false
}

func dateWallCmp(d1 calendar.Date, w1 time.Duration, d2 calendar.Date, w2 time.Duration) int {
	switch {
	case d1.Year != d2.Year:
		return cmp.Compare(d1.Year, d2.Year)
	case d1.Month != d2.Month:
		return cmp.Compare(d1.Month, d2.Month)
	case d1.Day != d2.Day:
		return cmp.Compare(d1.Day, d2.Day)
	}
	return cmp.Compare(w1, w2)
}

// TestReferenceModel checks the model itself against values worked out by
// hand, so that the differential tests compare against something trusted.
func TestReferenceModel(t *testing.T) {
	ny := zone(t, "America/New_York")
	week, err := calendar.ParseWeek("Mon-Fri 09:00-17:00")
	if err != nil {
		t.Fatal(err)
	}
	m := refSpec{loc: ny, week: week, holidays: us.Holidays}.model()
	// 2026-06-29 is a Monday; Friday 2026-07-03 is Independence Day observed
	// (July 4th is a Saturday).
	w := m.window(time.Date(2026, 6, 29, 0, 0, 0, 0, ny), 14)
	at := func(d, h, mi int) time.Time { return time.Date(2026, 6, d, h, mi, 0, 0, ny) }
	jul := func(d, h, mi int) time.Time { return time.Date(2026, 7, d, h, mi, 0, 0, ny) }

	if got, _ := w.between(at(29, 0, 0), jul(6, 0, 0)); got != 32*time.Hour {
		t.Errorf("between(Mon 29 Jun, Mon 6 Jul) = %v want 32h (4 days, Fri 3 Jul observed holiday)", got)
	}
	if got, _ := w.between(jul(6, 0, 0), at(29, 0, 0)); got != -32*time.Hour {
		t.Errorf("between reversed = %v want -32h", got)
	}
	if got, _ := w.add(at(29, 9, 0), 8*time.Hour); !got.Equal(at(29, 17, 0)) {
		t.Errorf("add(Mon 09:00, 8h) = %v want Mon 17:00 (closing-time rule)", got)
	}
	if got, _ := w.add(jul(2, 16, 0), 2*time.Hour); !got.Equal(jul(6, 10, 0)) {
		t.Errorf("add(Thu 2 Jul 16:00, 2h) = %v want Mon 6 Jul 10:00", got)
	}
	if got, _ := w.add(jul(6, 10, 0), -2*time.Hour); !got.Equal(jul(2, 16, 0)) {
		t.Errorf("add(Mon 6 Jul 10:00, -2h) = %v want Thu 2 Jul 16:00", got)
	}
	if got, _ := w.add(jul(6, 9, 0), -time.Hour); !got.Equal(jul(2, 16, 0)) {
		t.Errorf("add(Mon 6 Jul 09:00, -1h) = %v want Thu 2 Jul 16:00 (latest u)", got)
	}
	if got, _ := w.nextOpen(jul(2, 17, 0)); !got.Equal(jul(6, 9, 0)) {
		t.Errorf("nextOpen(Thu 17:00) = %v want Mon 6 Jul 09:00", got)
	}
	if got, _ := w.nextClose(jul(2, 17, 0)); !got.Equal(jul(6, 17, 0)) {
		t.Errorf("nextClose(Thu 17:00) = %v want Mon 6 Jul 17:00", got)
	}
	if got, _ := w.addDays(jul(2, 16, 30), 1); !got.Equal(jul(6, 16, 30)) {
		t.Errorf("addDays(Thu 16:30, 1) = %v want Mon 6 Jul 16:30", got)
	}
	if got, _ := w.addDays(jul(3, 8, 0), 0); !got.Equal(jul(6, 9, 0)) {
		t.Errorf("addDays(Fri holiday, 0) = %v want Mon 6 Jul 09:00", got)
	}
	ivs, _ := w.intervals(jul(2, 12, 0), jul(6, 10, 0))
	want := []calendar.Interval{{Start: jul(2, 12, 0), End: jul(2, 17, 0)}, {Start: jul(6, 9, 0), End: jul(6, 10, 0)}}
	if len(ivs) != len(want) {
		t.Fatalf("intervals = %v want %v", ivs, want)
	}
	for i := range want {
		if !ivs[i].Start.Equal(want[i].Start) || !ivs[i].End.Equal(want[i].End) {
			t.Errorf("intervals[%d] = %v want %v", i, ivs[i], want[i])
		}
	}

	// AddDays on a fall-back landing date: Sunday 2026-11-01 is open
	// 00:00-01:20; 01:45 is closed there, and the next opening after the
	// first 01:45 (EDT) is 01:00 EST, when the clock falls back into the span.
	fb := refSpec{loc: ny, week: calendar.Week{6: {{Start: 0, End: 24 * time.Hour}}, 0: {{Start: 0, End: clk(1, 20)}}}}.model()
	wfb := fb.window(time.Date(2026, 10, 30, 0, 0, 0, 0, ny), 4)
	if got, _ := wfb.addDays(time.Date(2026, 10, 31, 1, 45, 0, 0, ny), 1); !got.Equal(time.Date(2026, 11, 1, 6, 0, 0, 0, time.UTC)) {
		t.Errorf("addDays(Sat 31 Oct 01:45, 1) = %v want 2026-11-01 01:00 EST", got)
	}

	// New York springs forward on Sunday 2026-03-08 at 02:00: a 00:00-06:00
	// span holds 5 real hours; it falls back on 2026-11-01: 7 real hours.
	night := calendar.Week{0: {{Start: 0, End: clk(6, 0)}}}
	mn := refSpec{loc: ny, week: night}.model()
	ws := mn.window(time.Date(2026, 3, 7, 0, 0, 0, 0, ny), 3)
	if got, _ := ws.between(ws.start, ws.end()); got != 5*time.Hour {
		t.Errorf("spring-forward 00:00-06:00 = %v want 5h", got)
	}
	wf := mn.window(time.Date(2026, 10, 31, 0, 0, 0, 0, ny), 3)
	if got, _ := wf.between(wf.start, wf.end()); got != 7*time.Hour {
		t.Errorf("fall-back 00:00-06:00 = %v want 7h", got)
	}
}

// TestEngineMatchesReferenceAroundTransitions compares the engine with the
// model on every 30-minute instant of the days around each 2026 transition
// of each zone, for weeks whose spans contain, start in or end in the
// transitions.
func TestEngineMatchesReferenceAroundTransitions(t *testing.T) {
	weeks := []string{
		"Mon-Sun 00:00-24:00",
		"Mon-Sun 00:00-06:00",
		"Mon-Sun 01:00-04:00",
		"Mon-Sun 02:15-02:45,03:00-09:00",
		"Mon-Sun 23:00-01:30",
		"Mon-Sun 09:00-17:00",
		"Mon-Sun 00:30-01:00,12:00-13:00",
		"Mon-Fri 09:00-12:00,13:00-17:00; Sat 22:00-02:00",
	}
	for zi, loc := range refZones {
		// Transitions in 2026, found from the zone data.
		var transitions []time.Time
		for t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, loc); ; {
			_, end := t0.ZoneBounds()
			if end.IsZero() || end.Year() > 2026 {
				break
			}
			transitions = append(transitions, end)
			t0 = end
		}
		if len(transitions) == 0 {
			transitions = []time.Time{time.Date(2026, 3, 8, 0, 0, 0, 0, loc)}
		}
		for _, spec := range weeks {
			week, err := calendar.ParseWeek(spec)
			if err != nil {
				t.Fatal(err)
			}
			s := refSpec{loc: loc, week: week}
			c, err := s.engine()
			if err != nil {
				t.Fatalf("New(%s): %v", s, err)
			}
			m := s.model()
			for _, tr := range transitions {
				l := tr.In(loc)
				// Compare from noon the day before to noon the day after; the
				// window leaves room for the answers.
				from := time.Date(l.Year(), l.Month(), l.Day()-1, 0, 0, 0, 0, loc)
				w := m.window(from, 4)
				adds := compareWindow(t, refZoneNames[zi]+" "+spec, c, w, w.at(12*60), w.at(60*60), 30*time.Minute,
					[]time.Duration{time.Minute, 50 * time.Minute, 5 * time.Hour, 26 * time.Hour})
				// 96 instants, 8 Add checks each, some out of the window.
				if adds < 96*4 {
					t.Errorf("%s %s: only %d Add checks around %v", refZoneNames[zi], spec, adds, tr)
				}
			}
		}
	}
}

// TestEngineMatchesReferenceFarFuture repeats the comparison where the zone
// data has no explicit transitions left and Go extends the zone's rule
// (after 2037), around the transitions of 2041 and 2100 and around New Year
// 2041, where time.Time.ZoneBounds is irregular for some zones.
func TestEngineMatchesReferenceFarFuture(t *testing.T) {
	weeks := []string{
		"Mon-Sun 00:00-24:00",
		"Mon-Sun 01:00-04:00",
	}
	for zi, loc := range refZones {
		var points []time.Time
		for _, y := range []int{2041, 2100} {
			for t0 := time.Date(y, 1, 1, 0, 0, 0, 0, loc); ; {
				_, end := t0.ZoneBounds()
				if end.IsZero() || end.Year() > y || !end.After(t0) {
					break
				}
				points = append(points, end)
				t0 = end
			}
		}
		points = append(points, time.Date(2041, 1, 1, 0, 0, 0, 0, loc))
		for _, spec := range weeks {
			week, err := calendar.ParseWeek(spec)
			if err != nil {
				t.Fatal(err)
			}
			// A closed date keeps the 24x7 week off the always-open path.
			s := refSpec{loc: loc, week: week, closed: []calendar.Date{{Year: 2041, Month: 6, Day: 15}}}
			c, err := s.engine()
			if err != nil {
				t.Fatalf("New(%s): %v", s, err)
			}
			m := s.model()
			for _, p := range points {
				l := p.In(loc)
				w := m.window(time.Date(l.Year(), l.Month(), l.Day()-1, 0, 0, 0, 0, loc), 3)
				compareWindow(t, refZoneNames[zi]+" "+spec, c, w, w.at(12*60), w.at(48*60), time.Hour,
					[]time.Duration{30 * time.Minute, 5 * time.Hour})
			}
		}
	}
}

// compareWindow checks IsOpen, NextOpen, NextClose, Between, Add (both
// signs), AddDays and Intervals at every step in [from, to) against w. Each
// check is skipped when the model's window cannot answer it. It returns
// how many Add checks were made.
func compareWindow(t *testing.T, name string, c *calendar.Calendar, w *refWindow, from, to time.Time, step time.Duration, ds []time.Duration) int {
	t.Helper()
	fails, adds := 0, 0
	fail := func(format string, args ...any) {
		fails++
		if fails <= 10 {
			t.Errorf("%s: "+format, append([]any{name}, args...)...)
		}
	}
	for a := from; a.Before(to); a = a.Add(step) {
		if want, ok := w.isOpen(a); ok && c.IsOpen(a) != want {
			fail("IsOpen(%v) = %v want %v", a, !want, want)
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
		for _, d := range ds {
			for _, dd := range []time.Duration{d, -d} {
				if want, ok := w.add(a, dd); ok {
					adds++
					got := c.Add(a, dd)
					if !got.Equal(want) || got.Location() != c.Location() {
						fail("Add(%v, %v) = %v want %v", a, dd, got, want)
					}
				}
			}
			b := a.Add(d)
			if want, ok := w.between(a, b); ok {
				if got := c.Between(a, b); got != want {
					fail("Between(%v, %v) = %v want %v", a, b, got, want)
				}
				if got := c.Between(b, a); got != -want {
					fail("Between(%v, %v) = %v want %v", b, a, got, -want)
				}
			}
		}
		for _, n := range []int{0, 1, -1} {
			if want, ok := w.addDays(a, n); ok {
				if got := c.AddDays(a, n); !got.Equal(want) {
					fail("AddDays(%v, %d) = %v want %v", a, n, got, want)
				}
			}
		}
	}
	if want, ok := w.intervals(from, to); ok {
		var got []calendar.Interval
		for iv := range c.Intervals(from, to) {
			got = append(got, iv)
		}
		if !equalIntervals(got, want) {
			fail("Intervals(%v, %v) = %v want %v", from, to, got, want)
		}
	}
	if fails > 10 {
		t.Errorf("%s: %d more mismatches", name, fails-10)
	}
	return adds
}

func equalIntervals(a, b []calendar.Interval) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Start.Equal(b[i].Start) || !a[i].End.Equal(b[i].End) {
			return false
		}
	}
	return true
}

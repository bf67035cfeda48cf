package escalation_test

import (
	"slices"
	"testing"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/escalation"
	"github.com/slakit/slakit/sla"
)

// Every expected instant below is worked out by hand from the desk's hours
// (Mon-Fri 09:00-17:00 New York, US federal holidays closed).
func TestTriggerInstants(t *testing.T) {
	const h = time.Hour
	d := desk(t)
	w, err := calendar.ParseWeek("Sun 00:00-06:00; Mon-Fri 09:00-17:00")
	if err != nil {
		t.Fatal(err)
	}
	sunday, err := calendar.New(ny, w)
	if err != nil {
		t.Fatal(err)
	}
	allweek, err := calendar.New(ny, calendar.Week{
		{{Start: 0, End: 24 * h}}, {{Start: 0, End: 24 * h}}, {{Start: 0, End: 24 * h}}, {{Start: 0, End: 24 * h}},
		{{Start: 0, End: 24 * h}}, {{Start: 0, End: 24 * h}}, {{Start: 0, End: 24 * h}}})
	if err != nil {
		t.Fatal(err)
	}
	res8 := policy(d, within(sla.Resolution, 8*h))
	mon := at(3, 2, 13, 0)     // Monday 2 March 13:00 EST
	fri := at(3, 6, 9, 15)     // Friday 6 March 09:15 EST, due Monday 9 March 09:15 EDT
	preMem := at(5, 22, 15, 0) // Friday before Memorial Day
	tests := []struct {
		name   string
		p      sla.Policy
		events []sla.Event
		when   escalation.Trigger
		want   time.Time
	}{
		// 75% of 8 business hours is 6: Mon 13-17 (4h), Tue 09-11 (2h).
		{"75% of 8h", res8, []sla.Event{created(mon)}, escalation.AtPercent(75), at(3, 3, 11, 0)},
		// The pause Mon 15-16 is not counted: Mon 13-15, 16-17, Tue 09-12.
		{"75% of 8h, paused an hour", res8,
			[]sla.Event{created(mon), status(at(3, 2, 15, 0), "pending"), status(at(3, 2, 16, 0), "open")},
			escalation.AtPercent(75), at(3, 3, 12, 0)},
		// A pause while the desk is closed changes nothing.
		{"75% of 8h, paused overnight", res8,
			[]sla.Event{created(mon), status(at(3, 2, 18, 0), "pending"), status(at(3, 3, 8, 0), "open")},
			escalation.AtPercent(75), at(3, 3, 11, 0)},
		// The example: due Monday 09:15 (after the DST weekend), 30
		// minutes before is Friday 16:45.
		{"30m before a Monday 09:15 due", res8, []sla.Event{created(fri)}, escalation.BeforeDue(30 * time.Minute), at(3, 6, 16, 45)},
		{"1h after a Monday 09:15 due", res8, []sla.Event{created(fri)}, escalation.AfterDue(h), at(3, 9, 10, 15)},
		{"due itself", res8, []sla.Event{created(fri)}, escalation.AtPercent(100), at(3, 9, 9, 15)},
		// Friday 15:00 before Memorial Day: 2h on Friday, then Tuesday.
		{"25% at Friday closing", res8, []sla.Event{created(preMem)}, escalation.AtPercent(25), at(5, 22, 17, 0)},
		{"50% skips the holiday", res8, []sla.Event{created(preMem)}, escalation.AtPercent(50), at(5, 26, 11, 0)},
		{"breach after the holiday", res8, []sla.Event{created(preMem)}, escalation.AtPercent(100), at(5, 26, 15, 0)},
		{"150% the day after", res8, []sla.Event{created(preMem)}, escalation.AtPercent(150), at(5, 27, 11, 0)},
		{"2h after due lands on closing", res8, []sla.Event{created(preMem)}, escalation.AfterDue(2 * h), at(5, 26, 17, 0)},
		{"before due by more than the target: the start", res8, []sla.Event{created(preMem)}, escalation.BeforeDue(10 * h), preMem},
		// A calendar-time target counts the weekend and the holiday.
		{"75% of 8 calendar hours", policy(d, sla.Target{Metric: sla.Resolution, Within: 8 * h, CalendarTime: true}),
			[]sla.Event{created(preMem)}, escalation.AtPercent(75), at(5, 22, 21, 0)},
		// Spring forward, desk open round the clock: 3 real hours after
		// Saturday 23:00 EST is 07:00 UTC, 03:00 EDT.
		{"75% across spring forward", policy(allweek, within(sla.Resolution, 4*h)),
			[]sla.Event{created(at(3, 7, 23, 0))}, escalation.AtPercent(75), time.Date(2026, 3, 8, 7, 0, 0, 0, time.UTC)},
		// Fall back: 2 and 3 hours after Saturday 23:00 EDT are both 01:00
		// on the clock, first EDT (05:00 UTC) then EST (06:00 UTC).
		{"50% in the first 01:00", policy(allweek, within(sla.Resolution, 4*h)),
			[]sla.Event{created(time.Date(2026, 10, 31, 23, 0, 0, 0, ny))}, escalation.AtPercent(50), time.Date(2026, 11, 1, 5, 0, 0, 0, time.UTC)},
		{"75% in the repeated 01:00", policy(allweek, within(sla.Resolution, 4*h)),
			[]sla.Event{created(time.Date(2026, 10, 31, 23, 0, 0, 0, ny))}, escalation.AtPercent(75), time.Date(2026, 11, 1, 6, 0, 0, 0, time.UTC)},
		// Open Sunday 00:00-06:00 on the spring-forward day: the open hours
		// are 00:00-02:00 EST and 03:00-06:00 EDT, 5 hours; 3 counted
		// hours are reached at 04:00 EDT.
		{"75% on a short DST morning", policy(sunday, within(sla.Resolution, 4*h)),
			[]sla.Event{created(at(3, 8, 0, 0))}, escalation.AtPercent(75), at(3, 8, 4, 0)},
		{"due on a short DST morning", policy(sunday, within(sla.Resolution, 4*h)),
			[]sla.Event{created(at(3, 8, 0, 0))}, escalation.AtPercent(100), at(3, 8, 5, 0)},
	}
	end := at(12, 31, 0, 0)
	for _, tc := range tests {
		l := ladder(t, sla.Resolution, lv("x", tc.when))
		c := clock(t, tc.p, tc.events, end, sla.Resolution)
		got := l.Crossings(c, time.Time{}, end)
		if len(got) != 1 || !got[0].At.Equal(tc.want) || got[0].Level.Name != "x" || got[0].Cycle != 1 {
			t.Errorf("%s: Crossings(%v) = %v want x at %v", tc.name, tc.when, got, tc.want)
		}
		// The scheduler's view from the start agrees (it cannot foresee a
		// pause).
		if len(tc.events) > 1 {
			continue
		}
		c0 := clock(t, tc.p, tc.events, tc.events[0].At, sla.Resolution)
		if lvl, x, ok := l.Next(c0, tc.events[0].At); !ok || lvl.Name != "x" || !x.Equal(tc.want) {
			// At the very start a level at the start is already crossed.
			if !tc.want.Equal(tc.events[0].At) {
				t.Errorf("%s: Next at start = %q, %v, %v want x at %v", tc.name, lvl.Name, x, ok, tc.want)
			}
		}
	}
	// The breach level is sla's breach.
	c := clock(t, res8, []sla.Event{created(preMem)}, end, sla.Resolution)
	if !c.BreachedAt.Equal(at(5, 26, 15, 0)) {
		t.Errorf("BreachedAt = %v want Tue 26 May 15:00", c.BreachedAt)
	}
}

// crossing is a crossing in a form that compares with ==.
type crossing struct {
	metric sla.Metric
	cycle  int
	name   string
	at     int64 // Unix nanoseconds
}

func (c crossing) String() string {
	return string(c.metric) + "#" + string(rune('0'+c.cycle)) + " " + c.name + " " + time.Unix(0, c.at).In(ny).Format("Mon Jan 2 15:04:05.000")
}

// run evaluates the timeline at each of ends in turn and collects what the
// ladders fire in consecutive windows, starting from the zero time. It
// checks on the way that Fired agrees with Crossings and Scan.
func run(tb testing.TB, p sla.Policy, events []sla.Event, ends []time.Time, ls ...*escalation.Ladder) []crossing {
	tb.Helper()
	var out []crossing
	since := time.Time{}
	for _, now := range ends {
		r, err := sla.Evaluate(p, events, now)
		if err != nil {
			tb.Fatal(err)
		}
		for _, l := range ls {
			scan := l.Scan(r, since, now)
			var viaFired []string
			for _, c := range r.Clocks {
				cs := l.Crossings(c, since, now)
				if got, want := names(l.Fired(c, since, now)), crossingNames(cs); !slices.Equal(got, want) {
					tb.Fatalf("at %v: Fired = %v, Crossings = %v", now, got, want)
				}
				viaFired = append(viaFired, names(l.Fired(c, since, now))...)
			}
			if got := crossingNames(scan); !slices.Equal(got, viaFired) {
				tb.Fatalf("at %v: Scan = %v, Fired per clock = %v", now, got, viaFired)
			}
			for _, x := range scan {
				if !x.At.After(since) || x.At.After(now) {
					tb.Fatalf("at %v: crossing %v outside (%v, %v]", now, x, since, now)
				}
				out = append(out, crossing{l.Metric, x.Cycle, x.Level.Name, x.At.UnixNano()})
			}
		}
		since = now
	}
	return out
}

func crossingNames(cs []escalation.Crossing) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Level.Name)
	}
	return out
}

// every returns the instants from a to b (inclusive) step apart.
func every(a, b time.Time, step time.Duration) []time.Time {
	var out []time.Time
	for t := a; !t.After(b); t = t.Add(step) {
		out = append(out, t)
	}
	return out
}

func TestFiredExactlyOnce(t *testing.T) {
	p := policy(desk(t), within(sla.Resolution, 8*time.Hour))
	events := []sla.Event{created(at(3, 2, 13, 0)), status(at(3, 2, 15, 0), "pending"), status(at(3, 2, 16, 0), "open")}
	l := ladder(t, sla.Resolution,
		lv("half", escalation.AtPercent(50)),
		lv("soon", escalation.BeforeDue(30*time.Minute)),
		lv("breach", escalation.AtPercent(100)),
		lv("late", escalation.AfterDue(time.Hour)),
		lv("very-late", escalation.AtPercent(150)),
	)
	// Counted: Mon 13-15, 16-17 (3h), then Tuesday from 09:00.
	want := []crossing{
		{sla.Resolution, 1, "half", at(3, 3, 10, 0).UnixNano()},
		{sla.Resolution, 1, "soon", at(3, 3, 13, 30).UnixNano()},
		{sla.Resolution, 1, "breach", at(3, 3, 14, 0).UnixNano()},
		{sla.Resolution, 1, "late", at(3, 3, 15, 0).UnixNano()},
		{sla.Resolution, 1, "very-late", at(3, 4, 10, 0).UnixNano()}, // Tue 14-17, Wed 09-10
	}
	start, end := at(3, 2, 13, 0), at(3, 5, 12, 0)
	cuts := map[string][]time.Time{
		"every minute":  every(start, end, time.Minute),
		"every hour":    every(start, end, time.Hour),
		"every 7m13s":   every(start, end, 7*time.Minute+13*time.Second),
		"one window":    {end},
		"away a day":    {at(3, 2, 14, 0), at(3, 4, 12, 0), end},
		"on each level": {at(3, 3, 10, 0), at(3, 3, 13, 30), at(3, 3, 14, 0), at(3, 3, 15, 0), at(3, 4, 10, 0), end},
		"1ns around levels": {at(3, 3, 10, 0).Add(-time.Nanosecond), at(3, 3, 10, 0), at(3, 3, 10, 0).Add(time.Nanosecond),
			at(3, 3, 14, 0).Add(-time.Nanosecond), at(3, 3, 14, 0), at(3, 3, 14, 0).Add(time.Nanosecond), end},
		"events and levels": {at(3, 2, 15, 0), at(3, 2, 16, 0), at(3, 3, 13, 30), at(3, 3, 13, 30), end}, // a repeated now fires nothing
	}
	for name, ends := range cuts {
		if got := run(t, p, events, ends, l); !slices.Equal(got, want) {
			t.Errorf("%s: fired %v want %v", name, got, want)
		}
	}
	// Asking again about a window already seen returns the same levels:
	// Fired is a pure function of its arguments.
	c := clock(t, p, events, end, sla.Resolution)
	for range 2 {
		if got := names(l.Fired(c, at(3, 3, 12, 0), at(3, 3, 14, 0))); !slices.Equal(got, []string{"soon", "breach"}) {
			t.Errorf("Fired(Tue 12:00, Tue 14:00] = %v want [soon breach]", got)
		}
	}
	// Windows that are empty or reversed fire nothing.
	if got := l.Fired(c, end, end); got != nil {
		t.Errorf("Fired(end, end] = %v want nil", names(got))
	}
	if got := l.Fired(c, end, start); got != nil {
		t.Errorf("Fired(end, start] = %v want nil", names(got))
	}
}

// The instants of past crossings do not move when the ticket is evaluated
// again later, whatever happened since.
func TestReevaluationKeepsInstants(t *testing.T) {
	p := policy(desk(t), within(sla.Resolution, 8*time.Hour))
	l := ladder(t, sla.Resolution, lv("half", escalation.AtPercent(50)), lv("breach", escalation.AtPercent(100)))
	events := []sla.Event{created(at(3, 2, 9, 0)), status(at(3, 2, 14, 0), "pending"),
		status(at(3, 3, 9, 30), "open"), kind(at(3, 3, 15, 0), sla.Solved)}
	var first time.Time
	for _, now := range every(at(3, 2, 13, 0), at(3, 6, 0, 0), 37*time.Minute) {
		c := clock(t, p, events, now, sla.Resolution)
		cs := l.Crossings(c, time.Time{}, now)
		if len(cs) == 0 || cs[0].Level.Name != "half" {
			t.Fatalf("at %v: crossings %v want half first", now, cs)
		}
		if first.IsZero() {
			first = cs[0].At
		}
		if !cs[0].At.Equal(first) || !first.Equal(at(3, 2, 13, 0)) {
			t.Errorf("at %v: half at %v want Mon 13:00 as before", now, cs[0].At)
		}
		if len(cs) > 1 && !cs[1].At.Equal(at(3, 3, 12, 30)) {
			t.Errorf("at %v: breach at %v want Tue 12:30", now, cs[1].At)
		}
	}
}

func TestPausedClock(t *testing.T) {
	p := policy(desk(t), within(sla.Resolution, 8*time.Hour))
	l := ladder(t, sla.Resolution, lv("half", escalation.AtPercent(50)), lv("breach", escalation.AtPercent(100)))
	// 3h counted by Mon 12:00, then pending until Wed 09:00.
	events := []sla.Event{created(at(3, 2, 9, 0)), status(at(3, 2, 12, 0), "pending"), status(at(3, 4, 9, 0), "open")}
	for _, now := range every(at(3, 2, 12, 0), at(3, 4, 8, 59), 30*time.Minute) {
		c := clock(t, p, events, now, sla.Resolution)
		if got := l.Fired(c, time.Time{}, now); got != nil {
			t.Errorf("paused at %v: Fired = %v want nil", now, names(got))
		}
		lvl, x, ok := l.Next(c, now)
		if ok || lvl.Name != "half" || !x.IsZero() || !c.Paused {
			t.Errorf("paused at %v: Next = %q, %v, %v (Paused %v) want half, zero, false, paused", now, lvl.Name, x, ok, c.Paused)
		}
	}
	resumed := at(3, 4, 9, 0)
	c := clock(t, p, events, resumed, sla.Resolution)
	if lvl, x, ok := l.Next(c, resumed); !ok || lvl.Name != "half" || !x.Equal(at(3, 4, 10, 0)) {
		t.Errorf("resumed: Next = %q, %v, %v want half at Wed 10:00", lvl.Name, x, ok)
	}
	got := run(t, p, events, every(at(3, 2, 9, 0), at(3, 5, 0, 0), 20*time.Minute), l)
	want := []crossing{{sla.Resolution, 1, "half", at(3, 4, 10, 0).UnixNano()}, {sla.Resolution, 1, "breach", at(3, 4, 14, 0).UnixNano()}}
	if !slices.Equal(got, want) {
		t.Errorf("fired %v want %v", got, want)
	}

	// A clock paused at the very instant it reaches a share has reached it.
	events = []sla.Event{created(at(3, 2, 9, 0)), status(at(3, 2, 13, 0), "pending")}
	got = run(t, p, events, []time.Time{at(3, 2, 12, 59), at(3, 2, 13, 0), at(3, 3, 0, 0)}, l)
	want = []crossing{{sla.Resolution, 1, "half", at(3, 2, 13, 0).UnixNano()}}
	if !slices.Equal(got, want) {
		t.Errorf("paused at 50%%: fired %v want %v", got, want)
	}
}

func TestStoppedClock(t *testing.T) {
	p := policy(desk(t), within(sla.Resolution, 8*time.Hour)) // due Mon 17:00 from Mon 09:00
	l := ladder(t, sla.Resolution,
		lv("half", escalation.AtPercent(50)),
		lv("75", escalation.AtPercent(75)),
		lv("soon", escalation.BeforeDue(30*time.Minute)),
		lv("breach", escalation.AtPercent(100)),
		lv("late", escalation.AfterDue(time.Hour)),
	)
	mon9 := at(3, 2, 9, 0)
	tests := []struct {
		name   string
		solved time.Time
		want   []string
	}{
		{"met before 75%", at(3, 2, 14, 0), []string{"half"}},
		{"stopped at 75% exactly", at(3, 2, 15, 0), []string{"half", "75"}},
		{"met at due exactly", at(3, 2, 17, 0), []string{"half", "75", "soon"}},
		// Solved after closing: counted nothing more, but was still running
		// at the due instant, so it breached then (as sla says).
		{"solved in the evening", at(3, 2, 18, 0), []string{"half", "75", "soon", "breach"}},
		{"solved after late", at(3, 3, 11, 0), []string{"half", "75", "soon", "breach", "late"}},
	}
	for _, tc := range tests {
		events := []sla.Event{created(mon9), kind(tc.solved, sla.Solved)}
		got := run(t, p, events, every(mon9, at(3, 6, 0, 0), 45*time.Minute), l)
		var gotNames []string
		for _, x := range got {
			gotNames = append(gotNames, x.name)
		}
		if !slices.Equal(gotNames, tc.want) {
			t.Errorf("%s: fired %v want %v", tc.name, got, tc.want)
		}
		c := clock(t, p, events, at(3, 6, 0, 0), sla.Resolution)
		if lvl, x, ok := l.Next(c, at(3, 6, 0, 0)); ok || lvl.Name != "" || !x.IsZero() {
			t.Errorf("%s: Next after the stop = %q, %v, %v want nothing", tc.name, lvl.Name, x, ok)
		}
	}
}

// A clock paused exactly at its due instant has not breached (sla's
// verdict); it breaches when it resumes, and the breach level fires then,
// once, however the windows fall around the resume.
func TestBreachAtResume(t *testing.T) {
	p := policy(desk(t), sla.Target{Metric: sla.Resolution, Within: 4 * time.Hour, CalendarTime: true})
	l := ladder(t, sla.Resolution, lv("breach", escalation.AtPercent(100)), lv("late", escalation.AfterDue(time.Hour)))
	events := []sla.Event{created(at(3, 2, 9, 0)), status(at(3, 2, 13, 0), "pending"), status(at(3, 2, 15, 0), "open")}
	want := []crossing{{sla.Resolution, 1, "breach", at(3, 2, 15, 0).UnixNano()}, {sla.Resolution, 1, "late", at(3, 2, 16, 0).UnixNano()}}
	for _, ends := range [][]time.Time{
		every(at(3, 2, 9, 0), at(3, 2, 18, 0), time.Hour), // one window ends exactly at the resume
		every(at(3, 2, 9, 0), at(3, 2, 18, 0), 25*time.Minute),
		{at(3, 2, 13, 0), at(3, 2, 18, 0)},
	} {
		if got := run(t, p, events, ends, l); !slices.Equal(got, want) {
			t.Errorf("windows ending %v: fired %v want %v", ends, got, want)
		}
	}
	c := clock(t, p, events, at(3, 2, 14, 0), sla.Resolution)
	if lvl, x, ok := l.Next(c, at(3, 2, 14, 0)); ok || lvl.Name != "breach" || !x.IsZero() {
		t.Errorf("paused at due: Next = %q, %v, %v want breach, zero, false", lvl.Name, x, ok)
	}
	c = clock(t, p, events, at(3, 2, 16, 0), sla.Resolution)
	if !c.BreachedAt.Equal(at(3, 2, 15, 0)) {
		t.Errorf("BreachedAt = %v want 15:00 (sla's own verdict)", c.BreachedAt)
	}
}

func TestCycles(t *testing.T) {
	calTime := func(m sla.Metric, d time.Duration) sla.Target {
		return sla.Target{Metric: m, Within: d, CalendarTime: true}
	}
	p := policy(desk(t), calTime(sla.FirstResponse, time.Hour), calTime(sla.NextResponse, time.Hour), calTime(sla.Resolution, 4*time.Hour))
	nr := ladder(t, sla.NextResponse, lv("half", escalation.AtPercent(50)), lv("breach", escalation.AtPercent(100)))
	events := []sla.Event{
		created(at(3, 2, 9, 0)), reply(at(3, 2, 9, 10)),
		kind(at(3, 2, 10, 0), sla.CustomerMessage), reply(at(3, 2, 10, 50)), // cycle 1: half at 10:30
		kind(at(3, 2, 11, 0), sla.CustomerMessage), reply(at(3, 2, 12, 30)), // cycle 2: half 11:30, breach 12:00
		kind(at(3, 2, 13, 0), sla.CustomerMessage), // cycle 3: half 13:30, breach 14:00
	}
	want := []crossing{
		{sla.NextResponse, 1, "half", at(3, 2, 10, 30).UnixNano()},
		{sla.NextResponse, 2, "half", at(3, 2, 11, 30).UnixNano()},
		{sla.NextResponse, 2, "breach", at(3, 2, 12, 0).UnixNano()},
		{sla.NextResponse, 3, "half", at(3, 2, 13, 30).UnixNano()},
		{sla.NextResponse, 3, "breach", at(3, 2, 14, 0).UnixNano()},
	}
	sortCrossings := func(cs []crossing) {
		slices.SortFunc(cs, func(a, b crossing) int { return int(a.at - b.at) })
	}
	for _, ends := range [][]time.Time{every(at(3, 2, 9, 0), at(3, 2, 15, 0), time.Minute), {at(3, 2, 15, 0)}, {at(3, 2, 10, 45), at(3, 2, 15, 0)}} {
		got := run(t, p, events, ends, nr)
		sortCrossings(got)
		if !slices.Equal(got, want) {
			t.Errorf("windows %d: fired %v want %v", len(ends), got, want)
		}
	}

	// Resolution restarted by a reopen fires again in its new cycle;
	// continued, it fires once, later.
	res := ladder(t, sla.Resolution, lv("half", escalation.AtPercent(50)), lv("breach", escalation.AtPercent(100)))
	events = []sla.Event{created(at(3, 2, 9, 0)), kind(at(3, 2, 10, 0), sla.Solved), kind(at(3, 2, 12, 0), sla.Reopened)}
	p.Reopen = sla.NewCycle
	want = []crossing{{sla.Resolution, 2, "half", at(3, 2, 14, 0).UnixNano()}, {sla.Resolution, 2, "breach", at(3, 2, 16, 0).UnixNano()}}
	if got := run(t, p, events, every(at(3, 2, 9, 0), at(3, 2, 18, 0), 10*time.Minute), res); !slices.Equal(got, want) {
		t.Errorf("new cycle: fired %v want %v", got, want)
	}
	p.Reopen = sla.ContinueResolution
	want = []crossing{{sla.Resolution, 1, "half", at(3, 2, 13, 0).UnixNano()}, {sla.Resolution, 1, "breach", at(3, 2, 15, 0).UnixNano()}}
	if got := run(t, p, events, every(at(3, 2, 9, 0), at(3, 2, 18, 0), 10*time.Minute), res); !slices.Equal(got, want) {
		t.Errorf("continued: fired %v want %v", got, want)
	}
}

// Levels whose order depends on the target resolve on each clock.
func TestMixedOrder(t *testing.T) {
	calTime := func(m sla.Metric, d time.Duration) sla.Target {
		return sla.Target{Metric: m, Within: d, CalendarTime: true}
	}
	p := policy(desk(t), calTime(sla.FirstResponse, 40*time.Minute), calTime(sla.Resolution, 8*time.Hour))
	levels := []escalation.Level{lv("half", escalation.AtPercent(50)), lv("soon", escalation.BeforeDue(30*time.Minute)), lv("breach", escalation.AtPercent(100))}
	events := []sla.Event{created(at(3, 2, 9, 0))}
	end := at(3, 2, 20, 0)
	got := run(t, p, events, every(at(3, 2, 9, 0), end, time.Minute),
		ladder(t, sla.FirstResponse, levels...), ladder(t, sla.Resolution, levels...))
	want := []crossing{
		{sla.FirstResponse, 1, "soon", at(3, 2, 9, 10).UnixNano()},
		{sla.FirstResponse, 1, "half", at(3, 2, 9, 20).UnixNano()},
		{sla.FirstResponse, 1, "breach", at(3, 2, 9, 40).UnixNano()},
		{sla.Resolution, 1, "half", at(3, 2, 13, 0).UnixNano()},
		{sla.Resolution, 1, "soon", at(3, 2, 16, 30).UnixNano()},
		{sla.Resolution, 1, "breach", at(3, 2, 17, 0).UnixNano()},
	}
	slices.SortStableFunc(got, func(a, b crossing) int { return len(b.metric) - len(a.metric) }) // first_response first
	if !slices.Equal(got, want) {
		t.Errorf("fired %v want %v", got, want)
	}
	// Ties (2h before due is 75% of 8h) come in ladder order.
	c := clock(t, p, events, end, sla.Resolution)
	for _, ls := range [][]escalation.Level{
		{lv("a", escalation.BeforeDue(2*time.Hour)), lv("b", escalation.AtPercent(75))},
		{lv("b", escalation.AtPercent(75)), lv("a", escalation.BeforeDue(2*time.Hour))},
	} {
		l := ladder(t, sla.Resolution, ls...)
		if got, want := names(l.Fired(c, time.Time{}, end)), names(ls); !slices.Equal(got, want) {
			t.Errorf("tie: Fired = %v want %v", got, want)
		}
	}
}

func TestNextDrivesAScheduler(t *testing.T) {
	p := policy(desk(t), within(sla.Resolution, 8*time.Hour))
	events := []sla.Event{created(at(3, 2, 13, 0)), status(at(3, 2, 15, 0), "pending"), status(at(3, 2, 16, 0), "open")}
	l := ladder(t, sla.Resolution,
		lv("half", escalation.AtPercent(50)),
		lv("soon", escalation.BeforeDue(30*time.Minute)),
		lv("breach", escalation.AtPercent(100)),
		lv("late", escalation.AfterDue(time.Hour)),
		lv("very-late", escalation.AtPercent(150)),
	)
	// The scheduler wakes at the next level or the next event, whichever
	// comes first; each level Next announced must fire at that instant.
	now, since := at(3, 2, 13, 0), time.Time{}
	var fired []string
	for range 50 {
		c := clock(t, p, events, now, sla.Resolution)
		got := l.Crossings(c, since, now)
		for _, x := range got {
			fired = append(fired, x.Level.Name+"@"+x.At.Format("Mon 15:04"))
		}
		since = now
		lvl, x, ok := l.Next(c, now)
		wake := time.Time{}
		for _, e := range events {
			if e.At.After(now) {
				wake = e.At
				break
			}
		}
		if ok {
			if !x.After(now) {
				t.Fatalf("Next(%v) = %s at %v, not after now", now, lvl.Name, x)
			}
			if wake.IsZero() || x.Before(wake) {
				wake = x
			}
		}
		if wake.IsZero() {
			break
		}
		now = wake
	}
	want := []string{"half@Tue 10:00", "soon@Tue 13:30", "breach@Tue 14:00", "late@Tue 15:00", "very-late@Wed 10:00"}
	if !slices.Equal(fired, want) {
		t.Errorf("scheduler fired %v want %v", fired, want)
	}
	c := clock(t, p, events, at(3, 5, 0, 0), sla.Resolution)
	if lvl, x, ok := l.Next(c, at(3, 5, 0, 0)); ok || lvl.Name != "" || !x.IsZero() {
		t.Errorf("exhausted: Next = %q, %v, %v want nothing", lvl.Name, x, ok)
	}
	// A clock evaluated after now still announces a level crossed in
	// between.
	c = clock(t, p, events, at(3, 3, 11, 0), sla.Resolution)
	if lvl, x, ok := l.Next(c, at(3, 3, 9, 0)); !ok || lvl.Name != "half" || !x.Equal(at(3, 3, 10, 0)) {
		t.Errorf("Next(clock at Tue 11:00, Tue 09:00) = %q, %v, %v want half at Tue 10:00", lvl.Name, x, ok)
	}
}

func TestOtherClocks(t *testing.T) {
	p := policy(desk(t), within(sla.FirstResponse, time.Hour), within(sla.Resolution, 8*time.Hour))
	l := ladder(t, sla.Resolution, lv("half", escalation.AtPercent(50)))
	end := at(3, 4, 0, 0)
	fr := clock(t, p, []sla.Event{created(at(3, 2, 9, 0))}, end, sla.FirstResponse)
	if got := l.Fired(fr, time.Time{}, end); got != nil {
		t.Errorf("Fired on a first_response clock = %v want nil", names(got))
	}
	if lvl, _, ok := l.Next(fr, end); ok || lvl.Name != "" {
		t.Errorf("Next on a first_response clock = %q, %v want nothing", lvl.Name, ok)
	}
	if got := l.Fired(sla.Clock{Metric: sla.Resolution}, time.Time{}, end); got != nil {
		t.Errorf("Fired on the zero clock = %v want nil", names(got))
	}
	var zero escalation.Ladder
	res := clock(t, p, []sla.Event{created(at(3, 2, 9, 0))}, end, sla.Resolution)
	if got := zero.Fired(res, time.Time{}, end); got != nil {
		t.Errorf("zero Ladder fired %v", names(got))
	}
	var nilLadder *escalation.Ladder
	if got := nilLadder.Crossings(res, time.Time{}, end); got != nil {
		t.Errorf("nil Ladder fired %v", got)
	}
	// A literal ladder works; its invalid level never fires.
	lit := &escalation.Ladder{Metric: sla.Resolution, Levels: []escalation.Level{
		{Name: "bad", When: escalation.AtPercent(-5)}, {Name: "ok", When: escalation.AtPercent(50)}}}
	if got := names(lit.Fired(res, time.Time{}, end)); !slices.Equal(got, []string{"ok"}) {
		t.Errorf("literal ladder fired %v want [ok]", got)
	}
}

// A level that resolves to no counted time (an offset before due at least
// as long as the target) is crossed when the clock first counts: for a
// ticket created in a pause status, at the resume, once, however the
// windows are cut.
func TestLevelAtZeroWaitsForTheResume(t *testing.T) {
	p := policy(calendar.AlwaysOpen(time.UTC), within(sla.Resolution, time.Hour))
	l := ladder(t, sla.Resolution, lv("early", escalation.BeforeDue(2*time.Hour)), lv("breach", escalation.AtPercent(100)))
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	open := created(t0)
	open.Status = "pending"
	events := []sla.Event{open, status(t0.Add(2*time.Hour), "open")}
	want := []crossing{
		{sla.Resolution, 1, "early", t0.Add(2 * time.Hour).UnixNano()},
		{sla.Resolution, 1, "breach", t0.Add(3 * time.Hour).UnixNano()},
	}
	for _, ends := range [][]time.Time{
		{t0.Add(30 * time.Minute), t0.Add(150 * time.Minute), t0.Add(4 * time.Hour)},
		{t0.Add(4 * time.Hour)},
		every(t0, t0.Add(4*time.Hour), time.Minute),
	} {
		if got := run(t, p, events, ends, l); !slices.Equal(got, want) {
			t.Errorf("windows ending %v...: fired %v want %v", ends[0].Format("15:04"), got, want)
		}
	}
	// While paused, Next waits on the pause with the zero level.
	c := clock(t, p, events, t0.Add(time.Hour), sla.Resolution)
	if lvl, x, ok := l.Next(c, t0.Add(time.Hour)); ok || lvl.Name != "early" || !x.IsZero() {
		t.Errorf("paused: Next = %q, %v, %v want early, zero, false", lvl.Name, x, ok)
	}
}

// On business time a level at zero counted time falls at the first open
// instant: a ticket created on Saturday escalates on Monday at the
// opening, as one created on Friday evening does, and a pause while the
// desk is closed moves nothing.
func TestLevelAtZeroOnBusinessTime(t *testing.T) {
	p := policy(desk(t), within(sla.Resolution, 8*time.Hour))
	l := ladder(t, sla.Resolution, lv("early", escalation.BeforeDue(8*time.Hour)), lv("half", escalation.AtPercent(50)))
	mon9 := at(3, 9, 9, 0).UnixNano()
	want := []crossing{{sla.Resolution, 1, "early", mon9}, {sla.Resolution, 1, "half", at(3, 9, 13, 0).UnixNano()}}
	pendingSat := created(at(3, 7, 10, 0))
	pendingSat.Status = "pending"
	for name, events := range map[string][]sla.Event{
		"created Friday evening":   {created(at(3, 6, 18, 0))},
		"created Saturday":         {created(at(3, 7, 10, 0))},
		"pending over the weekend": {pendingSat, status(at(3, 8, 20, 0), "open")},
	} {
		got := run(t, p, events, every(at(3, 6, 17, 0), at(3, 9, 18, 0), 10*time.Minute), l)
		if !slices.Equal(got, want) {
			t.Errorf("%s: fired %v want %v", name, got, want)
		}
	}
}

package escalation_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/escalation"
	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

// prioPolicy is a policy on cal with one Resolution target per priority,
// pausing on "pending".
func prioPolicy(cal *calendar.Calendar, targets map[priority.Priority]sla.Target) sla.Policy {
	p := sla.Policy{Name: "prio", Calendar: cal, Targets: map[priority.Priority][]sla.Target{}, PauseStatuses: []string{"pending"}}
	for pr, t := range targets {
		p.Targets[pr] = []sla.Target{t}
	}
	return p
}

func reprio(t time.Time, p priority.Priority) sla.Event {
	return sla.Event{At: t, Kind: sla.PriorityChanged, Priority: p}
}

// cutsAround returns ways to cut [start, end] into windows: every minute,
// every 7m13s, one window, windows ending on each event and each wanted
// instant and a nanosecond either side, and random gaps.
func cutsAround(start, end time.Time, events []sla.Event, want []crossing) map[string][]time.Time {
	var marks []time.Time
	for _, e := range events {
		marks = append(marks, e.At.Add(-time.Nanosecond), e.At, e.At.Add(time.Nanosecond))
	}
	for _, x := range want {
		at := time.Unix(0, x.at)
		marks = append(marks, at.Add(-time.Nanosecond), at, at.Add(time.Nanosecond))
	}
	marks = append(marks, end)
	slices.SortFunc(marks, func(a, b time.Time) int { return a.Compare(b) })
	marks = slices.CompactFunc(marks, func(a, b time.Time) bool { return a.Equal(b) })
	rng := rand.New(rand.NewPCG(7, uint64(start.Unix())))
	return map[string][]time.Time{
		"every minute": every(start, end, time.Minute),
		"every 7m13s":  every(start, end, 7*time.Minute+13*time.Second),
		"one window":   {end},
		"on the marks": marks,
		"random gaps":  randomEnds(rng, start, end, events),
	}
}

// The expected instants are worked out by hand on the desk (Mon-Fri
// 09:00-17:00 New York); Monday 2 March 2026 has no holiday nearby.
func TestPriorityChangeFiresOnce(t *testing.T) {
	const h = time.Hour
	biz := func(d time.Duration) sla.Target { return sla.Target{Metric: sla.Resolution, Within: d} }
	d := desk(t)
	levels := []escalation.Level{
		lv("half", escalation.AtPercent(50)),
		lv("75", escalation.AtPercent(75)),
		lv("breach", escalation.AtPercent(100)),
		lv("late", escalation.AfterDue(h)),
	}
	res := func(name string, at time.Time) crossing {
		return crossing{sla.Resolution, 1, name, at.UnixNano()}
	}
	mon := func(hour, min int) time.Time { return at(3, 2, hour, min) }
	tue := func(hour, min int) time.Time { return at(3, 3, hour, min) }
	tests := []struct {
		name    string
		targets map[priority.Priority]sla.Target
		events  []sla.Event
		want    []crossing
		// Next asked of the clock evaluated at nextAt, if not zero.
		nextAt   time.Time
		nextName string
		next     time.Time
		nextOK   bool
	}{
		{
			// P3 8h from Mon 09:00: half at 13:00. Raised at 14:00 to 2h,
			// whose 75% (10:30), breach (11:00, sla's BreachedAt) and +1h
			// (12:00) have all passed: they fire once, at the change, in
			// the order of their amounts. half keeps 13:00.
			name:    "raised after 50%: passed levels fire at the change",
			targets: map[priority.Priority]sla.Target{3: biz(8 * h), 1: biz(2 * h)},
			events:  []sla.Event{created(mon(9, 0)), reprio(mon(14, 0), 1)},
			want: []crossing{res("half", mon(13, 0)), res("75", mon(14, 0)), res("breach", mon(14, 0)),
				res("late", mon(14, 0))},
			nextAt: mon(14, 0),
		},
		{
			// Raised at 13:30 to 5h: 75% (3h45m, 12:45) has passed, the
			// breach (14:00) and +1h (15:00) have not.
			name:    "raised after 50%: later levels follow the new target",
			targets: map[priority.Priority]sla.Target{3: biz(8 * h), 2: biz(5 * h)},
			events:  []sla.Event{created(mon(9, 0)), reprio(mon(13, 30), 2)},
			want: []crossing{res("half", mon(13, 0)), res("75", mon(13, 30)), res("breach", mon(14, 0)),
				res("late", mon(15, 0))},
			nextAt: mon(13, 30), nextName: "breach", next: mon(14, 0), nextOK: true,
		},
		{
			// P1 2h from Mon 09:00: half 10:00, 75% 10:30. Lowered at 10:45
			// to 8h: half (13:00) and 75% (15:00) are not fired again; the
			// breach moves to 17:00 and +1h to Tuesday 10:00.
			name:    "lowered after 75%: nothing fires twice",
			targets: map[priority.Priority]sla.Target{1: biz(2 * h), 3: biz(8 * h)},
			events:  []sla.Event{{At: mon(9, 0), Kind: sla.Created, Priority: 1}, reprio(mon(10, 45), 3)},
			want: []crossing{res("half", mon(10, 0)), res("75", mon(10, 30)), res("breach", mon(17, 0)),
				res("late", tue(10, 0))},
			nextAt: mon(13, 0), nextName: "breach", next: mon(17, 0), nextOK: true,
		},
		{
			// 3h counted by 12:00, then pending. Raised at 13:00 to 5h while
			// paused: its half (2h30m, 11:30) has passed and fires at the
			// change; 75% (3h45m) comes 45 minutes after the 15:00 resume,
			// the breach at 17:00 and +1h on Tuesday at 10:00.
			name:    "raised while paused",
			targets: map[priority.Priority]sla.Target{3: biz(8 * h), 2: biz(5 * h)},
			events: []sla.Event{created(mon(9, 0)), status(mon(12, 0), "pending"), reprio(mon(13, 0), 2),
				status(mon(15, 0), "open")},
			want: []crossing{res("half", mon(13, 0)), res("75", mon(15, 45)), res("breach", mon(17, 0)),
				res("late", tue(10, 0))},
			nextAt: mon(14, 0), nextName: "75", // waiting for the resume
		},
		{
			// P3 8h from Mon 15:00 (due Tuesday 15:00). Raised at Monday
			// 20:00, desk closed, to 2h: used up at Monday 17:00, so sla
			// says breached at 17:00; half (16:00) and 75% (16:30) passed
			// too. They fire at the change; +1h (3h) is Tuesday 10:00.
			name:    "raised after closing: breached retroactively",
			targets: map[priority.Priority]sla.Target{3: biz(8 * h), 1: biz(2 * h)},
			events:  []sla.Event{created(mon(15, 0)), reprio(mon(20, 0), 1)},
			want: []crossing{res("half", mon(20, 0)), res("75", mon(20, 0)), res("breach", mon(20, 0)),
				res("late", tue(10, 0))},
			nextAt: mon(20, 0), nextName: "late", next: tue(10, 0), nextOK: true,
		},
		{
			// Raised to 2h at 10:00, lowered back to 8h at 10:20 (half of 2h
			// fired at 10:00, the change instant), raised again at 14:00:
			// 75% and the breach of 2h passed long ago and fire at 14:00;
			// half never fires again.
			name:    "up, down, up",
			targets: map[priority.Priority]sla.Target{3: biz(8 * h), 1: biz(2 * h)},
			events: []sla.Event{created(mon(9, 0)), reprio(mon(10, 0), 1), reprio(mon(10, 20), 3),
				reprio(mon(14, 0), 1)},
			want: []crossing{res("half", mon(10, 0)), res("75", mon(14, 0)), res("breach", mon(14, 0)),
				res("late", mon(14, 0))},
		},
		{
			// Two changes at one instant: the middle target never applies.
			// From 8h to 2h to 8h at 10:30: half of 2h (10:00) would have
			// passed, but only 8h applies after 10:30.
			name:    "two changes at one instant",
			targets: map[priority.Priority]sla.Target{3: biz(8 * h), 1: biz(2 * h)},
			events:  []sla.Event{created(mon(9, 0)), reprio(mon(10, 30), 1), reprio(mon(10, 30), 3)},
			want: []crossing{res("half", mon(13, 0)), res("75", mon(15, 0)), res("breach", mon(17, 0)),
				res("late", tue(10, 0))},
		},
		{
			// Business to calendar time: 8 business hours from Monday 16:00
			// (1h by Monday's close). At Tuesday 09:30, raised to 4
			// calendar hours from 16:00: everything up to +1h (21:00)
			// passed on Monday evening and fires at the change.
			name: "business to calendar time",
			targets: map[priority.Priority]sla.Target{3: biz(8 * h),
				1: {Metric: sla.Resolution, Within: 4 * h, CalendarTime: true}},
			events: []sla.Event{created(mon(16, 0)), reprio(tue(9, 30), 1)},
			want: []crossing{res("half", tue(9, 30)), res("75", tue(9, 30)), res("breach", tue(9, 30)),
				res("late", tue(9, 30))},
		},
		{
			// Calendar to business time: 4 calendar hours from Monday
			// 16:00, half at 18:00. Lowered at 19:00 to 8 business hours
			// (1h counted so far): 75% is Tuesday 14:00, the breach
			// Tuesday 16:00, +1h Tuesday 17:00.
			name: "calendar to business time",
			targets: map[priority.Priority]sla.Target{3: biz(8 * h),
				1: {Metric: sla.Resolution, Within: 4 * h, CalendarTime: true}},
			events: []sla.Event{{At: mon(16, 0), Kind: sla.Created, Priority: 1}, reprio(mon(19, 0), 3)},
			want: []crossing{res("half", mon(18, 0)), res("75", tue(14, 0)), res("breach", tue(16, 0)),
				res("late", tue(17, 0))},
			nextAt: tue(9, 0), nextName: "75", next: tue(14, 0), nextOK: true,
		},
	}
	end := at(3, 5, 0, 0)
	for _, tc := range tests {
		p := prioPolicy(d, tc.targets)
		l := ladder(t, sla.Resolution, levels...)
		for cut, ends := range cutsAround(tc.events[0].At, end, tc.events, tc.want) {
			if got := run(t, p, tc.events, ends, l); !slices.Equal(got, tc.want) {
				t.Errorf("%s, %s: fired %v\nwant %v", tc.name, cut, got, tc.want)
			}
		}
		if tc.nextAt.IsZero() {
			continue
		}
		c := clock(t, p, tc.events, tc.nextAt, sla.Resolution)
		lvl, x, ok := l.Next(c, tc.nextAt)
		if lvl.Name != tc.nextName || !x.Equal(tc.next) || ok != tc.nextOK {
			t.Errorf("%s: Next at %v = %q, %v, %v want %q, %v, %v", tc.name, tc.nextAt, lvl.Name, x, ok, tc.nextName, tc.next, tc.nextOK)
		}
	}
}

// A change to a priority that has no target for the metric leaves the
// clock without one (sla reports it, counting on): levels crossed under
// the earlier target are reported once, however the windows are cut, and
// nothing more fires until a later change gives the clock a target.
func TestTargetTakenAway(t *testing.T) {
	utc := calendar.AlwaysOpen(time.UTC)
	p := sla.Policy{Name: "p", Calendar: utc, Targets: map[priority.Priority][]sla.Target{
		1: {{Metric: sla.PeriodicUpdate, Within: 2 * time.Hour, CalendarTime: true}},
		2: {{Metric: sla.PeriodicUpdate, Within: 4 * time.Hour, CalendarTime: true}},
		3: {}}}
	l := ladder(t, sla.PeriodicUpdate, lv("half", escalation.AtPercent(50)), lv("breach", escalation.AtPercent(100)))
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	base := []sla.Event{{At: t0, Kind: sla.Created, Priority: 1}, reply(t0), reprio(t0.Add(90*time.Minute), 3)}
	tests := []struct {
		name   string
		events []sla.Event
		end    time.Time
		want   []crossing
	}{
		{"taken away after 50%", base, t0.Add(6 * time.Hour),
			[]crossing{{sla.PeriodicUpdate, 1, "half", t0.Add(time.Hour).UnixNano()}}},
		// Back to P2 at 12:00: 4h from the start, half at 11:00 was
		// already crossed (under P1, at 10:00), breach at 13:00.
		{"given back", append(slices.Clone(base), reprio(t0.Add(3*time.Hour), 2)), t0.Add(6 * time.Hour),
			[]crossing{{sla.PeriodicUpdate, 1, "half", t0.Add(time.Hour).UnixNano()},
				{sla.PeriodicUpdate, 1, "breach", t0.Add(4 * time.Hour).UnixNano()}}},
	}
	for _, tc := range tests {
		for cut, ends := range cutsAround(t0, tc.end, tc.events, tc.want) {
			if got := run(t, p, tc.events, ends, l); !slices.Equal(got, tc.want) {
				t.Errorf("%s, %s: fired %v want %v", tc.name, cut, got, tc.want)
			}
		}
	}
	// Without a target, Next has nothing to announce.
	now := t0.Add(2 * time.Hour)
	c := clock(t, p, base, now, sla.PeriodicUpdate)
	if c.HasTarget() {
		t.Fatalf("clock at P3 has target %v", c.Applied)
	}
	if lvl, x, ok := l.Next(c, now); ok || lvl.Name != "" || !x.IsZero() {
		t.Errorf("Next without a target = %q, %v, %v want nothing", lvl.Name, x, ok)
	}
}

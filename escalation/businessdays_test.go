package escalation_test

import (
	"slices"
	"testing"
	"time"

	"github.com/slakit/slakit/escalation"
	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

// Levels on BusinessDays targets, worked out by hand on the desk (Mon-Fri
// 09:00-17:00 New York). sla turns n business days from t into the open
// time from t to calendar.AddDays(t, n) and is due at the next opening
// after that time is used up, so a share counts open hours and the breach
// comes at the due opening.
func TestBusinessDays(t *testing.T) {
	days := func(n int) sla.Target { return sla.Target{Metric: sla.Resolution, BusinessDays: n} }
	p := prioPolicy(desk(t), map[priority.Priority]sla.Target{3: days(3), 1: days(1)})
	l := ladder(t, sla.Resolution,
		lv("half", escalation.AtPercent(50)),
		lv("soon", escalation.BeforeDue(30*time.Minute)),
		lv("breach", escalation.AtPercent(100)),
		lv("late", escalation.AfterDue(time.Hour)),
	)
	res := func(name string, at time.Time) crossing { return crossing{sla.Resolution, 1, name, at.UnixNano()} }
	p1 := func(t time.Time) sla.Event { return sla.Event{At: t, Kind: sla.Created, Priority: 1} }
	tests := []struct {
		name   string
		events []sla.Event
		want   []crossing
	}{
		{
			// 3 business days from Monday 11:00 is Thursday 11:00: 24 open
			// hours. Half (12h): Monday 11-17, Tuesday 09-15. 30 minutes
			// before due: Thursday 10:30.
			name:   "3 days from Monday 11:00",
			events: []sla.Event{created(at(3, 2, 11, 0))},
			want: []crossing{res("half", at(3, 3, 15, 0)), res("soon", at(3, 5, 10, 30)), res("breach", at(3, 5, 11, 0)),
				res("late", at(3, 5, 12, 0))},
		},
		{
			// 1 business day from Saturday 10:00 counts from Monday 09:00 to
			// Tuesday 09:00: 8 open hours, used up at Monday 17:00, due (and
			// breached) at Tuesday's opening, not at Monday's close.
			name:   "1 day from Saturday",
			events: []sla.Event{p1(at(3, 7, 10, 0))},
			want: []crossing{res("half", at(3, 9, 13, 0)), res("soon", at(3, 9, 16, 30)), res("breach", at(3, 10, 9, 0)),
				res("late", at(3, 10, 10, 0))},
		},
		{
			// Raised at Tuesday 10:00 (7h counted) from 3 days to 1 (to
			// Tuesday 11:00, 8h): half (4h) passed on Monday and fires at
			// the change; 30 minutes before due is 10:30, the breach 11:00.
			name:   "raised from 3 days to 1",
			events: []sla.Event{created(at(3, 2, 11, 0)), reprio(at(3, 3, 10, 0), 1)},
			want: []crossing{res("half", at(3, 3, 10, 0)), res("soon", at(3, 3, 10, 30)), res("breach", at(3, 3, 11, 0)),
				res("late", at(3, 3, 12, 0))},
		},
		{
			// Lowered at Tuesday 10:45 from 1 day to 3: half (Monday 15:00)
			// and soon (Tuesday 10:30) do not fire again; the breach moves
			// to Thursday 11:00.
			name:   "lowered from 1 day to 3",
			events: []sla.Event{p1(at(3, 2, 11, 0)), reprio(at(3, 3, 10, 45), 3)},
			want: []crossing{res("half", at(3, 2, 15, 0)), res("soon", at(3, 3, 10, 30)), res("breach", at(3, 5, 11, 0)),
				res("late", at(3, 5, 12, 0))},
		},
	}
	end := at(3, 10, 12, 0)
	for _, tc := range tests {
		for cut, ends := range cutsAround(tc.events[0].At, end, tc.events, tc.want) {
			if got := run(t, p, tc.events, ends, l); !slices.Equal(got, tc.want) {
				t.Errorf("%s, %s: fired %v\nwant %v", tc.name, cut, got, tc.want)
			}
		}
	}
	// Used up at Monday 17:00 but not breached before Tuesday's opening:
	// the scheduler is told to wait for it.
	c := clock(t, p, []sla.Event{p1(at(3, 7, 10, 0))}, at(3, 9, 18, 0), sla.Resolution)
	if lvl, x, ok := l.Next(c, at(3, 9, 18, 0)); !ok || lvl.Name != "breach" || !x.Equal(at(3, 10, 9, 0)) {
		t.Errorf("Next(Monday 18:00) = %q, %v, %v want breach at Tuesday 09:00", lvl.Name, x, ok)
	}
}

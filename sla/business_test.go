package sla_test

import (
	"testing"
	"time"
	_ "time/tzdata" // the scenarios load America/New_York

	"github.com/rickar/cal/v2/us"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

var newYork = mustLoad("America/New_York")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// ny is a wall-clock instant in New York.
func ny(month time.Month, day, h, m int) time.Time {
	return time.Date(2026, month, day, h, m, 0, 0, newYork)
}

// deskCalendar is a New York desk open Mon-Fri 09:00-17:00, closed on US
// federal holidays.
func deskCalendar() *calendar.Calendar {
	week, err := calendar.ParseWeek("Mon-Fri 09:00-17:00")
	if err != nil {
		panic(err)
	}
	c, err := calendar.New(newYork, week, calendar.WithHolidays(us.Holidays...))
	if err != nil {
		panic(err)
	}
	return c
}

var desk = deskCalendar()

// deskPolicy: P2 answers within 2 business hours (first response) or 4
// calendar hours (next response) and resolves within 8 business hours; P3
// resolves within 3 business days.
func deskPolicy() sla.Policy {
	return sla.Policy{
		Name:     "desk",
		Calendar: desk,
		Targets: map[priority.Priority][]sla.Target{
			1: {{Metric: sla.FirstResponse, Within: time.Hour}, {Metric: sla.Resolution, Within: 4 * time.Hour}},
			2: {{Metric: sla.FirstResponse, Within: 2 * time.Hour},
				{Metric: sla.NextResponse, Within: 4 * time.Hour, CalendarTime: true},
				{Metric: sla.Resolution, Within: 8 * time.Hour}},
			3: {{Metric: sla.FirstResponse, Within: 8 * time.Hour}, {Metric: sla.Resolution, BusinessDays: 3}},
		},
		PauseStatuses: []string{"pending", "on-hold"},
	}
}

func nyCreated(t time.Time, p priority.Priority) sla.Event { return created(t, p) }

func TestEvaluateBusinessHours(t *testing.T) {
	h := time.Hour
	// 2026: Monday 2 March; DST starts Sunday 8 March; Christmas is Friday
	// 25 December.
	runScenarios(t, []scenario{
		{
			name:   "created outside hours: counting starts at the next opening",
			policy: deskPolicy,
			events: []sla.Event{nyCreated(ny(3, 2, 20, 0), 2), reply(ny(3, 3, 10, 30))},
			now:    ny(3, 3, 12, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: 2 * h, started: ny(3, 2, 20, 0),
					due: ny(3, 3, 11, 0), stopped: ny(3, 3, 10, 30), elapsed: 90 * time.Minute, remaining: 30 * time.Minute},
				{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 8 * h, started: ny(3, 2, 20, 0),
					due: ny(3, 3, 17, 0), elapsed: 3 * h, remaining: 5 * h},
			},
		},
		{
			name:   "created on Christmas Eve: the holiday and the weekend do not count",
			policy: deskPolicy,
			events: []sla.Event{nyCreated(ny(12, 24, 15, 0), 2)},
			now:    ny(12, 28, 10, 0),
			want: []want{
				// Thu 15:00-17:00 is 2h: due at Thursday's close, breached then.
				{metric: sla.FirstResponse, cycle: 1, state: sla.Breached, target: 2 * h, started: ny(12, 24, 15, 0),
					due: ny(12, 24, 17, 0), elapsed: 3 * h, remaining: -h, breachedAt: ny(12, 24, 17, 0)},
				// 2h on Thursday, then Monday 28 from 09:00: 6h more at 15:00.
				{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 8 * h, started: ny(12, 24, 15, 0),
					due: ny(12, 28, 15, 0), elapsed: 3 * h, remaining: 5 * h},
			},
		},
		{
			name:   "paused across a weekend (and the DST change)",
			policy: deskPolicy,
			events: []sla.Event{
				nyCreated(ny(3, 6, 10, 0), 2), reply(ny(3, 6, 10, 30)),
				status(ny(3, 6, 16, 0), "pending"), // 6h counted
				status(ny(3, 9, 11, 0), "open"),    // Monday, now EDT
			},
			now: ny(3, 9, 12, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: 2 * h, started: ny(3, 6, 10, 0),
					due: ny(3, 6, 12, 0), stopped: ny(3, 6, 10, 30), elapsed: 30 * time.Minute, remaining: 90 * time.Minute},
				// 6h + 1h; the 1h left from 12:00 Monday ends at 13:00.
				{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 8 * h, started: ny(3, 6, 10, 0),
					due: ny(3, 9, 13, 0), elapsed: 7 * h, remaining: h},
			},
		},
		{
			name:   "a pause that starts and ends outside business hours changes nothing",
			policy: deskPolicy,
			events: []sla.Event{
				nyCreated(ny(3, 6, 10, 0), 2), reply(ny(3, 6, 10, 30)),
				status(ny(3, 7, 10, 0), "pending"), status(ny(3, 8, 10, 0), "open"),
			},
			now: ny(3, 9, 10, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: 2 * h, started: ny(3, 6, 10, 0),
					due: ny(3, 6, 12, 0), stopped: ny(3, 6, 10, 30), elapsed: 30 * time.Minute, remaining: 90 * time.Minute},
				// Friday 10:00-17:00 (7h) and Monday 09:00-10:00: due at 10:00.
				{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 8 * h, started: ny(3, 6, 10, 0),
					due: ny(3, 9, 10, 0), elapsed: 8 * h},
			},
		},
		{
			name:   "business-time and calendar-time targets side by side",
			policy: deskPolicy,
			events: []sla.Event{
				nyCreated(ny(3, 6, 9, 0), 2), reply(ny(3, 6, 9, 30)),
				ev(ny(3, 6, 15, 0), sla.CustomerMessage), // next response: 4 calendar hours
			},
			now: ny(3, 6, 20, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: 2 * h, started: ny(3, 6, 9, 0),
					due: ny(3, 6, 11, 0), stopped: ny(3, 6, 9, 30), elapsed: 30 * time.Minute, remaining: 90 * time.Minute},
				{metric: sla.NextResponse, cycle: 1, state: sla.Breached, target: 4 * h, started: ny(3, 6, 15, 0),
					due: ny(3, 6, 19, 0), elapsed: 5 * h, remaining: -h, breachedAt: ny(3, 6, 19, 0)},
				// Business time: 8h used up at Friday's close.
				{metric: sla.Resolution, cycle: 1, state: sla.Breached, target: 8 * h, started: ny(3, 6, 9, 0),
					due: ny(3, 6, 17, 0), elapsed: 8 * h, remaining: 0, breachedAt: ny(3, 6, 17, 0)},
			},
		},
		{
			name:   "within target: a reply after the close but before the next opening is late",
			policy: deskPolicy,
			events: []sla.Event{nyCreated(ny(3, 6, 16, 0), 1), reply(ny(3, 7, 10, 0))},
			now:    ny(3, 7, 11, 0),
			want: []want{
				// 1 business hour from Friday 16:00 is Friday 17:00; still
				// running after that, so breached then, with nothing more
				// counted over the weekend.
				{metric: sla.FirstResponse, cycle: 1, state: sla.Breached, target: h, started: ny(3, 6, 16, 0),
					due: ny(3, 6, 17, 0), stopped: ny(3, 7, 10, 0), elapsed: h, remaining: 0, breachedAt: ny(3, 6, 17, 0)},
				{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 4 * h, started: ny(3, 6, 16, 0),
					due: ny(3, 9, 12, 0), elapsed: h, remaining: 3 * h},
			},
		},
		{
			name:   "business days: due at AddDays when nothing pauses",
			policy: deskPolicy,
			events: []sla.Event{nyCreated(ny(3, 3, 10, 0), 3), reply(ny(3, 3, 11, 0))},
			now:    ny(3, 4, 10, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: 8 * h, started: ny(3, 3, 10, 0),
					due: ny(3, 4, 10, 0), stopped: ny(3, 3, 11, 0), elapsed: h, remaining: 7 * h},
				// Tuesday 10:00 + 3 business days = Friday 10:00: 24 open hours.
				{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 24 * h, started: ny(3, 3, 10, 0),
					due: ny(3, 6, 10, 0), elapsed: 8 * h, remaining: 16 * h},
			},
		},
		{
			name:   "business days from outside hours: due at the opening, a solve before it is met",
			policy: deskPolicy,
			events: []sla.Event{nyCreated(ny(3, 2, 20, 0), 3), ev(ny(3, 5, 18, 0), sla.Solved)},
			now:    ny(3, 6, 12, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Breached, target: 8 * h, started: ny(3, 2, 20, 0),
					due: ny(3, 3, 17, 0), stopped: ny(3, 5, 18, 0), elapsed: 24 * h, remaining: -16 * h, breachedAt: ny(3, 3, 17, 0)},
				// NextOpen is Tuesday 09:00; 3 business days later is Friday
				// 09:00 (AddDays), 24 open hours. Solved Thursday 18:00 after
				// all 24 hours were counted, but before Friday's opening: met.
				{metric: sla.Resolution, cycle: 1, state: sla.Met, target: 24 * h, started: ny(3, 2, 20, 0),
					due: ny(3, 6, 9, 0), stopped: ny(3, 5, 18, 0), elapsed: 24 * h, remaining: 0},
			},
		},
		{
			name:   "business days: solved after the opening is breached at the opening",
			policy: deskPolicy,
			events: []sla.Event{nyCreated(ny(3, 2, 20, 0), 3), reply(ny(3, 3, 9, 0)), ev(ny(3, 6, 9, 30), sla.Solved)},
			now:    ny(3, 6, 12, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Met, target: 8 * h, started: ny(3, 2, 20, 0),
					due: ny(3, 3, 17, 0), stopped: ny(3, 3, 9, 0), elapsed: 0, remaining: 8 * h},
				{metric: sla.Resolution, cycle: 1, state: sla.Breached, target: 24 * h, started: ny(3, 2, 20, 0),
					due: ny(3, 6, 9, 0), stopped: ny(3, 6, 9, 30), elapsed: 24*h + 30*time.Minute, remaining: -30 * time.Minute,
					breachedAt: ny(3, 6, 9, 0)},
			},
		},
		{
			name:   "business days across the DST change keep the wall-clock time",
			policy: deskPolicy,
			events: []sla.Event{nyCreated(ny(3, 5, 10, 0), 3)},
			now:    ny(3, 5, 11, 0),
			want: []want{
				{metric: sla.FirstResponse, cycle: 1, state: sla.Running, target: 8 * h, started: ny(3, 5, 10, 0),
					due: ny(3, 6, 10, 0), elapsed: h, remaining: 7 * h},
				// Thursday 10:00 EST + 3 business days = Tuesday 10 March 10:00 EDT.
				{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 24 * h, started: ny(3, 5, 10, 0),
					due: ny(3, 10, 10, 0), elapsed: h, remaining: 23 * h},
			},
		},
	})
}

// TestDSTInsideTarget: a night desk open 01:00-04:00 every day in New York
// loses an hour on 8 March 2026, when 02:00 EST jumps to 03:00 EDT inside
// its open hours; a calendar-time target simply counts real hours.
func TestDSTInsideTarget(t *testing.T) {
	h := time.Hour
	week, err := calendar.ParseWeek("Mon-Sun 01:00-04:00")
	if err != nil {
		t.Fatal(err)
	}
	night, err := calendar.New(newYork, week)
	if err != nil {
		t.Fatal(err)
	}
	policy := func() sla.Policy {
		return sla.Policy{Name: "night", Calendar: night, Targets: map[priority.Priority][]sla.Target{
			1: {{Metric: sla.FirstResponse, Within: 24 * h, CalendarTime: true}, {Metric: sla.Resolution, Within: 5 * h}},
		}}
	}
	runScenarios(t, []scenario{{
		name:   "DST inside a target",
		policy: policy,
		events: []sla.Event{nyCreated(ny(3, 7, 12, 0), 1)},
		now:    ny(3, 8, 15, 0),
		want: []want{
			// 24 real hours from Saturday 12:00 EST (17:00 UTC) is Sunday
			// 17:00 UTC = 13:00 EDT; at 15:00 EDT 26 real hours have passed.
			{metric: sla.FirstResponse, cycle: 1, state: sla.Breached, target: 24 * h, started: ny(3, 7, 12, 0),
				due: ny(3, 8, 13, 0), elapsed: 26 * h, remaining: -2 * h, breachedAt: ny(3, 8, 13, 0)},
			// Sunday 01:00-04:00 on the wall clock is 2 real hours; the
			// 3h left fill Monday 01:00-04:00.
			{metric: sla.Resolution, cycle: 1, state: sla.Running, target: 5 * h, started: ny(3, 7, 12, 0),
				due: ny(3, 9, 4, 0), elapsed: 2 * h, remaining: 3 * h},
		},
	}})
}

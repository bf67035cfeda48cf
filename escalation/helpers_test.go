package escalation_test

import (
	"testing"
	"time"

	"github.com/rickar/cal/v2/us"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/escalation"
	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

// ny is the desk's zone. In 2026 clocks spring forward on Sunday 8 March
// and fall back on Sunday 1 November (US rules, 2nd Sunday of March and 1st
// Sunday of November), and Memorial Day is Monday 25 May.
var ny = func() *time.Location {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	return loc
}()

// at is an instant in New York.
func at(month time.Month, day, hour, min int) time.Time {
	return time.Date(2026, month, day, hour, min, 0, 0, ny)
}

// desk is a Mon-Fri 09:00-17:00 New York desk closed on US federal
// holidays.
func desk(tb testing.TB) *calendar.Calendar {
	tb.Helper()
	w, err := calendar.ParseWeek("Mon-Fri 09:00-17:00")
	if err != nil {
		tb.Fatal(err)
	}
	c, err := calendar.New(ny, w, calendar.WithHolidays(us.Holidays...))
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// policy is a policy on cal whose priority 3 has the given targets and
// which pauses on "pending".
func policy(cal *calendar.Calendar, targets ...sla.Target) sla.Policy {
	return sla.Policy{
		Name:          "test",
		Calendar:      cal,
		Targets:       map[priority.Priority][]sla.Target{3: targets},
		PauseStatuses: []string{"pending"},
	}
}

func within(m sla.Metric, d time.Duration) sla.Target { return sla.Target{Metric: m, Within: d} }

func created(t time.Time) sla.Event { return sla.Event{At: t, Kind: sla.Created, Priority: 3} }
func status(t time.Time, s string) sla.Event {
	return sla.Event{At: t, Kind: sla.StatusChanged, Status: s}
}
func kind(t time.Time, k sla.EventKind) sla.Event { return sla.Event{At: t, Kind: k} }
func reply(t time.Time) sla.Event                 { return sla.Event{At: t, Kind: sla.AgentReply, Public: true} }

// clock evaluates events at now and returns the last cycle of metric m.
func clock(tb testing.TB, p sla.Policy, events []sla.Event, now time.Time, m sla.Metric) sla.Clock {
	tb.Helper()
	r, err := sla.Evaluate(p, events, now)
	if err != nil {
		tb.Fatal(err)
	}
	c, ok := r.Clock(m)
	if !ok {
		tb.Fatalf("no %s clock at %v", m, now)
	}
	return c
}

// ladder builds a ladder or fails the test.
func ladder(tb testing.TB, m sla.Metric, levels ...escalation.Level) *escalation.Ladder {
	tb.Helper()
	l, err := escalation.NewLadder(m, levels...)
	if err != nil {
		tb.Fatal(err)
	}
	return l
}

// lv is a level with one notify action.
func lv(name string, t escalation.Trigger) escalation.Level {
	return escalation.Level{Name: name, When: t, Actions: []escalation.Action{escalation.Notify("lead")}}
}

// names lists the names of levels.
func names(ls []escalation.Level) []string {
	out := []string{}
	for _, l := range ls {
		out = append(out, l.Name)
	}
	return out
}

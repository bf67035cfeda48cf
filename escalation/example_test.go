package escalation_test

import (
	"fmt"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/escalation"
	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

// examplePolicy is a Mon-Fri 09:00-17:00 New York desk with an 8-hour
// resolution target that pauses while the ticket is pending.
func examplePolicy() sla.Policy {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	week, err := calendar.ParseWeek("Mon-Fri 09:00-17:00")
	if err != nil {
		panic(err)
	}
	cal, err := calendar.New(loc, week)
	if err != nil {
		panic(err)
	}
	return sla.Policy{
		Name:          "standard",
		Calendar:      cal,
		Targets:       map[priority.Priority][]sla.Target{3: {{Metric: sla.Resolution, Within: 8 * time.Hour}}},
		PauseStatuses: []string{"pending"},
	}
}

// A helpdesk evaluates a ticket every so often and delivers what fired
// since it last looked. Each level fires once, however far apart the
// evaluations are.
func ExampleLadder_Fired() {
	p := examplePolicy()
	loc := p.Calendar.Location()
	ladder, err := escalation.NewLadder(sla.Resolution,
		escalation.Level{Name: "warn", When: escalation.AtPercent(75),
			Actions: []escalation.Action{escalation.Notify("team-lead")}},
		escalation.Level{Name: "due-soon", When: escalation.BeforeDue(30 * time.Minute),
			Actions: []escalation.Action{escalation.Reassign("tier-2", "")}},
		escalation.Level{Name: "breached", When: escalation.AtPercent(100),
			Actions: []escalation.Action{escalation.Notify("manager"), escalation.RaisePriority(1)}},
	)
	if err != nil {
		panic(err)
	}
	// Opened Friday 6 March 2026 at 09:15: due Monday at 09:15.
	events := []sla.Event{{At: time.Date(2026, 3, 6, 9, 15, 0, 0, loc), Kind: sla.Created, Priority: 3}}
	last := time.Time{}
	for _, now := range []time.Time{
		time.Date(2026, 3, 6, 15, 30, 0, 0, loc),
		time.Date(2026, 3, 6, 17, 0, 0, 0, loc),
		time.Date(2026, 3, 9, 10, 0, 0, 0, loc),
	} {
		r, err := sla.Evaluate(p, events, now)
		if err != nil {
			panic(err)
		}
		for _, x := range ladder.Scan(r, last, now) {
			fmt.Printf("%s: %s crossed %s, %d actions\n", now.Format("Mon 15:04"), x.Level.Name, x.At.Format("Mon 15:04"), len(x.Level.Actions))
		}
		last = now
	}
	// Output:
	// Fri 15:30: warn crossed Fri 15:15, 1 actions
	// Fri 17:00: due-soon crossed Fri 16:45, 1 actions
	// Mon 10:00: breached crossed Mon 09:15, 2 actions
}

// A scheduler asks when to look at the ticket next. While the ticket is
// pending the clock does not count, so there is no instant to wake at.
func ExampleLadder_Next() {
	p := examplePolicy()
	loc := p.Calendar.Location()
	ladder, err := escalation.AtRisk(sla.Resolution)
	if err != nil {
		panic(err)
	}
	events := []sla.Event{
		{At: time.Date(2026, 3, 2, 9, 0, 0, 0, loc), Kind: sla.Created, Priority: 3},
		{At: time.Date(2026, 3, 2, 14, 0, 0, 0, loc), Kind: sla.StatusChanged, Status: "pending"},
		{At: time.Date(2026, 3, 3, 10, 0, 0, 0, loc), Kind: sla.StatusChanged, Status: "open"},
	}
	for _, now := range []time.Time{
		time.Date(2026, 3, 2, 9, 0, 0, 0, loc),
		time.Date(2026, 3, 2, 15, 0, 0, 0, loc),
		time.Date(2026, 3, 3, 10, 0, 0, 0, loc),
	} {
		r, err := sla.Evaluate(p, events, now)
		if err != nil {
			panic(err)
		}
		c, _ := r.Clock(sla.Resolution)
		level, at, ok := ladder.Next(c, now)
		switch {
		case ok:
			fmt.Printf("%s: next %s at %s\n", now.Format("Mon 15:04"), level.Name, at.Format("Mon 15:04"))
		case level.Name != "":
			fmt.Printf("%s: %s waits, clock %s\n", now.Format("Mon 15:04"), level.Name, c.State)
		default:
			fmt.Printf("%s: nothing more\n", now.Format("Mon 15:04"))
		}
	}
	// Output:
	// Mon 09:00: next half-time at Mon 13:00
	// Mon 15:00: at-risk waits, clock paused
	// Tue 10:00: next at-risk at Tue 11:00
}

func ExampleParseLadder() {
	l, err := escalation.ParseLadder([]byte(`{"metric": "first_response", "levels": [
		{"name": "warn", "at": "75%", "actions": [{"kind": "notify", "recipients": ["team-lead"]}]},
		{"name": "soon", "at": "-10m", "actions": [{"kind": "page", "params": {"service": "desk"}}]},
		{"name": "late", "at": "+1h", "actions": [{"kind": "reassign", "group": "tier-2"}]}]}`))
	if err != nil {
		panic(err)
	}
	for _, lv := range l.Levels {
		fmt.Println(lv.Name, lv.When, lv.Actions[0].Kind)
	}
	_, err = escalation.ParseLadder([]byte(`{"metric": "resolution", "levels": [
		{"name": "warn", "at": "75%"}, {"name": "urgent", "at": "60%"}]}`))
	fmt.Println(err)
	// Output:
	// warn 75% notify
	// soon -10m page
	// late +1h reassign
	// escalation: level 1 "urgent": at: levels out of order: 60% is not after level "warn" (75%)
}

// Shares and offsets resolve to counted time on the clock's target.
func ExampleTrigger_Counted() {
	for _, t := range []escalation.Trigger{escalation.AtPercent(75), escalation.BeforeDue(30 * time.Minute), escalation.AfterDue(time.Hour)} {
		d, _ := t.Counted(8 * time.Hour)
		fmt.Printf("%s of an 8h target: %v counted\n", t, d)
	}
	// Output:
	// 75% of an 8h target: 6h0m0s counted
	// -30m of an 8h target: 7h30m0s counted
	// +1h of an 8h target: 9h0m0s counted
}

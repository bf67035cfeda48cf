// Package tour holds the README's five-minute tour as a runnable example, and
// a test that keeps the README's copy of it identical.
package tour_test

import (
	"fmt"
	"time"
	_ "time/tzdata"

	"github.com/rickar/cal/v2/us"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/escalation"
	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/redact"
	"github.com/slakit/slakit/sla"
)

func Example() {
	// tour:begin
	// 1. A calendar: when is the desk open?
	ny, _ := time.LoadLocation("America/New_York")
	week, _ := calendar.ParseWeek("Mon-Fri 09:00-17:00")
	desk, err := calendar.New(ny, week, calendar.WithHolidays(us.Holidays...))
	if err != nil {
		panic(err)
	}
	friday := time.Date(2026, 11, 20, 15, 0, 0, 0, ny)
	fmt.Println("8 business hours after Fri 15:00:", desk.Add(friday, 8*time.Hour).Format("Mon 01-02 15:04"))

	// 2. A policy: targets per priority, paused while waiting on the customer.
	policy := sla.Policy{
		Name:     "Standard",
		Calendar: desk,
		Targets: map[priority.Priority][]sla.Target{
			1: {{Metric: sla.FirstResponse, Within: time.Hour}, {Metric: sla.Resolution, Within: 8 * time.Hour}},
			2: {{Metric: sla.FirstResponse, Within: 4 * time.Hour}, {Metric: sla.Resolution, BusinessDays: 3}},
		},
		PauseStatuses: []string{"pending"},
	}
	p, _ := priority.ITIL().Priority("high", "medium") // P2

	// 3. Evaluate a ticket's timeline at a given instant.
	created := time.Date(2026, 11, 23, 10, 0, 0, 0, ny)
	events := []sla.Event{
		{At: created, Kind: sla.Created, Priority: p},
		{At: created.Add(3 * time.Hour), Kind: sla.AgentReply, Public: true},
		{At: created.Add(3 * time.Hour), Kind: sla.StatusChanged, Status: "pending"},
		{At: created.Add(26 * time.Hour), Kind: sla.StatusChanged, Status: "open"},
	}
	now := created.Add(27 * time.Hour)
	report, err := sla.Evaluate(policy, events, now)
	if err != nil {
		panic(err)
	}
	for _, c := range report.Clocks {
		fmt.Printf("%-14s %-8s due %s  elapsed %v\n", c.Metric, c.State, c.Due.Format("Mon 01-02 15:04"), c.Elapsed)
	}

	// 4. Escalate: which levels of the at-risk ladder fire, and when next?
	ladder, _ := escalation.AtRisk(sla.Resolution)
	res, _ := report.Clock(sla.Resolution)
	for _, l := range ladder.Fired(res, created, now) {
		fmt.Println("fired:", l.Name)
	}
	if l, at, ok := ladder.Next(res, now); ok {
		fmt.Println("next:", l.Name, "at", at.Format("Mon 01-02 15:04"))
	}

	// 5. Redact what leaves the system.
	fmt.Println(redact.Default().Redact("Call me on +1 212 555 0143 or mail jane.doe@example.com"))
	// tour:end

	// Checked by hand: Fri 15:00 + 8h is Fri 2h + Mon 6h. The 3-business-day
	// resolution target from Mon 10:00 lands on Fri 27th 10:00 (Thanksgiving,
	// Thu 26th, is closed), so it is 7h+8h+8h+1h = 24h of open time. 3h
	// counted before the pause and 1h after it (Tue 12:00-13:00) make 4h;
	// the 20h left run out at Fri 17:00, and a business-days clock is due at
	// the next opening at or after that: Mon 30th 09:00. Half-time (12h) is
	// 8h after Tue 13:00: Tue 4h + Wed 4h, Wed 13:00.

	// Output:
	// 8 business hours after Fri 15:00: Mon 11-23 15:00
	// first_response met      due Mon 11-23 14:00  elapsed 3h0m0s
	// resolution     running  due Mon 11-30 09:00  elapsed 4h0m0s
	// next: half-time at Wed 11-25 13:00
	// Call me on [PHONE] or mail [EMAIL]
}

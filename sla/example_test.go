package sla_test

import (
	"fmt"
	"time"

	"github.com/rickar/cal/v2/gb"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

func londonDesk() sla.Policy {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	week, err := calendar.ParseWeek("Mon-Fri 09:00-17:30")
	if err != nil {
		panic(err)
	}
	cal, err := calendar.New(london, week, calendar.WithHolidays(gb.Holidays...))
	if err != nil {
		panic(err)
	}
	return sla.Policy{
		Name:     "London desk",
		Calendar: cal,
		Targets: map[priority.Priority][]sla.Target{
			2: {
				{Metric: sla.FirstResponse, Within: time.Hour},
				{Metric: sla.Resolution, Within: 8 * time.Hour},
			},
		},
		PauseStatuses: []string{"pending"},
	}
}

func londonTimeline() []sla.Event {
	at := func(day, h, m int) time.Time { return time.Date(2026, 3, day, h, m, 0, 0, time.UTC) }
	return []sla.Event{
		{At: at(2, 16, 45), Kind: sla.Created, Priority: 2},            // Monday, 45 minutes before closing
		{At: at(3, 9, 20), Kind: sla.AgentReply, Public: true},         // Tuesday
		{At: at(3, 10, 0), Kind: sla.StatusChanged, Status: "pending"}, // waiting for the customer
		{At: at(4, 14, 0), Kind: sla.StatusChanged, Status: "open"},    // Wednesday
	}
}

// A ticket created late on Monday: the first reply on Tuesday morning comes
// after 45 + 20 business minutes, 5 minutes late; the resolution clock
// paused while the ticket waited for the customer.
func ExampleEvaluate() {
	now := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	r, err := sla.Evaluate(londonDesk(), londonTimeline(), now)
	if err != nil {
		panic(err)
	}
	for _, c := range r.Clocks {
		fmt.Printf("%s: %s, elapsed %v of %v, due %s\n", c.Metric, c.State, c.Elapsed, c.Target, c.Due.Format("Mon 15:04"))
		if c.State == sla.Breached {
			fmt.Printf("  breached at %s, replied %s\n", c.BreachedAt.Format("Mon 15:04"), c.Stopped.Format("Mon 15:04"))
		}
	}
	// Output:
	// first_response: breached, elapsed 1h5m0s of 1h0m0s, due Tue 09:15
	//   breached at Tue 09:15, replied Tue 09:20
	// resolution: running, elapsed 2h45m0s of 8h0m0s, due Thu 11:45
}

// Explain shows why the resolution deadline is on Thursday.
func ExampleExplain() {
	now := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	xs, err := sla.Explain(londonDesk(), londonTimeline(), now)
	if err != nil {
		panic(err)
	}
	for _, x := range xs {
		if x.Clock.Metric != sla.Resolution {
			continue
		}
		for _, s := range x.Segments {
			line := fmt.Sprintf("%-8s %s - %s  %v", s.Kind, s.Start.Format("Mon 15:04"), s.End.Format("Mon 15:04"), s.Counted)
			if s.Status != "" {
				line += " (" + s.Status + ")"
			}
			fmt.Println(line)
		}
	}
	// Output:
	// counting Mon 16:45 - Mon 17:30  45m0s
	// closed   Mon 17:30 - Tue 09:00  0s
	// counting Tue 09:00 - Tue 10:00  1h0m0s
	// paused   Tue 10:00 - Wed 14:00  0s (pending)
	// counting Wed 14:00 - Wed 15:00  1h0m0s
}

// When tells an escalation scheduler when half the target was used up and
// when three quarters will be.
func ExampleClock_When() {
	now := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	r, _ := sla.Evaluate(londonDesk(), londonTimeline(), now)
	c, _ := r.Clock(sla.Resolution)
	for _, share := range []time.Duration{c.Target / 4, c.Target / 2, c.Target * 3 / 4} {
		t, ok := c.When(share)
		fmt.Println(share, t.Format("Mon 15:04"), ok)
	}
	// Output:
	// 2h0m0s Wed 14:15 true
	// 4h0m0s Wed 16:15 true
	// 6h0m0s Thu 09:45 true
}

func ExampleParsePolicy() {
	p, err := sla.ParsePolicy([]byte(`{
	  "name": "Standard",
	  "calendar": {"zone": "America/New_York", "week": "Mon-Fri 09:00-17:00", "holidays": "us"},
	  "targets": {
	    "P1": [{"metric": "first_response", "within": "30m", "calendar_time": true}],
	    "P3": [{"metric": "resolution", "business_days": 3}]
	  },
	  "pause_statuses": ["pending", "on-hold"]
	}`))
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Name, p.Calendar.Location())
	fmt.Println(p.Targets[1][0])
	fmt.Println(p.Targets[3][0])
	// Output:
	// Standard America/New_York
	// first_response within 30m (calendar time)
	// resolution within 3 business days
}

func ExampleSummarize() {
	p := londonDesk()
	at := func(day, h, m int) time.Time { return time.Date(2026, 3, day, h, m, 0, 0, time.UTC) }
	var reports []sla.Report
	for i, replyAfter := range []int{10, 30, 50, 70} { // minutes after a 09:00 creation
		events := []sla.Event{
			{At: at(9+i, 9, 0), Kind: sla.Created, Priority: 2},
			{At: at(9+i, 9, replyAfter), Kind: sla.AgentReply, Public: true},
		}
		r, err := sla.Evaluate(p, events, at(20, 0, 0))
		if err != nil {
			panic(err)
		}
		reports = append(reports, r)
	}
	g, _ := sla.Summarize(reports).Group(sla.FirstResponse, 2)
	fmt.Printf("met %d breached %d compliance %.0f%% median %v p90 %v\n", g.Met, g.Breached, g.Compliance, g.Median, g.P90)
	// Output:
	// met 3 breached 1 compliance 75% median 30m0s p90 1h10m0s
}

// A London desk (open 09:00-17:30) tightened its resolution target from
// 1 July 2026. Each ticket keeps the revision in force when it was
// created: at 13:00 on 1 July the ticket of 30 June 17:00 has counted
// 30 minutes on 30 June and 4 hours on 1 July of its 8 hours, the ticket
// of 1 July 10:00 has counted 3 of its 4 hours.
func ExampleInForce() {
	july := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	old, revised := londonDesk(), londonDesk()
	old.Name, old.EffectiveUntil = "2026 H1", july
	revised.Name, revised.EffectiveFrom = "2026 H2", july
	revised.Targets = map[priority.Priority][]sla.Target{2: {{Metric: sla.Resolution, Within: 4 * time.Hour}}}
	policies := []sla.Policy{old, revised}

	for _, created := range []time.Time{
		time.Date(2026, 6, 30, 16, 0, 0, 0, time.UTC),
		time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC),
	} {
		p, ok := sla.InForce(policies, created)
		if !ok {
			panic("no policy")
		}
		r, err := sla.Evaluate(p, []sla.Event{{At: created, Kind: sla.Created, Priority: 2}}, time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC))
		if err != nil {
			panic(err)
		}
		c, _ := r.Clock(sla.Resolution)
		fmt.Printf("created %s: %s, elapsed %v of %v, due %s\n",
			c.Started.Format("Jan 2 15:04 MST"), p.Name, c.Elapsed, c.Target, c.Due.Format("Jan 2 15:04"))
	}
	// Output:
	// created Jun 30 17:00 BST: 2026 H1, elapsed 4h30m0s of 8h0m0s, due Jul 1 16:30
	// created Jul 1 10:00 BST: 2026 H2, elapsed 3h0m0s of 4h0m0s, due Jul 1 14:00
}

// Quickstart is the first program to run: a New York service desk open
// Mon-Fri 09:00-17:00 with US federal holidays, an ITIL priority matrix, an
// SLA policy with first response, next response and resolution targets per
// priority, and five ticket timelines evaluated at a fixed instant.
//
//	go run ./examples/quickstart
//
// It prints the due time of common targets for a few creation instants, then
// one table per ticket (metric, state, due, elapsed, remaining, breached at)
// and the compliance summary. The output never changes: "now" is fixed.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"
	_ "time/tzdata" // the desk's zone must not depend on the machine's zone files

	"github.com/rickar/cal/v2/us"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// ticket is one ticket as a helpdesk would hold it: what the customer said
// about impact and urgency, and the history of the ticket so far.
type ticket struct {
	id, title, note string
	impact, urgency string
	events          []sla.Event // Created's priority is set from the matrix
}

func run(w io.Writer) error {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		return err
	}
	week, err := calendar.ParseWeek("Mon-Fri 09:00-17:00")
	if err != nil {
		return err
	}
	desk, err := calendar.New(ny, week, calendar.WithHolidays(us.Holidays...))
	if err != nil {
		return err
	}
	at := func(month time.Month, day, hour, min int) time.Time {
		return time.Date(2026, month, day, hour, min, 0, 0, ny)
	}

	fmt.Fprintln(w, "New York service desk: Mon-Fri 09:00-17:00 America/New_York, US federal holidays")
	fmt.Fprintln(w, "(Labor Day, Monday 2026-09-07, is closed)")
	fmt.Fprintln(w)

	// 1. When is it due? Business time skips nights, weekends and holidays.
	fmt.Fprintln(w, "Due times of common targets")
	tw := table(w)
	fmt.Fprintln(tw, "created\t1h\t4h\t8h\t3 business days")
	for _, created := range []time.Time{
		at(time.August, 31, 10, 0),    // Monday morning
		at(time.September, 2, 16, 30), // Wednesday, half an hour before closing
		at(time.September, 4, 15, 30), // Friday afternoon before Labor Day
		at(time.September, 5, 11, 0),  // Saturday of the holiday weekend
	} {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", stamp(created),
			stamp(desk.Add(created, time.Hour)),
			stamp(desk.Add(created, 4*time.Hour)),
			stamp(desk.Add(created, 8*time.Hour)),
			stamp(desk.AddDays(created, 3)))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)

	// 2. A policy: targets per priority, counted in business time.
	matrix := priority.ITIL()
	policy := sla.Policy{
		Name:     "Standard",
		Calendar: desk,
		Targets: map[priority.Priority][]sla.Target{
			1: {
				{Metric: sla.FirstResponse, Within: time.Hour},
				{Metric: sla.NextResponse, Within: time.Hour},
				{Metric: sla.Resolution, Within: 8 * time.Hour},
			},
			2: {
				{Metric: sla.FirstResponse, Within: 4 * time.Hour},
				{Metric: sla.NextResponse, Within: 4 * time.Hour},
				{Metric: sla.Resolution, Within: 16 * time.Hour},
			},
			3: {
				{Metric: sla.FirstResponse, Within: 8 * time.Hour},
				{Metric: sla.NextResponse, Within: 8 * time.Hour},
				{Metric: sla.Resolution, BusinessDays: 3},
			},
			4: {
				{Metric: sla.FirstResponse, BusinessDays: 3},
				{Metric: sla.Resolution, BusinessDays: 10},
			},
			5: {
				{Metric: sla.FirstResponse, BusinessDays: 3},
				{Metric: sla.Resolution, BusinessDays: 20},
			},
		},
		PauseStatuses: []string{"pending", "on-hold"}, // waiting on the customer or a supplier
		Reopen:        sla.ContinueResolution,
	}
	if err := policy.Validate(); err != nil {
		return err
	}
	fmt.Fprintln(w, "Policy \"Standard\" (business time; resolution pauses while pending or on-hold)")
	tw = table(w)
	fmt.Fprintln(tw, "priority\tfirst response\tnext response\tresolution")
	for p := priority.Priority(1); int(p) <= matrix.Levels(); p++ {
		row := map[sla.Metric]string{}
		for _, t := range policy.Targets[p] {
			row[t.Metric] = within(t)
		}
		fmt.Fprintf(tw, "%v %s\t%s\t%s\t%s\n", p, matrix.Label(p),
			dash(row[sla.FirstResponse]), dash(row[sla.NextResponse]), dash(row[sla.Resolution]))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)

	// 3. Five tickets, evaluated at a fixed instant.
	now := at(time.September, 8, 11, 0)
	tickets := []ticket{
		{
			id: "INC-1001", title: "Payroll export fails", impact: "High", urgency: "Medium",
			note: "waiting on the customer since Thursday: resolution paused",
			events: []sla.Event{
				{At: at(time.September, 3, 14, 0), Kind: sla.Created},
				{At: at(time.September, 3, 14, 30), Kind: sla.AgentReply, Public: true},
				{At: at(time.September, 3, 14, 30), Kind: sla.StatusChanged, Status: "pending"},
			},
		},
		{
			id: "INC-1002", title: "Printer on 4th floor jams", impact: "Medium", urgency: "Medium",
			note: "solved Monday, reopened Tuesday by the customer, solved again",
			events: []sla.Event{
				{At: at(time.August, 31, 11, 0), Kind: sla.Created},
				{At: at(time.August, 31, 13, 0), Kind: sla.AgentReply, Public: true},
				{At: at(time.August, 31, 16, 0), Kind: sla.Solved},
				{At: at(time.September, 1, 10, 0), Kind: sla.Reopened},
				{At: at(time.September, 1, 10, 0), Kind: sla.CustomerMessage},
				{At: at(time.September, 1, 11, 30), Kind: sla.AgentReply, Public: true},
				{At: at(time.September, 2, 10, 0), Kind: sla.Solved},
			},
		},
		{
			id: "INC-1003", title: "Mail delayed for one mailbox", impact: "Low", urgency: "High",
			note: "raised P3 -> P1 at 11:00: the mailbox is the CEO's; the 1h target ran out at 10:00",
			events: []sla.Event{
				{At: at(time.September, 2, 9, 0), Kind: sla.Created},
				{At: at(time.September, 2, 9, 30), Kind: sla.AgentReply, Public: false}, // internal note
				{At: at(time.September, 2, 11, 0), Kind: sla.PriorityChanged, Priority: 1},
				{At: at(time.September, 2, 11, 10), Kind: sla.AgentReply, Public: true},
				{At: at(time.September, 2, 15, 30), Kind: sla.Solved},
			},
		},
		{
			id: "INC-1004", title: "Checkout returns HTTP 500", impact: "High", urgency: "High",
			note: "the customer chased at 15:45, the reply came after closing; still open",
			events: []sla.Event{
				{At: at(time.September, 3, 15, 0), Kind: sla.Created},
				{At: at(time.September, 3, 15, 20), Kind: sla.AgentReply, Public: true},
				{At: at(time.September, 3, 15, 45), Kind: sla.CustomerMessage},
				{At: at(time.September, 3, 17, 30), Kind: sla.AgentReply, Public: true},
			},
		},
		{
			id: "INC-1005", title: "Laptop won't boot after update", impact: "Medium", urgency: "High",
			note: "Friday evening before Labor Day; the customer chased on Saturday",
			events: []sla.Event{
				{At: at(time.September, 4, 18, 30), Kind: sla.Created},
				{At: at(time.September, 5, 10, 0), Kind: sla.CustomerMessage},
			},
		},
	}

	fmt.Fprintf(w, "Tickets at %s\n", now.Format("Mon 2006-01-02 15:04 MST"))
	var reports []sla.Report
	for _, t := range tickets {
		p, err := matrix.Priority(t.impact, t.urgency)
		if err != nil {
			return fmt.Errorf("%s: %w", t.id, err)
		}
		t.events[0].Priority = p
		r, err := sla.Evaluate(policy, t.events, now)
		if err != nil {
			return fmt.Errorf("%s: %w", t.id, err)
		}
		reports = append(reports, r)

		fmt.Fprintln(w)
		fmt.Fprintf(w, "%s  %s  (impact %s, urgency %s: %v %s)\n", t.id, t.title,
			t.impact, t.urgency, p, matrix.Label(p))
		fmt.Fprintf(w, "created %s; %s\n", stamp(t.events[0].At), t.note)
		tw := table(w)
		fmt.Fprintln(tw, "metric\tcycle\tstate\ttarget\tdue\telapsed\tremaining\tbreached at")
		for _, c := range r.Clocks {
			breached := "-"
			if !c.BreachedAt.IsZero() {
				breached = stamp(c.BreachedAt)
			}
			fmt.Fprintf(tw, "%s\t%d\t%s\t%v %s\t%s\t%s\t%s\t%s\n", c.Metric, c.Cycle, state(c),
				c.Priority, within(c.Applied), stamp(c.Due), hm(c.Elapsed), hm(c.Remaining), breached)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintln(w)

	// 4. Compliance: met / (met + breached), per metric and priority.
	fmt.Fprintln(w, "Compliance")
	tw = table(w)
	fmt.Fprintln(tw, "metric\tpriority\tclocks\tmet\tbreached\trunning\tcompliance")
	for _, g := range sla.Summarize(reports).Groups {
		compliance := "-"
		if g.Met+g.Breached > 0 {
			compliance = fmt.Sprintf("%.0f%%", g.Compliance)
		}
		fmt.Fprintf(tw, "%s\t%v\t%d\t%d\t%d\t%d\t%s\n", g.Metric, g.Priority,
			g.Count, g.Met, g.Breached, g.Running, compliance)
	}
	return tw.Flush()
}

func table(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
}

// stamp formats an instant the way the desk reads it.
func stamp(t time.Time) string { return t.Format("Mon 01-02 15:04") }

// state adds why a breached clock is not counting.
func state(c sla.Clock) string {
	switch {
	case c.State == sla.Breached && !c.Stopped.IsZero():
		return "breached (stopped)"
	case c.State == sla.Breached && c.Paused:
		return "breached (paused)"
	}
	return c.State.String()
}

// within formats a target's promise: "4h", "30m", "3 business days".
func within(t sla.Target) string {
	if t.BusinessDays > 0 {
		return fmt.Sprintf("%d business days", t.BusinessDays)
	}
	s := hm(t.Within)
	s = strings.TrimSuffix(s, "00m")
	if t.CalendarTime {
		s += " (24x7)"
	}
	return s
}

// hm formats a duration in hours and minutes: "2h05m", "-1h10m", "45m".
func hm(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	d = d.Round(time.Minute)
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	if h == 0 {
		return fmt.Sprintf("%s%dm", sign, m)
	}
	return fmt.Sprintf("%s%dh%02dm", sign, h, m)
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

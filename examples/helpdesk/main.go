// Helpdesk replays a day of a busy service desk minute by minute through
// package sla and package escalation, the way a helpdesk's scheduler would
// run them.
//
//	go run ./examples/helpdesk
//
// Three thousand tickets are generated with a fixed seed. The replay keeps a
// min-heap of wake-up times, one per ticket: at each minute it evaluates only
// the tickets whose time has come, delivers the escalation levels crossed
// since their previous evaluation (escalation.Ladder.Crossings) and sleeps
// each ticket until the earlier of its next event and the instant
// escalation.Ladder.Next reports. It prints one ticket's scheduler log, which
// levels fired when, and the end-of-day compliance per priority.
package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	_ "time/tzdata" // the desk's zone must not depend on the machine's zone files

	"github.com/rickar/cal/v2/us"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/escalation"
	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

const (
	numTickets = 3000
	seed       = 20260916
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "helpdesk:", err)
		os.Exit(1)
	}
}

// setup is the desk: its calendar, policy and ladders, and the day replayed.
type setup struct {
	day     time.Time // midnight at the start of the day replayed
	desk    *calendar.Calendar
	matrix  *priority.Matrix
	policy  sla.Policy
	ladders []*escalation.Ladder
	reply   map[priority.Priority]time.Duration // what agents aim at, for the generator
}

func newSetup() (setup, error) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		return setup{}, err
	}
	week, err := calendar.ParseWeek("Mon-Fri 08:00-20:00")
	if err != nil {
		return setup{}, err
	}
	desk, err := calendar.New(ny, week, calendar.WithHolidays(us.Holidays...))
	if err != nil {
		return setup{}, err
	}
	policy := sla.Policy{
		Name:     "Busy desk",
		Calendar: desk,
		Targets: map[priority.Priority][]sla.Target{
			1: {
				{Metric: sla.FirstResponse, Within: 15 * time.Minute, CalendarTime: true},
				{Metric: sla.NextResponse, Within: 30 * time.Minute, CalendarTime: true},
				{Metric: sla.Resolution, Within: 4 * time.Hour, CalendarTime: true},
			},
			2: {
				{Metric: sla.FirstResponse, Within: time.Hour},
				{Metric: sla.NextResponse, Within: 2 * time.Hour},
				{Metric: sla.Resolution, Within: 8 * time.Hour},
			},
			3: {
				{Metric: sla.FirstResponse, Within: 4 * time.Hour},
				{Metric: sla.NextResponse, Within: 4 * time.Hour},
				{Metric: sla.Resolution, BusinessDays: 3},
			},
			4: {
				{Metric: sla.FirstResponse, Within: 8 * time.Hour},
				{Metric: sla.NextResponse, Within: 8 * time.Hour},
				{Metric: sla.Resolution, BusinessDays: 5},
			},
			5: {
				{Metric: sla.FirstResponse, BusinessDays: 2},
				{Metric: sla.Resolution, BusinessDays: 10},
			},
		},
		PauseStatuses: []string{"pending"},
	}
	if err := policy.Validate(); err != nil {
		return setup{}, err
	}
	first, err := escalation.AtRisk(sla.FirstResponse)
	if err != nil {
		return setup{}, err
	}
	next, err := escalation.AtRisk(sla.NextResponse)
	if err != nil {
		return setup{}, err
	}
	resolution, err := escalation.NewLadder(sla.Resolution,
		escalation.Level{Name: "at-risk", When: escalation.AtPercent(75),
			Actions: []escalation.Action{escalation.Notify(escalation.RoleAssignee, escalation.RoleGroupLead)}},
		escalation.Level{Name: "due-soon", When: escalation.BeforeDue(30 * time.Minute),
			Actions: []escalation.Action{escalation.Reassign("tier-2", "")}},
		escalation.Level{Name: "late", When: escalation.AfterDue(time.Hour),
			Actions: []escalation.Action{escalation.RaisePriority(1), escalation.Notify(escalation.RoleManager)}},
	)
	if err != nil {
		return setup{}, err
	}
	return setup{
		day:     time.Date(2026, time.September, 16, 0, 0, 0, 0, ny), // a Wednesday
		desk:    desk,
		matrix:  priority.ITIL(),
		policy:  policy,
		ladders: []*escalation.Ladder{first, next, resolution},
		reply: map[priority.Priority]time.Duration{
			1: 15 * time.Minute, 2: time.Hour, 3: 4 * time.Hour, 4: 8 * time.Hour, 5: 24 * time.Hour,
		},
	}, nil
}

func run(w io.Writer) error {
	s, err := newSetup()
	if err != nil {
		return err
	}
	tickets, err := generate(numTickets, seed, s.day, s.desk, s.matrix, s.reply)
	if err != nil {
		return err
	}
	end := s.day.AddDate(0, 0, 1)
	// Follow the first P2 ticket that waits on its customer.
	traceID := ""
	for _, t := range tickets {
		if t.priority == 2 && slices.ContainsFunc(t.events, func(e sla.Event) bool { return e.Status == "pending" }) {
			traceID = t.id
			break
		}
	}
	res, err := replay(s.policy, s.ladders, tickets, s.day, end, traceID)
	if err != nil {
		return err
	}

	fmt.Fprintf(w, "Replaying %s minute by minute: %d tickets (seed %d)\n",
		s.day.Format("Mon 2006-01-02 MST"), len(tickets), seed)
	fmt.Fprintln(w, "desk: Mon-Fri 08:00-20:00 America/New_York, US holidays; P1 targets count 24x7")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Ladders")
	for _, l := range s.ladders {
		var parts []string
		for _, lv := range l.Levels {
			parts = append(parts, fmt.Sprintf("%s %v -> %s", lv.Name, lv.When, actions(lv.Actions)))
		}
		fmt.Fprintf(w, "  %s: %s\n", l.Metric, strings.Join(parts, "; "))
	}
	fmt.Fprintln(w)

	for _, t := range tickets {
		if t.id != traceID {
			continue
		}
		fmt.Fprintf(w, "The scheduler's log for %s (%v)\n", t.id, t.priority)
		for _, e := range t.events {
			fmt.Fprintf(w, "  event  %s  %s%s\n", e.At.Format("15:04"), e.Kind, detail(e))
		}
		for _, line := range res.trace {
			fmt.Fprintln(w, "  wake  ", line)
		}
		fmt.Fprintln(w)
	}

	if err := printHours(w, s.ladders, res.firings); err != nil {
		return err
	}
	fmt.Fprintln(w)

	fmt.Fprintln(w, "The first escalations of the day")
	tw := table(w)
	fmt.Fprintln(tw, "  crossed\tdelivered\tticket\tmetric\tlevel\tactions")
	for _, f := range res.firings[:min(12, len(res.firings))] {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", f.crossed.Format("15:04:05"), f.woke.Format("15:04"),
			f.ticket, f.metric, f.level.Name, actions(f.level.Actions))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)

	reports := make([]sla.Report, len(tickets))
	for i, t := range tickets {
		if reports[i], err = sla.Evaluate(s.policy, t.events, end); err != nil {
			return fmt.Errorf("%s: %w", t.id, err)
		}
	}
	fmt.Fprintf(w, "Compliance at %s\n", end.Format("Mon 2006-01-02 15:04 MST"))
	tw = table(w)
	fmt.Fprintln(tw, "metric\tpriority\tclocks\tmet\tbreached\topen\tcompliance\tmedian\tp90")
	for _, g := range sla.Summarize(reports).Groups {
		fmt.Fprintf(tw, "%s\t%v\t%d\t%d\t%d\t%d\t%.1f%%\t%s\t%s\n", g.Metric, g.Priority,
			g.Count, g.Met, g.Breached, g.Running, g.Compliance, hm(g.Median), hm(g.P90))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)

	minutes := int(end.Sub(s.day)/time.Minute) + 1
	fmt.Fprintf(w, "Work: %d evaluations (%.1f per ticket) instead of %d for evaluating every ticket every minute.\n",
		res.evals, float64(res.evals)/float64(len(tickets)), len(tickets)*minutes)
	return nil
}

// printHours prints how many times each level fired in each two-hour slot.
func printHours(w io.Writer, ladders []*escalation.Ladder, firings []firing) error {
	fmt.Fprintln(w, "Levels fired, by the hour the clock crossed them")
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight)
	header := "metric\tlevel\t"
	for h := 0; h < 24; h += 2 {
		header += fmt.Sprintf("%02d-%02d\t", h, h+2)
	}
	fmt.Fprintln(tw, header+"total\t")
	for _, l := range ladders {
		for _, lv := range l.Levels {
			var slots [12]int
			total := 0
			for _, f := range firings {
				if f.metric == l.Metric && f.level.Name == lv.Name {
					slots[f.crossed.Hour()/2]++
					total++
				}
			}
			row := fmt.Sprintf("%s\t%s\t", l.Metric, lv.Name)
			for _, n := range slots {
				row += fmt.Sprintf("%d\t", n)
			}
			fmt.Fprintln(tw, row+fmt.Sprintf("%d\t", total))
		}
	}
	return tw.Flush()
}

func actions(as []escalation.Action) string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.String()
	}
	return strings.Join(out, "; ")
}

func detail(e sla.Event) string {
	switch {
	case e.Kind == sla.Created || e.Kind == sla.PriorityChanged:
		return " " + e.Priority.String()
	case e.Kind == sla.StatusChanged:
		return " " + e.Status
	case e.Kind == sla.AgentReply && !e.Public:
		return " (internal note)"
	}
	return ""
}

func table(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
}

// hm formats a duration in hours and minutes: "2h05m", "45m".
func hm(d time.Duration) string {
	d = d.Round(time.Minute)
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	if h == 0 {
		return fmt.Sprintf("%dm", m)
	}
	return fmt.Sprintf("%dh%02dm", h, m)
}

// Policyfile loads an SLA policy and its business calendar from JSON files,
// reads a ticket's timeline from a JSON Lines file and prints every SLA clock
// of the ticket at a fixed instant.
//
//	go run ./examples/policyfile
//	go run ./examples/policyfile -dir path/to/files -now 2027-01-04T15:00:00Z
//
// The directory holds:
//
//	calendar.json   the business calendar (sla.CalendarSpec)
//	ladder.json     an escalation ladder for one metric (escalation.ParseLadder)
//	policy.json     the policy (sla.ParsePolicy) without its "calendar" field:
//	                the program inserts calendar.json there, so that several
//	                policies can share one calendar file
//	timeline.jsonl  one ticket's events, one JSON object per line
//	                (sla.Event.UnmarshalJSON), in time order
//
// Every file is read strictly: unknown fields, bad durations, unknown
// metrics or kinds are errors that name the file and the line.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	_ "time/tzdata" // zones named in calendar.json must not depend on the machine

	"github.com/slakit/slakit/escalation"
	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

// defaultNow is the evaluation instant: the program reads no clock, so its
// output is the same on every run.
const defaultNow = "2027-01-04T15:00:00Z"

func main() {
	dir := flag.String("dir", "", "directory holding calendar.json, policy.json, ladder.json and timeline.jsonl\n(default examples/policyfile/testdata, or testdata when run from the example's directory)")
	now := flag.String("now", defaultNow, "evaluation instant, RFC 3339")
	flag.Parse()
	if err := runWith(os.Stdout, *dir, *now); err != nil {
		fmt.Fprintln(os.Stderr, "policyfile:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error { return runWith(w, "", defaultNow) }

func runWith(w io.Writer, dir, nowText string) error {
	if dir == "" {
		dir = defaultDir()
	}
	now, err := time.Parse(time.RFC3339, nowText)
	if err != nil {
		return fmt.Errorf("-now: %w", err)
	}
	policy, err := loadPolicy(filepath.Join(dir, "policy.json"), filepath.Join(dir, "calendar.json"))
	if err != nil {
		return err
	}
	ladderPath := filepath.Join(dir, "ladder.json")
	ladderData, err := os.ReadFile(ladderPath)
	if err != nil {
		return err
	}
	ladder, err := escalation.ParseLadder(ladderData)
	if err != nil {
		return fmt.Errorf("%s: %w", ladderPath, err)
	}
	timelinePath := filepath.Join(dir, "timeline.jsonl")
	events, lines, err := loadTimeline(timelinePath)
	if err != nil {
		return err
	}
	report, err := sla.Evaluate(policy, events, now)
	if err != nil {
		var ee *sla.EventError
		if errors.As(err, &ee) && ee.Index >= 0 && ee.Index < len(lines) {
			return fmt.Errorf("%s:%d: %w", timelinePath, lines[ee.Index], err)
		}
		return fmt.Errorf("%s: %w", timelinePath, err)
	}
	loc := policy.Calendar.Location()
	now = now.In(loc)

	printPolicy(w, policy)
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Timeline (%d events)\n", len(events))
	tw := table(w)
	for _, e := range events {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", stamp(e.At.In(loc)), e.Kind, describe(e))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)

	fmt.Fprintf(w, "Clocks at %s\n", now.Format("Mon 2006-01-02 15:04 MST"))
	tw = table(w)
	fmt.Fprintln(tw, "metric\tcycle\tstate\ttarget\tstarted\tdue\tstopped\telapsed\tremaining\tbreached at")
	for _, c := range report.Clocks {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%v %s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Metric, c.Cycle, state(c),
			c.Priority, within(c.Applied), stamp(c.Started), stamp(c.Due), stamp(c.Stopped),
			hm(c.Elapsed), hm(c.Remaining), stamp(c.BreachedAt))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, c := range report.Clocks {
		if c.Exempt != nil {
			fmt.Fprintf(w, "%s cycle %d: breach exempted by %s (%s)\n", c.Metric, c.Cycle, c.Exempt.Approver, c.Exempt.Reason)
		}
	}

	if err := printEscalations(w, ladder, report, now); err != nil {
		return err
	}

	// Explain shows the segments behind each clock; print the resolution
	// clocks', which cross nights, holidays, a pause and a solve.
	explanations, err := sla.Explain(policy, events, now)
	if err != nil {
		return err
	}
	for _, x := range explanations {
		if x.Clock.Metric != sla.Resolution {
			continue
		}
		fmt.Fprintln(w)
		fmt.Fprintf(w, "Why resolution cycle %d counted %s\n", x.Clock.Cycle, hm(x.Clock.Elapsed))
		tw := table(w)
		fmt.Fprintln(tw, "  from\tto\tsegment\tcounted")
		for _, s := range x.Segments {
			kind := s.Kind.String()
			if s.Status != "" {
				kind += " (" + s.Status + ")"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", stamp(s.Start), stamp(s.End), kind, hm(s.Counted))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// printEscalations prints the ladder, the levels its clocks crossed up to
// now (every cycle, from the start: a report replays the whole history)
// and, for a clock still counting, the next level and when it will fire.
func printEscalations(w io.Writer, l *escalation.Ladder, r sla.Report, now time.Time) error {
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Escalation ladder for %s\n", l.Metric)
	for _, lv := range l.Levels {
		fmt.Fprintf(w, "  %-10s %-5v %s\n", lv.Name, lv.When, actions(lv.Actions))
	}
	tw := table(w)
	fmt.Fprintln(tw, "cycle\tlevel\tcrossed\tactions")
	for _, x := range l.Scan(r, time.Time{}, now) {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", x.Cycle, x.Level.Name, stamp(x.At), actions(x.Level.Actions))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, c := range r.Clocks {
		if c.Metric != l.Metric {
			continue
		}
		switch lv, at, ok := l.Next(c, now); {
		case ok:
			fmt.Fprintf(w, "cycle %d: next level %s at %s unless the clock stops\n", c.Cycle, lv.Name, stamp(at))
		case lv.Name != "":
			fmt.Fprintf(w, "cycle %d: paused; %s comes next once it resumes\n", c.Cycle, lv.Name)
		default:
			fmt.Fprintf(w, "cycle %d: nothing more will fire\n", c.Cycle)
		}
	}
	return nil
}

func actions(as []escalation.Action) string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.String()
	}
	return strings.Join(out, "; ")
}

// defaultDir finds the example's testdata from the repository root or from
// the example's own directory.
func defaultDir() string {
	root := filepath.Join("examples", "policyfile", "testdata")
	if _, err := os.Stat(root); err == nil {
		return root
	}
	return "testdata"
}

// loadPolicy reads the policy file, puts the calendar file in its "calendar"
// field and parses the result with sla.ParsePolicy.
func loadPolicy(policyPath, calendarPath string) (sla.Policy, error) {
	calData, err := os.ReadFile(calendarPath)
	if err != nil {
		return sla.Policy{}, err
	}
	var spec sla.CalendarSpec
	dec := json.NewDecoder(bytes.NewReader(calData))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&spec); err != nil {
		return sla.Policy{}, fmt.Errorf("%s: %w", calendarPath, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return sla.Policy{}, fmt.Errorf("%s: trailing data after the calendar", calendarPath)
	}
	if _, err := spec.Calendar(); err != nil {
		return sla.Policy{}, fmt.Errorf("%s: %w", calendarPath, err)
	}

	data, err := os.ReadFile(policyPath)
	if err != nil {
		return sla.Policy{}, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return sla.Policy{}, fmt.Errorf("%s: %w", policyPath, err)
	}
	if fields == nil {
		return sla.Policy{}, fmt.Errorf("%s: want a JSON object", policyPath)
	}
	if _, ok := fields["calendar"]; ok {
		return sla.Policy{}, fmt.Errorf("%s: has a \"calendar\" field; the calendar comes from %s", policyPath, filepath.Base(calendarPath))
	}
	fields["calendar"], err = json.Marshal(spec)
	if err != nil {
		return sla.Policy{}, err
	}
	merged, err := json.Marshal(fields)
	if err != nil {
		return sla.Policy{}, err
	}
	p, err := sla.ParsePolicy(merged)
	if err != nil {
		return sla.Policy{}, fmt.Errorf("%s: %w", policyPath, err)
	}
	return p, nil
}

// loadTimeline reads one event per line, skipping blank lines, and returns
// the events and the line number of each.
func loadTimeline(path string) ([]sla.Event, []int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var events []sla.Event
	var lines []int
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var e sla.Event
		if err := e.UnmarshalJSON(sc.Bytes()); err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		events = append(events, e)
		lines = append(lines, line)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(events) == 0 {
		return nil, nil, fmt.Errorf("%s: no events", path)
	}
	return events, lines, nil
}

func printPolicy(w io.Writer, p sla.Policy) {
	fmt.Fprintf(w, "Policy %q\n", p.Name)
	if s := p.CalendarSpec; s != nil {
		fmt.Fprintf(w, "calendar: %s, %s", s.Zone, s.Week)
		if s.Holidays != "" {
			fmt.Fprintf(w, ", holidays %q", s.Holidays)
		}
		if len(s.Closed) > 0 {
			fmt.Fprintf(w, ", closed %s", strings.Join(s.Closed, ", "))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "pause statuses: %s; reopen: %s\n", strings.Join(p.PauseStatuses, ", "), p.Reopen)
	metrics := make([]string, 0, len(p.MetricPauses))
	for m := range p.MetricPauses {
		metrics = append(metrics, string(m))
	}
	slices.Sort(metrics)
	for _, m := range metrics {
		fmt.Fprintf(w, "  %s pauses in: %s\n", m, strings.Join(p.MetricPauses[sla.Metric(m)], ", "))
	}
	prios := make([]priority.Priority, 0, len(p.Targets))
	for pr := range p.Targets {
		prios = append(prios, pr)
	}
	slices.Sort(prios)
	for _, pr := range prios {
		for _, t := range p.Targets[pr] {
			fmt.Fprintf(w, "  %v %s\n", pr, t)
		}
	}
}

// describe prints the fields of an event that its kind uses.
func describe(e sla.Event) string {
	switch e.Kind {
	case sla.Created:
		if e.Status != "" {
			return fmt.Sprintf("%v, status %s", e.Priority, e.Status)
		}
		return e.Priority.String()
	case sla.PriorityChanged:
		return e.Priority.String()
	case sla.StatusChanged, sla.Reopened:
		if e.Status != "" {
			return e.Status
		}
	case sla.AgentReply:
		if e.Public {
			return "public"
		}
		return "internal note"
	case sla.Exempted:
		x := e.Exemption
		s := fmt.Sprintf("%s, by %s: %s", x.Metric, x.Approver, x.Reason)
		if x.Cycle > 0 {
			s += fmt.Sprintf(" (cycle %d)", x.Cycle)
		}
		if !x.Expires.IsZero() {
			s += "; expires " + x.Expires.Format(time.RFC3339)
		}
		return s
	}
	return "-"
}

func table(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
}

// stamp formats an instant, or "-" for the zero time.
func stamp(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("Mon 2006-01-02 15:04")
}

// state adds why a breached clock is not counting and whether it is exempt.
func state(c sla.Clock) string {
	s := c.State.String()
	switch {
	case c.State == sla.Breached && !c.Stopped.IsZero():
		s += " (stopped)"
	case c.State == sla.Breached && c.Paused:
		s += " (paused)"
	}
	if c.Exempt != nil {
		s += ", exempt"
	}
	return s
}

// within formats a target's promise: "4h", "30m 24x7", "3 business days".
func within(t sla.Target) string {
	var s string
	if t.BusinessDays > 0 {
		s = fmt.Sprintf("%d business days", t.BusinessDays)
	} else {
		s = strings.TrimSuffix(hm(t.Within), "00m")
	}
	if t.CalendarTime {
		s += " 24x7"
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

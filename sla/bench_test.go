package sla_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

// benchPolicy has three metrics (first response, next response,
// resolution) on the New York business calendar with US holidays.
func benchPolicy() sla.Policy {
	return sla.Policy{
		Name:     "bench",
		Calendar: desk,
		Targets: map[priority.Priority][]sla.Target{
			2: {{Metric: sla.FirstResponse, Within: 2 * time.Hour},
				{Metric: sla.NextResponse, Within: 4 * time.Hour},
				{Metric: sla.Resolution, Within: 16 * time.Hour}},
			1: {{Metric: sla.FirstResponse, Within: time.Hour},
				{Metric: sla.NextResponse, Within: 2 * time.Hour},
				{Metric: sla.Resolution, Within: 8 * time.Hour}},
		},
		PauseStatuses: []string{"pending", "on-hold"},
	}
}

// benchTicket is an ordinary 20-event ticket over a week and a half:
// conversation, pauses, a priority change, a solve and a reopen.
func benchTicket() []sla.Event {
	return []sla.Event{
		created(ny(3, 2, 8, 30), 2),
		note(ny(3, 2, 9, 10)),
		reply(ny(3, 2, 9, 45)),
		status(ny(3, 2, 9, 46), "pending"),
		ev(ny(3, 2, 14, 0), sla.CustomerMessage),
		status(ny(3, 2, 14, 0), "open"),
		ev(ny(3, 2, 14, 20), sla.CustomerMessage),
		reprio(ny(3, 2, 15, 0), 1),
		reply(ny(3, 2, 16, 10)),
		status(ny(3, 2, 16, 11), "on-hold"),
		status(ny(3, 4, 10, 0), "open"),
		reply(ny(3, 4, 11, 0)),
		ev(ny(3, 5, 9, 30), sla.CustomerMessage),
		note(ny(3, 5, 10, 0)),
		reply(ny(3, 5, 13, 0)),
		status(ny(3, 5, 13, 1), "pending"),
		ev(ny(3, 9, 9, 15), sla.CustomerMessage),
		status(ny(3, 9, 9, 15), "open"),
		ev(ny(3, 9, 12, 0), sla.Solved),
		ev(ny(3, 10, 8, 0), sla.Reopened),
	}
}

// BenchmarkEvaluate evaluates a 20-event ticket with three metrics on a
// business calendar. Goal: at most 5 us and 10 allocations per op.
func BenchmarkEvaluate(b *testing.B) {
	p, events, now := benchPolicy(), benchTicket(), ny(3, 10, 12, 0)
	if _, err := sla.Evaluate(p, events, now); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_, _ = sla.Evaluate(p, events, now)
	}
}

// BenchmarkSummarize summarizes one million reports (three to five clocks
// each, from 4096 distinct evaluated tickets shared between the reports to
// keep memory small). Goal: under one second per op.
func BenchmarkSummarize(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	p := deskPolicy()
	pool := make([]sla.Report, 4096)
	for i := range pool {
		events := randomTimeline(r)
		rep, err := sla.Evaluate(p, events, events[len(events)-1].At.Add(time.Duration(r.IntN(72))*time.Hour))
		if err != nil {
			b.Fatal(err)
		}
		pool[i] = rep
	}
	reports := make([]sla.Report, 1_000_000)
	clocks := 0
	for i := range reports {
		reports[i] = pool[r.IntN(len(pool))]
		clocks += len(reports[i].Clocks)
	}
	b.ReportMetric(float64(clocks), "clocks/op")
	b.ReportAllocs()
	for b.Loop() {
		_ = sla.Summarize(reports)
	}
}

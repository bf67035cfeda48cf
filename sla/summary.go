package sla

import (
	"slices"
	"time"

	"github.com/slakit/slakit/priority"
)

// Group is the compliance of one metric at one priority over many reports.
//
// Every clock is counted once in Count and once in exactly one of Met,
// Breached, Exempt and Running: Met for a clock stopped within target,
// Breached for a breached clock (running, paused or stopped) that no
// exemption covers, Exempt for a breached clock an exemption covers, and
// Running for a clock still running or paused without a breach, whose
// verdict is not known yet.
//
// Compliance is Met / (Met + Breached) as a percentage: exempt breaches and
// clocks without a verdict are left out. It is 0 when Met + Breached is 0.
//
// Median and P90 are nearest-rank percentiles of the counted time
// ([Clock.Elapsed]) of the stopped clocks (met, breached or exempt): the
// value at rank ceil(p/100 * n) in increasing order, so each is a counted
// time some clock actually had. Stopped counts them; when it is 0 both are
// 0.
type Group struct {
	Metric     Metric
	Priority   priority.Priority // the applied priority (Clock.Priority)
	Count      int
	Met        int
	Breached   int
	Exempt     int
	Running    int
	Compliance float64
	Stopped    int
	Median     time.Duration
	P90        time.Duration
}

// Summary is the compliance of many reports, one [Group] per metric and
// priority that has at least one clock, ordered by metric (FirstResponse,
// NextResponse, PeriodicUpdate, Resolution) and then by priority.
type Summary struct {
	Groups []Group
}

// Group returns the group of metric m at priority p, and whether there is
// one.
func (s Summary) Group(m Metric, p priority.Priority) (Group, bool) {
	for _, g := range s.Groups {
		if g.Metric == m && g.Priority == p {
			return g, true
		}
	}
	return Group{}, false
}

// Summarize computes compliance per metric and priority over reports,
// counting every clock of every report (every cycle counts, as Zendesk
// counts every next reply) except clocks without a target
// ([Clock.HasTarget]). The result depends only on the clocks, not on
// the order of the reports. It costs O(n log n) for n clocks, for the
// percentiles.
func Summarize(reports []Report) Summary {
	type acc struct {
		g       Group
		elapsed []time.Duration
	}
	// Few metric x priority pairs exist; find them by linear search over a
	// slice kept sorted at the end rather than by hashing.
	var accs []acc
	last := -1
	for ri := range reports {
		for ci := range reports[ri].Clocks {
			c := &reports[ri].Clocks[ci]
			if !c.HasTarget() {
				continue // no target, no verdict to count
			}
			if last < 0 || accs[last].g.Metric != c.Metric || accs[last].g.Priority != c.Priority {
				last = -1
				for i := range accs {
					if accs[i].g.Metric == c.Metric && accs[i].g.Priority == c.Priority {
						last = i
						break
					}
				}
				if last < 0 {
					accs = append(accs, acc{g: Group{Metric: c.Metric, Priority: c.Priority}})
					last = len(accs) - 1
				}
			}
			a := &accs[last]
			a.g.Count++
			switch {
			case c.State == Breached && c.Exempt != nil:
				a.g.Exempt++
			case c.State == Breached:
				a.g.Breached++
			case c.State == Met:
				a.g.Met++
			default:
				a.g.Running++
			}
			if !c.Stopped.IsZero() && (c.State == Met || c.State == Breached) {
				a.elapsed = append(a.elapsed, c.Elapsed)
			}
		}
	}
	slices.SortFunc(accs, func(a, b acc) int {
		if d := a.g.Metric.index() - b.g.Metric.index(); d != 0 {
			return d
		}
		return int(a.g.Priority) - int(b.g.Priority)
	})
	s := Summary{Groups: make([]Group, len(accs))}
	for i := range accs {
		g := &accs[i].g
		if d := g.Met + g.Breached; d > 0 {
			g.Compliance = 100 * float64(g.Met) / float64(d)
		}
		if e := accs[i].elapsed; len(e) > 0 {
			slices.Sort(e)
			g.Stopped = len(e)
			g.Median = e[nearestRank(50, len(e))]
			g.P90 = e[nearestRank(90, len(e))]
		}
		s.Groups[i] = *g
	}
	return s
}

// nearestRank returns the 0-based index of the p-th percentile of n sorted
// values: ceil(p*n/100) - 1, at least 0.
func nearestRank(p, n int) int {
	r := (p*n + 99) / 100
	if r < 1 {
		r = 1
	}
	return r - 1
}

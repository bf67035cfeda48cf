package escalation_test

import (
	"testing"
	"time"

	"github.com/slakit/slakit/escalation"
	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

// benchClock is a business-hours resolution clock that paused once and
// has crossed the first of the five levels of benchLadder (at Tue 10:00).
func benchSetup(b *testing.B) (*escalation.Ladder, sla.Clock, time.Time) {
	p := policy(desk(b), within(sla.Resolution, 8*time.Hour))
	events := []sla.Event{created(at(3, 2, 13, 0)), status(at(3, 2, 15, 0), "pending"), status(at(3, 2, 16, 0), "open")}
	now := at(3, 3, 11, 30)
	l := ladder(b, sla.Resolution,
		lv("half", escalation.AtPercent(50)),
		lv("soon", escalation.BeforeDue(30*time.Minute)),
		lv("breach", escalation.AtPercent(100)),
		lv("late", escalation.AfterDue(time.Hour)),
		lv("very-late", escalation.AtPercent(150)),
	)
	return l, clock(b, p, events, now, sla.Resolution), now
}

func BenchmarkFired(b *testing.B) {
	l, c, now := benchSetup(b)
	b.Run("nothing", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if l.Fired(c, now.Add(-time.Minute), now) != nil {
				b.Fatal("fired")
			}
		}
	})
	b.Run("one", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if len(l.Fired(c, at(3, 3, 9, 59), now)) != 1 {
				b.Fatal("want one")
			}
		}
	})
}

func BenchmarkNext(b *testing.B) {
	l, c, now := benchSetup(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, ok := l.Next(c, now); !ok {
			b.Fatal("no next level")
		}
	}
}

// BenchmarkRetargeted is Fired and Next on a clock whose target changed
// twice (8h, 2h at Mon 10:00, 8h at Mon 10:20), when nothing fires: every
// level is resolved across the three targets.
func BenchmarkRetargeted(b *testing.B) {
	l, _, _ := benchSetup(b)
	p := prioPolicy(desk(b), map[priority.Priority]sla.Target{
		3: {Metric: sla.Resolution, Within: 8 * time.Hour}, 1: {Metric: sla.Resolution, Within: 2 * time.Hour}})
	events := []sla.Event{created(at(3, 2, 9, 0)), reprio(at(3, 2, 10, 0), 1), reprio(at(3, 2, 10, 20), 3)}
	now := at(3, 2, 14, 0)
	c := clock(b, p, events, now, sla.Resolution)
	b.Run("Fired", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if l.Fired(c, now.Add(-time.Minute), now) != nil {
				b.Fatal("fired")
			}
		}
	})
	b.Run("Next", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, ok := l.Next(c, now); !ok {
				b.Fatal("no next level")
			}
		}
	})
}

package priority_test

import (
	"testing"

	"github.com/slakit/slakit/priority"
)

var sinkPriority priority.Priority

// BenchmarkPriority measures Matrix.Priority on the ITIL matrix, which the
// sla package calls on every evaluation: exact spelling, other case, and the
// last cell (the longest scan).
func BenchmarkPriority(b *testing.B) {
	m := priority.ITIL()
	for _, bc := range []struct{ name, impact, urgency string }{
		{"exact", "High", "Medium"},
		{"fold", "medium", "HIGH"},
		{"last", "Low", "Low"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p, err := m.Priority(bc.impact, bc.urgency)
				if err != nil {
					b.Fatal(err)
				}
				sinkPriority = p
			}
		})
	}
}

func BenchmarkRaise(b *testing.B) {
	m := priority.ITIL()
	b.ReportAllocs()
	for b.Loop() {
		p, err := m.Raise(3, 1)
		if err != nil {
			b.Fatal(err)
		}
		sinkPriority = p
	}
}

func BenchmarkParse(b *testing.B) {
	m := priority.ITIL()
	b.ReportAllocs()
	for b.Loop() {
		p, err := m.Parse("planning")
		if err != nil {
			b.Fatal(err)
		}
		sinkPriority = p
	}
}

package calendar

import (
	"iter"
	"time"
)

// Interval is a half-open stretch of time [Start, End).
type Interval struct {
	Start, End time.Time
}

// TODO(engine): stubs replaced by the real engine in the next commit.
type exceptions struct{ days []int64 }
type zoneTable struct{}

func buildExceptions(c *Calendar, o *options) (exceptions, error) { return exceptions{}, nil }
func buildZoneTable(loc *time.Location) zoneTable                 { return zoneTable{} }

func (c *Calendar) IsOpen(t time.Time) bool                    { return false }
func (c *Calendar) NextOpen(t time.Time) time.Time             { return t }
func (c *Calendar) NextClose(t time.Time) time.Time            { return t }
func (c *Calendar) Add(t time.Time, d time.Duration) time.Time { return t.Add(d) }
func (c *Calendar) Between(a, b time.Time) time.Duration       { return b.Sub(a) }
func (c *Calendar) AddDays(t time.Time, n int) time.Time       { return t }
func (c *Calendar) Intervals(a, b time.Time) iter.Seq[Interval] {
	return func(func(Interval) bool) {}
}

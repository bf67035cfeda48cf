package calendar_test

import (
	"testing"
	"time"

	"github.com/rickar/cal/v2/us"

	"github.com/slakit/slakit/calendar"
)

// The benchmarks compare slakit with rickar/cal v2.1.26 on the same
// calendar: Monday to Friday, 09:00-17:00, New York, US federal holidays.
// Each iteration takes the next of 64 instants spread over 2026 (open and
// closed ones), so that neither library answers from a lucky position.
//
//	go test -run='^$' -bench=. -benchmem ./calendar/

var (
	sinkTime time.Time
	sinkDur  time.Duration
	sinkBool bool
)

// benchStarts returns 64 instants in 2026, every 5 days and 7 hours, in
// New York.
func benchStarts(tb testing.TB) []time.Time {
	ny := zone(tb, "America/New_York")
	out := make([]time.Time, 64)
	t := time.Date(2026, 1, 5, 8, 0, 0, 0, ny)
	for i := range out {
		out[i] = t
		t = t.Add(5*24*time.Hour + 7*time.Hour + 13*time.Minute)
	}
	return out
}

func benchAdd(b *testing.B, d time.Duration) {
	ours, theirs, starts := nyOffice(b), rickarOffice(), benchStarts(b)
	b.Run("slakit", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkTime = ours.Add(starts[i&63], d)
			i++
		}
	})
	b.Run("rickar", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkTime = theirs.AddWorkHours(starts[i&63], d)
			i++
		}
	})
}

func BenchmarkAdd8h(b *testing.B)    { benchAdd(b, 8*time.Hour) }
func BenchmarkAdd2000h(b *testing.B) { benchAdd(b, 2000*time.Hour) }

func BenchmarkAddNegative8h(b *testing.B) {
	ours, starts := nyOffice(b), benchStarts(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkTime = ours.Add(starts[i&63], -8*time.Hour)
		i++
	}
}

func BenchmarkBetween2Years(b *testing.B) {
	ours, theirs, starts := nyOffice(b), rickarOffice(), benchStarts(b)
	b.Run("slakit", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			a := starts[i&63]
			sinkDur = ours.Between(a, a.AddDate(2, 0, 0))
			i++
		}
	})
	b.Run("rickar", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			a := starts[i&63]
			sinkDur = theirs.WorkHoursInRange(a, a.AddDate(2, 0, 0))
			i++
		}
	})
}

func BenchmarkBetweenDay(b *testing.B) {
	ours, theirs, starts := nyOffice(b), rickarOffice(), benchStarts(b)
	b.Run("slakit", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			a := starts[i&63]
			sinkDur = ours.Between(a, a.Add(26*time.Hour))
			i++
		}
	})
	b.Run("rickar", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			a := starts[i&63]
			sinkDur = theirs.WorkHoursInRange(a, a.Add(26*time.Hour))
			i++
		}
	})
}

// BenchmarkIsOpen compares IsOpen with rickar's IsWorkTime (which also
// counts 17:00:00 as work time; the cost is what is compared).
func BenchmarkIsOpen(b *testing.B) {
	ours, theirs, starts := nyOffice(b), rickarOffice(), benchStarts(b)
	b.Run("slakit", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkBool = ours.IsOpen(starts[i&63])
			i++
		}
	})
	b.Run("rickar", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkBool = theirs.IsWorkTime(starts[i&63])
			i++
		}
	})
}

// BenchmarkNextOpen compares NextOpen with rickar's NextWorkdayStart (which
// answers the next day's start even when t is open).
func BenchmarkNextOpen(b *testing.B) {
	ours, theirs, starts := nyOffice(b), rickarOffice(), benchStarts(b)
	b.Run("slakit", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkTime = ours.NextOpen(starts[i&63])
			i++
		}
	})
	b.Run("rickar", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkTime = theirs.NextWorkdayStart(starts[i&63])
			i++
		}
	})
}

func BenchmarkNextClose(b *testing.B) {
	ours, starts := nyOffice(b), benchStarts(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkTime = ours.NextClose(starts[i&63])
		i++
	}
}

// BenchmarkAddDays compares AddDays(t, 5) with rickar's WorkdaysFrom(t, 5)
// (which keeps t's time even on a closed day).
func BenchmarkAddDays(b *testing.B) {
	ours, theirs, starts := nyOffice(b), rickarOffice(), benchStarts(b)
	b.Run("slakit", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkTime = ours.AddDays(starts[i&63], 5)
			i++
		}
	})
	b.Run("rickar", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkTime = theirs.WorkdaysFrom(starts[i&63], 5)
			i++
		}
	})
}

// BenchmarkIntervalsWeek walks the open stretches of one week.
func BenchmarkIntervalsWeek(b *testing.B) {
	ours, starts := nyOffice(b), benchStarts(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a := starts[i&63]
		for iv := range ours.Intervals(a, a.AddDate(0, 0, 7)) {
			sinkTime = iv.End
		}
		i++
	}
}

// BenchmarkNew builds the calendar: two centuries of holidays and zone
// transitions.
func BenchmarkNew(b *testing.B) {
	ny := zone(b, "America/New_York")
	week, err := calendar.ParseWeek("Mon-Fri 09:00-17:00")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c, err := calendar.New(ny, week, calendar.WithHolidays(us.Holidays...))
		if err != nil {
			b.Fatal(err)
		}
		sinkBool = c.IsOpen(time.Time{})
	}
}

// BenchmarkBetween20Years shows what Between costs over a long range: it
// visits zone transitions and exception dates (40 and about 220 here), not
// the 7,300 days.
func BenchmarkBetween20Years(b *testing.B) {
	ours, starts := nyOffice(b), benchStarts(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a := starts[i&63]
		sinkDur = ours.Between(a, a.AddDate(20, 0, 0))
		i++
	}
}

// BenchmarkManyExceptions adds 2000h and measures two years on a calendar
// with 600 closed dates and 100 dates of special hours in 2026-2028 besides
// the US holidays: exception dates are visited one by one.
func BenchmarkManyExceptions(b *testing.B) {
	opts := []calendar.Option{calendar.WithHolidays(us.Holidays...)}
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 700 {
		d := calendar.Date{Year: day.Year(), Month: day.Month(), Day: day.Day()}
		if i%7 == 3 {
			opts = append(opts, calendar.WithHours(d, calendar.Span{Start: 10 * time.Hour, End: 15 * time.Hour}))
		} else {
			opts = append(opts, calendar.WithClosed(d))
		}
		day = day.AddDate(0, 0, 1+i%2)
	}
	c := calOf(b, "America/New_York", "Mon-Fri 09:00-17:00", opts...)
	starts := benchStarts(b)
	b.Run("Add2000h", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkTime = c.Add(starts[i&63], 2000*time.Hour)
			i++
		}
	})
	b.Run("Between2Years", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			a := starts[i&63]
			sinkDur = c.Between(a, a.AddDate(2, 0, 0))
			i++
		}
	})
}

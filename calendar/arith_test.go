package calendar_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/us"

	"github.com/slakit/slakit/calendar"
)

// Dates used below (weekdays and US holidays checked with rickar/cal's
// Holiday.Calc and time.Weekday):
//
//	2026: Thu Jan 1 New Year, Mon Jan 19 MLK, Mon May 25 Memorial Day,
//	      Sat Jul 4 Independence Day observed Fri Jul 3, Thu Dec 31 (New Year
//	      2027 falls on Fri Jan 1, 2027). New York is on EST (-05:00) until
//	      Sun Mar 8, on EDT (-04:00) until Sun Nov 1.
//	2021: Sat Jan 1, 2022 New Year observed Fri Dec 31, 2021.

// nyOffice is Mon-Fri 09:00-17:00 in New York with the US federal holidays.
func nyOffice(tb testing.TB, extra ...calendar.Option) *calendar.Calendar {
	tb.Helper()
	return calOf(tb, "America/New_York", "Mon-Fri 09:00-17:00", append([]calendar.Option{calendar.WithHolidays(us.Holidays...)}, extra...)...)
}

type instantCase struct {
	name string
	c    *calendar.Calendar
	t    string
	want string
}

func TestIsOpen(t *testing.T) {
	ny := nyOffice(t)
	split := calOf(t, "America/New_York", "Mon-Fri 09:00-12:00,13:00-17:00")
	night := calOf(t, "America/New_York", "Mon-Fri 22:00-06:00", calendar.WithClosed(calendar.Date{Year: 2026, Month: 3, Day: 10}))
	tests := []struct {
		name string
		c    *calendar.Calendar
		t    string
		want bool
	}{
		{"opening instant is open", ny, "2026-03-09T09:00:00-04:00", true},
		{"one ns before opening", ny, "2026-03-09T08:59:59.999999999-04:00", false},
		{"last ns before closing", ny, "2026-03-09T16:59:59.999999999-04:00", true},
		{"closing instant is closed", ny, "2026-03-09T17:00:00-04:00", false},
		{"input in UTC", ny, "2026-03-09T13:00:00Z", true},
		{"input in UTC, before opening", ny, "2026-03-09T12:59:59Z", false},
		{"MLK day", ny, "2026-01-19T12:00:00-05:00", false},
		{"Independence Day observed on Friday", ny, "2026-07-03T12:00:00-04:00", false},
		{"New Year 2022 observed on Fri Dec 31, 2021", ny, "2021-12-31T12:00:00-05:00", false},
		{"Saturday", ny, "2026-03-07T12:00:00-05:00", false},
		{"lunch break", split, "2026-03-09T12:30:00-04:00", false},
		{"after lunch", split, "2026-03-09T13:00:00-04:00", true},
		{"overnight head: Monday's own span, though Tuesday is closed", night, "2026-03-09T23:00:00-04:00", true},
		{"overnight head on Monday", night, "2026-03-09T22:00:00-04:00", true},
		{"overnight tail into a closed date", night, "2026-03-10T01:00:00-04:00", false},
		{"overnight tail", night, "2026-03-11T05:59:59-04:00", true},
		{"overnight tail end", night, "2026-03-11T06:00:00-04:00", false},
	}
	for _, tc := range tests {
		if got := tc.c.IsOpen(rfc(t, tc.t)); got != tc.want {
			t.Errorf("%s: IsOpen(%s) = %v want %v", tc.name, tc.t, got, tc.want)
		}
	}
}

func TestNextOpen(t *testing.T) {
	ny := nyOffice(t)
	split := calOf(t, "America/New_York", "Mon-Fri 09:00-12:00,13:00-17:00")
	tests := []instantCase{
		{"open instant is returned", ny, "2026-03-09T10:00:00-04:00", "2026-03-09T10:00:00-04:00"},
		{"opening instant", ny, "2026-03-09T09:00:00-04:00", "2026-03-09T09:00:00-04:00"},
		{"just before opening", ny, "2026-03-09T08:59:59.999999999-04:00", "2026-03-09T09:00:00-04:00"},
		{"Friday close to Monday across the DST weekend", ny, "2026-03-06T17:00:00-05:00", "2026-03-09T09:00:00-04:00"},
		{"Friday before Memorial Day", ny, "2026-05-22T17:00:00-04:00", "2026-05-26T09:00:00-04:00"},
		{"Thursday before the observed Independence Day", ny, "2026-07-02T18:00:00-04:00", "2026-07-06T09:00:00-04:00"},
		{"New Year's Eve 2026 to Monday Jan 4", ny, "2026-12-31T17:00:00-05:00", "2027-01-04T09:00:00-05:00"},
		{"lunch break", split, "2026-03-09T12:00:00-04:00", "2026-03-09T13:00:00-04:00"},
		{"input in UTC", ny, "2026-03-07T15:00:00Z", "2026-03-09T09:00:00-04:00"},
	}
	for _, tc := range tests {
		got := tc.c.NextOpen(rfc(t, tc.t))
		if want := rfc(t, tc.want); !got.Equal(want) || got.Location() != tc.c.Location() {
			t.Errorf("%s: NextOpen(%s) = %v want %v in %v", tc.name, tc.t, got, want, tc.c.Location())
		}
	}
}

func TestNextClose(t *testing.T) {
	ny := nyOffice(t)
	split := calOf(t, "America/New_York", "Mon-Fri 09:00-12:00,13:00-17:00")
	night := calOf(t, "America/New_York", "Mon-Fri 22:00-06:00", calendar.WithHolidays(us.Holidays...))
	allWeek := calOf(t, "America/New_York", "Mon-Sun 00:00-24:00", calendar.WithClosed(calendar.Date{Year: 2026, Month: 3, Day: 10}))
	tests := []instantCase{
		{"open", ny, "2026-03-09T10:00:00-04:00", "2026-03-09T17:00:00-04:00"},
		{"at closing: the next stretch's end", ny, "2026-03-09T17:00:00-04:00", "2026-03-10T17:00:00-04:00"},
		{"closed before a holiday weekend", ny, "2026-07-02T18:00:00-04:00", "2026-07-06T17:00:00-04:00"},
		{"morning shift", split, "2026-03-09T10:00:00-04:00", "2026-03-09T12:00:00-04:00"},
		{"lunch: end of the afternoon shift", split, "2026-03-09T12:30:00-04:00", "2026-03-09T17:00:00-04:00"},
		{"overnight stretch across midnight is one stretch", night, "2026-03-09T23:00:00-04:00", "2026-03-10T06:00:00-04:00"},
		{"overnight Friday into Saturday", night, "2026-03-13T23:00:00-04:00", "2026-03-14T06:00:00-04:00"},
		{"overnight into an observed holiday stops at midnight", night, "2026-07-02T22:00:00-04:00", "2026-07-03T00:00:00-04:00"},
		{"24x7 with a closed date closes at its midnight", allWeek, "2026-03-09T12:00:00-04:00", "2026-03-10T00:00:00-04:00"},
	}
	for _, tc := range tests {
		got := tc.c.NextClose(rfc(t, tc.t))
		if want := rfc(t, tc.want); !got.Equal(want) {
			t.Errorf("%s: NextClose(%s) = %v want %v", tc.name, tc.t, got, want)
		}
	}
	// A calendar that never closes: the zero time, as time.Time.ZoneBounds
	// reports no further transition.
	for _, c := range []*calendar.Calendar{
		calOf(t, "America/New_York", "Mon-Sun 00:00-24:00"),
		calOf(t, "America/New_York", "Mon-Fri 00:00-24:00; Sat-Sun 00:00-12:00,12:00-24:00"),
		calendar.AlwaysOpen(zone(t, "Europe/London")),
		calendar.AlwaysOpen(nil),
	} {
		if got := c.NextClose(rfc(t, "2026-03-09T12:00:00-04:00")); !got.IsZero() {
			t.Errorf("24x7 %v: NextClose = %v want the zero time", c.Location(), got)
		}
	}
	// After its last closed date, allWeek never closes again.
	if got := allWeek.NextClose(rfc(t, "2026-03-10T12:00:00-04:00")); !got.IsZero() {
		t.Errorf("24x7 after its last closed date: NextClose = %v want the zero time", got)
	}
}

type addCase struct {
	name string
	c    *calendar.Calendar
	t    string
	d    time.Duration
	want string
}

func TestAdd(t *testing.T) {
	ny := nyOffice(t)
	split := calOf(t, "America/New_York", "Mon-Fri 09:00-12:00,13:00-17:00")
	night := calOf(t, "America/New_York", "Mon-Fri 22:00-06:00", calendar.WithHolidays(us.Holidays...))
	tests := []addCase{
		{"a day's work ends at closing time", ny, "2026-03-09T09:00:00-04:00", 8 * time.Hour, "2026-03-09T17:00:00-04:00"},
		{"work ending at 17:00 is due at 17:00", ny, "2026-03-09T16:00:00-04:00", time.Hour, "2026-03-09T17:00:00-04:00"},
		{"one minute more is due the next morning", ny, "2026-03-09T16:00:00-04:00", time.Hour + time.Minute, "2026-03-10T09:01:00-04:00"},
		{"zero", ny, "2026-03-07T12:00:00-05:00", 0, "2026-03-07T12:00:00-05:00"},
		{"from a closed instant", ny, "2026-03-07T10:00:00-05:00", time.Hour, "2026-03-09T10:00:00-04:00"},
		{"Friday afternoon before Memorial Day", ny, "2026-05-22T16:00:00-04:00", 2 * time.Hour, "2026-05-26T10:00:00-04:00"},
		{"Thursday before the observed Independence Day", ny, "2026-07-02T16:00:00-04:00", 2 * time.Hour, "2026-07-06T10:00:00-04:00"},
		{"New Year's Eve 2026", ny, "2026-12-31T16:00:00-05:00", 2 * time.Hour, "2027-01-04T10:00:00-05:00"},
		{"New Year 2022 observed in 2021", ny, "2021-12-30T16:00:00-05:00", 2 * time.Hour, "2022-01-03T10:00:00-05:00"},
		{"across the spring-forward weekend", ny, "2026-03-06T16:00:00-05:00", 2 * time.Hour, "2026-03-09T10:00:00-04:00"},
		{"seconds", ny, "2026-03-09T16:59:30-04:00", 45 * time.Second, "2026-03-10T09:00:15-04:00"},
		{"nanoseconds", ny, "2026-03-09T16:59:59.999999999-04:00", 2, "2026-03-10T09:00:00.000000001-04:00"},
		{"a business week", ny, "2026-03-09T09:00:00-04:00", 40 * time.Hour, "2026-03-13T17:00:00-04:00"},
		{"a week with MLK day", ny, "2026-01-19T00:00:00-05:00", 32 * time.Hour, "2026-01-23T17:00:00-05:00"},
		// 2026 has 261 weekdays (365 days from a Thursday: 52 weeks and a
		// Thursday), and all 11 observed holidays are weekdays: 250 days.
		{"all of 2026", ny, "2026-01-01T00:00:00-05:00", 2000 * time.Hour, "2026-12-31T17:00:00-05:00"},
		{"split shift over lunch", split, "2026-03-09T11:30:00-04:00", time.Hour, "2026-03-09T13:30:00-04:00"},
		{"split shift, morning ends at 12:00", split, "2026-03-09T11:30:00-04:00", 30 * time.Minute, "2026-03-09T12:00:00-04:00"},
		{"overnight", night, "2026-03-09T23:00:00-04:00", 3 * time.Hour, "2026-03-10T02:00:00-04:00"},
		// Thu 23:00-24:00 is 1h; Fri 3 Jul (observed) is closed all day; Sat 4
		// Jul keeps its own 00:00-06:00 span (Friday's overnight tail in the
		// week), so the second hour ends Sat 01:00.
		{"overnight into an observed holiday", night, "2026-07-02T23:00:00-04:00", 2 * time.Hour, "2026-07-04T01:00:00-04:00"},

		// Negative durations count backwards: the latest u <= t.
		{"back over a weekend", ny, "2026-03-09T10:00:00-04:00", -2 * time.Hour, "2026-03-06T16:00:00-05:00"},
		{"back from opening: the latest instant", ny, "2026-03-09T09:00:00-04:00", -time.Hour, "2026-03-06T16:00:00-05:00"},
		{"back a whole day from the next opening", ny, "2026-03-10T09:00:00-04:00", -8 * time.Hour, "2026-03-09T09:00:00-04:00"},
		{"back from a closed instant", ny, "2026-03-07T12:00:00-05:00", -time.Hour, "2026-03-06T16:00:00-05:00"},
		{"back over Memorial Day", ny, "2026-05-26T10:00:00-04:00", -2 * time.Hour, "2026-05-22T16:00:00-04:00"},
		{"back by nanoseconds", ny, "2026-03-10T09:00:00.000000001-04:00", -2, "2026-03-09T16:59:59.999999999-04:00"},
		{"back over lunch", split, "2026-03-09T13:30:00-04:00", -time.Hour, "2026-03-09T11:30:00-04:00"},
		{"back to the morning from after lunch", split, "2026-03-09T13:00:00-04:00", -30 * time.Minute, "2026-03-09T11:30:00-04:00"},
	}
	for _, tc := range tests {
		start := rfc(t, tc.t)
		got := tc.c.Add(start, tc.d)
		if want := rfc(t, tc.want); !got.Equal(want) || got.Location() != tc.c.Location() {
			t.Errorf("%s: Add(%s, %v) = %v want %v in %v", tc.name, tc.t, tc.d, got, want, tc.c.Location())
		}
	}
}

func TestBetween(t *testing.T) {
	ny := nyOffice(t)
	split := calOf(t, "America/New_York", "Mon-Fri 09:00-12:00,13:00-17:00")
	closedWed := nyOffice(t, calendar.WithClosed(calendar.Date{Year: 2026, Month: 3, Day: 11}))
	tests := []struct {
		name string
		c    *calendar.Calendar
		a, b string
		want time.Duration
	}{
		{"empty", ny, "2026-03-09T10:00:00-04:00", "2026-03-09T10:00:00-04:00", 0},
		{"within a day", ny, "2026-03-09T10:00:00-04:00", "2026-03-09T12:30:00-04:00", 150 * time.Minute},
		{"a whole day: [09:00, 17:00)", ny, "2026-03-09T09:00:00-04:00", "2026-03-09T17:00:00-04:00", 8 * time.Hour},
		{"over a weekend", ny, "2026-03-06T16:00:00-05:00", "2026-03-09T10:00:00-04:00", 2 * time.Hour},
		{"reversed is negative", ny, "2026-03-09T10:00:00-04:00", "2026-03-06T16:00:00-05:00", -2 * time.Hour},
		{"a plain week", ny, "2026-03-09T00:00:00-04:00", "2026-03-16T00:00:00-04:00", 40 * time.Hour},
		{"a week with MLK day", ny, "2026-01-19T00:00:00-05:00", "2026-01-26T00:00:00-05:00", 32 * time.Hour},
		{"a week with a WithClosed date", closedWed, "2026-03-09T00:00:00-04:00", "2026-03-16T00:00:00-04:00", 32 * time.Hour},
		{"all of 2026", ny, "2026-01-01T00:00:00-05:00", "2027-01-01T00:00:00-05:00", 2000 * time.Hour},
		{"all of 2026, reversed", ny, "2027-01-01T00:00:00-05:00", "2026-01-01T00:00:00-05:00", -2000 * time.Hour},
		{"nanoseconds", ny, "2026-03-09T16:59:59.999999999-04:00", "2026-03-10T09:00:00.000000001-04:00", 2},
		{"seconds", ny, "2026-03-09T08:59:30-04:00", "2026-03-09T09:00:45-04:00", 45 * time.Second},
		{"split shift over lunch", split, "2026-03-09T11:00:00-04:00", "2026-03-09T14:00:00-04:00", 2 * time.Hour},
		{"closed both ends", ny, "2026-03-07T00:00:00-05:00", "2026-03-08T23:00:00-04:00", 0},
	}
	for _, tc := range tests {
		if got := tc.c.Between(rfc(t, tc.a), rfc(t, tc.b)); got != tc.want {
			t.Errorf("%s: Between(%s, %s) = %v want %v", tc.name, tc.a, tc.b, got, tc.want)
		}
	}
}

func TestAddDays(t *testing.T) {
	ny := nyOffice(t)
	withSat := calOf(t, "America/New_York", "Mon-Fri 09:00-12:00,13:00-17:00; Sat 09:00-10:00")
	tests := []struct {
		name string
		c    *calendar.Calendar
		t    string
		n    int
		want string
	}{
		{"next day, same time", ny, "2026-03-09T10:00:00-04:00", 1, "2026-03-10T10:00:00-04:00"},
		{"zero is NextOpen", ny, "2026-03-07T10:00:00-05:00", 0, "2026-03-09T09:00:00-04:00"},
		{"zero when open", ny, "2026-03-09T10:30:00-04:00", 0, "2026-03-09T10:30:00-04:00"},
		{"from a closed instant: starts at the opening", ny, "2026-03-07T10:00:00-05:00", 1, "2026-03-10T09:00:00-04:00"},
		{"after closing: starts at the next opening", ny, "2026-03-09T18:00:00-04:00", 1, "2026-03-11T09:00:00-04:00"},
		{"over Memorial Day weekend", ny, "2026-05-22T10:00:00-04:00", 1, "2026-05-26T10:00:00-04:00"},
		{"3 business days over the observed Independence Day", ny, "2026-07-02T16:30:00-04:00", 3, "2026-07-08T16:30:00-04:00"},
		{"a business week", ny, "2026-03-09T11:15:00-04:00", 5, "2026-03-16T11:15:00-04:00"},
		{"wall clock kept across DST", ny, "2026-03-06T11:15:00-05:00", 1, "2026-03-09T11:15:00-04:00"},
		{"seconds kept", ny, "2026-03-09T10:00:01.5-04:00", 2, "2026-03-11T10:00:01.5-04:00"},
		{"landing time closed: next opening after it", withSat, "2026-03-13T11:00:00-04:00", 1, "2026-03-16T09:00:00-04:00"},
		{"landing on a short day, open", withSat, "2026-03-13T09:30:00-04:00", 1, "2026-03-14T09:30:00-04:00"},
		{"starting in lunch: counts from 13:00", withSat, "2026-03-09T12:30:00-04:00", 1, "2026-03-10T13:00:00-04:00"},
		// n < 0 moves the dates backwards by the same rule.
		{"one day back", ny, "2026-03-10T10:00:00-04:00", -1, "2026-03-09T10:00:00-04:00"},
		{"back over Memorial Day", ny, "2026-05-26T10:00:00-04:00", -1, "2026-05-22T10:00:00-04:00"},
		{"back from a closed instant: from the next opening", ny, "2026-03-07T10:00:00-05:00", -1, "2026-03-06T09:00:00-05:00"},
		{"back from after closing", ny, "2026-03-09T18:00:00-04:00", -1, "2026-03-09T09:00:00-04:00"},
		// Sat 14 Mar has open time (09:00-10:00) but not at 11:00: the next
		// opening after Sat 11:00 is Mon 16 Mar 09:00.
		{"back onto a short day, closed at that time", withSat, "2026-03-16T11:00:00-04:00", -1, "2026-03-16T09:00:00-04:00"},
	}
	for _, tc := range tests {
		got := tc.c.AddDays(rfc(t, tc.t), tc.n)
		if want := rfc(t, tc.want); !got.Equal(want) || got.Location() != tc.c.Location() {
			t.Errorf("%s: AddDays(%s, %d) = %v want %v in %v", tc.name, tc.t, tc.n, got, want, tc.c.Location())
		}
	}
}

func TestIntervals(t *testing.T) {
	ny := nyOffice(t)
	split := calOf(t, "America/New_York", "Mon-Fri 09:00-12:00,13:00-17:00")
	night := calOf(t, "America/New_York", "Mon-Fri 22:00-06:00")
	tests := []struct {
		name string
		c    *calendar.Calendar
		a, b string
		want [][2]string
	}{
		{"clipped at both ends over Memorial Day", ny, "2026-05-22T12:00:00-04:00", "2026-05-26T12:00:00-04:00",
			[][2]string{{"2026-05-22T12:00:00-04:00", "2026-05-22T17:00:00-04:00"}, {"2026-05-26T09:00:00-04:00", "2026-05-26T12:00:00-04:00"}}},
		{"split shift", split, "2026-03-09T00:00:00-04:00", "2026-03-10T00:00:00-04:00",
			[][2]string{{"2026-03-09T09:00:00-04:00", "2026-03-09T12:00:00-04:00"}, {"2026-03-09T13:00:00-04:00", "2026-03-09T17:00:00-04:00"}}},
		{"overnight spans across midnight form one stretch", night, "2026-03-09T00:00:00-04:00", "2026-03-11T00:00:00-04:00",
			[][2]string{{"2026-03-09T22:00:00-04:00", "2026-03-10T06:00:00-04:00"}, {"2026-03-10T22:00:00-04:00", "2026-03-11T00:00:00-04:00"}}},
		{"closed range", ny, "2026-03-07T00:00:00-05:00", "2026-03-09T00:00:00-04:00", nil},
		{"empty range", ny, "2026-03-09T10:00:00-04:00", "2026-03-09T10:00:00-04:00", nil},
		{"reversed range", ny, "2026-03-10T10:00:00-04:00", "2026-03-09T10:00:00-04:00", nil},
		{"range ending at the opening", ny, "2026-03-07T00:00:00-05:00", "2026-03-09T09:00:00-04:00", nil},
		{"range starting at the closing", ny, "2026-03-09T17:00:00-04:00", "2026-03-10T09:00:00-04:00", nil},
	}
	for _, tc := range tests {
		var got []calendar.Interval
		for iv := range tc.c.Intervals(rfc(t, tc.a), rfc(t, tc.b)) {
			got = append(got, iv)
		}
		var want []calendar.Interval
		for _, w := range tc.want {
			want = append(want, calendar.Interval{Start: rfc(t, w[0]), End: rfc(t, w[1])})
		}
		if !equalIntervals(got, want) {
			t.Errorf("%s: Intervals(%s, %s) = %v want %v", tc.name, tc.a, tc.b, got, want)
		}
		for _, iv := range got {
			if iv.Start.Location() != tc.c.Location() || iv.End.Location() != tc.c.Location() {
				t.Errorf("%s: Intervals gave %v, not in %v", tc.name, iv, tc.c.Location())
			}
		}
	}

	// Breaking out of the loop stops the iteration.
	n := 0
	for range ny.Intervals(rfc(t, "2026-03-09T00:00:00-04:00"), rfc(t, "2026-04-09T00:00:00-04:00")) {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("Intervals with break after 2: saw %d", n)
	}
}

func TestSpecialHoursAndClosures(t *testing.T) {
	mlk := calendar.Date{Year: 2026, Month: time.January, Day: 19}
	sat := calendar.Date{Year: 2026, Month: time.March, Day: 7}
	mon := calendar.Date{Year: 2026, Month: time.March, Day: 9}
	wed := calendar.Date{Year: 2026, Month: time.March, Day: 11}
	c := nyOffice(t,
		calendar.WithHours(sat, calendar.Span{Start: clk(10, 0), End: clk(14, 0)}),
		calendar.WithHours(mon),
		calendar.WithHours(mlk, calendar.Span{Start: clk(10, 0), End: clk(12, 0)}),
		calendar.WithClosed(wed),
	)
	betweens := []struct {
		name string
		a, b string
		want time.Duration
	}{
		{"special hours on a Saturday", "2026-03-07T00:00:00-05:00", "2026-03-08T00:00:00-05:00", 4 * time.Hour},
		{"WithHours with no spans closes Monday", "2026-03-09T00:00:00-04:00", "2026-03-10T00:00:00-04:00", 0},
		{"WithClosed closes Wednesday", "2026-03-11T00:00:00-04:00", "2026-03-12T00:00:00-04:00", 0},
		{"special hours beat a holiday", "2026-01-19T00:00:00-05:00", "2026-01-20T00:00:00-05:00", 2 * time.Hour},
		{"the week: Sat 4h + Tue, Thu, Fri 8h", "2026-03-07T00:00:00-05:00", "2026-03-14T00:00:00-05:00", 28 * time.Hour},
	}
	for _, tc := range betweens {
		if got := c.Between(rfc(t, tc.a), rfc(t, tc.b)); got != tc.want {
			t.Errorf("%s: Between(%s, %s) = %v want %v", tc.name, tc.a, tc.b, got, tc.want)
		}
	}
	adds := []addCase{
		{"Saturday's special hours", c, "2026-03-07T09:00:00-05:00", time.Hour, "2026-03-07T11:00:00-05:00"},
		{"from Saturday over a closed Monday", c, "2026-03-07T13:00:00-05:00", 2 * time.Hour, "2026-03-10T10:00:00-04:00"},
		{"over a closed Wednesday", c, "2026-03-10T16:00:00-04:00", 2 * time.Hour, "2026-03-12T10:00:00-04:00"},
		{"MLK special hours end at 12:00", c, "2026-01-19T11:00:00-05:00", time.Hour, "2026-01-19T12:00:00-05:00"},
		{"backwards into Saturday's special hours", c, "2026-03-10T10:00:00-04:00", -2 * time.Hour, "2026-03-07T13:00:00-05:00"},
	}
	for _, tc := range adds {
		got := tc.c.Add(rfc(t, tc.t), tc.d)
		if want := rfc(t, tc.want); !got.Equal(want) {
			t.Errorf("%s: Add(%s, %v) = %v want %v", tc.name, tc.t, tc.d, got, want)
		}
	}
	if got, want := c.NextOpen(rfc(t, "2026-03-09T08:00:00-04:00")), rfc(t, "2026-03-10T09:00:00-04:00"); !got.Equal(want) {
		t.Errorf("NextOpen(closed Monday 08:00) = %v want %v", got, want)
	}
	// Special hours beat WithClosed on the same date too.
	d := calendar.Date{Year: 2026, Month: 3, Day: 10}
	both := nyOffice(t, calendar.WithClosed(d), calendar.WithHours(d, calendar.Span{Start: clk(10, 0), End: clk(12, 0)}))
	if got := both.Between(rfc(t, "2026-03-10T00:00:00-04:00"), rfc(t, "2026-03-11T00:00:00-04:00")); got != 2*time.Hour {
		t.Errorf("WithClosed and WithHours on one date: Between = %v want 2h", got)
	}

	// AddDays skips dates without open time.
	if got, want := c.AddDays(rfc(t, "2026-03-06T10:00:00-05:00"), 2), rfc(t, "2026-03-10T10:00:00-04:00"); !got.Equal(want) {
		t.Errorf("AddDays(Fri 10:00, 2) = %v want %v (Sat has special hours: day 1; Mon is closed; Tue is day 2)", got, want)
	}

	// DESIGN: the observed date is closed, not the actual date. On a 7-day
	// calendar, Sat 2026-07-04 is open and Fri 2026-07-03 closed.
	week := calOf(t, "America/New_York", "Mon-Sun 09:00-17:00", calendar.WithHolidays(us.IndependenceDay))
	if week.IsOpen(rfc(t, "2026-07-03T12:00:00-04:00")) {
		t.Errorf("IsOpen(Fri 2026-07-03 12:00) = true want false: Independence Day observed")
	}
	if !week.IsOpen(rfc(t, "2026-07-04T12:00:00-04:00")) {
		t.Errorf("IsOpen(Sat 2026-07-04 12:00) = false want true: the holiday is observed on Friday")
	}

	// Special hours next to the next day's span form one stretch.
	late := nyOffice(t,
		calendar.WithHours(calendar.Date{Year: 2026, Month: 3, Day: 9}, calendar.Span{Start: clk(9, 0), End: 24 * time.Hour}),
		calendar.WithHours(calendar.Date{Year: 2026, Month: 3, Day: 10}, calendar.Span{Start: 0, End: clk(17, 0)}),
	)
	if got, want := late.NextClose(rfc(t, "2026-03-09T20:00:00-04:00")), rfc(t, "2026-03-10T17:00:00-04:00"); !got.Equal(want) {
		t.Errorf("NextClose across special midnight = %v want %v", got, want)
	}
}

// TestFractionalSpans checks spans with fractions of a second, read by
// ParseWeek: Monday 09:00:00.5 to 17:00:00.000000001.
func TestFractionalSpans(t *testing.T) {
	c := calOf(t, "UTC", "Mon 09:00:00.5-17:00:00.000000001")
	if got, want := c.Between(rfc(t, "2026-03-09T00:00:00Z"), rfc(t, "2026-03-10T00:00:00Z")), 8*time.Hour-500*time.Millisecond+1; got != want {
		t.Errorf("Between(Mon) = %v want %v", got, want)
	}
	if got, want := c.Add(rfc(t, "2026-03-09T00:00:00Z"), time.Second), rfc(t, "2026-03-09T09:00:01.5Z"); !got.Equal(want) {
		t.Errorf("Add(Mon 00:00, 1s) = %v want %v", got, want)
	}
	if c.IsOpen(rfc(t, "2026-03-09T09:00:00.499999999Z")) || !c.IsOpen(rfc(t, "2026-03-09T09:00:00.5Z")) {
		t.Errorf("IsOpen around 09:00:00.5 is wrong")
	}
	if got, want := c.NextClose(rfc(t, "2026-03-09T12:00:00Z")), rfc(t, "2026-03-09T17:00:00.000000001Z"); !got.Equal(want) {
		t.Errorf("NextClose(Mon 12:00) = %v want %v", got, want)
	}
}

// TestCenturies checks Add and Between over spans whose real length does
// not fit in a time.Duration although their open time does. The expected
// values come from summing Between over 50-year pieces.
func TestCenturies(t *testing.T) {
	d := time.Duration(290 * 365 * 24 * int64(time.Hour))
	pieces := func(c *calendar.Calendar, a, b time.Time) time.Duration {
		var sum time.Duration
		for a.Before(b) {
			n := a.AddDate(50, 0, 0)
			if n.After(b) {
				n = b
			}
			sum += c.Between(a, n)
			a = n
		}
		return sum
	}
	office := calOf(t, "UTC", "Mon-Fri 09:00-17:00", calendar.WithHolidays(us.Holidays...))
	a := time.Date(1680, 1, 1, 0, 0, 0, 0, time.UTC)
	u := office.Add(a, d)
	if got := office.Between(a, u); got != d || pieces(office, a, u) != d {
		t.Errorf("Between(%v, Add(.., 290y) = %v) = %v, by pieces %v, want %v", a, u, got, pieces(office, a, u), d)
	}
	allWeek := calOf(t, "UTC", "Mon-Sun 00:00-24:00", calendar.WithHolidays(us.Holidays...))
	b := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	v := allWeek.Add(b, -d)
	if got := allWeek.Between(v, b); got != d || pieces(allWeek, v, b) != d {
		t.Errorf("Between(Add(%v, -290y) = %v, ..) = %v, by pieces %v, want %v", b, v, got, pieces(allWeek, v, b), d)
	}
	// Found by FuzzAddBetween: counting back almost 292 years from 2262.
	kolkata := calOf(t, "Asia/Kolkata", "Mon-Sun 00:00-24:00", calendar.WithHolidays(us.Holidays...),
		calendar.WithClosed(calendar.Date{Year: 2026, Month: 3, Day: 11}))
	end, back := time.Unix(0, 9223372036854775725), time.Duration(-9223372036854775739)
	if w := kolkata.Add(end, back); kolkata.Between(w, end) != -back {
		t.Errorf("Between(Add(%v, %v) = %v, t) = %v want %v", end, back, w, kolkata.Between(w, end), -back)
	}
}

// TestAddDaysHuge checks that AddDays returns promptly for any n, never
// moves against n, and caps |n| at 2^18 open days, as documented.
func TestAddDaysHuge(t *testing.T) {
	c := nyOffice(t)
	a := rfc(t, "2026-03-09T10:00:00-04:00")
	capped := c.AddDays(a, 1<<18)
	prev := c.AddDays(a, 1<<18-1)
	if !capped.After(prev) {
		t.Errorf("AddDays(t, 1<<18) = %v not after AddDays(t, 1<<18-1) = %v", capped, prev)
	}
	for _, n := range []int{1<<18 + 1, 1 << 40, 1 << 48, 1 << 60, math.MaxInt} {
		if got := c.AddDays(a, n); !got.Equal(capped) {
			t.Errorf("AddDays(t, %d) = %v want the cap AddDays(t, 1<<18) = %v", n, got, capped)
		}
	}
	capped = c.AddDays(a, -(1 << 18))
	if prev := c.AddDays(a, -(1<<18 - 1)); !capped.Before(prev) {
		t.Errorf("AddDays(t, -1<<18) = %v not before AddDays(t, -(1<<18-1)) = %v", capped, prev)
	}
	for _, n := range []int{-(1<<18 + 1), -(1 << 40), -(1 << 60), math.MinInt} {
		if got := c.AddDays(a, n); !got.Equal(capped) {
			t.Errorf("AddDays(t, %d) = %v want the cap AddDays(t, -1<<18) = %v", n, got, capped)
		}
	}
	// Found by FuzzAddBetween: a desk open across Santiago's midnight
	// transitions crosses two a year past the zone table; at the former
	// cap of 2^36 days this call ran for hours. It must land on the cap.
	stgo := calOf(t, "America/Santiago", "Sat 23:30-00:15", calendar.WithHolidays(us.Holidays...))
	from := time.Unix(0, 4611686018427387904)
	if got, want := stgo.AddDays(from, 4611686018427387926), stgo.AddDays(from, 1<<18); !got.Equal(want) {
		t.Errorf("Santiago AddDays(%v, huge) = %v want the cap %v", from, got, want)
	}
	// 52 weeks of 5 days minus the 11 observed holidays from Mon 9 Mar
	// 2026 to Mon 8 Mar 2027: Memorial, Juneteenth, Independence (Jul 3),
	// Labor, Columbus, Veterans, Thanksgiving, Christmas 2026, New Year,
	// MLK and Presidents' Day 2027. 260 - 11 = 249 open days later is Mon 8
	// Mar 2027 at 10:00.
	if got, want := c.AddDays(a, 249), rfc(t, "2027-03-08T10:00:00-05:00"); !got.Equal(want) {
		t.Errorf("AddDays(t, 249) = %v want %v", got, want)
	}
}

// TestWeekAndDuration checks Calendar.Week (merged, sorted, a copy) and
// Interval.Duration.
func TestWeekAndDuration(t *testing.T) {
	ny := zone(t, "America/New_York")
	given := calendar.Week{1: {{Start: clk(13, 0), End: clk(17, 0)}, {Start: clk(9, 0), End: clk(13, 0)}}, 2: {{Start: clk(14, 0), End: clk(15, 0)}, {Start: clk(9, 0), End: clk(10, 0)}}}
	c, err := calendar.New(ny, given)
	if err != nil {
		t.Fatal(err)
	}
	w := c.Week()
	if got, want := w.String(), "Mon 09:00-17:00; Tue 09:00-10:00,14:00-15:00"; got != want {
		t.Errorf("Week() = %q want %q", got, want)
	}
	w[1][0].End = clk(10, 0)
	if got := c.Week()[1][0].End; got != clk(17, 0) {
		t.Errorf("changing Week()'s result changed the calendar: Monday ends at %v", got)
	}
	if got := calendar.AlwaysOpen(ny).Week().String(); got != "Mon-Sun 00:00-24:00" {
		t.Errorf("AlwaysOpen.Week() = %q", got)
	}
	// Across fall-back, 01:00 EDT to 01:00 EST is one real hour.
	iv := calendar.Interval{Start: rfc(t, "2026-11-01T01:00:00-04:00"), End: rfc(t, "2026-11-01T01:00:00-05:00")}
	if got := iv.Duration(); got != time.Hour {
		t.Errorf("%v.Duration() = %v want 1h", iv, got)
	}
}

// TestNewCopiesInputs checks that changing the caller's week or spans after
// New does not change the calendar.
func TestNewCopiesInputs(t *testing.T) {
	ny := zone(t, "America/New_York")
	week := calendar.Week{1: {{Start: clk(9, 0), End: clk(17, 0)}}}
	spans := []calendar.Span{{Start: clk(10, 0), End: clk(11, 0)}}
	hols := []*cal.Holiday{us.MlkDay}
	sat := calendar.Date{Year: 2026, Month: 3, Day: 7}
	c, err := calendar.New(ny, week, calendar.WithHours(sat, spans...), calendar.WithHolidays(hols...))
	if err != nil {
		t.Fatal(err)
	}
	week[1][0].End = clk(10, 0)
	spans[0].End = clk(14, 0)
	hols[0] = us.ChristmasDay
	if got := c.Between(rfc(t, "2026-03-09T00:00:00-04:00"), rfc(t, "2026-03-10T00:00:00-04:00")); got != 8*time.Hour {
		t.Errorf("after changing the caller's week: Between(Mon) = %v want 8h", got)
	}
	if got := c.Between(rfc(t, "2026-03-07T00:00:00-05:00"), rfc(t, "2026-03-08T00:00:00-05:00")); got != time.Hour {
		t.Errorf("after changing the caller's spans: Between(Sat) = %v want 1h", got)
	}
	if got := c.Between(rfc(t, "2026-01-19T00:00:00-05:00"), rfc(t, "2026-01-20T00:00:00-05:00")); got != 0 {
		t.Errorf("after changing the caller's holidays: Between(MLK day) = %v want 0", got)
	}
}

func TestNewErrors(t *testing.T) {
	ny := zone(t, "America/New_York")
	nineToFive := calendar.Week{1: {{Start: clk(9, 0), End: clk(17, 0)}}}
	mon := calendar.Date{Year: 2026, Month: 3, Day: 9}
	tests := []struct {
		name string
		loc  *time.Location
		week calendar.Week
		opts []calendar.Option
		want error
		in   string // a piece of the message
	}{
		{"nil location", nil, nineToFive, nil, calendar.ErrNilLocation, ""},
		{"overlapping spans", ny, calendar.Week{1: {{Start: clk(9, 0), End: clk(12, 0)}, {Start: clk(11, 0), End: clk(13, 0)}}}, nil, calendar.ErrOverlap, "Mon"},
		{"negative start", ny, calendar.Week{1: {{Start: -time.Minute, End: clk(12, 0)}}}, nil, calendar.ErrSpanRange, ""},
		{"end past 24h", ny, calendar.Week{1: {{Start: clk(20, 0), End: clk(25, 0)}}}, nil, calendar.ErrSpanRange, ""},
		{"empty span", ny, calendar.Week{1: {{Start: clk(9, 0), End: clk(9, 0)}}}, nil, calendar.ErrSpanRange, ""},
		{"reversed span", ny, calendar.Week{1: {{Start: clk(17, 0), End: clk(9, 0)}}}, nil, calendar.ErrSpanRange, ""},
		{"no open time", ny, calendar.Week{}, nil, calendar.ErrNoOpenTime, ""},
		{"no open time, empty days", ny, calendar.Week{1: {}, 2: nil}, nil, calendar.ErrNoOpenTime, ""},
		{"no open time, special hours do not count", ny, calendar.Week{},
			[]calendar.Option{calendar.WithHours(mon, calendar.Span{Start: clk(9, 0), End: clk(10, 0)})}, calendar.ErrNoOpenTime, ""},
		{"duplicate WithHours date", ny, nineToFive,
			[]calendar.Option{calendar.WithHours(mon, calendar.Span{Start: clk(9, 0), End: clk(10, 0)}), calendar.WithHours(mon)}, calendar.ErrDuplicateDate, "2026-03-09"},
		{"Feb 30 closed", ny, nineToFive, []calendar.Option{calendar.WithClosed(calendar.Date{Year: 2026, Month: 2, Day: 30})}, calendar.ErrBadDate, "2026-02-30"},
		{"Feb 29 in a common year", ny, nineToFive, []calendar.Option{calendar.WithClosed(calendar.Date{Year: 2026, Month: 2, Day: 29})}, calendar.ErrBadDate, ""},
		{"month 13", ny, nineToFive, []calendar.Option{calendar.WithHours(calendar.Date{Year: 2026, Month: 13, Day: 1})}, calendar.ErrBadDate, ""},
		{"day 0", ny, nineToFive, []calendar.Option{calendar.WithClosed(calendar.Date{Year: 2026, Month: 1, Day: 0})}, calendar.ErrBadDate, ""},
		{"zero date", ny, nineToFive, []calendar.Option{calendar.WithClosed(calendar.Date{})}, calendar.ErrBadDate, ""},
		{"special hours out of range", ny, nineToFive,
			[]calendar.Option{calendar.WithHours(mon, calendar.Span{Start: clk(20, 0), End: clk(25, 0)})}, calendar.ErrSpanRange, ""},
		{"special hours overlapping", ny, nineToFive,
			[]calendar.Option{calendar.WithHours(mon, calendar.Span{Start: clk(9, 0), End: clk(12, 0)}, calendar.Span{Start: clk(10, 0), End: clk(11, 0)})}, calendar.ErrOverlap, ""},
		{"nil holiday", ny, nineToFive, []calendar.Option{calendar.WithHolidays(us.MlkDay, nil)}, nil, "nil"},
	}
	for _, tc := range tests {
		c, err := calendar.New(tc.loc, tc.week, tc.opts...)
		if err == nil {
			t.Errorf("%s: New succeeded, want an error", tc.name)
			continue
		}
		if c != nil {
			t.Errorf("%s: New returned a calendar with error %v", tc.name, err)
		}
		if tc.want != nil && !errors.Is(err, tc.want) {
			t.Errorf("%s: New error %q, want errors.Is %q", tc.name, err, tc.want)
		}
		if !strings.HasPrefix(err.Error(), "calendar: ") {
			t.Errorf("%s: New error %q does not start with \"calendar: \"", tc.name, err)
		}
		if !strings.Contains(err.Error(), tc.in) {
			t.Errorf("%s: New error %q does not name %q", tc.name, err, tc.in)
		}
	}

	// Valid edge cases.
	valid := []struct {
		name string
		week calendar.Week
		opts []calendar.Option
	}{
		{"Feb 29 in a leap year", nineToFive, []calendar.Option{calendar.WithClosed(calendar.Date{Year: 2028, Month: 2, Day: 29})}},
		{"touching spans", calendar.Week{1: {{Start: clk(13, 0), End: clk(17, 0)}, {Start: clk(9, 0), End: clk(13, 0)}}}, nil},
		{"a whole day", calendar.Week{1: {{Start: 0, End: 24 * time.Hour}}}, nil},
		{"nil option", nineToFive, []calendar.Option{nil}},
		{"the same date closed twice", nineToFive, []calendar.Option{calendar.WithClosed(mon, mon)}},
	}
	for _, tc := range valid {
		if _, err := calendar.New(ny, tc.week, tc.opts...); err != nil {
			t.Errorf("%s: New error %v, want none", tc.name, err)
		}
	}
}

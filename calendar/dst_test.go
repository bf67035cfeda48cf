package calendar_test

import (
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/slakit/slakit/calendar"
)

// Hand-checked DST cases. Every expected instant is written as RFC 3339 with
// its offset so it can be checked against the zone data without running
// anything. The 2026 transitions used (from the zone data, ZoneBounds):
//
//	America/New_York    Sun 2026-03-08 02:00 EST -> 03:00 EDT (07:00Z)
//	                    Sun 2026-11-01 02:00 EDT -> 01:00 EST (06:00Z)
//	Europe/London       Sun 2026-03-29 01:00 GMT -> 02:00 BST (01:00Z)
//	                    Sun 2026-10-25 02:00 BST -> 01:00 GMT (01:00Z)
//	Australia/Lord_Howe Sun 2026-04-05 02:00 +11 -> 01:30 +1030 (Apr 4 15:00Z)
//	                    Sun 2026-10-04 02:00 +1030 -> 02:30 +11 (Oct 3 15:30Z)
//	America/Havana      Sun 2026-03-08 00:00 CST -> 01:00 CDT (05:00Z): no 00:00
//	                    Sun 2026-11-01 01:00 CDT -> 00:00 CST (05:00Z)
//	America/Santiago    Sat 2026-04-04 24:00 -03 -> 23:00 -04 (Apr 5 03:00Z)
//	                    Sun 2026-09-06 00:00 -04 -> 01:00 -03 (04:00Z): no 00:00
//	Asia/Kolkata        none (+05:30 all year)

// rfc parses an RFC 3339 instant.
func rfc(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		tb.Fatalf("time.Parse(%q): %v", s, err)
	}
	return t
}

// calOf builds a calendar from a zone name and a week spec.
func calOf(tb testing.TB, zoneName, spec string, opts ...calendar.Option) *calendar.Calendar {
	tb.Helper()
	week, err := calendar.ParseWeek(spec)
	if err != nil {
		tb.Fatalf("ParseWeek(%q): %v", spec, err)
	}
	c, err := calendar.New(zone(tb, zoneName), week, opts...)
	if err != nil {
		tb.Fatalf("New(%s, %q): %v", zoneName, spec, err)
	}
	return c
}

type dstBetween struct {
	zone, spec string
	a, b       string
	want       time.Duration
	why        string
}

func TestDSTBetween(t *testing.T) {
	tests := []dstBetween{
		// New York.
		{"America/New_York", "Sun 00:00-06:00", "2026-03-07T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 5 * time.Hour,
			"00:00-02:00 EST then 03:00-06:00 EDT: the lost hour is not counted"},
		{"America/New_York", "Sun 00:00-06:00", "2026-10-31T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 7 * time.Hour,
			"00:00-02:00 EDT, 01:00-06:00 EST: the repeated hour counts twice"},
		{"America/New_York", "Sun 01:00-04:00", "2026-03-08T00:00:00-05:00", "2026-03-08T12:00:00-04:00", 2 * time.Hour,
			"01:00-02:00 EST and 03:00-04:00 EDT"},
		{"America/New_York", "Sun 01:00-04:00", "2026-11-01T00:00:00-04:00", "2026-11-01T12:00:00-05:00", 4 * time.Hour,
			"01:00 EDT (05:00Z) to 04:00 EST (09:00Z)"},
		{"America/New_York", "Sun 02:30-05:00", "2026-03-08T00:00:00-05:00", "2026-03-08T12:00:00-04:00", 2 * time.Hour,
			"starts in the gap: opens at 03:00 EDT, closes 05:00 EDT"},
		{"America/New_York", "Sun 00:00-02:30", "2026-03-08T00:00:00-05:00", "2026-03-08T12:00:00-04:00", 2 * time.Hour,
			"ends in the gap: 00:00-02:00 EST, the clock then reads 03:00, past 02:30"},
		{"America/New_York", "Sun 01:30-03:00", "2026-11-01T00:00:00-04:00", "2026-11-01T12:00:00-05:00", 2 * time.Hour,
			"starts in the repeated hour: 01:30-02:00 EDT (30m), closed 01:00-01:30 EST, 01:30-03:00 EST (90m)"},
		{"America/New_York", "Sun 00:00-01:30", "2026-11-01T00:00:00-04:00", "2026-11-01T12:00:00-05:00", 2 * time.Hour,
			"ends in the repeated hour: 00:00-01:30 EDT (90m), then 01:00-01:30 EST again (30m)"},
		{"America/New_York", "Sun 01:00-01:45", "2026-11-01T00:00:00-04:00", "2026-11-01T12:00:00-05:00", 90 * time.Minute,
			"the span lies wholly in the repeated hour: 45m twice"},
		{"America/New_York", "Sun 02:10-02:50", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 0,
			"the span lies wholly in the gap: no open time"},
		{"America/New_York", "Sun 09:00-17:00", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 8 * time.Hour,
			"the transition is at 02:00, outside 09:00-17:00"},
		{"America/New_York", "Sun 09:00-17:00", "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 8 * time.Hour,
			"the transition is at 02:00, outside 09:00-17:00"},
		{"America/New_York", "Mon-Sun 00:00-24:00", "2026-03-07T12:00:00-05:00", "2026-03-08T12:00:00-04:00", 23 * time.Hour,
			"24x7 counts real time: noon to noon across spring-forward is 23h"},
		{"America/New_York", "Mon-Sun 00:00-24:00", "2026-10-31T12:00:00-04:00", "2026-11-01T12:00:00-05:00", 25 * time.Hour,
			"24x7 counts real time: noon to noon across fall-back is 25h"},
		{"America/New_York", "Mon-Sun 00:00-24:00", "2026-11-01T12:00:00-05:00", "2026-10-31T12:00:00-04:00", -25 * time.Hour,
			"reversed arguments give the negative"},
		{"America/New_York", "Sun 00:00-06:00", "2026-03-08T01:59:59.999999999-05:00", "2026-03-08T03:00:00-04:00", time.Nanosecond,
			"one nanosecond before the jump to the first instant after it"},
		{"America/New_York", "Sat 22:00-02:00", "2026-03-07T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 4 * time.Hour,
			"overnight Sat 22:00 EST to Sun 02:00 EST (= 03:00 EDT): 4 real hours"},

		// London.
		{"Europe/London", "Sun 00:00-06:00", "2026-03-29T00:00:00Z", "2026-03-30T00:00:00+01:00", 5 * time.Hour,
			"00:00-01:00 GMT, 02:00-06:00 BST"},
		{"Europe/London", "Sun 00:00-06:00", "2026-10-25T00:00:00+01:00", "2026-10-26T00:00:00Z", 7 * time.Hour,
			"00:00-02:00 BST, 01:00-06:00 GMT"},
		{"Europe/London", "Sun 01:00-04:00", "2026-03-29T00:00:00Z", "2026-03-30T00:00:00+01:00", 2 * time.Hour,
			"01:00 does not exist: opens when the gap ends at 02:00 BST, 2h to 04:00 BST"},
		{"Europe/London", "Sun 01:00-04:00", "2026-10-25T00:00:00+01:00", "2026-10-26T00:00:00Z", 4 * time.Hour,
			"01:00 BST (00:00Z) to 04:00 GMT (04:00Z)"},
		{"Europe/London", "Mon-Sun 00:00-24:00", "2026-03-28T12:00:00Z", "2026-03-29T12:00:00+01:00", 23 * time.Hour,
			"24x7 across spring-forward"},

		// Lord Howe: half-hour shifts.
		{"Australia/Lord_Howe", "Sun 00:00-06:00", "2026-10-04T00:00:00+10:30", "2026-10-05T00:00:00+11:00", 5*time.Hour + 30*time.Minute,
			"00:00-02:00 +1030, 02:30-06:00 +11"},
		{"Australia/Lord_Howe", "Sun 00:00-06:00", "2026-04-05T00:00:00+11:00", "2026-04-06T00:00:00+10:30", 6*time.Hour + 30*time.Minute,
			"00:00-02:00 +11, 01:30-06:00 +1030"},
		{"Australia/Lord_Howe", "Sun 02:15-03:00", "2026-10-04T00:00:00+10:30", "2026-10-05T00:00:00+11:00", 30 * time.Minute,
			"02:15 is in the gap: opens at 02:30 +11 (not 02:45, where time.Date puts 02:15), 30m to 03:00"},
		{"Australia/Lord_Howe", "Sun 01:45-02:00", "2026-04-05T00:00:00+11:00", "2026-04-06T00:00:00+10:30", 30 * time.Minute,
			"01:45-02:00 happens twice: 14:45-15:00Z and 15:15-15:30Z"},
		{"Australia/Lord_Howe", "Mon-Sun 00:00-24:00", "2026-10-03T12:00:00+10:30", "2026-10-04T12:00:00+11:00", 23*time.Hour + 30*time.Minute,
			"24x7 across a 30-minute spring-forward"},

		// Kolkata: +05:30, no DST.
		{"Asia/Kolkata", "Mon-Fri 09:00-17:00", "2026-03-09T00:00:00+05:30", "2026-03-10T00:00:00+05:30", 8 * time.Hour,
			"an ordinary Monday"},
		{"Asia/Kolkata", "Mon-Fri 09:00-17:00", "2026-03-09T03:30:00Z", "2026-03-09T11:30:00Z", 8 * time.Hour,
			"09:00-17:00 IST is 03:30-11:30Z"},
		{"Asia/Kolkata", "Mon-Fri 09:00-17:00", "2026-03-09T03:00:00Z", "2026-03-09T04:00:00Z", 30 * time.Minute,
			"08:30-09:30 IST"},

		// Havana: transitions at midnight.
		{"America/Havana", "Sun 00:00-06:00", "2026-03-07T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 5 * time.Hour,
			"Sunday 8 March starts at 01:00 CDT (05:00Z): 01:00-06:00"},
		{"America/Havana", "Sun 00:00-06:00", "2026-10-31T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 7 * time.Hour,
			"00:00-01:00 CDT, then 00:00-06:00 CST"},
		{"America/Havana", "Sun 00:00-00:30", "2026-03-07T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 0,
			"the span lies in the gap at midnight: no open time"},
		{"America/Havana", "Sat 22:00-02:00", "2026-03-07T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 3 * time.Hour,
			"Sat 22:00 CST (03:00Z) to Sun 02:00 CDT (06:00Z)"},
		{"America/Havana", "Sat 22:00-02:00", "2026-10-31T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 5 * time.Hour,
			"Sat 22:00 CDT (02:00Z) to Sun 02:00 CST (07:00Z)"},

		// Santiago: fall-back at Saturday midnight, spring-forward at Sunday midnight.
		{"America/Santiago", "Sat 22:00-24:00", "2026-04-04T00:00:00-03:00", "2026-04-06T00:00:00-04:00", 3 * time.Hour,
			"22:00-24:00 -03 (01:00-03:00Z) and 23:00-24:00 -04 again (03:00-04:00Z)"},
		{"America/Santiago", "Sat 23:00-02:00", "2026-04-04T00:00:00-03:00", "2026-04-06T00:00:00-04:00", 4 * time.Hour,
			"Sat 23:00 -03 (02:00Z) to Sun 02:00 -04 (06:00Z)"},
		{"America/Santiago", "Sun 00:00-06:00", "2026-09-05T00:00:00-04:00", "2026-09-07T00:00:00-03:00", 5 * time.Hour,
			"Sunday 6 September starts at 01:00 -03 (04:00Z): 01:00-06:00"},
	}
	for _, tc := range tests {
		c := calOf(t, tc.zone, tc.spec)
		a, b := rfc(t, tc.a), rfc(t, tc.b)
		if got := c.Between(a, b); got != tc.want {
			t.Errorf("%s %q: Between(%s, %s) = %v want %v (%s)", tc.zone, tc.spec, tc.a, tc.b, got, tc.want, tc.why)
		}
	}
}

type dstInstant struct {
	zone, spec string
	t          string
	d          time.Duration // Add only
	want       string
	why        string
}

func TestDSTAdd(t *testing.T) {
	tests := []dstInstant{
		{"America/New_York", "Sun 01:00-04:00", "2026-03-08T01:30:00-05:00", time.Hour, "2026-03-08T03:30:00-04:00",
			"30m to 02:00 EST, which is 03:00 EDT, then 30m more"},
		{"America/New_York", "Sun 01:00-04:00", "2026-03-08T03:30:00-04:00", -time.Hour, "2026-03-08T01:30:00-05:00",
			"the same hour backwards"},
		{"America/New_York", "Sun 01:00-04:00", "2026-11-01T01:30:00-04:00", time.Hour, "2026-11-01T01:30:00-05:00",
			"one real hour later the clock reads 01:30 again"},
		{"America/New_York", "Sun 01:00-04:00", "2026-11-01T01:00:00-04:00", 4 * time.Hour, "2026-11-01T04:00:00-05:00",
			"all 4h of 1 Nov (05:00Z-09:00Z) finish at 04:00 EST, the closing time; Add returns it"},
		{"America/New_York", "Sun 01:00-04:00", "2026-11-01T01:00:00-04:00", 4*time.Hour + time.Minute, "2026-11-08T01:01:00-05:00",
			"one minute more runs into the next Sunday, 8 Nov"},
		{"America/New_York", "Sun 09:00-17:00", "2026-03-08T09:00:00-04:00", 8 * time.Hour, "2026-03-08T17:00:00-04:00",
			"a 09:00-17:00 day on the transition day is still 8h"},
		{"America/New_York", "Sun 09:00-17:00", "2026-11-01T09:00:00-05:00", 8 * time.Hour, "2026-11-01T17:00:00-05:00",
			"a 09:00-17:00 day on the transition day is still 8h"},
		{"America/New_York", "Sun 02:30-05:00", "2026-03-08T00:00:00-05:00", time.Hour, "2026-03-08T04:00:00-04:00",
			"the span starting in the gap opens at 03:00 EDT"},
		{"America/New_York", "Mon-Sun 00:00-24:00", "2026-03-07T12:00:00-05:00", 24 * time.Hour, "2026-03-08T13:00:00-04:00",
			"24x7: 24 real hours, the clock shows 13:00"},
		{"America/New_York", "Mon-Sun 00:00-24:00", "2026-10-31T12:00:00-04:00", 24 * time.Hour, "2026-11-01T11:00:00-05:00",
			"24x7: 24 real hours, the clock shows 11:00"},
		{"America/New_York", "Sat 22:00-02:00", "2026-03-07T22:00:00-05:00", 4 * time.Hour, "2026-03-08T03:00:00-04:00",
			"the whole overnight stretch is 4 real hours; due at its close, 02:00 EST = 03:00 EDT"},
		{"Europe/London", "Sun 01:00-04:00", "2026-10-25T01:30:00+01:00", time.Hour, "2026-10-25T01:30:00Z",
			"through the repeated hour"},
		{"Europe/London", "Sun 01:00-04:00", "2026-03-29T00:00:00Z", 30 * time.Minute, "2026-03-29T02:30:00+01:00",
			"opens at 02:00 BST (the gap's end), 30m later"},
		{"Australia/Lord_Howe", "Sun 02:15-03:00", "2026-10-04T00:00:00+10:30", 10 * time.Minute, "2026-10-04T02:40:00+11:00",
			"opens at 02:30 +11"},
		{"Australia/Lord_Howe", "Sun 01:45-02:00", "2026-04-05T01:50:00+11:00", 20 * time.Minute, "2026-04-05T01:55:00+10:30",
			"10m to 02:00 +11 (= 01:30 +1030), closed until 01:45 +1030, then 10m"},
		{"Asia/Kolkata", "Mon-Fri 09:00-17:00", "2026-03-13T16:00:00+05:30", 2 * time.Hour, "2026-03-16T10:00:00+05:30",
			"Friday 16:00 + 2h: 1h on Friday, 1h on Monday"},
		{"America/Havana", "Sun 00:00-06:00", "2026-03-07T12:00:00-05:00", time.Hour, "2026-03-08T02:00:00-04:00",
			"Sunday opens at 01:00 CDT, there being no 00:00"},
		{"America/Havana", "Sun 00:00-06:00", "2026-11-01T00:30:00-04:00", time.Hour, "2026-11-01T00:30:00-05:00",
			"through the repeated hour after midnight"},
		{"America/Santiago", "Sat 22:00-24:00", "2026-04-04T22:00:00-03:00", 3 * time.Hour, "2026-04-05T00:00:00-04:00",
			"22:00-24:00 -03 and 23:00-24:00 -04: due at the real midnight (04:00Z)"},
		{"America/Santiago", "Sun 00:00-06:00", "2026-09-05T12:00:00-04:00", 30 * time.Minute, "2026-09-06T01:30:00-03:00",
			"Sunday starts at 01:00 -03"},
	}
	for _, tc := range tests {
		c := calOf(t, tc.zone, tc.spec)
		start, want := rfc(t, tc.t), rfc(t, tc.want)
		got := c.Add(start, tc.d)
		if !got.Equal(want) {
			t.Errorf("%s %q: Add(%s, %v) = %v want %v (%s)", tc.zone, tc.spec, tc.t, tc.d, got, want, tc.why)
		}
		if got.Location() != c.Location() {
			t.Errorf("%s %q: Add(%s, %v) is in %v want %v", tc.zone, tc.spec, tc.t, tc.d, got.Location(), c.Location())
		}
		if back := c.Between(start, got); back != tc.d {
			t.Errorf("%s %q: Between(%s, Add(.., %v)) = %v want %v", tc.zone, tc.spec, tc.t, tc.d, back, tc.d)
		}
	}
}

func TestDSTNextOpenClose(t *testing.T) {
	open := []dstInstant{
		{"America/New_York", "Sun 02:30-05:00", "2026-03-08T00:00:00-05:00", 0, "2026-03-08T03:00:00-04:00",
			"a span starting in the gap opens when the gap ends (07:00Z), not at time.Date's 01:30 EST"},
		{"Europe/London", "Sun 01:00-04:00", "2026-03-28T12:00:00Z", 0, "2026-03-29T02:00:00+01:00",
			"01:00 is skipped: opens at 02:00 BST"},
		{"Australia/Lord_Howe", "Sun 02:15-03:00", "2026-10-03T12:00:00+10:30", 0, "2026-10-04T02:30:00+11:00",
			"02:15 is in the gap 02:00-02:30: opens at 02:30"},
		{"America/Havana", "Sun 00:00-06:00", "2026-03-07T20:00:00-05:00", 0, "2026-03-08T01:00:00-04:00",
			"the day starts at 01:00 CDT"},
		{"America/Havana", "Sun 00:00-00:30", "2026-03-07T12:00:00-05:00", 0, "2026-03-15T00:00:00-04:00",
			"8 March has no 00:00-00:30: the next opening is a week later"},
		{"America/New_York", "Sun 01:30-03:00", "2026-11-01T01:10:00-05:00", 0, "2026-11-01T01:30:00-05:00",
			"01:10 EST is the second pass through 01:00-01:30, closed; opens again at 01:30 EST"},
		{"America/New_York", "Sun 01:30-03:00", "2026-11-01T01:40:00-04:00", 0, "2026-11-01T01:40:00-04:00",
			"open at 01:40 EDT: NextOpen returns the instant itself"},
	}
	for _, tc := range open {
		c := calOf(t, tc.zone, tc.spec)
		got := c.NextOpen(rfc(t, tc.t))
		if want := rfc(t, tc.want); !got.Equal(want) {
			t.Errorf("%s %q: NextOpen(%s) = %v want %v (%s)", tc.zone, tc.spec, tc.t, got, want, tc.why)
		}
	}
	closes := []dstInstant{
		{"America/New_York", "Sun 00:00-02:30", "2026-03-08T00:00:00-05:00", 0, "2026-03-08T03:00:00-04:00",
			"ends in the gap: closes at 02:00 EST = 03:00 EDT (07:00Z)"},
		{"America/New_York", "Sun 01:30-03:00", "2026-11-01T01:40:00-04:00", 0, "2026-11-01T01:00:00-05:00",
			"the clock falls back to 01:00 EST, before the span: closed at 06:00Z"},
		{"America/New_York", "Sun 00:00-01:30", "2026-11-01T01:40:00-04:00", 0, "2026-11-01T01:30:00-05:00",
			"closed at 01:40 EDT; reopens at 01:00 EST (06:00Z) and closes at 01:30 EST"},
		{"America/Santiago", "Sat 22:00-24:00", "2026-04-04T22:00:00-03:00", 0, "2026-04-05T00:00:00-04:00",
			"the repeated 23:00-24:00 keeps it open until the real midnight, 04:00Z"},
		{"America/Santiago", "Sat 22:00-24:00; Sun 00:00-01:00", "2026-04-04T23:30:00-04:00", 0, "2026-04-05T01:00:00-04:00",
			"adjacent across midnight: one stretch to Sunday 01:00"},
		{"America/Havana", "Sat 22:00-02:00", "2026-03-07T22:00:00-05:00", 0, "2026-03-08T02:00:00-04:00",
			"one stretch across the missing midnight"},
	}
	for _, tc := range closes {
		c := calOf(t, tc.zone, tc.spec)
		got := c.NextClose(rfc(t, tc.t))
		if want := rfc(t, tc.want); !got.Equal(want) {
			t.Errorf("%s %q: NextClose(%s) = %v want %v (%s)", tc.zone, tc.spec, tc.t, got, want, tc.why)
		}
	}
	isOpen := []struct {
		zone, spec, t string
		want          bool
		why           string
	}{
		{"America/New_York", "Sun 01:30-03:00", "2026-11-01T01:15:00-05:00", false, "01:15 EST: the clock reads 01:15, before 01:30"},
		{"America/New_York", "Sun 01:30-03:00", "2026-11-01T01:45:00-05:00", true, "01:45 EST"},
		{"America/New_York", "Sun 01:30-03:00", "2026-11-01T01:45:00-04:00", true, "01:45 EDT"},
		{"America/New_York", "Sun 02:30-05:00", "2026-03-08T01:59:59-05:00", false, "before the gap"},
		{"America/New_York", "Sun 02:30-05:00", "2026-03-08T03:00:00-04:00", true, "the gap's end"},
		{"Asia/Kolkata", "Mon-Fri 09:00-17:00", "2026-03-09T03:29:59Z", false, "08:59:59 IST"},
		{"Asia/Kolkata", "Mon-Fri 09:00-17:00", "2026-03-09T03:30:00Z", true, "09:00 IST"},
		{"America/Havana", "Sun 00:00-06:00", "2026-03-07T23:59:59-05:00", false, "Saturday 23:59:59 CST, one second before the gap"},
		{"America/Havana", "Sun 00:00-06:00", "2026-03-08T01:00:00-04:00", true, "the first instant of Sunday 8 March (05:00Z)"},
		{"America/Santiago", "Sat 22:00-24:00", "2026-04-04T23:30:00-04:00", true, "the second 23:30 on Saturday"},
		{"America/Santiago", "Sun 00:00-01:00", "2026-04-04T23:30:00-04:00", false, "still Saturday on the clock"},
	}
	for _, tc := range isOpen {
		c := calOf(t, tc.zone, tc.spec)
		if got := c.IsOpen(rfc(t, tc.t)); got != tc.want {
			t.Errorf("%s %q: IsOpen(%s) = %v want %v (%s)", tc.zone, tc.spec, tc.t, got, tc.want, tc.why)
		}
	}
}

func TestDSTIntervals(t *testing.T) {
	tests := []struct {
		zone, spec string
		a, b       string
		want       [][2]string
		why        string
	}{
		{"America/New_York", "Sun 01:30-03:00", "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00",
			[][2]string{{"2026-11-01T01:30:00-04:00", "2026-11-01T01:00:00-05:00"}, {"2026-11-01T01:30:00-05:00", "2026-11-01T03:00:00-05:00"}},
			"the span starts in the repeated hour: open twice"},
		{"America/New_York", "Sun 00:00-06:00", "2026-03-08T01:00:00-05:00", "2026-03-08T04:00:00-04:00",
			[][2]string{{"2026-03-08T01:00:00-05:00", "2026-03-08T04:00:00-04:00"}},
			"one stretch through the gap, clipped to [a, b)"},
		{"America/Santiago", "Sat 22:00-24:00; Sun 00:00-01:00", "2026-04-04T00:00:00-03:00", "2026-04-06T00:00:00-04:00",
			[][2]string{{"2026-04-04T22:00:00-03:00", "2026-04-05T01:00:00-04:00"}},
			"adjacent spans across the repeated midnight form one stretch"},
		{"Australia/Lord_Howe", "Sun 01:45-02:00", "2026-04-05T00:00:00+11:00", "2026-04-06T00:00:00+10:30",
			[][2]string{{"2026-04-05T01:45:00+11:00", "2026-04-05T02:00:00+11:00"}, {"2026-04-05T01:45:00+10:30", "2026-04-05T02:00:00+10:30"}},
			"01:45-02:00 twice"},
	}
	for _, tc := range tests {
		c := calOf(t, tc.zone, tc.spec)
		var got []calendar.Interval
		for iv := range c.Intervals(rfc(t, tc.a), rfc(t, tc.b)) {
			got = append(got, iv)
		}
		var want []calendar.Interval
		for _, w := range tc.want {
			want = append(want, calendar.Interval{Start: rfc(t, w[0]), End: rfc(t, w[1])})
		}
		if !equalIntervals(got, want) {
			t.Errorf("%s %q: Intervals(%s, %s) = %v want %v (%s)", tc.zone, tc.spec, tc.a, tc.b, got, want, tc.why)
		}
	}
}

// TestDSTAddDays checks that AddDays keeps the wall clock across
// transitions, and moves to the next opening when that time does not exist
// on the landing date.
func TestDSTAddDays(t *testing.T) {
	// A closed date in 2030 keeps these off the 24x7 fast path.
	closed := calendar.WithClosed(calendar.Date{Year: 2030, Month: 3, Day: 10})
	ny := calOf(t, "America/New_York", "Mon-Sun 00:00-24:00", closed)
	havana := calOf(t, "America/Havana", "Mon-Sun 00:00-24:00", closed)
	always := calendar.AlwaysOpen(zone(t, "America/New_York"))
	tests := []struct {
		name string
		c    *calendar.Calendar
		t    string
		n    int
		want string
	}{
		{"02:30 does not exist on 8 Mar: the gap's end", ny, "2026-03-07T02:30:00-05:00", 1, "2026-03-08T03:00:00-04:00"},
		{"the same on AlwaysOpen", always, "2026-03-07T02:30:00-05:00", 1, "2026-03-08T03:00:00-04:00"},
		{"01:30 happens twice on 1 Nov: the first", ny, "2026-10-31T01:30:00-04:00", 1, "2026-11-01T01:30:00-04:00"},
		{"from the second 01:30 to Monday's only one", ny, "2026-11-01T01:30:00-05:00", 1, "2026-11-02T01:30:00-05:00"},
		{"across spring-forward, 12:00 stays 12:00", ny, "2026-03-07T12:00:00-05:00", 2, "2026-03-09T12:00:00-04:00"},
		{"back across spring-forward", ny, "2026-03-09T12:00:00-04:00", -2, "2026-03-07T12:00:00-05:00"},
		{"Havana has no 00:30 on 8 Mar: 01:00 CDT", havana, "2026-03-07T00:30:00-05:00", 1, "2026-03-08T01:00:00-04:00"},
		// Sunday 8 Mar's only span, 02:15-02:45, lies in the gap: the date has
		// no open time and is not counted.
		{"a date with open time only in the gap is skipped", calOf(t, "America/New_York", "Sat 09:00-17:00; Sun 02:15-02:45; Mon 09:00-17:00"),
			"2026-03-07T10:00:00-05:00", 1, "2026-03-09T10:00:00-04:00"},
		{"and skipped backwards", calOf(t, "America/New_York", "Sat 09:00-17:00; Sun 02:15-02:45; Mon 09:00-17:00"),
			"2026-03-09T10:00:00-04:00", -1, "2026-03-07T10:00:00-05:00"},
		// Sunday 1 Nov is open 00:00-01:20: 01:45 is closed; the next opening
		// after the first 01:45 (EDT) is 01:00 EST, in the repeated hour.
		{"the next opening after a closed fall-back time", calOf(t, "America/New_York", "Sat 00:00-24:00; Sun 00:00-01:20"),
			"2026-10-31T01:45:00-04:00", 1, "2026-11-01T01:00:00-05:00"},
	}
	for _, tc := range tests {
		got := tc.c.AddDays(rfc(t, tc.t), tc.n)
		if want := rfc(t, tc.want); !got.Equal(want) {
			t.Errorf("%s: AddDays(%s, %d) = %v want %v", tc.name, tc.t, tc.n, got, want)
		}
	}
}

// TestDSTLocalMeanTime checks a transition that is not a whole number of
// minutes: New York left local mean time (-4:56:02) for EST at 12:03:58 LMT
// on Sunday 1883-11-18 (the tz database), turning the clock back 3m58s
// inside 09:00-17:00. That Sunday has 8h3m58s of open time.
func TestDSTLocalMeanTime(t *testing.T) {
	c := calOf(t, "America/New_York", "Mon-Sun 09:00-17:00")
	a, b := time.Date(1883, 11, 17, 0, 0, 0, 0, time.UTC), time.Date(1883, 11, 20, 0, 0, 0, 0, time.UTC)
	// Sat 17 and Mon 19 give 8h each; Sunday 8h3m58s; the UTC bounds cut
	// nothing (09:00-17:00 LMT/EST is 13:56Z-22:00Z).
	if got, want := c.Between(a, b), 24*time.Hour+3*time.Minute+58*time.Second; got != want {
		t.Errorf("Between(1883-11-17Z, 1883-11-20Z) = %v want %v", got, want)
	}
	sun := time.Date(1883, 11, 18, 0, 0, 0, 0, time.UTC)
	if got, want := c.NextClose(sun.Add(20*time.Hour)), time.Date(1883, 11, 18, 22, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("NextClose(Sun 20:00Z) = %v want %v (17:00 EST)", got, want)
	}
	if got, want := c.NextOpen(sun), time.Date(1883, 11, 18, 13, 56, 2, 0, time.UTC); !got.Equal(want) {
		t.Errorf("NextOpen(Sun 00:00Z) = %v want %v (09:00 LMT)", got, want)
	}
}

// TestDSTAlwaysOpen checks that AlwaysOpen counts real elapsed time across
// transitions in every zone.
func TestDSTAlwaysOpen(t *testing.T) {
	for i, loc := range refZones {
		c := calendar.AlwaysOpen(loc)
		for _, start := range []time.Time{
			time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
			time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC),
		} {
			end := start.Add(30*24*time.Hour + 7*time.Nanosecond)
			if got := c.Between(start, end); got != end.Sub(start) {
				t.Errorf("AlwaysOpen(%s).Between(%v, %v) = %v want %v", refZoneNames[i], start, end, got, end.Sub(start))
			}
			if got := c.Add(start, end.Sub(start)); !got.Equal(end) || got.Location() != loc {
				t.Errorf("AlwaysOpen(%s).Add(%v, %v) = %v want %v in %s", refZoneNames[i], start, end.Sub(start), got, end, refZoneNames[i])
			}
			if got := c.NextClose(start); !got.IsZero() {
				t.Errorf("AlwaysOpen(%s).NextClose(%v) = %v want the zero time", refZoneNames[i], start, got)
			}
		}
	}
}

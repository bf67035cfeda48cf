package calendar_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slakit/slakit/calendar"
)

func hm(h, m int) time.Duration { return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute }

func TestParseWeekForms(t *testing.T) {
	nineToFive := []calendar.Span{{Start: hm(9, 0), End: hm(17, 0)}}
	tests := []struct {
		spec string
		want calendar.Week
	}{
		{"Mon-Fri 09:00-17:00", calendar.Week{1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive}},
		{"mon-FRI 09:00-17:00", calendar.Week{1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive}},
		{"Monday-Friday 09:00-17:00", calendar.Week{1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive}},
		{"Mon-Fri 09:00-12:00,13:00-17:00; Sat 10:00-14:00", calendar.Week{
			1: {{hm(9, 0), hm(12, 0)}, {hm(13, 0), hm(17, 0)}},
			2: {{hm(9, 0), hm(12, 0)}, {hm(13, 0), hm(17, 0)}},
			3: {{hm(9, 0), hm(12, 0)}, {hm(13, 0), hm(17, 0)}},
			4: {{hm(9, 0), hm(12, 0)}, {hm(13, 0), hm(17, 0)}},
			5: {{hm(9, 0), hm(12, 0)}, {hm(13, 0), hm(17, 0)}},
			6: {{hm(10, 0), hm(14, 0)}},
		}},
		{"Mon-Sun 00:00-24:00", calendar.Week{
			{{0, 24 * time.Hour}}, {{0, 24 * time.Hour}}, {{0, 24 * time.Hour}}, {{0, 24 * time.Hour}},
			{{0, 24 * time.Hour}}, {{0, 24 * time.Hour}}, {{0, 24 * time.Hour}},
		}},
		// Overnight: each day's head to midnight, its tail on the next day.
		{"Mon-Fri 22:00-06:00", calendar.Week{
			1: {{hm(22, 0), 24 * time.Hour}},
			2: {{0, hm(6, 0)}, {hm(22, 0), 24 * time.Hour}},
			3: {{0, hm(6, 0)}, {hm(22, 0), 24 * time.Hour}},
			4: {{0, hm(6, 0)}, {hm(22, 0), 24 * time.Hour}},
			5: {{0, hm(6, 0)}, {hm(22, 0), 24 * time.Hour}},
			6: {{0, hm(6, 0)}},
		}},
		// Wrapping the week: Fri, Sat, Sun, Mon.
		{"Fri-Mon 08:00-20:00", calendar.Week{0: {{hm(8, 0), hm(20, 0)}}, 1: {{hm(8, 0), hm(20, 0)}}, 5: {{hm(8, 0), hm(20, 0)}}, 6: {{hm(8, 0), hm(20, 0)}}}},
		// Touching spans merge; seconds are read.
		{"Wed 09:00-12:00,12:00-17:00:30", calendar.Week{3: {{hm(9, 0), hm(17, 0) + 30*time.Second}}}},
		{"Mon,Wed 09:00-10:00", calendar.Week{1: {{hm(9, 0), hm(10, 0)}}, 3: {{hm(9, 0), hm(10, 0)}}}},
		// Sunday's overnight tail lands on Monday.
		{"Sun 23:00-01:00", calendar.Week{0: {{hm(23, 0), 24 * time.Hour}}, 1: {{0, hm(1, 0)}}}},
		// An end of 00:00 is midnight: all day, or up to midnight.
		{"Sat 00:00-00:00", calendar.Week{6: {{0, 24 * time.Hour}}}},
		{"Sat 22:00-00:00", calendar.Week{6: {{hm(22, 0), 24 * time.Hour}}}},
		// Spaces around "-" and "," as people type them.
		{"Mon - Fri 09:00 - 17:00", calendar.Week{1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive}},
		{"Mon , Wed  09:00-10:00", calendar.Week{1: {{hm(9, 0), hm(10, 0)}}, 3: {{hm(9, 0), hm(10, 0)}}}},
	}
	for _, tc := range tests {
		got, err := calendar.ParseWeek(tc.spec)
		require.NoError(t, err, "ParseWeek(%q)", tc.spec)
		assert.Equal(t, tc.want, got, "ParseWeek(%q)", tc.spec)
		back, err := calendar.ParseWeek(got.String())
		require.NoError(t, err, "ParseWeek(%q.String() = %q)", tc.spec, got.String())
		assert.Equal(t, got, back, "round trip of %q via %q", tc.spec, got.String())
	}
}

func TestParseWeekErrors(t *testing.T) {
	tests := []struct {
		spec    string
		want    error
		message string
	}{
		{"Mon-Fri 17:00-09:00x", calendar.ErrSyntax, `calendar: "Mon-Fri 17:00-09:00x": bad time "09:00x"`},
		{"", calendar.ErrSyntax, `calendar: "": empty spec`},
		{"Mox 09:00-17:00", calendar.ErrSyntax, `calendar: "Mox 09:00-17:00": unknown day "Mox"`},
		{"Mon 09:00-25:00", calendar.ErrSyntax, `calendar: "Mon 09:00-25:00": bad time "25:00"`},
		{"Mon 24:00-01:00", calendar.ErrSyntax, `calendar: "Mon 24:00-01:00": bad time "24:00"`},
		{"Mon 09:00-17:00,16:00-18:00", calendar.ErrOverlap, `calendar: "Mon 09:00-17:00,16:00-18:00": overlapping spans 09:00-17:00 and 16:00-18:00 in "Mon 09:00-17:00,16:00-18:00"`},
		{"Mon 22:00-06:00; Tue 05:00-09:00", calendar.ErrOverlap, ""},
		{"Mon 09:00-09:00", calendar.ErrSpanRange, ""},
		{"Mon", calendar.ErrSyntax, ""},
		{"Mon 0900-1700", calendar.ErrSyntax, ""},
		{"Mon-Fri 09:00-17:00;", calendar.ErrSyntax, ""},
		{"Mon,Mon 09:00-17:00", calendar.ErrSyntax, ""},
		// Every error shows the text it is about.
		{"Mon - Fri", calendar.ErrSyntax, `calendar: "Mon - Fri": want days and spans, as in "Mon-Fri 09:00-17:00"; got "Mon - Fri"`},
		{"09:00-17:00", calendar.ErrSyntax, `calendar: "09:00-17:00": want days and spans, as in "Mon-Fri 09:00-17:00"; got "09:00-17:00"`},
		{"Mon -17:00", calendar.ErrSyntax, `calendar: "Mon -17:00": unknown day "Mon -"`},
		{"Mon 09:00-", calendar.ErrSyntax, `calendar: "Mon 09:00-": bad span "09:00-"`},
		{"Mon 09:00-17:00, -18:00", calendar.ErrSyntax, `calendar: "Mon 09:00-17:00, -18:00": bad span "-18:00"`},
		{"Mon,,Fri 09:00-17:00", calendar.ErrSyntax, `calendar: "Mon,,Fri 09:00-17:00": unknown day "Mon,,Fri"`},
		{"- Fri 09:00-17:00", calendar.ErrSyntax, `calendar: "- Fri 09:00-17:00": unknown day "- Fri"`},
	}
	for _, tc := range tests {
		_, err := calendar.ParseWeek(tc.spec)
		require.Error(t, err, "ParseWeek(%q)", tc.spec)
		assert.True(t, errors.Is(err, tc.want), "ParseWeek(%q) = %v, want errors.Is %v", tc.spec, err, tc.want)
		var we *calendar.WeekError
		assert.True(t, errors.As(err, &we), "ParseWeek(%q) error %T is not *WeekError", tc.spec, err)
		if tc.message != "" {
			assert.Equal(t, tc.message, err.Error())
		}
		if tc.spec != "" {
			assert.NotEmpty(t, we.Part, "ParseWeek(%q) = %v names no part", tc.spec, err)
		}
	}
}

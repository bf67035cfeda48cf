package sla_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/sla"
)

func formatSegments(segs []sla.Segment) string {
	var b strings.Builder
	for _, s := range segs {
		fmt.Fprintf(&b, "%s %s-%s %v", s.Kind, s.Start.Format("Mon 15:04"), s.End.Format("Mon 15:04"), s.Counted)
		if s.Status != "" {
			fmt.Fprintf(&b, " %s", s.Status)
		}
		b.WriteString("; ")
	}
	return b.String()
}

func TestExplain(t *testing.T) {
	tests := []struct {
		name   string
		policy sla.Policy
		events []sla.Event
		now    time.Time
		want   map[sla.Metric]string
	}{
		{
			name:   "paused across a weekend",
			policy: deskPolicy(),
			events: []sla.Event{
				created(ny(3, 6, 10, 0), 2), reply(ny(3, 6, 10, 30)),
				status(ny(3, 6, 16, 0), "pending"), status(ny(3, 9, 11, 0), "open"),
			},
			now: ny(3, 9, 12, 0),
			want: map[sla.Metric]string{
				sla.FirstResponse: "counting Fri 10:00-Fri 10:30 30m0s; ",
				sla.Resolution:    "counting Fri 10:00-Fri 16:00 6h0m0s; paused Fri 16:00-Mon 11:00 0s pending; counting Mon 11:00-Mon 12:00 1h0m0s; ",
			},
		},
		{
			name:   "created outside hours, running over a night",
			policy: deskPolicy(),
			events: []sla.Event{created(ny(3, 2, 16, 0), 2)},
			now:    ny(3, 3, 10, 0),
			want: map[sla.Metric]string{
				sla.FirstResponse: "counting Mon 16:00-Mon 17:00 1h0m0s; closed Mon 17:00-Tue 09:00 0s; counting Tue 09:00-Tue 10:00 1h0m0s; ",
				sla.Resolution:    "counting Mon 16:00-Mon 17:00 1h0m0s; closed Mon 17:00-Tue 09:00 0s; counting Tue 09:00-Tue 10:00 1h0m0s; ",
			},
		},
		{
			name:   "solved and reopened, continuing the clock",
			policy: calPolicy(),
			events: []sla.Event{
				created(hm(9, 0), 3), reply(hm(9, 30)), status(hm(10, 0), "on-hold"),
				ev(hm(11, 0), sla.Solved), ev(hm(13, 0), sla.Reopened),
			},
			now: hm(14, 0),
			want: map[sla.Metric]string{
				sla.FirstResponse: "counting Mon 09:00-Mon 09:30 30m0s; ",
				sla.Resolution:    "counting Mon 09:00-Mon 10:00 1h0m0s; paused Mon 10:00-Mon 11:00 0s on-hold; solved Mon 11:00-Mon 13:00 0s; counting Mon 13:00-Mon 14:00 1h0m0s; ",
			},
		},
	}
	for _, tc := range tests {
		xs, err := sla.Explain(tc.policy, tc.events, tc.now)
		if err != nil {
			t.Fatalf("%s: Explain error %v", tc.name, err)
		}
		if len(xs) != len(tc.want) {
			t.Fatalf("%s: Explain = %d clocks want %d", tc.name, len(xs), len(tc.want))
		}
		for _, x := range xs {
			if got := formatSegments(x.Segments); got != tc.want[x.Clock.Metric] {
				t.Errorf("%s: Explain %s segments\n got %s\nwant %s", tc.name, x.Clock.Metric, got, tc.want[x.Clock.Metric])
			}
			var sum time.Duration
			for _, s := range x.Segments {
				sum += s.Counted
			}
			if sum != x.Clock.Elapsed {
				t.Errorf("%s: Explain %s counted %v, Clock.Elapsed %v", tc.name, x.Clock.Metric, sum, x.Clock.Elapsed)
			}
		}
	}
	if _, err := sla.Explain(calPolicy(), nil, hm(9, 0)); err == nil {
		t.Errorf("Explain(empty timeline): no error")
	}
}

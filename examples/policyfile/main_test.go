package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slakit/slakit/escalation"
	"github.com/slakit/slakit/internal/golden"
	"github.com/slakit/slakit/sla"
)

// TestGolden keeps the program's output stable. The clocks in
// testdata/golden.txt were checked by hand before the file was first written.
// The desk is London, Mon-Fri 08:00-18:00 (GMT, so UTC in winter), closed on
// 24 and 31 December (calendar.json), Christmas Fri 25, Boxing Day observed
// Mon 28 December and New Year's Day Fri 1 January ("gb" holidays):
//   - first_response: created Wed 23 15:00, public reply 16:20 = 1h20m of
//     2h; due 17:00. The internal note at 15:30 does not count.
//   - next_response 1: customer writes Tue 29 09:10 (the first open day after
//     Christmas), reply 14:00 = 4h50m of 4h: due and breached at 13:10,
//     -50m; the exemption (expires 1 January) covers it.
//   - next_response 2: customer writes on reopening, Mon 4 January 10:00;
//     at now (15:00) 5h counted: breached at 14:00, -1h, and not covered:
//     the exemption expired on 1 January.
//   - periodic_update 1: from the public reply Wed 23 16:20, paused while
//     pending until Tue 29 09:10, then 09:10-14:00 = 4h50m of 8h; 3h10m left
//     from 14:00 -> due 17:10.
//   - periodic_update 2: Tue 29 14:00-18:00 (4h) + Wed 30 08:00-11:00 (3h)
//     = 7h, due 14:00 + 8h = Wed 30 12:00.
//   - resolution 1: 3 business days from Wed 23 15:00 skip 24, 25, 28 (and
//     the weekend): Tue 29, Wed 30, then 31 closed and 1 January a holiday,
//     so Mon 4 January 15:00; the open time between is 3h + 10h + 10h + 7h =
//     30h. Counted Wed 23 15:00-16:20 (1h20m) + Tue 29 09:10-18:00 (8h50m) +
//     Wed 30 08:00-11:00 (3h) = 13h10m, 16h50m left; the pending pause hid
//     Wed 23 16:20-18:00 and Tue 29 08:00-09:10 (2h50m of open time), so the
//     shown due moves from Mon 15:00 to 17:50.
//   - resolution 2 (reopen starts a new cycle, policy "new_cycle"): Mon 4
//     10:00 + 3 business days = Thu 7 10:00; 5h counted, 30h - 5h = 25h left.
//   - the next_response ladder (ladder.json) on cycle 1 (4h from Tue 29
//     09:10): 50% = 2h -> 11:10, 30m before due -> 12:40, 100% -> 13:10; +2h
//     never comes, the reply at 14:00 stopped the clock at 4h50m. On cycle 2
//     (from Mon 4 10:00): 12:00, 13:30, 14:00, and "late" (+2h, 6h counted)
//     at 16:00 if nobody replies.
//   - Explain's segments for resolution 1 add up to the 13h10m above: counting
//     1h20m, paused (pending) through the holidays, counting 8h50m, closed
//     overnight, counting 3h until the solve.
func TestGolden(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatalf("run: %v", err)
	}
	golden.Check(t, filepath.Join("testdata", "golden.txt"), out.Bytes())
}

// TestBadFiles checks that a mistake in any input file is an error naming the
// file (and, for the timeline, the line) rather than a wrong report.
func TestBadFiles(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	policy, cal, timeline, ladder := read("policy.json"), read("calendar.json"), read("timeline.jsonl"), read("ladder.json")

	tests := []struct {
		name, file, old, new string
		want                 []string // substrings of the error
		is                   error
	}{
		{"unknown policy field", "policy.json", `"reopen"`, `"re_open"`, []string{"policy.json", "re_open"}, nil},
		{"bad duration", "policy.json", `"within": "30m"`, `"within": "half an hour"`, []string{"policy.json", "within"}, nil},
		{"policy has its own calendar", "policy.json", `"name"`, `"calendar": {}, "name"`, []string{"policy.json", "calendar"}, nil},
		{"unknown zone", "calendar.json", "Europe/London", "Europe/Lundon", []string{"calendar.json", "Europe/Lundon"}, nil},
		{"unknown calendar field", "calendar.json", `"week"`, `"hours"`, []string{"calendar.json", "hours"}, nil},
		{"unknown event kind", "timeline.jsonl", `"kind": "solved"`, `"kind": "closed"`, []string{"timeline.jsonl:9", "closed"}, sla.ErrUnknownKind},
		{"out of order", "timeline.jsonl", "2026-12-30T11:00:00Z", "2026-12-22T11:00:00Z", []string{"timeline.jsonl:9", "event 8"}, sla.ErrOutOfOrder},
		{"ladder out of order", "ladder.json", `"at": "+2h"`, `"at": "60%"`, []string{"ladder.json", "late", "60%"}, escalation.ErrOrder},
		{"unknown ladder metric", "ladder.json", `"metric": "next_response"`, `"metric": "next_reply"`, []string{"ladder.json", "next_reply"}, sla.ErrUnknownMetric},
		{"empty timeline", "timeline.jsonl", timeline, "\n", []string{"timeline.jsonl", "no events"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"policy.json": policy, "calendar.json": cal, "timeline.jsonl": timeline, "ladder.json": ladder}
			if !strings.Contains(files[tc.file], tc.old) {
				t.Fatalf("%s does not contain %q", tc.file, tc.old)
			}
			files[tc.file] = strings.Replace(files[tc.file], tc.old, tc.new, 1)
			for name, text := range files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err := runWith(&bytes.Buffer{}, dir, defaultNow)
			if err == nil {
				t.Fatalf("runWith(%s with %q) = nil error, want one", tc.file, tc.new)
			}
			for _, s := range tc.want {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("runWith(%s with %q) = %q, want it to mention %q", tc.file, tc.new, err, s)
				}
			}
			t.Logf("error: %v", err)
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("runWith(%s with %q) = %q, want errors.Is %v", tc.file, tc.new, err, tc.is)
			}
		})
	}
}

// TestNow checks that -now replays the same files at an earlier instant:
// on Tue 29 December at 12:00 the first next_response is still running with
// 2h50m counted (09:10-12:00) and the ticket is not solved.
func TestNow(t *testing.T) {
	var out bytes.Buffer
	if err := runWith(&out, "testdata", "2026-12-29T12:00:00Z"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"next_response    1      running",
		"2h50m",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output at 2026-12-29T12:00 does not contain %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "resolution       2") {
		t.Errorf("output at 2026-12-29T12:00 has a second resolution cycle before the reopen:\n%s", out.String())
	}
}

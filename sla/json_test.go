package sla_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/priority"
	"github.com/slakit/slakit/sla"
)

const policyJSON = `{
  "name": "Standard",
  "calendar": {"zone": "America/New_York", "week": "Mon-Fri 09:00-17:00", "holidays": "us", "closed": ["2026-12-24"]},
  "targets": {
    "P1": [{"metric": "first_response", "within": "1h", "calendar_time": true},
           {"metric": "resolution", "within": "8h"}],
    "2":  [{"metric": "next_response", "within": "90m"},
           {"metric": "resolution", "business_days": 3}],
    "P4": []
  },
  "pause_statuses": ["pending", "on-hold"],
  "metric_pauses": {"periodic_update": []},
  "reopen": "new_cycle"
}`

func TestParsePolicy(t *testing.T) {
	p, err := sla.ParsePolicy([]byte(policyJSON))
	if err != nil {
		t.Fatalf("ParsePolicy: %v", err)
	}
	wantTargets := map[priority.Priority][]sla.Target{
		1: {{Metric: sla.FirstResponse, Within: time.Hour, CalendarTime: true}, {Metric: sla.Resolution, Within: 8 * time.Hour}},
		2: {{Metric: sla.NextResponse, Within: 90 * time.Minute}, {Metric: sla.Resolution, BusinessDays: 3}},
		4: {},
	}
	if p.Name != "Standard" || !reflect.DeepEqual(p.Targets, wantTargets) {
		t.Errorf("ParsePolicy: Name %q Targets %v want Standard %v", p.Name, p.Targets, wantTargets)
	}
	if !reflect.DeepEqual(p.PauseStatuses, []string{"pending", "on-hold"}) || p.Reopen != sla.NewCycle {
		t.Errorf("ParsePolicy: PauseStatuses %v Reopen %v", p.PauseStatuses, p.Reopen)
	}
	if ss, ok := p.MetricPauses[sla.PeriodicUpdate]; !ok || len(ss) != 0 {
		t.Errorf("ParsePolicy: MetricPauses = %v want periodic_update: []", p.MetricPauses)
	}
	if p.Calendar == nil || p.Calendar.Location().String() != "America/New_York" ||
		p.Calendar.Week().String() != "Mon-Fri 09:00-17:00" {
		t.Fatalf("ParsePolicy: calendar %v", p.Calendar)
	}
	// Round trip.
	data, err := p.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON: %v", err)
	}
	q, err := sla.ParsePolicy(data)
	if err != nil {
		t.Fatalf("ParsePolicy(MarshalJSON) = %v\n%s", err, data)
	}
	// Durations are saved as people write them, as in the input.
	for _, want := range []string{`"within":"1h"`, `"within":"1h30m"`, `"within":"8h"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("MarshalJSON: no %s in\n%s", want, data)
		}
	}
	if q.Name != p.Name || !reflect.DeepEqual(q.Targets, p.Targets) || !reflect.DeepEqual(q.PauseStatuses, p.PauseStatuses) ||
		!reflect.DeepEqual(q.MetricPauses, p.MetricPauses) || q.Reopen != p.Reopen || !reflect.DeepEqual(q.CalendarSpec, p.CalendarSpec) {
		t.Errorf("round trip changed the policy:\n%s", data)
	}
	// Without a CalendarSpec, saving is an error rather than a silent loss.
	p.CalendarSpec = nil
	if _, err := p.MarshalJSON(); err == nil {
		t.Errorf("MarshalJSON without CalendarSpec: no error")
	}
}

func TestParsePolicyErrors(t *testing.T) {
	tests := []struct {
		name, json, want string
		is               error
	}{
		{"unknown field", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[{"metric":"resolution","within":"1h"}]},"colour":1}`, `unknown field "colour"`, nil},
		{"key in the wrong case", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[{"metric":"resolution","Within":"1h"}]}}`, `unknown field "targets.1[0].Within"`, nil},
		{"repeated key", `{"name":"x","name":"y","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[{"metric":"resolution","within":"1h"}]}}`, `field "name" appears twice`, nil},
		{"unknown nested field", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[{"metric":"resolution","within":"1h","soon":true}]}}`, `unknown field "targets.1[0].soon"`, nil},
		{"unknown calendar field", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00","tz":"x"},"targets":{"1":[{"metric":"resolution","within":"1h"}]}}`, `unknown field "calendar.tz"`, nil},
		{"trailing data", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[{"metric":"resolution","within":"1h"}]}} {}`, "trailing data", nil},
		{"bad duration", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[{"metric":"resolution","within":"8 hours"}]}}`, `targets["1"][0].within`, nil},
		{"zero target", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[{"metric":"resolution","within":"0s"}]}}`, "Targets[P1][0].Within", sla.ErrBadTarget},
		{"negative target", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[{"metric":"resolution","within":"-1h"}]}}`, "Within", sla.ErrBadTarget},
		{"unknown metric", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[{"metric":"csat","within":"1h"}]}}`, `targets["1"][0].metric`, sla.ErrUnknownMetric},
		{"duplicate metric", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[{"metric":"resolution","within":"1h"},{"metric":"resolution","within":"2h"}]}}`, "Targets[P1][1].Metric", sla.ErrDuplicateMetric},
		{"same priority twice", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[],"P1":[]}}`, "given twice", nil},
		{"bad priority", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"high":[{"metric":"resolution","within":"1h"}]}}`, `targets["high"]`, priority.ErrSyntax},
		{"no calendar", `{"name":"x","targets":{"1":[{"metric":"resolution","within":"1h"}]}}`, "calendar", sla.ErrNilCalendar},
		{"bad zone", `{"name":"x","calendar":{"zone":"Mars/Olympus","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[{"metric":"resolution","within":"1h"}]}}`, "Mars/Olympus", nil},
		{"bad week", `{"name":"x","calendar":{"zone":"UTC","week":"Someday 09:00-17:00"},"targets":{"1":[{"metric":"resolution","within":"1h"}]}}`, "week", nil},
		{"unknown holidays", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00","holidays":"atlantis"},"targets":{"1":[{"metric":"resolution","within":"1h"}]}}`, "atlantis", sla.ErrUnknownHolidays},
		{"bad closed date", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00","closed":["2026-02-30"]},"targets":{"1":[{"metric":"resolution","within":"1h"}]}}`, "closed[0]", nil},
		{"bad reopen", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[{"metric":"resolution","within":"1h"}]},"reopen":"restart"}`, "reopen", sla.ErrBadReopen},
		{"empty pause status", `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[{"metric":"resolution","within":"1h"}]},"pause_statuses":[""]}`, "PauseStatuses[0]", sla.ErrBadStatus},
		{"not an object", `[1,2]`, "policy JSON", nil},
		{"empty", ``, "policy JSON", nil},
	}
	for _, tc := range tests {
		_, err := sla.ParsePolicy([]byte(tc.json))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "sla: ") {
			t.Errorf("%s: ParsePolicy error = %v want one starting with \"sla: \" mentioning %q", tc.name, err, tc.want)
			continue
		}
		if tc.is != nil && !errors.Is(err, tc.is) {
			t.Errorf("%s: ParsePolicy error = %v want errors.Is %v", tc.name, err, tc.is)
		}
	}
}

const timelineJSON = `[
  {"at": "2026-03-02T09:00:00-05:00", "kind": "created", "priority": 2, "status": "new"},
  {"at": "2026-03-02T09:40:00-05:00", "kind": "agent_reply", "public": true},
  {"at": "2026-03-02T09:45:00-05:00", "kind": "agent_reply"},
  {"at": "2026-03-02T10:00:00-05:00", "kind": "status_changed", "status": "pending"},
  {"at": "2026-03-02T11:00:00-05:00", "kind": "customer_message"},
  {"at": "2026-03-02T11:05:00-05:00", "kind": "priority_changed", "priority": 1},
  {"at": "2026-03-02T12:00:00-05:00", "kind": "exempted", "exemption": {"metric": "resolution", "cycle": 1, "reason": "vendor outage", "approver": "ana", "expires": "2026-03-09T00:00:00Z"}},
  {"at": "2026-03-03T11:00:00-05:00", "kind": "solved"},
  {"at": "2026-03-04T08:00:00-05:00", "kind": "reopened", "status": "open"}
]`

func TestParseTimeline(t *testing.T) {
	events, err := sla.ParseTimeline([]byte(timelineJSON))
	if err != nil {
		t.Fatalf("ParseTimeline: %v", err)
	}
	est := time.FixedZone("", -5*3600)
	want := []sla.Event{
		{At: time.Date(2026, 3, 2, 9, 0, 0, 0, est), Kind: sla.Created, Priority: 2, Status: "new"},
		{At: time.Date(2026, 3, 2, 9, 40, 0, 0, est), Kind: sla.AgentReply, Public: true},
		{At: time.Date(2026, 3, 2, 9, 45, 0, 0, est), Kind: sla.AgentReply},
		{At: time.Date(2026, 3, 2, 10, 0, 0, 0, est), Kind: sla.StatusChanged, Status: "pending"},
		{At: time.Date(2026, 3, 2, 11, 0, 0, 0, est), Kind: sla.CustomerMessage},
		{At: time.Date(2026, 3, 2, 11, 5, 0, 0, est), Kind: sla.PriorityChanged, Priority: 1},
		{At: time.Date(2026, 3, 2, 12, 0, 0, 0, est), Kind: sla.Exempted, Exemption: &sla.Exemption{
			Metric: sla.Resolution, Cycle: 1, Reason: "vendor outage", Approver: "ana", Expires: time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)}},
		{At: time.Date(2026, 3, 3, 11, 0, 0, 0, est), Kind: sla.Solved},
		{At: time.Date(2026, 3, 4, 8, 0, 0, 0, est), Kind: sla.Reopened, Status: "open"},
	}
	if !sameEvents(events, want) {
		t.Fatalf("ParseTimeline = %+v want %+v", events, want)
	}
	data, err := sla.MarshalTimeline(events)
	if err != nil {
		t.Fatalf("MarshalTimeline: %v", err)
	}
	again, err := sla.ParseTimeline(data)
	if err != nil || !sameEvents(again, events) {
		t.Errorf("round trip: %v\n%s", err, data)
	}
}

func sameEvents(a, b []sla.Event) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if !x.At.Equal(y.At) || x.Kind != y.Kind || x.Status != y.Status || x.Priority != y.Priority || x.Public != y.Public {
			return false
		}
		if (x.Exemption == nil) != (y.Exemption == nil) {
			return false
		}
		if x.Exemption != nil {
			ex, ey := *x.Exemption, *y.Exemption
			if !ex.Expires.Equal(ey.Expires) {
				return false
			}
			ex.Expires, ey.Expires = time.Time{}, time.Time{}
			if ex != ey {
				return false
			}
		}
	}
	return true
}

func TestParseTimelineErrors(t *testing.T) {
	tests := []struct{ name, json, want string }{
		{"unknown kind", `[{"at":"2026-03-02T09:00:00Z","kind":"escalated"}]`, `event 0: sla: event JSON: kind: unknown event kind "escalated"`},
		{"unknown field", `[{"at":"2026-03-02T09:00:00Z","kind":"created","priority":1,"agent":"bo"}]`, `unknown field "agent"`},
		{"missing time", `[{"kind":"solved"}]`, "event time is zero"},
		{"bad time", `[{"at":"yesterday","kind":"solved"}]`, "event 0"},
		{"exempted without exemption", `[{"at":"2026-03-02T09:00:00Z","kind":"exempted"}]`, "bad exemption: missing"},
		{"exemption without reason", `[{"at":"2026-03-02T09:00:00Z","kind":"exempted","exemption":{"metric":"resolution","approver":"a","reason":""}}]`, "Reason is empty"},
		{"exemption unknown field", `[{"at":"2026-03-02T09:00:00Z","kind":"exempted","exemption":{"metric":"resolution","approver":"a","reason":"r","until":"x"}}]`, `unknown field "exemption.until"`},
		{"not an array", `{"at":"2026-03-02T09:00:00Z","kind":"solved"}`, "timeline JSON"},
		{"null", `null`, "want an array"},
		{"trailing", `[] []`, "trailing data"},
	}
	for _, tc := range tests {
		_, err := sla.ParseTimeline([]byte(tc.json))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "sla: ") {
			t.Errorf("%s: ParseTimeline error = %v want one mentioning %q", tc.name, err, tc.want)
		}
	}
	if _, err := sla.MarshalTimeline([]sla.Event{{Kind: 99}}); err == nil {
		t.Errorf("MarshalTimeline(unknown kind): no error")
	}
}

func FuzzParsePolicy(f *testing.F) {
	f.Add([]byte(policyJSON))
	f.Add([]byte(`{"name":"x","calendar":{"zone":"UTC","week":"Mon-Sun 00:00-24:00"},"targets":{"1":[{"metric":"resolution","within":"1h"}]}}`))
	f.Add([]byte(`{"name":"","calendar":{"zone":"Europe/London","week":"Mon-Fri 09:00-17:30","holidays":"gb"},"targets":{"P3":[{"metric":"first_response","business_days":2,"calendar_time":true}]},"metric_pauses":{"first_response":["x"]}}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[]},"effective_from":"2026-01-01T00:00:00+05:30","effective_until":"2026-06-01T00:00:00.123Z"}`))
	f.Add([]byte(`{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[]},"effective_until":"0001-01-01T00:00:00Z"}`))
	f.Add([]byte(`{"name":"x","calendar":{"zone":"Europe/Paris","week":"Mon-Fri 09:00-17:00","holidays":"fr","hours":{"2026-12-24":"09:00-12:00,13:00-15:30","2026-12-31":"","2026-05-01":"10:00-11:00"}},"targets":{"1":[]}}`))
	f.Add([]byte(`{"name":"x","calendar":{"zone":"UTC","week":"Mon-Sun 00:00-24:00","hours":{"2026-03-08":"00:00-24:00","2026-03-09":"22:00-00:00"}},"targets":{"1":[]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := sla.ParsePolicy(data)
		if err != nil {
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("ParsePolicy accepted an invalid policy: %v", err)
		}
		out, err := p.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON of a parsed policy: %v", err)
		}
		q, err := sla.ParsePolicy(out)
		if err != nil {
			t.Fatalf("ParsePolicy(MarshalJSON(p)) = %v\n%s", err, out)
		}
		if q.Name != p.Name || !reflect.DeepEqual(q.Targets, p.Targets) || q.Reopen != p.Reopen ||
			!reflect.DeepEqual(q.CalendarSpec, p.CalendarSpec) ||
			!q.EffectiveFrom.Equal(p.EffectiveFrom) || !q.EffectiveUntil.Equal(p.EffectiveUntil) {
			t.Fatalf("round trip changed the policy:\n%s\n%s", data, out)
		}
	})
}

func FuzzParseTimeline(f *testing.F) {
	f.Add([]byte(timelineJSON))
	f.Add([]byte(`[]`))
	f.Add([]byte(`[{"at":"2026-03-02T09:00:00Z","kind":"created","priority":3}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		events, err := sla.ParseTimeline(data)
		if err != nil {
			return
		}
		out, err := sla.MarshalTimeline(events)
		if err != nil {
			t.Fatalf("MarshalTimeline of a parsed timeline: %v", err)
		}
		again, err := sla.ParseTimeline(out)
		if err != nil || !sameEvents(again, events) {
			t.Fatalf("round trip: %v\n%s\n%s", err, data, out)
		}
		// Whatever parses, Evaluate must answer without panicking.
		_, _ = sla.Evaluate(calPolicy(), events, time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC))
	})
}

func TestCalendarSpecHours(t *testing.T) {
	const doc = `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00","holidays":"us",
		"closed":["2026-12-30"],
		"hours":{"2026-12-24":"09:00-13:00","2026-12-31":"","2026-12-26":"10:00-12:00, 13:00-14:00",
		         "2026-12-25":"10:00-12:00","2026-12-30":"15:00-16:00","2026-12-28":"00:00-24:00"}},
		"targets":{"1":[{"metric":"resolution","within":"1h"}]}}`
	p, err := sla.ParsePolicy([]byte(doc))
	if err != nil {
		t.Fatalf("ParsePolicy: %v", err)
	}
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	// December 2026: the 23rd is a Wednesday, the 25th Christmas (a US
	// holiday, a Friday), the 26th a Saturday, the 28th a Monday.
	tests := []struct {
		name string
		d    time.Time
		want time.Duration
	}{
		{"regular Wednesday", day(12, 23), 8 * time.Hour},
		{"short Thursday 09:00-13:00", day(12, 24), 4 * time.Hour},
		{"open on the holiday 10:00-12:00", day(12, 25), 2 * time.Hour},
		{"open on Saturday, two spans", day(12, 26), 3 * time.Hour},
		{"regular Sunday", day(12, 27), 0},
		{"all day Monday", day(12, 28), 24 * time.Hour},
		{"hours win over closed", day(12, 30), time.Hour},
		{"empty string: closed", day(12, 31), 0},
	}
	for _, tc := range tests {
		if got := p.Calendar.Between(tc.d, tc.d.AddDate(0, 0, 1)); got != tc.want {
			t.Errorf("%s: open time on %s = %v want %v", tc.name, tc.d.Format(time.DateOnly), got, tc.want)
		}
	}
	if !p.Calendar.IsOpen(day(12, 24).Add(12*time.Hour+59*time.Minute)) || p.Calendar.IsOpen(day(12, 24).Add(13*time.Hour)) {
		t.Errorf("24 December: open at 12:59 and closed at 13:00 wanted")
	}

	// Round trip: the spec comes back as written.
	data, err := p.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON: %v", err)
	}
	q, err := sla.ParsePolicy(data)
	if err != nil {
		t.Fatalf("ParsePolicy(MarshalJSON) = %v\n%s", err, data)
	}
	if !reflect.DeepEqual(q.CalendarSpec, p.CalendarSpec) || q.CalendarSpec.Hours["2026-12-31"] != "" || len(q.CalendarSpec.Hours) != 6 {
		t.Errorf("round trip: %+v want %+v", q.CalendarSpec, p.CalendarSpec)
	}
	// A spec built in Go works the same.
	spec := sla.CalendarSpec{Zone: "UTC", Week: "Mon-Fri 09:00-17:00", Hours: map[string]string{"2026-12-24": ""}}
	if c, err := spec.Calendar(); err != nil || c.Between(day(12, 24), day(12, 25)) != 0 {
		t.Errorf("CalendarSpec.Calendar with 24 December closed: %v", err)
	}

	bad := []struct{ name, hours, want string }{
		{"no such date", `{"2026-02-30":"09:00-12:00"}`, `hours["2026-02-30"]: "2026-02-30" is not a YYYY-MM-DD date`},
		{"US date", `{"12/24/2026":"09:00-12:00"}`, `hours["12/24/2026"]`},
		{"overnight", `{"2026-12-24":"22:00-02:00"}`, "past midnight"},
		{"overlap", `{"2026-12-24":"09:00-12:00,11:00-13:00"}`, `hours["2026-12-24"]: "09:00-12:00,11:00-13:00"`},
		{"out of range", `{"2026-12-24":"25:00-26:00"}`, `hours["2026-12-24"]`},
		{"day names", `{"2026-12-24":"09:00-12:00; Tue 09:00-10:00"}`, "want spans such as"},
		{"not a time", `{"2026-12-24":"9-5"}`, `hours["2026-12-24"]`},
		{"array", `{"2026-12-24":["09:00-12:00"]}`, "hours"},
		{"not an object", `["2026-12-24"]`, "hours"},
		{"first bad date in date order", `{"2026-12-25":"x","2026-12-24":"y"}`, `hours["2026-12-24"]`},
	}
	for _, tc := range bad {
		doc := `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00","hours":` + tc.hours +
			`},"targets":{"1":[{"metric":"resolution","within":"1h"}]}}`
		_, err := sla.ParsePolicy([]byte(doc))
		if err == nil || !strings.HasPrefix(err.Error(), "sla: ") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: ParsePolicy error = %v want one starting with \"sla: \" mentioning %q", tc.name, err, tc.want)
		}
	}
	// "hours": {} is no special hours, written back as none.
	p, err = sla.ParsePolicy([]byte(`{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00","hours":{}},"targets":{"1":[]}}`))
	if err != nil || p.CalendarSpec.Hours != nil {
		t.Errorf(`"hours": {}: %v, Hours %#v want nil`, err, p.CalendarSpec.Hours)
	}
}

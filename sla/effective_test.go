package sla_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/sla"
)

// revisions is a list of dated policies: "2025" until 1 January 2026
// (exclusive), "2026" from then until 1 July 2026, "summer" from 1 June
// 2026 for ever (overlapping "2026" in June), and an undated fallback.
func revisions() []sla.Policy {
	jan := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	jun := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	jul := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	p := func(name string, from, until time.Time) sla.Policy {
		q := calPolicy()
		q.Name, q.EffectiveFrom, q.EffectiveUntil = name, from, until
		return q
	}
	return []sla.Policy{
		p("2025", time.Time{}, jan),
		p("2026", jan, jul),
		p("summer", jun, time.Time{}),
		p("fallback", time.Time{}, time.Time{}),
	}
}

func TestInForce(t *testing.T) {
	ny := mustLoad("America/New_York")
	tests := []struct {
		name    string
		list    []sla.Policy
		created time.Time
		want    string // "" for none
	}{
		{"long before", revisions(), time.Date(1999, 5, 5, 0, 0, 0, 0, time.UTC), "2025"},
		{"just before a change", revisions(), time.Date(2025, 12, 31, 23, 59, 59, 999999999, time.UTC), "2025"},
		{"at a change: until is exclusive, from inclusive", revisions(), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), "2026"},
		{"in another zone, the same instant", revisions(), time.Date(2025, 12, 31, 19, 0, 0, 0, ny), "2026"},
		{"an hour earlier in that zone", revisions(), time.Date(2025, 12, 31, 18, 0, 0, 0, ny), "2025"},
		{"overlap: the first match wins", revisions(), time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC), "2026"},
		{"after the overlap", revisions(), time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), "summer"},
		{"overlap, other order", func() []sla.Policy {
			r := revisions()
			r[1], r[2] = r[2], r[1]
			return r
		}(), time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC), "summer"},
		{"fallback when nothing dated matches", revisions()[1:], time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), "fallback"},
		{"nothing matches", revisions()[1:3], time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), ""},
		{"empty list", nil, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), ""},
	}
	for _, tc := range tests {
		got, ok := sla.InForce(tc.list, tc.created)
		if ok != (tc.want != "") || got.Name != tc.want {
			t.Errorf("%s: InForce(%v) = %q, %v want %q, %v", tc.name, tc.created, got.Name, ok, tc.want, tc.want != "")
		}
	}
}

func TestPolicyEffectiveValidate(t *testing.T) {
	jan := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name        string
		from, until time.Time
		ok          bool
	}{
		{"both zero", time.Time{}, time.Time{}, true},
		{"from only", jan, time.Time{}, true},
		{"until only", time.Time{}, jan, true},
		{"a nanosecond long", jan, jan.Add(1), true},
		{"empty range", jan, jan, false},
		{"same instant, other zone", jan, jan.In(mustLoad("Asia/Tokyo")), false},
		{"reversed", jan.AddDate(0, 1, 0), jan, false},
	}
	for _, tc := range tests {
		p := calPolicy()
		p.EffectiveFrom, p.EffectiveUntil = tc.from, tc.until
		err := p.Validate()
		if tc.ok != (err == nil) {
			t.Errorf("%s: Validate(from %v, until %v) = %v want ok %v", tc.name, tc.from, tc.until, err, tc.ok)
			continue
		}
		if err == nil {
			continue
		}
		var pe *sla.PolicyError
		if !errors.As(err, &pe) || pe.Field != "EffectiveUntil" || !errors.Is(err, sla.ErrBadEffective) {
			t.Errorf("%s: Validate() = %v want a *PolicyError on EffectiveUntil wrapping ErrBadEffective", tc.name, err)
		}
		if _, err := sla.Evaluate(p, []sla.Event{created(hm(9, 0), 1)}, hm(10, 0)); !errors.Is(err, sla.ErrBadEffective) {
			t.Errorf("%s: Evaluate error = %v want ErrBadEffective", tc.name, err)
		}
	}
}

// Evaluate does not look at the dates: a ticket created before the
// policy's EffectiveFrom is still evaluated under it.
func TestEvaluateIgnoresEffectiveDates(t *testing.T) {
	p := calPolicy()
	p.EffectiveFrom = hm(12, 0)
	c := evaluate(t, p, []sla.Event{created(hm(9, 0), 1)}, hm(9, 30))[sla.Resolution]
	if c.State != sla.Running || c.Elapsed != 30*time.Minute {
		t.Errorf("Evaluate before EffectiveFrom: %v, %v want running, 30m0s", c.State, c.Elapsed)
	}
}

func TestPolicyJSONEffective(t *testing.T) {
	const base = `{"name":"x","calendar":{"zone":"UTC","week":"Mon-Fri 09:00-17:00"},"targets":{"1":[{"metric":"resolution","within":"1h"}]}`
	p, err := sla.ParsePolicy([]byte(base + `,"effective_from":"2026-01-01T00:00:00+01:00","effective_until":"2026-07-01T00:00:00.5Z"}`))
	if err != nil {
		t.Fatalf("ParsePolicy: %v", err)
	}
	from := time.Date(2025, 12, 31, 23, 0, 0, 0, time.UTC)
	until := time.Date(2026, 7, 1, 0, 0, 0, 5e8, time.UTC)
	if !p.EffectiveFrom.Equal(from) || !p.EffectiveUntil.Equal(until) {
		t.Errorf("ParsePolicy: effective %v to %v want %v to %v", p.EffectiveFrom, p.EffectiveUntil, from, until)
	}
	data, err := p.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON: %v", err)
	}
	if !strings.Contains(string(data), `"effective_from":"2026-01-01T00:00:00+01:00"`) ||
		!strings.Contains(string(data), `"effective_until":"2026-07-01T00:00:00.5Z"`) {
		t.Errorf("MarshalJSON = %s want the effective dates as given", data)
	}
	q, err := sla.ParsePolicy(data)
	if err != nil || !q.EffectiveFrom.Equal(from) || !q.EffectiveUntil.Equal(until) {
		t.Errorf("round trip: %v, %v to %v want %v to %v", err, q.EffectiveFrom, q.EffectiveUntil, from, until)
	}

	// Absent dates stay absent.
	p, err = sla.ParsePolicy([]byte(base + `}`))
	if err != nil {
		t.Fatalf("ParsePolicy: %v", err)
	}
	if data, _ := p.MarshalJSON(); strings.Contains(string(data), "effective") {
		t.Errorf("MarshalJSON without dates = %s want no effective fields", data)
	}

	bad := []struct{ name, json, want string }{
		{"date only", `,"effective_from":"2026-01-01"}`, `effective_from: "2026-01-01" is not an RFC 3339 time`},
		{"no zone", `,"effective_until":"2026-01-01T00:00:00"}`, "effective_until"},
		{"not a string", `,"effective_from":20260101}`, "effective_from"},
		{"empty range", `,"effective_from":"2026-01-01T00:00:00Z","effective_until":"2026-01-01T01:00:00+01:00"}`, "EffectiveUntil: effective range is empty"},
	}
	for _, tc := range bad {
		_, err := sla.ParsePolicy([]byte(base + tc.json))
		if err == nil || !strings.HasPrefix(err.Error(), "sla: ") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: ParsePolicy error = %v want one starting with \"sla: \" mentioning %q", tc.name, err, tc.want)
		}
	}
}

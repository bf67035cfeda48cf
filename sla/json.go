package sla

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/at"
	"github.com/rickar/cal/v2/au"
	"github.com/rickar/cal/v2/be"
	"github.com/rickar/cal/v2/br"
	"github.com/rickar/cal/v2/ca"
	"github.com/rickar/cal/v2/ch"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/dk"
	"github.com/rickar/cal/v2/es"
	"github.com/rickar/cal/v2/fi"
	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/ie"
	"github.com/rickar/cal/v2/it"
	"github.com/rickar/cal/v2/mx"
	"github.com/rickar/cal/v2/nl"
	"github.com/rickar/cal/v2/no"
	"github.com/rickar/cal/v2/nz"
	"github.com/rickar/cal/v2/pl"
	"github.com/rickar/cal/v2/pt"
	"github.com/rickar/cal/v2/se"
	"github.com/rickar/cal/v2/us"
	"github.com/rickar/cal/v2/za"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/durfmt"
	"github.com/slakit/slakit/internal/jsonx"
	"github.com/slakit/slakit/priority"
)

// CalendarSpec describes a business calendar the way the JSON form of a
// [Policy] writes it:
//
//	{"zone": "America/New_York", "week": "Mon-Fri 09:00-17:00",
//	 "holidays": "us", "closed": ["2026-12-24"],
//	 "hours": {"2026-12-31": "09:00-13:00", "2026-11-27": ""}}
//
// Zone is an IANA zone name, loaded with [time.LoadLocation], which needs
// zone data on the machine or the program to import time/tzdata. Week is a
// [calendar.ParseWeek] spec. Holidays names one of the holiday sets of
// [HolidaySets] (optional). Closed lists extra closed dates as YYYY-MM-DD.
// Hours gives dates (YYYY-MM-DD) special hours ([calendar.WithHours]):
// comma-separated wall-clock spans as in a week spec, such as
// "09:00-12:00,13:00-15:00", within the date (no overnight spans); an
// empty string closes the date. Special hours win over holidays and
// Closed on the same date, so a desk can open for a few hours on a
// holiday.
type CalendarSpec struct {
	Zone     string            `json:"zone"`
	Week     string            `json:"week"`
	Holidays string            `json:"holidays,omitempty"`
	Closed   []string          `json:"closed,omitempty"`
	Hours    map[string]string `json:"hours,omitempty"`
}

// ErrUnknownHolidays reports a holiday set name that [HolidaySets] does not
// list.
var ErrUnknownHolidays = errors.New("unknown holiday set")

// Calendar builds the calendar s describes.
func (s CalendarSpec) Calendar() (*calendar.Calendar, error) {
	if s.Zone == "" {
		return nil, errors.New("sla: calendar: zone is empty")
	}
	loc, err := time.LoadLocation(s.Zone)
	if err != nil {
		return nil, fmt.Errorf("sla: calendar: zone %q: %w", s.Zone, err)
	}
	week, err := calendar.ParseWeek(s.Week)
	if err != nil {
		return nil, fmt.Errorf("sla: calendar: week: %w", err)
	}
	var opts []calendar.Option
	if s.Holidays != "" {
		hs, ok := holidaySet(s.Holidays)
		if !ok {
			return nil, fmt.Errorf("sla: calendar: holidays: %w %q", ErrUnknownHolidays, s.Holidays)
		}
		opts = append(opts, calendar.WithHolidays(hs...))
	}
	if len(s.Closed) > 0 {
		dates := make([]calendar.Date, len(s.Closed))
		for i, d := range s.Closed {
			t, err := time.Parse(time.DateOnly, d)
			if err != nil {
				return nil, fmt.Errorf("sla: calendar: closed[%d]: %q is not a YYYY-MM-DD date", i, d)
			}
			dates[i] = calendar.DateOf(t)
		}
		opts = append(opts, calendar.WithClosed(dates...))
	}
	// In date order, so that the first error is the same on every call.
	days := make([]string, 0, len(s.Hours))
	for d := range s.Hours {
		days = append(days, d)
	}
	slices.Sort(days)
	for _, d := range days {
		opt, err := specialHours(d, s.Hours[d])
		if err != nil {
			return nil, fmt.Errorf("sla: calendar: hours[%q]: %w", d, err)
		}
		opts = append(opts, opt)
	}
	c, err := calendar.New(loc, week, opts...)
	if err != nil {
		return nil, fmt.Errorf("sla: calendar: %w", err)
	}
	return c, nil
}

// specialHours turns one entry of CalendarSpec.Hours into a calendar
// option.
func specialHours(date, spans string) (calendar.Option, error) {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return nil, fmt.Errorf("%q is not a YYYY-MM-DD date", date)
	}
	d := calendar.DateOf(t)
	if spans == "" {
		return calendar.WithHours(d), nil
	}
	if strings.ContainsFunc(spans, func(r rune) bool { return (r < '0' || r > '9') && !strings.ContainsRune(":-,. ", r) }) {
		return nil, fmt.Errorf("%q: want spans such as \"09:00-12:00,13:00-17:00\", or \"\" for closed", spans)
	}
	// A week spec for one day: ParseWeek checks the spans.
	w, err := calendar.ParseWeek("Mon " + spans)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", spans, err)
	}
	if len(w[time.Tuesday]) > 0 {
		return nil, fmt.Errorf("%q: a span runs past midnight; give the next date its own hours", spans)
	}
	return calendar.WithHours(d, w[time.Monday]...), nil
}

var holidaySetNames = []string{
	"at", "au-act", "au-nsw", "au-nt", "au-qld", "au-sa", "au-tas", "au-vic", "au-wa",
	"be", "br", "ca", "ch", "de", "dk", "es", "fi", "fr", "gb", "ie", "it",
	"mx", "nl", "no", "nz", "pl", "pt", "se", "us", "za",
}

// HolidaySets returns the names [CalendarSpec] accepts for Holidays, in
// sorted order: mostly ISO 3166 country codes for the national holidays of
// github.com/rickar/cal/v2 ("us", "gb", "de", ...), and "au-nsw" and the
// like for Australian states, which have no national list there.
func HolidaySets() []string { return slices.Clone(holidaySetNames) }

func holidaySet(name string) ([]*cal.Holiday, bool) {
	switch name {
	case "at":
		return at.Holidays, true
	case "au-act":
		return au.HolidaysACT, true
	case "au-nsw":
		return au.HolidaysNSW, true
	case "au-nt":
		return au.HolidaysNT, true
	case "au-qld":
		return au.HolidaysQLD, true
	case "au-sa":
		return au.HolidaysSA, true
	case "au-tas":
		return au.HolidaysTAS, true
	case "au-vic":
		return au.HolidaysVIC, true
	case "au-wa":
		return au.HolidaysWA, true
	case "be":
		return be.Holidays, true
	case "br":
		return br.Holidays, true
	case "ca":
		return ca.Holidays, true
	case "ch":
		return ch.Holidays, true
	case "de":
		return de.Holidays, true
	case "dk":
		return dk.Holidays, true
	case "es":
		return es.Holidays, true
	case "fi":
		return fi.Holidays, true
	case "fr":
		return fr.Holidays, true
	case "gb":
		return gb.Holidays, true
	case "ie":
		return ie.Holidays, true
	case "it":
		return it.Holidays, true
	case "mx":
		return mx.Holidays, true
	case "nl":
		return nl.Holidays, true
	case "no":
		return no.Holidays, true
	case "nz":
		return nz.Holidays, true
	case "pl":
		return pl.Holidays, true
	case "pt":
		return pt.Holidays, true
	case "se":
		return se.Holidays, true
	case "us":
		return us.Holidays, true
	case "za":
		return za.Holidays, true
	}
	return nil, false
}

type policyJSON struct {
	Name           string                  `json:"name"`
	Calendar       *CalendarSpec           `json:"calendar"`
	Targets        map[string][]targetJSON `json:"targets"`
	PauseStatuses  []string                `json:"pause_statuses,omitempty"`
	MetricPauses   map[string][]string     `json:"metric_pauses,omitempty"`
	Reopen         string                  `json:"reopen,omitempty"`
	EffectiveFrom  string                  `json:"effective_from,omitempty"`
	EffectiveUntil string                  `json:"effective_until,omitempty"`
}

type targetJSON struct {
	Metric       string `json:"metric"`
	Within       string `json:"within,omitempty"`
	CalendarTime bool   `json:"calendar_time,omitempty"`
	BusinessDays int    `json:"business_days,omitempty"`
}

// ParsePolicy reads a policy from its JSON form, strictly: unknown fields,
// keys in another case ("Within" for "within"), repeated keys, trailing
// data, bad durations ("8h", "90m"), unknown metrics, priorities
// that are not "P2" or "2", and unknown holiday sets are errors, and the
// result must pass [Policy.Validate]. For example:
//
//	{"name": "Standard",
//	 "calendar": {"zone": "Europe/London", "week": "Mon-Fri 09:00-17:30", "holidays": "gb"},
//	 "targets": {
//	   "P1": [{"metric": "first_response", "within": "1h", "calendar_time": true},
//	          {"metric": "resolution", "within": "8h"}],
//	   "P3": [{"metric": "resolution", "business_days": 3}]},
//	 "pause_statuses": ["pending", "on-hold"],
//	 "reopen": "continue",
//	 "effective_from": "2026-07-01T00:00:00+01:00"}
//
// reopen is "continue" (the default) or "new_cycle"; metric_pauses maps a
// metric name to its own pause statuses; effective_from and
// effective_until, RFC 3339 times, are [Policy.EffectiveFrom] and
// [Policy.EffectiveUntil] (absent: unbounded).
func ParsePolicy(data []byte) (Policy, error) {
	var p Policy
	if err := p.UnmarshalJSON(data); err != nil {
		return Policy{}, err
	}
	return p, nil
}

// UnmarshalJSON implements [json.Unmarshaler] with the rules of
// [ParsePolicy]. On error p is left unchanged.
func (p *Policy) UnmarshalJSON(data []byte) error {
	var j policyJSON
	if err := decodeStrict(data, &j); err != nil {
		return fmt.Errorf("sla: policy JSON: %w", err)
	}
	bad := func(field string, err error) error {
		return fmt.Errorf("sla: policy JSON: %s: %w", field, err)
	}
	q := Policy{Name: j.Name, PauseStatuses: j.PauseStatuses}
	if j.Calendar == nil {
		return bad("calendar", ErrNilCalendar)
	}
	c, err := j.Calendar.Calendar()
	if err != nil {
		return bad("calendar", err)
	}
	spec := *j.Calendar
	// "closed": [] and "hours": {} are none, as MarshalJSON writes them.
	spec.Closed, spec.Hours = nil, nil
	if len(j.Calendar.Closed) > 0 {
		spec.Closed = slices.Clone(j.Calendar.Closed)
	}
	if len(j.Calendar.Hours) > 0 {
		spec.Hours = maps.Clone(j.Calendar.Hours)
	}
	q.Calendar, q.CalendarSpec = c, &spec
	q.Targets = make(map[priority.Priority][]Target, len(j.Targets))
	for key, ts := range j.Targets {
		pr, err := priority.Parse(key)
		if err != nil {
			return bad(fmt.Sprintf("targets[%q]", key), err)
		}
		if _, dup := q.Targets[pr]; dup {
			return bad(fmt.Sprintf("targets[%q]", key), fmt.Errorf("priority %s given twice", pr))
		}
		out := make([]Target, len(ts))
		for i, t := range ts {
			field := fmt.Sprintf("targets[%q][%d]", key, i)
			m := Metric(t.Metric)
			if m.index() < 0 {
				return bad(field+".metric", fmt.Errorf("%w %q", ErrUnknownMetric, t.Metric))
			}
			out[i] = Target{Metric: m, CalendarTime: t.CalendarTime, BusinessDays: t.BusinessDays}
			if t.Within != "" {
				d, err := time.ParseDuration(t.Within)
				if err != nil {
					return bad(field+".within", err)
				}
				out[i].Within = d
			}
		}
		q.Targets[pr] = out
	}
	if j.MetricPauses != nil {
		q.MetricPauses = make(map[Metric][]string, len(j.MetricPauses))
		for m, ss := range j.MetricPauses {
			if Metric(m).index() < 0 {
				return bad(fmt.Sprintf("metric_pauses[%q]", m), fmt.Errorf("%w %q", ErrUnknownMetric, m))
			}
			if ss == nil {
				ss = []string{}
			}
			q.MetricPauses[Metric(m)] = ss
		}
	}
	switch j.Reopen {
	case "", "continue":
		q.Reopen = ContinueResolution
	case "new_cycle":
		q.Reopen = NewCycle
	default:
		return bad("reopen", fmt.Errorf("%w %q (want \"continue\" or \"new_cycle\")", ErrBadReopen, j.Reopen))
	}
	for _, f := range []struct {
		name string
		in   string
		out  *time.Time
	}{{"effective_from", j.EffectiveFrom, &q.EffectiveFrom}, {"effective_until", j.EffectiveUntil, &q.EffectiveUntil}} {
		if f.in == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339Nano, f.in)
		if err != nil {
			return bad(f.name, fmt.Errorf("%q is not an RFC 3339 time", f.in))
		}
		*f.out = t
	}
	if err := q.Validate(); err != nil {
		return err
	}
	*p = q
	return nil
}

// MarshalJSON implements [json.Marshaler], writing the form [ParsePolicy]
// reads. It needs p.CalendarSpec, since a built calendar cannot tell which
// holiday set it was built from; without one it is an error. Durations are
// written by [time.Duration.String], priorities as "P1", "P2", ...
func (p Policy) MarshalJSON() ([]byte, error) {
	if p.CalendarSpec == nil {
		return nil, errors.New("sla: policy JSON: CalendarSpec is nil: set it to the description Calendar was built from")
	}
	j := policyJSON{
		Name:          p.Name,
		Calendar:      p.CalendarSpec,
		Targets:       make(map[string][]targetJSON, len(p.Targets)),
		PauseStatuses: p.PauseStatuses,
		Reopen:        p.Reopen.String(),
	}
	if !p.EffectiveFrom.IsZero() {
		j.EffectiveFrom = p.EffectiveFrom.Format(time.RFC3339Nano)
	}
	if !p.EffectiveUntil.IsZero() {
		j.EffectiveUntil = p.EffectiveUntil.Format(time.RFC3339Nano)
	}
	for pr, ts := range p.Targets {
		out := make([]targetJSON, len(ts))
		for i, t := range ts {
			out[i] = targetJSON{Metric: string(t.Metric), CalendarTime: t.CalendarTime, BusinessDays: t.BusinessDays}
			if t.Within != 0 {
				out[i].Within = durfmt.Compact(t.Within)
			}
		}
		j.Targets[pr.String()] = out
	}
	if p.MetricPauses != nil {
		j.MetricPauses = make(map[string][]string, len(p.MetricPauses))
		for m, ss := range p.MetricPauses {
			if ss == nil {
				ss = []string{}
			}
			j.MetricPauses[string(m)] = ss
		}
	}
	return json.Marshal(j)
}

type eventJSON struct {
	At        time.Time      `json:"at"`
	Kind      string         `json:"kind"`
	Status    string         `json:"status,omitempty"`
	Priority  int            `json:"priority,omitempty"`
	Public    bool           `json:"public,omitempty"`
	Exemption *exemptionJSON `json:"exemption,omitempty"`
}

type exemptionJSON struct {
	Metric   string     `json:"metric"`
	Cycle    int        `json:"cycle,omitempty"`
	Reason   string     `json:"reason"`
	Approver string     `json:"approver"`
	Expires  *time.Time `json:"expires,omitempty"`
}

// ParseTimeline reads a ticket timeline, a JSON array of events, strictly
// (see [Event.UnmarshalJSON]). For example:
//
//	[{"at": "2026-03-02T09:00:00Z", "kind": "created", "priority": 2},
//	 {"at": "2026-03-02T09:40:00Z", "kind": "agent_reply", "public": true},
//	 {"at": "2026-03-02T10:00:00Z", "kind": "status_changed", "status": "pending"},
//	 {"at": "2026-03-03T11:00:00Z", "kind": "solved"}]
//
// It checks the form of each event, not the timeline's order or its fit
// with a policy: [Evaluate] does that.
func ParseTimeline(data []byte) ([]Event, error) {
	var raw []json.RawMessage
	if err := decodeStrict(data, &raw); err != nil {
		return nil, fmt.Errorf("sla: timeline JSON: %w", err)
	}
	if raw == nil {
		return nil, errors.New("sla: timeline JSON: want an array of events")
	}
	events := make([]Event, len(raw))
	for i, r := range raw {
		if err := events[i].UnmarshalJSON(r); err != nil {
			return nil, fmt.Errorf("sla: timeline JSON: event %d: %w", i, err)
		}
	}
	return events, nil
}

// MarshalTimeline writes events in the form [ParseTimeline] reads.
func MarshalTimeline(events []Event) ([]byte, error) {
	if events == nil {
		events = []Event{}
	}
	return json.Marshal(events)
}

// UnmarshalJSON implements [json.Unmarshaler] for one event, strictly:
// unknown fields, keys in another case, repeated keys, trailing data, an
// unknown kind, a missing time and
// (for exempted) a missing exemption are errors. Times are RFC 3339.
// On error e is left unchanged.
func (e *Event) UnmarshalJSON(data []byte) error {
	var j eventJSON
	if err := decodeStrict(data, &j); err != nil {
		return fmt.Errorf("sla: event JSON: %w", err)
	}
	var out Event
	kind, ok := parseKind(j.Kind)
	if !ok {
		return fmt.Errorf("sla: event JSON: kind: %w %q", ErrUnknownKind, j.Kind)
	}
	if j.At.IsZero() {
		return fmt.Errorf("sla: event JSON: at: %w", ErrZeroTime)
	}
	out = Event{At: j.At, Kind: kind, Status: j.Status, Priority: priority.Priority(j.Priority), Public: j.Public}
	if j.Exemption != nil {
		x := &Exemption{Metric: Metric(j.Exemption.Metric), Cycle: j.Exemption.Cycle,
			Reason: j.Exemption.Reason, Approver: j.Exemption.Approver}
		if j.Exemption.Expires != nil {
			x.Expires = *j.Exemption.Expires
		}
		if err := checkExemption(x); err != nil {
			return fmt.Errorf("sla: event JSON: exemption: %w", err)
		}
		out.Exemption = x
	}
	if kind == Exempted && out.Exemption == nil {
		return fmt.Errorf("sla: event JSON: exemption: %w: missing", ErrBadExemption)
	}
	*e = out
	return nil
}

// MarshalJSON implements [json.Marshaler] for one event, in the form
// [Event.UnmarshalJSON] reads. An unknown kind is an error.
func (e Event) MarshalJSON() ([]byte, error) {
	if !e.Kind.valid() {
		return nil, fmt.Errorf("sla: event JSON: %w %d", ErrUnknownKind, int(e.Kind))
	}
	j := eventJSON{At: e.At, Kind: e.Kind.String(), Status: e.Status, Priority: int(e.Priority), Public: e.Public}
	if x := e.Exemption; x != nil {
		j.Exemption = &exemptionJSON{Metric: string(x.Metric), Cycle: x.Cycle, Reason: x.Reason, Approver: x.Approver}
		if !x.Expires.IsZero() {
			t := x.Expires
			j.Exemption.Expires = &t
		}
	}
	return json.Marshal(j)
}

func parseKind(s string) (EventKind, bool) {
	for k := Created; k <= Exempted; k++ {
		if kindNames[k] == s {
			return k, true
		}
	}
	return 0, false
}

// MarshalText implements [encoding.TextMarshaler]: the kind's name.
func (k EventKind) MarshalText() ([]byte, error) {
	if !k.valid() {
		return nil, fmt.Errorf("sla: %w %d", ErrUnknownKind, int(k))
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *EventKind) UnmarshalText(b []byte) error {
	v, ok := parseKind(string(b))
	if !ok {
		return fmt.Errorf("sla: %w %q", ErrUnknownKind, b)
	}
	*k = v
	return nil
}

// MarshalText implements [encoding.TextMarshaler]: "running", "paused",
// "met" or "breached".
func (s State) MarshalText() ([]byte, error) {
	if s < Running || s > Breached {
		return nil, errors.New("sla: invalid State " + strconv.Itoa(int(s)))
	}
	return []byte(stateNames[s]), nil
}

// decodeStrict decodes one JSON value into v, rejecting unknown fields,
// keys that differ from a field's name in case, repeated keys and trailing
// data.
func decodeStrict(data []byte, v any) error { return jsonx.DecodeStrict(data, v) }

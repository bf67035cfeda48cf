package sla

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/durfmt"
	"github.com/slakit/slakit/priority"
)

// Metric names what an SLA clock measures. The four metrics are the ones
// Zendesk, Jira Service Management and ServiceNow users set targets on; see
// the package documentation for exactly when each starts, pauses and stops.
type Metric string

// The metrics a [Policy] can set targets on.
const (
	FirstResponse  Metric = "first_response"  // created -> first public agent reply
	NextResponse   Metric = "next_response"   // each customer message awaiting an agent -> agent reply
	PeriodicUpdate Metric = "periodic_update" // agent update -> next agent update while open
	Resolution     Metric = "resolution"      // created -> solved; pauses; reopen continues or restarts
)

// metrics lists the metrics in the order reports and summaries use.
var metrics = [numMetrics]Metric{FirstResponse, NextResponse, PeriodicUpdate, Resolution}

const numMetrics = 4

// index returns m's position in metrics, or -1 for an unknown metric.
func (m Metric) index() int {
	switch m {
	case FirstResponse:
		return 0
	case NextResponse:
		return 1
	case PeriodicUpdate:
		return 2
	case Resolution:
		return 3
	}
	return -1
}

// Target is what a policy promises for one metric at one priority: either
// Within an amount of counted time, or within BusinessDays whole open days
// (exactly one of the two is set).
//
// Counted time is open time on the policy's calendar, or real elapsed time
// when CalendarTime is set. A BusinessDays target follows
// [calendar.Calendar.AddDays]: a clock started at t with no pause is due at
// AddDays(t, BusinessDays). Internally the promise becomes the open time
// between t and that instant (the clock's [Clock.Target]), so a pause moves
// the deadline by the open time it lasted, not by whole days. With
// CalendarTime a BusinessDays target counts calendar days: the same
// wall-clock time BusinessDays dates later.
type Target struct {
	Metric       Metric
	Within       time.Duration
	CalendarTime bool // count 24x7 instead of the policy's business calendar
	BusinessDays int  // n whole open days (calendar.AddDays) instead of Within
}

// String formats t as, for example, "first_response within 1h30m
// (business time)" or "resolution within 3 business days".
func (t Target) String() string {
	var b []byte
	b = append(b, t.Metric...)
	b = append(b, " within "...)
	if t.BusinessDays > 0 {
		b = strconv.AppendInt(b, int64(t.BusinessDays), 10)
		if t.CalendarTime {
			b = append(b, " calendar days"...)
		} else {
			b = append(b, " business days"...)
		}
		return string(b)
	}
	b = append(b, durfmt.Compact(t.Within)...)
	if t.CalendarTime {
		b = append(b, " (calendar time)"...)
	} else {
		b = append(b, " (business time)"...)
	}
	return string(b)
}

// ReopenMode says what a Reopened event does to the Resolution clock.
type ReopenMode int

const (
	// ContinueResolution resumes the same Resolution clock (same cycle,
	// and the same target unless the priority changed while the ticket was
	// solved) from the reopen; the time the ticket spent solved is not
	// counted. It is the zero value and the default, like Zendesk's "full
	// resolution time".
	ContinueResolution ReopenMode = iota
	// NewCycle starts a new Resolution clock (the next cycle) at the
	// reopen, with a fresh target for the ticket's priority at that
	// instant, like a Jira Service Management SLA cycle.
	NewCycle
)

// String returns "continue" or "new_cycle", the names the JSON form uses.
func (m ReopenMode) String() string {
	switch m {
	case ContinueResolution:
		return "continue"
	case NewCycle:
		return "new_cycle"
	}
	return "ReopenMode(" + strconv.Itoa(int(m)) + ")"
}

// Policy is a set of SLA targets by priority, counted on a business
// calendar.
//
// Targets maps each priority a ticket can have to the targets that apply
// at that priority. A priority that is absent from the map is an error in
// [Evaluate]; a priority mapped to an empty slice has no SLA, and so does a
// metric that has no target at a priority: no clock is reported for it
// (a clock that had a target stays, without one, when a priority change
// takes its target away; see [Clock.HasTarget]).
//
// PauseStatuses pause the Resolution and PeriodicUpdate clocks while the
// ticket is in one of them (compared exactly, case-sensitively).
// MetricPauses overrides that per metric: when MetricPauses has an entry
// for a metric, that entry (possibly empty) is the metric's pause set
// instead. FirstResponse and NextResponse never pause unless MetricPauses
// names statuses for them.
//
// EffectiveFrom and EffectiveUntil say which tickets the policy is for:
// those created at or after EffectiveFrom and before EffectiveUntil; a
// zero time leaves that side open. They let a revised policy take over
// from a date while tickets created earlier keep the revision they were
// created under; [InForce] picks the policy for a ticket from a list.
// Evaluate does not look at them: it evaluates under the policy it is
// given.
//
// A Policy is a plain value: build it with a composite literal or load it
// with [ParsePolicy], and check it with [Policy.Validate] ([Evaluate]
// validates it too). Evaluate only reads a Policy, so one Policy may be
// shared by any number of goroutines as long as nobody modifies its maps
// and slices. The zero value is not a valid policy: it has no calendar.
type Policy struct {
	Name          string
	Calendar      *calendar.Calendar
	Targets       map[priority.Priority][]Target
	PauseStatuses []string // while in one of these statuses, Resolution and PeriodicUpdate stop counting
	MetricPauses  map[Metric][]string
	Reopen        ReopenMode

	EffectiveFrom  time.Time // zero: since always
	EffectiveUntil time.Time // zero: for ever; exclusive

	// CalendarSpec describes Calendar in the words the JSON form uses. It is
	// set by [ParsePolicy]; [Policy.MarshalJSON] needs it, since a built
	// calendar cannot tell which holiday set it was built from. Evaluate
	// ignores it.
	CalendarSpec *CalendarSpec
}

// Errors wrapped by a [PolicyError]; test for them with [errors.Is].
var (
	ErrNilCalendar     = errors.New("calendar is nil")
	ErrNoTargetsSet    = errors.New("no targets at any priority")
	ErrBadPriority     = errors.New("priority must be at least 1")
	ErrUnknownMetric   = errors.New("unknown metric")
	ErrBadTarget       = errors.New("target must be positive")
	ErrDuplicateMetric = errors.New("metric has two targets at one priority")
	ErrBadStatus       = errors.New("status must not be empty")
	ErrBadReopen       = errors.New("unknown reopen mode")
	ErrBadEffective    = errors.New("effective range is empty")
)

// PolicyError reports an invalid [Policy]: which policy, which field and
// what is wrong with it.
type PolicyError struct {
	Policy string // the policy's Name
	Field  string // for example "Targets[P2][1].Within"
	Err    error  // one of the Err... sentinels above
}

// Error formats e as `sla: policy "name": Field: reason`.
func (e *PolicyError) Error() string {
	return fmt.Sprintf("sla: policy %q: %s: %v", e.Policy, e.Field, e.Err)
}

// Unwrap returns the underlying sentinel error.
func (e *PolicyError) Unwrap() error { return e.Err }

// Validate reports the first problem it finds in p, as a [*PolicyError]: a
// nil Calendar, no Targets at all, a priority below 1, an unknown metric, a
// target that sets neither or both of Within and BusinessDays or sets
// either to zero or less, two targets for one metric at one priority, an
// empty pause status, an unknown Reopen mode, or an EffectiveUntil that is
// not after a non-zero EffectiveFrom. Priorities are checked in
// increasing order, so the error is the same on every call.
func (p Policy) Validate() error {
	if _, err := p.validate(); err != nil {
		return err
	}
	return nil
}

// validate is Validate returning the concrete type, so Evaluate can tell a
// nil error without an interface conversion, and the metrics that have a
// target at some priority, by bit (1<<index).
func (p *Policy) validate() (uint8, *PolicyError) {
	bad := func(field string, err error) (uint8, *PolicyError) {
		return 0, &PolicyError{Policy: p.Name, Field: field, Err: err}
	}
	if p.Calendar == nil {
		return bad("Calendar", ErrNilCalendar)
	}
	if len(p.Targets) == 0 {
		return bad("Targets", ErrNoTargetsSet)
	}
	// The common case, a valid policy, takes one pass over the map. On an
	// error, check again in increasing priority order so that the error is
	// the same on every call.
	var used uint8
	for pr, ts := range p.Targets {
		m, err := p.validateLevel(pr, ts)
		if err != nil {
			return 0, p.firstBadLevel()
		}
		used |= m
	}
	for i, s := range p.PauseStatuses {
		if s == "" {
			return bad("PauseStatuses["+strconv.Itoa(i)+"]", ErrBadStatus)
		}
	}
	for m, ss := range p.MetricPauses {
		if m.index() < 0 {
			return bad(fmt.Sprintf("MetricPauses[%q]", string(m)), ErrUnknownMetric)
		}
		if i := slices.Index(ss, ""); i >= 0 {
			return bad(fmt.Sprintf("MetricPauses[%q][%d]", string(m), i), ErrBadStatus)
		}
	}
	if p.Reopen != ContinueResolution && p.Reopen != NewCycle {
		return bad("Reopen", fmt.Errorf("%w %d", ErrBadReopen, int(p.Reopen)))
	}
	if !p.EffectiveFrom.IsZero() && !p.EffectiveUntil.IsZero() && !p.EffectiveUntil.After(p.EffectiveFrom) {
		return bad("EffectiveUntil", fmt.Errorf("%w: %s is not after %s", ErrBadEffective,
			p.EffectiveUntil.Format(time.RFC3339Nano), p.EffectiveFrom.Format(time.RFC3339Nano)))
	}
	return used, nil
}

// EffectiveAt reports whether p is for tickets created at t: t is at or
// after EffectiveFrom (or EffectiveFrom is zero) and before EffectiveUntil
// (or EffectiveUntil is zero).
func (p Policy) EffectiveAt(t time.Time) bool {
	return (p.EffectiveFrom.IsZero() || !t.Before(p.EffectiveFrom)) &&
		(p.EffectiveUntil.IsZero() || t.Before(p.EffectiveUntil))
}

// InForce returns the first policy of policies that is effective for a
// ticket created at created ([Policy.EffectiveAt]), and whether there is
// one. The order of the list settles overlaps: the first match wins, so
// a list can put dated revisions before an undated fallback. A ticket
// keeps the policy in force when it was created for its whole life: pass
// its Created event's time, not now.
func InForce(policies []Policy, created time.Time) (Policy, bool) {
	for i := range policies {
		if policies[i].EffectiveAt(created) {
			return policies[i], true
		}
	}
	return Policy{}, false
}

// firstBadLevel returns the error of the smallest priority whose targets
// are invalid, without allocating for small maps: it finds the smallest
// priority not yet checked, repeatedly.
func (p *Policy) firstBadLevel() *PolicyError {
	last := priority.Priority(-1 << 62)
	for range len(p.Targets) {
		next, found := priority.Priority(0), false
		for pr := range p.Targets {
			if pr > last && (!found || pr < next) {
				next, found = pr, true
			}
		}
		last = next
		if _, err := p.validateLevel(next, p.Targets[next]); err != nil {
			return err
		}
	}
	return nil
}

// validateLevel checks the targets ts at priority pr and returns their
// metrics by bit.
func (p *Policy) validateLevel(pr priority.Priority, ts []Target) (uint8, *PolicyError) {
	bad := func(field string, err error) (uint8, *PolicyError) {
		return 0, &PolicyError{Policy: p.Name, Field: field, Err: err}
	}
	field := func(i int, name string) string {
		f := "Targets[" + pr.String() + "][" + strconv.Itoa(i) + "]"
		if name != "" {
			f += "." + name
		}
		return f
	}
	if pr < 1 {
		return bad("Targets["+pr.String()+"]", ErrBadPriority)
	}
	var seen uint8
	for i, t := range ts {
		mi := t.Metric.index()
		if mi < 0 {
			return bad(field(i, "Metric"), fmt.Errorf("%w %q", ErrUnknownMetric, string(t.Metric)))
		}
		if seen&(1<<mi) != 0 {
			return bad(field(i, "Metric"), fmt.Errorf("%w: %s", ErrDuplicateMetric, t.Metric))
		}
		seen |= 1 << mi
		switch {
		case t.BusinessDays == 0 && t.Within <= 0:
			return bad(field(i, "Within"), fmt.Errorf("%w, got %v", ErrBadTarget, t.Within))
		case t.BusinessDays < 0:
			return bad(field(i, "BusinessDays"), fmt.Errorf("%w, got %d", ErrBadTarget, t.BusinessDays))
		case t.BusinessDays > 0 && t.Within != 0:
			return bad(field(i, ""), fmt.Errorf("%w: set Within or BusinessDays, not both", ErrBadTarget))
		}
	}
	return seen, nil
}

// targetTable holds the target of each metric at one priority; a zero
// Metric means no target.
type targetTable [numMetrics]Target

// table returns the targets at priority pr by metric.
func table(targets map[priority.Priority][]Target, pr priority.Priority) targetTable {
	var tt targetTable
	for _, t := range targets[pr] {
		tt[t.Metric.index()] = t
	}
	return tt
}

// pauseSet returns the statuses that pause metric index mi.
func (p *Policy) pauseSet(mi int) []string {
	if ss, ok := p.MetricPauses[metrics[mi]]; ok {
		return ss
	}
	if metrics[mi] == Resolution || metrics[mi] == PeriodicUpdate {
		return p.PauseStatuses
	}
	return nil
}

package sla

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/slakit/slakit/priority"
)

// EventKind says what happened to a ticket. The zero value is not a valid
// kind.
type EventKind int

// The kinds of [Event] a ticket timeline is made of.
const (
	// Created opens the ticket; every timeline starts with exactly one.
	// Event.Priority is the ticket's priority and Event.Status, if not
	// empty, its first status. The customer's opening message is part of
	// Created: it belongs to FirstResponse, not NextResponse.
	Created EventKind = iota + 1
	// CustomerMessage is a message from the requester.
	CustomerMessage
	// AgentReply is an agent's comment; only a Public one is a reply
	// (internal notes do not count).
	AgentReply
	// StatusChanged moves the ticket to Event.Status (not empty).
	StatusChanged
	// PriorityChanged moves the ticket to Event.Priority.
	PriorityChanged
	// Solved solves the ticket: every clock stops. The status is cleared.
	Solved
	// Reopened reopens a solved ticket; Event.Status, if not empty, is the
	// status it reopens in (otherwise it has none, so nothing is paused).
	Reopened
	// Exempted records an approved exemption (Event.Exemption) that keeps
	// a breach out of compliance figures.
	Exempted
)

var kindNames = [...]string{
	Created:         "created",
	CustomerMessage: "customer_message",
	AgentReply:      "agent_reply",
	StatusChanged:   "status_changed",
	PriorityChanged: "priority_changed",
	Solved:          "solved",
	Reopened:        "reopened",
	Exempted:        "exempted",
}

// String returns the kind's name as the JSON form writes it, such as
// "agent_reply", or "EventKind(9)" for an unknown kind.
func (k EventKind) String() string {
	if k.valid() {
		return kindNames[k]
	}
	return "EventKind(" + strconv.Itoa(int(k)) + ")"
}

func (k EventKind) valid() bool { return k >= Created && k <= Exempted }

// Exemption is an approved waiver of one metric's breaches on one ticket,
// for example because the customer asked to wait or a supplier outage was
// declared. It is recorded on the timeline with an [Exempted] event.
//
// An exemption covers a breached clock of its Metric (of every cycle when
// Cycle is 0, or of that cycle only) whose [Clock.BreachedAt] is before
// Expires; a zero Expires never expires. The breach may come before or
// after the approval: an approval recorded in advance covers breaches up
// to Expires. Only approvals recorded at or before the evaluation instant
// count. A covered clock stays Breached and carries the exemption in
// [Clock.Exempt]; [Summarize] counts it as exempt, not breached.
type Exemption struct {
	Metric   Metric
	Cycle    int // 0: every cycle
	Reason   string
	Approver string
	Expires  time.Time // zero: never
}

// covers reports whether x applies to clock c, which must be breached.
func (x *Exemption) covers(c *Clock) bool {
	return x.Metric == c.Metric && (x.Cycle == 0 || x.Cycle == c.Cycle) &&
		(x.Expires.IsZero() || c.BreachedAt.Before(x.Expires))
}

// Event is one entry of a ticket's timeline. Which fields matter depends on
// Kind; the others are ignored.
type Event struct {
	At        time.Time
	Kind      EventKind
	Status    string            // StatusChanged (required); Created and Reopened (optional)
	Priority  priority.Priority // Created, PriorityChanged
	Public    bool              // AgentReply: internal notes are not replies
	Exemption *Exemption        // Exempted
}

// Errors wrapped by an [EventError]; test for them with [errors.Is].
var (
	ErrEmptyTimeline = errors.New("timeline has no events")
	ErrNotCreated    = errors.New("timeline must start with Created")
	ErrCreatedTwice  = errors.New("a second created event")
	ErrOutOfOrder    = errors.New("event is earlier than the one before it")
	ErrUnknownKind   = errors.New("unknown event kind")
	ErrZeroTime      = errors.New("event time is zero")
	ErrTimeRange     = errors.New("time outside 1678-2262, the range of Unix nanoseconds")
	ErrMissingStatus = errors.New("status change without a status")
	ErrNoTargets     = errors.New("policy has no targets for priority")
	ErrAlreadySolved = errors.New("solved while the ticket is already solved")
	ErrNotSolved     = errors.New("reopened while the ticket is not solved")
	ErrBadExemption  = errors.New("bad exemption")
)

// EventError reports a bad event in a timeline: its index in the slice,
// its kind, and what is wrong.
type EventError struct {
	Index int
	Kind  EventKind
	Err   error
}

// Error formats e as "sla: event 3 (status_changed): reason".
func (e *EventError) Error() string {
	return fmt.Sprintf("sla: event %d (%s): %v", e.Index, e.Kind, e.Err)
}

// Unwrap returns the underlying sentinel error.
func (e *EventError) Unwrap() error { return e.Err }

// tally counts the events of a timeline by what they can do to clocks.
type tally struct {
	messages   int // CustomerMessage
	replies    int // public AgentReply
	statuses   int // StatusChanged
	changes    int // PriorityChanged
	solves     int
	reopens    int
	exemptions int
}

// checkEvents validates the whole timeline against p, which must be valid,
// and counts its events.
func checkEvents(p *Policy, events []Event) (tally, error) {
	var n tally
	if len(events) == 0 {
		return n, &EventError{Index: -1, Err: ErrEmptyTimeline}
	}
	solved := false
	var prev int64
	for i := range events {
		e := &events[i]
		if !e.Kind.valid() {
			return n, &EventError{Index: i, Kind: e.Kind, Err: ErrUnknownKind}
		}
		if i == 0 && e.Kind != Created {
			return n, &EventError{Index: i, Kind: e.Kind, Err: ErrNotCreated}
		}
		if i > 0 && e.Kind == Created {
			return n, &EventError{Index: i, Kind: e.Kind, Err: ErrCreatedTwice}
		}
		// Instants are compared as Unix nanoseconds, as Evaluate counts
		// them (a monotonic clock reading is ignored).
		sec := e.At.Unix()
		if !secInRange(sec) {
			if e.At.IsZero() {
				return n, &EventError{Index: i, Kind: e.Kind, Err: ErrZeroTime}
			}
			return n, &EventError{Index: i, Kind: e.Kind, Err: ErrTimeRange}
		}
		tn := sec*int64(time.Second) + int64(e.At.Nanosecond())
		if i > 0 && tn < prev {
			return n, &EventError{Index: i, Kind: e.Kind, Err: fmt.Errorf("%w: %s before %s", ErrOutOfOrder,
				e.At.Format(time.RFC3339Nano), events[i-1].At.Format(time.RFC3339Nano))}
		}
		prev = tn
		switch e.Kind {
		case Created, PriorityChanged:
			if e.Priority < 1 {
				return n, &EventError{Index: i, Kind: e.Kind, Err: fmt.Errorf("%w, got %d", ErrBadPriority, int(e.Priority))}
			}
			if _, ok := p.Targets[e.Priority]; !ok {
				return n, &EventError{Index: i, Kind: e.Kind, Err: fmt.Errorf("%w %s", ErrNoTargets, e.Priority)}
			}
			if e.Kind == PriorityChanged {
				n.changes++
			}
		case CustomerMessage:
			n.messages++
		case AgentReply:
			if e.Public {
				n.replies++
			}
		case StatusChanged:
			if e.Status == "" {
				return n, &EventError{Index: i, Kind: e.Kind, Err: ErrMissingStatus}
			}
			n.statuses++
		case Solved:
			if solved {
				return n, &EventError{Index: i, Kind: e.Kind, Err: ErrAlreadySolved}
			}
			solved = true
			n.solves++
		case Reopened:
			if !solved {
				return n, &EventError{Index: i, Kind: e.Kind, Err: ErrNotSolved}
			}
			solved = false
			n.reopens++
		case Exempted:
			if err := checkExemption(e.Exemption); err != nil {
				return n, &EventError{Index: i, Kind: e.Kind, Err: err}
			}
			n.exemptions++
		}
	}
	return n, nil
}

// inRange reports whether t can be held as Unix nanoseconds (leaving out
// the partial second at each end of that range).
func inRange(t time.Time) bool { return secInRange(t.Unix()) }

// secInRange is inRange for t.Unix().
func secInRange(s int64) bool {
	return s > math.MinInt64/int64(time.Second) && s < math.MaxInt64/int64(time.Second)
}

func checkExemption(x *Exemption) error {
	switch {
	case x == nil:
		return fmt.Errorf("%w: Exemption is nil", ErrBadExemption)
	case x.Metric.index() < 0:
		return fmt.Errorf("%w: Metric: %w %q", ErrBadExemption, ErrUnknownMetric, string(x.Metric))
	case x.Cycle < 0:
		return fmt.Errorf("%w: Cycle %d is negative", ErrBadExemption, x.Cycle)
	case x.Reason == "":
		return fmt.Errorf("%w: Reason is empty", ErrBadExemption)
	case x.Approver == "":
		return fmt.Errorf("%w: Approver is empty", ErrBadExemption)
	}
	return nil
}

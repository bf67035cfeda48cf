package escalation

import (
	"cmp"
	"errors"
	"fmt"
	"time"

	"github.com/slakit/slakit/sla"
)

// Level is one rung of a [Ladder]: a name, the trigger at which it fires
// and the actions the helpdesk should take when it does. Name identifies
// the level in the ladder, in logs and in the JSON form; a helpdesk can
// record "level at-risk fired for cycle 2" by it.
type Level struct {
	Name    string
	When    Trigger
	Actions []Action
}

// Ladder is a sequence of escalation levels for one SLA metric. Build it
// with [NewLadder], [AtRisk] or [ParseLadder], which validate the levels
// and copy them; the methods then only read the ladder, so a Ladder may be
// shared by any number of goroutines as long as nobody modifies its fields
// or the levels and actions it returns (treat them as read-only).
//
// Levels are kept in the order given. On a clock, each level resolves to an
// amount of counted time ([Trigger.Counted]) and the levels fire in the
// order of those amounts, ties in ladder order; see the package
// documentation.
//
// The zero Ladder has no levels and fires nothing. A Ladder written as a
// composite literal works too, unchecked: a level whose trigger is invalid
// never fires.
type Ladder struct {
	Metric sla.Metric
	Levels []Level
}

// Errors that [NewLadder] and [ParseLadder] wrap. A bad metric wraps
// [sla.ErrUnknownMetric].
var (
	ErrEmptyLadder   = errors.New("ladder has no levels")
	ErrNoName        = errors.New("level has no name")
	ErrDuplicateName = errors.New("duplicate level name")
	ErrOrder         = errors.New("levels out of order")
)

// LevelError reports what is wrong with one level of a ladder: Index is its
// position (from 0), Name its name (possibly empty), Field what is wrong
// ("name", "at", "actions[1]" or, in the JSON form, the field that failed
// to decode). Err wraps one of [ErrNoName], [ErrDuplicateName],
// [ErrBadTrigger], [ErrOrder] or [ErrBadAction], or a JSON decoding error.
type LevelError struct {
	Index int
	Name  string
	Field string
	Err   error
}

// Error formats e as, for example,
// `escalation: level 2 "urgent": at: levels out of order: 60% is not after level "warn" (75%)`.
func (e *LevelError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("escalation: level %d %q: %v", e.Index, e.Name, e.Err)
	}
	return fmt.Sprintf("escalation: level %d %q: %s: %v", e.Index, e.Name, e.Field, e.Err)
}

// Unwrap returns e.Err.
func (e *LevelError) Unwrap() error { return e.Err }

// checkMetric reports an error unless m is one of sla's metrics.
func checkMetric(m sla.Metric) error {
	switch m {
	case sla.FirstResponse, sla.NextResponse, sla.PeriodicUpdate, sla.Resolution:
		return nil
	}
	return fmt.Errorf("escalation: metric %q: %w", m, sla.ErrUnknownMetric)
}

// NewLadder returns a ladder of levels for metric m after checking them:
// m is one of sla's metrics, there is at least one level, every level has a
// name no other level has, a valid trigger (a share above 0, an offset
// above 0) and valid actions ([Action] says what each kind needs), and the
// levels are in ascending trigger order.
//
// The order is checked for every pair of levels that compare the same way
// on every clock: shares among themselves (50% before 75%), offsets
// (-1h before -30m before +1h), a share up to 100% before any offset after
// due, any offset before due before a share of 100% or more. Two levels
// that would always fall at the same point are an error. A share below
// 100% and an offset before due compare differently on different targets
// (75% of 8h is 2h before due, 75% of 1h only 15 minutes before): such
// pairs are allowed and resolved on each clock, in the order of their
// counted time, ties in ladder order.
//
// Errors name the level: a [*LevelError] for a level, an error wrapping
// [ErrEmptyLadder] or [sla.ErrUnknownMetric] for the ladder. NewLadder
// copies the levels and their actions.
func NewLadder(m sla.Metric, levels ...Level) (*Ladder, error) {
	if err := checkMetric(m); err != nil {
		return nil, err
	}
	if len(levels) == 0 {
		return nil, fmt.Errorf("escalation: %s ladder: %w", m, ErrEmptyLadder)
	}
	out := make([]Level, len(levels))
	seen := make(map[string]int, len(levels))
	for i, lv := range levels {
		if lv.Name == "" {
			return nil, &LevelError{Index: i, Field: "name", Err: ErrNoName}
		}
		if j, dup := seen[lv.Name]; dup {
			return nil, &LevelError{Index: i, Name: lv.Name, Field: "name",
				Err: fmt.Errorf("%w: level %d has it too", ErrDuplicateName, j)}
		}
		seen[lv.Name] = i
		if err := lv.When.check(); err != nil {
			return nil, &LevelError{Index: i, Name: lv.Name, Field: "at", Err: err}
		}
		var actions []Action // nil when there are none, however they were given
		if len(lv.Actions) > 0 {
			actions = make([]Action, len(lv.Actions))
		}
		for k, a := range lv.Actions {
			if err := a.check(); err != nil {
				return nil, &LevelError{Index: i, Name: lv.Name, Field: fmt.Sprintf("actions[%d]", k), Err: err}
			}
			actions[k] = a.clone()
		}
		out[i] = Level{Name: lv.Name, When: lv.When, Actions: actions}
	}
	for j := 1; j < len(out); j++ {
		for i := range j {
			a, b := out[i].When, out[j].When
			switch order(a, b) {
			case same:
				return nil, &LevelError{Index: j, Name: out[j].Name, Field: "at",
					Err: fmt.Errorf("%w: %v always falls with level %q (%v)", ErrOrder, b, out[i].Name, a)}
			case after:
				return nil, &LevelError{Index: j, Name: out[j].Name, Field: "at",
					Err: fmt.Errorf("%w: %v is not after level %q (%v)", ErrOrder, b, out[i].Name, a)}
			}
		}
	}
	return &Ladder{Metric: m, Levels: out}, nil
}

// How two valid triggers a, b compare on every clock.
const (
	before = iota // a falls before b on every clock
	same          // a and b always fall together
	after         // a falls at or after b on every clock, never strictly before
	mixed         // it depends on the target
)

// order compares a and b for every target T > 0. Each trigger counts
// alpha*T/100 + beta: a share p is (p, 0), an offset before due d is
// (100, -d), after due (100, +d). Clamping of offsets before due at zero
// only ever makes two levels tie, which ladder order resolves.
func order(a, b Trigger) int {
	coef := func(t Trigger) (float64, time.Duration) {
		switch t.kind {
		case percentTrigger:
			return t.pct, 0
		case beforeTrigger:
			return 100, -t.offset
		}
		return 100, t.offset
	}
	aa, ab := coef(a)
	ba, bb := coef(b)
	da, db := cmp.Compare(ba, aa), cmp.Compare(bb, ab)
	switch {
	case da == 0 && db == 0:
		return same
	case da >= 0 && db >= 0:
		return before
	case da <= 0 && db <= 0:
		return after
	}
	return mixed
}

// Crossing is a level of a ladder that a clock crossed, with the instant it
// did and the clock's cycle.
type Crossing struct {
	Level Level
	Cycle int
	At    time.Time
}

// stackLevels is how many levels the methods resolve without allocating.
const stackLevels = 16

// entry is a level resolved on one clock: its counted time, its index in
// the ladder and, once known, its instant.
type entry struct {
	amount time.Duration
	idx    int
	at     time.Time
}

// usable reports whether l has anything to say about c: a clock with a
// target, or one that had targets before a priority change took them
// away, whose earlier epochs may have crossed levels.
func (l *Ladder) usable(c sla.Clock) bool {
	return l != nil && len(l.Levels) > 0 && c.Metric == l.Metric && c.State != 0 &&
		(c.Target > 0 || len(c.Retargets) > 0)
}

// resolve appends to buf the reachable levels of l on c, ordered by counted
// time and then by ladder order. On a clock whose target changed every
// level is kept, since an earlier target may have reached it: one that
// the current target cannot reach (the clock has no target now) gets
// amount -1.
func (l *Ladder) resolve(c sla.Clock, buf []entry) []entry {
	for i := range l.Levels {
		if a, ok := l.Levels[i].When.Counted(c.Target); ok {
			buf = append(buf, entry{amount: a, idx: i})
		} else if len(c.Retargets) > 0 {
			buf = append(buf, entry{amount: -1, idx: i})
		}
	}
	// Insertion sort: ladders are short and usually already in order, and
	// it is stable, so ties keep ladder order.
	for i := 1; i < len(buf); i++ {
		for j := i; j > 0 && buf[j].amount < buf[j-1].amount; j-- {
			buf[j], buf[j-1] = buf[j-1], buf[j]
		}
	}
	return buf
}

// crossedAt reports whether c has crossed the counted time a, and the
// instant it did. The target itself is crossed when the clock breaches
// (sla's own verdict: a clock paused or stopped exactly at its due instant
// has not breached), at [sla.Clock.BreachedAt]; a running clock that has
// used up its target but not yet counted past it (it resumed at now)
// crosses it at its due instant. Any other amount is crossed when the
// clock has counted it, at [sla.Clock.When]. An amount crossed before
// another is never crossed later than it.
func crossedAt(c *sla.Clock, a time.Duration) (time.Time, bool) {
	if a == c.Target {
		if !c.BreachedAt.IsZero() {
			return c.BreachedAt, true
		}
		if c.Remaining <= 0 && c.Stopped.IsZero() && !c.Paused {
			return c.Due, true
		}
		return time.Time{}, false
	}
	if a > c.Elapsed {
		return time.Time{}, false
	}
	return c.When(a)
}

// later returns the later of a and b.
func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// epochAt resolves, on a clock whose target changed ([sla.Clock.Retargets]),
// the instant at which the level with trigger tr, whose amount on the
// current target is a, was or will be crossed, and the amount of counted
// time it had in the target epoch that crosses it. Epoch k runs from the
// start (k = 0) or the k-th change to the next change, under the target
// that applied then; the level is crossed in the first epoch k in which
// the clock, counting as that target counts, has counted the level's
// amount, and at the later of the instant it did and the start of the
// epoch. An epoch that ended cannot cross its target (the clock had not
// breached when its target changed, or it would not have changed), so
// levels at or past an old target are left to later epochs; the last
// epoch, under the current target, is the clock's own ([crossedAt]).
//
// With project false, ok reports whether the level was crossed by the
// instant c was evaluated; with project true, a level not crossed yet gets
// the instant it will be crossed if nothing else happens, and ok is false
// only when there is none (c is stopped or paused). A negative a is a
// level the current target cannot reach (the clock has no target now).
func epochAt(c *sla.Clock, tr Trigger, a time.Duration, project bool) (at time.Time, amount time.Duration, ok bool) {
	start := c.Started
	for i := range c.Retargets {
		r := &c.Retargets[i]
		if ak, ok := tr.Counted(r.FromAmount); ok && ak < r.FromAmount {
			if x, ok := c.WhenCounting(r.From, ak); ok {
				if x = later(start, x); x.Before(r.At) {
					return x, ak, true
				}
			}
		}
		start = r.At
	}
	if a < 0 {
		return time.Time{}, 0, false
	}
	x, ok := crossedAt(c, a)
	if !ok && project && c.Stopped.IsZero() && !c.Paused {
		if a == c.Target {
			x, ok = c.Due, true
		} else {
			x, ok = c.When(a)
		}
	}
	if !ok {
		return time.Time{}, 0, false
	}
	return later(start, x), a, true
}

// crossedEpochs is [crossed] for a clock whose target changed: it sets the
// instants of the levels crossed in (since, now] and moves them, in the
// order they were crossed (ties by their amount in that epoch, then in
// ladder order), to the front of es, returning how many there are.
func (l *Ladder) crossedEpochs(c *sla.Clock, es []entry, since, now time.Time) int {
	n := 0
	for i := range es {
		x, a, ok := epochAt(c, l.Levels[es[i].idx].When, es[i].amount, false)
		if !ok || !x.After(since) || x.After(now) {
			continue
		}
		e := entry{amount: a, idx: es[i].idx, at: x}
		// Insertion into es[:n], which holds only entries already seen.
		j := n
		for ; j > 0 && firesAfter(es[j-1], e); j-- {
			es[j] = es[j-1]
		}
		es[j] = e
		n++
	}
	return n
}

// firesAfter reports whether crossing a comes after crossing b.
func firesAfter(a, b entry) bool {
	if !a.at.Equal(b.at) {
		return a.at.After(b.at)
	}
	if a.amount != b.amount {
		return a.amount > b.amount
	}
	return a.idx > b.idx
}

// crossed returns the range es[lo:hi] of levels that c crossed in
// (since, now] and sets their instants. Instants grow with counted time,
// so the range is found walking down from the last counted level: usually
// one instant is computed when nothing fires.
func crossed(c *sla.Clock, es []entry, since, now time.Time) (lo, hi int) {
	k := 0
	for k < len(es) && es[k].amount <= c.Elapsed {
		k++
	}
	hi = -1
	for i := k - 1; i >= 0; i-- {
		x, ok := crossedAt(c, es[i].amount)
		if ok && !x.After(since) {
			lo = i + 1
			break
		}
		if !ok || x.After(now) {
			if hi < 0 {
				continue
			}
			lo = i + 1
			break
		}
		if hi < 0 {
			hi = i + 1
		}
		es[i].at = x
	}
	if hi < 0 {
		return 0, 0
	}
	return lo, hi
}

// crossings returns the range es[lo:hi] of levels that c crossed in
// (since, now], in the order crossed, with their instants set.
func (l *Ladder) crossings(c *sla.Clock, es []entry, since, now time.Time) (lo, hi int) {
	if len(c.Retargets) > 0 {
		return 0, l.crossedEpochs(c, es, since, now)
	}
	return crossed(c, es, since, now)
}

// Fired returns the levels of l that clock c crossed in (since, now], in
// the order it crossed them (ties in ladder order). It returns nil when
// nothing fired, when c is a clock of another metric or the zero Clock,
// and when now is not after since.
//
// c must be the clock as it stands at now (from [sla.Evaluate] at now):
// Fired reports only what the clock has counted. A level's instant is when
// the clock's counted time reached the level's amount ([sla.Clock.When]);
// the breach level (the target itself, [AtPercent](100)) is crossed at
// [sla.Clock.BreachedAt], so a clock that stops or pauses exactly at its
// due instant does not fire it. A clock that stopped before reaching a
// level never fires it (one that stops at the very instant it reaches a
// level other than the breach has reached it); a paused clock fires
// nothing more until it resumes.
//
// Because a level's instant is computed from the segments the clock
// counted, evaluating the same timeline at any later instant gives the same
// instant. So, called with consecutive windows (each since the previous
// now) on each evaluation of a ticket, Fired returns each level exactly once
// per clock cycle, however the windows are cut, and a level crossed while
// the caller was away is returned at the next call. Start the first window
// before the clock starts (the zero [time.Time] will do). Call it for every
// clock of the metric in the report, not only the last cycle ([Ladder.Scan]
// does), or a cycle that started and ended between two calls goes unseen.
//
// A priority change re-targets a running clock from its start (see
// [sla]). A level crossed under an earlier target keeps its instant; one
// that the new target puts before the change is crossed at the change;
// see "Priority changes" in the package documentation.
//
// Fired does not allocate when nothing fires and costs one
// [sla.Clock.When] then; it allocates the result otherwise. On a clock
// whose target changed it resolves every level, at a few
// [sla.Clock.WhenCounting] per level and change.
func (l *Ladder) Fired(c sla.Clock, since, now time.Time) []Level {
	if !l.usable(c) || !now.After(since) {
		return nil
	}
	var buf [stackLevels]entry
	es := l.resolve(c, buf[:0])
	lo, hi := l.crossings(&c, es, since, now)
	if lo >= hi {
		return nil
	}
	out := make([]Level, 0, hi-lo)
	for _, e := range es[lo:hi] {
		out = append(out, l.Levels[e.idx])
	}
	return out
}

// Crossings is [Ladder.Fired] with the instant each level was crossed and
// the clock's cycle.
func (l *Ladder) Crossings(c sla.Clock, since, now time.Time) []Crossing {
	if !l.usable(c) || !now.After(since) {
		return nil
	}
	var buf [stackLevels]entry
	es := l.resolve(c, buf[:0])
	lo, hi := l.crossings(&c, es, since, now)
	if lo >= hi {
		return nil
	}
	out := make([]Crossing, 0, hi-lo)
	for _, e := range es[lo:hi] {
		out = append(out, Crossing{Level: l.Levels[e.idx], Cycle: c.Cycle, At: e.at})
	}
	return out
}

// Scan returns the crossings in (since, now] of every clock of l's metric
// in r, every cycle, cycle by cycle. r must be the report at now.
func (l *Ladder) Scan(r sla.Report, since, now time.Time) []Crossing {
	var out []Crossing
	for _, c := range r.Clocks {
		if c.Metric == l.Metric {
			out = append(out, l.Crossings(c, since, now)...)
		}
	}
	return out
}

// Next returns the next level of l that clock c will cross after now and
// the instant it will, assuming nothing else happens to the ticket (no
// pause, no reply): a scheduler can sleep until then, evaluate the ticket
// and call [Ladder.Fired]. c must be the clock as it stands at now.
//
// Next reports false when nothing more can fire on this clock: the ladder
// is exhausted, the clock has stopped (met, or breached and stopped), or c
// is of another metric. While the clock is paused (c.Paused) it reports
// false with the level that will come next once the clock resumes and a
// zero instant: a non-empty Level.Name with false means "waiting on a
// pause", an empty one "nothing more". A returned instant at or before now
// means c is older than now; evaluate the ticket again. Levels crossed
// under an earlier target of the clock ([sla.Clock.Retargets]) are not
// announced again.
//
// Next does not allocate; it usually costs two [sla.Clock.When].
func (l *Ladder) Next(c sla.Clock, now time.Time) (Level, time.Time, bool) {
	if !l.usable(c) {
		return Level{}, time.Time{}, false
	}
	var buf [stackLevels]entry
	es := l.resolve(c, buf[:0])
	if len(c.Retargets) > 0 {
		return l.nextEpochs(&c, es, now)
	}
	k := 0
	for k < len(es) && es[k].amount <= c.Elapsed {
		k++
	}
	// Skip what was crossed by now, walking down from the last counted
	// level: it is usually crossed already.
	start := k
	for i := k - 1; i >= 0; i-- {
		if x, ok := crossedAt(&c, es[i].amount); ok && !x.After(now) {
			break
		}
		start = i
	}
	for _, e := range es[start:] {
		lv := l.Levels[e.idx]
		x, ok := crossedAt(&c, e.amount)
		switch {
		case ok && x.After(now):
			return lv, x, true
		case ok:
			continue
		case !c.Stopped.IsZero():
			return Level{}, time.Time{}, false
		case c.Paused:
			return lv, time.Time{}, false
		case e.amount == c.Target:
			return lv, c.Due, true
		}
		if x, ok = c.When(e.amount); !ok {
			return lv, time.Time{}, false
		}
		return lv, x, true
	}
	return Level{}, time.Time{}, false
}

// nextEpochs is Next for a clock whose target changed. Every level not
// crossed by now is crossed, if at all, under the current target, where
// instants grow with amounts: the first such level in es is the next.
// Levels the current target cannot reach (amount -1, first in es) are
// skipped.
func (l *Ladder) nextEpochs(c *sla.Clock, es []entry, now time.Time) (Level, time.Time, bool) {
	for _, e := range es {
		lv := l.Levels[e.idx]
		x, _, ok := epochAt(c, lv.When, e.amount, true)
		switch {
		case ok && x.After(now):
			return lv, x, true
		case ok, e.amount < 0:
			continue
		case c.Paused && c.Stopped.IsZero():
			return lv, time.Time{}, false
		}
		return Level{}, time.Time{}, false
	}
	return Level{}, time.Time{}, false
}

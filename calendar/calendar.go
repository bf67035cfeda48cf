package calendar

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/rickar/cal/v2"
)

// Calendar is a business-hours calendar: a regular [Week] in a time zone,
// with holidays, closed dates and special hours on single dates. It answers
// whether an instant is open and adds or measures open time.
//
// A Calendar is built by [New] or [AlwaysOpen], is immutable, and is safe for
// simultaneous use by multiple goroutines. The zero value is not usable; use
// [New].
type Calendar struct {
	loc       *time.Location
	week      Week
	dayTotal  [7]time.Duration // open time of each weekday
	weekTotal time.Duration
	cum       [15]time.Duration // cum[i] = open time of weekdays 0..i-1 repeated over two weeks
	always    bool              // 24x7 with no exceptions: open time is real time
	full      bool              // every weekday is open 00:00-24:00
	gapRisk   bool              // some day's spans fit inside one of the zone's forward jumps

	exc  exceptions
	zone zoneTable
}

// Option configures a [Calendar] in [New].
type Option func(*options)

type options struct {
	holidays []*cal.Holiday
	closed   []Date
	hours    []specialHours
	errs     []error
}

type specialHours struct {
	date  Date
	spans []Span
}

// WithHolidays closes the observed date of each holiday, all day
// (00:00-24:00 on the wall clock), in every year the holiday applies. The
// holidays come from github.com/rickar/cal/v2 (us.Holidays, gb.Holidays and
// friends, or your own); they are read, never modified. Holiday rules are
// expanded for the years 1900 to 2199 when the calendar is built; dates
// outside those years see no holidays.
func WithHolidays(hs ...*cal.Holiday) Option {
	hs = slices.Clone(hs)
	return func(o *options) {
		for i, h := range hs {
			if h == nil {
				o.errs = append(o.errs, fmt.Errorf("calendar: WithHolidays: holiday %d is nil", i))
				continue
			}
			o.holidays = append(o.holidays, h)
		}
	}
}

// WithClosed closes each date all day (00:00-24:00 on the wall clock): an
// overnight span into a closed date stops at midnight.
func WithClosed(dates ...Date) Option {
	dates = slices.Clone(dates)
	return func(o *options) { o.closed = append(o.closed, dates...) }
}

// WithHours gives one date special hours that replace its weekday's spans;
// with no spans the date is closed. Special hours take precedence over
// holidays and [WithClosed] on the same date, so a desk can open for a few
// hours on a holiday. Naming the same date twice in WithHours is an error.
func WithHours(d Date, spans ...Span) Option {
	spans = slices.Clone(spans)
	return func(o *options) { o.hours = append(o.hours, specialHours{d, spans}) }
}

// Errors returned by [New].
var (
	// ErrNilLocation reports a nil *time.Location.
	ErrNilLocation = errors.New("calendar: nil location")
	// ErrBadDate reports a date that does not exist, such as 2026-02-30.
	ErrBadDate = errors.New("bad date")
	// ErrDuplicateDate reports a date given special hours twice.
	ErrDuplicateDate = errors.New("date given special hours twice")
)

// New builds a calendar open during week in loc, with the options' holidays,
// closures and special hours. It rejects a nil location
// ([ErrNilLocation]), spans outside 0 <= Start < End <= 24h
// ([ErrSpanRange]), overlapping spans on a day ([ErrOverlap]), a week with
// no open time ([ErrNoOpenTime]), dates that do not exist ([ErrBadDate]) and
// a date given special hours twice ([ErrDuplicateDate]). Spans of a day may
// be given in any order; spans that touch are merged. New copies week.
//
// Building a calendar expands holiday rules and the zone's transitions over
// the years 1900 to 2199, so it costs a millisecond or more and a few
// hundred kilobytes (with a country's holidays): build a calendar once and
// share it.
func New(loc *time.Location, week Week, opts ...Option) (*Calendar, error) {
	if loc == nil {
		return nil, ErrNilLocation
	}
	var o options
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	if len(o.errs) > 0 {
		return nil, errors.Join(o.errs...)
	}
	c := &Calendar{loc: loc}
	for d := range week {
		spans, err := checkSpans(week[d])
		if err != nil {
			return nil, fmt.Errorf("calendar: %s: %w", shortName(time.Weekday(d)), err)
		}
		c.week[d] = spans
		c.dayTotal[d] = total(spans)
		c.weekTotal += c.dayTotal[d]
	}
	if c.weekTotal == 0 {
		return nil, fmt.Errorf("calendar: %w", ErrNoOpenTime)
	}
	for i := range 14 {
		c.cum[i+1] = c.cum[i] + c.dayTotal[i%7]
	}
	c.full = c.weekTotal == 7*day

	exc, err := buildExceptions(c, &o)
	if err != nil {
		return nil, err
	}
	c.exc = exc
	c.always = c.full && len(exc.days) == 0
	if !c.always {
		c.zone = buildZoneTable(loc)
		c.gapRisk = c.fitsInGap(c.zone.maxJump())
	}
	return c, nil
}

// AlwaysOpen returns a 24x7 calendar in loc with no closures: open time is
// real elapsed time. It is what "calendar time" SLA targets count on. A nil
// loc means UTC.
func AlwaysOpen(loc *time.Location) *Calendar {
	if loc == nil {
		loc = time.UTC
	}
	c := &Calendar{loc: loc, always: true, full: true, weekTotal: 7 * day}
	for d := range c.week {
		c.week[d] = []Span{{0, day}}
		c.dayTotal[d] = day
	}
	for i := range 14 {
		c.cum[i+1] = c.cum[i] + day
	}
	return c
}

// Location returns the calendar's time zone. Results of [Calendar.Add],
// [Calendar.NextOpen] and the other methods are in this location.
func (c *Calendar) Location() *time.Location { return c.loc }

// Week returns a copy of the calendar's regular week, merged and sorted.
func (c *Calendar) Week() Week {
	var w Week
	for d := range c.week {
		w[d] = slices.Clone(c.week[d])
	}
	return w
}

// fitsInGap reports whether the spans of some weekday or exception date lie
// within a stretch of wall-clock time as long as jump, so that a forward
// zone transition could leave that date without open time.
func (c *Calendar) fitsInGap(jump time.Duration) bool {
	fits := func(spans []Span) bool {
		return len(spans) > 0 && spans[len(spans)-1].End-spans[0].Start <= jump
	}
	for _, spans := range c.week {
		if fits(spans) {
			return true
		}
	}
	for _, spans := range c.exc.spans {
		if fits(spans) {
			return true
		}
	}
	return false
}

// checkSpans validates one day's spans and returns them sorted and merged.
func checkSpans(spans []Span) ([]Span, error) {
	for _, s := range spans {
		if s.Start < 0 || s.End > day || s.Start >= s.End {
			return nil, fmt.Errorf("span %s: %w: want 0 <= Start < End <= 24h", s, ErrSpanRange)
		}
	}
	return normalize(spans)
}

func total(spans []Span) time.Duration {
	var t time.Duration
	for _, s := range spans {
		t += s.End - s.Start
	}
	return t
}

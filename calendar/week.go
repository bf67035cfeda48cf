package calendar

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Date is a civil date: a year, month and day with no time of day and no
// location. The zero value is not a valid date.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// String formats d as YYYY-MM-DD.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// valid reports whether d names a real day of the proleptic Gregorian
// calendar (time.Date would normalise 2026-02-30 to March 2nd).
func (d Date) valid() bool {
	if d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	n := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	y, m, dd := n.Date()
	return y == d.Year && m == d.Month && dd == d.Day
}

// Span is wall-clock open time within one day: Start and End are offsets from
// local midnight as a clock shows them, 0 <= Start < End <= 24h. A Span of
// 09:00-17:00 is open from 09:00 (included) to 17:00 (excluded) on the clock,
// whatever the day's length in real time.
type Span struct {
	Start, End time.Duration
}

// String formats s as "HH:MM-HH:MM", with seconds and fractions only where
// they are not zero.
func (s Span) String() string {
	return formatClock(s.Start) + "-" + formatClock(s.End)
}

// Week is a regular opening week: for each [time.Weekday] (Sunday is 0), the
// wall-clock spans that are open on that day. Spans of a day are sorted and
// do not overlap; [ParseWeek] returns them merged where they touch. The zero
// value is a week with no open time, which [New] rejects.
type Week [7][]Span

const day = 24 * time.Hour

// Errors returned by [ParseWeek] and [New]. Each is wrapped in an error that
// names the offending part of the spec, span or option.
var (
	// ErrSyntax reports a week spec that cannot be read: an unknown day
	// name, a malformed time or span, a missing part.
	ErrSyntax = errors.New("syntax error")
	// ErrOverlap reports two spans that open the same wall-clock time on one
	// day (an overnight span's tail counts on the next day).
	ErrOverlap = errors.New("overlapping spans")
	// ErrSpanRange reports a span outside 0 <= Start < End <= 24h.
	ErrSpanRange = errors.New("span out of range")
	// ErrNoOpenTime reports a week with no open span at all.
	ErrNoOpenTime = errors.New("week has no open time")
)

// WeekError reports a bad week spec. Spec is the whole spec as given and Part
// the piece that failed (a day name, a time, a span); Err is one of the
// package's sentinel errors.
type WeekError struct {
	Spec   string
	Part   string
	Reason string // what is wrong with Part, as in "bad time"
	Err    error
}

// Error formats e as calendar: "<spec>": <reason> "<part>".
func (e *WeekError) Error() string {
	if e.Part == "" {
		return fmt.Sprintf("calendar: %q: %s", e.Spec, e.Reason)
	}
	return fmt.Sprintf("calendar: %q: %s %q", e.Spec, e.Reason, e.Part)
}

// Unwrap returns the sentinel error, for [errors.Is].
func (e *WeekError) Unwrap() error { return e.Err }

var dayNames = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// weekOrder lists the weekdays in the order a helpdesk writes them.
var weekOrder = [7]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// ParseWeek parses a week spec: groups separated by ";", each a set of days
// followed by a comma-separated list of wall-clock spans.
//
//	"Mon-Fri 09:00-17:00"
//	"Mon-Fri 09:00-12:00,13:00-17:00; Sat 10:00-14:00"
//	"Mon-Sun 00:00-24:00"             24x7
//	"Mon-Fri 22:00-06:00"             overnight: Mon 22:00-24:00, Tue 00:00-06:00, ...
//	"Fri-Mon 08:00-20:00"             Fri, Sat, Sun and Mon
//	"Mon,Wed,Fri 09:00-13:00"         a list of days or ranges
//
// Day names are case-insensitive, three letters or in full; the days run
// up to the first digit, so spaces around "-" and "," are allowed
// ("Mon - Fri", "Mon, Wed"). Times are HH:MM or HH:MM:SS (with an optional
// fraction); 24:00 ends a day. A span whose end is not after its start runs
// overnight into the next day; an end of 00:00 means midnight, so
// "00:00-00:00" is the whole day. Spans that touch are merged; spans that
// overlap, also through an overnight tail, are an error wrapping
// [ErrOverlap]. An empty spec is an error. All errors are *[WeekError],
// and each but the blank spec's names the part of the spec it is about.
func ParseWeek(spec string) (Week, error) {
	var w Week
	fail := func(part string, err error) (Week, error) {
		we := &WeekError{Spec: spec, Part: part, Err: err}
		we.Reason = err.Error()
		for _, base := range []error{ErrSyntax, ErrOverlap, ErrSpanRange} {
			if r, ok := strings.CutPrefix(we.Reason, base.Error()+": "); ok && errors.Is(err, base) {
				we.Reason, we.Err = r, base
				if base == ErrOverlap { // "overlapping spans 09:00-17:00 and 16:00-18:00 in"
					we.Reason = base.Error() + " " + r + " in"
				}
			}
		}
		return Week{}, we
	}
	if strings.TrimSpace(spec) == "" {
		return fail("", fmt.Errorf("%w: empty spec", ErrSyntax))
	}
	for group := range strings.SplitSeq(spec, ";") {
		group = strings.TrimSpace(group)
		if group == "" {
			return fail(";", fmt.Errorf("%w: empty group at", ErrSyntax))
		}
		// The days run up to the first digit, so "Mon - Fri" and
		// "Mon, Wed" read as they are meant.
		i := strings.IndexFunc(group, func(r rune) bool { return '0' <= r && r <= '9' })
		if i < 0 || strings.TrimSpace(group[:i]) == "" {
			return fail(group, fmt.Errorf("%w: want days and spans, as in \"Mon-Fri 09:00-17:00\"; got", ErrSyntax))
		}
		daysPart, spansPart := strings.TrimSpace(group[:i]), group[i:]
		days, part, err := parseDays(daysPart)
		if err != nil {
			return fail(part, err)
		}
		for sp := range strings.SplitSeq(spansPart, ",") {
			sp = strings.TrimSpace(sp)
			startText, endText, ok := strings.Cut(sp, "-")
			if !ok {
				return fail(orWhole(sp, spansPart), fmt.Errorf("%w: bad span", ErrSyntax))
			}
			startText, endText = strings.TrimSpace(startText), strings.TrimSpace(endText)
			if startText == "" || endText == "" {
				return fail(orWhole(sp, spansPart), fmt.Errorf("%w: bad span", ErrSyntax))
			}
			start, err := parseClock(startText)
			if err != nil || start >= day {
				return fail(startText, fmt.Errorf("%w: bad time", ErrSyntax))
			}
			end, err := parseClock(endText)
			if err != nil {
				return fail(endText, fmt.Errorf("%w: bad time", ErrSyntax))
			}
			if end == 0 {
				end = day // an end of 00:00 is midnight: "00:00-00:00" is all day
			}
			if end == start {
				return fail(sp, fmt.Errorf("%w: empty span", ErrSpanRange))
			}
			for _, d := range days {
				if end > start {
					w[d] = append(w[d], Span{start, end})
					continue
				}
				// Overnight: the head runs to midnight, the tail on the
				// next day.
				w[d] = append(w[d], Span{start, day})
				next := (d + 1) % 7
				w[next] = append(w[next], Span{0, end})
			}
		}
	}
	for d := range w {
		spans, err := normalize(w[d])
		if err != nil {
			return fail(shortName(time.Weekday(d))+" "+spansString(w[d]), err)
		}
		w[d] = spans
	}
	return w, nil
}

// normalize sorts spans, rejects overlaps and merges spans that touch.
func normalize(spans []Span) ([]Span, error) {
	if len(spans) == 0 {
		return nil, nil
	}
	out := slices.Clone(spans)
	slices.SortFunc(out, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	merged := out[:1]
	for _, s := range out[1:] {
		last := &merged[len(merged)-1]
		switch {
		case s.Start < last.End:
			return nil, fmt.Errorf("%w: %s and %s", ErrOverlap, *last, s)
		case s.Start == last.End:
			last.End = s.End
		default:
			merged = append(merged, s)
		}
	}
	return merged, nil
}

func spansString(spans []Span) string {
	parts := make([]string, len(spans))
	for i, s := range spans {
		parts[i] = s.String()
	}
	return strings.Join(parts, ",")
}

// parseDays reads "Mon-Fri", "Sat", "Fri-Mon" or a comma list of those.
func parseDays(s string) ([]time.Weekday, string, error) {
	var out []time.Weekday
	var seen [7]bool
	for item := range strings.SplitSeq(s, ",") {
		first, last, isRange := strings.Cut(item, "-")
		a, ok := parseDay(first)
		if !ok {
			return nil, orWhole(first, s), fmt.Errorf("%w: unknown day", ErrSyntax)
		}
		b := a
		if isRange {
			if b, ok = parseDay(last); !ok {
				return nil, orWhole(last, s), fmt.Errorf("%w: unknown day", ErrSyntax)
			}
		}
		for d := a; ; d = (d + 1) % 7 {
			if seen[d] {
				return nil, item, fmt.Errorf("%w: day named twice in", ErrSyntax)
			}
			seen[d] = true
			out = append(out, d)
			if d == b {
				break
			}
		}
	}
	return out, "", nil
}

// orWhole returns part, or whole when part is blank, so that an error
// always shows the text it is about.
func orWhole(part, whole string) string {
	if strings.TrimSpace(part) == "" {
		return whole
	}
	return strings.TrimSpace(part)
}

func parseDay(s string) (time.Weekday, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for i, name := range dayNames {
		if s == name || (len(s) == 3 && s == name[:3]) {
			return time.Weekday(i), true
		}
	}
	return 0, false
}

// parseClock reads HH:MM, HH:MM:SS or HH:MM:SS.fraction, up to 24:00.
func parseClock(s string) (time.Duration, error) {
	hh, rest, ok := strings.Cut(s, ":")
	if !ok || len(hh) != 2 {
		return 0, ErrSyntax
	}
	mm, ss, hasSec := strings.Cut(rest, ":")
	if len(mm) != 2 {
		return 0, ErrSyntax
	}
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || !digits(hh) || !digits(mm) || h > 24 || m > 59 {
		return 0, ErrSyntax
	}
	d := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
	if hasSec {
		whole, frac, hasFrac := strings.Cut(ss, ".")
		sec, err := strconv.Atoi(whole)
		if err != nil || len(whole) != 2 || !digits(whole) || sec > 59 {
			return 0, ErrSyntax
		}
		d += time.Duration(sec) * time.Second
		if hasFrac {
			if frac == "" || len(frac) > 9 || !digits(frac) {
				return 0, ErrSyntax
			}
			ns, _ := strconv.Atoi(frac + strings.Repeat("0", 9-len(frac)))
			d += time.Duration(ns)
		}
	}
	if d > day {
		return 0, ErrSyntax
	}
	return d, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func formatClock(d time.Duration) string {
	h := d / time.Hour
	m := (d % time.Hour) / time.Minute
	s := (d % time.Minute) / time.Second
	ns := d % time.Second
	out := fmt.Sprintf("%02d:%02d", h, m)
	if s != 0 || ns != 0 {
		out += fmt.Sprintf(":%02d", s)
	}
	if ns != 0 {
		out += strings.TrimRight(fmt.Sprintf(".%09d", ns), "0")
	}
	return out
}

// String returns the canonical spec of w: consecutive days (Monday first)
// with the same spans grouped as a range, groups joined by "; ", each day's
// spans sorted. For any week returned by [ParseWeek], ParseWeek(w.String())
// returns w again. A week with no open time formats as "".
func (w Week) String() string {
	var groups []string
	for i := 0; i < 7; {
		d := weekOrder[i]
		if len(w[d]) == 0 {
			i++
			continue
		}
		j := i + 1
		for j < 7 && slices.Equal(w[weekOrder[j]], w[d]) {
			j++
		}
		days := shortName(d)
		if j-i > 1 {
			days += "-" + shortName(weekOrder[j-1])
		}
		spans := slices.Clone(w[d])
		slices.SortFunc(spans, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
		groups = append(groups, days+" "+spansString(spans))
		i = j
	}
	return strings.Join(groups, "; ")
}

func shortName(d time.Weekday) string {
	n := dayNames[d]
	return strings.ToUpper(n[:1]) + n[1:3]
}

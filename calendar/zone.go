package calendar

import (
	"math"
	"time"
)

// A zone segment is a stretch of real time [start, end) (Unix seconds) over
// which the location's UTC offset is constant. Within one segment the map
// from instants to wall-clock time is a plain shift, which is what lets the
// arithmetic work on wall-clock ("civil") time and stay exact across DST:
// transitions only ever happen at segment boundaries.
type segment struct {
	start, end int64 // Unix seconds; math.MinInt64 / math.MaxInt64 when unbounded
	off        int64 // seconds east of UTC
}

// zoneTable caches the segments of a location between lo and hi (Unix
// seconds), so the hot path never asks the time package (whose lookups past
// the last stored transition re-parse the zone's TZ rule on every call).
type zoneTable struct {
	lo, hi int64
	segs   []segment
	// bucket[b] is the index of the segment holding lo + b<<zoneShift, so a
	// lookup scans a segment or two instead of binary-searching hundreds.
	bucket []int32
}

const zoneShift = 21 // buckets of about 24 days

// The years over which zone transitions and holiday rules are expanded when
// a calendar is built.
const (
	firstYear = 1900
	lastYear  = 2199
)

func buildZoneTable(loc *time.Location) zoneTable {
	lo := time.Date(firstYear, time.January, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(lastYear+1, time.January, 1, 0, 0, 0, 0, time.UTC).Unix()
	zt := zoneTable{lo: lo, hi: hi}
	for sec := lo; sec < hi; {
		s := lookupSegment(loc, sec)
		if n := len(zt.segs); n > 0 && zt.segs[n-1].off == s.off {
			zt.segs[n-1].end = s.end // same offset, another name or DST flag
		} else {
			zt.segs = append(zt.segs, s)
		}
		if s.end == math.MaxInt64 {
			break
		}
		sec = s.end
	}
	nb := (hi-lo)>>zoneShift + 1
	zt.bucket = make([]int32, nb)
	i := 0
	for b := range zt.bucket {
		at := lo + int64(b)<<zoneShift
		for i+1 < len(zt.segs) && zt.segs[i+1].start <= at {
			i++
		}
		zt.bucket[b] = int32(i)
	}
	return zt
}

// maxJump returns the largest forward jump of the wall clock at a transition
// in the table (a DST gap is an hour; Samoa skipped a whole day in 2011).
func (zt *zoneTable) maxJump() time.Duration {
	var m int64
	for i := 1; i < len(zt.segs); i++ {
		m = max(m, zt.segs[i].off-zt.segs[i-1].off)
	}
	return time.Duration(m) * time.Second
}

// lookupSegment asks the time package for the segment holding sec.
func lookupSegment(loc *time.Location, sec int64) segment {
	t := time.Unix(sec, 0).In(loc)
	_, off := t.Zone()
	start, end := t.ZoneBounds()
	s := segment{start: math.MinInt64, end: math.MaxInt64, off: int64(off)}
	if !start.IsZero() {
		s.start = start.Unix()
	}
	if !end.IsZero() {
		s.end = end.Unix()
	}
	if s.start > sec {
		s.start = sec
	}
	if s.end <= sec {
		// time.Time.ZoneBounds can report an end at or before t at a year
		// boundary of a zone's TZ rule (America/New_York at the end of 2040,
		// Go 1.26). Find the real end: a day later with the same offset the
		// segment goes on; with another offset, bisect for the transition.
		p := sec + secondsPerDay
		if offsetAt(loc, p) == s.off {
			s.end = lookupSegment(loc, p).end
		} else {
			lo, hi := sec, p // offset at lo is s.off, at hi it differs
			for hi-lo > 1 {
				mid := lo + (hi-lo)/2
				if offsetAt(loc, mid) == s.off {
					lo = mid
				} else {
					hi = mid
				}
			}
			s.end = hi
		}
	}
	return s
}

func offsetAt(loc *time.Location, sec int64) int64 {
	_, off := time.Unix(sec, 0).In(loc).Zone()
	return int64(off)
}

// segment returns the zone segment that holds Unix second sec.
func (c *Calendar) segment(sec int64) segment {
	zt := &c.zone
	if sec >= zt.lo && sec < zt.hi && len(zt.segs) > 0 {
		i := int(zt.bucket[(sec-zt.lo)>>zoneShift])
		for i+1 < len(zt.segs) && zt.segs[i+1].start <= sec {
			i++
		}
		if i >= 0 && sec < zt.segs[i].end {
			s := zt.segs[i]
			// Segments that run past the table's edges are cut there; the
			// slow path takes over beyond.
			if s.start < zt.lo && i == 0 {
				s.start = zt.lo
			}
			if s.end > zt.hi {
				s.end = zt.hi
			}
			return s
		}
	}
	return lookupSegment(c.loc, sec)
}

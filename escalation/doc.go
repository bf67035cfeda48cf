// Package escalation decides which escalation levels an SLA clock has
// crossed and when the next one will be crossed, so that a helpdesk can
// notify, reassign or raise the priority of a ticket exactly once per level,
// and a scheduler can sleep until the next level is due.
//
// A [Ladder] is a list of [Level] values for one metric of package sla
// (first response, resolution...). Each level has a name, a [Trigger] and
// actions. A helpdesk evaluates a ticket with [sla.Evaluate] every minute or
// on every event and asks the ladder what fired since it last looked:
//
//	r, _ := sla.Evaluate(policy, events, now)
//	for _, c := range r.Clocks {
//		for _, lv := range ladder.Fired(c, lastRun, now) { ... deliver lv.Actions ... }
//	}
//	lastRun = now
//
// The package does no I/O and reads no clock: every answer follows from
// the clock and the instants passed in.
//
// # Triggers
//
// A trigger is a share of the target ([AtPercent]: 100 is the breach, 150
// half a target past it) or an offset before or after due ([BeforeDue],
// [AfterDue]). Shares and offsets count on the clock's own time, as the
// target does: business hours on the policy's calendar, or real time for a
// CalendarTime target. So on a Mon-Fri 09:00-17:00 desk, 75% of an 8-hour
// target falls 6 business hours after the start, pauses and nights
// excluded, and BeforeDue(30*time.Minute) on a clock due Monday 09:15 falls
// on Friday 16:45.
//
// On a clock with target T, a share p falls when the clock has counted
// p/100*T, an offset d before due when it has counted T-d (or at the start
// of counting if d >= T), an offset d after due when it has counted T+d
// ([Trigger.Counted]). The instant is the one at which the clock's counted
// time reached that amount ([sla.Clock.When]), which for a business-hours
// clock is always an open instant or the end of one: a share reached at
// Friday 17:00 closing fires at Friday 17:00, not on Monday.
//
// The breach itself (the target, AtPercent(100)) follows sla's verdict: it
// is crossed at [sla.Clock.BreachedAt], and not at all by a clock that
// stops or pauses exactly at its due instant, which sla counts as met (a
// later resume breaches it then). For a BusinessDays target, whose due is
// the next opening after the target is used up, that is the due instant.
//
// # Order of levels
//
// [NewLadder] wants levels in ascending trigger order and rejects pairs
// that are out of order (or always equal) on every clock. A share below
// 100% and an offset before due compare differently on different targets:
// 50% of 8 hours comes before "30 minutes before due", 50% of 40 minutes
// after it. Such ladders are allowed; on each clock, levels fire in the
// order of their counted time, ties in ladder order.
//
// # Exactly once
//
// [Ladder.Fired](c, since, now) returns the levels whose instant lies in
// (since, now]. A clock evaluated at now knows the segments it counted and
// the targets it had, so the instant at which a level was crossed never
// changes when the same timeline is evaluated again later. That makes Fired idempotent and
// independent of how the caller cuts time: called with consecutive windows
// (each since the previous now) it returns each level once per clock
// cycle, whether the windows are a minute, an hour or irregular; a level
// crossed while the caller was away comes at the next call. A clock met
// before a level never fires it, a paused clock fires nothing until it
// resumes, a breached clock keeps firing the levels after due while it
// counts.
//
// The caller must keep its windows consecutive (persist the last now per
// ticket) and evaluate the ticket at now. [Ladder.Crossings] also returns
// each level's instant and the clock's cycle.
//
// # Cycles
//
// Each clock in an [sla.Report] is one cycle of its metric: every wait for
// a next response, every periodic update, every Resolution cycle when a
// policy restarts it on reopen. Levels fire once per cycle: pass every
// clock of the metric to Fired, not only the current one, or use
// [Ladder.Scan] on the whole report; a cycle that started and stopped
// between two calls still fires what it crossed.
//
// # Scheduling
//
// [Ladder.Next](c, now) returns the next level and the instant it will be
// crossed if nothing else happens to the ticket. A scheduler sleeps until
// the earliest such instant over its tickets, or until the next event,
// evaluates the ticket and calls Fired. Next reports false when nothing
// more can fire (the ladder is exhausted, or the clock stopped); while the
// clock is paused it reports false together with the level that waits for
// the resume, so the caller can tell "paused" from "done".
//
// # Priority changes
//
// sla re-targets a running clock from its start when the ticket's priority
// changes, and records each change in [sla.Clock.Retargets]. The changes
// cut the clock's life into epochs, each under the target that applied
// then: [start, first change), [first change, second change), ... up to
// the current target. A level is crossed in the first epoch in which the
// clock, counting as that epoch's target counts, has counted the level's
// share or offset of that target, at the later of the instant it did and
// the start of the epoch. So:
//
//   - a level crossed under an earlier target keeps its instant and does
//     not fire again when a longer target would put it later;
//   - a level that a shorter target puts before the change (the clock has
//     already counted that much) is crossed once, at the change;
//   - the breach follows sla's verdict ([sla.Clock.BreachedAt]) under the
//     target that breached it, and is crossed at the change when the
//     change made the clock breach retroactively (sla then reports a
//     BreachedAt before the change);
//   - a target that ended cannot have been breached (sla re-targets only
//     clocks that have not), so levels at or past an old target wait for
//     a later epoch;
//   - an epoch without a target (a change to a priority that has none for
//     the metric: sla keeps the clock, [sla.Clock.HasTarget] false) crosses
//     nothing; levels crossed before it are still reported, once, and
//     [Ladder.Next] announces nothing until a later change gives the
//     clock a target again.
//
// The history is fixed once it is past, so a level's instant still never
// moves when the same timeline is evaluated at a later now, and Fired
// keeps its promise: each level once per cycle, however the windows are
// cut, with or without priority changes. A level crossed at a change made
// while the clock is paused fires at the change. [Ladder.Next] resolves
// instants the same way. On a clock whose target never changed none of
// this costs anything.
//
// # Actions
//
// Actions are data ([Action]): notify recipients, reassign to a group or a
// person, raise the priority by n levels, or a custom kind with string
// parameters for plugins. The package never delivers anything.
//
// # JSON
//
// [ParseLadder] and [Ladder.MarshalJSON] read and write ladders such as
//
//	{"metric": "resolution", "levels": [
//	  {"name": "warn", "at": "75%", "actions": [{"kind": "notify", "recipients": ["team-lead"]}]},
//	  {"name": "soon", "at": "-30m", "actions": [{"kind": "reassign", "group": "tier-2"}]},
//	  {"name": "late", "at": "+1h", "actions": [{"kind": "raise_priority", "levels": 1}]}]}
//
// where "at" is a share ("75%"), an offset before due ("-30m") or after due
// ("+1h"). Parsing is strict: unknown fields, missing triggers and invalid
// levels are errors naming the level.
//
// # Concurrency and cost
//
// Ladders are read-only after construction and safe for simultaneous use.
// On a typical ladder, Fired and Next cost well under a microsecond and do
// not allocate when nothing fires; ladders longer than 16 levels allocate
// a small buffer per call.
package escalation

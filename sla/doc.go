// Package sla turns SLA policies and ticket timelines into SLA clocks: for
// every metric, whether it is running, paused, met or breached, when it is
// due, how much time is left and when it was breached.
//
// A helpdesk hands [Evaluate] a [Policy], a ticket's history as a slice of
// [Event] and the instant "now", and gets back a [Report]. Evaluate is pure:
// it reads no clock and does no I/O, so replaying the same timeline at the
// same instant gives the same report on every machine, and a timeline can
// be replayed at any past instant for an audit (events after now are
// ignored). [Explain] shows the segments behind each clock, [Summarize]
// computes compliance over many reports, and [ParsePolicy] and
// [ParseTimeline] load the JSON forms.
//
// # Metrics
//
// The metrics follow the definitions Zendesk publishes for its SLA
// policies ("Defining and using SLA policies", Zendesk help center article
// 204770038, and its metric definitions: first reply time is from creation
// to the first public agent comment; next reply time from an end user's
// public comment to the next public agent comment; periodic update the
// time between public agent comments):
//
//   - [FirstResponse] starts at Created and stops at the first public
//     [AgentReply]. Internal notes (Public false) are not replies.
//   - [NextResponse] starts at the first [CustomerMessage] after the last
//     public agent reply and stops at the next public agent reply; further
//     customer messages do not restart it. Messages before the first public
//     reply belong to FirstResponse (the opening message is part of
//     Created), so they start no NextResponse. Each wait is a new cycle.
//   - [PeriodicUpdate] starts at each public agent reply and stops at the
//     next one, which starts the next cycle, until the ticket is solved.
//   - [Resolution] starts at Created and stops at [Solved].
//
// [Solved] stops every running clock, FirstResponse included (a ticket
// solved without a reply has its first response clock stopped at the
// solve). While solved, customer messages and agent replies start nothing:
// record [Reopened] first, as Zendesk does when a customer replies to a
// solved ticket. After a reopen, NextResponse starts again with the next
// customer message and PeriodicUpdate with the next public agent reply;
// FirstResponse never restarts.
//
// # Reopen and cycles
//
// [Policy.Reopen] says what a reopen does to Resolution.
// [ContinueResolution] (the default, Zendesk's "full resolution time")
// resumes the same clock: the time while solved is not counted and the
// target is the same, unless the priority changed while the ticket was
// solved (see "Priority changes"). [NewCycle] starts a new Resolution clock with a fresh
// target, as Jira Service Management starts a new SLA cycle (its REST API
// reports "completedCycles" and one "ongoingCycle", each with its own
// start, stop, breach time, elapsed and remaining time). Every clock
// carries its [Clock.Cycle], counted from 1 per metric. Cycles are
// numbered as they start, also those that never have a target (a wait
// that starts and ends while the ticket's priority has no target for the
// metric) and so are not reported: the numbers of a report can skip, and
// they never change as the timeline grows, so that a helpdesk can key
// what it recorded (an escalation fired for cycle 3) on them.
//
// # Pauses
//
// While the ticket is in one of the policy's PauseStatuses ("pending",
// "on-hold", Jira's "Waiting for customer"), Resolution and PeriodicUpdate
// do not count; [Policy.MetricPauses] sets the pause statuses per metric
// instead (FirstResponse and NextResponse never pause unless it says so).
// Paused time is never counted, closed hours are never counted on business
// time targets, so a pause that starts and ends while the desk is closed
// changes nothing. This is the pause/resume model of ServiceNow's SLA
// definitions (pause and resume conditions stop and restart the elapsed
// time) and of Zendesk's pausable metrics.
//
// "Changes nothing" holds for the verdict too, which needs one rule at the
// edges: on business time, a pause or a resume (also a reopen that
// continues Resolution) at an instant the desk is closed takes effect at
// the next opening. A clock runs on past its due through closed hours and
// is breached at due (a reply on Saturday to a ticket due Friday 17:00 is
// late); setting it pending at 17:00 and back to open at 08:30 on Monday
// leaves that verdict as it is. A clock paused at due while the desk is
// open is not breached, and if it is resumed overnight it breaches at the
// opening, if it is still counting then, never in closed hours. Times
// counted are the same under either reading; only the verdict at these
// edges depends on it. A randomized test inserts such pauses into
// timelines and checks that no clock's report moves.
//
// A paused clock has no fixed deadline; its [Clock.Due] is computed as if
// it resumed at now, so it moves later while the pause lasts and never
// earlier. (ServiceNow leaves its "planned end time" stale during a pause;
// an exact library can do better.)
//
// # Targets and counted time
//
// A [Target] is either Within a duration or within BusinessDays whole open
// days. Counted time is open time on the policy's business calendar
// ([calendar.Calendar.Between]) or, for a CalendarTime target, real
// elapsed time, as Zendesk lets each target be "business hours" or
// "calendar hours". A BusinessDays target follows
// [calendar.Calendar.AddDays]: unpaused, a clock started at t is due at
// AddDays(t, n); the promise is kept as the open time between the two, so
// a pause moves the deadline by the open time it lasted.
//
// A clock is met if it stops at or before Due. It breaches when it is
// still counting after Due; [Clock.BreachedAt] is that instant (for a
// Within target, Due itself: a target of 1 business hour from Friday 16:00
// is breached at 17:00, as Zendesk's badge shows, and a reply on Saturday
// is late). From then on its State is Breached, whether it is still
// counting, paused or stopped; Remaining goes negative as more time is
// counted. [Clock.When] gives the instant counted time reaches any value,
// which escalation uses for shares of the target.
//
// # Priority changes
//
// A [PriorityChanged] event re-targets every running clock that has not
// breached: the new priority's target counts from the clock's original
// start, as ServiceNow's "retroactive start" does when a priority change
// attaches a new SLA, and as Zendesk recalculates targets on a priority
// change. If the new target is already used up, the clock is breached at
// the instant it was used up, which may precede the change. A met or
// breached clock keeps its verdict and its target; [Clock.Priority] and
// [Clock.Applied] say which target applied. A change to a priority that
// has no target for a running clock's metric leaves the clock without a
// target, as Jira Service Management's "No target" goal does: it stays in
// the report and counts on (a later change can give it a target again,
// counted from its start), but it has no Due and cannot breach;
// [Clock.HasTarget] is false, [Summarize] leaves it out, and its
// [Clock.Retargets] keep what it reached under its earlier targets, so
// that an escalation level crossed before the change is still reported
// once, whenever the caller looks. A metric that never had a target on
// the ticket has no clock. A change between business and calendar time
// recounts everything the clock counted from its start the new way.
//
// A change while the ticket is solved reaches the stopped Resolution clock
// when a reopen continues it ([ContinueResolution]): the clock resumes
// against the ticket's priority at the reopen, re-targeted from its
// original start at the reopen instant like a running clock, so a target
// already used up breaches it at the instant it was used up, which may be
// before the solve. Until the reopen the stopped clock keeps its verdict
// and target (an audit replay before the reopen sees it met), and a clock
// that breached before the solve keeps both after it too. Under
// [NewCycle] the reopen starts a new cycle with the current priority's
// target, and earlier cycles keep theirs.
//
// Each clock keeps the history of its targets in [Clock.Retargets]: one
// [Retarget] per change of the applied target while the clock ran
// (counting or paused) or as a reopen resumed it, with the instant (of
// the change, or of the reopen), the targets before and after and
// their amounts of counted time; nil for the many tickets whose priority
// never changes. The history splits a clock's life into epochs, each with
// its own target: package escalation uses it so that a level crossed under
// one target keeps its instant, and one that a shorter target leaves
// behind is crossed at the change (see its "Priority changes").
// [Clock.WhenCounting] answers [Clock.When] for an earlier target that
// counted the other way (business or calendar time).
//
// # Exemptions
//
// An [Exempted] event records an approved [Exemption] (metric, optional
// cycle, reason, approver, expiry). A breach it covers still shows as
// Breached, with [Clock.Exempt] saying who approved it and why, but
// [Summarize] counts it as exempt rather than breached. An exemption
// covers breaches of its metric that happen before its expiry, whether
// they happen before or after the approval was recorded.
//
// # Effective dates
//
// Policies change: targets are tightened from the first of the month, a
// new contract starts on a date. A [Policy] can carry the dates it is for
// ([Policy.EffectiveFrom], inclusive, and [Policy.EffectiveUntil],
// exclusive; zero leaves a side open), and [InForce] picks, from a list,
// the policy for a ticket by its creation time, as helpdesks apply the
// policy in force when a ticket's SLA is set: a ticket created under the
// old revision keeps it to the end, also when it is evaluated after the
// new one took over. Overlaps are allowed and settled by the order of the
// list: the first policy effective at the creation time wins, so a list
// can end with an undated fallback. Evaluate does not look at the dates.
//
// # Errors
//
// Bad input never panics: an invalid policy is a [*PolicyError] naming the
// field, a bad timeline an [*EventError] naming the event's index; both
// wrap sentinel errors (such as [ErrOutOfOrder] or [ErrBadTarget]) for
// [errors.Is].
//
// # Concurrency and cost
//
// Evaluate, Explain and Summarize only read their arguments, so they may
// run on many goroutines at once over shared policies. Evaluating an
// ordinary ticket costs a few microseconds and a handful of allocations.
package sla

// Package priority sets a ticket's priority from its impact and urgency, as
// ITIL helpdesks do, with a matrix that is explicit, validated and never
// half-filled.
//
// # Priorities
//
// A [Priority] is a level number: 1 is the most urgent, larger numbers are
// less urgent. On its own it prints as a code, "P1", and [Parse] reads codes
// back ("P2", "p2" or "2"). A [Matrix] declares which levels exist, 1
// through [Matrix.Levels], and may label them: [Matrix.Label] gives
// "Critical" for P1 of the [ITIL] matrix, and [Matrix.Parse] reads codes and
// labels, ignoring case.
//
// # Matrices
//
// A matrix has a list of impacts (its rows), a list of urgencies (its
// columns) and a priority in every cell. [NewMatrix] builds one from a grid
// indexed grid[impactIndex][urgencyIndex] and rejects anything incomplete or
// ambiguous: an empty axis, an empty or duplicate value, a missing or extra
// row or column, a priority below 1. Its errors name the axis position or
// the grid cell, wrap one of the package's sentinel errors ([ErrAxis],
// [ErrGrid], [ErrRange], [ErrLabel]) and start with "priority:".
//
// Without labels a matrix's levels are 1 through the largest priority in its
// grid. [Matrix.WithLabels] returns a copy with one label per level; the
// labels then declare the levels, so a matrix can have a level that no cell
// maps to (one reached only by raising), and a cell outside them is an error.
//
// [Matrix.Priority] looks up a cell, matching impact and urgency ignoring
// case; an unknown value is a *[ValueError] that lists the allowed values.
// It does not allocate, so it is cheap enough for the SLA hot path.
//
// # Adjustments
//
// Helpdesks adjust a priority after the matrix, for instance raising a VIP
// requester's ticket one level. [Matrix.Raise] and [Matrix.Lower] move a
// priority by n levels and clamp the result to the matrix's levels: raising
// P1 gives P1, and that is the rule, not an error. They are pure functions
// of their arguments; the priority they start from must be one of the
// matrix's levels, else they return an error wrapping [ErrRange].
//
// # JSON
//
// A matrix saves to and loads from JSON with encoding/json:
//
//	{"impacts":["High","Medium","Low"],
//	 "urgencies":["High","Medium","Low"],
//	 "grid":[[1,2,3],[2,3,4],[3,4,5]],
//	 "labels":["Critical","High","Medium","Low","Planning"]}
//
// Loading validates exactly as [NewMatrix] and [Matrix.WithLabels] do and
// is strict: unknown or repeated fields, missing required fields and
// fractional priorities are errors. See [Matrix.UnmarshalJSON].
//
// # Concurrency
//
// A Matrix never changes after it is built; every method is safe for
// simultaneous use by multiple goroutines. The package has no global
// mutable state, does no I/O and never reads the clock.
package priority

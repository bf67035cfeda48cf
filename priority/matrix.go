package priority

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Matrix maps an impact and an urgency to a [Priority]. It has a list of
// impacts (the rows), a list of urgencies (the columns), a priority in every
// cell, a number of levels (1 through [Matrix.Levels]) and, optionally, a
// label for each level.
//
// Build one with [NewMatrix], [ITIL] or by unmarshalling JSON (see
// [Matrix.UnmarshalJSON]); add labels with [Matrix.WithLabels]. A Matrix is
// immutable once built: no method changes it, and the constructors copy the
// caller's slices. It is safe for simultaneous use by multiple goroutines.
//
// The zero value (and a nil *Matrix) is an empty matrix with no impacts, no
// urgencies and no levels: [Matrix.Priority] reports every value as unknown,
// and [Matrix.Parse], [Matrix.Raise] and [Matrix.Lower] reject every
// priority.
type Matrix struct {
	impacts   []string
	urgencies []string
	grid      []Priority // row-major: cell (i, j) is grid[i*len(urgencies)+j]
	levels    int
	labels    []string // nil, or labels[p-1] names level p for every level
}

// NewMatrix returns the matrix with the given impacts (rows, most severe
// first by convention), urgencies (columns) and grid, indexed
// grid[impactIndex][urgencyIndex]. It copies all three; later changes to
// them do not affect the matrix.
//
// Both axes must be non-empty lists of non-empty values without surrounding
// white space, and no two values on one axis may be equal ignoring case,
// because lookups ignore case (errors wrap [ErrAxis]). The grid must have
// exactly one row per impact and, in every row, exactly one priority per
// urgency (errors wrap [ErrGrid]). Every priority must be at least 1 (errors
// wrap [ErrRange]). The levels of the matrix are 1 through the largest
// priority in the grid; [Matrix.WithLabels] can declare more. Errors name
// the offending axis position or grid cell, as in
//
//	priority: grid[1][2] (impact "Medium", urgency "Low"): priority out of range: P0 is below P1
func NewMatrix(impacts, urgencies []string, grid [][]Priority) (*Matrix, error) {
	return build(impacts, urgencies, grid, nil)
}

// build validates and copies its arguments into a new Matrix. labels, when
// not nil, declares the levels: one label per level.
func build(impacts, urgencies []string, grid [][]Priority, labels []string) (*Matrix, error) {
	if err := checkAxis("impacts", impacts); err != nil {
		return nil, err
	}
	if err := checkAxis("urgencies", urgencies); err != nil {
		return nil, err
	}
	if len(grid) != len(impacts) {
		return nil, fmt.Errorf("priority: grid: %w: %s, want %d (one per impact)",
			ErrGrid, count(len(grid), "row"), len(impacts))
	}
	m := &Matrix{
		impacts:   slices.Clone(impacts),
		urgencies: slices.Clone(urgencies),
		grid:      make([]Priority, 0, len(impacts)*len(urgencies)),
	}
	for i, row := range grid {
		if len(row) != len(urgencies) {
			return nil, fmt.Errorf("priority: grid[%d] (impact %q): %w: %s, want %d (one per urgency)",
				i, impacts[i], ErrGrid, count(len(row), "column"), len(urgencies))
		}
		for j, p := range row {
			if p < 1 {
				return nil, fmt.Errorf("priority: grid[%d][%d] (impact %q, urgency %q): %w: %v is below P1",
					i, j, impacts[i], urgencies[j], ErrRange, p)
			}
			m.levels = max(m.levels, int(p))
		}
		m.grid = append(m.grid, row...)
	}
	if labels == nil {
		return m, nil
	}
	if err := checkLabels(labels); err != nil {
		return nil, err
	}
	if m.levels > len(labels) {
		// Name the first cell that needs a level the labels do not declare.
		for k, p := range m.grid {
			if int(p) > len(labels) {
				i, j := k/len(urgencies), k%len(urgencies)
				return nil, fmt.Errorf("priority: grid[%d][%d] (impact %q, urgency %q): %w: %v outside levels 1..%d (one per label)",
					i, j, impacts[i], urgencies[j], ErrRange, p, len(labels))
			}
		}
	}
	m.levels = len(labels)
	m.labels = slices.Clone(labels)
	return m, nil
}

// count formats n and a noun, plural unless n is 1: "1 row", "2 rows".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// checkAxis validates the values of one axis, named in the plural.
func checkAxis(axis string, values []string) error {
	if len(values) == 0 {
		return fmt.Errorf("priority: %s: %w: no values", axis, ErrAxis)
	}
	seen := make(map[string]int, len(values))
	for i, v := range values {
		if v == "" {
			return fmt.Errorf("priority: %s[%d]: %w: empty value", axis, i, ErrAxis)
		}
		if strings.TrimSpace(v) != v {
			return fmt.Errorf("priority: %s[%d] %q: %w: surrounding white space", axis, i, v, ErrAxis)
		}
		if k, dup := firstFold(seen, v, i); dup {
			return fmt.Errorf("priority: %s[%d] %q: %w: same as %s[%d] %q (values are compared ignoring case)",
				axis, i, v, ErrAxis, axis, k, values[k])
		}
	}
	return nil
}

// firstFold reports whether seen holds a string equal to s under
// [strings.EqualFold], and at which index; if not, it records s at index i.
// Keying a map on [foldKey] keeps long axes linear, where comparing every
// pair would be quadratic.
func firstFold(seen map[string]int, s string, i int) (int, bool) {
	key := foldKey(s)
	if k, ok := seen[key]; ok {
		return k, true
	}
	seen[key] = i
	return 0, false
}

// foldKey returns a key that two strings share exactly when
// [strings.EqualFold] reports them equal: each rune is replaced by the
// smallest rune of its simple case-folding orbit ([unicode.SimpleFold]),
// which is the equivalence EqualFold tests rune by rune. Invalid UTF-8
// decodes to U+FFFD, as it does in EqualFold.
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}

// checkLabels validates a list of level labels, labels[p-1] naming level p.
func checkLabels(labels []string) error {
	seen := make(map[string]int, len(labels))
	for i, l := range labels {
		p := Priority(i + 1)
		if l == "" {
			return fmt.Errorf("priority: label of %v: %w: empty", p, ErrLabel)
		}
		if strings.TrimSpace(l) != l {
			return fmt.Errorf("priority: label of %v %q: %w: surrounding white space", p, l, ErrLabel)
		}
		if q, err := parseCode(l); err == nil && q != p {
			return fmt.Errorf("priority: label of %v %q: %w: reads as the code of %v", p, l, ErrLabel, q)
		}
		if k, dup := firstFold(seen, l, i); dup {
			return fmt.Errorf("priority: label of %v %q: %w: same as the label of %v %q (labels are compared ignoring case)",
				p, l, ErrLabel, Priority(k+1), labels[k])
		}
	}
	return nil
}

// WithLabels returns a copy of m whose levels are named by labels: labels[0]
// names P1, labels[1] names P2, and so on. The labels declare the levels:
// the new matrix has exactly len(labels) levels, which must cover every
// priority in the grid (errors wrap [ErrRange] and name the first grid cell
// outside them), so a matrix can declare levels that no cell maps to, such as
// a level reached only by [Matrix.Raise].
//
// Labels must be non-empty, without surrounding white space and distinct
// ignoring case, because [Matrix.Parse] reads them back ignoring case; a
// label may not be spelled like the code of another level, so "P2" can label
// P2 but not P1 (errors wrap [ErrLabel]). WithLabels with no labels returns a
// copy of m without labels, whose levels are again 1 through the largest
// priority in the grid. m itself is not changed, and labels is copied.
func (m *Matrix) WithLabels(labels ...string) (*Matrix, error) {
	m = m.orZero()
	if len(labels) == 0 {
		labels = nil
	}
	return build(m.Impacts(), m.Urgencies(), m.rows(), labels)
}

// rows returns m's grid as a fresh slice of rows.
func (m *Matrix) rows() [][]Priority {
	if len(m.urgencies) == 0 {
		return nil
	}
	rows := make([][]Priority, 0, len(m.impacts))
	for row := range slices.Chunk(m.grid, len(m.urgencies)) {
		rows = append(rows, slices.Clip(row))
	}
	return rows
}

var zeroMatrix Matrix

// orZero returns m, or a pointer to an empty matrix if m is nil, so that
// methods on a nil *Matrix behave as on the zero Matrix.
func (m *Matrix) orZero() *Matrix {
	if m == nil {
		return &zeroMatrix
	}
	return m
}

// Priority returns the priority of the cell for impact and urgency. Both are
// matched ignoring case ([strings.EqualFold]), but not ignoring white space.
// A value the matrix does not have is an error: a *[ValueError] that lists
// the allowed values and unwraps to [ErrUnknownImpact] or
// [ErrUnknownUrgency]; the impact is checked first.
//
// Priority does not allocate unless it fails. Its cost grows with the number
// of values on each axis, which is small in every matrix in use.
func (m *Matrix) Priority(impact, urgency string) (Priority, error) {
	m = m.orZero()
	i := index(m.impacts, impact)
	if i < 0 {
		return 0, &ValueError{Axis: axisImpact, Value: impact, Allowed: slices.Clone(m.impacts)}
	}
	j := index(m.urgencies, urgency)
	if j < 0 {
		return 0, &ValueError{Axis: axisUrgency, Value: urgency, Allowed: slices.Clone(m.urgencies)}
	}
	return m.grid[i*len(m.urgencies)+j], nil
}

// index returns the position of v in values ignoring case, or -1.
func index(values []string, v string) int {
	for i, x := range values {
		if x == v {
			return i
		}
	}
	for i, x := range values {
		if strings.EqualFold(x, v) {
			return i
		}
	}
	return -1
}

// Impacts returns a copy of m's impacts, in the order of the grid's rows.
func (m *Matrix) Impacts() []string { return slices.Clone(m.orZero().impacts) }

// Urgencies returns a copy of m's urgencies, in the order of the grid's
// columns.
func (m *Matrix) Urgencies() []string { return slices.Clone(m.orZero().urgencies) }

// Levels returns the number of levels m declares: its priorities are 1
// (the most urgent) through Levels(). It is the number of labels if m has
// labels, else the largest priority in the grid, and 0 for the zero Matrix.
func (m *Matrix) Levels() int { return m.orZero().levels }

// Valid reports whether p is one of m's levels, 1 <= p <= m.Levels().
func (m *Matrix) Valid(p Priority) bool { return p >= 1 && int(p) <= m.Levels() }

// Label returns the label m gives level p, as in "Critical", or p's code, as
// in "P1", if m has no labels or p is not one of its levels.
func (m *Matrix) Label(p Priority) string {
	m = m.orZero()
	if p >= 1 && int(p) <= len(m.labels) {
		return m.labels[p-1]
	}
	return p.String()
}

// Parse reads a priority written as a code ("P2", "p2", "2", as [Parse]
// reads them) or as one of m's labels, ignoring case ("critical"). White
// space is not trimmed. Text that is neither is an error wrapping
// [ErrSyntax]; a code outside m's levels is an error wrapping [ErrRange].
func (m *Matrix) Parse(s string) (Priority, error) {
	m = m.orZero()
	for i, l := range m.labels {
		if strings.EqualFold(l, s) {
			return Priority(i + 1), nil
		}
	}
	p, err := parseCode(s)
	switch {
	case err == ErrSyntax:
		want := "a code like \"P1\""
		if m.levels > 0 {
			want = fmt.Sprintf("P1..P%d", m.levels)
		}
		if len(m.labels) > 0 {
			want += " or a label (" + strings.Join(m.labels, ", ") + ")"
		}
		return 0, fmt.Errorf("priority: %q: %w: want %s", s, ErrSyntax, want)
	case err != nil || int(p) > m.levels:
		return 0, fmt.Errorf("priority: %q: %w: %s", s, ErrRange, m.levelsText())
	}
	return p, nil
}

// levelsText describes m's levels for an error message.
func (m *Matrix) levelsText() string {
	if m.Levels() == 0 {
		return "the matrix has no levels"
	}
	return "levels are 1.." + strconv.Itoa(m.Levels())
}

// checkLevel returns an error wrapping ErrRange if p is not one of m's
// levels.
func (m *Matrix) checkLevel(p Priority) error {
	if !m.Valid(p) {
		return fmt.Errorf("priority: %v: %w: %s", p, ErrRange, m.levelsText())
	}
	return nil
}

// Raise returns p raised by n levels: n levels more urgent, so a smaller
// number. The result is clamped to m's levels, as helpdesks apply the rule
// ("a VIP requester's ticket is raised one level, never past P1"): raising
// P2 by 3 gives P1, and that is not an error. A negative n lowers p, so
// Raise(p, -n) equals [Matrix.Lower](p, n). p itself must be one of m's
// levels, else Raise returns an error wrapping [ErrRange]: a priority that
// is already wrong is reported, not clamped.
func (m *Matrix) Raise(p Priority, n int) (Priority, error) {
	if err := m.checkLevel(p); err != nil {
		return 0, err
	}
	// Compare before subtracting, so that no n overflows.
	switch levels := m.Levels(); {
	case n >= int(p)-1:
		return 1, nil
	case n <= int(p)-levels:
		return Priority(levels), nil
	default:
		return p - Priority(n), nil
	}
}

// Lower returns p lowered by n levels: n levels less urgent, so a larger
// number, clamped to m's levels (lowering P4 of the ITIL matrix by 3 gives
// P5). A negative n raises p, so Lower(p, -n) equals [Matrix.Raise](p, n).
// p must be one of m's levels, else Lower returns an error wrapping
// [ErrRange].
func (m *Matrix) Lower(p Priority, n int) (Priority, error) {
	if err := m.checkLevel(p); err != nil {
		return 0, err
	}
	switch levels := m.Levels(); {
	case n >= levels-int(p):
		return Priority(levels), nil
	case n <= 1-int(p):
		return 1, nil
	default:
		return p + Priority(n), nil
	}
}

// String renders m as a table for people to read: one row per impact, one
// column per urgency, each cell the priority's code and, if m has labels,
// its label. It ends without a newline; the zero Matrix renders as "".
//
//	impact \ urgency  High         Medium     Low
//	High              P1 Critical  P2 High    P3 Medium
func (m *Matrix) String() string {
	m = m.orZero()
	if len(m.impacts) == 0 {
		return ""
	}
	cells := make([][]string, 0, len(m.impacts)+1)
	cells = append(cells, append([]string{`impact \ urgency`}, m.urgencies...))
	for i, impact := range m.impacts {
		row := []string{impact}
		for _, p := range m.grid[i*len(m.urgencies) : (i+1)*len(m.urgencies)] {
			cell := p.String()
			if len(m.labels) > 0 {
				cell += " " + m.labels[p-1]
			}
			row = append(row, cell)
		}
		cells = append(cells, row)
	}
	widths := make([]int, len(m.urgencies)+1)
	for _, row := range cells {
		for j, c := range row {
			widths[j] = max(widths[j], len([]rune(c)))
		}
	}
	var b strings.Builder
	for r, row := range cells {
		if r > 0 {
			b.WriteByte('\n')
		}
		for j, c := range row {
			b.WriteString(c)
			if j < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[j]-len([]rune(c))+2))
			}
		}
	}
	return b.String()
}

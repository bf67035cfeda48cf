package priority_test

import (
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/slakit/slakit/priority"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var hml = []string{"High", "Medium", "Low"}

// TestITIL checks every cell of the ITIL matrix against ITIL V3 Service
// Operation (OGC 2007), Table 4.1 "Simple priority coding system" (also BMC
// Helix Remedyforce's default Priority Matrix), which the issue restates: High/High P1; High/Medium and Medium/High P2; High/Low,
// Medium/Medium and Low/High P3; Medium/Low and Low/Medium P4; Low/Low P5.
func TestITIL(t *testing.T) {
	m := priority.ITIL()
	tests := []struct {
		impact, urgency string
		want            priority.Priority
		label           string
	}{
		{"High", "High", 1, "Critical"},
		{"High", "Medium", 2, "High"},
		{"Medium", "High", 2, "High"},
		{"High", "Low", 3, "Medium"},
		{"Medium", "Medium", 3, "Medium"},
		{"Low", "High", 3, "Medium"},
		{"Medium", "Low", 4, "Low"},
		{"Low", "Medium", 4, "Low"},
		{"Low", "Low", 5, "Planning"},
	}
	for _, tc := range tests {
		got, err := m.Priority(tc.impact, tc.urgency)
		if err != nil || got != tc.want {
			t.Errorf("ITIL().Priority(%q, %q) = %v, %v want %v, nil", tc.impact, tc.urgency, got, err, tc.want)
		}
		if l := m.Label(got); l != tc.label {
			t.Errorf("ITIL().Label(%v) = %q want %q", got, l, tc.label)
		}
	}
	assert.Equal(t, 5, m.Levels(), "ITIL().Levels()")
	assert.Equal(t, hml, m.Impacts(), "ITIL().Impacts()")
	assert.Equal(t, hml, m.Urgencies(), "ITIL().Urgencies()")
}

func TestITILReturnsIndependentMatrices(t *testing.T) {
	a := priority.ITIL()
	a.Impacts()[0] = "Changed"
	require.NoError(t, a.UnmarshalJSON([]byte(`{"impacts":["X"],"urgencies":["Y"],"grid":[[1]]}`)))
	b := priority.ITIL()
	assert.Equal(t, hml, b.Impacts(), "a fresh ITIL() after changing another")
	if p, err := b.Priority("High", "High"); err != nil || p != 1 {
		t.Errorf("fresh ITIL().Priority(High, High) = %v, %v want P1, nil", p, err)
	}
}

func TestPriorityIgnoresCase(t *testing.T) {
	m := priority.ITIL()
	tests := []struct {
		impact, urgency string
		want            priority.Priority
	}{
		{"high", "high", 1},
		{"HIGH", "low", 3},
		{"mEdIuM", "High", 2},
		{"low", "LOW", 5},
	}
	for _, tc := range tests {
		got, err := m.Priority(tc.impact, tc.urgency)
		if err != nil || got != tc.want {
			t.Errorf("ITIL().Priority(%q, %q) = %v, %v want %v, nil", tc.impact, tc.urgency, got, err, tc.want)
		}
	}
}

// TestPriorityDoesNotAllocate checks the documented promise that a
// successful lookup does not allocate, in either spelling.
func TestPriorityDoesNotAllocate(t *testing.T) {
	m := priority.ITIL()
	for _, in := range [][2]string{{"Low", "Low"}, {"mEDIUM", "hIGH"}} {
		allocs := testing.AllocsPerRun(100, func() {
			if _, err := m.Priority(in[0], in[1]); err != nil {
				t.Fatal(err)
			}
		})
		if allocs != 0 {
			t.Errorf("ITIL().Priority(%q, %q) allocates %v times want 0", in[0], in[1], allocs)
		}
	}
}

func TestPriorityUnknownValue(t *testing.T) {
	m := priority.ITIL()
	tests := []struct {
		impact, urgency string
		sentinel        error
		axis, value     string
		msg             string
	}{
		{"Huge", "High", priority.ErrUnknownImpact, "impact", "Huge",
			`priority: unknown impact "Huge" (allowed: "High", "Medium", "Low")`},
		{"High", "Now", priority.ErrUnknownUrgency, "urgency", "Now",
			`priority: unknown urgency "Now" (allowed: "High", "Medium", "Low")`},
		{" High", "High", priority.ErrUnknownImpact, "impact", " High",
			`priority: unknown impact " High" (allowed: "High", "Medium", "Low")`},
		{"", "", priority.ErrUnknownImpact, "impact", "",
			`priority: unknown impact "" (allowed: "High", "Medium", "Low")`},
		// Both unknown: the impact is reported.
		{"x", "y", priority.ErrUnknownImpact, "impact", "x",
			`priority: unknown impact "x" (allowed: "High", "Medium", "Low")`},
	}
	for _, tc := range tests {
		p, err := m.Priority(tc.impact, tc.urgency)
		if p != 0 || !errors.Is(err, tc.sentinel) {
			t.Errorf("ITIL().Priority(%q, %q) = %v, %v want 0, %v", tc.impact, tc.urgency, p, err, tc.sentinel)
			continue
		}
		assert.EqualError(t, err, tc.msg, "ITIL().Priority(%q, %q)", tc.impact, tc.urgency)
		var ve *priority.ValueError
		require.True(t, errors.As(err, &ve), "ITIL().Priority(%q, %q): error %T is not a *ValueError", tc.impact, tc.urgency, err)
		assert.Equal(t, tc.axis, ve.Axis)
		assert.Equal(t, tc.value, ve.Value)
		assert.Equal(t, hml, ve.Allowed)
		ve.Allowed[0] = "Changed" // the error's list is the caller's to keep
	}
	assert.Equal(t, hml, m.Impacts(), "impacts after changing a ValueError's Allowed")
}

func TestNewMatrixCustom(t *testing.T) {
	// A 2x4 matrix with a level (P4) that only one cell reaches and the
	// lookups by hand.
	impacts := []string{"Company", "User"}
	urgencies := []string{"Stopped", "Impaired", "Degraded", "Cosmetic"}
	grid := [][]priority.Priority{
		{1, 1, 2, 3},
		{2, 3, 3, 4},
	}
	m, err := priority.NewMatrix(impacts, urgencies, grid)
	require.NoError(t, err)
	// The constructor copies: changing the inputs changes nothing.
	impacts[0], urgencies[0], grid[0][0] = "X", "Y", 4
	tests := []struct {
		impact, urgency string
		want            priority.Priority
	}{
		{"Company", "Stopped", 1},
		{"company", "impaired", 1},
		{"Company", "Degraded", 2},
		{"Company", "Cosmetic", 3},
		{"User", "Stopped", 2},
		{"User", "Impaired", 3},
		{"User", "Degraded", 3},
		{"USER", "COSMETIC", 4},
	}
	for _, tc := range tests {
		got, err := m.Priority(tc.impact, tc.urgency)
		if err != nil || got != tc.want {
			t.Errorf("Priority(%q, %q) = %v, %v want %v, nil", tc.impact, tc.urgency, got, err, tc.want)
		}
	}
	assert.Equal(t, 4, m.Levels(), "Levels()")
	assert.Equal(t, []string{"Company", "User"}, m.Impacts())
	assert.Equal(t, []string{"Stopped", "Impaired", "Degraded", "Cosmetic"}, m.Urgencies())
	m.Impacts()[0] = "Z"
	assert.Equal(t, []string{"Company", "User"}, m.Impacts(), "Impacts() after changing its result")
	assert.Equal(t, "P2", m.Label(2), "Label(2) of an unlabelled matrix")
}

func TestNewMatrixErrors(t *testing.T) {
	type grid = [][]priority.Priority
	ok3 := grid{{1, 2, 3}, {2, 3, 4}, {3, 4, 5}}
	tests := []struct {
		name               string
		impacts, urgencies []string
		grid               grid
		sentinel           error
		msg                string
	}{
		{"no impacts", nil, hml, grid{}, priority.ErrAxis,
			"priority: impacts: bad axis: no values"},
		{"no urgencies", hml, []string{}, grid{{}, {}, {}}, priority.ErrAxis,
			"priority: urgencies: bad axis: no values"},
		{"empty impact", []string{"High", "", "Low"}, hml, ok3, priority.ErrAxis,
			"priority: impacts[1]: bad axis: empty value"},
		{"blank urgency", hml, []string{"High", "Medium", " "}, ok3, priority.ErrAxis,
			`priority: urgencies[2] " ": bad axis: surrounding white space`},
		{"padded impact", []string{"High ", "Medium", "Low"}, hml, ok3, priority.ErrAxis,
			`priority: impacts[0] "High ": bad axis: surrounding white space`},
		{"duplicate impact", []string{"High", "Medium", "High"}, hml, ok3, priority.ErrAxis,
			`priority: impacts[2] "High": bad axis: same as impacts[0] "High" (values are compared ignoring case)`},
		{"duplicate urgency ignoring case", hml, []string{"High", "Medium", "medium"}, ok3, priority.ErrAxis,
			`priority: urgencies[2] "medium": bad axis: same as urgencies[1] "Medium" (values are compared ignoring case)`},
		{"missing row", hml, hml, grid{{1, 2, 3}, {2, 3, 4}}, priority.ErrGrid,
			"priority: grid: grid does not match the axes: 2 rows, want 3 (one per impact)"},
		{"extra row", hml, hml, grid{{1, 2, 3}, {2, 3, 4}, {3, 4, 5}, {3, 4, 5}}, priority.ErrGrid,
			"priority: grid: grid does not match the axes: 4 rows, want 3 (one per impact)"},
		{"nil grid", hml, hml, nil, priority.ErrGrid,
			"priority: grid: grid does not match the axes: 0 rows, want 3 (one per impact)"},
		{"short row", hml, hml, grid{{1, 2, 3}, {2, 3}, {3, 4, 5}}, priority.ErrGrid,
			`priority: grid[1] (impact "Medium"): grid does not match the axes: 2 columns, want 3 (one per urgency)`},
		{"long row", hml, hml, grid{{1, 2, 3}, {2, 3, 4}, {3, 4, 5, 5}}, priority.ErrGrid,
			`priority: grid[2] (impact "Low"): grid does not match the axes: 4 columns, want 3 (one per urgency)`},
		{"nil row", hml, hml, grid{{1, 2, 3}, nil, {3, 4, 5}}, priority.ErrGrid,
			`priority: grid[1] (impact "Medium"): grid does not match the axes: 0 columns, want 3 (one per urgency)`},
		{"zero priority", hml, hml, grid{{1, 2, 3}, {2, 3, 0}, {3, 4, 5}}, priority.ErrRange,
			`priority: grid[1][2] (impact "Medium", urgency "Low"): priority out of range: P0 is below P1`},
		{"negative priority", hml, hml, grid{{-1, 2, 3}, {2, 3, 4}, {3, 4, 5}}, priority.ErrRange,
			`priority: grid[0][0] (impact "High", urgency "High"): priority out of range: P-1 is below P1`},
	}
	for _, tc := range tests {
		m, err := priority.NewMatrix(tc.impacts, tc.urgencies, tc.grid)
		if m != nil || !errors.Is(err, tc.sentinel) {
			t.Errorf("%s: NewMatrix(%q, %q, %v) = %v, %v want nil, %v", tc.name, tc.impacts, tc.urgencies, tc.grid, m, err, tc.sentinel)
			continue
		}
		assert.EqualError(t, err, tc.msg, tc.name)
	}
}

func TestNewMatrixLongAxis(t *testing.T) {
	// A long axis with case-only near-duplicates far apart.
	var impacts []string
	var grid [][]priority.Priority
	for i := range 5000 {
		impacts = append(impacts, "Site"+strconv.Itoa(i))
		grid = append(grid, []priority.Priority{priority.Priority(i%4 + 1)})
	}
	m, err := priority.NewMatrix(impacts, []string{"Any"}, grid)
	require.NoError(t, err)
	if p, err := m.Priority("SITE4999", "any"); err != nil || p != 4 {
		t.Errorf("Priority(SITE4999, any) = %v, %v want P4, nil", p, err)
	}
	impacts = append(impacts, "SITE17")
	grid = append(grid, []priority.Priority{1})
	_, err = priority.NewMatrix(impacts, []string{"Any"}, grid)
	assert.EqualError(t, err, `priority: impacts[5000] "SITE17": bad axis: same as impacts[17] "Site17" (values are compared ignoring case)`)
}

func TestWithLabels(t *testing.T) {
	m, err := priority.NewMatrix([]string{"A", "B"}, []string{"X"}, [][]priority.Priority{{1}, {2}})
	require.NoError(t, err)
	require.Equal(t, 2, m.Levels())

	labels := []string{"Urgent", "Normal", "Someday"}
	l, err := m.WithLabels(labels...)
	require.NoError(t, err)
	labels[0] = "Changed" // copied
	assert.Equal(t, 3, l.Levels(), "labels declare the levels")
	assert.Equal(t, 2, m.Levels(), "the original is unchanged")
	for p, want := range map[priority.Priority]string{1: "Urgent", 2: "Normal", 3: "Someday", 0: "P0", 4: "P4", -1: "P-1"} {
		if got := l.Label(p); got != want {
			t.Errorf("Label(%d) = %q want %q", int(p), got, want)
		}
	}
	assert.Equal(t, "P1", m.Label(1), "the original has no labels")

	// "P2" may label P2, but not another level.
	_, err = m.WithLabels("P1", "P2")
	assert.NoError(t, err, `WithLabels("P1", "P2")`)

	// No labels: back to the grid's levels.
	u, err := l.WithLabels()
	require.NoError(t, err)
	assert.Equal(t, 2, u.Levels(), "WithLabels() levels")
	assert.Equal(t, "P1", u.Label(1), "WithLabels() Label(1)")

	tests := []struct {
		labels   []string
		sentinel error
		msg      string
	}{
		{[]string{"Urgent"}, priority.ErrRange,
			`priority: grid[1][0] (impact "B", urgency "X"): priority out of range: P2 outside levels 1..1 (one per label)`},
		{[]string{"Urgent", ""}, priority.ErrLabel, "priority: label of P2: bad label: empty"},
		{[]string{"Urgent", "Normal "}, priority.ErrLabel, `priority: label of P2 "Normal ": bad label: surrounding white space`},
		{[]string{"Urgent", "urgent"}, priority.ErrLabel,
			`priority: label of P2 "urgent": bad label: same as the label of P1 "Urgent" (labels are compared ignoring case)`},
		{[]string{"P2", "Normal"}, priority.ErrLabel, `priority: label of P1 "P2": bad label: reads as the code of P2`},
		{[]string{"Urgent", "1"}, priority.ErrLabel, `priority: label of P2 "1": bad label: reads as the code of P1`},
	}
	for _, tc := range tests {
		got, err := m.WithLabels(tc.labels...)
		if got != nil || !errors.Is(err, tc.sentinel) {
			t.Errorf("WithLabels(%q) = %v, %v want nil, %v", tc.labels, got, err, tc.sentinel)
			continue
		}
		assert.EqualError(t, err, tc.msg, "WithLabels(%q)", tc.labels)
	}
}

func TestZeroMatrix(t *testing.T) {
	for name, m := range map[string]*priority.Matrix{"zero": new(priority.Matrix), "nil": nil} {
		p, err := m.Priority("High", "High")
		if p != 0 || !errors.Is(err, priority.ErrUnknownImpact) {
			t.Errorf("%s.Priority(High, High) = %v, %v want 0, ErrUnknownImpact", name, p, err)
		}
		assert.EqualError(t, err, `priority: unknown impact "High" (the matrix has no impact values)`, name)
		assert.Equal(t, 0, m.Levels(), name)
		assert.Empty(t, m.Impacts(), name)
		assert.Empty(t, m.Urgencies(), name)
		assert.Equal(t, "P1", m.Label(1), name)
		assert.Equal(t, "", m.String(), name)
		assert.False(t, m.Valid(1), name)
		if _, err := m.Parse("P1"); !errors.Is(err, priority.ErrRange) {
			t.Errorf("%s.Parse(P1) error = %v want ErrRange", name, err)
		}
		if _, err := m.Raise(1, 1); !errors.Is(err, priority.ErrRange) {
			t.Errorf("%s.Raise(P1, 1) error = %v want ErrRange", name, err)
		}
		if _, err := m.WithLabels("A"); !errors.Is(err, priority.ErrAxis) {
			t.Errorf("%s.WithLabels(A) error = %v want ErrAxis", name, err)
		}
	}
}

func TestString(t *testing.T) {
	// Written by hand from the ITIL table (see TestITIL).
	want := strings.Join([]string{
		`impact \ urgency  High         Medium     Low`,
		`High              P1 Critical  P2 High    P3 Medium`,
		`Medium            P2 High      P3 Medium  P4 Low`,
		`Low               P3 Medium    P4 Low     P5 Planning`,
	}, "\n")
	assert.Equal(t, want, priority.ITIL().String())

	m, err := priority.NewMatrix([]string{"Everyone", "Me"}, []string{"Now", "Later"}, [][]priority.Priority{{1, 2}, {2, 3}})
	require.NoError(t, err)
	want = strings.Join([]string{
		`impact \ urgency  Now  Later`,
		`Everyone          P1   P2`,
		`Me                P2   P3`,
	}, "\n")
	assert.Equal(t, want, m.String())
}

// TestConcurrentUse runs lookups, labels and adjustments on one matrix from
// several goroutines; with -race it fails if any method writes shared
// state.
func TestConcurrentUse(t *testing.T) {
	m := priority.ITIL()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 100 {
				imp := hml[(g+i)%3]
				urg := hml[i%3]
				p, err := m.Priority(strings.ToLower(imp), urg)
				if err != nil {
					t.Error(err)
					return
				}
				if _, err := m.Raise(p, 1); err != nil {
					t.Error(err)
					return
				}
				_ = m.Label(p)
				_ = m.String()
				if _, err := m.MarshalJSON(); err != nil {
					t.Error(err)
					return
				}
				if _, err := m.WithLabels("a", "b", "c", "d", "e", "f"); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// FuzzAxisDuplicates checks that NewMatrix rejects two axis values, and
// WithLabels two labels, exactly when strings.EqualFold reports them equal,
// so that a case-insensitive lookup can never match two values.
func FuzzAxisDuplicates(f *testing.F) {
	for _, pair := range [][2]string{
		{"High", "high"}, {"High", "Low"}, {"K", "\u212a"}, {"ς", "Σ"}, {"σ", "ς"},
		{"ß", "ẞ"}, {"\xff", "\xfe"}, {"a", "ab"}, {"İ", "i"}, {"ǅ", "ǆ"},
	} {
		f.Add(pair[0], pair[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if a == "" || b == "" || strings.TrimSpace(a) != a || strings.TrimSpace(b) != b {
			return
		}
		_, err := priority.NewMatrix([]string{a, b}, []string{"X"}, [][]priority.Priority{{1}, {2}})
		if fold := strings.EqualFold(a, b); fold != errors.Is(err, priority.ErrAxis) {
			t.Fatalf("NewMatrix([%q, %q], ...) error %v, but EqualFold = %v", a, b, err, fold)
		}
		one, err := priority.NewMatrix([]string{"A"}, []string{"X"}, [][]priority.Priority{{1}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := priority.Parse(a); err == nil {
			return // a label that reads as a code has its own rule
		}
		if _, err := priority.Parse(b); err == nil {
			return
		}
		_, err = one.WithLabels(a, b)
		if fold := strings.EqualFold(a, b); fold != errors.Is(err, priority.ErrLabel) {
			t.Fatalf("WithLabels(%q, %q) error %v, but EqualFold = %v", a, b, err, fold)
		}
	})
}

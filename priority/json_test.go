package priority_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/slakit/slakit/priority"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// itilJSON is the ITIL matrix in the documented JSON form, written by hand
// from the table in ITIL V3 Service Operation (see TestITIL).
const itilJSON = `{"impacts":["High","Medium","Low"],"urgencies":["High","Medium","Low"],` +
	`"grid":[[1,2,3],[2,3,4],[3,4,5]],"labels":["Critical","High","Medium","Low","Planning"]}`

func TestMarshalJSON(t *testing.T) {
	b, err := json.Marshal(priority.ITIL())
	require.NoError(t, err)
	assert.Equal(t, itilJSON, string(b))

	// A value Matrix marshals too, and a matrix without labels omits them.
	m, err := priority.NewMatrix([]string{"A"}, []string{"X", "Y"}, [][]priority.Priority{{2, 1}})
	require.NoError(t, err)
	b, err = json.Marshal(struct{ M priority.Matrix }{*m})
	require.NoError(t, err)
	assert.Equal(t, `{"M":{"impacts":["A"],"urgencies":["X","Y"],"grid":[[2,1]]}}`, string(b))

	_, err = json.Marshal(new(priority.Matrix))
	assert.ErrorIs(t, err, priority.ErrAxis, "marshalling the zero Matrix")
	b, err = json.Marshal((*priority.Matrix)(nil))
	require.NoError(t, err)
	assert.Equal(t, "null", string(b), "marshalling a nil *Matrix")
}

func TestUnmarshalJSON(t *testing.T) {
	var m *priority.Matrix
	require.NoError(t, json.Unmarshal([]byte(itilJSON), &m))
	itil := priority.ITIL()
	assertSameMatrix(t, itil, m)

	// Labels are optional; absent, null and [] all mean none.
	for _, labels := range []string{``, `,"labels":null`, `,"labels":[]`} {
		in := `{"impacts":["A","B"],"urgencies":["X"],"grid":[[1],[3]]` + labels + `}`
		var m priority.Matrix
		if err := json.Unmarshal([]byte(in), &m); err != nil {
			t.Errorf("Unmarshal(%s) error %v", in, err)
			continue
		}
		assert.Equal(t, 3, m.Levels(), "Unmarshal(%s).Levels()", in)
		assert.Equal(t, "P1", m.Label(1), "Unmarshal(%s).Label(1)", in)
	}

	// Field order does not matter, white space is allowed, and a matrix
	// nested in a struct loads too.
	var cfg struct {
		Name   string
		Matrix *priority.Matrix
	}
	in := `{"Name":"desk","Matrix":{ "labels":["Now","Soon"], "grid":[[1,2]],
		"urgencies":["Today","Later"], "impacts":["All"] }}`
	require.NoError(t, json.Unmarshal([]byte(in), &cfg))
	p, err := cfg.Matrix.Priority("all", "later")
	require.NoError(t, err)
	assert.Equal(t, priority.Priority(2), p)
	assert.Equal(t, "Soon", cfg.Matrix.Label(p))

	assert.Error(t, (*priority.Matrix)(nil).UnmarshalJSON([]byte(itilJSON)), "UnmarshalJSON on a nil *Matrix")

	// null is a no-op on an existing matrix, as encoding/json asks.
	m2 := priority.ITIL()
	require.NoError(t, m2.UnmarshalJSON([]byte("null")))
	assertSameMatrix(t, itil, m2)
}

func TestUnmarshalJSONErrors(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		sentinel error  // nil: no sentinel applies
		msg      string // substring of the error message
	}{
		{"unknown field", `{"impacts":["A"],"urgencies":["X"],"grid":[[1]],"colour":"red"}`, nil,
			`priority: json: unknown field "colour"`},
		{"field in the wrong case", `{"Impacts":["A"],"urgencies":["X"],"grid":[[1]]}`, nil,
			`priority: json: unknown field "Impacts"`},
		{"repeated field", `{"impacts":["A"],"impacts":["B"],"urgencies":["X"],"grid":[[1]]}`, nil,
			`priority: json: field "impacts" given twice`},
		{"missing grid", `{"impacts":["A"],"urgencies":["X"]}`, nil,
			`priority: json: missing field "grid"`},
		{"missing impacts", `{"urgencies":["X"],"grid":[[1]]}`, nil,
			`priority: json: missing field "impacts"`},
		{"empty object", `{}`, nil, `priority: json: missing field "impacts"`},
		{"array", `[1,2]`, nil, `priority: json: want an object, got [`},
		{"string", `"ITIL"`, nil, `priority: json: want an object, got a string`},
		{"number", `3`, nil, `priority: json: want an object, got a number`},
		{"fractional priority", `{"impacts":["A"],"urgencies":["X"],"grid":[[1.5]]}`, nil,
			`priority: json: field "grid": json: cannot unmarshal number 1.5`},
		{"priority as a string", `{"impacts":["A"],"urgencies":["X"],"grid":[["P1"]]}`, nil,
			`priority: json: field "grid": json: cannot unmarshal string`},
		{"huge priority", `{"impacts":["A"],"urgencies":["X"],"grid":[[1e100]]}`, nil,
			`priority: json: field "grid": json: cannot unmarshal number 1e100`},
		{"impacts not strings", `{"impacts":[1],"urgencies":["X"],"grid":[[1]]}`, nil,
			`priority: json: field "impacts": json: cannot unmarshal number`},
		{"truncated", `{"impacts":["A"],"urgencies":["X"],"grid":[[1]]`, nil, `priority: json:`},
		{"trailing data", `{"impacts":["A"],"urgencies":["X"],"grid":[[1]]} {}`, nil,
			`priority: json: data after the matrix`},
		{"data after null", `null0`, nil, `priority: json: data after the matrix`},
		{"data after null", `null {}`, nil, `priority: json: data after the matrix`},
		{"empty", ``, nil, `priority: json: EOF`},

		// The same validation as NewMatrix and WithLabels.
		{"ragged grid", `{"impacts":["A","B"],"urgencies":["X","Y"],"grid":[[1,2],[3]]}`, priority.ErrGrid,
			`priority: grid[1] (impact "B"): grid does not match the axes: 1 column, want 2 (one per urgency)`},
		{"missing row", `{"impacts":["A","B"],"urgencies":["X"],"grid":[[1]]}`, priority.ErrGrid,
			`priority: grid: grid does not match the axes: 1 row, want 2 (one per impact)`},
		{"null row", `{"impacts":["A","B"],"urgencies":["X"],"grid":[[1],null]}`, priority.ErrGrid,
			`priority: grid[1] (impact "B"): grid does not match the axes: 0 columns, want 1 (one per urgency)`},
		{"null cell", `{"impacts":["A"],"urgencies":["X","Y"],"grid":[[1,null]]}`, priority.ErrRange,
			`priority: grid[0][1] (impact "A", urgency "Y"): priority out of range: P0 is below P1`},
		{"null grid", `{"impacts":["A"],"urgencies":["X"],"grid":null}`, priority.ErrGrid,
			`priority: grid: grid does not match the axes: 0 rows, want 1 (one per impact)`},
		{"empty impacts", `{"impacts":[],"urgencies":["X"],"grid":[]}`, priority.ErrAxis,
			`priority: impacts: bad axis: no values`},
		{"duplicate urgency", `{"impacts":["A"],"urgencies":["X","x"],"grid":[[1,2]]}`, priority.ErrAxis,
			`priority: urgencies[1] "x": bad axis: same as urgencies[0] "X"`},
		{"priority past the labels", `{"impacts":["A"],"urgencies":["X","Y"],"grid":[[1,3]],"labels":["One","Two"]}`,
			priority.ErrRange, `priority: grid[0][1] (impact "A", urgency "Y"): priority out of range: P3 outside levels 1..2 (one per label)`},
		{"empty label", `{"impacts":["A"],"urgencies":["X"],"grid":[[1]],"labels":[""]}`, priority.ErrLabel,
			`priority: label of P1: bad label: empty`},
	}
	for _, tc := range tests {
		// Through encoding/json, which checks the syntax itself first.
		if err := json.Unmarshal([]byte(tc.in), priority.ITIL()); err == nil {
			t.Errorf("%s: json.Unmarshal(%s) = nil want an error", tc.name, tc.in)
		}
		m := priority.ITIL()
		err := m.UnmarshalJSON([]byte(tc.in))
		if err == nil {
			t.Errorf("%s: Unmarshal(%s) = nil want an error", tc.name, tc.in)
			continue
		}
		if tc.sentinel != nil && !errors.Is(err, tc.sentinel) {
			t.Errorf("%s: Unmarshal(%s) = %v want %v", tc.name, tc.in, err, tc.sentinel)
		}
		if !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: Unmarshal(%s) = %q want it to contain %q", tc.name, tc.in, err, tc.msg)
		}
		assertSameMatrix(t, priority.ITIL(), m) // unchanged on error
	}
}

// TestUnmarshalJSONKeepsOtherValues checks that unmarshalling into a matrix
// does not change a copy of its old value.
func TestUnmarshalJSONKeepsOtherValues(t *testing.T) {
	m := priority.ITIL()
	old := *m
	require.NoError(t, json.Unmarshal([]byte(`{"impacts":["A"],"urgencies":["X"],"grid":[[2]]}`), m))
	assert.Equal(t, []string{"A"}, m.Impacts())
	assertSameMatrix(t, priority.ITIL(), &old)
}

// assertSameMatrix checks that got has want's axes, cells, levels and
// labels.
func assertSameMatrix(t *testing.T, want, got *priority.Matrix) {
	t.Helper()
	require.NotNil(t, got)
	assert.Equal(t, want.Impacts(), got.Impacts(), "impacts")
	assert.Equal(t, want.Urgencies(), got.Urgencies(), "urgencies")
	assert.Equal(t, want.Levels(), got.Levels(), "levels")
	for _, i := range want.Impacts() {
		for _, u := range want.Urgencies() {
			wp, werr := want.Priority(i, u)
			gp, gerr := got.Priority(i, u)
			if wp != gp || (werr == nil) != (gerr == nil) {
				t.Errorf("Priority(%q, %q) = %v, %v want %v, %v", i, u, gp, gerr, wp, werr)
			}
		}
	}
	for p := priority.Priority(0); int(p) <= want.Levels()+1; p++ {
		assert.Equal(t, want.Label(p), got.Label(p), "Label(%v)", p)
	}
}

// FuzzUnmarshalJSON checks that the JSON loader never panics, that what it
// accepts obeys the matrix rules, and that an accepted matrix round-trips:
// marshalling it and loading the result gives the same matrix and the same
// bytes.
func FuzzUnmarshalJSON(f *testing.F) {
	f.Add([]byte(itilJSON))
	f.Add([]byte(`{"impacts":["A","B"],"urgencies":["X"],"grid":[[1],[3]]}`))
	f.Add([]byte(`{"impacts":["A"],"urgencies":["X","Y"],"grid":[[1,2]],"labels":["Now","Soon","Later"]}`))
	f.Add([]byte(`{"impacts":["A","B"],"urgencies":["X","Y"],"grid":[[1,2],[3]]}`))
	f.Add([]byte(`{"impacts":["ä","Ä"],"urgencies":["X"],"grid":[[1],[2]]}`))
	f.Add([]byte(`{"impacts":["A"],"urgencies":["X"],"grid":[[1]],"labels":["P2"]}`))
	f.Add([]byte(`{"impacts":["A"],"urgencies":["X"],"grid":[[1]],"extra":1}`))
	f.Add([]byte(`{"impacts":["\ud800"],"urgencies":["X"],"grid":[[9223372036854775807]]}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var m priority.Matrix
		if err := m.UnmarshalJSON(data); err != nil {
			return
		}
		if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
			return
		}
		impacts, urgencies := m.Impacts(), m.Urgencies()
		if len(impacts) == 0 || len(urgencies) == 0 || m.Levels() < 1 {
			t.Fatalf("accepted %q with %d impacts, %d urgencies, %d levels", data, len(impacts), len(urgencies), m.Levels())
		}
		for _, i := range impacts {
			for _, u := range urgencies {
				p, err := m.Priority(i, u)
				if err != nil || !m.Valid(p) {
					t.Fatalf("accepted %q but Priority(%q, %q) = %v, %v", data, i, u, p, err)
				}
			}
		}
		b1, err := json.Marshal(&m)
		if err != nil {
			t.Fatalf("Marshal of accepted %q: %v", data, err)
		}
		var m2 priority.Matrix
		if err := json.Unmarshal(b1, &m2); err != nil {
			t.Fatalf("reloading %s (from %q): %v", b1, data, err)
		}
		b2, err := json.Marshal(&m2)
		if err != nil {
			t.Fatalf("Marshal of reloaded %s: %v", b1, err)
		}
		if !bytes.Equal(b1, b2) {
			t.Fatalf("round trip changed %s to %s", b1, b2)
		}
		if m2.Levels() != m.Levels() || m2.String() != m.String() {
			t.Fatalf("round trip changed the matrix:\n%s\nto\n%s", &m, &m2)
		}
		for p := priority.Priority(1); int(p) <= min(m.Levels(), 50); p++ {
			if m.Label(p) != m2.Label(p) {
				t.Fatalf("round trip changed the label of %v from %q to %q", p, m.Label(p), m2.Label(p))
			}
		}
	})
}

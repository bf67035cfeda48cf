package priority

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// jsonMatrix is the JSON form of a Matrix.
type jsonMatrix struct {
	Impacts   []string     `json:"impacts"`
	Urgencies []string     `json:"urgencies"`
	Grid      [][]Priority `json:"grid"`
	Labels    []string     `json:"labels,omitempty"`
}

// MarshalJSON encodes m as a JSON object with the fields "impacts" and
// "urgencies" (lists of strings), "grid" (a list of rows, one per impact,
// each a list of priority numbers, one per urgency) and, if m has labels,
// "labels" (a list of strings, the first naming P1). The ITIL matrix
// encodes as
//
//	{"impacts":["High","Medium","Low"],"urgencies":["High","Medium","Low"],
//	 "grid":[[1,2,3],[2,3,4],[3,4,5]],
//	 "labels":["Critical","High","Medium","Low","Planning"]}
//
// (on one line). [Matrix.UnmarshalJSON] reads it back to an equal matrix.
// The zero Matrix has no JSON form: encoding it is an error wrapping
// [ErrAxis].
func (m Matrix) MarshalJSON() ([]byte, error) {
	if len(m.impacts) == 0 {
		return nil, fmt.Errorf("priority: json: %w: cannot encode the zero Matrix", ErrAxis)
	}
	return json.Marshal(jsonMatrix{
		Impacts:   m.impacts,
		Urgencies: m.urgencies,
		Grid:      m.rows(),
		Labels:    m.labels,
	})
}

// UnmarshalJSON decodes a matrix in the form [Matrix.MarshalJSON] writes and
// validates it as [NewMatrix] and [Matrix.WithLabels] do, with the same
// errors. "impacts", "urgencies" and "grid" are required and "labels" is
// optional (absent, null and [] all mean no labels). Field names must be
// spelled exactly as shown: an unknown field, a field given twice, a
// priority that is not a whole number, or anything after the object is an
// error. As encoding/json does, the literal null leaves m unchanged.
//
// UnmarshalJSON replaces the whole of *m only once the input has passed
// every check; on error *m is unchanged. It never writes into the slices of
// the matrix it replaces, so copies of the old value, and other matrices,
// are unaffected. Like any assignment, it must not run while other
// goroutines use *m: decode into a fresh value (json.Unmarshal into a nil
// *Matrix allocates one) and share that.
func (m *Matrix) UnmarshalJSON(data []byte) error {
	if m == nil {
		return errors.New("priority: json: UnmarshalJSON on a nil *Matrix")
	}
	var f jsonMatrix
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("priority: json: %w", err)
	}
	if tok == nil { // null: a no-op, as encoding/json's convention asks
		return checkEOF(dec)
	}
	if tok != json.Delim('{') {
		return fmt.Errorf("priority: json: want an object, got %s", describe(tok))
	}
	seen := make(map[string]bool, 4)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fmt.Errorf("priority: json: %w", err)
		}
		key, _ := tok.(string) // object keys are always strings
		var dst any
		switch key {
		case "impacts":
			dst = &f.Impacts
		case "urgencies":
			dst = &f.Urgencies
		case "grid":
			dst = &f.Grid
		case "labels":
			dst = &f.Labels
		default:
			return fmt.Errorf("priority: json: unknown field %q (want impacts, urgencies, grid, labels)", key)
		}
		if seen[key] {
			return fmt.Errorf("priority: json: field %q given twice", key)
		}
		seen[key] = true
		if err := dec.Decode(dst); err != nil {
			return fmt.Errorf("priority: json: field %q: %w", key, err)
		}
	}
	if _, err := dec.Token(); err != nil { // the closing '}'
		return fmt.Errorf("priority: json: %w", err)
	}
	if err := checkEOF(dec); err != nil {
		return err
	}
	for _, key := range [...]string{"impacts", "urgencies", "grid"} {
		if !seen[key] {
			return fmt.Errorf("priority: json: missing field %q", key)
		}
	}
	if len(f.Labels) == 0 {
		f.Labels = nil
	}
	nm, err := build(f.Impacts, f.Urgencies, f.Grid, f.Labels)
	if err != nil {
		return err
	}
	*m = *nm
	return nil
}

// checkEOF returns an error if dec has more than white space left.
func checkEOF(dec *json.Decoder) error {
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("priority: json: data after the matrix")
	}
	return nil
}

// describe names a JSON token for an error message.
func describe(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		return string(t)
	case string:
		return "a string"
	case bool:
		return "a boolean"
	default:
		return "a number"
	}
}

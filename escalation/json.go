package escalation

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/slakit/slakit/internal/jsonx"
	"github.com/slakit/slakit/sla"
)

// The JSON form of a ladder:
//
//	{"metric": "resolution", "levels": [
//	  {"name": "warn", "at": "75%", "actions": [{"kind": "notify", "recipients": ["team-lead"]}]},
//	  {"name": "due-soon", "at": "-30m", "actions": [{"kind": "reassign", "group": "tier-2"}]},
//	  {"name": "late", "at": "+1h", "actions": [{"kind": "raise_priority", "levels": 1},
//	                                          {"kind": "page", "params": {"service": "desk"}}]}]}
type ladderJSON struct {
	Metric sla.Metric        `json:"metric"`
	Levels []json.RawMessage `json:"levels"`
}

type levelIn struct {
	Name    string            `json:"name"`
	At      *string           `json:"at"`
	Actions []json.RawMessage `json:"actions"`
}

type levelOut struct {
	Name    string   `json:"name"`
	At      Trigger  `json:"at"`
	Actions []Action `json:"actions,omitempty"`
}

// ErrSyntax reports JSON that is not a ladder: malformed, with unknown or
// mistyped fields, or with data after the ladder.
var ErrSyntax = errors.New("bad ladder JSON")

// ParseLadder reads a ladder from its JSON form, strictly: unknown fields,
// a missing "at", data after the ladder and anything [NewLadder] rejects
// are errors. "at" is a trigger as [ParseTrigger] reads it: "75%", "-30m"
// (before due) or "+1h" (after due). Actions have a "kind" and the fields
// of that kind: "recipients" (notify), "group" and "assignee" (reassign),
// "levels" (raise_priority), "params" (any other kind).
//
// Errors about one level are a [*LevelError] naming it; decoding errors
// wrap [ErrSyntax].
func ParseLadder(data []byte) (*Ladder, error) {
	var in ladderJSON
	if err := decodeStrict(data, &in); err != nil {
		return nil, fmt.Errorf("escalation: ladder: %w: %w", ErrSyntax, err)
	}
	if err := checkMetric(in.Metric); err != nil {
		return nil, err
	}
	levels := make([]Level, len(in.Levels))
	for i, raw := range in.Levels {
		var lv levelIn
		if err := decodeStrict(raw, &lv); err != nil {
			// Name the level if its name can be read at all.
			var named struct{ Name string }
			_ = json.Unmarshal(raw, &named)
			return nil, &LevelError{Index: i, Name: named.Name, Err: fmt.Errorf("%w: %w", ErrSyntax, err)}
		}
		if lv.At == nil {
			return nil, &LevelError{Index: i, Name: lv.Name, Field: "at", Err: fmt.Errorf("%w: missing", ErrBadTrigger)}
		}
		t, err := parseTrigger(*lv.At)
		if err != nil {
			return nil, &LevelError{Index: i, Name: lv.Name, Field: "at", Err: err}
		}
		actions := make([]Action, len(lv.Actions))
		for k, raw := range lv.Actions {
			err := decodeStrict(raw, &actions[k])
			if err != nil {
				return nil, &LevelError{Index: i, Name: lv.Name, Field: fmt.Sprintf("actions[%d]", k), Err: fmt.Errorf("%w: %w", ErrSyntax, err)}
			}
		}
		levels[i] = Level{Name: lv.Name, When: t, Actions: actions}
	}
	return NewLadder(in.Metric, levels...)
}

// decodeStrict decodes one JSON value from data into v with
// jsonx.DecodeStrict: unknown fields, keys that differ in case from a
// field's name, repeated keys and data after the value are errors.
func decodeStrict(data []byte, v any) error {
	return jsonx.DecodeStrict(data, v)
}

// MarshalJSON writes l in the form [ParseLadder] reads. It fails for a
// ladder with an invalid trigger, which only a composite literal can hold.
func (l Ladder) MarshalJSON() ([]byte, error) {
	out := struct {
		Metric sla.Metric `json:"metric"`
		Levels []levelOut `json:"levels"`
	}{Metric: l.Metric, Levels: make([]levelOut, len(l.Levels))}
	for i, lv := range l.Levels {
		out.Levels[i] = levelOut{Name: lv.Name, At: lv.When, Actions: lv.Actions}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads l from the form [ParseLadder] reads, with the same
// checks; l is left unchanged on error.
func (l *Ladder) UnmarshalJSON(data []byte) error {
	v, err := ParseLadder(data)
	if err != nil {
		return err
	}
	*l = *v
	return nil
}

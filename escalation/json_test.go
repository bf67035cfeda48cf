package escalation_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/escalation"
	"github.com/slakit/slakit/sla"
)

const issueJSON = `{"metric":"resolution","levels":[{"name":"warn","at":"75%","actions":[{"kind":"notify","recipients":["team-lead"]}]}]}`

func TestParseLadder(t *testing.T) {
	l, err := escalation.ParseLadder([]byte(issueJSON))
	if err != nil {
		t.Fatal(err)
	}
	want := &escalation.Ladder{Metric: sla.Resolution, Levels: []escalation.Level{
		{Name: "warn", When: escalation.AtPercent(75), Actions: []escalation.Action{escalation.Notify("team-lead")}}}}
	if !reflect.DeepEqual(l, want) {
		t.Errorf("ParseLadder(issue example) = %+v want %+v", l, want)
	}
	full := `{"metric": "first_response", "levels": [
	  {"name": "soon", "at": "-30m", "actions": [{"kind": "reassign", "group": "tier-2", "assignee": "alice"}]},
	  {"name": "due", "at": "100%"},
	  {"name": "late", "at": "+1h30m", "actions": [{"kind": "raise_priority", "levels": 2},
	      {"kind": "page", "params": {"service": "desk"}}, {"kind": "noop"}]}]}`
	l, err = escalation.ParseLadder([]byte(full))
	if err != nil {
		t.Fatal(err)
	}
	want = &escalation.Ladder{Metric: sla.FirstResponse, Levels: []escalation.Level{
		{Name: "soon", When: escalation.BeforeDue(30 * time.Minute), Actions: []escalation.Action{escalation.Reassign("tier-2", "alice")}},
		{Name: "due", When: escalation.AtPercent(100)},
		{Name: "late", When: escalation.AfterDue(90 * time.Minute), Actions: []escalation.Action{
			escalation.RaisePriority(2), escalation.Custom("page", map[string]string{"service": "desk"}), escalation.Custom("noop", nil)}},
	}}
	if !reflect.DeepEqual(l, want) {
		t.Errorf("ParseLadder(full) = %+v want %+v", l, want)
	}
	// Round trip through MarshalJSON and UnmarshalJSON.
	b, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON := `{"metric":"first_response","levels":[{"name":"soon","at":"-30m","actions":[{"kind":"reassign","group":"tier-2","assignee":"alice"}]},` +
		`{"name":"due","at":"100%"},{"name":"late","at":"+1h30m","actions":[{"kind":"raise_priority","levels":2},{"kind":"page","params":{"service":"desk"}},{"kind":"noop"}]}]}`
	if string(b) != wantJSON {
		t.Errorf("Marshal = %s\nwant      %s", b, wantJSON)
	}
	var back escalation.Ladder
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(&back, l) {
		t.Errorf("Unmarshal(Marshal(l)) = %+v, %v want %+v", back, err, l)
	}
	// The AtRisk ladder round-trips too.
	ar, _ := escalation.AtRisk(sla.NextResponse)
	b, err = json.Marshal(ar)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := escalation.ParseLadder(b); err != nil || !reflect.DeepEqual(got, ar) {
		t.Errorf("ParseLadder(Marshal(AtRisk)) = %+v, %v", got, err)
	}
}

func TestParseLadderErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		is    error
		index int // -1: not a LevelError
		msg   string
	}{
		{"not JSON", `{`, escalation.ErrSyntax, -1, "escalation: ladder"},
		{"array", `[]`, escalation.ErrSyntax, -1, ""},
		{"unknown top field", `{"metric":"resolution","levels":[],"x":1}`, escalation.ErrSyntax, -1, `unknown field "x"`},
		{"trailing data", issueJSON + `{}`, escalation.ErrSyntax, -1, "data after"},
		{"bad metric", `{"metric":"csat","levels":[{"name":"a","at":"50%"}]}`, sla.ErrUnknownMetric, -1, `metric "csat"`},
		{"missing metric", `{"levels":[{"name":"a","at":"50%"}]}`, sla.ErrUnknownMetric, -1, `metric ""`},
		{"no levels", `{"metric":"resolution","levels":[]}`, escalation.ErrEmptyLadder, -1, ""},
		{"null levels", `{"metric":"resolution","levels":null}`, escalation.ErrEmptyLadder, -1, ""},
		{"unknown level field", `{"metric":"resolution","levels":[{"name":"warn","at":"50%","when":"x"}]}`, escalation.ErrSyntax, 0, `level 0 "warn": bad ladder JSON: unknown field "when"`},
		{"key in the wrong case", `{"Metric":"resolution","levels":[{"name":"a","at":"50%"}]}`, escalation.ErrSyntax, -1, `unknown field "Metric"`},
		{"level key in the wrong case", `{"metric":"resolution","levels":[{"name":"a","AT":"50%"}]}`, escalation.ErrSyntax, 0, `unknown field "AT"`},
		{"duplicate key", `{"metric":"resolution","levels":[{"name":"a","at":"50%","at":"60%"}]}`, escalation.ErrSyntax, 0, `"at" appears twice`},
		{"action key in the wrong case", `{"metric":"resolution","levels":[{"name":"a","at":"75%","actions":[{"Kind":"notify","recipients":["x"]}]}]}`, escalation.ErrSyntax, 0, `actions[0]: bad ladder JSON: unknown field "Kind"`},
		{"missing at", `{"metric":"resolution","levels":[{"name":"a","at":"50%"},{"name":"b"}]}`, escalation.ErrBadTrigger, 1, `level 1 "b": at: bad trigger: missing`},
		{"bad at", `{"metric":"resolution","levels":[{"name":"warn","at":"75"}]}`, escalation.ErrBadTrigger, 0, `level 0 "warn": at: "75": bad trigger`},
		{"at a number", `{"metric":"resolution","levels":[{"name":"warn","at":75}]}`, escalation.ErrSyntax, 0, `level 0 "warn"`},
		{"null level", `{"metric":"resolution","levels":[null]}`, escalation.ErrBadTrigger, 0, "missing"},
		{"out of order", `{"metric":"resolution","levels":[{"name":"a","at":"75%"},{"name":"b","at":"50%"}]}`, escalation.ErrOrder, 1, `level 1 "b": at: levels out of order`},
		{"unknown action field", `{"metric":"resolution","levels":[{"name":"a","at":"75%","actions":[{"kind":"notify","to":["x"]}]}]}`, escalation.ErrSyntax, 0, `unknown field "to"`},
		{"bad action", `{"metric":"resolution","levels":[{"name":"a","at":"75%","actions":[{"kind":"notify"}]}]}`, escalation.ErrBadAction, 0, `level 0 "a": actions[0]: bad action`},
		{"duplicate name", `{"metric":"resolution","levels":[{"name":"a","at":"50%"},{"name":"a","at":"75%"}]}`, escalation.ErrDuplicateName, 1, ""},
	}
	for _, tc := range tests {
		l, err := escalation.ParseLadder([]byte(tc.in))
		if err == nil {
			t.Errorf("%s: ParseLadder = %+v, nil want an error", tc.name, l)
			continue
		}
		if !errors.Is(err, tc.is) || !strings.HasPrefix(err.Error(), "escalation: ") || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: ParseLadder error %q want one wrapping %v containing %q", tc.name, err, tc.is, tc.msg)
		}
		var le *escalation.LevelError
		if got := errors.As(err, &le); got != (tc.index >= 0) || (got && le.Index != tc.index) {
			t.Errorf("%s: ParseLadder error %q: LevelError %v, want index %d", tc.name, err, le, tc.index)
		}
	}
	// UnmarshalJSON leaves the ladder alone on error.
	l := escalation.Ladder{Metric: sla.Resolution}
	if err := json.Unmarshal([]byte(`{"metric":"x"}`), &l); err == nil || l.Metric != sla.Resolution {
		t.Errorf("Unmarshal(bad) = %v, left %+v", err, l)
	}
	// A literal ladder with an invalid trigger cannot be written.
	bad := escalation.Ladder{Metric: sla.Resolution, Levels: []escalation.Level{{Name: "a"}}}
	if _, err := json.Marshal(bad); !errors.Is(err, escalation.ErrBadTrigger) {
		t.Errorf("Marshal(invalid trigger) error = %v want ErrBadTrigger", err)
	}
}

func FuzzParseLadder(f *testing.F) {
	f.Add([]byte(issueJSON))
	f.Add([]byte(`{"metric":"first_response","levels":[{"name":"a","at":"-30m","actions":[{"kind":"reassign","group":"g"}]},{"name":"b","at":"+1h","actions":[{"kind":"x","params":{"k":"v"}}]}]}`))
	f.Add([]byte(`{"metric":"resolution","levels":[{"name":"a","at":"50%"},{"name":"b","at":"-1h"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := escalation.ParseLadder(data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "escalation: ") {
				t.Fatalf("ParseLadder error %q lacks the package prefix", err)
			}
			return
		}
		b, err := json.Marshal(l)
		if err != nil {
			t.Fatalf("Marshal(ParseLadder(%q)) failed: %v", data, err)
		}
		back, err := escalation.ParseLadder(b)
		if err != nil || !reflect.DeepEqual(back, l) {
			t.Fatalf("round trip of %q via %s = %+v, %v want %+v", data, b, back, err, l)
		}
	})
}

package escalation_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/escalation"
	"github.com/slakit/slakit/sla"
)

func TestNewLadderErrors(t *testing.T) {
	const h = time.Hour
	notify := escalation.Notify("lead")
	tests := []struct {
		name   string
		metric sla.Metric
		levels []escalation.Level
		index  int    // -1: not a LevelError
		field  string // of the LevelError
		is     error
		msg    string // part of the message
	}{
		{"unknown metric", "csat", []escalation.Level{lv("a", escalation.AtPercent(50))}, -1, "", sla.ErrUnknownMetric, `metric "csat"`},
		{"empty metric", "", []escalation.Level{lv("a", escalation.AtPercent(50))}, -1, "", sla.ErrUnknownMetric, `metric ""`},
		{"no levels", sla.Resolution, nil, -1, "", escalation.ErrEmptyLadder, "resolution ladder"},
		{"no name", sla.Resolution, []escalation.Level{lv("a", escalation.AtPercent(50)), lv("", escalation.AtPercent(60))}, 1, "name", escalation.ErrNoName, `level 1 ""`},
		{"duplicate name", sla.Resolution, []escalation.Level{lv("a", escalation.AtPercent(50)), lv("a", escalation.AtPercent(60))}, 1, "name", escalation.ErrDuplicateName, "level 0 has it too"},
		{"no trigger", sla.Resolution, []escalation.Level{{Name: "a"}}, 0, "at", escalation.ErrBadTrigger, "no trigger"},
		{"zero share", sla.Resolution, []escalation.Level{lv("a", escalation.AtPercent(0))}, 0, "at", escalation.ErrBadTrigger, "share 0%"},
		{"negative share", sla.Resolution, []escalation.Level{lv("a", escalation.AtPercent(-10))}, 0, "at", escalation.ErrBadTrigger, "share -10%"},
		{"NaN share", sla.Resolution, []escalation.Level{lv("a", escalation.AtPercent(math.NaN()))}, 0, "at", escalation.ErrBadTrigger, "NaN"},
		{"infinite share", sla.Resolution, []escalation.Level{lv("a", escalation.AtPercent(math.Inf(1)))}, 0, "at", escalation.ErrBadTrigger, "+Inf"},
		{"zero offset", sla.Resolution, []escalation.Level{lv("a", escalation.BeforeDue(0))}, 0, "at", escalation.ErrBadTrigger, "offset 0s"},
		{"negative offset", sla.Resolution, []escalation.Level{lv("a", escalation.AfterDue(-h))}, 0, "at", escalation.ErrBadTrigger, "offset -1h0m0s"},
		{"shares descending", sla.Resolution, []escalation.Level{lv("warn", escalation.AtPercent(75)), lv("urgent", escalation.AtPercent(60))}, 1, "at", escalation.ErrOrder, `60% is not after level "warn" (75%)`},
		{"same share", sla.Resolution, []escalation.Level{lv("a", escalation.AtPercent(50)), lv("b", escalation.AtPercent(50))}, 1, "at", escalation.ErrOrder, "always falls with"},
		{"before due descending", sla.Resolution, []escalation.Level{lv("a", escalation.BeforeDue(30*time.Minute)), lv("b", escalation.BeforeDue(h))}, 1, "at", escalation.ErrOrder, "-1h is not after"},
		{"after due descending", sla.Resolution, []escalation.Level{lv("a", escalation.AfterDue(2*h)), lv("b", escalation.AfterDue(h))}, 1, "at", escalation.ErrOrder, "+1h is not after"},
		{"before due after the breach", sla.Resolution, []escalation.Level{lv("a", escalation.AtPercent(100)), lv("b", escalation.BeforeDue(h))}, 1, "at", escalation.ErrOrder, ""},
		{"breach after after-due", sla.Resolution, []escalation.Level{lv("a", escalation.AfterDue(h)), lv("b", escalation.AtPercent(100))}, 1, "at", escalation.ErrOrder, ""},
		{"share below 100 after after-due", sla.Resolution, []escalation.Level{lv("a", escalation.AfterDue(h)), lv("b", escalation.AtPercent(90))}, 1, "at", escalation.ErrOrder, ""},
		{"out of order with an earlier level", sla.Resolution, []escalation.Level{lv("a", escalation.AtPercent(50)), lv("b", escalation.BeforeDue(h)), lv("c", escalation.AtPercent(40))}, 2, "at", escalation.ErrOrder, `level "a"`},
		{"empty action kind", sla.Resolution, []escalation.Level{{Name: "a", When: escalation.AtPercent(50), Actions: []escalation.Action{notify, {}}}}, 0, "actions[1]", escalation.ErrBadAction, "kind is empty"},
		{"notify nobody", sla.Resolution, []escalation.Level{{Name: "a", When: escalation.AtPercent(50), Actions: []escalation.Action{escalation.Notify()}}}, 0, "actions[0]", escalation.ErrBadAction, "at least one recipient"},
		{"notify empty recipient", sla.Resolution, []escalation.Level{{Name: "a", When: escalation.AtPercent(50), Actions: []escalation.Action{escalation.Notify("x", "")}}}, 0, "actions[0]", escalation.ErrBadAction, "recipient 1 is empty"},
		{"notify with a group", sla.Resolution, []escalation.Level{{Name: "a", When: escalation.AtPercent(50), Actions: []escalation.Action{{Kind: escalation.KindNotify, Recipients: []string{"x"}, Group: "g"}}}}, 0, "actions[0]", escalation.ErrBadAction, "only recipients"},
		{"reassign nowhere", sla.Resolution, []escalation.Level{{Name: "a", When: escalation.AtPercent(50), Actions: []escalation.Action{escalation.Reassign("", "")}}}, 0, "actions[0]", escalation.ErrBadAction, "group or an assignee"},
		{"reassign with levels", sla.Resolution, []escalation.Level{{Name: "a", When: escalation.AtPercent(50), Actions: []escalation.Action{{Kind: escalation.KindReassign, Group: "g", Levels: 1}}}}, 0, "actions[0]", escalation.ErrBadAction, "only group and assignee"},
		{"raise by 0", sla.Resolution, []escalation.Level{{Name: "a", When: escalation.AtPercent(50), Actions: []escalation.Action{escalation.RaisePriority(0)}}}, 0, "actions[0]", escalation.ErrBadAction, "by 0 levels"},
		{"raise with recipients", sla.Resolution, []escalation.Level{{Name: "a", When: escalation.AtPercent(50), Actions: []escalation.Action{{Kind: escalation.KindRaisePriority, Levels: 1, Recipients: []string{"x"}}}}}, 0, "actions[0]", escalation.ErrBadAction, "only levels"},
		{"built-in with params", sla.Resolution, []escalation.Level{{Name: "a", When: escalation.AtPercent(50), Actions: []escalation.Action{{Kind: escalation.KindNotify, Recipients: []string{"x"}, Params: map[string]string{}}}}}, 0, "actions[0]", escalation.ErrBadAction, "notify takes no params"},
		{"custom with recipients", sla.Resolution, []escalation.Level{{Name: "a", When: escalation.AtPercent(50), Actions: []escalation.Action{{Kind: "page", Recipients: []string{"x"}}}}}, 0, "actions[0]", escalation.ErrBadAction, `custom kind "page" takes only params`},
		{"custom empty parameter name", sla.Resolution, []escalation.Level{{Name: "a", When: escalation.AtPercent(50), Actions: []escalation.Action{escalation.Custom("page", map[string]string{"": "x"})}}}, 0, "actions[0]", escalation.ErrBadAction, "empty parameter name"},
	}
	for _, tc := range tests {
		l, err := escalation.NewLadder(tc.metric, tc.levels...)
		if err == nil {
			t.Errorf("%s: NewLadder = %v, nil want an error", tc.name, l)
			continue
		}
		if !errors.Is(err, tc.is) || !strings.HasPrefix(err.Error(), "escalation: ") || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: NewLadder error %q want one wrapping %v and containing %q", tc.name, err, tc.is, tc.msg)
		}
		var le *escalation.LevelError
		switch {
		case tc.index < 0 && errors.As(err, &le):
			t.Errorf("%s: NewLadder error %q is a LevelError", tc.name, err)
		case tc.index >= 0 && !errors.As(err, &le):
			t.Errorf("%s: NewLadder error %q is not a LevelError", tc.name, err)
		case tc.index >= 0 && (le.Index != tc.index || le.Field != tc.field || le.Name != tc.levels[tc.index].Name):
			t.Errorf("%s: LevelError{%d %q %q} want {%d %q %q}", tc.name, le.Index, le.Name, le.Field, tc.index, tc.levels[tc.index].Name, tc.field)
		}
	}
}

func TestNewLadderAccepts(t *testing.T) {
	const h = time.Hour
	for _, levels := range [][]escalation.Level{
		{lv("a", escalation.AtPercent(50))},
		{lv("a", escalation.AtPercent(0.001)), lv("b", escalation.AtPercent(1000))},
		{lv("a", escalation.BeforeDue(h)), lv("b", escalation.BeforeDue(time.Minute)), lv("c", escalation.AtPercent(100)), lv("d", escalation.AfterDue(time.Minute))},
		// Mixed pairs: resolved per clock.
		{lv("a", escalation.AtPercent(50)), lv("b", escalation.BeforeDue(30*time.Minute)), lv("c", escalation.AtPercent(90))},
		{lv("a", escalation.BeforeDue(4*h)), lv("b", escalation.AtPercent(10))},
		{lv("a", escalation.AtPercent(150)), lv("b", escalation.AfterDue(h))},
		{lv("a", escalation.AtPercent(99)), lv("b", escalation.AfterDue(h))},
		{{Name: "no actions", When: escalation.AtPercent(50)}},
		{{Name: "all kinds", When: escalation.AtPercent(50), Actions: []escalation.Action{
			escalation.Notify("a", "b"), escalation.Reassign("tier-2", ""), escalation.Reassign("", "alice"),
			escalation.RaisePriority(2), escalation.Custom("page", nil), escalation.Custom("webhook", map[string]string{"url": "x"})}}},
	} {
		if _, err := escalation.NewLadder(sla.FirstResponse, levels...); err != nil {
			t.Errorf("NewLadder(%v) = %v want no error", names(levels), err)
		}
	}
}

// NewLadder and the action constructors copy what they are given.
func TestCopies(t *testing.T) {
	recipients := []string{"alice", "bob"}
	params := map[string]string{"service": "desk"}
	levels := []escalation.Level{{Name: "a", When: escalation.AtPercent(50), Actions: []escalation.Action{
		escalation.Notify(recipients...), escalation.Custom("page", params)}}}
	l := ladder(t, sla.Resolution, levels...)
	recipients[0] = "mallory"
	params["service"] = "other"
	levels[0].Name = "changed"
	levels[0].Actions[0] = escalation.RaisePriority(1)
	got := l.Levels[0]
	if got.Name != "a" || got.Actions[0].Kind != escalation.KindNotify || !slices.Equal(got.Actions[0].Recipients, []string{"alice", "bob"}) ||
		got.Actions[1].Params["service"] != "desk" {
		t.Errorf("ladder changed with its inputs: %+v", got)
	}
	// A ladder built from the same levels is not aliased either.
	l2 := ladder(t, sla.Resolution, l.Levels...)
	l2.Levels[0].Actions[0].Recipients[0] = "eve"
	if l.Levels[0].Actions[0].Recipients[0] != "alice" {
		t.Errorf("second ladder aliases the first")
	}
}

func TestAtRisk(t *testing.T) {
	l, err := escalation.AtRisk(sla.Resolution)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := escalation.AtRisk("csat"); !errors.Is(err, sla.ErrUnknownMetric) {
		t.Errorf("AtRisk(csat) error = %v want ErrUnknownMetric", err)
	}
	// 8 calendar hours from 09:00: 50% 13:00, 75% 15:00, 90% 16:12, due
	// 17:00, an hour later 18:00.
	p := policy(desk(t), sla.Target{Metric: sla.Resolution, Within: 8 * time.Hour, CalendarTime: true})
	got := run(t, p, []sla.Event{created(at(3, 2, 9, 0))}, every(at(3, 2, 9, 0), at(3, 2, 20, 0), 5*time.Minute), l)
	want := []crossing{
		{sla.Resolution, 1, "half-time", at(3, 2, 13, 0).UnixNano()},
		{sla.Resolution, 1, "at-risk", at(3, 2, 15, 0).UnixNano()},
		{sla.Resolution, 1, "critical", at(3, 2, 16, 12).UnixNano()},
		{sla.Resolution, 1, "breached", at(3, 2, 17, 0).UnixNano()},
		{sla.Resolution, 1, "breached-1h", at(3, 2, 18, 0).UnixNano()},
	}
	if !slices.Equal(got, want) {
		t.Errorf("AtRisk fired %v want %v", got, want)
	}
	if a := l.Levels[3].Actions[0]; a.Kind != escalation.KindNotify || !slices.Equal(a.Recipients, []string{escalation.RoleAssignee, escalation.RoleGroupLead, escalation.RoleManager}) {
		t.Errorf("breached notifies %+v", a)
	}
}

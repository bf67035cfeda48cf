package escalation_test

import (
	"testing"

	"github.com/slakit/slakit/escalation"
)

func TestActionString(t *testing.T) {
	tests := []struct {
		a    escalation.Action
		want string
	}{
		{escalation.Notify("assignee", "team-lead"), "notify assignee, team-lead"},
		{escalation.Reassign("tier-2", ""), "reassign to tier-2"},
		{escalation.Reassign("", "alice"), "reassign to alice"},
		{escalation.Reassign("tier-2", "alice"), "reassign to tier-2 (alice)"},
		{escalation.RaisePriority(1), "raise priority by 1"},
		{escalation.Custom("page", map[string]string{"service": "db"}), "page"},
	}
	for _, tc := range tests {
		if got := tc.a.String(); got != tc.want {
			t.Errorf("%#v.String() = %q want %q", tc.a, got, tc.want)
		}
	}
}

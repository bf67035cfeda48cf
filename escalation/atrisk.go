package escalation

import (
	"time"

	"github.com/slakit/slakit/sla"
)

// Recipient roles that the [AtRisk] ladder notifies. They are opaque
// strings to the library; a helpdesk resolves them to the ticket's
// assignee, the lead of the ticket's group and the service manager.
const (
	RoleAssignee  = "assignee"
	RoleGroupLead = "group_lead"
	RoleManager   = "manager"
)

// AtRisk returns the ladder most desks can use as is for metric m:
//
//	name         at    notifies
//	half-time    50%   assignee
//	at-risk      75%   assignee, group_lead
//	critical     90%   assignee, group_lead
//	breached     100%  assignee, group_lead, manager
//	breached-1h  +1h   group_lead, manager
//
// The recipients are the roles [RoleAssignee], [RoleGroupLead] and
// [RoleManager]. It reports an error only for an unknown metric. Build a
// ladder with [NewLadder] or [ParseLadder] for other levels or actions.
func AtRisk(m sla.Metric) (*Ladder, error) {
	return NewLadder(m,
		Level{Name: "half-time", When: AtPercent(50), Actions: []Action{Notify(RoleAssignee)}},
		Level{Name: "at-risk", When: AtPercent(75), Actions: []Action{Notify(RoleAssignee, RoleGroupLead)}},
		Level{Name: "critical", When: AtPercent(90), Actions: []Action{Notify(RoleAssignee, RoleGroupLead)}},
		Level{Name: "breached", When: AtPercent(100), Actions: []Action{Notify(RoleAssignee, RoleGroupLead, RoleManager)}},
		Level{Name: "breached-1h", When: AfterDue(time.Hour), Actions: []Action{Notify(RoleGroupLead, RoleManager)}},
	)
}

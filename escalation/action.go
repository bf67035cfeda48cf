package escalation

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// ActionKind names what an [Action] asks the helpdesk to do. The built-in
// kinds are [KindNotify], [KindReassign] and [KindRaisePriority]; any other
// non-empty kind is a custom action for plugins ([Custom]).
type ActionKind string

// The built-in action kinds.
const (
	KindNotify        ActionKind = "notify"         // tell Recipients
	KindReassign      ActionKind = "reassign"       // move the ticket to Group and/or Assignee
	KindRaisePriority ActionKind = "raise_priority" // make the ticket Levels priorities more urgent
)

// builtin reports whether k is one of the built-in kinds.
func (k ActionKind) builtin() bool {
	return k == KindNotify || k == KindReassign || k == KindRaisePriority
}

// Action is one thing a [Level] asks the helpdesk to do when it fires. It
// is data, not a callback: the library decides nothing about delivery, and
// the helpdesk maps recipients, groups and custom kinds onto its own
// mailers, queues and on-call tools.
//
// Which fields an action uses depends on its Kind:
//
//   - [KindNotify]: Recipients, at least one, none empty. Recipients are
//     opaque to the library: addresses, user ids or roles such as
//     "assignee" that the helpdesk resolves.
//   - [KindReassign]: Group, Assignee or both, at least one not empty.
//   - [KindRaisePriority]: Levels, at least 1 (priority 1 is the most
//     urgent, so raising by one moves P3 to P2).
//   - any other kind: Params, free string parameters for a plugin.
//
// Fields a kind does not use must be zero; [NewLadder] checks. Build actions
// with [Notify], [Reassign], [RaisePriority] and [Custom], which copy their
// arguments. An Action holds slices and maps: treat the actions of a ladder
// as read-only, and an Action is then safe for simultaneous use.
type Action struct {
	Kind       ActionKind        `json:"kind"`
	Recipients []string          `json:"recipients,omitempty"` // notify
	Group      string            `json:"group,omitempty"`      // reassign
	Assignee   string            `json:"assignee,omitempty"`   // reassign
	Levels     int               `json:"levels,omitempty"`     // raise_priority
	Params     map[string]string `json:"params,omitempty"`     // custom kinds
}

// Notify returns an action that notifies recipients. The slice is copied.
func Notify(recipients ...string) Action {
	return Action{Kind: KindNotify, Recipients: slices.Clone(recipients)}
}

// Reassign returns an action that moves the ticket to group, to assignee,
// or to both; either may be empty, not both.
func Reassign(group, assignee string) Action {
	return Action{Kind: KindReassign, Group: group, Assignee: assignee}
}

// RaisePriority returns an action that makes the ticket n priorities more
// urgent; n must be at least 1. How a helpdesk caps it (P1 stays P1) is its
// own business.
func RaisePriority(n int) Action {
	return Action{Kind: KindRaisePriority, Levels: n}
}

// Custom returns an action of a plugin-defined kind with string
// parameters. kind must not be empty nor a built-in kind. The map is
// copied.
func Custom(kind string, params map[string]string) Action {
	return Action{Kind: ActionKind(kind), Params: maps.Clone(params)}
}

// ErrBadAction reports an action whose fields do not fit its kind.
var ErrBadAction = errors.New("bad action")

// check reports why a is not a valid action, or nil.
func (a Action) check() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrBadAction}, args...)...)
	}
	if a.Kind == "" {
		return bad("kind is empty")
	}
	if !a.Kind.builtin() && (a.Recipients != nil || a.Group != "" || a.Assignee != "" || a.Levels != 0) {
		return bad("custom kind %q takes only params", a.Kind)
	}
	if a.Kind.builtin() && a.Params != nil {
		return bad("%s takes no params", a.Kind)
	}
	switch a.Kind {
	case KindNotify:
		if len(a.Recipients) == 0 {
			return bad("notify needs at least one recipient")
		}
		for i, r := range a.Recipients {
			if r == "" {
				return bad("notify recipient %d is empty", i)
			}
		}
		if a.Group != "" || a.Assignee != "" || a.Levels != 0 {
			return bad("notify takes only recipients")
		}
	case KindReassign:
		if a.Group == "" && a.Assignee == "" {
			return bad("reassign needs a group or an assignee")
		}
		if a.Recipients != nil || a.Levels != 0 {
			return bad("reassign takes only group and assignee")
		}
	case KindRaisePriority:
		if a.Levels < 1 {
			return bad("raise_priority by %d levels; want at least 1", a.Levels)
		}
		if a.Recipients != nil || a.Group != "" || a.Assignee != "" {
			return bad("raise_priority takes only levels")
		}
	default:
		for k := range a.Params {
			if k == "" {
				return bad("custom kind %q has an empty parameter name", a.Kind)
			}
		}
	}
	return nil
}

// String describes a for people: "notify assignee, team-lead",
// "reassign to tier-2", "reassign to tier-2 (alice)", "raise priority by 1",
// or a custom action's kind.
func (a Action) String() string {
	switch a.Kind {
	case KindNotify:
		return "notify " + strings.Join(a.Recipients, ", ")
	case KindReassign:
		if a.Group != "" && a.Assignee != "" {
			return "reassign to " + a.Group + " (" + a.Assignee + ")"
		}
		return "reassign to " + a.Group + a.Assignee
	case KindRaisePriority:
		return "raise priority by " + strconv.Itoa(a.Levels)
	}
	return string(a.Kind)
}

// clone returns a deep copy of a. Empty parameters are kept as nil, so an
// action reads back from JSON as it was built ("params": {} is omitted).
func (a Action) clone() Action {
	a.Recipients = slices.Clone(a.Recipients)
	a.Params = maps.Clone(a.Params)
	if len(a.Params) == 0 {
		a.Params = nil
	}
	return a
}

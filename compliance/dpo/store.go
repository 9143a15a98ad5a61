package dpo

import (
	"context"
	"iter"

	"github.com/tillid/tillid/compliance"
)

// Store persists the DPO's log entries of each controller, with the
// contract every tillid Store keeps (see the README's "Implementing a
// Store"). dpotest has NewMemStore and the conformance suite Run.
type Store interface {
	Get(ctx context.Context, c compliance.ControllerID, id EntryID) (Entry, error)
	Put(ctx context.Context, c compliance.ControllerID, e Entry) error
	List(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Entry, error]
}

// Filter selects entries. The zero Filter means every entry.
type Filter struct {
	Task Task
	// Year selects the entries of one calendar year.
	Year int
}

// Match reports whether e is selected by f.
func (f Filter) Match(e Entry) bool {
	return (f.Task == 0 || e.Task == f.Task) && (f.Year == 0 || e.On.Year == f.Year)
}

// ConditionsStore persists the yearly assessments of the DPO's position,
// with the same contract. dpotest has NewMemConditionsStore and
// RunConditions.
type ConditionsStore interface {
	Get(ctx context.Context, c compliance.ControllerID, id ConditionsID) (Conditions, error)
	Put(ctx context.Context, c compliance.ControllerID, cond Conditions) error
	List(ctx context.Context, c compliance.ControllerID, f ConditionsFilter) iter.Seq2[Conditions, error]
}

// ConditionsFilter selects assessments. The zero value means all.
type ConditionsFilter struct {
	Year int
}

// Match reports whether c is selected by f.
func (f ConditionsFilter) Match(c Conditions) bool { return f.Year == 0 || c.Year == f.Year }

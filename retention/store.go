package retention

import (
	"context"
	"iter"

	"github.com/tillid/tillid/compliance"
)

// Store persists the retention rules of each controller. It is what a host
// implements (over its database) and what [Plan] builds on; every rule of
// this package runs in Plan, so a Store holds data and nothing else.
// Implementations must be safe for concurrent use. The retentiontest
// package has an in-memory Store (NewMemStore) and the conformance suite
// (Run) every implementation should pass.
type Store interface {
	// Get returns the rule id of controller c, or an error matching
	// [compliance.ErrNotFound].
	Get(ctx context.Context, c compliance.ControllerID, id compliance.RetentionRuleID) (Rule, error)

	// Put stores a copy of r for controller c. When r.Version is 0 it
	// creates the rule and fails with [compliance.ErrConflict] if the ID
	// exists; otherwise it replaces the stored rule only if the stored
	// Version equals r.Version, failing with [compliance.ErrConflict] if it
	// does not and [compliance.ErrNotFound] if there is no such rule. The
	// stored rule has Version r.Version+1.
	//
	// Put also fails with [compliance.ErrConflict] when another rule of c
	// has the same [Rule.ClassKey], whether r is created or updated: one
	// classification has one rule. A database store keeps the key in a
	// column with a unique index on (controller, key); the check and the
	// write must be one atomic step, because Plans in several processes
	// may add rules for the same controller at once.
	Put(ctx context.Context, c compliance.ControllerID, r Rule) error

	// List yields copies of controller c's rules that match f, in ID order.
	// It yields (Rule{}, err) as its last pair on failure, stops as soon as
	// the loop body stops, checks ctx between rules and holds no lock while
	// yielding (the loop body may call the Store). The sequence may be
	// ranged over more than once.
	List(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Rule, error]
}

// Filter selects rules in [Store.List]. Each set field narrows the
// selection; the zero Filter means every rule.
type Filter struct {
	// Jurisdiction selects the rules of one jurisdiction.
	Jurisdiction compliance.Jurisdiction
	// Scheme selects the rules of one scheme.
	Scheme Scheme
	// Class selects the rules for exactly this classification code.
	Class string
}

// Match reports whether r is selected by f. Stores may use it; a database
// store translates the same conditions into its query.
func (f Filter) Match(r Rule) bool {
	return (f.Jurisdiction == 0 || r.Jurisdiction == f.Jurisdiction) &&
		(f.Scheme == 0 || r.Scheme == f.Scheme) &&
		(f.Class == "" || r.Class == f.Class)
}

package breach

import (
	"context"
	"iter"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Store persists the breach register of one controller at a time. The host
// implements it; [breachtest.NewMemStore] is an in-memory one for tests,
// examples and prototypes, and [breachtest.Run] is the conformance suite a
// host runs against its own.
//
// Implementations must be safe for concurrent use and must copy values in
// and out (never keep or hand out a caller's slices).
type Store interface {
	// Get returns the breach id of controller c, or an error matching
	// [compliance.ErrNotFound] when there is none.
	Get(ctx context.Context, c compliance.ControllerID, id ID) (Breach, error)
	// Put stores b for controller c. With b.Version 0 it creates the record
	// and fails with [compliance.ErrConflict] if the ID exists; otherwise it
	// updates the record only if the stored Version equals b.Version,
	// failing with [compliance.ErrConflict] if it differs and
	// [compliance.ErrNotFound] if there is no record. The stored record has
	// Version b.Version+1.
	Put(ctx context.Context, c compliance.ControllerID, b Breach) error
	// List yields the breaches of controller c that match f ([Filter.Match];
	// the zero Filter matches all), in ID order. On failure it yields
	// (zero, err) as its last pair. It stops when the loop body stops,
	// checks ctx between records, and does not hold locks while yielding,
	// so the loop body may call the store. The sequence may be ranged over
	// more than once.
	List(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Breach, error]
}

// Filter selects breaches in [Store.List]. Every set field must match; the
// zero Filter matches every breach.
type Filter struct {
	// RegisteredFrom selects breaches registered at or after it; zero
	// means no lower bound.
	RegisteredFrom time.Time
	// RegisteredBefore selects breaches registered before it; zero means
	// no upper bound.
	RegisteredBefore time.Time
	// Classification selects one classification; zero means any, including
	// not yet classified.
	Classification Classification
	// Unclassified selects breaches not yet classified (and is inconsistent
	// with a Classification).
	Unclassified bool
	// Cause selects one cause; zero means any.
	Cause Cause
	// Processor selects breaches involving one processor; zero means any.
	Processor compliance.ProcessorID
}

// Match reports whether b matches f. Stores may use it to filter, or
// translate the Filter into their own query with the same meaning.
func (f Filter) Match(b Breach) bool {
	switch {
	case !f.RegisteredFrom.IsZero() && b.Registered.Before(f.RegisteredFrom):
		return false
	case !f.RegisteredBefore.IsZero() && !b.Registered.Before(f.RegisteredBefore):
		return false
	case f.Classification != 0 && b.Classification != f.Classification:
		return false
	case f.Unclassified && b.Classification != 0:
		return false
	case f.Cause != 0 && b.Cause != f.Cause:
		return false
	case !f.Processor.IsZero() && b.Processor.ID != f.Processor:
		return false
	}
	return true
}

package rights

import (
	"context"
	"iter"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Store persists a controller's data-subject requests. A host implements
// it over its own database; rightstest.NewMemStore gives an in-memory one
// and rightstest.Run checks an implementation against this contract.
// [Register] is the type that applies the rules; a store only keeps
// values.
//
// Every method is scoped to one controller: a request of one controller is
// never visible to, or changed through, another.
type Store interface {
	// Get returns the request id of controller c, or an error matching
	// [compliance.ErrNotFound].
	Get(ctx context.Context, c compliance.ControllerID, id RequestID) (Request, error)
	// Put stores r. With r.Version 0 it creates the request, failing with
	// [compliance.ErrConflict] if the ID exists. Otherwise it updates the
	// request only if the stored Version equals r.Version, failing with
	// [compliance.ErrConflict] if it differs and [compliance.ErrNotFound]
	// if there is no request. The stored request has Version+1. The store
	// keeps a deep copy.
	Put(ctx context.Context, c compliance.ControllerID, r Request) error
	// List yields the requests of controller c that match f (every request
	// for the zero Filter), in ID order. On failure it yields (zero, err)
	// as its last pair. It stops when the loop body stops, checks ctx
	// between requests, and holds no lock while yielding, so the body may
	// call the store. Yielded values are copies.
	List(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Request, error]
}

// Filter selects data-subject requests. Every set field narrows the
// selection; the zero Filter selects every request.
type Filter struct {
	// Kind selects requests of this kind.
	Kind Kind
	// Status selects requests with this status.
	Status Status
	// Open selects requests that are received or in progress.
	Open bool
	// ReceivedFrom selects requests received at or after it; zero is no
	// bound.
	ReceivedFrom time.Time
	// ReceivedBefore selects requests received before it; zero is no
	// bound.
	ReceivedBefore time.Time
}

// Match reports whether r is selected by f.
func (f Filter) Match(r Request) bool {
	switch {
	case f.Kind != 0 && r.Kind != f.Kind:
		return false
	case f.Status != 0 && r.Status != f.Status:
		return false
	case f.Open && !r.Status.Open():
		return false
	case !f.ReceivedFrom.IsZero() && r.Received.Before(f.ReceivedFrom):
		return false
	case !f.ReceivedBefore.IsZero() && !r.Received.Before(f.ReceivedBefore):
		return false
	}
	return true
}

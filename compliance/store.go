package compliance

import (
	"context"
	"iter"
	"time"
)

// ActivityStore persists a controller's records of processing. A host
// implements it over its own database; compliancetest.NewMemStore gives an
// in-memory one and compliancetest.Run checks an implementation against
// this contract. [Register] is the type that applies the rules; a store
// only keeps values.
//
// Every method is scoped to one controller: a record of one controller is
// never visible to, or changed through, another.
type ActivityStore interface {
	// Get returns the record id of controller c, or an error matching
	// [ErrNotFound].
	Get(ctx context.Context, c ControllerID, id ActivityID) (Activity, error)
	// Put stores a. With a.Version 0 it creates the record, failing with
	// [ErrConflict] if the ID exists. Otherwise it updates the record only
	// if the stored Version equals a.Version, failing with [ErrConflict]
	// if it differs and [ErrNotFound] if there is no record. The stored
	// record has Version+1. The store keeps a deep copy.
	Put(ctx context.Context, c ControllerID, a Activity) error
	// List yields the records of controller c that match f (every record
	// for the zero Filter), in ID order. On failure it yields (zero, err)
	// as its last pair. It stops when the loop body stops, checks ctx
	// between records, and holds no lock while yielding, so the body may
	// call the store. Yielded values are copies.
	List(ctx context.Context, c ControllerID, f ActivityFilter) iter.Seq2[Activity, error]
}

// RequestStore persists a controller's data-subject requests, with the same
// contract as [ActivityStore].
type RequestStore interface {
	// Get returns the request id of controller c, or an error matching
	// [ErrNotFound].
	Get(ctx context.Context, c ControllerID, id RequestID) (Request, error)
	// Put creates (Version 0) or updates (Version equal to the stored one)
	// the request, as [ActivityStore.Put] does.
	Put(ctx context.Context, c ControllerID, r Request) error
	// List yields the requests of controller c that match f, in ID order,
	// as [ActivityStore.List] does.
	List(ctx context.Context, c ControllerID, f RequestFilter) iter.Seq2[Request, error]
}

// ActivityFilter selects records of processing. Every set field narrows the
// selection; the zero ActivityFilter selects every record.
type ActivityFilter struct {
	// Role selects records of this role.
	Role Role
	// Status selects records with this status.
	Status ActivityStatus
	// Data selects records that process any of these data categories.
	Data DataCategories
	// Processor selects records that involve this processor.
	Processor ProcessorID
}

// Match reports whether a is selected by f. Stores that cannot express the
// filter in their query language may filter with it.
func (f ActivityFilter) Match(a Activity) bool {
	if f.Role != 0 && a.Role != f.Role {
		return false
	}
	if f.Status != 0 && a.Status != f.Status {
		return false
	}
	if f.Data != 0 && a.Data&f.Data == 0 {
		return false
	}
	if !f.Processor.IsZero() {
		found := false
		for _, p := range a.Processors {
			if p.ID == f.Processor {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// RequestFilter selects data-subject requests. Every set field narrows the
// selection; the zero RequestFilter selects every request.
type RequestFilter struct {
	// Kind selects requests of this kind.
	Kind RequestKind
	// Status selects requests with this status.
	Status RequestStatus
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
func (f RequestFilter) Match(r Request) bool {
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

package record

import (
	"context"
	"iter"

	"github.com/tillid/tillid/compliance"
)

// Store persists a controller's records of processing. A host implements
// it over its own database; recordtest.NewMemStore gives an in-memory one
// and recordtest.Run checks an implementation against this contract. [Register] is the type that applies the rules; a store
// only keeps values.
//
// Every method is scoped to one controller: a record of one controller is
// never visible to, or changed through, another.
type Store interface {
	// Get returns the record id of controller c, or an error matching
	// [compliance.ErrNotFound].
	Get(ctx context.Context, c compliance.ControllerID, id ActivityID) (Activity, error)
	// Put stores a. With a.Version 0 it creates the record, failing with
	// [compliance.ErrConflict] if the ID exists. Otherwise it updates the record only
	// if the stored Version equals a.Version, failing with [compliance.ErrConflict]
	// if it differs and [compliance.ErrNotFound] if there is no record. The stored
	// record has Version+1. The store keeps a deep copy.
	Put(ctx context.Context, c compliance.ControllerID, a Activity) error
	// List yields the records of controller c that match f (every record
	// for the zero Filter), in ID order. On failure it yields (zero, err)
	// as its last pair. It stops when the loop body stops, checks ctx
	// between records, and holds no lock while yielding, so the body may
	// call the store. Yielded values are copies.
	List(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Activity, error]
}

// Filter selects records of processing. Every set field narrows the
// selection; the zero Filter selects every record.
type Filter struct {
	// Role selects records of this role.
	Role Role
	// Status selects records with this status.
	Status Status
	// Data selects records that process any of these data categories.
	Data compliance.DataCategories
	// Processor selects records that involve this processor.
	Processor compliance.ProcessorID
}

// Match reports whether a is selected by f. Stores that cannot express the
// filter in their query language may filter with it.
func (f Filter) Match(a Activity) bool {
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

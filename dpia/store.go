package dpia

import (
	"context"
	"iter"

	"github.com/tillid/tillid/compliance"
)

// Store persists assessments for the [Register]. A host implements it over
// its own database; dpiatest.NewMemStore is an in-memory one for tests and
// examples, and dpiatest.Run checks an implementation against this
// contract. Every method is scoped to one controller: a store never
// returns, changes or lists another controller's records. Implementations
// must be safe for concurrent use.
//
// Values go in and come out: a store keeps its own deep copy ([Assessment.Clone])
// and never lets a caller alias it. Stores only store; validation, IDs,
// timestamps and every rule are the Register's.
type Store interface {
	// Get returns the assessment id of controller c, or an error matching
	// [compliance.ErrNotFound].
	Get(ctx context.Context, c compliance.ControllerID, id compliance.DPIAID) (Assessment, error)
	// Put stores a. With a.Version 0 it creates the record, failing with
	// [compliance.ErrConflict] if a.ID exists; otherwise it updates the
	// record only if the stored Version equals a.Version, failing with
	// ErrConflict if it differs and [compliance.ErrNotFound] if there is no
	// record. The stored record has Version a.Version+1.
	Put(ctx context.Context, c compliance.ControllerID, a Assessment) error
	// List yields the assessments of controller c that match f, in ID order
	// (the order of creation for version 7 UUIDs). The zero Filter matches
	// everything. On failure it yields (zero, err) as its last pair. It
	// stops when the loop body stops, checks ctx between records, and does
	// not hold a lock while yielding, so the loop body may call the store.
	List(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Assessment, error]
}

// Filter selects assessments in [Store.List]. Each set field narrows the
// selection; the zero Filter selects every assessment.
type Filter struct {
	// Draft selects assessments that are not signed off.
	Draft bool `json:"draft,omitzero"`
	// Decision selects assessments signed off with this decision.
	Decision Decision `json:"decision,omitzero"`
	// Processor selects assessments whose description names this processor
	// or sub-processor: the DPIAs to review when it changes (Art 35(11)).
	Processor compliance.ProcessorID `json:"processor,omitzero"`
}

// Match reports whether a is selected by f. Host stores that cannot
// translate a Filter into a query may use it to filter rows.
func (f Filter) Match(a Assessment) bool {
	if f.Draft && !a.SignOff.IsZero() {
		return false
	}
	if f.Decision != 0 && a.SignOff.Decision != f.Decision {
		return false
	}
	if !f.Processor.IsZero() && indexOf(a.Description.Processors, f.Processor) < 0 &&
		indexOf(a.Description.SubProcessors, f.Processor) < 0 {
		return false
	}
	return true
}

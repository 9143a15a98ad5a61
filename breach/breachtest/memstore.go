// Package breachtest provides an in-memory [breach.Store] for tests,
// examples and prototypes, and [Run], the conformance suite that any
// implementation of [breach.Store] should pass.
package breachtest

import (
	"context"
	"iter"
	"slices"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/memstore"
)

// MemStore is an in-memory [breach.Store]. It is safe for concurrent use,
// copies breaches on the way in and out, and snapshots for List. It keeps
// nothing on disk and List is O(n) in the controller's breaches: it is for
// tests, examples and prototypes, never for production, where the host's
// database is the store.
type MemStore struct {
	m *memstore.Map[breach.ID, breach.Breach]
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{m: memstore.New(clone,
		func(b breach.Breach) breach.ID { return b.ID },
		func(b *breach.Breach) *uint64 { return &b.Version })}
}

// clone deep-copies b: every slice it holds. Decimals are immutable values
// and are shared safely.
func clone(b breach.Breach) breach.Breach {
	b.Authority = slices.Clone(b.Authority)
	b.Communications = slices.Clone(b.Communications)
	b.ENISA.Adjustments = slices.Clone(b.ENISA.Adjustments)
	return b
}

// Get implements [breach.Store].
func (s *MemStore) Get(ctx context.Context, c compliance.ControllerID, id breach.ID) (breach.Breach, error) {
	return s.m.Get(ctx, c, id)
}

// Put implements [breach.Store].
func (s *MemStore) Put(ctx context.Context, c compliance.ControllerID, b breach.Breach) error {
	return s.m.Put(ctx, c, b)
}

// List implements [breach.Store], filtering with [breach.Filter.Match].
func (s *MemStore) List(ctx context.Context, c compliance.ControllerID, f breach.Filter) iter.Seq2[breach.Breach, error] {
	return s.m.List(ctx, c, f.Match)
}

// Len returns the number of breaches of controller c.
func (s *MemStore) Len(c compliance.ControllerID) int { return s.m.Len(c) }

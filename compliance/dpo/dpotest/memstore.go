// Package dpotest helps test code that uses package dpo: in-memory stores
// for tests, examples and prototypes, and the conformance suites every
// implementation of [dpo.Store] and [dpo.ConditionsStore] should pass.
package dpotest

import (
	"context"
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/dpo"
	"github.com/tillid/tillid/internal/memstore"
)

// MemStore is an in-memory [dpo.Store], safe for concurrent use, copying on
// the way in and out. It is for tests, examples and prototypes.
type MemStore struct {
	m *memstore.Map[dpo.EntryID, dpo.Entry]
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{m: memstore.New(dpo.Entry.Clone,
		func(e dpo.Entry) dpo.EntryID { return e.ID },
		func(e *dpo.Entry) *uint64 { return &e.Version })}
}

// Get implements [dpo.Store].
func (s *MemStore) Get(ctx context.Context, c compliance.ControllerID, id dpo.EntryID) (dpo.Entry, error) {
	return s.m.Get(ctx, c, id)
}

// Put implements [dpo.Store].
func (s *MemStore) Put(ctx context.Context, c compliance.ControllerID, e dpo.Entry) error {
	return s.m.Put(ctx, c, e)
}

// List implements [dpo.Store].
func (s *MemStore) List(ctx context.Context, c compliance.ControllerID, f dpo.Filter) iter.Seq2[dpo.Entry, error] {
	return s.m.List(ctx, c, f.Match)
}

// MemConditionsStore is an in-memory [dpo.ConditionsStore], like
// [MemStore].
type MemConditionsStore struct {
	m *memstore.Map[dpo.ConditionsID, dpo.Conditions]
}

// NewMemConditionsStore returns an empty MemConditionsStore.
func NewMemConditionsStore() *MemConditionsStore {
	return &MemConditionsStore{m: memstore.New(dpo.Conditions.Clone,
		func(c dpo.Conditions) dpo.ConditionsID { return c.ID },
		func(c *dpo.Conditions) *uint64 { return &c.Version })}
}

// Get implements [dpo.ConditionsStore].
func (s *MemConditionsStore) Get(ctx context.Context, c compliance.ControllerID, id dpo.ConditionsID) (dpo.Conditions, error) {
	return s.m.Get(ctx, c, id)
}

// Put implements [dpo.ConditionsStore].
func (s *MemConditionsStore) Put(ctx context.Context, c compliance.ControllerID, cond dpo.Conditions) error {
	return s.m.Put(ctx, c, cond)
}

// List implements [dpo.ConditionsStore].
func (s *MemConditionsStore) List(ctx context.Context, c compliance.ControllerID, f dpo.ConditionsFilter) iter.Seq2[dpo.Conditions, error] {
	return s.m.List(ctx, c, f.Match)
}

// Package dpiatest provides an in-memory [dpia.Store] for tests, examples
// and prototypes, and [Run], the conformance suite a host runs against its
// own Store implementation.
package dpiatest

import (
	"context"
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/internal/memstore"
)

// MemStore is an in-memory [dpia.Store]. It is safe for concurrent use and
// deep-copies assessments on the way in and out. It keeps nothing on disk
// and lists in O(n); use it for tests, examples and prototypes, never as a
// kommune's production store.
type MemStore struct {
	m *memstore.Map[compliance.DPIAID, dpia.Assessment]
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{m: memstore.New(dpia.Assessment.Clone,
		func(a dpia.Assessment) compliance.DPIAID { return a.ID },
		func(a *dpia.Assessment) *uint64 { return &a.Version })}
}

// Get implements [dpia.Store].
func (s *MemStore) Get(ctx context.Context, c compliance.ControllerID, id compliance.DPIAID) (dpia.Assessment, error) {
	return s.m.Get(ctx, c, id)
}

// Put implements [dpia.Store].
func (s *MemStore) Put(ctx context.Context, c compliance.ControllerID, a dpia.Assessment) error {
	return s.m.Put(ctx, c, a)
}

// List implements [dpia.Store].
func (s *MemStore) List(ctx context.Context, c compliance.ControllerID, f dpia.Filter) iter.Seq2[dpia.Assessment, error] {
	return s.m.List(ctx, c, f.Match)
}

// Delete removes assessment id of controller c, or returns
// [compliance.ErrNotFound]. It is not part of [dpia.Store]; tests use it.
func (s *MemStore) Delete(ctx context.Context, c compliance.ControllerID, id compliance.DPIAID) error {
	return s.m.Delete(ctx, c, id)
}

// Package rightstest provides an in-memory implementation of
// [rights.Store] and the conformance suite any implementation must pass.
//
// [NewMemStore] is for tests, examples and prototypes: it keeps everything
// in memory, is safe for concurrent use and copies every value on the way in
// and out. A host that keeps its requests in its own database implements
// [rights.Store] and runs [Run] in its own tests:
//
//	func TestRequestStore(t *testing.T) {
//		rightstest.Run(t, func(t *testing.T) rights.Store {
//			return NewRequestStore(openTestDatabase(t))
//		})
//	}
//
// The package imports only the standard library and tillid's own packages.
package rightstest

import (
	"context"
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/internal/memstore"
)

// MemStore holds a register's data-subject requests in memory. The zero
// value is not usable; use [NewMemStore].
type MemStore struct {
	m *memstore.Map[rights.RequestID, rights.Request]
}

var _ rights.Store = (*MemStore)(nil)

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{m: memstore.New(rights.Request.Clone,
		func(r rights.Request) rights.RequestID { return r.ID },
		func(r *rights.Request) *uint64 { return &r.Version })}
}

// Get implements [rights.Store].
func (s *MemStore) Get(ctx context.Context, c compliance.ControllerID, id rights.RequestID) (rights.Request, error) {
	return s.m.Get(ctx, c, id)
}

// Put implements [rights.Store].
func (s *MemStore) Put(ctx context.Context, c compliance.ControllerID, r rights.Request) error {
	return s.m.Put(ctx, c, r)
}

// List implements [rights.Store].
func (s *MemStore) List(ctx context.Context, c compliance.ControllerID, f rights.Filter) iter.Seq2[rights.Request, error] {
	return s.m.List(ctx, c, f.Match)
}

// Package recordtest provides an in-memory implementation of
// [record.Store] and the conformance suite any implementation must pass.
//
// [NewMemStore] is for tests, examples and prototypes: it keeps everything
// in memory, is safe for concurrent use and copies every value on the way in
// and out. A host that keeps its records in its own database implements
// [record.Store] and runs [Run] in its own tests:
//
//	func TestActivityStore(t *testing.T) {
//		recordtest.Run(t, func(t *testing.T) record.Store {
//			return NewActivityStore(openTestDatabase(t))
//		})
//	}
//
// The package imports only the standard library and tillid's own packages.
package recordtest

import (
	"context"
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/internal/memstore"
)

// MemStore holds a register's records of processing in memory. The zero
// value is not usable; use [NewMemStore].
type MemStore struct {
	m *memstore.Map[record.ActivityID, record.Activity]
}

var _ record.Store = (*MemStore)(nil)

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{m: memstore.New(record.Activity.Clone,
		func(a record.Activity) record.ActivityID { return a.ID },
		func(a *record.Activity) *uint64 { return &a.Version })}
}

// Get implements [record.Store].
func (s *MemStore) Get(ctx context.Context, c compliance.ControllerID, id record.ActivityID) (record.Activity, error) {
	return s.m.Get(ctx, c, id)
}

// Put implements [record.Store].
func (s *MemStore) Put(ctx context.Context, c compliance.ControllerID, a record.Activity) error {
	return s.m.Put(ctx, c, a)
}

// List implements [record.Store].
func (s *MemStore) List(ctx context.Context, c compliance.ControllerID, f record.Filter) iter.Seq2[record.Activity, error] {
	return s.m.List(ctx, c, f.Match)
}

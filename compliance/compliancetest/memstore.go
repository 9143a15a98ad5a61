// Package compliancetest provides an in-memory implementation of package
// compliance's stores and the conformance suite any implementation must
// pass.
//
// [NewMemStore] is for tests, examples and prototypes: it keeps everything
// in memory, is safe for concurrent use and copies every value on the way in
// and out. A host that keeps its records in its own database implements
// [compliance.ActivityStore] and [compliance.RequestStore] and runs [Run] in
// its own tests:
//
//	func TestStores(t *testing.T) {
//		compliancetest.Run(t, func(t *testing.T) (compliance.ActivityStore, compliance.RequestStore) {
//			db := openTestDatabase(t)
//			return NewActivityStore(db), NewRequestStore(db)
//		})
//	}
//
// The package imports only the standard library and tillid's own packages.
package compliancetest

import (
	"context"
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/memstore"
)

// MemStore holds a register's records of processing and data-subject
// requests in memory. The two stores have methods of the same names, so
// they are separate values: pass [MemStore.Activities] and
// [MemStore.Requests] to [compliance.NewRegister]. The zero value is not
// usable; use [NewMemStore].
type MemStore struct {
	acts *activityStore
	reqs *requestStore
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{
		acts: &activityStore{m: memstore.New(compliance.Activity.Clone,
			func(a compliance.Activity) compliance.ActivityID { return a.ID },
			func(a *compliance.Activity) *uint64 { return &a.Version })},
		reqs: &requestStore{m: memstore.New(compliance.Request.Clone,
			func(r compliance.Request) compliance.RequestID { return r.ID },
			func(r *compliance.Request) *uint64 { return &r.Version })},
	}
}

// Activities returns the store of records of processing.
func (m *MemStore) Activities() compliance.ActivityStore { return m.acts }

// Requests returns the store of data-subject requests.
func (m *MemStore) Requests() compliance.RequestStore { return m.reqs }

var (
	_ compliance.ActivityStore = (*activityStore)(nil)
	_ compliance.RequestStore  = (*requestStore)(nil)
)

type activityStore struct {
	m *memstore.Map[compliance.ActivityID, compliance.Activity]
}

// Get implements [compliance.ActivityStore].
func (s *activityStore) Get(ctx context.Context, c compliance.ControllerID, id compliance.ActivityID) (compliance.Activity, error) {
	return s.m.Get(ctx, c, id)
}

// Put implements [compliance.ActivityStore].
func (s *activityStore) Put(ctx context.Context, c compliance.ControllerID, a compliance.Activity) error {
	return s.m.Put(ctx, c, a)
}

// List implements [compliance.ActivityStore].
func (s *activityStore) List(ctx context.Context, c compliance.ControllerID, f compliance.ActivityFilter) iter.Seq2[compliance.Activity, error] {
	return s.m.List(ctx, c, f.Match)
}

type requestStore struct {
	m *memstore.Map[compliance.RequestID, compliance.Request]
}

// Get implements [compliance.RequestStore].
func (s *requestStore) Get(ctx context.Context, c compliance.ControllerID, id compliance.RequestID) (compliance.Request, error) {
	return s.m.Get(ctx, c, id)
}

// Put implements [compliance.RequestStore].
func (s *requestStore) Put(ctx context.Context, c compliance.ControllerID, r compliance.Request) error {
	return s.m.Put(ctx, c, r)
}

// List implements [compliance.RequestStore].
func (s *requestStore) List(ctx context.Context, c compliance.ControllerID, f compliance.RequestFilter) iter.Seq2[compliance.Request, error] {
	return s.m.List(ctx, c, f.Match)
}

// Package noticetest helps test code that uses package notice: an in-memory
// [notice.Store] for tests, examples and prototypes, and the conformance
// suite every implementation should pass.
package noticetest

import (
	"context"
	"iter"
	"slices"
	"testing"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/notice"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/internal/memstore"
	"github.com/tillid/tillid/internal/storetest"
)

// MemStore is an in-memory [notice.Store], safe for concurrent use, copying
// on the way in and out. It is for tests, examples and prototypes.
type MemStore struct {
	m *memstore.Map[notice.ID, notice.Notice]
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{m: memstore.New(notice.Notice.Clone,
		func(n notice.Notice) notice.ID { return n.ID },
		func(n *notice.Notice) *uint64 { return &n.Version })}
}

// Get implements [notice.Store].
func (s *MemStore) Get(ctx context.Context, c compliance.ControllerID, id notice.ID) (notice.Notice, error) {
	return s.m.Get(ctx, c, id)
}

// Put implements [notice.Store].
func (s *MemStore) Put(ctx context.Context, c compliance.ControllerID, n notice.Notice) error {
	return s.m.Put(ctx, c, n)
}

// List implements [notice.Store].
func (s *MemStore) List(ctx context.Context, c compliance.ControllerID, f notice.Filter) iter.Seq2[notice.Notice, error] {
	return s.m.List(ctx, c, f.Match)
}

// Run runs the conformance suite for [notice.Store] against stores made by
// newStore, one per subtest. Run it with the race detector.
func Run(t *testing.T, newStore func(t *testing.T) notice.Store) {
	t.Helper()
	storetest.Run(t, func(t *testing.T) storetest.Store[notice.ID, notice.Notice, notice.Filter] {
		return newStore(t)
	}, storetest.Fixture[notice.ID, notice.Notice, notice.Filter]{
		Entity:  "notice",
		New:     FixtureNotice,
		ID:      func(n notice.Notice) notice.ID { return n.ID },
		Version: func(n *notice.Notice) *uint64 { return &n.Version },
		Mutate: func(n *notice.Notice) {
			n.Title += "x"
			n.Activities[0] = record.ActivityID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0xff}}
		},
		Equal: func(a, b notice.Notice) bool {
			return a.ID == b.ID && a.Version == b.Version && a.Jurisdiction == b.Jurisdiction && a.Area == b.Area &&
				a.Title == b.Title && a.URL == b.URL && a.Direct == b.Direct && a.Indirect == b.Indirect &&
				a.Automated == b.Automated && a.Contains == b.Contains && slices.Equal(a.Activities, b.Activities) &&
				a.Sources == b.Sources && a.Requirement == b.Requirement && a.Revised == b.Revised &&
				a.Created.Equal(b.Created) && a.Updated.Equal(b.Updated)
		},
		Filters: []storetest.FilterCase[notice.Notice, notice.Filter]{
			{Name: "Area", Filter: notice.Filter{Area: notice.Employees},
				Match: func(n notice.Notice) bool { return n.Area == notice.Employees }},
			{Name: "Jurisdiction", Filter: notice.Filter{Jurisdiction: compliance.NO},
				Match: func(n notice.Notice) bool { return n.Jurisdiction == compliance.NO }},
		},
	})
}

// FixtureNotice returns the i-th notice of the suite's fixture: valid,
// Version 0, with an ID that sorts after those of smaller i.
func FixtureNotice(i int) notice.Notice {
	created := time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
	n := notice.Notice{
		ID:           notice.ID{UUID: [16]byte{6: 0x70, 8: 0x80, 14: byte((i + 1) >> 8), 15: byte(i + 1)}},
		Jurisdiction: compliance.DK, Area: notice.SchoolChildcare, Title: "Skole", Direct: true,
		Contains:   notice.ItemsOf(notice.Identity, notice.Purposes),
		Activities: []record.ActivityID{{UUID: [16]byte{6: 0x70, 8: 0x80, 15: byte(i)}}},
		Revised:    compliance.MakeDate(2025, 1, 1+i%28),
		Created:    created, Updated: created,
	}
	switch i % 3 {
	case 1:
		n.Area = notice.Employees
	case 2:
		n.Jurisdiction, n.Indirect, n.Sources = compliance.NO, true, "Folkeregisteret"
	}
	return n
}

// Package retentiontest helps test code that uses package retention: an
// in-memory [retention.Store] for tests, examples and prototypes, and the
// conformance suite every Store implementation should pass.
package retentiontest

import (
	"context"
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/memstore"
	"github.com/tillid/tillid/retention"
)

// MemStore is an in-memory [retention.Store]. It is safe for concurrent
// use, keeps one rule per [retention.Rule.ClassKey] and controller, copies
// rules on the way in and out, and lists a snapshot without
// holding its lock while yielding. It keeps nothing on disk and lists in
// O(n log n); it is meant for tests, examples and prototypes, never for
// production.
type MemStore struct {
	m *memstore.Map[compliance.RetentionRuleID, retention.Rule]
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{m: memstore.New(retention.Rule.Clone,
		func(r retention.Rule) compliance.RetentionRuleID { return r.ID },
		func(r *retention.Rule) *uint64 { return &r.Version }).Unique(retention.Rule.ClassKey)}
}

// Get implements [retention.Store].
func (s *MemStore) Get(ctx context.Context, c compliance.ControllerID, id compliance.RetentionRuleID) (retention.Rule, error) {
	return s.m.Get(ctx, c, id)
}

// Put implements [retention.Store].
func (s *MemStore) Put(ctx context.Context, c compliance.ControllerID, r retention.Rule) error {
	return s.m.Put(ctx, c, r)
}

// List implements [retention.Store].
func (s *MemStore) List(ctx context.Context, c compliance.ControllerID, f retention.Filter) iter.Seq2[retention.Rule, error] {
	return s.m.List(ctx, c, f.Match)
}

// Delete removes rule id of controller c, or returns
// [compliance.ErrNotFound]. It is not part of [retention.Store]; tests use
// it to reset state.
func (s *MemStore) Delete(ctx context.Context, c compliance.ControllerID, id compliance.RetentionRuleID) error {
	return s.m.Delete(ctx, c, id)
}

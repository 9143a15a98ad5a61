// Package processortest provides an in-memory [processor.Store] for tests,
// examples and prototypes, and [Run], the conformance suite any Store
// implementation can run in its own tests.
package processortest

import (
	"context"
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/memstore"
	"github.com/tillid/tillid/processor"
)

// MemStore is an in-memory [processor.Store]. It is safe for concurrent
// use, copies records on the way in and out, and snapshots for List. It
// keeps nothing across restarts and List is O(n): it is for tests, examples
// and prototypes, never for production records.
type MemStore struct {
	m *memstore.Map[compliance.ProcessorID, processor.Processor]
}

var _ processor.Store = (*MemStore)(nil)

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{m: memstore.New(processor.Processor.Clone,
		func(p processor.Processor) compliance.ProcessorID { return p.ID },
		func(p *processor.Processor) *uint64 { return &p.Version })}
}

// Get implements [processor.Store].
func (s *MemStore) Get(ctx context.Context, c compliance.ControllerID, id compliance.ProcessorID) (processor.Processor, error) {
	return s.m.Get(ctx, c, id)
}

// Put implements [processor.Store].
func (s *MemStore) Put(ctx context.Context, c compliance.ControllerID, p processor.Processor) error {
	return s.m.Put(ctx, c, p)
}

// List implements [processor.Store].
func (s *MemStore) List(ctx context.Context, c compliance.ControllerID, f processor.Filter) iter.Seq2[processor.Processor, error] {
	return s.m.List(ctx, c, f.Match)
}

// Len returns the number of records of controller c.
func (s *MemStore) Len(c compliance.ControllerID) int { return s.m.Len(c) }

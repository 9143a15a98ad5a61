// Package trainingtest helps test code that uses package training: in-memory
// stores for tests, examples and prototypes, and the conformance suites every
// implementation of [training.Store] and [training.CompletionStore] should
// pass.
package trainingtest

import (
	"context"
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/training"
	"github.com/tillid/tillid/internal/memstore"
)

// MemStore is an in-memory [training.Store], safe for concurrent use. It
// copies on the way in and out and lists a snapshot without holding its
// lock while yielding. It is for tests, examples and prototypes.
type MemStore struct {
	m *memstore.Map[training.CourseID, training.Course]
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{m: memstore.New(training.Course.Clone,
		func(c training.Course) training.CourseID { return c.ID },
		func(c *training.Course) *uint64 { return &c.Version })}
}

// Get implements [training.Store].
func (s *MemStore) Get(ctx context.Context, c compliance.ControllerID, id training.CourseID) (training.Course, error) {
	return s.m.Get(ctx, c, id)
}

// Put implements [training.Store].
func (s *MemStore) Put(ctx context.Context, c compliance.ControllerID, course training.Course) error {
	return s.m.Put(ctx, c, course)
}

// List implements [training.Store].
func (s *MemStore) List(ctx context.Context, c compliance.ControllerID, f training.Filter) iter.Seq2[training.Course, error] {
	return s.m.List(ctx, c, f.Match)
}

// MemCompletionStore is an in-memory [training.CompletionStore], like
// [MemStore].
type MemCompletionStore struct {
	m *memstore.Map[training.CompletionID, training.Completion]
}

// NewMemCompletionStore returns an empty MemCompletionStore.
func NewMemCompletionStore() *MemCompletionStore {
	return &MemCompletionStore{m: memstore.New(training.Completion.Clone,
		func(c training.Completion) training.CompletionID { return c.ID },
		func(c *training.Completion) *uint64 { return &c.Version })}
}

// Get implements [training.CompletionStore].
func (s *MemCompletionStore) Get(ctx context.Context, c compliance.ControllerID, id training.CompletionID) (training.Completion, error) {
	return s.m.Get(ctx, c, id)
}

// Put implements [training.CompletionStore].
func (s *MemCompletionStore) Put(ctx context.Context, c compliance.ControllerID, done training.Completion) error {
	return s.m.Put(ctx, c, done)
}

// List implements [training.CompletionStore].
func (s *MemCompletionStore) List(ctx context.Context, c compliance.ControllerID, f training.CompletionFilter) iter.Seq2[training.Completion, error] {
	return s.m.List(ctx, c, f.Match)
}

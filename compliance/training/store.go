package training

import (
	"context"
	"iter"

	"github.com/tillid/tillid/compliance"
)

// Store persists the courses of each controller. Its contract is the one
// every tillid Store keeps (see the README's "Implementing a Store"): Get
// returns [compliance.ErrNotFound] for an ID the controller does not have;
// Put creates with Version 0 ([compliance.ErrConflict] if the ID exists) or
// updates only the stored Version ([compliance.ErrConflict] otherwise,
// [compliance.ErrNotFound] without a record) and stores Version+1; List
// yields in ID order, (zero, err) last on failure, checks ctx between
// records and holds no lock while yielding. trainingtest has NewMemStore and
// the conformance suite Run.
type Store interface {
	Get(ctx context.Context, c compliance.ControllerID, id CourseID) (Course, error)
	Put(ctx context.Context, c compliance.ControllerID, course Course) error
	List(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Course, error]
}

// Filter selects courses. The zero Filter means every course.
type Filter struct {
	Topic    Topic
	Audience Audience
}

// Match reports whether c is selected by f.
func (f Filter) Match(c Course) bool {
	return (f.Topic == 0 || c.Topic == f.Topic) && (f.Audience == 0 || c.Audience == f.Audience)
}

// CompletionStore persists completions, with the same contract as [Store].
// trainingtest has NewMemCompletionStore and the suite RunCompletions.
type CompletionStore interface {
	Get(ctx context.Context, c compliance.ControllerID, id CompletionID) (Completion, error)
	Put(ctx context.Context, c compliance.ControllerID, done Completion) error
	List(ctx context.Context, c compliance.ControllerID, f CompletionFilter) iter.Seq2[Completion, error]
}

// CompletionFilter selects completions. The zero value means every
// completion.
type CompletionFilter struct {
	Course   CourseID
	Employee string
}

// Match reports whether c is selected by f.
func (f CompletionFilter) Match(c Completion) bool {
	return (f.Course.IsZero() || c.Course == f.Course) && (f.Employee == "" || c.Employee == f.Employee)
}

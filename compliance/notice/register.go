package notice

import (
	"context"
	"errors"
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
)

// Options configures a [Register].
type Options struct {
	// Options carries the clock, the ID source and the logger.
	compliance.Options
}

// ErrNotConfigured is returned by the methods of a Register not made by
// [NewRegister].
var ErrNotConfigured = errors.New("notice: register not configured (use NewRegister)")

// Register keeps the privacy notices through a [Store]: it validates and
// stamps IDs and times before the store is called, and checks the notices
// against the register of activities. It is safe for concurrent use if the
// store is.
type Register struct {
	store Store
	opts  compliance.Options
}

// NewRegister returns the register over s; it fails when s is nil.
func NewRegister(s Store, opts *Options) (*Register, error) {
	if s == nil {
		return nil, &compliance.FieldError{Field: "store", Reason: compliance.ReasonRequired}
	}
	r := &Register{store: s}
	if opts != nil {
		r.opts = opts.Options
	}
	return r, nil
}

func (r *Register) ready(c compliance.ControllerID) error {
	if r == nil || r.store == nil {
		return ErrNotConfigured
	}
	if c.IsZero() {
		return &compliance.FieldError{Field: "controller", Reason: compliance.ReasonRequired}
	}
	return nil
}

// Create validates n, gives it an ID, stamps it and stores it.
func (r *Register) Create(ctx context.Context, c compliance.ControllerID, n Notice) (Notice, error) {
	if err := r.ready(c); err != nil {
		return Notice{}, err
	}
	if err := n.Validate(); err != nil {
		return Notice{}, err
	}
	id, err := compliance.NewID[noticeMark](&r.opts)
	if err != nil {
		return Notice{}, err
	}
	now := r.opts.Clock().UTC()
	n = n.Clone()
	n.ID, n.Version, n.Created, n.Updated = id, 0, now, now
	if err := r.store.Put(ctx, c, n); err != nil {
		return Notice{}, err
	}
	n.Version = 1
	r.opts.Log().DebugContext(ctx, "notice: created", "notice", n.ID.String())
	return n, nil
}

// Update validates n and replaces the stored notice if its Version is still
// n.Version ([compliance.ErrConflict] otherwise).
func (r *Register) Update(ctx context.Context, c compliance.ControllerID, n Notice) (Notice, error) {
	if err := r.ready(c); err != nil {
		return Notice{}, err
	}
	if err := n.Validate(); err != nil {
		return Notice{}, err
	}
	old, err := r.store.Get(ctx, c, n.ID)
	if err != nil {
		return Notice{}, err
	}
	if old.Version != n.Version {
		return Notice{}, compliance.ErrConflict
	}
	n = n.Clone()
	n.Created, n.Updated = old.Created, r.opts.Clock().UTC()
	if err := r.store.Put(ctx, c, n); err != nil {
		return Notice{}, err
	}
	n.Version++
	return n, nil
}

// Get returns notice id.
func (r *Register) Get(ctx context.Context, c compliance.ControllerID, id ID) (Notice, error) {
	if err := r.ready(c); err != nil {
		return Notice{}, err
	}
	return r.store.Get(ctx, c, id)
}

// List yields the notices f selects, in ID order.
func (r *Register) List(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Notice, error] {
	if err := r.ready(c); err != nil {
		return func(yield func(Notice, error) bool) { yield(Notice{}, err) }
	}
	return r.store.List(ctx, c, f)
}

// Check checks every stored notice against activities (the controller's
// register, from package record) now, by the clock. More than [MaxNotices]
// stored notices is an error naming "notices" with
// [compliance.ReasonLength].
func (r *Register) Check(ctx context.Context, c compliance.ControllerID, activities []record.Activity) ([]compliance.Finding, error) {
	if err := r.ready(c); err != nil {
		return nil, err
	}
	var ns []Notice
	for n, err := range r.store.List(ctx, c, Filter{}) {
		if err != nil {
			return nil, err
		}
		if len(ns) == MaxNotices {
			return nil, &compliance.FieldError{Field: "notices", Reason: compliance.ReasonLength}
		}
		ns = append(ns, n)
	}
	return Check(ns, activities, r.opts.Clock()), nil
}

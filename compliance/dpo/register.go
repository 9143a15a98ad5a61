package dpo

import (
	"context"
	"errors"
	"iter"

	"github.com/tillid/tillid/compliance"
)

// Options configures a [Register].
type Options struct {
	// Options carries the clock, the ID source and the logger.
	compliance.Options
}

// ErrNotConfigured is returned by the methods of a Register not made by
// [NewRegister].
var ErrNotConfigured = errors.New("dpo: register not configured (use NewRegister)")

// Register keeps the DPO's log and the yearly assessments through their
// stores. It validates and stamps IDs and times before a store is called. It
// is safe for concurrent use if the stores are.
type Register struct {
	entries    Store
	conditions ConditionsStore
	opts       compliance.Options
}

// NewRegister returns the register over the two stores; it fails when one
// is nil.
func NewRegister(entries Store, conditions ConditionsStore, opts *Options) (*Register, error) {
	var v compliance.Validation
	v.Require("entries", entries != nil)
	v.Require("conditions", conditions != nil)
	if err := v.Err("register"); err != nil {
		return nil, err
	}
	r := &Register{entries: entries, conditions: conditions}
	if opts != nil {
		r.opts = opts.Options
	}
	return r, nil
}

func (r *Register) ready(c compliance.ControllerID) error {
	if r == nil || r.entries == nil {
		return ErrNotConfigured
	}
	if c.IsZero() {
		return &compliance.FieldError{Field: "controller", Reason: compliance.ReasonRequired}
	}
	return nil
}

// Log validates e, gives it an ID and stamps it, and stores it.
func (r *Register) Log(ctx context.Context, c compliance.ControllerID, e Entry) (Entry, error) {
	if err := r.ready(c); err != nil {
		return Entry{}, err
	}
	if err := e.Validate(); err != nil {
		return Entry{}, err
	}
	id, err := compliance.NewID[entryMark](&r.opts)
	if err != nil {
		return Entry{}, err
	}
	now := r.opts.Clock().UTC()
	e.ID, e.Version, e.Created, e.Updated = id, 0, now, now
	if err := r.entries.Put(ctx, c, e); err != nil {
		return Entry{}, err
	}
	e.Version = 1
	r.opts.Log().DebugContext(ctx, "dpo: logged", "entry", e)
	return e, nil
}

// Update validates e and replaces the stored entry if its Version is still
// e.Version ([compliance.ErrConflict] otherwise): to record an outcome and
// its reasons once management has decided.
func (r *Register) Update(ctx context.Context, c compliance.ControllerID, e Entry) (Entry, error) {
	if err := r.ready(c); err != nil {
		return Entry{}, err
	}
	if err := e.Validate(); err != nil {
		return Entry{}, err
	}
	old, err := r.entries.Get(ctx, c, e.ID)
	if err != nil {
		return Entry{}, err
	}
	if old.Version != e.Version {
		return Entry{}, compliance.ErrConflict
	}
	e.Created, e.Updated = old.Created, r.opts.Clock().UTC()
	if err := r.entries.Put(ctx, c, e); err != nil {
		return Entry{}, err
	}
	e.Version++
	return e, nil
}

// Entries yields the entries f selects, in ID order.
func (r *Register) Entries(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Entry, error] {
	if err := r.ready(c); err != nil {
		return func(yield func(Entry, error) bool) { yield(Entry{}, err) }
	}
	return r.entries.List(ctx, c, f)
}

// Assess records the assessment of the DPO's position for cond.Year,
// creating it (Version 0) or updating it (optimistic Version).
func (r *Register) Assess(ctx context.Context, c compliance.ControllerID, cond Conditions) (Conditions, error) {
	if err := r.ready(c); err != nil {
		return Conditions{}, err
	}
	if err := cond.Validate(); err != nil {
		return Conditions{}, err
	}
	cond = cond.Clone()
	now := r.opts.Clock().UTC()
	if cond.Version == 0 {
		// The ID is the year's, so two concurrent first assessments of one
		// year meet in the store as a conflict instead of both succeeding.
		cond.ID, cond.Created = ConditionsIDFor(cond.Year), now
	} else {
		if cond.ID != ConditionsIDFor(cond.Year) {
			return Conditions{}, &compliance.FieldError{Field: "conditions.id", Reason: compliance.ReasonInconsistent}
		}
		old, err := r.conditions.Get(ctx, c, cond.ID)
		if err != nil {
			return Conditions{}, err
		}
		if old.Version != cond.Version {
			return Conditions{}, compliance.ErrConflict
		}
		cond.Created = old.Created
	}
	cond.Updated = now
	if err := r.conditions.Put(ctx, c, cond); err != nil {
		return Conditions{}, err
	}
	cond.Version++
	return cond, nil
}

// Review sums up year from the stored log and assessment; dpias are the
// DPIAs the kommune worked on that year (from package dpia's register).
// More than [MaxEntries] stored entries of the year is an error naming
// "entries" with [compliance.ReasonLength].
func (r *Register) Review(ctx context.Context, c compliance.ControllerID, year int, dpias []compliance.DPIAID) (Year, error) {
	if err := r.ready(c); err != nil {
		return Year{}, err
	}
	var entries []Entry
	for e, err := range r.entries.List(ctx, c, Filter{Year: year}) {
		if err != nil {
			return Year{}, err
		}
		if len(entries) == MaxEntries {
			return Year{}, &compliance.FieldError{Field: "entries", Reason: compliance.ReasonLength}
		}
		entries = append(entries, e)
	}
	cond, err := r.conditions.Get(ctx, c, ConditionsIDFor(year))
	if err != nil && !errors.Is(err, compliance.ErrNotFound) {
		return Year{}, err
	}
	return Review(year, entries, cond, dpias), nil
}

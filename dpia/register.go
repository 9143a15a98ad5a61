package dpia

import (
	"context"
	"errors"
	"iter"
	"sync"

	"github.com/tillid/tillid/compliance"
)

// Errors of the [Register]'s operations, besides the store's
// [compliance.ErrNotFound] and [compliance.ErrConflict] and validation
// errors matching [compliance.ErrInvalid].
var (
	// ErrSignedOff reports an attempt to change a signed-off assessment;
	// call [Register.Revise] first, so that the change is recorded as a
	// new edition with its reasons.
	ErrSignedOff = errors.New("dpia: the assessment is signed off; revise it before changing it")
	// ErrIncomplete reports an attempt to approve an assessment that lacks
	// content Art 35(2) or 35(7) requires; the [Report] returned with it
	// names what is missing.
	ErrIncomplete = errors.New("dpia: the assessment lacks content Art 35 requires")
	// ErrNoRegister is returned by the methods of a [Register] that was
	// not made by [NewRegister] (a zero or nil Register).
	ErrNoRegister = errors.New("dpia: Register not made by NewRegister")
)

// Options configure a [Register]. A nil *Options and zero fields mean the
// defaults.
type Options struct {
	// Options holds the clock, the ID source and the logger.
	compliance.Options
	// Policy is the kommune's policy for screening and checks.
	Policy Policy
	// Calendar are the choices for the calendars the Register counts
	// periods with (Art 36(2), the review interval). DanishExtended applies
	// to Danish calendars only.
	Calendar compliance.CalendarOptions
}

// Register is the operations type of package dpia: it screens processing,
// and creates, updates, signs off, revises and checks the assessments a
// [Store] keeps for each controller. It reads the clock once per operation
// and applies every rule itself, so a store cannot weaken them. It is safe
// for concurrent use if the store is.
//
// The zero Register is not usable: its methods return [ErrNoRegister].
type Register struct {
	store Store
	opts  Options
	cals  [3]func() (*compliance.Calendar, error)
}

// NewRegister returns a Register over s. opts may be nil. It returns a
// [*compliance.ValidationError] for a nil store ("store") and an invalid
// policy ("policy…").
func NewRegister(s Store, opts *Options) (*Register, error) {
	var v compliance.Validation
	v.Require("store", s != nil)
	if opts != nil {
		v.Check("policy", opts.Policy.Validate())
	}
	if err := v.Err("register"); err != nil {
		return nil, err
	}
	r := &Register{store: s}
	if opts != nil {
		r.opts = *opts
	}
	for j := range compliance.AllJurisdictions() {
		co := r.opts.Calendar
		if j != compliance.DK {
			co.DanishExtended = false
		}
		r.cals[j] = sync.OnceValues(func() (*compliance.Calendar, error) { return compliance.NewCalendar(j, co) })
	}
	return r, nil
}

// ready returns ErrNoRegister for a Register not made by NewRegister, and a
// validation error for a zero controller: every assessment belongs to one.
func (r *Register) ready(c compliance.ControllerID) error {
	if r == nil || r.store == nil {
		return ErrNoRegister
	}
	if c.IsZero() {
		return &compliance.FieldError{Field: "controller", Reason: compliance.ReasonRequired}
	}
	return nil
}

// Calendar returns the calendar the Register uses for jurisdiction j,
// created on first use.
func (r *Register) Calendar(j compliance.Jurisdiction) (*compliance.Calendar, error) {
	if r == nil || r.store == nil {
		return nil, ErrNoRegister
	}
	if !j.Valid() {
		return nil, &compliance.FieldError{Field: "jurisdiction", Reason: compliance.ReasonRequired}
	}
	return r.cals[j]()
}

// Screen screens in under the Register's policy; see [Screen].
func (r *Register) Screen(in Input) (Screening, error) {
	if r == nil || r.store == nil {
		return Screening{}, ErrNoRegister
	}
	s, err := Screen(in, &r.opts.Policy)
	if err == nil {
		r.opts.Log().Debug("dpia: screened", "input", in, "outcome", s.Outcome.String())
	}
	return s, err
}

// Create stores a new assessment for controller c and returns it as
// stored. a.ID must be zero; the Register gives it a new ID, sets Created
// and Updated, and drops any SignOff, Editions and Pending: an assessment
// starts as a draft. It returns a validation error for an invalid a.
func (r *Register) Create(ctx context.Context, c compliance.ControllerID, a Assessment) (Assessment, error) {
	if err := r.ready(c); err != nil {
		return Assessment{}, err
	}
	if !a.ID.IsZero() {
		return Assessment{}, &compliance.FieldError{Field: "id", Reason: compliance.ReasonInconsistent}
	}
	now := r.opts.Clock()
	u, err := r.opts.UUID()
	if err != nil {
		return Assessment{}, err
	}
	a = a.Clone()
	a.ID = compliance.DPIAID{UUID: u}
	a.Version = 0
	a.SignOff, a.Editions, a.Pending = SignOff{}, nil, nil
	a.Created, a.Updated = now, now
	if err := a.Validate(); err != nil {
		return Assessment{}, err
	}
	if err := r.store.Put(ctx, c, a); err != nil {
		return Assessment{}, err
	}
	a.Version = 1
	r.opts.Log().Debug("dpia: created", "assessment", a)
	return a, nil
}

// Get returns the assessment id of controller c.
func (r *Register) Get(ctx context.Context, c compliance.ControllerID, id compliance.DPIAID) (Assessment, error) {
	if err := r.ready(c); err != nil {
		return Assessment{}, err
	}
	return r.store.Get(ctx, c, id)
}

// List yields controller c's assessments that match f, in ID order.
func (r *Register) List(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Assessment, error] {
	if err := r.ready(c); err != nil {
		return func(yield func(Assessment, error) bool) { yield(Assessment{}, err) }
	}
	return r.store.List(ctx, c, f)
}

// Update stores a changed draft and returns it as stored. a.Version must be
// the version read; the store reports [compliance.ErrConflict] otherwise.
// ID, Created, SignOff, Editions and Pending are kept as stored: they
// change only through [Register.SignOff] and [Register.Revise]. Update
// returns [ErrSignedOff] for a signed-off assessment.
func (r *Register) Update(ctx context.Context, c compliance.ControllerID, a Assessment) (Assessment, error) {
	if err := r.ready(c); err != nil {
		return Assessment{}, err
	}
	old, err := r.store.Get(ctx, c, a.ID)
	if err != nil {
		return Assessment{}, err
	}
	if old.Version != a.Version {
		return Assessment{}, compliance.ErrConflict
	}
	if !old.SignOff.IsZero() {
		return Assessment{}, ErrSignedOff
	}
	a = a.Clone()
	a.Created, a.SignOff, a.Editions, a.Pending = old.Created, old.SignOff, old.Editions, old.Pending
	a.Updated = r.opts.Clock()
	if err := a.Validate(); err != nil {
		return Assessment{}, err
	}
	if err := r.store.Put(ctx, c, a); err != nil {
		return Assessment{}, err
	}
	a.Version++
	r.opts.Log().Debug("dpia: updated", "assessment", a)
	return a, nil
}

// SignOff records the controller's decision on the draft id at version,
// which makes a new [Edition] carrying the pending revision's triggers,
// the DPO's conclusion and the highest residual risk. It returns the stored
// assessment and the [Check] report at the time of the decision.
//
// Approving (s.Decision [Approved] or [Conditional]) an assessment that
// lacks content Art 35(2) or 35(7) requires fails with [ErrIncomplete] and
// the report that names what is missing; a rejection can always be
// recorded. It returns [ErrSignedOff] if the assessment is already signed
// off.
func (r *Register) SignOff(ctx context.Context, c compliance.ControllerID, id compliance.DPIAID, version uint64, s SignOff) (Assessment, Report, error) {
	if err := r.ready(c); err != nil {
		return Assessment{}, Report{}, err
	}
	now := r.opts.Clock()
	a, err := r.store.Get(ctx, c, id)
	if err != nil {
		return Assessment{}, Report{}, err
	}
	if a.Version != version {
		return Assessment{}, Report{}, compliance.ErrConflict
	}
	if !a.SignOff.IsZero() {
		return Assessment{}, Report{}, ErrSignedOff
	}
	var v compliance.Validation
	v.Require("date", !s.Date.IsZero())
	v.Require("decision", s.Decision.Valid())
	if err := v.Err("sign-off"); err != nil {
		return Assessment{}, Report{}, err
	}
	if n := len(a.Editions); n > 0 && s.Date.Before(a.Editions[n-1].Date) {
		return Assessment{}, Report{}, &compliance.FieldError{Field: "date", Reason: compliance.ReasonInconsistent}
	}
	cal, err := r.Calendar(a.Jurisdiction)
	if err != nil {
		return Assessment{}, Report{}, err
	}
	a.SignOff = s
	a.Editions = append(a.Editions, Edition{
		Number:        len(a.Editions) + 1,
		Date:          s.Date,
		Decision:      s.Decision,
		Triggers:      a.Pending,
		DPOConclusion: a.DPOAdvice.Conclusion,
		Residual:      a.Residual(r.opts.Policy.Matrix),
	})
	a.Pending = nil
	a.Updated = now
	rep, err := Check(a, now, cal, &r.opts.Policy)
	if err != nil {
		return Assessment{}, Report{}, err
	}
	if approved(s.Decision) && !rep.Complete {
		return Assessment{}, rep, ErrIncomplete
	}
	if err := r.store.Put(ctx, c, a); err != nil {
		return Assessment{}, Report{}, err
	}
	a.Version++
	r.opts.Log().Debug("dpia: signed off", "assessment", a, "decision", s.Decision.String())
	return a, rep, nil
}

// Revise reopens assessment id at version for revision and records why:
// it clears the sign-off, so the assessment is a draft again (its editions
// stay), and adds triggers to the pending revision's reasons. On a draft it
// only adds the triggers. At least one valid trigger is required.
func (r *Register) Revise(ctx context.Context, c compliance.ControllerID, id compliance.DPIAID, version uint64, triggers ...Trigger) (Assessment, error) {
	if err := r.ready(c); err != nil {
		return Assessment{}, err
	}
	var v compliance.Validation
	v.Require("triggers", len(triggers) > 0)
	checkEnums(&v, "triggers", triggers, len(triggers))
	if err := v.Err("revision"); err != nil {
		return Assessment{}, err
	}
	a, err := r.store.Get(ctx, c, id)
	if err != nil {
		return Assessment{}, err
	}
	if a.Version != version {
		return Assessment{}, compliance.ErrConflict
	}
	a.SignOff = SignOff{}
	for _, t := range triggers {
		if indexOf(a.Pending, t) < 0 {
			a.Pending = append(a.Pending, t)
		}
	}
	a.Updated = r.opts.Clock()
	if err := r.store.Put(ctx, c, a); err != nil {
		return Assessment{}, err
	}
	a.Version++
	r.opts.Log().Debug("dpia: revision opened", "assessment", a)
	return a, nil
}

// Check loads assessment id and checks it now; see [Check].
func (r *Register) Check(ctx context.Context, c compliance.ControllerID, id compliance.DPIAID) (Report, error) {
	if err := r.ready(c); err != nil {
		return Report{}, err
	}
	now := r.opts.Clock()
	a, err := r.store.Get(ctx, c, id)
	if err != nil {
		return Report{}, err
	}
	cal, err := r.Calendar(a.Jurisdiction)
	if err != nil {
		return Report{}, err
	}
	return Check(a, now, cal, &r.opts.Policy)
}

// Review loads assessment id and reviews it now against the processing as
// it is (current); see [Review].
func (r *Register) Review(ctx context.Context, c compliance.ControllerID, id compliance.DPIAID, current Description) (Report, error) {
	if err := r.ready(c); err != nil {
		return Report{}, err
	}
	now := r.opts.Clock()
	a, err := r.store.Get(ctx, c, id)
	if err != nil {
		return Report{}, err
	}
	cal, err := r.Calendar(a.Jurisdiction)
	if err != nil {
		return Report{}, err
	}
	return Review(a, current, now, cal, &r.opts.Policy)
}

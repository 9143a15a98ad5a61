package compliance

import (
	"context"
	"iter"
	"slices"
	"time"
)

// RegisterOptions configures a [Register]. A nil *RegisterOptions and zero
// fields mean the defaults.
type RegisterOptions struct {
	// Options gives the clock, the ID source and the logger.
	Options
	// Policy is the assessment policy; nil means the zero [Policy].
	Policy *Policy
	// Extension is how an extended period for answering a request is
	// counted; zero means [FromReceipt].
	Extension ExtensionMethod
}

// Register is a kommune's register of processing activities and of
// data-subject requests: the operations type over an [ActivityStore] and a
// [RequestStore]. It validates what it is given, assigns IDs, stamps times
// and applies the rules before anything reaches a store, so that a store a
// host writes cannot weaken them. It reads the clock once per operation.
//
// A Register serves any number of controllers; each method is scoped to
// one. Its [Calendar] gives the jurisdiction's holidays and time zone for
// the periods of Art 12(3) and (4) and the days of review. It is safe for
// concurrent use if its stores are.
type Register struct {
	cal    *Calendar
	acts   ActivityStore
	reqs   RequestStore
	opts   Options
	policy *Policy
	method ExtensionMethod
}

// NewRegister returns a Register over the given stores, counting time
// limits with cal. It fails with a [*ValidationError] for the entity
// "register" when cal or a store is nil, the policy is invalid or the
// extension method unknown.
func NewRegister(cal *Calendar, activities ActivityStore, requests RequestStore, opts *RegisterOptions) (*Register, error) {
	var o RegisterOptions
	if opts != nil {
		o = *opts
	}
	var v Validation
	v.Require("calendar", cal != nil)
	v.Require("activities", activities != nil)
	v.Require("requests", requests != nil)
	v.Check("policy", o.Policy.Validate())
	checkCode(&v, "extension", extensionMethods, o.Extension, false)
	if err := v.Err("register"); err != nil {
		return nil, err
	}
	if o.Policy == nil {
		o.Policy = &Policy{}
	}
	p := *o.Policy
	if o.Extension == 0 {
		o.Extension = FromReceipt
	}
	return &Register{cal: cal, acts: activities, reqs: requests, opts: o.Options, policy: &p, method: o.Extension}, nil
}

// Calendar returns the register's calendar.
func (r *Register) Calendar() *Calendar { return r.cal }

// now reads the clock, in the calendar's zone.
func (r *Register) now() time.Time { return r.opts.Clock().In(r.cal.Location()) }

// CreateActivity validates a new record, gives it an ID (unless it has
// one), defaults its role to [RoleController] and its status to [Draft],
// stamps Created and Updated, and stores it. A record created as approved
// must be complete (see [Register.Approve]). It returns the stored record,
// at Version 1.
func (r *Register) CreateActivity(ctx context.Context, c ControllerID, a Activity) (Activity, error) {
	now := r.now()
	if a.Version != 0 {
		return Activity{}, &FieldError{Field: "version", Reason: ReasonInconsistent}
	}
	if a.ID.IsZero() {
		id, err := NewID[activityMark](&r.opts)
		if err != nil {
			return Activity{}, err
		}
		a.ID = id
	}
	if a.Role == 0 {
		a.Role = RoleController
	}
	if a.Status == 0 {
		a.Status = Draft
	}
	a.Created, a.Updated = now, now
	if err := r.checkActivity(&a); err != nil {
		return Activity{}, err
	}
	if err := r.acts.Put(ctx, c, a); err != nil {
		return Activity{}, err
	}
	a.Version = 1
	r.opts.Log().DebugContext(ctx, "compliance: activity created", "activity", a)
	return a, nil
}

// UpdateActivity validates a changed record and stores it if its Version is
// the stored one (else [ErrConflict]). Created is kept from the stored
// record; Updated is stamped. An approved record must be complete. It
// returns the stored record.
func (r *Register) UpdateActivity(ctx context.Context, c ControllerID, a Activity) (Activity, error) {
	now := r.now()
	return r.updateActivity(ctx, c, a, now)
}

func (r *Register) updateActivity(ctx context.Context, c ControllerID, a Activity, now time.Time) (Activity, error) {
	if a.ID.IsZero() {
		return Activity{}, &FieldError{Field: "id", Reason: ReasonRequired}
	}
	old, err := r.acts.Get(ctx, c, a.ID)
	if err != nil {
		return Activity{}, err
	}
	if old.Version != a.Version {
		return Activity{}, ErrConflict
	}
	a.Created, a.Updated = old.Created, now
	if err := r.checkActivity(&a); err != nil {
		return Activity{}, err
	}
	if err := r.acts.Put(ctx, c, a); err != nil {
		return Activity{}, err
	}
	a.Version++
	r.opts.Log().DebugContext(ctx, "compliance: activity updated", "activity", a)
	return a, nil
}

// checkActivity validates a and, when it is approved, its completeness.
func (r *Register) checkActivity(a *Activity) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if a.Status != Approved {
		return nil
	}
	var v Validation
	for _, f := range a.appendMissing(nil) {
		if f.Severity == Violation {
			v.Add(f.Subject, ReasonRequired)
		}
	}
	return v.Err("activity")
}

// Approve approves the record id at the given version: it must be complete
// — every item Art 30 requires, as [Activity.Missing] reports them, except
// those asked for "where possible" — or Approve fails with a
// [*ValidationError] naming each missing field. Approval counts as a
// review ([Register.Review]).
func (r *Register) Approve(ctx context.Context, c ControllerID, id ActivityID, version uint64) (Activity, error) {
	now := r.now()
	return r.modifyActivity(ctx, c, id, version, now, func(a *Activity) {
		a.Status = Approved
		r.reviewed(a, now)
	})
}

// Review records that the record id, at the given version, was reviewed
// today: ReviewedOn is today and NextReview today plus the policy's
// ReviewInterval (or unset when the policy has none).
func (r *Register) Review(ctx context.Context, c ControllerID, id ActivityID, version uint64) (Activity, error) {
	now := r.now()
	return r.modifyActivity(ctx, c, id, version, now, func(a *Activity) { r.reviewed(a, now) })
}

func (r *Register) reviewed(a *Activity, now time.Time) {
	a.ReviewedOn = DateOf(now)
	a.NextReview = Date{}
	if !r.policy.ReviewInterval.IsZero() {
		a.NextReview = addPeriod(a.ReviewedOn, r.policy.ReviewInterval)
	}
}

func (r *Register) modifyActivity(ctx context.Context, c ControllerID, id ActivityID, version uint64, now time.Time, f func(*Activity)) (Activity, error) {
	a, err := r.acts.Get(ctx, c, id)
	if err != nil {
		return Activity{}, err
	}
	if a.Version != version {
		return Activity{}, ErrConflict
	}
	f(&a)
	return r.updateActivity(ctx, c, a, now)
}

// Activity returns the record id.
func (r *Register) Activity(ctx context.Context, c ControllerID, id ActivityID) (Activity, error) {
	return r.acts.Get(ctx, c, id)
}

// Activities yields the records selected by f, in ID order.
func (r *Register) Activities(ctx context.Context, c ControllerID, f ActivityFilter) iter.Seq2[Activity, error] {
	return r.acts.List(ctx, c, f)
}

// Assessment is the outcome of assessing one record.
type Assessment struct {
	// Activity is the record assessed.
	Activity ActivityID
	// Name is the record's name.
	Name string
	// Findings are the findings of [Assess], grouped by principle.
	Findings []Finding
}

// Assess assesses the record id now ([Assess] with the register's policy).
func (r *Register) Assess(ctx context.Context, c ControllerID, id ActivityID) ([]Finding, error) {
	now := r.now()
	a, err := r.acts.Get(ctx, c, id)
	if err != nil {
		return nil, err
	}
	return AppendAssessment(nil, &a, now, r.policy), nil
}

// AssessAll assesses every record selected by f now, in ID order.
func (r *Register) AssessAll(ctx context.Context, c ControllerID, f ActivityFilter) ([]Assessment, error) {
	now := r.now()
	var out []Assessment
	for a, err := range r.acts.List(ctx, c, f) {
		if err != nil {
			return nil, err
		}
		out = append(out, Assessment{Activity: a.ID, Name: a.Name, Findings: AppendAssessment(nil, &a, now, r.policy)})
	}
	return out, nil
}

// ReceiveRequest registers a data-subject request: it gives it an ID
// (unless it has one), sets its status to [Received] when unset and its
// receipt instant to now when unset, marks an erasure request for the
// retention rules ([ErasurePending]), stamps Created and Updated,
// validates and stores it. It returns the stored request, at Version 1.
func (r *Register) ReceiveRequest(ctx context.Context, c ControllerID, q Request) (Request, error) {
	now := r.now()
	if q.Version != 0 {
		return Request{}, &FieldError{Field: "version", Reason: ReasonInconsistent}
	}
	if q.ID.IsZero() {
		id, err := NewID[requestMark](&r.opts)
		if err != nil {
			return Request{}, err
		}
		q.ID = id
	}
	if q.Status == 0 {
		q.Status = Received
	}
	if q.Received.IsZero() {
		q.Received = now
	}
	if q.Kind == RequestErasure && q.Erasure.Status == 0 {
		q.Erasure.Status = ErasurePending
	}
	q.Created, q.Updated = now, now
	if err := q.Validate(); err != nil {
		return Request{}, err
	}
	if err := r.reqs.Put(ctx, c, q); err != nil {
		return Request{}, err
	}
	q.Version = 1
	r.opts.Log().DebugContext(ctx, "compliance: request received", "request", q)
	return q, nil
}

// UpdateRequest validates a changed request and stores it if its Version is
// the stored one. Created is kept; Updated is stamped.
func (r *Register) UpdateRequest(ctx context.Context, c ControllerID, q Request) (Request, error) {
	now := r.now()
	return r.updateRequest(ctx, c, q, now)
}

func (r *Register) updateRequest(ctx context.Context, c ControllerID, q Request, now time.Time) (Request, error) {
	if q.ID.IsZero() {
		return Request{}, &FieldError{Field: "id", Reason: ReasonRequired}
	}
	old, err := r.reqs.Get(ctx, c, q.ID)
	if err != nil {
		return Request{}, err
	}
	if old.Version != q.Version {
		return Request{}, ErrConflict
	}
	q.Created, q.Updated = old.Created, now
	if err := q.Validate(); err != nil {
		return Request{}, err
	}
	if err := r.reqs.Put(ctx, c, q); err != nil {
		return Request{}, err
	}
	q.Version++
	r.opts.Log().DebugContext(ctx, "compliance: request updated", "request", q)
	return q, nil
}

func (r *Register) modifyRequest(ctx context.Context, c ControllerID, id RequestID, version uint64, f func(*Request, time.Time) error) (Request, error) {
	now := r.now()
	q, err := r.reqs.Get(ctx, c, id)
	if err != nil {
		return Request{}, err
	}
	if q.Version != version {
		return Request{}, ErrConflict
	}
	if err := f(&q, now); err != nil {
		return Request{}, err
	}
	return r.updateRequest(ctx, c, q, now)
}

// errClosed is returned for a change that needs an open request.
var errClosed = &FieldError{Field: "status", Reason: ReasonInconsistent}

// ExtendRequest extends the period for answering the open request id by
// months (1 or 2) further months for the given reason, recording that the
// data subject is told now (Art 12(3)). It fails with a [*FieldError] for
// "extension" when the first month has passed ([ReasonRange]: the notice
// must be given within one month of receipt) or the request was already
// extended ([ReasonDuplicate]), and for "status" when the request is
// closed. A received request moves to [InProgress].
func (r *Register) ExtendRequest(ctx context.Context, c ControllerID, id RequestID, version uint64, reason ExtensionReason, months int) (Request, error) {
	return r.modifyRequest(ctx, c, id, version, func(q *Request, now time.Time) error {
		if !q.Status.Open() {
			return errClosed
		}
		if !q.Extension.IsZero() {
			return &FieldError{Field: "extension", Reason: ReasonDuplicate}
		}
		d, err := q.Deadlines(r.cal, r.method)
		if err != nil {
			return err
		}
		if d.FirstMonth.Passed(now) {
			return &FieldError{Field: "extension", Reason: ReasonRange}
		}
		q.Extension = Extension{Notified: now, Reason: reason, Months: months}
		if q.Status == Received {
			q.Status = InProgress
		}
		return nil
	})
}

// VerifyIdentity records that the requester's identity was confirmed now
// by method (Art 12(6)). A received request moves to [InProgress].
func (r *Register) VerifyIdentity(ctx context.Context, c ControllerID, id RequestID, version uint64, method VerificationMethod) (Request, error) {
	return r.modifyRequest(ctx, c, id, version, func(q *Request, now time.Time) error {
		if !q.Status.Open() {
			return errClosed
		}
		q.Verification = Verification{Method: method, At: now}
		if q.Status == Received {
			q.Status = InProgress
		}
		return nil
	})
}

// DecideErasure records the retention rules' decision on the erasure
// request id: review.Status must be [ErasureAllowed] or [ErasureRefused],
// and a refusal names its Art 17(3) ground (package retention decides;
// this records the outcome and the rule).
func (r *Register) DecideErasure(ctx context.Context, c ControllerID, id RequestID, version uint64, review ErasureReview) (Request, error) {
	return r.modifyRequest(ctx, c, id, version, func(q *Request, _ time.Time) error {
		if q.Kind != RequestErasure {
			return &FieldError{Field: "kind", Reason: ReasonInconsistent}
		}
		if !q.Status.Open() {
			return errClosed
		}
		if review.Status != ErasureAllowed && review.Status != ErasureRefused {
			return &FieldError{Field: "erasure.status", Reason: ReasonInconsistent}
		}
		q.Erasure = review
		return nil
	})
}

// CloseRequest closes the open request id now with status [Answered],
// [Refused] (with its ground, Art 12(4)) or [Withdrawn]. An erasure
// request can be answered or refused only once the retention rules have
// decided it ([Register.DecideErasure]); refusing it because of that
// decision uses [RefusalErasureException].
func (r *Register) CloseRequest(ctx context.Context, c ControllerID, id RequestID, version uint64, status RequestStatus, refusal RefusalGround) (Request, error) {
	return r.modifyRequest(ctx, c, id, version, func(q *Request, now time.Time) error {
		if !q.Status.Open() {
			return errClosed
		}
		if status != Answered && status != Refused && status != Withdrawn {
			return &FieldError{Field: "status", Reason: ReasonInconsistent}
		}
		if q.Kind == RequestErasure && status != Withdrawn && q.Erasure.Status == ErasurePending {
			return &FieldError{Field: "erasure.status", Reason: ReasonInconsistent}
		}
		q.Status, q.Closed, q.Refusal = status, now, refusal
		return nil
	})
}

// Request returns the request id.
func (r *Register) Request(ctx context.Context, c ControllerID, id RequestID) (Request, error) {
	return r.reqs.Get(ctx, c, id)
}

// Requests yields the requests selected by f, in ID order.
func (r *Register) Requests(ctx context.Context, c ControllerID, f RequestFilter) iter.Seq2[Request, error] {
	return r.reqs.List(ctx, c, f)
}

// Due returns what is overdue or due next at instant at (now when at is
// zero) across the controller's open requests, ordered by deadline
// ([DueRequests]).
func (r *Register) Due(ctx context.Context, c ControllerID, at time.Time) ([]Due, error) {
	if at.IsZero() {
		at = r.now()
	}
	var open []Request
	for q, err := range r.reqs.List(ctx, c, RequestFilter{Open: true}) {
		if err != nil {
			return nil, err
		}
		open = append(open, q)
	}
	return DueRequests(r.cal, slices.Values(open), at, r.method)
}

// AssessRequest applies [AssessRequest] to the request id now.
func (r *Register) AssessRequest(ctx context.Context, c ControllerID, id RequestID) ([]Finding, error) {
	now := r.now()
	q, err := r.reqs.Get(ctx, c, id)
	if err != nil {
		return nil, err
	}
	return AssessRequest(q, r.cal, now, r.method)
}

// Export returns the controller's register for export ([RegisterExport]),
// generated now, with controller as the organisation that keeps it.
func (r *Register) Export(ctx context.Context, c ControllerID, controller Party) (RegisterExport, error) {
	now := r.now()
	var acts []Activity
	for a, err := range r.acts.List(ctx, c, ActivityFilter{}) {
		if err != nil {
			return RegisterExport{}, err
		}
		acts = append(acts, a)
	}
	return NewRegisterExport(controller, now, acts), nil
}

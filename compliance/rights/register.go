package rights

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/check"
)

// Options configures a [Register]. A nil *Options and zero fields mean the
// defaults, except that the register must know its jurisdiction: set
// Jurisdiction, Calendar, or both (they must then agree).
type Options struct {
	// Options gives the clock, the ID source and the logger.
	compliance.Options
	// Jurisdiction is the kommune's jurisdiction. With no Calendar the
	// register uses the default calendar of Jurisdiction
	// ([compliance.NewCalendar] with zero [compliance.CalendarOptions]).
	Jurisdiction compliance.Jurisdiction
	// Calendar counts the periods of Art 12(3) and (4) (holidays and time
	// zone); nil means the default calendar of Jurisdiction.
	Calendar *compliance.Calendar
	// Extension is how an extended period for answering a request is
	// counted; zero means [FromReceipt].
	Extension ExtensionMethod
}

// Register is a kommune's register of data-subject requests (Art 12 to 22
// GDPR): the operations type over a [Store]. It validates what it is
// given, assigns IDs, stamps times and applies the rules before anything
// reaches the store, so that a store a host writes cannot weaken them. It
// reads the clock once per operation.
//
// A Register serves any number of controllers; each method is scoped to
// one. Its [compliance.Calendar] gives the jurisdiction's holidays and time
// zone for the periods of Art 12(3) and (4). It is safe for concurrent use
// if its store is. The zero Register is not usable: its methods return an
// error matching [compliance.ErrInvalid]; use [NewRegister].
type Register struct {
	cal    *compliance.Calendar
	reqs   Store
	opts   compliance.Options
	method ExtensionMethod
}

// NewRegister returns a Register over s. It fails with a
// [*compliance.ValidationError] for the entity "register" when s is nil,
// the jurisdiction is unset or disagrees with the calendar, or the
// extension method is unknown.
func NewRegister(s Store, opts *Options) (*Register, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	var v compliance.Validation
	v.Require("store", s != nil)
	cal := check.Calendar(&v, o.Jurisdiction, o.Calendar)
	check.Code(&v, "extension", o.Extension, false)
	if err := v.Err("register"); err != nil {
		return nil, err
	}
	if o.Extension == 0 {
		o.Extension = FromReceipt
	}
	return &Register{cal: cal, reqs: s, opts: o.Options, method: o.Extension}, nil
}

// errZero is returned by the methods of a Register not made by
// [NewRegister].
var errZero = fmt.Errorf("rights: Register not made by NewRegister: %w", compliance.ErrInvalid)

// ready reports errZero for a zero or nil Register, and a validation error
// for a zero controller: every record belongs to one.
func (r *Register) ready(c compliance.ControllerID) error {
	if r == nil || r.reqs == nil {
		return errZero
	}
	if c.IsZero() {
		return &compliance.FieldError{Field: "controller", Reason: compliance.ReasonRequired}
	}
	return nil
}

// Calendar returns the register's calendar.
func (r *Register) Calendar() *compliance.Calendar {
	if r == nil {
		return nil
	}
	return r.cal
}

// now reads the clock, in the calendar's zone.
func (r *Register) now() time.Time { return r.opts.Clock().In(r.cal.Location()) }

// ReceiveRequest registers a data-subject request: it gives it an ID
// (unless it has one), sets its status to [Received] when unset and its
// receipt instant to now when unset, marks an erasure request for the
// retention rules ([ErasurePending]), stamps Created and Updated,
// validates and stores it. It returns the stored request, at Version 1.
func (r *Register) ReceiveRequest(ctx context.Context, c compliance.ControllerID, q Request) (Request, error) {
	if err := r.ready(c); err != nil {
		return Request{}, err
	}
	now := r.now()
	if q.Version != 0 {
		return Request{}, &compliance.FieldError{Field: "version", Reason: compliance.ReasonInconsistent}
	}
	if q.ID.IsZero() {
		id, err := compliance.NewID[requestMark](&r.opts)
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
	if q.Kind == Erasure && q.Erasure.Status == 0 {
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
func (r *Register) UpdateRequest(ctx context.Context, c compliance.ControllerID, q Request) (Request, error) {
	if err := r.ready(c); err != nil {
		return Request{}, err
	}
	now := r.now()
	return r.updateRequest(ctx, c, q, now)
}

func (r *Register) updateRequest(ctx context.Context, c compliance.ControllerID, q Request, now time.Time) (Request, error) {
	if q.ID.IsZero() {
		return Request{}, &compliance.FieldError{Field: "id", Reason: compliance.ReasonRequired}
	}
	old, err := r.reqs.Get(ctx, c, q.ID)
	if err != nil {
		return Request{}, err
	}
	if old.Version != q.Version {
		return Request{}, compliance.ErrConflict
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

func (r *Register) modifyRequest(ctx context.Context, c compliance.ControllerID, id RequestID, version uint64, f func(*Request, time.Time) error) (Request, error) {
	now := r.now()
	q, err := r.reqs.Get(ctx, c, id)
	if err != nil {
		return Request{}, err
	}
	if q.Version != version {
		return Request{}, compliance.ErrConflict
	}
	if err := f(&q, now); err != nil {
		return Request{}, err
	}
	return r.updateRequest(ctx, c, q, now)
}

// errClosed returns the error for a change that needs an open request: a
// new value each time, since a caller may change the one it receives.
func errClosed() error {
	return &compliance.FieldError{Field: "status", Reason: compliance.ReasonInconsistent}
}

// ExtendRequest extends the period for answering the open request id by
// months (1 or 2) further months for the given reason, recording that the
// data subject is told now (Art 12(3)). It fails with a [*compliance.FieldError] for
// "extension" when the first month has passed ([compliance.ReasonRange]: the notice
// must be given within one month of receipt) or the request was already
// extended ([compliance.ReasonDuplicate]), and for "status" when the request is
// closed. A received request moves to [InProgress].
func (r *Register) ExtendRequest(ctx context.Context, c compliance.ControllerID, id RequestID, version uint64, reason ExtensionReason, months int) (Request, error) {
	if err := r.ready(c); err != nil {
		return Request{}, err
	}
	return r.modifyRequest(ctx, c, id, version, func(q *Request, now time.Time) error {
		if !q.Status.Open() {
			return errClosed()
		}
		if !q.Extension.IsZero() {
			return &compliance.FieldError{Field: "extension", Reason: compliance.ReasonDuplicate}
		}
		d, err := q.Deadlines(r.cal, r.method)
		if err != nil {
			return err
		}
		if d.FirstMonth.Passed(now) {
			return &compliance.FieldError{Field: "extension", Reason: compliance.ReasonRange}
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
func (r *Register) VerifyIdentity(ctx context.Context, c compliance.ControllerID, id RequestID, version uint64, method VerificationMethod) (Request, error) {
	if err := r.ready(c); err != nil {
		return Request{}, err
	}
	return r.modifyRequest(ctx, c, id, version, func(q *Request, now time.Time) error {
		if !q.Status.Open() {
			return errClosed()
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
func (r *Register) DecideErasure(ctx context.Context, c compliance.ControllerID, id RequestID, version uint64, review ErasureReview) (Request, error) {
	if err := r.ready(c); err != nil {
		return Request{}, err
	}
	return r.modifyRequest(ctx, c, id, version, func(q *Request, _ time.Time) error {
		if q.Kind != Erasure {
			return &compliance.FieldError{Field: "kind", Reason: compliance.ReasonInconsistent}
		}
		if !q.Status.Open() {
			return errClosed()
		}
		if review.Status != ErasureAllowed && review.Status != ErasureRefused {
			return &compliance.FieldError{Field: "erasure.status", Reason: compliance.ReasonInconsistent}
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
func (r *Register) CloseRequest(ctx context.Context, c compliance.ControllerID, id RequestID, version uint64, status Status, refusal RefusalGround) (Request, error) {
	if err := r.ready(c); err != nil {
		return Request{}, err
	}
	return r.modifyRequest(ctx, c, id, version, func(q *Request, now time.Time) error {
		if !q.Status.Open() {
			return errClosed()
		}
		if status != Answered && status != Refused && status != Withdrawn {
			return &compliance.FieldError{Field: "status", Reason: compliance.ReasonInconsistent}
		}
		if q.Kind == Erasure && status != Withdrawn && q.Erasure.Status == ErasurePending {
			return &compliance.FieldError{Field: "erasure.status", Reason: compliance.ReasonInconsistent}
		}
		q.Status, q.Closed, q.Refusal = status, now, refusal
		return nil
	})
}

// Request returns the request id.
func (r *Register) Request(ctx context.Context, c compliance.ControllerID, id RequestID) (Request, error) {
	if err := r.ready(c); err != nil {
		return Request{}, err
	}
	return r.reqs.Get(ctx, c, id)
}

// Requests yields the requests selected by f, in ID order.
func (r *Register) Requests(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Request, error] {
	if err := r.ready(c); err != nil {
		return func(yield func(Request, error) bool) { yield(Request{}, err) }
	}
	return r.reqs.List(ctx, c, f)
}

// MaxOpen is the most open requests [Register.Due] reads. A large kommune
// receives some hundreds to a few thousand requests from data subjects a
// year, each to be answered within a month or, extended, three (Art 12(3));
// 10,000 open at once is more than a year's requests all left unanswered.
const MaxOpen = 10_000

// Due returns what is overdue or due next at instant at (now when at is
// zero) across the controller's open requests, ordered by deadline
// ([DueOf]). More than [MaxOpen] open requests is an error naming
// "requests" with [compliance.ReasonLength].
func (r *Register) Due(ctx context.Context, c compliance.ControllerID, at time.Time) ([]Due, error) {
	if err := r.ready(c); err != nil {
		return nil, err
	}
	if at.IsZero() {
		at = r.now()
	}
	var open []Request
	for q, err := range r.reqs.List(ctx, c, Filter{Open: true}) {
		if err != nil {
			return nil, err
		}
		if len(open) == MaxOpen {
			return nil, &compliance.FieldError{Field: "requests", Reason: compliance.ReasonLength}
		}
		open = append(open, q)
	}
	return DueOf(r.cal, slices.Values(open), at, r.method)
}

// AssessRequest applies [Assess] to the request id now.
func (r *Register) AssessRequest(ctx context.Context, c compliance.ControllerID, id RequestID) ([]compliance.Finding, error) {
	if err := r.ready(c); err != nil {
		return nil, err
	}
	now := r.now()
	q, err := r.reqs.Get(ctx, c, id)
	if err != nil {
		return nil, err
	}
	return Assess(q, r.cal, now, r.method)
}

package record

import (
	"context"
	"fmt"
	"iter"
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
	// Calendar gives the time zone the days of review are counted in; nil
	// means the default calendar of Jurisdiction.
	Calendar *compliance.Calendar
	// Policy is the assessment policy; nil means the zero [Policy].
	Policy *Policy
}

// Register is a kommune's register of processing activities (Art 30 GDPR):
// the operations type over a [Store]. It validates what it is given,
// assigns IDs, stamps times and applies the rules before anything reaches
// the store, so that a store a host writes cannot weaken them. It reads the
// clock once per operation.
//
// A Register serves any number of controllers; each method is scoped to
// one. Its [compliance.Calendar] gives the jurisdiction's time zone for
// the days of review. It is safe for concurrent use if its store is. The
// zero Register is not usable: its methods return an error matching
// [compliance.ErrInvalid]; use [NewRegister].
type Register struct {
	cal    *compliance.Calendar
	acts   Store
	opts   compliance.Options
	policy *Policy
}

// NewRegister returns a Register over s. It fails with a
// [*compliance.ValidationError] for the entity "register" when s is nil,
// the jurisdiction is unset or disagrees with the calendar, or the policy
// is invalid.
func NewRegister(s Store, opts *Options) (*Register, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	var v compliance.Validation
	v.Require("store", s != nil)
	cal := check.Calendar(&v, o.Jurisdiction, o.Calendar)
	v.Check("policy", o.Policy.Validate())
	if err := v.Err("register"); err != nil {
		return nil, err
	}
	if o.Policy == nil {
		o.Policy = &Policy{}
	}
	p := *o.Policy
	return &Register{cal: cal, acts: s, opts: o.Options, policy: &p}, nil
}

// errZero is returned by the methods of a Register not made by
// [NewRegister].
var errZero = fmt.Errorf("record: Register not made by NewRegister: %w", compliance.ErrInvalid)

// ready reports errZero for a zero or nil Register, and a validation error
// for a zero controller: every record belongs to one.
func (r *Register) ready(c compliance.ControllerID) error {
	if r == nil || r.acts == nil {
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

// CreateActivity validates a new record, gives it an ID (unless it has
// one), defaults its role to [RoleController] and its status to [Draft],
// stamps Created and Updated, and stores it. A record created as approved
// must be complete (see [Register.Approve]). It returns the stored record,
// at Version 1.
func (r *Register) CreateActivity(ctx context.Context, c compliance.ControllerID, a Activity) (Activity, error) {
	if err := r.ready(c); err != nil {
		return Activity{}, err
	}
	now := r.now()
	if a.Version != 0 {
		return Activity{}, &compliance.FieldError{Field: "version", Reason: compliance.ReasonInconsistent}
	}
	if a.ID.IsZero() {
		id, err := compliance.NewID[activityMark](&r.opts)
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
// the stored one (else [compliance.ErrConflict]). Created is kept from the stored
// record; Updated is stamped. An approved record must be complete. It
// returns the stored record.
func (r *Register) UpdateActivity(ctx context.Context, c compliance.ControllerID, a Activity) (Activity, error) {
	if err := r.ready(c); err != nil {
		return Activity{}, err
	}
	now := r.now()
	return r.updateActivity(ctx, c, a, now)
}

func (r *Register) updateActivity(ctx context.Context, c compliance.ControllerID, a Activity, now time.Time) (Activity, error) {
	if a.ID.IsZero() {
		return Activity{}, &compliance.FieldError{Field: "id", Reason: compliance.ReasonRequired}
	}
	old, err := r.acts.Get(ctx, c, a.ID)
	if err != nil {
		return Activity{}, err
	}
	if old.Version != a.Version {
		return Activity{}, compliance.ErrConflict
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
	var v compliance.Validation
	for _, f := range a.appendMissing(nil) {
		if f.Severity == compliance.Violation {
			v.Add(f.Subject, compliance.ReasonRequired)
		}
	}
	return v.Err("activity")
}

// Approve approves the record id at the given version: it must be complete
// — every item Art 30 requires, as [Activity.Missing] reports them, except
// those asked for "where possible" — or Approve fails with a
// [*compliance.ValidationError] naming each missing field. Approval counts as a
// review ([Register.Review]).
func (r *Register) Approve(ctx context.Context, c compliance.ControllerID, id ActivityID, version uint64) (Activity, error) {
	if err := r.ready(c); err != nil {
		return Activity{}, err
	}
	now := r.now()
	return r.modifyActivity(ctx, c, id, version, now, func(a *Activity) {
		a.Status = Approved
		r.reviewed(a, now)
	})
}

// Review records that the record id, at the given version, was reviewed
// today: ReviewedOn is today and NextReview today plus the policy's
// ReviewInterval (or unset when the policy has none).
func (r *Register) Review(ctx context.Context, c compliance.ControllerID, id ActivityID, version uint64) (Activity, error) {
	if err := r.ready(c); err != nil {
		return Activity{}, err
	}
	now := r.now()
	return r.modifyActivity(ctx, c, id, version, now, func(a *Activity) { r.reviewed(a, now) })
}

func (r *Register) reviewed(a *Activity, now time.Time) {
	a.ReviewedOn = compliance.DateOf(now)
	a.NextReview = compliance.Date{}
	if !r.policy.ReviewInterval.IsZero() {
		a.NextReview = addPeriod(a.ReviewedOn, r.policy.ReviewInterval)
	}
}

func (r *Register) modifyActivity(ctx context.Context, c compliance.ControllerID, id ActivityID, version uint64, now time.Time, f func(*Activity)) (Activity, error) {
	a, err := r.acts.Get(ctx, c, id)
	if err != nil {
		return Activity{}, err
	}
	if a.Version != version {
		return Activity{}, compliance.ErrConflict
	}
	f(&a)
	return r.updateActivity(ctx, c, a, now)
}

// Activity returns the record id.
func (r *Register) Activity(ctx context.Context, c compliance.ControllerID, id ActivityID) (Activity, error) {
	if err := r.ready(c); err != nil {
		return Activity{}, err
	}
	return r.acts.Get(ctx, c, id)
}

// Activities yields the records selected by f, in ID order.
func (r *Register) Activities(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Activity, error] {
	if err := r.ready(c); err != nil {
		return func(yield func(Activity, error) bool) { yield(Activity{}, err) }
	}
	return r.acts.List(ctx, c, f)
}

// Assessment is the outcome of assessing one record.
type Assessment struct {
	// Activity is the record assessed.
	Activity ActivityID `json:"activity"`
	// Name is the record's name.
	Name string `json:"name"`
	// Findings are the findings of [Assess], grouped by principle.
	Findings []compliance.Finding `json:"findings"`
}

// Assess assesses the record id now ([Assess] with the register's policy).
func (r *Register) Assess(ctx context.Context, c compliance.ControllerID, id ActivityID) ([]compliance.Finding, error) {
	if err := r.ready(c); err != nil {
		return nil, err
	}
	now := r.now()
	a, err := r.acts.Get(ctx, c, id)
	if err != nil {
		return nil, err
	}
	return AppendAssessment(nil, &a, now, r.policy), nil
}

// MaxActivities is the most records [Register.AssessAll] and
// [Register.Export] read. A kommune's record of processing holds some
// hundreds of activities, the largest a few thousand (about one per system
// and purpose); 10,000 leaves room for that while keeping an assessment of
// all of them, and an export with a table row each, bounded work.
const MaxActivities = 10_000

// AssessAll assesses every record selected by f now, in ID order. More
// than [MaxActivities] selected records is an error naming "activities"
// with [compliance.ReasonLength].
func (r *Register) AssessAll(ctx context.Context, c compliance.ControllerID, f Filter) ([]Assessment, error) {
	if err := r.ready(c); err != nil {
		return nil, err
	}
	now := r.now()
	var out []Assessment
	for a, err := range r.acts.List(ctx, c, f) {
		if err != nil {
			return nil, err
		}
		if len(out) == MaxActivities {
			return nil, &compliance.FieldError{Field: "activities", Reason: compliance.ReasonLength}
		}
		out = append(out, Assessment{Activity: a.ID, Name: a.Name, Findings: AppendAssessment(nil, &a, now, r.policy)})
	}
	return out, nil
}

// Export returns the controller's register for export ([Export]),
// generated now, with controller as the organisation that keeps it. More
// than [MaxActivities] stored records is an error naming "activities" with
// [compliance.ReasonLength].
func (r *Register) Export(ctx context.Context, c compliance.ControllerID, controller Party) (Export, error) {
	if err := r.ready(c); err != nil {
		return Export{}, err
	}
	now := r.now()
	var acts []Activity
	for a, err := range r.acts.List(ctx, c, Filter{}) {
		if err != nil {
			return Export{}, err
		}
		if len(acts) == MaxActivities {
			return Export{}, &compliance.FieldError{Field: "activities", Reason: compliance.ReasonLength}
		}
		acts = append(acts, a)
	}
	return NewExport(controller, now, acts), nil
}

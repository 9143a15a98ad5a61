package training

import (
	"context"
	"errors"
	"iter"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Options configures a [Register].
type Options struct {
	// Options carries the clock, the ID source and the logger.
	compliance.Options
	// Jurisdiction is the kommune's: the day of a question is the day in its
	// time zone. Required.
	Jurisdiction compliance.Jurisdiction
	// Policy holds the kommune's choices for coverage.
	Policy Policy
	// MaxCompletions bounds the completions [Register.Coverage] reads. Zero
	// means [MaxCompletions]; a host may set less, never more.
	MaxCompletions int
}

// Register keeps a kommune's courses and completions through its stores and
// answers the coverage question. It validates, stamps IDs and times and
// applies every rule before a store is called. It is safe for concurrent use
// if the stores are. The zero Register is not usable: its methods return
// [ErrNotConfigured].
type Register struct {
	courses     Store
	completions CompletionStore
	opts        compliance.Options
	j           compliance.Jurisdiction
	loc         *time.Location
	policy      Policy
	maxDone     int
}

// ErrNotConfigured is returned by the methods of a Register not made by
// [NewRegister].
var ErrNotConfigured = errors.New("training: register not configured (use NewRegister)")

// NewRegister returns the training register over the two stores. It fails
// when a store is nil, the jurisdiction is invalid, the policy is invalid,
// MaxCompletions is out of range or the time-zone database is missing.
func NewRegister(courses Store, completions CompletionStore, opts *Options) (*Register, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	var v compliance.Validation
	v.Require("courses", courses != nil)
	v.Require("completions", completions != nil)
	v.Require("jurisdiction", o.Jurisdiction.Valid())
	v.Check("policy", o.Policy.Validate())
	if o.MaxCompletions < 0 || o.MaxCompletions > MaxCompletions {
		v.Add("max-completions", compliance.ReasonRange)
	}
	if err := v.Err("register"); err != nil {
		return nil, err
	}
	loc, err := time.LoadLocation(o.Jurisdiction.TimeZone())
	if err != nil {
		return nil, err
	}
	maxDone := o.MaxCompletions
	if maxDone == 0 {
		maxDone = MaxCompletions
	}
	return &Register{courses: courses, completions: completions, opts: o.Options, j: o.Jurisdiction, loc: loc, policy: o.Policy, maxDone: maxDone}, nil
}

func (r *Register) ready(c compliance.ControllerID) error {
	if r == nil || r.courses == nil {
		return ErrNotConfigured
	}
	if c.IsZero() {
		return &compliance.FieldError{Field: "controller", Reason: compliance.ReasonRequired}
	}
	return nil
}

// AddCourse validates k, gives it a new ID and stamps Created and
// Updated, and stores it. It returns the stored course (Version 1).
func (r *Register) AddCourse(ctx context.Context, c compliance.ControllerID, k Course) (Course, error) {
	if err := r.ready(c); err != nil {
		return Course{}, err
	}
	if err := k.Validate(); err != nil {
		return Course{}, err
	}
	id, err := compliance.NewID[course](&r.opts)
	if err != nil {
		return Course{}, err
	}
	now := r.opts.Clock().UTC()
	k = k.Clone()
	k.ID, k.Version, k.Created, k.Updated = id, 0, now, now
	if err := r.courses.Put(ctx, c, k); err != nil {
		return Course{}, err
	}
	k.Version = 1
	r.opts.Log().DebugContext(ctx, "training: course added", "course", k.ID.String())
	return k, nil
}

// UpdateCourse validates course and replaces the stored course of the same
// ID if its Version is still course.Version ([compliance.ErrConflict]
// otherwise). It returns the stored course.
func (r *Register) UpdateCourse(ctx context.Context, c compliance.ControllerID, course Course) (Course, error) {
	if err := r.ready(c); err != nil {
		return Course{}, err
	}
	if err := course.Validate(); err != nil {
		return Course{}, err
	}
	old, err := r.courses.Get(ctx, c, course.ID)
	if err != nil {
		return Course{}, err
	}
	if old.Version != course.Version {
		return Course{}, compliance.ErrConflict
	}
	course = course.Clone()
	course.Created, course.Updated = old.Created, r.opts.Clock().UTC()
	if err := r.courses.Put(ctx, c, course); err != nil {
		return Course{}, err
	}
	course.Version++
	return course, nil
}

// Course returns course id.
func (r *Register) Course(ctx context.Context, c compliance.ControllerID, id CourseID) (Course, error) {
	if err := r.ready(c); err != nil {
		return Course{}, err
	}
	return r.courses.Get(ctx, c, id)
}

// Courses yields the courses f selects, in ID order.
func (r *Register) Courses(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Course, error] {
	if err := r.ready(c); err != nil {
		return func(yield func(Course, error) bool) { yield(Course{}, err) }
	}
	return r.courses.List(ctx, c, f)
}

// Complete records a completion: it checks that the course exists,
// validates, gives it an ID and stores it.
func (r *Register) Complete(ctx context.Context, c compliance.ControllerID, done Completion) (Completion, error) {
	if err := r.ready(c); err != nil {
		return Completion{}, err
	}
	if err := done.Validate(); err != nil {
		return Completion{}, err
	}
	if _, err := r.courses.Get(ctx, c, done.Course); err != nil {
		if errors.Is(err, compliance.ErrNotFound) {
			return Completion{}, &compliance.FieldError{Field: "completion.course", Reason: compliance.ReasonUnknown}
		}
		return Completion{}, err
	}
	id, err := compliance.NewID[completion](&r.opts)
	if err != nil {
		return Completion{}, err
	}
	done.ID, done.Version, done.Created = id, 0, r.opts.Clock().UTC()
	if err := r.completions.Put(ctx, c, done); err != nil {
		return Completion{}, err
	}
	done.Version = 1
	r.opts.Log().DebugContext(ctx, "training: completion recorded", "completion", done.ID.String(), "course", done.Course.String())
	return done, nil
}

// Completions yields the completions f selects, in ID order.
func (r *Register) Completions(ctx context.Context, c compliance.ControllerID, f CompletionFilter) iter.Seq2[Completion, error] {
	if err := r.ready(c); err != nil {
		return func(yield func(Completion, error) bool) { yield(Completion{}, err) }
	}
	return r.completions.List(ctx, c, f)
}

// Coverage answers the coverage question for staff today (by the clock, in
// the kommune's time zone) from every stored course and completion. More
// than [MaxCourse] stored courses, or more stored completions than
// [Options.MaxCompletions], is an error naming "courses" or "completions"
// with [compliance.ReasonLength]; it stops reading at the first one over.
func (r *Register) Coverage(ctx context.Context, c compliance.ControllerID, staff []Employee) (Coverage, error) {
	if err := r.ready(c); err != nil {
		return Coverage{}, err
	}
	on := compliance.DateOf(r.opts.Clock().In(r.loc))
	var courses []Course
	for course, err := range r.courses.List(ctx, c, Filter{}) {
		if err != nil {
			return Coverage{}, err
		}
		if len(courses) == MaxCourse {
			return Coverage{}, &compliance.FieldError{Field: "courses", Reason: compliance.ReasonLength}
		}
		courses = append(courses, course)
	}
	var done []Completion
	for d, err := range r.completions.List(ctx, c, CompletionFilter{}) {
		if err != nil {
			return Coverage{}, err
		}
		if len(done) == r.maxDone {
			return Coverage{}, &compliance.FieldError{Field: "completions", Reason: compliance.ReasonLength}
		}
		done = append(done, d)
	}
	return Measure(on, courses, staff, done, r.policy)
}

package retention

import (
	"context"
	"errors"
	"iter"
	"sync"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Options configures a [Plan]: the clock, ID source and logger of
// [compliance.Options], and the [Policy] its schedules count periods by. A
// nil *Options means the defaults.
type Options struct {
	compliance.Options
	// Policy is applied by every Schedule the Plan compiles.
	Policy Policy
}

func (o *Options) base() *compliance.Options {
	if o == nil {
		return nil
	}
	return &o.Options
}

func (o *Options) policy() Policy {
	if o == nil {
		return Policy{}
	}
	return o.Policy
}

// Plan is one controller's retention plan (bevarings- og kassationsplan,
// bevarings- og kassasjonsplan) kept in a [Store]: it adds and updates rules
// after validating them, stamps their IDs and times, and compiles them into
// a [Schedule] that decides records. Every operation reads the clock once.
// A Plan is safe for concurrent use if its Store is.
//
// One classification has one rule. A Plan checks that before it writes and
// serialises its own Adds and Updates, and the [Store] contract makes the
// write itself fail when another rule holds the classification
// ([Rule.ClassKey]), so that Plans in several processes over one database
// cannot both add a rule for the same class. Should a store that does not
// keep that promise hold two rules for one class, [Plan.Schedule] reports
// them ([Schedule.Conflicts]) and the records of that class get an error
// from Decide and Sweep, while every other record is decided as usual.
//
// The zero Plan is not usable: its methods return [ErrNoPlan].
type Plan struct {
	store  Store
	c      compliance.ControllerID
	opts   *Options
	writes sync.Mutex // serialises Add and Update's check and write
}

// ErrNoPlan is returned by the methods of a [Plan] that was not made by
// [NewPlan].
var ErrNoPlan = errors.New("retention: Plan not made by NewPlan")

// NewPlan returns the plan of controller c kept in s. It returns a
// [*compliance.ValidationError] for a nil store ("store"), a zero
// controller ("controller").
func NewPlan(s Store, c compliance.ControllerID, opts *Options) (*Plan, error) {
	var v compliance.Validation
	v.Require("store", s != nil)
	v.Require("controller", !c.IsZero())
	if err := v.Err("plan"); err != nil {
		return nil, err
	}
	return &Plan{store: s, c: c, opts: opts}, nil
}

// ok reports whether p was made by NewPlan.
func (p *Plan) ok() bool { return p != nil && p.store != nil }

// Add validates r, gives it a new ID, Version 0 and the current time as
// Created and Updated, and stores it; it returns the stored rule (Version
// 1). A rule whose classification another rule already covers is rejected
// with a [*compliance.ValidationError] naming "class" as a duplicate. The
// ID and Version r carries are ignored. More than [MaxRules] stored rules
// of r's jurisdiction and scheme is an error naming "rules" with
// [compliance.ReasonLength].
func (p *Plan) Add(ctx context.Context, r Rule) (Rule, error) {
	if !p.ok() {
		return Rule{}, ErrNoPlan
	}
	now := p.opts.base().Clock().UTC()
	u, err := p.opts.base().UUID()
	if err != nil {
		return Rule{}, err
	}
	r = r.Clone()
	r.ID, r.Version, r.Created, r.Updated = compliance.RetentionRuleID{UUID: u}, 0, now, now
	if err := p.write(ctx, r); err != nil {
		return Rule{}, err
	}
	r.Version = 1
	p.opts.base().Log().DebugContext(ctx, "retention: rule added", "rule", r)
	return r, nil
}

// Update validates r and replaces the stored rule with the same ID, if its
// Version is still r.Version; it keeps the stored Created, sets Updated to
// the current time and returns the stored rule (Version+1). It fails with
// [compliance.ErrNotFound] for an unknown rule, [compliance.ErrConflict] for
// a stale Version, and a [*compliance.ValidationError] for an invalid rule
// or a duplicate classification.
func (p *Plan) Update(ctx context.Context, r Rule) (Rule, error) {
	if !p.ok() {
		return Rule{}, ErrNoPlan
	}
	now := p.opts.base().Clock().UTC()
	old, err := p.store.Get(ctx, p.c, r.ID)
	if err != nil {
		return Rule{}, err
	}
	if old.Version != r.Version {
		return Rule{}, compliance.ErrConflict
	}
	r = r.Clone()
	r.Created, r.Updated = old.Created, now
	if err := p.write(ctx, r); err != nil {
		return Rule{}, err
	}
	r.Version++
	p.opts.base().Log().DebugContext(ctx, "retention: rule updated", "rule", r)
	return r, nil
}

// write checks r and stores it, holding the Plan's lock so that two of its
// own Adds cannot both pass the check. The store's unique class key covers
// other Plans and processes: a conflict from the store is a duplicate class
// when a new check finds one (always, for a new rule, whose fresh ID cannot
// clash), and a stale Version otherwise.
func (p *Plan) write(ctx context.Context, r Rule) error {
	p.writes.Lock()
	defer p.writes.Unlock()
	if err := p.check(ctx, r); err != nil {
		return err
	}
	err := p.store.Put(ctx, p.c, r)
	if errors.Is(err, compliance.ErrConflict) {
		if cerr := p.check(ctx, r); cerr != nil {
			return cerr
		}
	}
	return err
}

// check validates r and that no other stored rule covers its
// classification. It reads at most [MaxRules] stored rules, and fails with
// a FieldError naming "rules" past them.
func (p *Plan) check(ctx context.Context, r Rule) error {
	if err := r.Validate(); err != nil {
		return err
	}
	read := 0
	for other, err := range p.store.List(ctx, p.c, Filter{Jurisdiction: r.Jurisdiction, Scheme: r.Scheme}) {
		if err != nil {
			return err
		}
		if read == MaxRules {
			return &compliance.FieldError{Field: "rules", Reason: compliance.ReasonLength}
		}
		read++
		if other.ID != r.ID && sameClass(other, r) {
			var v compliance.Validation
			v.Add("class", compliance.ReasonDuplicate)
			return v.Err("rule")
		}
	}
	return nil
}

// sameClass reports whether a and b cover the same classification.
func sameClass(a, b Rule) bool {
	return a.Jurisdiction == b.Jurisdiction && a.Scheme == b.Scheme && a.ClassKey() == b.ClassKey()
}

// Get returns the rule id, or an error matching [compliance.ErrNotFound].
func (p *Plan) Get(ctx context.Context, id compliance.RetentionRuleID) (Rule, error) {
	if !p.ok() {
		return Rule{}, ErrNoPlan
	}
	return p.store.Get(ctx, p.c, id)
}

// Rules yields the rules that match f, in ID order, as [Store.List] does.
func (p *Plan) Rules(ctx context.Context, f Filter) iter.Seq2[Rule, error] {
	if !p.ok() {
		return func(yield func(Rule, error) bool) { yield(Rule{}, ErrNoPlan) }
	}
	return p.store.List(ctx, p.c, f)
}

// Schedule compiles every rule of the plan with the Options' Policy (see
// [Compile]). Compile once and decide many records with the result; it is
// immutable and safe to share.
//
// Unlike Compile, Schedule does not fail for a stored rule that is invalid
// or covers a classification another rule also covers (which a Store that
// keeps its contract never holds): it leaves such rules out, lists them in
// [Schedule.Excluded], logs a warning with their IDs, and makes Decide,
// Erasure and Sweep return an error for the records of their classes, so
// that one bad rule never hides the decisions about every other record.
//
// More than [MaxRules] stored rules, invalid ones counted, is an error
// naming "rules" with [compliance.ReasonLength]; Schedule stops reading at
// the first rule over the bound, and so do Decide, Erasure and Sweep, which
// compile the plan.
func (p *Plan) Schedule(ctx context.Context) (*Schedule, error) {
	if !p.ok() {
		return nil, ErrNoPlan
	}
	var rules []Rule
	for r, err := range p.store.List(ctx, p.c, Filter{}) {
		if err != nil {
			return nil, err
		}
		if len(rules) == MaxRules {
			return nil, &compliance.FieldError{Field: "rules", Reason: compliance.ReasonLength}
		}
		rules = append(rules, r)
	}
	s, err := compile(rules, p.opts.policy(), true)
	if err == nil && len(s.excluded) > 0 {
		ids := make([]string, len(s.excluded))
		for i, id := range s.excluded {
			ids[i] = id.String()
		}
		p.opts.base().Log().WarnContext(ctx, "retention: rules left out of the schedule (invalid, or a classification with two rules)", "rules", ids)
	}
	return s, err
}

// Sweep compiles the plan and sweeps records at the current time (read
// once), as [Schedule.Sweep] does. When the plan cannot be compiled, the
// sequence yields that error once; when ctx is done, it yields ctx.Err()
// and stops.
func (p *Plan) Sweep(ctx context.Context, records iter.Seq2[Record, error], sum *Summary) iter.Seq2[Decision, error] {
	return func(yield func(Decision, error) bool) {
		if !p.ok() {
			yield(Decision{}, ErrNoPlan)
			return
		}
		at := p.opts.base().Clock()
		s, err := p.Schedule(ctx)
		if err != nil {
			yield(Decision{}, err)
			return
		}
		log := p.opts.base().Log()
		before := Summary{}
		if sum != nil {
			before = *sum
		}
		for d, err := range s.Sweep(records, at, sum) {
			if cerr := ctx.Err(); cerr != nil {
				yield(Decision{}, cerr)
				return
			}
			if !yield(d, err) {
				return
			}
			if err != nil && !errors.Is(err, compliance.ErrInvalid) {
				return
			}
		}
		if sum != nil {
			log.DebugContext(ctx, "retention: sweep", "at", at,
				"records", sum.Records-before.Records, "delete", sum.Delete-before.Delete,
				"transfer", sum.Transfer-before.Transfer, "review", sum.Review-before.Review)
		}
	}
}

// Decide compiles the plan and decides r at the current time, as
// [Schedule.Decide] does. To decide many records, compile once with
// [Plan.Schedule].
func (p *Plan) Decide(ctx context.Context, r Record) (Decision, error) {
	if !p.ok() {
		return Decision{Record: r.ID}, ErrNoPlan
	}
	at := p.opts.base().Clock()
	s, err := p.Schedule(ctx)
	if err != nil {
		return Decision{Record: r.ID}, err
	}
	return s.Decide(r, at)
}

// Erasure compiles the plan and answers a request for erasure of r made
// now, as [Schedule.Erasure] does, and logs the outcome (IDs and codes
// only).
func (p *Plan) Erasure(ctx context.Context, r Record) (Erasure, error) {
	if !p.ok() {
		return Erasure{Decision: Decision{Record: r.ID}}, ErrNoPlan
	}
	at := p.opts.base().Clock()
	s, err := p.Schedule(ctx)
	if err != nil {
		return Erasure{Decision: Decision{Record: r.ID}}, err
	}
	x, err := s.Erasure(r, at)
	if err == nil {
		p.opts.base().Log().DebugContext(ctx, "retention: erasure request", "erasure", x, "at", at.Format(time.RFC3339))
	}
	return x, err
}

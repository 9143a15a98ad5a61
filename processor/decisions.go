package processor

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/tillid/tillid/compliance"
)

// DecisionID identifies a [Decision] kept as evidence in a
// [DecisionStore]. [Snapshot.Check] leaves it zero (a check is pure and
// allocation-free); [Registry.Record] assigns one (a uuid v7, so IDs sort
// by the time they were recorded) when it stores the decision.
type DecisionID = compliance.ID[Decision]

// DecisionStore keeps the decisions a kommune relies on as evidence of its
// accountability (Art 5(2), 24 GDPR): what was asked, what was answered,
// under which rule set, policy and processor version. Implementations must
// be safe for concurrent use; processortest.RunDecisions checks the
// contract and processortest.NewMemDecisionStore is the reference.
//
// The contract is the one of [Store] ("Implementing a Store" in the
// README), for records that never change: decisions are evidence, so there
// is no update and no Version.
//
//   - Get returns the decision of controller c with the given ID, or
//     [compliance.ErrNotFound] — also when another controller has one with
//     that ID (each controller has its own ID space).
//   - Put stores a copy of d for controller c; it fails with
//     [compliance.ErrConflict] when c already has a decision with d.ID.
//   - List yields copies of c's decisions that match f (see
//     [DecisionFilter.Match]) in ID order; on failure it yields (zero, err)
//     as its last pair; it stops when the loop body stops, checks ctx
//     between decisions and holds no lock while yielding.
//   - Values go in and out by copy, including their findings' slices.
type DecisionStore interface {
	Get(ctx context.Context, c compliance.ControllerID, id DecisionID) (Decision, error)
	Put(ctx context.Context, c compliance.ControllerID, d Decision) error
	List(ctx context.Context, c compliance.ControllerID, f DecisionFilter) iter.Seq2[Decision, error]
}

// DecisionFilter selects decisions in [DecisionStore.List]. The zero
// filter selects every decision; each set field narrows the selection.
type DecisionFilter struct {
	// Processor selects decisions about the processor.
	Processor compliance.ProcessorID `json:"processor,omitzero"`
	// Outcome selects decisions with the outcome.
	Outcome Outcome `json:"outcome,omitzero"`
	// From selects decisions made at or after the instant (Decision.At).
	From time.Time `json:"from,omitzero"`
	// To selects decisions made before the instant.
	To time.Time `json:"to,omitzero"`
}

// Match reports whether d is selected by f.
func (f DecisionFilter) Match(d Decision) bool {
	switch {
	case !f.Processor.IsZero() && d.Processor != f.Processor:
		return false
	case f.Outcome != 0 && d.Outcome != f.Outcome:
		return false
	case !f.From.IsZero() && d.At.Before(f.From):
		return false
	case !f.To.IsZero() && !d.At.Before(f.To):
		return false
	}
	return true
}

// Validate reports whether d can be kept as evidence: an ID, a known
// outcome, a processor, an instant and a rule set.
func (d Decision) Validate() error {
	var v compliance.Validation
	v.Require("id", !d.ID.IsZero())
	v.Require("outcome", d.Outcome.Valid())
	v.Require("processor", !d.Processor.IsZero())
	v.Require("at", !d.At.IsZero())
	checkName(&v, "ruleSet", d.RuleSet, true)
	checkList(&v, "findings", len(d.Findings))
	return v.Err("decision")
}

// Clone returns a deep copy of d: no slice of the copy, nor of its
// findings' arguments, shares memory with d. The findings' Refs are shared:
// [compliance.Refs] is immutable.
func (d Decision) Clone() Decision {
	if d.Findings != nil {
		fs := make([]compliance.Finding, len(d.Findings))
		for i, f := range d.Findings {
			fs[i] = cloneFinding(f)
		}
		d.Findings = fs
	}
	return d
}

func cloneFinding(f compliance.Finding) compliance.Finding {
	if f.Args != nil {
		as := make([]compliance.Arg, len(f.Args))
		for i, a := range f.Args {
			a.Keys = slices.Clone(a.Keys)
			if a.Ref != nil {
				r := *a.Ref
				a.Ref = &r
			}
			as[i] = a
		}
		f.Args = as
	}
	return f
}

// Record keeps d as evidence in the [Options.Decisions] store, assigning
// it an ID when it has none, and returns the decision as stored. It fails
// when the registry has no decision store, when d is invalid (a
// [*compliance.ValidationError]) and with the store's error, such as
// [compliance.ErrConflict] for an ID already used.
func (r *Registry) Record(ctx context.Context, d Decision) (Decision, error) {
	if err := r.usable(); err != nil {
		return Decision{}, err
	}
	if r.opts.Decisions == nil {
		return Decision{}, &compliance.FieldError{Field: "decisions", Reason: compliance.ReasonRequired}
	}
	d = d.Clone()
	if d.ID.IsZero() {
		id, err := compliance.NewID[Decision](&r.opts.Options)
		if err != nil {
			return Decision{}, fmt.Errorf("processor: new ID: %w", err)
		}
		d.ID = id
	}
	if err := d.Validate(); err != nil {
		return Decision{}, err
	}
	if err := r.opts.Decisions.Put(ctx, r.controller, d); err != nil {
		return Decision{}, err
	}
	return d, nil
}

package breach

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Options configure a [Register]. A nil *Options and zero fields mean the
// defaults, as with [slog.HandlerOptions].
type Options struct {
	// Options carries the clock, the ID source and the logger.
	compliance.Options
	// Calendar counts the deadlines, in the kommune's jurisdiction. Nil
	// means compliance.NewCalendar(j, compliance.CalendarOptions{}): Danish
	// helligdage only (irrelevant to the 72 hours, which are elapsed time)
	// and hours counted from the instant of awareness. Pass a calendar with
	// [compliance.HourCountNextHour] for the strict reading of Reg 1182/71.
	Calendar *compliance.Calendar
	// Policy judges the risk; nil means the default policy.
	Policy *Policy
}

// Register is the breach register of a kommune: it records incidents,
// applies the rules of Art 33 and 34 GDPR to them, and answers what is due
// across the register. It validates, stamps IDs and times, and applies the
// rules in library code before the [Store] is called, so a store cannot
// weaken them. It reads the clock once per operation. It is safe for
// concurrent use if the store is.
type Register struct {
	store  Store
	j      compliance.Jurisdiction
	opts   compliance.Options
	cal    *compliance.Calendar
	policy *Policy
}

// NewRegister returns the register of a kommune in jurisdiction j over
// store s. It fails when s is nil, j is invalid, the calendar is of
// another jurisdiction, the policy is invalid, or the time-zone database is
// missing.
func NewRegister(s Store, j compliance.Jurisdiction, opts *Options) (*Register, error) {
	var v compliance.Validation
	v.Require("store", s != nil)
	v.Require("jurisdiction", j.Valid())
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.Calendar != nil && o.Calendar.Jurisdiction() != j {
		v.Add("calendar", compliance.ReasonInconsistent)
	}
	v.Check("policy", o.Policy.Validate())
	if err := v.Err("register"); err != nil {
		return nil, err
	}
	if o.Calendar == nil {
		cal, err := compliance.NewCalendar(j, compliance.CalendarOptions{})
		if err != nil {
			return nil, err
		}
		o.Calendar = cal
	}
	return &Register{store: s, j: j, opts: o.Options, cal: o.Calendar, policy: o.Policy}, nil
}

// Jurisdiction returns the kommune's jurisdiction.
func (r *Register) Jurisdiction() compliance.Jurisdiction { return r.j }

// Calendar returns the calendar the register counts deadlines with.
func (r *Register) Calendar() *compliance.Calendar { return r.cal }

// Create registers a new incident. It assigns b an ID, sets Registered to
// now and Version to 0, normalises every instant to UTC, validates it and
// stores it. It returns the stored breach (Version 1).
func (r *Register) Create(ctx context.Context, c compliance.ControllerID, b Breach) (Breach, error) {
	now := r.opts.Clock()
	u, err := r.opts.UUID()
	if err != nil {
		return Breach{}, fmt.Errorf("breach: new id: %w", err)
	}
	b.ID, b.Version, b.Registered = ID{UUID: u}, 0, now
	b = b.utc()
	if err := b.Validate(); err != nil {
		return Breach{}, err
	}
	if err := r.store.Put(ctx, c, b); err != nil {
		return Breach{}, storeErr("create", err)
	}
	b.Version = 1
	r.opts.Log().LogAttrs(ctx, debug, "breach: created", attrBreach(b))
	return b, nil
}

// Get returns the breach id.
func (r *Register) Get(ctx context.Context, c compliance.ControllerID, id ID) (Breach, error) {
	b, err := r.store.Get(ctx, c, id)
	if err != nil {
		return Breach{}, storeErr("get", err)
	}
	return b, nil
}

// Update stores a changed breach: b.Version must be the version read (an
// update that lost a race fails with [compliance.ErrConflict]), and its
// Registered instant must be unchanged. It returns the stored breach.
func (r *Register) Update(ctx context.Context, c compliance.ControllerID, b Breach) (Breach, error) {
	old, err := r.store.Get(ctx, c, b.ID)
	if err != nil {
		return Breach{}, storeErr("update", err)
	}
	if !old.Registered.Equal(b.Registered) {
		return Breach{}, invalid("registered", compliance.ReasonInconsistent)
	}
	b = b.utc()
	if err := b.Validate(); err != nil {
		return Breach{}, err
	}
	if err := r.store.Put(ctx, c, b); err != nil {
		return Breach{}, storeErr("update", err)
	}
	b.Version++
	r.opts.Log().LogAttrs(ctx, debug, "breach: updated", attrBreach(b))
	return b, nil
}

// Modify reads breach id, applies change to it and stores it, in one
// optimistic transaction: it retries up to three times when another writer
// got there first ([compliance.ErrConflict]).
func (r *Register) Modify(ctx context.Context, c compliance.ControllerID, id ID, change func(*Breach) error) (Breach, error) {
	var err error
	for range 3 {
		var b Breach
		if b, err = r.Get(ctx, c, id); err != nil {
			return Breach{}, err
		}
		if err = change(&b); err != nil {
			return Breach{}, err
		}
		b.ID = id
		if b, err = r.Update(ctx, c, b); err == nil {
			return b, nil
		}
		if !errors.Is(err, compliance.ErrConflict) {
			return Breach{}, err
		}
	}
	return Breach{}, err
}

// Classify records whether incident id is a personal data breach.
func (r *Register) Classify(ctx context.Context, c compliance.ControllerID, id ID, cls Classification) (Breach, error) {
	if !cls.Valid() {
		return Breach{}, invalid("classification", compliance.ReasonRequired)
	}
	return r.Modify(ctx, c, id, func(b *Breach) error { b.Classification = cls; return nil })
}

// RecordNotification records a notification to Datatilsynet. A zero n.At
// means now, a zero n.Phase the next phase (Initial for the first, FollowUp
// after). Recording a late notification is allowed; until Text.DelayReasons
// is recorded the assessment has a Violation finding (Art 33(1)).
func (r *Register) RecordNotification(ctx context.Context, c compliance.ControllerID, id ID, n AuthorityNotification) (Breach, error) {
	now := r.opts.Clock()
	return r.Modify(ctx, c, id, func(b *Breach) error {
		if n.At.IsZero() {
			n.At = now
		}
		if n.Phase == 0 {
			n.Phase = Initial
			if len(b.Authority) > 0 {
				n.Phase = FollowUp
			}
		}
		b.Authority = append(slices.Clip(b.Authority), n)
		return nil
	})
}

// RecordCommunication records a communication to the data subjects, or a
// public communication. A zero s.At means now.
func (r *Register) RecordCommunication(ctx context.Context, c compliance.ControllerID, id ID, s SubjectCommunication) (Breach, error) {
	now := r.opts.Clock()
	return r.Modify(ctx, c, id, func(b *Breach) error {
		if s.At.IsZero() {
			s.At = now
		}
		b.Communications = append(slices.Clip(b.Communications), s)
		return nil
	})
}

// Assess assesses breach id now; see [Policy.Assess].
func (r *Register) Assess(ctx context.Context, c compliance.ControllerID, id ID) (Breach, Assessment, error) {
	now := r.opts.Clock()
	b, err := r.Get(ctx, c, id)
	if err != nil {
		return Breach{}, Assessment{}, err
	}
	a, err := r.policy.Assess(b, r.cal, now)
	if err != nil {
		return Breach{}, Assessment{}, err
	}
	r.opts.Log().LogAttrs(ctx, debug, "breach: assessed", attrBreach(b),
		slog.String("risk", a.Risk.String()), slog.String("status", a.Status.String()))
	return b, a, nil
}

// AssessBreach assesses b (which need not be stored) at instant at with the
// register's calendar and policy.
func (r *Register) AssessBreach(b Breach, at time.Time) (Assessment, error) {
	return r.policy.Assess(b, r.cal, at)
}

// Due returns the duties open across the register at instant at (zero
// means now): notifications to Datatilsynet that are due or overdue,
// reasons for delay that are missing, follow-ups promised, and
// communications to data subjects. They come overdue first, then by
// deadline, then those "without undue delay" that have no fixed deadline.
func (r *Register) Due(ctx context.Context, c compliance.ControllerID, at time.Time) ([]Due, error) {
	if at.IsZero() {
		at = r.opts.Clock()
	}
	var out []Due
	for b, err := range r.store.List(ctx, c, Filter{}) {
		if err != nil {
			return nil, storeErr("due", err)
		}
		a, err := r.policy.Decide(b, r.cal, at)
		if err != nil {
			return nil, err
		}
		out = append(out, a.Duties...)
	}
	slices.SortFunc(out, compareDue)
	return out, nil
}

// Notices returns the notice to Datatilsynet and, when the data subjects
// are to be told, the letter to them (nil otherwise), for breach id as
// assessed now.
func (r *Register) Notices(ctx context.Context, c compliance.ControllerID, id ID, contact Contact) (authority compliance.Document, letter *compliance.Document, err error) {
	b, a, err := r.Assess(ctx, c, id)
	if err != nil {
		return compliance.Document{}, nil, err
	}
	authority = AuthorityNotice(b, a, contact)
	if a.Communicate == DirectCommunication || a.Communicate == PublicCommunication {
		l := SubjectsLetter(b, a, contact)
		letter = &l
	}
	return authority, letter, nil
}

// storeErr wraps a store error: the sentinels stay matchable with
// errors.Is; any other error is the store's own and is reported as is,
// without the library adding to it (its text is the host's).
func storeErr(op string, err error) error {
	if errors.Is(err, compliance.ErrNotFound) || errors.Is(err, compliance.ErrConflict) {
		return fmt.Errorf("breach: %s: %w", op, err)
	}
	return err
}

// invalid returns a validation error of one field of a breach.
func invalid(field string, r compliance.Reason) error {
	var v compliance.Validation
	v.Add(field, r)
	return v.Err("breach")
}

// debug is the level of the register's log records.
const debug = slog.LevelDebug

// attrBreach is the log attribute of a breach: IDs and codes only
// ([Breach.LogValue]).
func attrBreach(b Breach) slog.Attr { return slog.Any("breach", b) }

package breach

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Options configure a [Register]. Jurisdiction is required; the other zero
// fields mean the defaults, as with [slog.HandlerOptions].
type Options struct {
	// Options carries the clock, the ID source and the logger.
	compliance.Options
	// Jurisdiction is the kommune's: Denmark or Norway. Required.
	Jurisdiction compliance.Jurisdiction
	// Calendar counts the deadlines, in the kommune's jurisdiction. Nil
	// means compliance.NewCalendar(j, compliance.CalendarOptions{}): Danish
	// helligdage only (irrelevant to the 72 hours, which are elapsed time)
	// and hours counted from the instant of awareness. Pass a calendar with
	// [compliance.HourCountNextHour] for the strict reading of Reg 1182/71.
	Calendar *compliance.Calendar
	// Policy judges the risk; nil means the default policy.
	Policy *Policy
	// MaxBreaches bounds the stored breaches [Register.Due] reads. Zero
	// means [MaxBreaches]; a host may set less, never more.
	MaxBreaches int
}

// MaxBreaches is the most stored breaches [Register.Due] reads: the whole
// register of a kommune, since Due assesses every stored breach. Ballerup
// (50,000 inhabitants) registers some 60 to 70 incidents a year; the
// largest kommune, about ten times its size, would register under a
// thousand, so decades of its register stay well under 100,000, each
// breach a few kilobytes in memory. A register past it holds records that
// were not meant for it.
const MaxBreaches = 100_000

// Register is the breach register of a kommune: it records incidents,
// applies the rules of Art 33 and 34 GDPR to them, and answers what is due
// across the register. It validates, stamps IDs and times, and applies the
// rules in library code before the [Store] is called, so a store cannot
// weaken them. It reads the clock once per operation. It is safe for
// concurrent use if the store is.
type Register struct {
	store   Store
	j       compliance.Jurisdiction
	opts    compliance.Options
	cal     *compliance.Calendar
	policy  *Policy
	maxRead int // the stored breaches Due reads at most
}

// NewRegister returns the breach register over store s, in the
// jurisdiction opts.Jurisdiction. It fails when s is nil, opts is nil or
// its jurisdiction invalid, the calendar is of another jurisdiction, the
// policy is invalid, MaxBreaches is out of range, or the time-zone database
// is missing.
//
// The zero Register is not usable: its methods return an error matching
// [compliance.ErrInvalid] naming "register".
func NewRegister(s Store, opts *Options) (*Register, error) {
	var v compliance.Validation
	v.Require("store", s != nil)
	var o Options
	if opts != nil {
		o = *opts
	}
	j := o.Jurisdiction
	v.Require("jurisdiction", j.Valid())
	if o.Calendar != nil && o.Calendar.Jurisdiction() != j {
		v.Add("calendar", compliance.ReasonInconsistent)
	}
	v.Check("policy", o.Policy.Validate())
	if o.MaxBreaches < 0 || o.MaxBreaches > MaxBreaches {
		v.Add("max-breaches", compliance.ReasonRange)
	}
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
	maxRead := o.MaxBreaches
	if maxRead == 0 {
		maxRead = MaxBreaches
	}
	return &Register{store: s, j: j, opts: o.Options, cal: o.Calendar, policy: o.Policy, maxRead: maxRead}, nil
}

// Jurisdiction returns the kommune's jurisdiction (zero for the zero
// Register).
func (r *Register) Jurisdiction() compliance.Jurisdiction {
	if r == nil {
		return 0
	}
	return r.j
}

// Calendar returns the calendar the register counts deadlines with (nil for
// the zero Register).
func (r *Register) Calendar() *compliance.Calendar {
	if r == nil {
		return nil
	}
	return r.cal
}

// check reports an error when r is the zero Register or c is the zero
// controller.
func (r *Register) check(c compliance.ControllerID) error {
	var v compliance.Validation
	if r == nil || r.store == nil || r.cal == nil {
		v.Add("", compliance.ReasonRequired)
		return v.Err("register")
	}
	v.Require("controller", !c.IsZero())
	return v.Err("register")
}

// Create registers a new incident. It assigns b an ID, sets Registered to
// now and Version to 0, normalises every instant to UTC, validates it and
// stores it. It returns the stored breach (Version 1).
func (r *Register) Create(ctx context.Context, c compliance.ControllerID, b Breach) (Breach, error) {
	if err := r.check(c); err != nil {
		return Breach{}, err
	}
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
	if err := r.check(c); err != nil {
		return Breach{}, err
	}
	b, err := r.store.Get(ctx, c, id)
	if err != nil {
		return Breach{}, storeErr("get", err)
	}
	return b, nil
}

// List yields the breaches of controller c that match f, in ID order (see
// [Store.List]); on failure it yields (zero, err) as its last pair.
func (r *Register) List(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Breach, error] {
	if err := r.check(c); err != nil {
		return func(yield func(Breach, error) bool) { yield(Breach{}, err) }
	}
	return r.store.List(ctx, c, f)
}

// Update stores a changed breach: b.Version must be the version read (an
// update that lost a race fails with [compliance.ErrConflict] — the
// register compares the versions itself before the store does), and its
// Registered instant must be unchanged. It returns the stored breach.
func (r *Register) Update(ctx context.Context, c compliance.ControllerID, b Breach) (Breach, error) {
	if err := r.check(c); err != nil {
		return Breach{}, err
	}
	old, err := r.store.Get(ctx, c, b.ID)
	if err != nil {
		return Breach{}, storeErr("update", err)
	}
	if old.Version != b.Version {
		return Breach{}, fmt.Errorf("breach: update: %w", compliance.ErrConflict)
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
	if err := r.check(c); err != nil {
		return Breach{}, err
	}
	if change == nil {
		return Breach{}, invalid("change", compliance.ReasonRequired)
	}
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
// means now — or the last notification's instant, if a concurrent writer
// with a later clock recorded one, so that a retry never puts them out of
// order; a zero n.Phase means the next phase (Initial for the first,
// FollowUp after). Recording a late notification is allowed; until
// Text.DelayReasons is recorded the assessment has a Violation finding
// (Art 33(1)). Losing every retry to other writers fails with
// [compliance.ErrConflict].
func (r *Register) RecordNotification(ctx context.Context, c compliance.ControllerID, id ID, n AuthorityNotification) (Breach, error) {
	if err := r.check(c); err != nil {
		return Breach{}, err
	}
	now := r.opts.Clock()
	zero := n.At.IsZero()
	return r.Modify(ctx, c, id, func(b *Breach) error {
		n := n
		if zero {
			n.At = now
			if k := len(b.Authority); k > 0 && b.Authority[k-1].At.After(now) {
				n.At = b.Authority[k-1].At
			}
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
// public communication. A zero s.At means now — or the last
// communication's instant, if a concurrent writer with a later clock
// recorded one, so that a retry never puts them out of order. Losing every
// retry to other writers fails with [compliance.ErrConflict], never as
// invalid input.
func (r *Register) RecordCommunication(ctx context.Context, c compliance.ControllerID, id ID, s SubjectCommunication) (Breach, error) {
	if err := r.check(c); err != nil {
		return Breach{}, err
	}
	now := r.opts.Clock()
	zero := s.At.IsZero()
	return r.Modify(ctx, c, id, func(b *Breach) error {
		s := s
		if zero {
			s.At = now
			if k := len(b.Communications); k > 0 && b.Communications[k-1].At.After(now) {
				s.At = b.Communications[k-1].At
			}
		}
		b.Communications = append(slices.Clip(b.Communications), s)
		return nil
	})
}

// Assess assesses breach id now; see [Policy.Assess].
func (r *Register) Assess(ctx context.Context, c compliance.ControllerID, id ID) (Breach, Assessment, error) {
	if err := r.check(c); err != nil {
		return Breach{}, Assessment{}, err
	}
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
	if r == nil || r.cal == nil {
		return Assessment{}, r.check(compliance.ControllerID{})
	}
	return r.policy.Assess(b, r.cal, at)
}

// Due returns the duties open across the register at instant at (zero
// means now): notifications to Datatilsynet that are due or overdue,
// reasons for delay that are missing, follow-ups promised, and
// communications to data subjects. They come overdue first, then by
// deadline, then those "without undue delay" that have no fixed deadline.
//
// One bad record never hides the rest: a stored breach the rules cannot
// assess (an instant the calendar cannot count, a malformed field) is
// skipped and reported in a [*BadRecordsError] naming it by ID, returned
// together with the duties of every other record. A failure of the store
// itself ends the list and is returned with the duties gathered so far.
//
// More stored breaches than [Options.MaxBreaches] ([MaxBreaches] by
// default), counting the bad records with the good, is an error naming
// "breaches" with [compliance.ReasonLength]: Due stops reading at the first
// breach over the bound and returns that error alone, with no duties and
// no [*BadRecordsError], since a list of duties that silently leaves out
// part of the register is one the DPO cannot act on.
func (r *Register) Due(ctx context.Context, c compliance.ControllerID, at time.Time) ([]Due, error) {
	if err := r.check(c); err != nil {
		return nil, err
	}
	if at.IsZero() {
		at = r.opts.Clock()
	}
	var out []Due
	var bad BadRecordsError
	var storeFailure error
	read := 0
	for b, err := range r.store.List(ctx, c, Filter{}) {
		if err != nil {
			storeFailure = storeErr("due", err)
			break
		}
		if read == r.maxRead {
			return nil, &compliance.FieldError{Field: "breaches", Reason: compliance.ReasonLength}
		}
		read++
		if err := b.Validate(); err != nil {
			bad.add(b.ID, err)
			continue
		}
		a, err := r.policy.Decide(b, r.cal, at)
		if err != nil {
			bad.add(b.ID, err)
			continue
		}
		out = append(out, a.Duties...)
	}
	slices.SortFunc(out, compareDue)
	if len(bad.IDs) > 0 {
		r.opts.Log().LogAttrs(ctx, slog.LevelWarn, "breach: records skipped", slog.Int("count", len(bad.IDs)))
		return out, errors.Join(storeFailure, &bad)
	}
	return out, storeFailure
}

// maxBadIDs bounds the IDs a [BadRecordsError] lists.
const maxBadIDs = 100

// BadRecordsError reports stored breaches that [Register.Due] could not
// assess and skipped. It names them by ID only — never their content — and
// matches [compliance.ErrInvalid].
type BadRecordsError struct {
	// IDs are the records skipped, at most 100 of them.
	IDs []ID
	// More counts the records skipped beyond IDs.
	More int
	// Errs are the reasons, one per ID; each is a validation error that
	// names fields, never values.
	Errs []error
}

func (e *BadRecordsError) add(id ID, err error) {
	if len(e.IDs) == maxBadIDs {
		e.More++
		return
	}
	e.IDs = append(e.IDs, id)
	e.Errs = append(e.Errs, err)
}

// Error lists the IDs of the records skipped.
func (e *BadRecordsError) Error() string {
	var sb strings.Builder
	sb.WriteString("breach: records that cannot be assessed were skipped:")
	for _, id := range e.IDs {
		sb.WriteString(" ")
		sb.WriteString(id.String())
	}
	if e.More > 0 {
		sb.WriteString(" and ")
		sb.WriteString(strconv.Itoa(e.More))
		sb.WriteString(" more")
	}
	return sb.String()
}

// Is reports whether target is [compliance.ErrInvalid].
func (e *BadRecordsError) Is(target error) bool { return target == compliance.ErrInvalid }

// Unwrap returns the reasons.
func (e *BadRecordsError) Unwrap() []error { return e.Errs }

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

package processor

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Store persists a kommune's processor records. Implementations must be
// safe for concurrent use.
//
// Get returns the record of controller c with the given ID, or
// [compliance.ErrNotFound].
//
// Put stores a copy of p for controller c. With p.Version == 0 it creates
// the record and fails with [compliance.ErrConflict] if the ID exists;
// otherwise it updates the record only if the stored Version equals
// p.Version, failing with [compliance.ErrConflict] if it does not and
// [compliance.ErrNotFound] if there is no record. The stored record has
// Version+1.
//
// List yields copies of the records of controller c that match f (the zero
// Filter matches every record; see [Filter.Match]), in ID order
// ([compliance.ID.Compare]). On failure it yields (zero, err) as its last
// pair. It stops when the loop body stops, checks ctx between records, may
// be ranged over more than once, and does not hold locks while yielding, so
// the loop body may call the store.
//
// Values go in and out by copy: a store never keeps or hands out a slice a
// caller can change. processortest.Run checks all of this.
type Store interface {
	Get(ctx context.Context, c compliance.ControllerID, id compliance.ProcessorID) (Processor, error)
	Put(ctx context.Context, c compliance.ControllerID, p Processor) error
	List(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Processor, error]
}

// Filter selects processor records in [Store.List]. The zero Filter selects
// every record; each set field narrows the selection.
type Filter struct {
	// Country selects processors established in the country.
	Country compliance.Country `json:"country,omitzero"`
	// Location selects processors that, themselves or through a
	// sub-processor, host the data in or reach them from the country.
	Location compliance.Country `json:"location,omitzero"`
}

// Match reports whether p is selected by f. Stores may use it, or do the
// same in their query language.
func (f Filter) Match(p Processor) bool {
	if !f.Country.IsZero() && p.Country != f.Country {
		return false
	}
	if !f.Location.IsZero() {
		in := func(ls []Location) bool {
			return slices.ContainsFunc(ls, func(l Location) bool { return l.Country == f.Location })
		}
		if !in(p.Locations) && !slices.ContainsFunc(p.SubProcessors, func(s SubProcessor) bool { return in(s.Locations) }) {
			return false
		}
	}
	return true
}

// Options configures a [Registry]: the clock, the ID source and the logger
// of [compliance.Options], the kommune's [Policy], and where decisions are
// kept as evidence. A nil *Options is invalid: a registry needs a policy.
type Options struct {
	compliance.Options
	// Policy is the kommune's policy; required (its Jurisdiction at least).
	Policy Policy
	// Decisions keeps decisions as evidence for [Registry.Record]; nil when
	// the host keeps them itself.
	Decisions DecisionStore
	// MaxProcessors bounds the records [Registry.Load] reads. Zero means
	// [MaxProcessors]; a host may set less, never more.
	MaxProcessors int
}

// MaxProcessors is the most processor records one registry holds:
// [Registry.Load] reads every record of the kommune, and [Compile] takes
// them all at once. A kommune's KITOS holds hundreds to a few thousand
// systems and suppliers; the registry is measured at up to 100,000
// processors (the Check, Load and Update benchmarks of issue 19), and the
// bound is twice that, so every size known to perform stays inside it,
// while a store past it, with a snapshot of hundreds of megabytes, holds
// records that were not meant for one kommune.
const MaxProcessors = 200_000

// Registry is a kommune's register of processors: it validates and stores
// records through a [Store], and answers [Registry.Check],
// [Registry.Lookup] and [Registry.Overview] from an immutable [Snapshot]
// compiled from the store. It is safe for concurrent use.
//
// A write costs the work of one processor: [Registry.Put] and
// [Registry.Refresh] compile the one record and install it in a new
// snapshot that shares everything else with the old one. Installation is
// ordered by the record's Version: a snapshot never holds an older version
// of a processor than one it held before, whichever writer finishes
// first, and a write acknowledged to its caller is what every later Check
// sees (or a newer version). [Registry.Load] compiles every record, and
// never replaces a newer entry that a concurrent write installed.
//
// A new Registry has not read the store: until the first successful Load,
// its snapshot is not [Snapshot.Complete], and Check denies a processor it
// does not hold with [CodeNotLoaded] — never with [CodeUnknown], which
// would say the store has no such processor. Call Load at start-up; call
// Refresh when another instance reports a change to one processor, or
// Load again to catch up with every change.
//
// The zero Registry is not usable: its methods return
// [ErrNotConfigured] (Check a denial with [CodeNotLoaded]).
type Registry struct {
	store      Store
	controller compliance.ControllerID
	opts       *Options
	base       *Snapshot // the policy and location, with no processors
	cal        *compliance.Calendar
	mu         sync.Mutex // serialises installers of snap
	snap       atomic.Pointer[Snapshot]
	maxRead    int // the records Load reads at most
}

// ErrNotConfigured is returned by the methods of a Registry not made by
// [NewRegistry].
var ErrNotConfigured = errors.New("processor: registry not made by NewRegistry")

// NewRegistry returns the registry of controller c over store s under
// opts.Policy. It fails for a nil store, a zero controller, nil options,
// an invalid policy or MaxProcessors out of range, and when the
// jurisdiction's time zone cannot be loaded. The registry has not read the
// store: call [Registry.Load].
func NewRegistry(s Store, c compliance.ControllerID, opts *Options) (*Registry, error) {
	switch {
	case s == nil:
		return nil, &compliance.FieldError{Field: "store", Reason: compliance.ReasonRequired}
	case c.IsZero():
		return nil, &compliance.FieldError{Field: "controller", Reason: compliance.ReasonRequired}
	case opts == nil:
		return nil, &compliance.FieldError{Field: "options.policy", Reason: compliance.ReasonRequired}
	case opts.MaxProcessors < 0 || opts.MaxProcessors > MaxProcessors:
		return nil, &compliance.FieldError{Field: "options.max-processors", Reason: compliance.ReasonRange}
	}
	base, err := newSnapshot(opts.Policy)
	if err != nil {
		return nil, err
	}
	cal, err := compliance.NewCalendar(opts.Policy.Jurisdiction, compliance.CalendarOptions{})
	if err != nil {
		return nil, err
	}
	base.cal = cal
	o := *opts
	o.Policy = base.policy
	maxRead := o.MaxProcessors
	if maxRead == 0 {
		maxRead = MaxProcessors
	}
	r := &Registry{store: s, controller: c, opts: &o, base: base, cal: cal, maxRead: maxRead}
	r.snap.Store(base)
	return r, nil
}

func (r *Registry) usable() error {
	if r == nil || r.store == nil {
		return ErrNotConfigured
	}
	return nil
}

// Get returns the processor record id from the store.
func (r *Registry) Get(ctx context.Context, id compliance.ProcessorID) (Processor, error) {
	if err := r.usable(); err != nil {
		return Processor{}, err
	}
	return r.store.Get(ctx, r.controller, id)
}

// Put validates p and stores it, creating it when p.Version is 0. It
// assigns IDs to the processor and to any agreement, sub-processor or audit
// that has none, and stamps today's date (by the Options' clock, in the
// jurisdiction's zone) as Changed on every sub-processor that is new or
// whose identity, ownership or locations changed, so that transfer impact
// assessments made before are re-triggered. It returns the stored record
// with its new Version, and installs it in the registry's snapshot before
// it returns (the work of one processor).
//
// Put checks the version itself before it writes, as the store does
// again: [compliance.ErrConflict] when p.Version is 0 and the ID exists or
// p.Version is not the stored one, [compliance.ErrNotFound] when p.Version
// is not 0 and there is no record. Other errors: a
// [*compliance.ValidationError] for an invalid record; any store error as
// the store returned it.
func (r *Registry) Put(ctx context.Context, p Processor) (Processor, error) {
	if err := r.usable(); err != nil {
		return Processor{}, err
	}
	now := r.opts.Clock()
	today := compliance.DateOf(now.In(r.base.loc))
	p = p.Clone()
	if err := r.assignIDs(&p); err != nil {
		return Processor{}, err
	}
	var old *Processor
	o, err := r.store.Get(ctx, r.controller, p.ID)
	switch {
	case err != nil && !errors.Is(err, compliance.ErrNotFound):
		return Processor{}, err
	case err != nil && p.Version != 0:
		return Processor{}, compliance.ErrNotFound
	case err == nil && o.Version != p.Version:
		return Processor{}, compliance.ErrConflict
	case err == nil:
		old = &o
	}
	stampChanges(&p, old, today)
	if err := p.Validate(); err != nil {
		return Processor{}, err
	}
	if err := r.store.Put(ctx, r.controller, p); err != nil {
		return Processor{}, err
	}
	p.Version++
	r.opts.Log().Debug("processor stored", "processor", p)
	r.install(r.base.compile(r.cal, &p))
	return p, nil
}

// install puts c into the current snapshot unless the snapshot already
// holds the same or a newer version of the processor.
func (r *Registry) install(c *compiled) {
	r.mu.Lock()
	defer r.mu.Unlock()
	cur := r.snap.Load()
	if old := cur.t.get(c.id); old != nil && old.version >= c.version {
		return
	}
	r.snap.Store(cur.with(c))
}

// Refresh reads processor id from the store and installs it in the
// snapshot, unless the snapshot holds the same or a newer version: the way
// for a server to catch up with one processor that another instance
// changed (on a notification), at the cost of one processor. It returns
// the store's error, such as [compliance.ErrNotFound].
func (r *Registry) Refresh(ctx context.Context, id compliance.ProcessorID) error {
	if err := r.usable(); err != nil {
		return err
	}
	p, err := r.store.Get(ctx, r.controller, id)
	if err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return fmt.Errorf("processor: stored record: %w", err)
	}
	r.install(r.base.compile(r.cal, &p))
	return nil
}
func (r *Registry) assignIDs(p *Processor) error {
	var err error
	if p.ID.IsZero() {
		u, err := r.opts.UUID()
		if err != nil {
			return fmt.Errorf("processor: new ID: %w", err)
		}
		p.ID = compliance.ProcessorID{UUID: u}
	}
	for i := range p.Agreements {
		if p.Agreements[i].ID.IsZero() {
			if p.Agreements[i].ID, err = compliance.NewID[Agreement](&r.opts.Options); err != nil {
				return fmt.Errorf("processor: new ID: %w", err)
			}
		}
	}
	for i := range p.SubProcessors {
		if p.SubProcessors[i].ID.IsZero() {
			if p.SubProcessors[i].ID, err = compliance.NewID[SubProcessor](&r.opts.Options); err != nil {
				return fmt.Errorf("processor: new ID: %w", err)
			}
		}
	}
	for i := range p.Audits {
		if p.Audits[i].ID.IsZero() {
			if p.Audits[i].ID, err = compliance.NewID[Audit](&r.opts.Options); err != nil {
				return fmt.Errorf("processor: new ID: %w", err)
			}
		}
	}
	return nil
}

// stampChanges sets Changed to today on every sub-processor of p that is
// not in old, or whose identity, ownership or locations differ from old's,
// unless the caller recorded a later change itself.
func stampChanges(p *Processor, old *Processor, today compliance.Date) {
	for i := range p.SubProcessors {
		s := &p.SubProcessors[i]
		var prev *SubProcessor
		if old != nil {
			for j := range old.SubProcessors {
				if old.SubProcessors[j].ID == s.ID {
					prev = &old.SubProcessors[j]
				}
			}
		}
		switch {
		case prev == nil:
			if s.Changed.IsZero() {
				s.Changed = today
			}
		case !sameSub(*prev, *s) && !s.Changed.After(prev.Changed):
			s.Changed = today
		}
	}
}

func sameSub(a, b SubProcessor) bool {
	return a.Name == b.Name && a.Address == b.Address && a.Country == b.Country && a.Service == b.Service &&
		a.Parent == b.Parent && slices.Equal(a.Locations, b.Locations)
}

// Load compiles a new snapshot from every record in the store and makes it
// current, keeping any entry that a concurrent write installed at a newer
// version than the one Load read. After the first successful Load the
// snapshot is [Snapshot.Complete]. On error the current snapshot stays: a
// registry that has not loaded stays not loaded, and Check denies what it
// does not hold with [CodeNotLoaded].
//
// More records than [Options.MaxProcessors] ([MaxProcessors] by default)
// is an error naming "processors" with [compliance.ReasonLength]; Load
// stops reading at the first record over the bound.
func (r *Registry) Load(ctx context.Context) (*Snapshot, error) {
	if err := r.usable(); err != nil {
		return nil, err
	}
	var ps []Processor
	for p, err := range r.store.List(ctx, r.controller, Filter{}) {
		if err != nil {
			return nil, err
		}
		if len(ps) == r.maxRead {
			return nil, &compliance.FieldError{Field: "processors", Reason: compliance.ReasonLength}
		}
		ps = append(ps, p)
	}
	s, err := r.base.compileAll(r.cal, ps)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	cur := r.snap.Load()
	cur.t.each(func(c *compiled) {
		if n := s.t.get(c.id); n == nil || n.version < c.version {
			s.t.set(c, true)
		}
	})
	r.snap.Store(s)
	r.mu.Unlock()
	r.opts.Log().Debug("processor registry loaded", "processors", len(ps))
	return s, nil
}

// Snapshot returns the current snapshot (nil for the zero or nil
// Registry).
func (r *Registry) Snapshot() *Snapshot {
	if r == nil {
		return nil
	}
	return r.snap.Load()
}

// Check is [Snapshot.Check] on the current snapshot.
func (r *Registry) Check(req Request, at time.Time) Decision { return r.Snapshot().Check(req, at) }

// Lookup is [Snapshot.Lookup] on the current snapshot. Before the first
// Load it finds only the processors the registry wrote or refreshed.
func (r *Registry) Lookup(k Key) (compliance.ProcessorID, bool) { return r.Snapshot().Lookup(k) }

// Overview is [Snapshot.Overview] on the current snapshot.
func (r *Registry) Overview(at time.Time, horizon compliance.Period) Overview {
	return r.Snapshot().Overview(at, horizon)
}

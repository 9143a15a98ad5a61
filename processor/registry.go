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
// of [compliance.Options]. A nil *Options means the defaults.
type Options struct {
	compliance.Options
}

// Registry is a kommune's register of processors: it validates and stores
// records through a [Store], and answers [Registry.Check] and
// [Registry.Overview] from an immutable [Snapshot] it compiles from the
// store. It is safe for concurrent use.
//
// Load compiles the snapshot from the store; call it at start-up and
// whenever other processes may have changed the store. Put keeps the
// snapshot of this Registry current itself. Check and Overview read the
// snapshot without locks: a reload replaces it atomically, and decisions
// made meanwhile use the old one.
type Registry struct {
	store      Store
	controller compliance.ControllerID
	opts       *Options
	base       *Snapshot // the policy and location, with no processors
	cal        *compliance.Calendar
	mu         sync.Mutex // serialises writers of snap
	snap       atomic.Pointer[Snapshot]
}

// NewRegistry returns the registry of controller c over store s with
// policy. It fails when the policy is invalid or the jurisdiction's time
// zone cannot be loaded.
func NewRegistry(s Store, c compliance.ControllerID, policy Policy, opts *Options) (*Registry, error) {
	if s == nil || c.IsZero() {
		return nil, &compliance.FieldError{Field: "store", Reason: compliance.ReasonRequired}
	}
	base, err := newSnapshot(policy)
	if err != nil {
		return nil, err
	}
	base.procs = map[compliance.ProcessorID]*compiled{}
	cal, err := compliance.NewCalendar(policy.Jurisdiction, compliance.CalendarOptions{})
	if err != nil {
		return nil, err
	}
	base.cal = cal
	if opts == nil {
		opts = &Options{}
	}
	r := &Registry{store: s, controller: c, opts: opts, base: base, cal: cal}
	r.snap.Store(base)
	return r, nil
}

// Get returns the processor record id.
func (r *Registry) Get(ctx context.Context, id compliance.ProcessorID) (Processor, error) {
	return r.store.Get(ctx, r.controller, id)
}

// Put validates p and stores it, creating it when p.Version is 0. It
// assigns IDs to the processor and to any agreement, sub-processor or audit
// that has none, and stamps today's date (by the Options' clock, in the
// jurisdiction's zone) as Changed on every sub-processor that is new or
// whose identity, ownership or locations changed, so that transfer impact
// assessments made before are re-triggered. It returns the stored record
// with its new Version, and updates the registry's snapshot (a copy of the
// snapshot's index, so a Put costs time in proportion to the number of
// processors; bulk changes are better stored directly and followed by
// Load).
//
// Errors: a [*compliance.ValidationError] for an invalid record; the store's
// [compliance.ErrConflict] or [compliance.ErrNotFound]; any other store
// error as the store returned it.
func (r *Registry) Put(ctx context.Context, p Processor) (Processor, error) {
	now := r.opts.Clock()
	today := compliance.DateOf(now.In(r.base.loc))
	p = p.Clone()
	if err := r.assignIDs(&p); err != nil {
		return Processor{}, err
	}
	var old *Processor
	if p.Version != 0 {
		o, err := r.store.Get(ctx, r.controller, p.ID)
		if err != nil && !errors.Is(err, compliance.ErrNotFound) {
			return Processor{}, err
		}
		if err == nil {
			old = &o
		}
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

	r.mu.Lock()
	defer r.mu.Unlock()
	cur := r.snap.Load()
	r.snap.Store(cur.with(cur.compile(r.cal, &p)))
	return p, nil
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
// current. On error the current snapshot stays.
func (r *Registry) Load(ctx context.Context) (*Snapshot, error) {
	var ps []Processor
	for p, err := range r.store.List(ctx, r.controller, Filter{}) {
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	s, err := r.base.compileAll(r.cal, ps)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	r.snap.Store(s)
	r.mu.Unlock()
	r.opts.Log().Debug("processor registry loaded", "processors", len(ps))
	return s, nil
}

// Snapshot returns the current snapshot.
func (r *Registry) Snapshot() *Snapshot { return r.snap.Load() }

// Check is [Snapshot.Check] on the current snapshot.
func (r *Registry) Check(req Request, at time.Time) Decision { return r.snap.Load().Check(req, at) }

// Overview is [Snapshot.Overview] on the current snapshot.
func (r *Registry) Overview(at time.Time, horizon compliance.Period) Overview {
	return r.snap.Load().Overview(at, horizon)
}

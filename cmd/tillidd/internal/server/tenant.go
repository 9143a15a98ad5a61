package server

import (
	"context"
	"sync"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/retention"
)

// tenant holds the operations objects of one kommune. It is created on the
// kommune's first request and cached for the life of the process: the
// processor registry keeps a compiled snapshot, which is what makes a check
// cheap. Everything here is wiring: the constructors are the only lines that
// change when the library's constructors do.
type tenant struct {
	ctrl     Controller
	lang     *i18n.Printer // the kommune's default language
	procs    *processor.Registry
	breaches *breach.Register
	records  *compliance.Register
	dpias    *dpia.Register
	plan     *retention.Plan
	cal      *compliance.Calendar

	loadMu sync.Mutex // serialises reloads of the registry
	index  lookupIndex
}

func (s *Server) newTenant(ctx context.Context, c Controller) (*tenant, error) {
	copts := s.cfg.Options
	reg, err := processor.NewRegistry(s.be.Processors(), c.ID, processor.Policy{Jurisdiction: c.Jurisdiction},
		&processor.Options{Options: copts})
	if err != nil {
		return nil, err
	}
	br, err := breach.NewRegister(s.be.Breaches(), c.Jurisdiction, &breach.Options{Options: copts})
	if err != nil {
		return nil, err
	}
	cal, err := compliance.NewCalendar(c.Jurisdiction, compliance.CalendarOptions{})
	if err != nil {
		return nil, err
	}
	recs, err := compliance.NewRegister(cal, s.be.Activities(), s.be.Requests(), &compliance.RegisterOptions{Options: copts})
	if err != nil {
		return nil, err
	}
	t := &tenant{
		ctrl:     c,
		lang:     i18n.NewPrinter(i18n.DefaultFor(c.Jurisdiction)),
		procs:    reg,
		breaches: br,
		records:  recs,
		dpias:    dpia.NewRegister(s.be.DPIAs(), &dpia.Options{Options: copts}),
		plan:     retention.NewPlan(s.be.Retention(), c.ID, &retention.Options{Options: copts}),
		cal:      cal,
	}
	if err := t.reload(ctx, s.be.Processors()); err != nil {
		return nil, err
	}
	return t, nil
}

// reload compiles the registry's snapshot and the lookup index from the
// store.
func (t *tenant) reload(ctx context.Context, st processor.Store) error {
	t.loadMu.Lock()
	defer t.loadMu.Unlock()
	if _, err := t.procs.Load(ctx); err != nil {
		return err
	}
	return t.index.rebuild(ctx, st, t.ctrl.ID)
}

// tenant returns the cached operations of controller c, creating them on
// first use.
func (s *Server) tenant(ctx context.Context, id compliance.ControllerID) (*tenant, error) {
	if t, ok := s.tenants.Load(id); ok {
		return t.(*tenant), nil
	}
	s.tenantMu.Lock()
	defer s.tenantMu.Unlock()
	if t, ok := s.tenants.Load(id); ok {
		return t.(*tenant), nil
	}
	c, ok := s.keys.Controller(id)
	if !ok {
		return nil, compliance.ErrNotFound
	}
	t, err := s.newTenant(ctx, c)
	if err != nil {
		return nil, err
	}
	s.tenants.Store(id, t)
	return t, nil
}

// lookupIndex finds a processor by its national business number. It is
// rebuilt from the store with the snapshot, and kept current by this
// instance's writes. A number another instance added since is found after
// the next reload; until then the check denies (unknown processor), which
// is never a stale allow.
type lookupIndex struct {
	mu sync.RWMutex
	by map[string]compliance.ProcessorID
}

func (x *lookupIndex) rebuild(ctx context.Context, st processor.Store, c compliance.ControllerID) error {
	m := map[string]compliance.ProcessorID{}
	for p, err := range st.List(ctx, c, processor.Filter{}) {
		if err != nil {
			return err
		}
		addKeys(m, p)
	}
	x.mu.Lock()
	x.by = m
	x.mu.Unlock()
	return nil
}

func addKeys(m map[string]compliance.ProcessorID, p processor.Processor) {
	if !p.CVR.IsZero() {
		m["cvr:"+p.CVR.String()] = p.ID
	}
	if !p.OrgNr.IsZero() {
		m["orgnr:"+p.OrgNr.String()] = p.ID
	}
}

func (x *lookupIndex) put(p processor.Processor) {
	x.mu.Lock()
	defer x.mu.Unlock()
	for k, id := range x.by {
		if id == p.ID {
			delete(x.by, k)
		}
	}
	addKeys(x.by, p)
}

func (x *lookupIndex) find(key string) (compliance.ProcessorID, bool) {
	x.mu.RLock()
	id, ok := x.by[key]
	x.mu.RUnlock()
	return id, ok
}

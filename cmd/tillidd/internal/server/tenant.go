package server

import (
	"context"
	"golang.org/x/text/language"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/rights"
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
	records  *record.Register
	rights   *rights.Register
	dpias    *dpia.Register
	plan     *retention.Plan
	cal      *compliance.Calendar
	miss     missReload // bounds the reloads of procs after a look-up missed
}

func (s *Server) newTenant(ctx context.Context, c Controller) (*tenant, error) {
	copts := s.cfg.Options
	reg, err := processor.NewRegistry(s.be.Processors(), c.ID,
		&processor.Options{Options: copts, Policy: processor.Policy{Jurisdiction: c.Jurisdiction}})
	if err != nil {
		return nil, err
	}
	br, err := breach.NewRegister(s.be.Breaches(), &breach.Options{Options: copts, Jurisdiction: c.Jurisdiction})
	if err != nil {
		return nil, err
	}
	cal, err := compliance.NewCalendar(c.Jurisdiction, compliance.CalendarOptions{})
	if err != nil {
		return nil, err
	}
	recs, err := record.NewRegister(s.be.Activities(), &record.Options{Options: copts, Calendar: cal})
	if err != nil {
		return nil, err
	}
	reqs, err := rights.NewRegister(s.be.Requests(), &rights.Options{Options: copts, Calendar: cal})
	if err != nil {
		return nil, err
	}
	plan, err := retention.NewPlan(s.be.Retention(), c.ID, &retention.Options{Options: copts})
	if err != nil {
		return nil, err
	}
	dpias, err := dpia.NewRegister(s.be.DPIAs(), &dpia.Options{Options: copts})
	if err != nil {
		return nil, err
	}
	t := &tenant{
		ctrl:     c,
		lang:     s.printerFor(i18n.DefaultFor(c.Jurisdiction)),
		procs:    reg,
		breaches: br,
		records:  recs,
		rights:   reqs,
		dpias:    dpias,
		plan:     plan,
		cal:      cal,
	}
	if _, err := reg.Load(ctx); err != nil {
		return nil, err
	}
	return t, nil
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

func (s *Server) printerFor(tag language.Tag) *i18n.Printer {
	if p, ok := s.printers[tag.String()]; ok {
		return p
	}
	return i18n.NewPrinter(tag)
}

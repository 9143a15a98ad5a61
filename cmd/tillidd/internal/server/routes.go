package server

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/tillid/tillid/processor"
)

func (s *Server) routesInit() {
	s.plain("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status":"ok"}` + "\n"))
	})
	s.plain("GET /readyz", s.ready)
	s.plain("GET /metrics", s.serveMetrics)
	s.plain("GET /openapi.json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(s.cfg.OpenAPI)
	})

	s.handle("POST /v1/checks", RoleCheck, s.postCheck)
	s.handle("GET /v1/checks/{id}", RoleCheck, s.getCheck)

	s.handle("GET /v1/processors", RoleRead, s.listProcessors)
	s.handle("POST /v1/processors", RoleWrite, s.createProcessor)
	s.handle("GET /v1/processors/overview", RoleRead, s.processorOverview)
	s.handle("GET /v1/processors/{id}", RoleRead, s.getProcessor)
	s.handle("PUT /v1/processors/{id}", RoleWrite, s.updateProcessor)
	s.handle("POST /v1/processors/{id}/agreements", RoleWrite, addToProcessor(s, decoder[processor.Agreement]("agreement"),
		func(p *processor.Processor, a processor.Agreement) { p.Agreements = append(p.Agreements, a) }))
	s.handle("POST /v1/processors/{id}/audits", RoleWrite, addToProcessor(s, decoder[processor.Audit]("audit"),
		func(p *processor.Processor, a processor.Audit) { p.Audits = append(p.Audits, a) }))
	s.handle("POST /v1/processors/{id}/sub-processors", RoleWrite, addToProcessor(s, decoder[processor.SubProcessor]("subProcessor"),
		func(p *processor.Processor, x processor.SubProcessor) { p.SubProcessors = append(p.SubProcessors, x) }))

	s.handle("GET /v1/breaches", RoleRead, s.listBreaches)
	s.handle("POST /v1/breaches", RoleWrite, s.createBreach)
	s.handle("GET /v1/breaches/statistics", RoleRead, s.breachStatistics)
	s.handle("GET /v1/breaches/{id}", RoleRead, s.getBreach)
	s.handle("PUT /v1/breaches/{id}", RoleWrite, s.updateBreach)
	s.handle("GET /v1/breaches/{id}/assessment", RoleRead, s.assessBreach)
	s.handle("POST /v1/breaches/{id}/notices", RoleRead, s.breachNotices)

	s.handle("GET /v1/activities", RoleRead, s.listActivities)
	s.handle("POST /v1/activities", RoleWrite, s.createActivity)
	s.handle("GET /v1/activities/export", RoleRead, s.exportActivities)
	s.handle("GET /v1/activities/{id}", RoleRead, s.getActivity)
	s.handle("PUT /v1/activities/{id}", RoleWrite, s.updateActivity)
	s.handle("GET /v1/activities/{id}/assessment", RoleRead, s.assessActivity)

	s.handle("GET /v1/requests", RoleRead, s.listRequests)
	s.handle("POST /v1/requests", RoleWrite, s.createRequest)
	s.handle("GET /v1/requests/{id}", RoleRead, s.getRequest)
	s.handle("PUT /v1/requests/{id}", RoleWrite, s.updateRequest)
	s.handle("GET /v1/requests/{id}/assessment", RoleRead, s.assessRequest)

	s.handle("POST /v1/dpia-screenings", RoleRead, s.screen)
	s.handle("GET /v1/dpias", RoleRead, s.listDPIAs)
	s.handle("POST /v1/dpias", RoleWrite, s.createDPIA)
	s.handle("GET /v1/dpias/{id}", RoleRead, s.getDPIA)
	s.handle("PUT /v1/dpias/{id}", RoleWrite, s.updateDPIA)
	s.handle("GET /v1/dpias/{id}/report", RoleRead, s.dpiaReport)

	s.handle("GET /v1/retention/rules", RoleRead, s.listRules)
	s.handle("POST /v1/retention/rules", RoleWrite, s.createRule)
	s.handle("GET /v1/retention/rules/{id}", RoleRead, s.getRule)
	s.handle("PUT /v1/retention/rules/{id}", RoleWrite, s.updateRule)
	s.handle("POST /v1/retention/decisions", RoleRead, s.decideRetention)

	s.handle("GET /v1/due", RoleRead, s.due)

	// Everything else is a problem, not the mux's text page: 405 with
	// Allow for a known path and another method, else 404.
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut} {
			q := r.Clone(r.Context())
			q.Method = m
			if _, pat := s.mux.Handler(q); pat != "/" && pat != "" {
				allow = append(allow, m)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			problem(w, r, http.StatusMethodNotAllowed, "method", "")
			return
		}
		problem(w, r, http.StatusNotFound, "not-found", "no such route")
	})
}

func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.be.Ready(ctx); err != nil {
		s.log.WarnContext(ctx, "not ready", "error_type", errType(err))
		problem(w, r, http.StatusServiceUnavailable, "not-ready", "the database is unreachable or its schema is not current")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"status":"ready"}` + "\n"))
}

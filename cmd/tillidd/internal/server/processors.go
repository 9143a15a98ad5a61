package server

import (
	"net/http"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// maxList caps the records one list response holds.
const maxList = 1000

func (s *Server) listProcessors(w http.ResponseWriter, r *http.Request, c *call) {
	out := []processor.Processor{}
	for p, err := range s.be.Processors().List(r.Context(), c.t.ctrl.ID, processor.Filter{}) {
		if err != nil {
			s.storeError(w, r, c.p, err)
			return
		}
		if len(out) == maxList {
			break
		}
		out = append(out, p)
	}
	writeJSON(w, http.StatusOK, 0, map[string]any{"items": out})
}

func (s *Server) putProcessor(w http.ResponseWriter, r *http.Request, c *call, p processor.Processor, status int) {
	p, err := c.t.procs.Put(r.Context(), p)
	if err != nil {
		s.storeError(w, r, c.p, err)
		return
	}
	s.log.InfoContext(r.Context(), "processor stored", "controller", c.t.ctrl.ID, "key", c.key.ID, "processor", p.ID, "version", p.Version)
	if status == http.StatusCreated {
		w.Header().Set("Location", "/v1/processors/"+p.ID.String())
	}
	writeJSON(w, status, p.Version, p)
}

func (s *Server) createProcessor(w http.ResponseWriter, r *http.Request, c *call) {
	p, ok := readJSON[processor.Processor](w, r, c, s, "processor")
	if !ok {
		return
	}
	if p.Version != 0 {
		writeProblem(w, r, Problem{Type: problemBase + "invalid", Status: http.StatusUnprocessableEntity,
			Detail: "a new record has no version", Errors: []ProblemField{{Field: "version", Reason: compliance.ReasonFormat.String()}}})
		return
	}
	if !p.ID.IsZero() {
		if _, err := s.be.Processors().Get(r.Context(), c.t.ctrl.ID, p.ID); err == nil {
			s.storeError(w, r, c.p, compliance.ErrConflict)
			return
		}
	}
	s.putProcessor(w, r, c, p, http.StatusCreated)
}

func (s *Server) getProcessor(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*compliance.ProcessorID](w, r)
	if !ok {
		return
	}
	p, err := c.t.procs.Get(r.Context(), id)
	if err != nil {
		s.storeError(w, r, c.p, err)
		return
	}
	writeJSON(w, http.StatusOK, p.Version, p)
}

func (s *Server) updateProcessor(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*compliance.ProcessorID](w, r)
	if !ok {
		return
	}
	v, ok := ifMatch(w, r)
	if !ok {
		return
	}
	p, ok := readJSON[processor.Processor](w, r, c, s, "processor")
	if !ok {
		return
	}
	p.ID, p.Version = id, v
	s.putProcessor(w, r, c, p, http.StatusOK)
}

// addToProcessor appends an agreement, audit or sub-processor to a
// processor record: one Put of the aggregate under If-Match.
func addToProcessor[T any](s *Server, dec func([]byte) (T, error), add func(*processor.Processor, T)) func(http.ResponseWriter, *http.Request, *call) {
	return func(w http.ResponseWriter, r *http.Request, c *call) {
		id, ok := pathID[*compliance.ProcessorID](w, r)
		if !ok {
			return
		}
		v, ok := ifMatch(w, r)
		if !ok {
			return
		}
		x, ok := readWith(w, r, c, s, dec)
		if !ok {
			return
		}
		p, err := c.t.procs.Get(r.Context(), id)
		if err != nil {
			s.storeError(w, r, c.p, err)
			return
		}
		if p.Version != v {
			s.storeError(w, r, c.p, compliance.ErrConflict)
			return
		}
		add(&p, x)
		s.putProcessor(w, r, c, p, http.StatusOK)
	}
}

func (s *Server) processorOverview(w http.ResponseWriter, r *http.Request, c *call) {
	o := c.t.procs.Overview(s.cfg.Options.Clock(), compliance.Months(3))
	writeJSON(w, http.StatusOK, 0, withFindings(c.p, o))
}

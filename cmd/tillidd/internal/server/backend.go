package server

import (
	"context"
	"sync"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/breach/breachtest"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/compliancetest"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/dpia/dpiatest"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
	"github.com/tillid/tillid/retention"
	"github.com/tillid/tillid/retention/retentiontest"
)

// Backend is the storage the server runs on: one store per register, all
// scoped per controller, plus the evidence of checks. It is the seam where
// the SQLite and PostgreSQL adapters plug in: their DB types have the same
// methods.
type Backend interface {
	Processors() processor.Store
	Breaches() breach.Store
	Activities() compliance.ActivityStore
	Requests() compliance.RequestStore
	DPIAs() dpia.Store
	Retention() retention.Store
	Decisions() DecisionStore
	// Ready reports whether the store is reachable and its schema current.
	Ready(ctx context.Context) error
}

// VersionReader is implemented by a processor store that can read the
// current version of one record cheaply (an indexed query of one column).
// The server uses it to detect a snapshot older than the store; without it
// the server reads the whole record.
type VersionReader interface {
	Version(ctx context.Context, c compliance.ControllerID, id compliance.ProcessorID) (uint64, error)
}

// Evidence is one stored check: the decision and who asked, by key ID.
type Evidence struct {
	ID         compliance.ID[Evidence] `json:"id"`
	Controller compliance.ControllerID `json:"controller"`
	Key        string                  `json:"key"`
	Decision   processor.Decision      `json:"decision"`
}

// DecisionStore keeps the evidence of checks. PutBatch stores every item
// or none (one transaction); the server groups concurrent checks into one
// batch (group commit).
type DecisionStore interface {
	PutBatch(ctx context.Context, es []Evidence) error
	Get(ctx context.Context, c compliance.ControllerID, id compliance.ID[Evidence]) (Evidence, error)
}

// Memory is a Backend in memory: nothing survives the process.
type Memory struct {
	procs *processortest.MemStore
	brs   *breachtest.MemStore
	recs  *compliancetest.MemStore
	dpias *dpiatest.MemStore
	ret   *retentiontest.MemStore
	dec   *MemDecisions
}

// NewMemory returns an empty in-memory backend.
func NewMemory() *Memory {
	return &Memory{
		procs: processortest.NewMemStore(),
		brs:   breachtest.NewMemStore(),
		recs:  compliancetest.NewMemStore(),
		dpias: dpiatest.NewMemStore(),
		ret:   retentiontest.NewMemStore(),
		dec:   NewMemDecisions(),
	}
}

// Processors returns the processor store.
func (m *Memory) Processors() processor.Store { return m.procs }

// Breaches returns the breach store.
func (m *Memory) Breaches() breach.Store { return m.brs }

// Activities returns the store of records of processing.
func (m *Memory) Activities() compliance.ActivityStore { return m.recs.Activities() }

// Requests returns the store of data-subject requests.
func (m *Memory) Requests() compliance.RequestStore { return m.recs.Requests() }

// DPIAs returns the DPIA store.
func (m *Memory) DPIAs() dpia.Store { return m.dpias }

// Retention returns the store of retention rules.
func (m *Memory) Retention() retention.Store { return m.ret }

// Decisions returns the evidence store.
func (m *Memory) Decisions() DecisionStore { return m.dec }

// Ready always succeeds.
func (m *Memory) Ready(context.Context) error { return nil }

// MemDecisions is an in-memory DecisionStore.
type MemDecisions struct {
	mu sync.RWMutex
	m  map[compliance.ID[Evidence]]Evidence
}

// NewMemDecisions returns an empty MemDecisions.
func NewMemDecisions() *MemDecisions {
	return &MemDecisions{m: map[compliance.ID[Evidence]]Evidence{}}
}

// PutBatch stores every item.
func (s *MemDecisions) PutBatch(_ context.Context, es []Evidence) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range es {
		if _, ok := s.m[e.ID]; ok {
			return compliance.ErrConflict
		}
	}
	for _, e := range es {
		e.Decision.Findings = append([]compliance.Finding(nil), e.Decision.Findings...)
		s.m[e.ID] = e
	}
	return nil
}

// Get returns the evidence id of controller c.
func (s *MemDecisions) Get(_ context.Context, c compliance.ControllerID, id compliance.ID[Evidence]) (Evidence, error) {
	s.mu.RLock()
	e, ok := s.m[id]
	s.mu.RUnlock()
	if !ok || e.Controller != c {
		return Evidence{}, compliance.ErrNotFound
	}
	return e, nil
}

package server

import (
	"context"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/breach/breachtest"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/record/recordtest"
	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/compliance/rights/rightstest"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/dpia/dpiatest"
	"github.com/tillid/tillid/internal/sqlmap"
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
	Activities() record.Store
	Requests() rights.Store
	DPIAs() dpia.Store
	Retention() retention.Store
	Decisions() processor.DecisionStore
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

// Evidence is one decision to keep, with the kommune it belongs to.
type Evidence struct {
	Controller compliance.ControllerID
	Decision   processor.Decision
}

// RowPutter is implemented by a decision store of a database adapter
// (sqlite, postgres) that can keep many decisions of one controller in one
// transaction (one commit, one fsync): all of them or none, from rows made
// beforehand with [sqlmap.Decisions]'s Row. The handlers make the rows —
// the JSON encoding, the costly part — in parallel, so that the one
// committer only writes. Without it the batcher calls Put for each decision
// of a batch.
type RowPutter interface {
	PutRows(ctx context.Context, c compliance.ControllerID, rows []sqlmap.Row) error
}

// Memory is a Backend in memory: nothing survives the process.
type Memory struct {
	procs *processortest.MemStore
	brs   *breachtest.MemStore
	acts  *recordtest.MemStore
	reqs  *rightstest.MemStore
	dpias *dpiatest.MemStore
	ret   *retentiontest.MemStore
	dec   *processortest.MemDecisionStore
}

// NewMemory returns an empty in-memory backend.
func NewMemory() *Memory {
	return &Memory{
		procs: processortest.NewMemStore(),
		brs:   breachtest.NewMemStore(),
		acts:  recordtest.NewMemStore(),
		reqs:  rightstest.NewMemStore(),
		dpias: dpiatest.NewMemStore(),
		ret:   retentiontest.NewMemStore(),
		dec:   processortest.NewMemDecisionStore(),
	}
}

// Processors returns the processor store.
func (m *Memory) Processors() processor.Store { return m.procs }

// Breaches returns the breach store.
func (m *Memory) Breaches() breach.Store { return m.brs }

// Activities returns the store of records of processing.
func (m *Memory) Activities() record.Store { return m.acts }

// Requests returns the store of data-subject requests.
func (m *Memory) Requests() rights.Store { return m.reqs }

// DPIAs returns the DPIA store.
func (m *Memory) DPIAs() dpia.Store { return m.dpias }

// Retention returns the store of retention rules.
func (m *Memory) Retention() retention.Store { return m.ret }

// Decisions returns the evidence store.
func (m *Memory) Decisions() processor.DecisionStore { return m.dec }

// Ready always succeeds.
func (m *Memory) Ready(context.Context) error { return nil }

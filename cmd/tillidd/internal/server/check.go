package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/internal/sqlmap"
	"github.com/tillid/tillid/processor"
)

// checkInput is the body of POST /v1/checks.
type checkInput struct {
	Processor  processorKey                 `json:"processor"`
	Data       compliance.DataCategories    `json:"data"`
	Subjects   compliance.SubjectCategories `json:"subjects"`
	Purpose    string                       `json:"purpose"`
	Operations processor.Operations         `json:"operations,omitzero"`
	At         time.Time                    `json:"at,omitzero"`
}

// processorKey names a processor by exactly one of its identities.
type processorKey struct {
	ID    compliance.ProcessorID `json:"id,omitzero"`
	CVR   ident.CVR              `json:"cvr,omitzero"`
	OrgNr ident.OrgNr            `json:"orgnr,omitzero"`
	KITOS uuid.UUID              `json:"kitos,omitzero"`
}

// CheckResult is the answer to a check, and the evidence read back.
type CheckResult struct {
	ID               processor.DecisionID   `json:"id"`
	Outcome          processor.Outcome      `json:"outcome"`
	Allowed          bool                   `json:"allowed"`
	Processor        compliance.ProcessorID `json:"processor"`
	Name             string                 `json:"name,omitempty"`
	ProcessorVersion uint64                 `json:"processorVersion"`
	Agreement        processor.AgreementID  `json:"agreement,omitzero"`
	Audit            processor.AuditID      `json:"audit,omitzero"`
	At               time.Time              `json:"at"`
	RuleSet          string                 `json:"ruleSet"`
	Policy           string                 `json:"policy,omitempty"`
	Request          processor.Request      `json:"request"`
	Findings         json.RawMessage        `json:"findings"`
}

func (s *Server) result(c *call, d *processor.Decision) CheckResult {
	return CheckResult{ID: d.ID, Outcome: d.Outcome, Allowed: d.Allowed(), Processor: d.Processor, Name: d.Name,
		ProcessorVersion: d.ProcessorVersion, Agreement: d.Agreement, Audit: d.Audit, At: d.At, RuleSet: d.RuleSet,
		Policy: d.Policy, Request: d.Request, Findings: s.findings.render(c.p, d.Findings)}
}

// writeResult writes the decision. The answer is appended by hand
// (appendResult) into a pooled buffer, with the findings' rendered JSON
// from the cache spliced in as it is; encoding/json's reflection was the
// largest cost of a check after the evidence commit.
func (s *Server) writeResult(w http.ResponseWriter, c *call, d *processor.Decision) {
	raw := s.findings.render(c.p, d.Findings)
	bp := getBuf()
	defer putBuf(bp)
	buf, ok := appendResult((*bp)[:0], d, raw)
	if !ok {
		buf, ok = s.marshalResult(buf[:0], c, d)
		if !ok {
			problem(w, &http.Request{URL: &url.URL{Path: "/v1/checks"}}, http.StatusInternalServerError, "internal", "")
			return
		}
	}
	*bp = buf
	h := w.Header()
	h["Content-Type"] = jsonType
	h["Cache-Control"] = noStore
	h.Set("Content-Length", strconv.Itoa(len(buf)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf)
}

// The header values of every check answer, shared: net/http only reads them.
var (
	jsonType = []string{"application/json"}
	noStore  = []string{"no-store"}
)

// marshalResult is the check answer through encoding/json: the reference
// form appendResult reproduces, and its fallback for values it leaves to
// encoding/json's errors.
func (s *Server) marshalResult(b []byte, c *call, d *processor.Decision) ([]byte, bool) {
	res := s.result(c, d)
	raw := res.Findings
	res.Findings = nil
	head, err := json.Marshal(&res)
	if err != nil {
		return b, false
	}
	// head ends with "findings":null}
	head = bytes.TrimSuffix(head, []byte("null}"))
	return append(append(append(b, head...), raw...), '}', '\n'), true
}

func (s *Server) postCheck(w http.ResponseWriter, r *http.Request, c *call) {
	start := time.Now()
	in, ok := readJSON[checkInput](w, r, c, s, "check")
	if !ok {
		return
	}
	// From here to its queueing the check is counted in batcher.coming,
	// and the committer waits for it (counted after the body is read, so
	// that a slow client cannot hold up other kommuners' commits).
	s.batch.coming.Add(1)
	counted := true
	defer func() {
		if counted {
			s.batch.coming.Add(-1)
		}
	}()
	k := in.Processor
	n := 0
	for _, set := range []bool{!k.ID.IsZero(), !k.CVR.IsZero(), !k.OrgNr.IsZero(), k.KITOS != uuid.Nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		writeProblem(w, r, Problem{Type: problemBase + "invalid", Status: http.StatusUnprocessableEntity,
			Detail: "name the processor by exactly one of id, cvr, orgnr, kitos",
			Errors: []ProblemField{{Field: "processor", Reason: compliance.ReasonRequired.String()}}})
		return
	}
	// An invalid request is refused before it can cost a reload.
	if err := compliance.CheckInstant(in.At); err != nil {
		writeProblem(w, r, Problem{Type: problemBase + "invalid", Status: http.StatusUnprocessableEntity,
			Detail: c.p.Error(err), Errors: []ProblemField{{Field: "at", Reason: compliance.ReasonRange.String()}}})
		return
	}
	// A processor the snapshot does not hold may have been created (or
	// given that number) by another instance on the same store: reload
	// the kommune's registry and look again, at most once per
	// Config.MissReload (miss.go). A processor still not found by its
	// number is asked about by the zero ID, one not found by its ID by
	// that ID: the check denies it as unknown, an answer and not an error.
	id, ok := resolve(c.t, &k)
	if !ok && s.reloadOnMiss(r.Context(), c.t) {
		id, _ = resolve(c.t, &k)
	}
	at := in.At
	if at.IsZero() {
		at = s.cfg.Options.Clock()
	}
	req := processor.Request{Processor: id, Data: in.Data, Subjects: in.Subjects, Purpose: in.Purpose, Operations: in.Operations}
	eid, err := compliance.NewID[processor.Decision](&s.cfg.Options)
	if err != nil {
		s.storeError(w, r, c.p, err)
		return
	}
	p := &pending{t: c.t, req: req, at: at, done: make(chan error, 1)}
	p.ev = Evidence{Controller: c.t.ctrl.ID, Decision: c.t.procs.Check(req, at)}
	p.ev.Decision.ID = processor.DecisionID(eid)
	err = s.batch.encode(p)
	if err == nil {
		counted = false
		err = s.batch.submit(r.Context(), p)
	}
	if err != nil {
		s.metrics.storeErrors.Add(1)
		s.log.ErrorContext(r.Context(), "evidence not stored", "check", eid, "error_type", errType(err))
		problem(w, r, http.StatusServiceUnavailable, "evidence", "the decision could not be stored as evidence; retry")
		return
	}
	s.metrics.outcome(p.ev.Decision.Outcome.String())
	s.metrics.checkLat.observe(time.Since(start), 0)
	s.log.DebugContext(r.Context(), "check", "check", eid, "controller", c.t.ctrl.ID, "key", c.key.ID,
		"processor", p.ev.Decision.Processor, "version", p.ev.Decision.ProcessorVersion, "outcome", p.ev.Decision.Outcome.String())
	w.Header().Set("Location", "/v1/checks/"+eid.String())
	s.writeResult(w, c, &p.ev.Decision)
}

func (s *Server) getCheck(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*processor.DecisionID](w, r)
	if !ok {
		return
	}
	d, err := s.be.Decisions().Get(r.Context(), c.t.ctrl.ID, id)
	if err != nil {
		s.storeError(w, r, c.p, err)
		return
	}
	s.writeResult(w, c, &d)
}

// The evidence batcher: group commit.
//
// A check is decided in its handler from the kommune's compiled snapshot
// (no I/O), then handed to one committer goroutine and the handler waits
// for it. The committer takes whatever is queued (up to MaxBatch), and for
// that batch, in order:
//
//  1. reads the store's current version of each distinct processor the
//     batch's decisions relied on (one cheap read per processor per batch,
//     not per check). If the store is ahead of the snapshot — another
//     instance acknowledged a write — it reloads that kommune's snapshot and
//     decides the affected checks again. So no check is answered from a
//     version older than one acknowledged before the check was received,
//     by any instance sharing the store.
//  2. stores the whole batch's evidence in one PutRows (one transaction,
//     one fsync in a database), from rows the handlers encoded in
//     parallel before they queued their checks (a check decided again in
//     step 1 is encoded again here).
//  3. releases every handler of the batch, which only then answers.
//
// While a batch commits, new checks queue up and form the next batch, so
// the batch size adapts to the load with no timer: a lone check commits at
// once, 64 concurrent clients share commits.
type batcher struct {
	s *Server
	// The stores, taken from the backend once: the adapters build a store
	// value (its SQL texts) on every call, which per batch was a
	// twentieth of the committer's time. They hold no state of their own.
	procs processor.Store
	vr    VersionReader // nil when procs cannot read a version alone
	decs  processor.DecisionStore
	rp    RowPutter // nil when decs has no PutRows
	// coming counts the checks being decided in their handlers, not yet
	// queued: the committer waits for them (up to linger) rather than
	// commit without them a moment before they arrive.
	coming atomic.Int64
	in     chan *pending
	max    int
	linger time.Duration
	mu     sync.RWMutex
	closed bool
	done   chan struct{}
}

type pending struct {
	t    *tenant
	req  processor.Request
	at   time.Time
	ev   Evidence
	row  sqlmap.Row // ev.Decision encoded, when the store has PutRows
	done chan error
}

var errClosed = errors.New("server: shutting down")

func newBatcher(s *Server, max int, linger time.Duration) *batcher {
	b := &batcher{s: s, in: make(chan *pending, max*4), max: max, linger: linger, done: make(chan struct{}),
		procs: s.be.Processors(), decs: s.be.Decisions()}
	b.vr, _ = b.procs.(VersionReader)
	b.rp, _ = b.decs.(RowPutter)
	go b.run()
	return b
}

// drain moves what is queued into batch, up to max, without waiting.
func (b *batcher) drain(batch *[]*pending) {
	for len(*batch) < b.max {
		select {
		case q, ok := <-b.in:
			if !ok {
				return
			}
			*batch = append(*batch, q)
		default:
			return
		}
	}
}

// encode makes p's row for PutRows, in the handler's goroutine. The
// document is appended by hand (appendDecision) with the findings' JSON
// from the cache, as the answer is: encoding/json's reflection over the
// decision and its findings was about a tenth of the server's CPU at 64
// clients. A decision appendDecision leaves alone goes through
// encoding/json, which reports the error.
func (b *batcher) encode(p *pending) error {
	if b.rp == nil {
		return nil
	}
	d := &p.ev.Decision
	raw := b.s.findings.evidence(d.Findings)
	if raw != nil || len(d.Findings) == 0 {
		if doc, ok := appendDecision(make([]byte, 0, len(raw)+decisionHead), d, raw); ok {
			p.row = sqlmap.Decisions.RowOf(d, doc)
			return nil
		}
	}
	r, err := sqlmap.Decisions.Row(*d)
	p.row = r
	return err
}

// decisionHead is room for a decision's JSON without its findings: the
// members up to the request, with its sets and purpose.
const decisionHead = 768

// submit queues p and waits for its batch to commit. The caller counted
// itself in coming; submit ends that count first, so that a committer
// waiting for it is woken by p itself and then sees whether anyone else is
// still coming.
func (b *batcher) submit(ctx context.Context, p *pending) error {
	b.coming.Add(-1)
	b.mu.RLock()
	if b.closed {
		b.mu.RUnlock()
		return errClosed
	}
	select {
	case b.in <- p:
	case <-ctx.Done():
		b.mu.RUnlock()
		return ctx.Err()
	}
	b.mu.RUnlock()
	return <-p.done
}

func (b *batcher) close() {
	b.mu.Lock()
	if !b.closed {
		b.closed = true
		close(b.in)
	}
	b.mu.Unlock()
	<-b.done
}

func (b *batcher) run() {
	defer close(b.done)
	batch := make([]*pending, 0, b.max)
	var linger *time.Timer
	last := 0
	for p := range b.in {
		batch = append(batch[:0], p)
		b.drain(&batch)
		// Under load — the last batch had company, or other checks are
		// being decided (counted in coming) — wait up to Linger for more,
		// so that one commit serves them too; a lone check never waits.
		if b.linger > 0 && len(batch) < b.max && (last > 1 || b.coming.Load() > 0) {
			if linger == nil {
				linger = time.NewTimer(b.linger)
			} else {
				linger.Reset(b.linger)
			}
		wait:
			for len(batch) < b.max {
				select {
				case q, ok := <-b.in:
					if !ok {
						break wait
					}
					batch = append(batch, q)
					b.drain(&batch)
				case <-linger.C:
					break wait
				}
			}
			linger.Stop()
		}
		last = len(batch)
		t0 := time.Now()
		err := b.commit(batch)
		b.s.metrics.commitLat.observe(time.Since(t0), 0)
		for _, p := range batch {
			p.done <- err
		}
	}
}

type procKey struct {
	t  *tenant
	id compliance.ProcessorID
}

func (b *batcher) commit(batch []*pending) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st, vr := b.procs, b.vr
	stale := map[procKey]bool{}
	seen := make(map[procKey]bool, 4)
	for _, p := range batch {
		d := &p.ev.Decision
		if d.ProcessorVersion == 0 {
			continue // unknown processor: a deny, never a stale allow
		}
		k := procKey{p.t, d.Processor}
		if seen[k] {
			continue
		}
		seen[k] = true
		var cur uint64
		if vr != nil {
			v, err := vr.Version(ctx, p.t.ctrl.ID, d.Processor)
			if err != nil && !errors.Is(err, compliance.ErrNotFound) {
				return err
			}
			cur = v
		} else {
			rec, err := st.Get(ctx, p.t.ctrl.ID, d.Processor)
			if err != nil && !errors.Is(err, compliance.ErrNotFound) {
				return err
			}
			cur = rec.Version
		}
		if cur != d.ProcessorVersion {
			stale[k] = true
			// Install the store's version in the snapshot (or drop a
			// processor that is gone: Refresh reports ErrNotFound, and
			// Load compiles the register afresh).
			if err := p.t.procs.Refresh(ctx, d.Processor); err != nil {
				if !errors.Is(err, compliance.ErrNotFound) {
					return err
				}
				if _, err := p.t.procs.Load(ctx); err != nil {
					return err
				}
			}
		}
	}
	for _, p := range batch {
		if stale[procKey{p.t, p.ev.Decision.Processor}] {
			b.s.metrics.stale.Add(1)
			id := p.ev.Decision.ID
			p.ev.Decision = p.t.procs.Check(p.req, p.at)
			p.ev.Decision.ID = id
			if err := b.encode(p); err != nil {
				return err
			}
		}
	}
	if rp := b.rp; rp != nil {
		by := map[compliance.ControllerID][]sqlmap.Row{}
		for _, p := range batch {
			by[p.ev.Controller] = append(by[p.ev.Controller], p.row)
		}
		for c, rows := range by {
			if err := rp.PutRows(ctx, c, rows); err != nil {
				return err
			}
		}
	} else {
		ds := b.decs
		for _, p := range batch {
			if err := ds.Put(ctx, p.ev.Controller, p.ev.Decision); err != nil {
				return err
			}
		}
	}
	b.s.metrics.batches.Add(1)
	b.s.metrics.batched.Add(uint64(len(batch)))
	return nil
}

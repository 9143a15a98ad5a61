package server

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// failing is a Memory whose database is down: Ready fails and decisions
// cannot be kept.
type failing struct {
	*Memory
	down bool
}

type failingDecisions struct {
	processor.DecisionStore
	f *failing
}

var errDown = errors.New("database down: host db.kommune.example refused 10.0.0.7") // a message that must not leak

func (f *failing) Ready(ctx context.Context) error {
	if f.down {
		return errDown
	}
	return nil
}

func (f *failing) Decisions() processor.DecisionStore {
	return failingDecisions{f.Memory.Decisions(), f}
}

func (d failingDecisions) Put(ctx context.Context, c compliance.ControllerID, x processor.Decision) error {
	if d.f.down {
		return errDown
	}
	return d.DecisionStore.Put(ctx, c, x)
}

// When the decision cannot be kept as evidence, there is no answer: 503
// with a problem that says so without the store's error, and the failure
// is counted. /readyz reports the database.
func TestEvidenceStoreDown(t *testing.T) {
	be := &failing{Memory: NewMemory()}
	h := newHarnessOn(t, be, nil, Config{})
	if r := h.do("POST", "/v1/checks", "a-check", checkBody); r.Code != 200 {
		t.Fatalf("up: %d", r.Code)
	}
	be.down = true
	r := h.do("POST", "/v1/checks", "a-check", checkBody)
	if r.Code != 503 || strings.Contains(string(r.Body), "10.0.0.7") || strings.Contains(string(r.Body), "allow") {
		t.Errorf("down: %d %s", r.Code, r.Body)
	}
	if r := h.do("GET", "/readyz", "", nil); r.Code != 503 || strings.Contains(string(r.Body), "10.0.0.7") {
		t.Errorf("readyz down: %d %s", r.Code, r.Body)
	}
	if h.s.metrics.storeErrors.Load() != 1 {
		t.Errorf("store errors: %d", h.s.metrics.storeErrors.Load())
	}
	be.down = false
	if r := h.do("POST", "/v1/checks", "a-check", checkBody); r.Code != 200 {
		t.Errorf("up again: %d", r.Code)
	}
	if r := h.do("GET", "/readyz", "", nil); r.Code != 200 {
		t.Errorf("readyz up: %d", r.Code)
	}
}

package processortest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/memstore"
	"github.com/tillid/tillid/processor"
)

// MemDecisionStore is an in-memory [processor.DecisionStore]: safe for
// concurrent use, copying decisions on the way in and out, for tests,
// examples and prototypes.
type MemDecisionStore struct {
	m *memstore.Map[processor.DecisionID, processor.Decision]
}

var _ processor.DecisionStore = (*MemDecisionStore)(nil)

// NewMemDecisionStore returns an empty MemDecisionStore.
func NewMemDecisionStore() *MemDecisionStore {
	// Decisions have no Version: every Put is a create (version 0), which
	// fails with ErrConflict for an ID already stored.
	return &MemDecisionStore{m: memstore.New(processor.Decision.Clone,
		func(d processor.Decision) processor.DecisionID { return d.ID },
		func(*processor.Decision) *uint64 { return new(uint64) })}
}

// Get implements [processor.DecisionStore].
func (s *MemDecisionStore) Get(ctx context.Context, c compliance.ControllerID, id processor.DecisionID) (processor.Decision, error) {
	return s.m.Get(ctx, c, id)
}

// Put implements [processor.DecisionStore].
func (s *MemDecisionStore) Put(ctx context.Context, c compliance.ControllerID, d processor.Decision) error {
	return s.m.Put(ctx, c, d)
}

// List implements [processor.DecisionStore].
func (s *MemDecisionStore) List(ctx context.Context, c compliance.ControllerID, f processor.DecisionFilter) iter.Seq2[processor.Decision, error] {
	return s.m.List(ctx, c, f.Match)
}

// Decision returns the i-th decision of the decision suite's fixture (i ≥
// 0): a valid decision with findings whose ID sorts after those of smaller
// i; even i are about one processor and denied, odd i about another and
// allowed, an hour apart.
func Decision(i int) processor.Decision {
	id := processor.DecisionID{}
	id.UUID = uuid.UUID{6: 0x70, 8: 0x80, 13: 9, 14: byte(i >> 8), 15: byte(i)}
	d := processor.Decision{
		ID:               id,
		Outcome:          processor.Allow,
		Processor:        Record(1).ID,
		ProcessorVersion: 3,
		At:               time.Date(2026, time.May, 4, 8+i, 0, 0, 0, time.UTC),
		RuleSet:          processor.RuleSet,
		Request: processor.Request{Processor: Record(1).ID, Data: compliance.CategoriesOf(compliance.Identity),
			Subjects: compliance.SubjectsOf(compliance.Citizens), Purpose: "sagsbehandling"},
	}
	if i%2 == 0 {
		d.Outcome, d.Processor, d.Request.Processor = processor.Deny, Record(0).ID, Record(0).ID
		d.Findings = []compliance.Finding{{Code: processor.CodeNoAgreement, Severity: compliance.Violation,
			Refs: compliance.RefsOf(compliance.GDPR(28, 3, "")),
			Args: []compliance.Arg{compliance.Text("Leverandør A")}}}
	}
	return d
}

// RunDecisions runs the conformance suite of [processor.DecisionStore]
// against stores made by newStore, one per subtest: Get of a missing
// decision, round trip, no overwrite, per-controller ID spaces, copying on
// the way in and out (through the findings' references and arguments),
// List's order, filters, early stop and cancellation, and concurrent use.
// Run it with the race detector:
//
//	func TestDecisionStore(t *testing.T) {
//		processortest.RunDecisions(t, func(t *testing.T) processor.DecisionStore { return newTestDB(t).Decisions() })
//	}
func RunDecisions(t *testing.T, newStore func(t *testing.T) processor.DecisionStore) {
	t.Helper()
	ca := compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-7000-8000-00000000000a")}
	cb := compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-7000-8000-00000000000b")}
	ctx := context.Background()
	run := func(name string, f func(t *testing.T, s processor.DecisionStore)) {
		t.Run(name, func(t *testing.T) {
			done := make(chan struct{})
			timer := time.AfterFunc(30*time.Second, func() {
				select {
				case <-done:
				default:
					panic("processortest: " + name + " did not finish in 30s")
				}
			})
			defer func() { close(done); timer.Stop() }()
			f(t, newStore(t))
		})
	}
	put := func(t *testing.T, s processor.DecisionStore, c compliance.ControllerID, d processor.Decision) {
		t.Helper()
		if err := s.Put(ctx, c, d); err != nil {
			t.Fatalf("Put: %v", err)
		}
	}
	list := func(t *testing.T, s processor.DecisionStore, c compliance.ControllerID, f processor.DecisionFilter) []processor.Decision {
		t.Helper()
		var out []processor.Decision
		for d, err := range s.List(ctx, c, f) {
			if err != nil {
				t.Fatalf("List: %v", err)
			}
			out = append(out, d)
		}
		return out
	}

	run("GetMissing", func(t *testing.T, s processor.DecisionStore) {
		if _, err := s.Get(ctx, ca, Decision(0).ID); !errors.Is(err, compliance.ErrNotFound) {
			t.Errorf("Get of a missing decision: %v, want ErrNotFound", err)
		}
	})
	run("PutGetRoundTrip", func(t *testing.T, s processor.DecisionStore) {
		for i := range 2 {
			put(t, s, ca, Decision(i))
			got, err := s.Get(ctx, ca, Decision(i).ID)
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if !sameDecision(got, Decision(i)) {
				t.Errorf("Get returned %+v, want %+v", got, Decision(i))
			}
		}
	})
	run("NoOverwrite", func(t *testing.T, s processor.DecisionStore) {
		put(t, s, ca, Decision(0))
		d := Decision(0)
		d.Outcome = processor.Allow
		if err := s.Put(ctx, ca, d); !errors.Is(err, compliance.ErrConflict) {
			t.Errorf("second Put with the same ID: %v, want ErrConflict", err)
		}
		got, _ := s.Get(ctx, ca, d.ID)
		if got.Outcome != processor.Deny {
			t.Errorf("the stored decision changed: outcome %v", got.Outcome)
		}
	})
	run("ControllerIsolation", func(t *testing.T, s processor.DecisionStore) {
		put(t, s, ca, Decision(0))
		if _, err := s.Get(ctx, cb, Decision(0).ID); !errors.Is(err, compliance.ErrNotFound) {
			t.Errorf("another controller's decision: %v, want ErrNotFound", err)
		}
		if got := list(t, s, cb, processor.DecisionFilter{}); len(got) != 0 {
			t.Errorf("List of another controller yields %d decisions", len(got))
		}
		// Each controller has its own ID space: B may use A's ID, and
		// learns nothing about A from it.
		put(t, s, cb, Decision(0))
	})
	run("PutIsolatesInput", func(t *testing.T, s processor.DecisionStore) {
		d := Decision(0)
		put(t, s, ca, d)
		d.Findings[0].Args[0].Text = "changed"
		got, _ := s.Get(ctx, ca, d.ID)
		if !sameDecision(got, Decision(0)) {
			t.Error("changing the caller's findings after Put changed the stored decision")
		}
	})
	run("GetIsolatesOutput", func(t *testing.T, s processor.DecisionStore) {
		put(t, s, ca, Decision(0))
		got, _ := s.Get(ctx, ca, Decision(0).ID)
		got.Findings[0].Args[0].Text = "changed"
		again, _ := s.Get(ctx, ca, Decision(0).ID)
		if !sameDecision(again, Decision(0)) {
			t.Error("changing a decision Get returned changed the stored decision")
		}
		for d := range s.List(ctx, ca, processor.DecisionFilter{}) {
			d.Findings[0].Args[0].Text = "changed again"
		}
		again, _ = s.Get(ctx, ca, Decision(0).ID)
		if !sameDecision(again, Decision(0)) {
			t.Error("changing a decision List yielded changed the stored decision")
		}
	})
	run("ListOrderAndFilters", func(t *testing.T, s processor.DecisionStore) {
		for _, i := range []int{3, 0, 2, 1} {
			put(t, s, ca, Decision(i))
		}
		got := list(t, s, ca, processor.DecisionFilter{})
		if len(got) != 4 {
			t.Fatalf("List yields %d decisions, want 4", len(got))
		}
		for i, d := range got {
			if d.ID != Decision(i).ID {
				t.Errorf("List[%d] = %v, want %v (ID order)", i, d.ID, Decision(i).ID)
			}
		}
		cases := []struct {
			name string
			f    processor.DecisionFilter
			want []int
		}{
			{"Processor", processor.DecisionFilter{Processor: Record(0).ID}, []int{0, 2}},
			{"Outcome", processor.DecisionFilter{Outcome: processor.Allow}, []int{1, 3}},
			{"From", processor.DecisionFilter{From: Decision(2).At}, []int{2, 3}},
			{"To", processor.DecisionFilter{To: Decision(2).At}, []int{0, 1}},
			{"All", processor.DecisionFilter{Processor: Record(1).ID, From: Decision(1).At, To: Decision(3).At}, []int{1}},
		}
		for _, c := range cases {
			got := list(t, s, ca, c.f)
			var ids []int
			for _, d := range got {
				ids = append(ids, int(d.ID.UUID[15]))
			}
			if fmt.Sprint(ids) != fmt.Sprint(c.want) {
				t.Errorf("filter %s yields %v, want %v", c.name, ids, c.want)
			}
		}
	})
	run("ListEarlyBreakAndCancel", func(t *testing.T, s processor.DecisionStore) {
		for i := range 3 {
			put(t, s, ca, Decision(i))
		}
		n := 0
		for range s.List(ctx, ca, processor.DecisionFilter{}) {
			n++
			break
		}
		if n != 1 {
			t.Errorf("the loop ran %d times after break", n)
		}
		cctx, cancel := context.WithCancel(ctx)
		defer cancel()
		var last error
		k := 0
		for _, err := range s.List(cctx, ca, processor.DecisionFilter{}) {
			k++
			cancel()
			last = err
			if k > 3 {
				break
			}
		}
		if !errors.Is(last, context.Canceled) {
			t.Errorf("List after cancel ended with %v, want context.Canceled", last)
		}
	})
	run("ConcurrentUse", func(t *testing.T, s processor.DecisionStore) {
		var wg sync.WaitGroup
		for g := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 8 {
					_ = s.Put(ctx, ca, Decision(g*8+i))
					for range s.List(ctx, ca, processor.DecisionFilter{}) {
					}
				}
			}()
		}
		wg.Wait()
		if got := list(t, s, ca, processor.DecisionFilter{}); len(got) != 64 {
			t.Errorf("after 64 concurrent Puts List yields %d", len(got))
		}
	})
}

func sameDecision(a, b processor.Decision) bool {
	return a.ID == b.ID && a.Outcome == b.Outcome && a.At.Equal(b.At) && a.Processor == b.Processor &&
		a.ProcessorVersion == b.ProcessorVersion && a.RuleSet == b.RuleSet && a.Request == b.Request &&
		reflect.DeepEqual(a.Findings, b.Findings)
}

// Package sqlmaptest holds the tests every database adapter of tillid runs
// beyond the Stores' conformance suites: the batch writes PutMany and
// PutRows that the tillidd server's group commit relies on.
package sqlmaptest

import (
	"context"
	"errors"
	"testing"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/sqlmap"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

// BatchStore is a decision store with the adapters' batch writes.
type BatchStore interface {
	processor.DecisionStore
	PutMany(ctx context.Context, c compliance.ControllerID, ds []processor.Decision) error
	PutRows(ctx context.Context, c compliance.ControllerID, rows []sqlmap.Row) error
}

// RunBatch runs the batch-write tests against decision stores made by
// open, one per subtest, each on an empty database. A batch is stored
// whole or not at all: an ID that exists — in the store or twice in the
// batch, in the first or the last of the adapter's chunks — stores none of
// it; another controller has its own ID space; a row that is not a new
// decision is refused before anything is written.
func RunBatch(t *testing.T, open func(t *testing.T) processor.DecisionStore) {
	ctx := context.Background()
	c := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 1}}
	other := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 2}}
	store := func(t *testing.T) BatchStore {
		t.Helper()
		s, ok := open(t).(BatchStore)
		if !ok {
			t.Fatal("the decision store has no PutMany and PutRows")
		}
		return s
	}
	decisions := func(from, n int) []processor.Decision {
		ds := make([]processor.Decision, n)
		for i := range ds {
			ds[i] = processortest.Decision(from + i)
		}
		return ds
	}
	count := func(t *testing.T, s BatchStore, c compliance.ControllerID) int {
		t.Helper()
		n := 0
		for _, err := range s.List(ctx, c, processor.DecisionFilter{}) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		return n
	}
	t.Run("sizes", func(t *testing.T) {
		s := store(t)
		from, total := 0, 0
		// Around the chunk sizes (powers of two up to 64) and past them.
		for _, n := range []int{0, 1, 2, 3, 31, 63, 64, 65, 127, 200} {
			batch := decisions(from, n)
			if err := s.PutMany(ctx, c, batch); err != nil {
				t.Fatalf("PutMany of %d: %v", n, err)
			}
			from, total = from+n, total+n
			for _, d := range batch {
				got, err := s.Get(ctx, c, d.ID)
				if err != nil || got.ID != d.ID || got.Outcome != d.Outcome || !got.At.Equal(d.At) || len(got.Findings) != len(d.Findings) {
					t.Fatalf("after PutMany of %d: Get(%v) = %v, %v", n, d.ID, got.ID, err)
				}
			}
		}
		if got := count(t, s, c); got != total {
			t.Errorf("List finds %d decisions; want %d", got, total)
		}
	})
	t.Run("rows", func(t *testing.T) {
		s := store(t)
		batch := decisions(0, 70)
		rows := make([]sqlmap.Row, len(batch))
		for i, d := range batch {
			r, err := sqlmap.Decisions.Row(d)
			if err != nil {
				t.Fatal(err)
			}
			rows[i] = r
		}
		if err := s.PutRows(ctx, c, rows); err != nil {
			t.Fatal(err)
		}
		// The filters read the indexed columns the rows carried.
		n := 0
		for d, err := range s.List(ctx, c, processor.DecisionFilter{Outcome: processor.Deny, Processor: processortest.Record(0).ID}) {
			if err != nil || d.Outcome != processor.Deny {
				t.Fatalf("List: %v, %v", d.Outcome, err)
			}
			n++
		}
		if n != 35 {
			t.Errorf("List of the denials finds %d; want 35", n)
		}
	})
	t.Run("all or nothing", func(t *testing.T) {
		for _, tc := range []struct {
			name  string
			batch func() []processor.Decision
		}{
			// Decision 1 is stored before each case.
			{"existing ID first", func() []processor.Decision { return append(decisions(1, 1), decisions(10, 3)...) }},
			{"existing ID in the last chunk", func() []processor.Decision { return append(decisions(10, 99), decisions(1, 1)...) }},
			{"an ID twice in the batch", func() []processor.Decision { return append(decisions(10, 80), decisions(50, 1)...) }},
		} {
			t.Run(tc.name, func(t *testing.T) {
				s := store(t)
				if err := s.PutMany(ctx, c, decisions(1, 1)); err != nil {
					t.Fatal(err)
				}
				if err := s.PutMany(ctx, c, tc.batch()); !errors.Is(err, compliance.ErrConflict) {
					t.Fatalf("PutMany: %v; want ErrConflict", err)
				}
				if got := count(t, s, c); got != 1 {
					t.Errorf("a failed batch left %d decisions; want the 1 stored before", got)
				}
			})
		}
	})
	t.Run("controllers", func(t *testing.T) {
		s := store(t)
		batch := decisions(0, 5)
		if err := s.PutMany(ctx, c, batch); err != nil {
			t.Fatal(err)
		}
		if err := s.PutMany(ctx, other, batch); err != nil {
			t.Fatalf("another controller's batch with the same IDs: %v", err)
		}
		if got := count(t, s, other); got != 5 {
			t.Errorf("the other controller has %d decisions; want 5", got)
		}
	})
	t.Run("refused rows", func(t *testing.T) {
		s := store(t)
		good, err := sqlmap.Decisions.Row(processortest.Decision(0))
		if err != nil {
			t.Fatal(err)
		}
		versioned := good
		versioned.Version = 2
		foreign, err := sqlmap.Processors.Row(processortest.Record(0))
		if err != nil {
			t.Fatal(err)
		}
		foreign.Version = 0
		for name, rows := range map[string][]sqlmap.Row{
			"a row with a version":   {good, versioned},
			"a row of another table": {good, foreign},
		} {
			if err := s.PutRows(ctx, c, rows); err == nil || errors.Is(err, compliance.ErrConflict) {
				t.Errorf("%s: PutRows = %v; want a refusal", name, err)
			}
		}
		if got := count(t, s, c); got != 0 {
			t.Errorf("refused batches stored %d decisions", got)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		s := store(t)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if err := s.PutMany(cctx, c, decisions(0, 3)); !errors.Is(err, context.Canceled) {
			t.Errorf("PutMany with a cancelled context: %v", err)
		}
		if got := count(t, s, c); got != 0 {
			t.Errorf("a cancelled batch stored %d decisions", got)
		}
	})
}

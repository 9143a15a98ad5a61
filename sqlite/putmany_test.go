package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/sqlmap/sqlmaptest"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

// TestBatch runs the adapters' shared batch-write tests (PutMany and the
// group commit's PutRows) on a fresh database per subtest.
func TestBatch(t *testing.T) {
	sqlmaptest.RunBatch(t, func(t *testing.T) processor.DecisionStore {
		// With the background checkpointer, which runs between batches.
		db, err := Open(context.Background(), filepath.Join(t.TempDir(), "t.db"), &Options{Migrate: true, Checkpoint: time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db.Decisions()
	})
}

// Version reads a record's version without the record.
func TestVersion(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"), &Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ps := db.Processors()
	vr, ok := ps.(interface {
		Version(context.Context, compliance.ControllerID, compliance.ProcessorID) (uint64, error)
	})
	if !ok {
		t.Fatal("the processor store has no Version")
	}
	c := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 1}}
	p := processortest.Record(0)
	if _, err := vr.Version(ctx, c, p.ID); !errors.Is(err, compliance.ErrNotFound) {
		t.Fatalf("Version of a missing record: %v", err)
	}
	p.Version = 0
	if err := ps.Put(ctx, c, p); err != nil {
		t.Fatal(err)
	}
	p.Version = 1
	if err := ps.Put(ctx, c, p); err != nil {
		t.Fatal(err)
	}
	if v, err := vr.Version(ctx, c, p.ID); err != nil || v != 2 {
		t.Errorf("Version = %d, %v; want 2", v, err)
	}
	other := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 2}}
	if _, err := vr.Version(ctx, other, p.ID); !errors.Is(err, compliance.ErrNotFound) {
		t.Errorf("another controller's record: %v", err)
	}
	// The statement is prepared once per DB and shared by its stores: a
	// write through another store value is what the next Version reads,
	// also from concurrent callers (bounded: 4 × 50 reads, under -race).
	p.Version = 2
	if err := db.Processors().Put(ctx, c, p); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				if v, err := db.Processors().(interface {
					Version(context.Context, compliance.ControllerID, compliance.ProcessorID) (uint64, error)
				}).Version(ctx, c, p.ID); err != nil || v != 3 {
					errs <- fmt.Errorf("Version = %d, %v; want 3", v, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := vr.Version(ctx, c, p.ID); err == nil {
		t.Error("Version after Close: no error")
	}
}

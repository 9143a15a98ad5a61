package postgres

import (
	"context"
	"errors"
	"testing"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/sqlmap/sqlmaptest"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

// TestBatch runs the adapters' shared batch-write tests (PutMany and the
// group commit's PutRows), each subtest on a fresh database.
func TestBatch(t *testing.T) {
	sqlmaptest.RunBatch(t, func(t *testing.T) processor.DecisionStore {
		db, _ := openTest(t, nil)
		return db.Decisions()
	})
}

// Version reads a record's version without the record.
func TestVersion(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t, nil)
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
}

package sqlite

import (
	"context"
	"encoding/binary"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

// walSalt reads the first salt from the header of the write-ahead log
// (bytes 16–19): SQLite adds one to it every time the log starts over from
// its beginning. (The checkpoint sequence number beside it is counted per
// connection, and a pool has several.)
func walSalt(t *testing.T, path string) uint32 {
	t.Helper()
	b, err := os.ReadFile(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 32 {
		t.Fatalf("the log has no header (%d bytes)", len(b))
	}
	return binary.BigEndian.Uint32(b[16:20])
}

// Under writes that never pause, Checkpoint still lets the log start over.
// A PASSIVE checkpoint beside a busy writer never copies the whole log
// (the writer appends while it copies), so with Options.Checkpoint the log
// grew without bound under sustained load (650 MB in 10 s of the tillidd
// load test). Checkpoint's last pass holds this DB's writers back and
// copies the little written during the passes before it; the next write
// then starts the log from its beginning.
func TestCheckpointRestartsLog(t *testing.T) {
	// An hour: the DB's own goroutine does not run during the test, and
	// no commit checkpoints (wal_autocheckpoint is off); only the test's
	// calls of Checkpoint do.
	db, path := openTest(t, &Options{Checkpoint: time.Hour})
	c := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 2}}
	ds := db.Decisions().(interface {
		PutMany(context.Context, compliance.ControllerID, []processor.Decision) error
	})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var writes atomic.Int64
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ctx.Err() == nil && i < 100_000; i++ {
			batch := make([]processor.Decision, 4)
			for j := range batch {
				batch[j] = processortest.Decision(j)
				batch[j].ID = processor.DecisionID{UUID: uuid.Must(uuid.NewV7())}
			}
			if err := ds.PutMany(context.Background(), c, batch); err != nil {
				t.Error(err)
				return
			}
			writes.Add(1)
		}
	}()
	defer func() { cancel(); wg.Wait() }()
	// waitWrites waits (bounded) until n batches are written.
	waitWrites := func(n int64) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for writes.Load() < n {
			if time.Now().After(deadline) || t.Failed() {
				t.Fatalf("the writer wrote %d batches, not %d", writes.Load(), n)
			}
			time.Sleep(time.Millisecond)
		}
	}
	waitWrites(20)
	for round := range 5 {
		before := walSalt(t, path)
		if err := db.Checkpoint(ctx); err != nil {
			t.Fatal(err)
		}
		// The writer holds no transaction when Checkpoint returns, so its
		// next one starts after the whole log was copied.
		waitWrites(writes.Load() + 2)
		if after := walSalt(t, path); after == before {
			t.Errorf("round %d: the log did not start over after Checkpoint (salt %d)", round, after)
		}
	}
}

package sqlite

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

// walAutocheckpoint reads the automatic-checkpoint threshold of a pooled
// connection.
func walAutocheckpoint(t *testing.T, db *DB) int {
	t.Helper()
	var n int
	if err := db.sql.QueryRowContext(context.Background(), "PRAGMA wal_autocheckpoint").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// By default SQLite checkpoints in the commits and the DB starts no
// goroutine; with Options.Checkpoint the commits never checkpoint and the
// DB's goroutine does, after writes, until Close stops it.
func TestCheckpoint(t *testing.T) {
	ctx := context.Background()
	c := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 1}}
	t.Run("default", func(t *testing.T) {
		db, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"), &Options{Migrate: true})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if db.stop != nil {
			t.Error("a checkpointer runs without Options.Checkpoint")
		}
		if n := walAutocheckpoint(t, db); n != 1000 {
			t.Errorf("wal_autocheckpoint = %d; want SQLite's 1000", n)
		}
	})
	t.Run("negative", func(t *testing.T) {
		if _, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"), &Options{Checkpoint: -time.Second}); err == nil {
			t.Error("Open accepted a negative Checkpoint")
		}
	})
	t.Run("background", func(t *testing.T) {
		before := runtime.NumGoroutine()
		db, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"), &Options{Migrate: true, Checkpoint: time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		if n := walAutocheckpoint(t, db); n != 0 {
			t.Errorf("wal_autocheckpoint = %d; want 0 (no checkpoint in a commit)", n)
		}
		ds := db.Decisions().(interface {
			PutMany(context.Context, compliance.ControllerID, []processor.Decision) error
		})
		// Writes wake the checkpointer; poll (bounded) for its first run.
		deadline := time.Now().Add(10 * time.Second)
		for i := 0; db.checkpoints.Load() == 0; i++ {
			if time.Now().After(deadline) {
				t.Fatal("no checkpoint within 10 s of writes")
			}
			batch := make([]processor.Decision, 10)
			for j := range batch {
				batch[j] = processortest.Decision(i*10 + j)
			}
			if i < 100 {
				if err := ds.PutMany(ctx, c, batch); err != nil {
					t.Fatal(err)
				}
			}
			time.Sleep(5 * time.Millisecond)
		}
		// What was written is read back after the checkpoints.
		if _, err := db.Decisions().Get(ctx, c, processortest.Decision(0).ID); err != nil {
			t.Errorf("Get after a checkpoint: %v", err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Errorf("a second Close: %v", err)
		}
		// The goroutine is gone (poll briefly: the runtime's own count lags).
		for i := 0; runtime.NumGoroutine() > before && i < 100; i++ {
			time.Sleep(10 * time.Millisecond)
		}
		if n := runtime.NumGoroutine(); n > before {
			t.Errorf("%d goroutines after Close; %d before Open", n, before)
		}
		if err := db.Checkpoint(ctx); err == nil {
			t.Error("Checkpoint after Close: no error")
		}
	})
}

package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
	"github.com/tillid/tillid/retention/retentiontest"
)

var (
	kommuneA = compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-7000-8000-0000000000a1")}
	kommuneB = compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-7000-8000-0000000000b2")}
)

func putRules(t *testing.T, s retention.Store, c compliance.ControllerID, from, n int) {
	t.Helper()
	for i := from; i < from+n; i++ {
		if err := s.Put(context.Background(), c, retentiontest.FixtureRule(i)); err != nil {
			t.Fatalf("Put(rule %d): %v", i, err)
		}
	}
}

func count[V any](t *testing.T, seq func(func(V, error) bool)) int {
	t.Helper()
	n := 0
	for _, err := range seq {
		if err != nil {
			t.Fatalf("List: %v", err)
		}
		n++
	}
	return n
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tillid.db")
	db, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatalf("Open without Migrate: %v", err)
	}
	defer db.Close()
	if v, err := db.SchemaVersion(ctx); v != 0 || err != nil {
		t.Errorf("SchemaVersion of a new file = %d, %v; want 0, nil", v, err)
	}
	if err := db.Ready(ctx); !errors.Is(err, ErrNotMigrated) {
		t.Errorf("Ready before Migrate = %v, want ErrNotMigrated", err)
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	putRules(t, db.Retention(), kommuneA, 0, 2)
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("second Migrate: %v", err)
	}
	var rows int
	if err := db.sql.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations").Scan(&rows); err != nil || rows != LatestVersion() {
		t.Errorf("schema_migrations has %d rows (%v) after two Migrates, want %d", rows, err, LatestVersion())
	}
	if err := db.Ready(ctx); err != nil {
		t.Errorf("Ready after Migrate = %v", err)
	}
	if n := count(t, db.Retention().List(ctx, kommuneA, retention.Filter{})); n != 2 {
		t.Errorf("after the second Migrate List yields %d rules, want 2", n)
	}
	var mode string
	if err := db.sql.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q (%v), want wal", mode, err)
	}
	if _, err := db.sql.ExecContext(ctx, "INSERT INTO schema_migrations (version, name) VALUES (?1, 'from the future')", LatestVersion()+1); err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx); !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("Migrate on a newer schema = %v, want ErrSchemaTooNew", err)
	}
	if err := db.Ready(ctx); !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("Ready on a newer schema = %v, want ErrSchemaTooNew", err)
	}
	for _, migrate := range []bool{false, true} {
		db2, err := Open(ctx, path, &Options{Migrate: migrate})
		if !errors.Is(err, ErrSchemaTooNew) {
			db2.Close()
			t.Errorf("Open(Migrate: %v) on a newer schema = %v, want ErrSchemaTooNew", migrate, err)
		}
	}
}

// Every statement names the controller: even read straight from the table,
// one kommune's rows carry only its own controller.
func TestControllerScope(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t, nil)
	putRules(t, db.Retention(), kommuneA, 0, 3)
	putRules(t, db.Retention(), kommuneB, 3, 4)
	for _, tc := range []struct {
		c    compliance.ControllerID
		want int
	}{{kommuneA, 3}, {kommuneB, 4}} {
		if n := count(t, db.Retention().List(ctx, tc.c, retention.Filter{})); n != tc.want {
			t.Errorf("List = %d rules, want %d", n, tc.want)
		}
		var n int
		if err := db.sql.QueryRowContext(ctx, "SELECT count(*) FROM retention_rules WHERE controller = ?1", tc.c.UUID[:]).Scan(&n); err != nil || n != tc.want {
			t.Errorf("rows of the controller = %d (%v), want %d", n, err, tc.want)
		}
	}
}

func TestOpenRefusesMemory(t *testing.T) {
	if _, err := Open(context.Background(), ":memory:", nil); err == nil {
		t.Error("Open(:memory:) succeeded; an in-memory database is not shared between connections")
	}
}

// A write that waits past the busy timeout for another connection's write
// lock fails with ErrTimeout and names the operation; nothing is written.
func TestBusyTimeout(t *testing.T) {
	ctx := context.Background()
	db, path := openTest(t, &Options{BusyTimeout: 100 * time.Millisecond})
	other, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.sql.BeginTx(ctx, nil) // BEGIN IMMEDIATE: holds the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	err = db.Retention().Put(ctx, kommuneA, retentiontest.FixtureRule(0))
	if !errors.Is(err, ErrTimeout) || !strings.Contains(err.Error(), "put retention rule") {
		t.Errorf("Put while another connection writes = %v, want ErrTimeout naming the operation", err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Retention().Get(ctx, kommuneA, retentiontest.FixtureRule(0).ID); !errors.Is(err, compliance.ErrNotFound) {
		t.Errorf("after the timed-out Put Get = %v, want ErrNotFound", err)
	}
}

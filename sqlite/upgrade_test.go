package sqlite

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
	"github.com/tillid/tillid/retention/retentiontest"
)

// openV1 opens a new file migrated to schema version 1 holding rules as
// that version stored them (no class_key).
func openV1(t *testing.T, rules ...retention.Rule) *DB {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "tillid.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.migrate(ctx, 1); err != nil {
		t.Fatalf("migrate to 1: %v", err)
	}
	for _, r := range rules {
		doc, _ := json.Marshal(r)
		if _, err := db.sql.ExecContext(ctx, `INSERT INTO retention_rules (controller, id, version, doc, jurisdiction, scheme, class)
VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6)`, kommuneA.UUID[:], r.ID.UUID[:], string(doc), r.Jurisdiction.String(), r.Scheme.String(), r.Class); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestUpgradeFillsClassKeys(t *testing.T) {
	ctx := context.Background()
	db := openV1(t, retentiontest.FixtureRule(0), retentiontest.FixtureRule(1))
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("Migrate from 1: %v", err)
	}
	n := 0
	for r, err := range db.Retention().List(ctx, kommuneA, retention.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		var key string
		if err := db.sql.QueryRowContext(ctx, "SELECT class_key FROM retention_rules WHERE id = ?1", r.ID.UUID[:]).Scan(&key); err != nil || key != r.ClassKey() {
			t.Errorf("class_key of a migrated rule = %q (%v), want its ClassKey", key, err)
		}
		n++
	}
	if n != 2 {
		t.Fatalf("%d migrated rules, want 2", n)
	}
	dup := retentiontest.FixtureRule(3)
	dup.Class = retentiontest.FixtureRule(0).Class
	if err := db.Retention().Put(ctx, kommuneA, dup); !errors.Is(err, compliance.ErrConflict) {
		t.Errorf("Put of a second rule for a migrated rule's class = %v, want ErrConflict", err)
	}
}

func TestUpgradeWithDuplicateClassesChangesNothing(t *testing.T) {
	ctx := context.Background()
	a, b := retentiontest.FixtureRule(0), retentiontest.FixtureRule(3)
	b.Class = a.Class
	db := openV1(t, a, b)
	if err := db.Migrate(ctx); err == nil {
		t.Fatal("Migrate over two rules for one class succeeded")
	}
	if v, err := db.SchemaVersion(ctx); v != 1 || err != nil {
		t.Errorf("after the failed upgrade SchemaVersion = %d, %v; want 1", v, err)
	}
	var cols int
	if err := db.sql.QueryRowContext(ctx, "SELECT count(*) FROM pragma_table_info('retention_rules') WHERE name = 'class_key'").Scan(&cols); err != nil || cols != 0 {
		t.Errorf("after the failed upgrade class_key exists (%d, %v); the upgrade must be all or nothing", cols, err)
	}
}

package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
	"github.com/tillid/tillid/retention/retentiontest"
)

// insertV1 writes rules as schema version 1 stored them (no class_key).
func insertV1(t *testing.T, db *DB, c compliance.ControllerID, rules ...retention.Rule) {
	t.Helper()
	ctx := context.Background()
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, setController, c.UUID.String()); err != nil {
			return err
		}
		for _, r := range rules {
			doc, _ := json.Marshal(r)
			if _, err := tx.Exec(ctx, `INSERT INTO retention_rules (controller, id, version, doc, jurisdiction, scheme, class)
VALUES ($1, $2, 1, $3, $4, $5, $6)`, c.UUID, r.ID.UUID, doc, r.Jurisdiction.String(), r.Scheme.String(), r.Class); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("insert at version 1: %v", err)
	}
}

// Upgrading a version 1 database fills class_key from every controller's
// rules (through row-level security) and then enforces one rule per class.
func TestUpgradeFillsClassKeys(t *testing.T) {
	ctx := context.Background()
	conn := admin(t)
	s := schema(t, conn)
	db, err := Open(ctx, serverURL(t), &Options{Schema: s, Role: setup.role})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.migrate(ctx, 1); err != nil {
		t.Fatalf("migrate to 1: %v", err)
	}
	insertV1(t, db, kommuneA, retentiontest.FixtureRule(0), retentiontest.FixtureRule(1))
	insertV1(t, db, kommuneB, retentiontest.FixtureRule(0))
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("Migrate from 1: %v", err)
	}
	rows, err := conn.Query(ctx, "SELECT doc, class_key FROM "+pgx.Identifier{s, "retention_rules"}.Sanitize())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		var doc []byte
		var key string
		if err := rows.Scan(&doc, &key); err != nil {
			t.Fatal(err)
		}
		var r retention.Rule
		if err := json.Unmarshal(doc, &r); err != nil {
			t.Fatal(err)
		}
		if key != r.ClassKey() {
			t.Errorf("class_key of a migrated rule is %q, want its ClassKey %q", key, r.ClassKey())
		}
		n++
	}
	if rows.Err() != nil || n != 3 {
		t.Fatalf("read %d migrated rules (%v), want 3", n, rows.Err())
	}
	dup := retentiontest.FixtureRule(3) // the class of rule 0
	dup.Jurisdiction, dup.Scheme, dup.Class, dup.Facet = retentiontest.FixtureRule(0).Jurisdiction, retentiontest.FixtureRule(0).Scheme, retentiontest.FixtureRule(0).Class, retentiontest.FixtureRule(0).Facet
	if err := db.Retention().Put(ctx, kommuneA, dup); !errors.Is(err, compliance.ErrConflict) {
		t.Errorf("Put of a second rule for a migrated rule's class = %v, want ErrConflict", err)
	}
	// The row-level security lifted for the step is forced again.
	var forced bool
	if err := conn.QueryRow(ctx, "SELECT relforcerowsecurity FROM pg_class WHERE oid = $1::regclass", s+".retention_rules").Scan(&forced); err != nil || !forced {
		t.Errorf("retention_rules FORCE ROW LEVEL SECURITY after the upgrade = %v (%v), want true", forced, err)
	}
}

// A version 1 database with two rules for one class cannot take the unique
// index: the upgrade fails and leaves the database at version 1, unchanged.
func TestUpgradeWithDuplicateClassesChangesNothing(t *testing.T) {
	ctx := context.Background()
	conn := admin(t)
	s := schema(t, conn)
	db, err := Open(ctx, serverURL(t), &Options{Schema: s, Role: setup.role})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.migrate(ctx, 1); err != nil {
		t.Fatalf("migrate to 1: %v", err)
	}
	a, b := retentiontest.FixtureRule(0), retentiontest.FixtureRule(3)
	b.Class = a.Class
	insertV1(t, db, kommuneA, a, b)
	if err := db.Migrate(ctx); err == nil {
		t.Fatal("Migrate over two rules for one class succeeded")
	}
	if v, err := db.SchemaVersion(ctx); v != 1 || err != nil {
		t.Errorf("after the failed upgrade SchemaVersion = %d, %v; want 1", v, err)
	}
	var cols int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'retention_rules' AND column_name = 'class_key'", s).Scan(&cols); err != nil || cols != 0 {
		t.Errorf("after the failed upgrade class_key exists (%d, %v); the upgrade must be all or nothing", cols, err)
	}
}

package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
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

// Row-level security: a query written without the controller scope, run on
// the adapter's own connections (its role and search_path) with the
// controller set as the adapter sets it, sees only that controller's rows;
// without the setting it sees none; and it cannot write a row of another
// controller.
func TestRowLevelSecurity(t *testing.T) {
	db, _ := openTest(t, nil)
	ctx := context.Background()
	putRules(t, db.Retention(), kommuneA, 0, 3)
	putRules(t, db.Retention(), kommuneB, 3, 4)

	unscoped := func(set bool, c compliance.ControllerID) (own, other int) {
		t.Helper()
		err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
			if set {
				if _, err := tx.Exec(ctx, setController, c.UUID.String()); err != nil {
					return err
				}
			}
			rows, err := tx.Query(ctx, "SELECT * FROM retention_rules")
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				vals, err := rows.Values()
				if err != nil {
					return err
				}
				if got, _ := vals[0].([16]byte); got == c.UUID {
					own++
				} else {
					other++
				}
			}
			return rows.Err()
		})
		if err != nil {
			t.Fatalf("unscoped SELECT: %v", err)
		}
		return own, other
	}
	if own, other := unscoped(true, kommuneA); own != 3 || other != 0 {
		t.Errorf("unscoped SELECT * as kommune A saw %d own and %d other rows, want 3 and 0", own, other)
	}
	if own, other := unscoped(true, kommuneB); own != 4 || other != 0 {
		t.Errorf("unscoped SELECT * as kommune B saw %d own and %d other rows, want 4 and 0", own, other)
	}
	if own, other := unscoped(false, kommuneA); own+other != 0 {
		t.Errorf("unscoped SELECT * without a controller saw %d rows, want 0", own+other)
	}
	// Writing B's row while scoped to A violates the policy.
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, setController, kommuneA.UUID.String()); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO retention_rules (controller, id, version, doc, jurisdiction, scheme, class)
VALUES ($1, $2, 1, '{}', 'dk', 'kle', 'x')`, kommuneB.UUID, uuid.New())
		return err
	})
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "42501" {
		t.Errorf("inserting kommune B's row as kommune A: error %v, want a row-level security violation (42501)", err)
	}
	// The admin connection (which bypasses RLS) confirms all 7 rows exist.
	var n int
	if err := admin(t).QueryRow(ctx, "SELECT count(*) FROM "+pgx.Identifier{schemaOf(t, db), "retention_rules"}.Sanitize()).Scan(&n); err != nil || n != 7 {
		t.Errorf("rows in the table = %d, %v; want 7", n, err)
	}
}

func schemaOf(t *testing.T, db *DB) string {
	t.Helper()
	var s string
	if err := db.pool.QueryRow(context.Background(), "SELECT current_schema()").Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// A session whose role bypasses row-level security is refused.
func TestRefusesRoleThatBypassesRLS(t *testing.T) {
	admin(t)
	if setup.role == "" {
		t.Skip("the URL's role is ordinary: no role that bypasses row-level security to try")
	}
	db, err := Open(context.Background(), serverURL(t), nil)
	if !errors.Is(err, ErrBypassesRLS) {
		db.Close()
		t.Fatalf("Open as a superuser: error %v, want ErrBypassesRLS", err)
	}
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	conn := admin(t)
	s := schema(t, conn)
	db, err := Open(ctx, serverURL(t), &Options{Schema: s, Role: setup.role})
	if err != nil {
		t.Fatalf("Open without Migrate: %v", err)
	}
	defer db.Close()
	if v, err := db.SchemaVersion(ctx); v != 0 || err != nil {
		t.Errorf("SchemaVersion of an empty schema = %d, %v; want 0, nil", v, err)
	}
	if err := db.Ready(ctx); !errors.Is(err, ErrNotMigrated) {
		t.Errorf("Ready before Migrate = %v, want ErrNotMigrated", err)
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	putRules(t, db.Retention(), kommuneA, 0, 2)
	// Twice: a no-op that keeps the data and records nothing new.
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("second Migrate: %v", err)
	}
	var rows int
	q := "SELECT count(*) FROM " + pgx.Identifier{s, "schema_migrations"}.Sanitize()
	if err := conn.QueryRow(ctx, q).Scan(&rows); err != nil || rows != LatestVersion() {
		t.Errorf("schema_migrations has %d rows (%v) after two Migrates, want %d", rows, err, LatestVersion())
	}
	if v, err := db.SchemaVersion(ctx); v != LatestVersion() || err != nil {
		t.Errorf("SchemaVersion = %d, %v; want %d", v, err, LatestVersion())
	}
	if err := db.Ready(ctx); err != nil {
		t.Errorf("Ready after Migrate = %v", err)
	}
	if n := count(t, db.Retention().List(ctx, kommuneA, retention.Filter{})); n != 2 {
		t.Errorf("after the second Migrate List yields %d rules, want 2", n)
	}
	// A newer schema is refused by Open, Migrate and Ready.
	if _, err := conn.Exec(ctx, "INSERT INTO "+pgx.Identifier{s, "schema_migrations"}.Sanitize()+" (version, name) VALUES ($1, 'from the future')", LatestVersion()+1); err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx); !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("Migrate on a newer schema = %v, want ErrSchemaTooNew", err)
	}
	if err := db.Ready(ctx); !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("Ready on a newer schema = %v, want ErrSchemaTooNew", err)
	}
	for _, migrate := range []bool{false, true} {
		db2, err := Open(ctx, serverURL(t), &Options{Schema: s, Role: setup.role, Migrate: migrate})
		if !errors.Is(err, ErrSchemaTooNew) {
			db2.Close()
			t.Errorf("Open(Migrate: %v) on a newer schema = %v, want ErrSchemaTooNew", migrate, err)
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

// A statement that runs past Options.StatementTimeout (here: waiting for a
// lock another session holds) fails with ErrTimeout and names the operation.
func TestStatementTimeout(t *testing.T) {
	ctx := context.Background()
	db, s := openTest(t, &Options{StatementTimeout: 200 * time.Millisecond})
	putRules(t, db.Retention(), kommuneA, 0, 1)
	tx, err := admin(t).Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "LOCK TABLE "+pgx.Identifier{s, "retention_rules"}.Sanitize()+" IN ACCESS EXCLUSIVE MODE"); err != nil {
		t.Fatal(err)
	}
	_, err = db.Retention().Get(ctx, kommuneA, retentiontest.FixtureRule(0).ID)
	if !errors.Is(err, ErrTimeout) || !strings.Contains(err.Error(), "get retention rule") {
		t.Errorf("Get on a locked table = %v, want ErrTimeout naming the operation", err)
	}
	if err := db.Retention().Put(ctx, kommuneA, retentiontest.FixtureRule(1)); !errors.Is(err, ErrTimeout) || !strings.Contains(err.Error(), "put retention rule") {
		t.Errorf("Put on a locked table = %v, want ErrTimeout naming the operation", err)
	}
	for _, err := range db.Retention().List(ctx, kommuneA, retention.Filter{}) {
		if !errors.Is(err, ErrTimeout) || !strings.Contains(err.Error(), "list retention rule") {
			t.Errorf("List on a locked table yielded %v, want ErrTimeout naming the operation", err)
		}
	}
}

// The server ends the adapter's connection in the middle of a List: the
// List ends with an error pair after the records it had read, and the DB
// works again afterwards.
func TestConnectionLostMidList(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t, &Options{ListBatch: 2, MaxConns: 1, ApplicationName: "tillid-midlist"})
	putRules(t, db.Retention(), kommuneA, 0, 6)
	conn := admin(t)
	var got []retention.Rule
	var lastErr error
	pairs := 0
	for r, err := range db.Retention().List(ctx, kommuneA, retention.Filter{}) {
		pairs++
		if err != nil {
			lastErr = err
			continue
		}
		if lastErr != nil {
			t.Fatalf("a record came after an error pair")
		}
		got = append(got, r)
		if len(got) == 1 {
			terminate(t, conn, "tillid-midlist")
		}
	}
	if lastErr == nil {
		t.Fatalf("List over a lost connection yielded %d records and no error", len(got))
	}
	if pairs != len(got)+1 {
		t.Errorf("the error was not the last pair")
	}
	for i, r := range got {
		if r.ID != retentiontest.FixtureRule(i).ID {
			t.Errorf("record %d before the error is not the %d-th rule", i, i)
		}
	}
	if n := count(t, db.Retention().List(ctx, kommuneA, retention.Filter{})); n != 6 {
		t.Errorf("after reconnecting List yields %d rules, want 6", n)
	}
}

// terminate ends every backend of the application name from the admin
// connection, and waits until they are gone.
func terminate(t *testing.T, conn *pgx.Conn, app string) {
	t.Helper()
	ctx := context.Background()
	if _, err := conn.Exec(ctx, "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = $1", app); err != nil {
		t.Fatalf("pg_terminate_backend: %v", err)
	}
}

// The server ends the adapter's connection while a Put waits on a lock: the
// Put fails, and neither an update nor a create is half-written.
func TestConnectionLostMidPut(t *testing.T) {
	ctx := context.Background()
	db, s := openTest(t, &Options{ApplicationName: "tillid-midput"})
	rules := db.Retention()
	putRules(t, rules, kommuneA, 0, 1)
	conn := admin(t)
	table := pgx.Identifier{s, "retention_rules"}.Sanitize()

	for _, tc := range []struct {
		name string
		rule retention.Rule
	}{
		{"update", func() retention.Rule { r := retentiontest.FixtureRule(0); r.Version, r.Title = 1, "changed"; return r }()},
		{"create", retentiontest.FixtureRule(1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tx, err := conn.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.Exec(ctx, "LOCK TABLE "+table+" IN EXCLUSIVE MODE"); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- rules.Put(ctx, kommuneA, tc.rule) }()
			waitForLock(t, "tillid-midput")
			// A second connection: conn is busy with the transaction.
			other := admin(t)
			terminate(t, other, "tillid-midput")
			select {
			case err := <-done:
				if err == nil {
					t.Errorf("Put over a terminated connection succeeded")
				}
			case <-time.After(30 * time.Second):
				t.Fatal("Put did not return after its connection was terminated")
			}
			if err := tx.Rollback(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
	got, err := rules.Get(ctx, kommuneA, retentiontest.FixtureRule(0).ID)
	if err != nil || got.Version != 1 || got.Title != retentiontest.FixtureRule(0).Title {
		t.Errorf("after a lost update the rule is version %d titled %q (%v), want version 1 unchanged", got.Version, got.Title, err)
	}
	if _, err := rules.Get(ctx, kommuneA, retentiontest.FixtureRule(1).ID); !errors.Is(err, compliance.ErrNotFound) {
		t.Errorf("after a lost create Get = %v, want ErrNotFound", err)
	}
}

// waitForLock waits until a backend of the application name waits on a lock.
func waitForLock(t *testing.T, app string) {
	t.Helper()
	conn := admin(t)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		var n int
		err := conn.QueryRow(context.Background(), "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", app).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the Put never waited on the lock")
}

// Serialization failures and deadlocks are conflicts; a cancelled statement
// is a timeout naming the operation; the context's error wins when it is
// done.
func TestErrorMapping(t *testing.T) {
	db := &DB{}
	ctx := context.Background()
	for _, code := range []string{"40001", "40P01"} {
		if err := db.wrap(ctx, "put breach", &pgconn.PgError{Code: code}); !errors.Is(err, compliance.ErrConflict) {
			t.Errorf("SQLSTATE %s → %v, want ErrConflict", code, err)
		}
	}
	err := db.wrap(ctx, "list breach", &pgconn.PgError{Code: "57014"})
	if !errors.Is(err, ErrTimeout) || !strings.Contains(err.Error(), "list breach") {
		t.Errorf("SQLSTATE 57014 → %v, want ErrTimeout naming the operation", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := db.wrap(cctx, "get breach", errors.New("conn closed")); !errors.Is(err, context.Canceled) {
		t.Errorf("with a cancelled context → %v, want context.Canceled", err)
	}
}

// List holds no connection (and so no transaction or lock) while the loop
// body runs: with a pool of one connection, the body can still read and
// write through the same DB.
func TestListHoldsNoConnection(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t, &Options{ListBatch: 2, MaxConns: 1})
	rules := db.Retention()
	putRules(t, rules, kommuneA, 0, 5)
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	n := 0
	for r, err := range rules.List(ctx, kommuneA, retention.Filter{}) {
		if err != nil {
			t.Fatalf("List: %v", err)
		}
		n++
		r.Title += " (reviewed)"
		if err := rules.Put(ctx, kommuneA, r); err != nil {
			t.Fatalf("Put inside the List loop with one pooled connection: %v", err)
		}
	}
	if n != 5 {
		t.Errorf("List yielded %d rules, want 5", n)
	}
	for r, err := range rules.List(ctx, kommuneA, retention.Filter{}) {
		if err != nil || r.Version != 2 {
			t.Errorf("after the loop a rule has version %d (%v), want 2", r.Version, err)
		}
	}
}

// Every table but schema_migrations has forced row-level security and the
// controller policy, so that a table a later migration adds cannot forget it.
func TestEveryTableHasForcedRLS(t *testing.T) {
	ctx := context.Background()
	_, s := openTest(t, nil)
	rows, err := admin(t).Query(ctx, `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
	EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'controller_scope')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname <> 'schema_migrations'`, s)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var name string
		var enabled, forced, policy bool
		if err := rows.Scan(&name, &enabled, &forced, &policy); err != nil {
			t.Fatal(err)
		}
		n++
		if !enabled || !forced || !policy {
			t.Errorf("table %s: row security enabled %v, forced %v, controller policy %v; want all true", name, enabled, forced, policy)
		}
	}
	if n < 12 {
		t.Errorf("found %d tables, want the 12 stores' tables", n)
	}
}

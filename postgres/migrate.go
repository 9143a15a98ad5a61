package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/tillid/tillid/internal/sqlmap"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// ErrSchemaTooNew is the error (matched with errors.Is) of [Open],
// [DB.Migrate] and [DB.Ready] when the database's schema has a version this
// code does not know: a newer tillid migrated it, and this one must not
// write to it.
var ErrSchemaTooNew = errors.New("postgres: the database schema is newer than this version of tillid knows")

// ErrNotMigrated is the error (matched with errors.Is) of [DB.Ready] when
// migrations are missing.
var ErrNotMigrated = errors.New("postgres: the database schema is not migrated to the current version")

// migrations returns the embedded migrations in order.
func migrations() []sqlmap.Migration {
	ms, err := sqlmap.Migrations(migrationFiles, "migrations")
	if err != nil {
		panic("postgres: " + err.Error()) // the files are embedded: a build error, which every test meets
	}
	return ms
}

// LatestVersion is the schema version this code migrates to.
func LatestVersion() int { return len(migrations()) }

// migrateLock is the pg_advisory_xact_lock key migrations hold.
const migrateLock = 0x7469_6c6c_6964 // "tillid"

// Migrate applies the embedded migrations the database lacks, in one
// transaction under an advisory lock, so that concurrent callers apply each
// once. Running it on a current database changes nothing. It fails with
// [ErrSchemaTooNew] when the database is newer than this code.
func (db *DB) Migrate(ctx context.Context) error { return db.migrate(ctx, LatestVersion()) }

// migrate applies the migrations up to version target.
func (db *DB) migrate(ctx context.Context, target int) error {
	if db == nil || db.pool == nil {
		return errClosed
	}
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", int64(migrateLock)); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
	version integer PRIMARY KEY,
	name text NOT NULL,
	applied timestamptz NOT NULL DEFAULT now()
)`); err != nil {
			return err
		}
		var cur int
		if err := tx.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&cur); err != nil {
			return err
		}
		ms := migrations()
		if cur > len(ms) {
			return fmt.Errorf("%w (database version %d, known %d)", ErrSchemaTooNew, cur, len(ms))
		}
		for _, m := range ms[cur:] {
			if m.Version > target {
				break
			}
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			if step := steps[m.Version]; step != nil {
				if err := step(ctx, tx); err != nil {
					return fmt.Errorf("migration %s: %w", m.Name, err)
				}
			}
			if _, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.Version, m.Name); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, ErrSchemaTooNew) {
		return db.wrap(ctx, "migrate", err)
	}
	return err
}

// SchemaVersion returns the version of the database's schema: 0 before the
// first migration.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	if db == nil || db.pool == nil {
		return 0, errClosed
	}
	var v int
	err := db.pool.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&v)
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42P01" { // undefined_table
		return 0, nil
	}
	if err != nil {
		return 0, db.wrap(ctx, "read schema version", err)
	}
	return v, nil
}

// Ready reports whether the database is reachable and its schema is the
// version this code knows: nil, or an error matching [ErrNotMigrated] or
// [ErrSchemaTooNew], or the connection's error. It costs one round trip.
func (db *DB) Ready(ctx context.Context) error {
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	return checkVersion(v)
}

func checkVersion(v int) error {
	switch latest := LatestVersion(); {
	case v > latest:
		return fmt.Errorf("%w (database version %d, known %d)", ErrSchemaTooNew, v, latest)
	case v < latest:
		return fmt.Errorf("%w (database version %d, current %d)", ErrNotMigrated, v, latest)
	}
	return nil
}

// steps are Go steps that run right after the migration of their version,
// in its transaction: data changes SQL cannot express.
var steps = map[int]func(ctx context.Context, tx pgx.Tx) error{
	2: fillClassKeys,
}

// fillClassKeys sets retention_rules.class_key of every row to its rule's
// ClassKey. Row-level security is lifted for the step (the migrating role
// owns the table) so that it reaches every controller's rows, and forced
// again before the transaction commits.
func fillClassKeys(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, "ALTER TABLE retention_rules NO FORCE ROW LEVEL SECURITY"); err != nil {
		return err
	}
	type key struct {
		c, id [16]byte
		key   string
	}
	var keys []key
	rows, err := tx.Query(ctx, "SELECT controller, id, doc FROM retention_rules")
	if err != nil {
		return err
	}
	for rows.Next() {
		var k key
		var doc []byte
		if err := rows.Scan(&k.c, &k.id, &doc); err != nil {
			rows.Close()
			return err
		}
		r, err := sqlmap.Retention.Decode(doc, 1)
		if err != nil {
			rows.Close()
			return err
		}
		k.key = r.ClassKey()
		keys = append(keys, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, k := range keys {
		if _, err := tx.Exec(ctx, "UPDATE retention_rules SET class_key = $3 WHERE controller = $1 AND id = $2", k.c, k.id, k.key); err != nil {
			return err
		}
	}
	_, err = tx.Exec(ctx, "ALTER TABLE retention_rules FORCE ROW LEVEL SECURITY")
	return err
}

package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"

	"github.com/tillid/tillid/internal/sqlmap"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// ErrSchemaTooNew is the error (matched with errors.Is) of [Open],
// [DB.Migrate] and [DB.Ready] when the database's schema has a version this
// code does not know: a newer tillid migrated it, and this one must not
// write to it.
var ErrSchemaTooNew = errors.New("sqlite: the database schema is newer than this version of tillid knows")

// ErrNotMigrated is the error (matched with errors.Is) of [DB.Ready] when
// migrations are missing.
var ErrNotMigrated = errors.New("sqlite: the database schema is not migrated to the current version")

// migrations returns the embedded migrations in order.
func migrations() []sqlmap.Migration {
	ms, err := sqlmap.Migrations(migrationFiles, "migrations")
	if err != nil {
		panic("sqlite: " + err.Error()) // the files are embedded: a build error, which every test meets
	}
	return ms
}

// LatestVersion is the schema version this code migrates to.
func LatestVersion() int { return len(migrations()) }

// Migrate applies the embedded migrations the database lacks, in one
// BEGIN IMMEDIATE transaction, so that concurrent callers apply each once.
// Running it on a current database changes nothing. It fails with
// [ErrSchemaTooNew] when the database is newer than this code.
func (db *DB) Migrate(ctx context.Context) error { return db.migrate(ctx, LatestVersion()) }

// migrate applies the migrations up to version target.
func (db *DB) migrate(ctx context.Context, target int) error {
	if db == nil || db.sql == nil {
		return errClosed
	}
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
	version INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	applied TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)`); err != nil {
			return err
		}
		var cur int
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&cur); err != nil {
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
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			if step := steps[m.Version]; step != nil {
				if err := step(ctx, tx); err != nil {
					return fmt.Errorf("migration %s: %w", m.Name, err)
				}
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)", m.Version, m.Name); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, ErrSchemaTooNew) {
		return wrap(ctx, "migrate", err)
	}
	return err
}

// SchemaVersion returns the version of the database's schema: 0 before the
// first migration.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	if db == nil || db.sql == nil {
		return 0, errClosed
	}
	var exists bool
	err := db.sql.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations')").Scan(&exists)
	if err != nil {
		return 0, wrap(ctx, "read schema version", err)
	}
	if !exists {
		return 0, nil
	}
	var v int
	if err := db.sql.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&v); err != nil {
		return 0, wrap(ctx, "read schema version", err)
	}
	return v, nil
}

// Ready reports whether the database can be read and its schema is the
// version this code knows: nil, or an error matching [ErrNotMigrated] or
// [ErrSchemaTooNew], or the database's error.
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
var steps = map[int]func(ctx context.Context, tx *sql.Tx) error{
	2: fillClassKeys,
}

// fillClassKeys sets retention_rules.class_key of every row to its rule's
// ClassKey.
func fillClassKeys(ctx context.Context, tx *sql.Tx) error {
	type key struct {
		c, id []byte
		key   string
	}
	var keys []key
	rows, err := tx.QueryContext(ctx, "SELECT controller, id, doc FROM retention_rules")
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
		if _, err := tx.ExecContext(ctx, "UPDATE retention_rules SET class_key = ?3 WHERE controller = ?1 AND id = ?2", k.c, k.id, k.key); err != nil {
			return err
		}
	}
	return nil
}

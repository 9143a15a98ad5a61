package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
)

// The tests run against the server named by TILLID_POSTGRES_URL. Without it
// they skip, saying so, except under CI=true, where a PostgreSQL test never
// skips: .ci/run starts a throwaway cluster and sets the variable.

const appRole = "tillid_app_test"

var setup struct {
	once sync.Once
	err  error
	role string // the role the adapter switches to; "" when the URL's user is ordinary
}

// serverURL returns TILLID_POSTGRES_URL, or skips (fails under CI=true).
func serverURL(tb testing.TB) string {
	tb.Helper()
	u := os.Getenv("TILLID_POSTGRES_URL")
	if u == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal("CI=true and TILLID_POSTGRES_URL is not set: the PostgreSQL tests must run in CI (.ci/run starts a server)")
		}
		tb.Skip("TILLID_POSTGRES_URL is not set: skipping the PostgreSQL tests (set it to a server's URL, e.g. postgres://postgres@127.0.0.1:5432/postgres)")
	}
	return u
}

// admin connects with the URL's own role, which may bypass row-level
// security; tests use it to look under the adapter and to inject faults.
func admin(tb testing.TB) *pgx.Conn {
	tb.Helper()
	conn, err := pgx.Connect(context.Background(), serverURL(tb))
	if err != nil {
		tb.Fatalf("connect: %v", err)
	}
	tb.Cleanup(func() { conn.Close(context.Background()) })
	setup.once.Do(func() {
		var super bool
		if setup.err = conn.QueryRow(context.Background(), "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user").Scan(&super); setup.err != nil || !super {
			return
		}
		setup.role = appRole
		_, setup.err = conn.Exec(context.Background(), `DO $$ BEGIN
	CREATE ROLE `+appRole+` NOLOGIN NOSUPERUSER NOBYPASSRLS;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$`)
	})
	if setup.err != nil {
		tb.Fatalf("setting up the test role: %v", setup.err)
	}
	return conn
}

// schema creates an empty schema owned by the adapter's role and drops it
// when the test ends.
func schema(tb testing.TB, conn *pgx.Conn) string {
	tb.Helper()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "tillid_test_" + hex.EncodeToString(b)
	q := "CREATE SCHEMA " + name
	if setup.role != "" {
		q += " AUTHORIZATION " + setup.role
	}
	if _, err := conn.Exec(context.Background(), q); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), serverURL(tb))
		if err == nil {
			_, _ = c.Exec(context.Background(), "DROP SCHEMA "+name+" CASCADE")
			c.Close(context.Background())
		}
	})
	return name
}

// openTest opens a migrated DB in a fresh schema. opts may be nil.
func openTest(tb testing.TB, opts *Options) (*DB, string) {
	tb.Helper()
	conn := admin(tb)
	s := schema(tb, conn)
	o := Options{}
	if opts != nil {
		o = *opts
	}
	o.Schema, o.Role, o.Migrate = s, setup.role, true
	db, err := Open(context.Background(), serverURL(tb), &o)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(db.Close)
	return db, s
}

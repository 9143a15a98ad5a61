package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/tillid/tillid/postgres"
	"github.com/tillid/tillid/sqlite"
)

// Two server instances, each with its own connection to one database.
// The tests of no stale allow run on SQLite always and on PostgreSQL when
// TILLID_POSTGRES_URL names a server (CI starts one).

func sqliteBackends(t *testing.T) (Backend, Backend) {
	path := filepath.Join(t.TempDir(), "tillid.db")
	open := func() Backend {
		db, err := sqlite.Open(context.Background(), path, &sqlite.Options{Migrate: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	return open(), open()
}

func postgresBackends(t *testing.T) (Backend, Backend) {
	url := os.Getenv("TILLID_POSTGRES_URL")
	if url == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true and TILLID_POSTGRES_URL is not set")
		}
		t.Skip("TILLID_POSTGRES_URL is not set")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	// A superuser bypasses row-level security, which the adapter refuses:
	// switch to an ordinary role, as the adapter's own tests do.
	var super bool
	if err := conn.QueryRow(ctx, "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user").Scan(&super); err != nil {
		t.Fatal(err)
	}
	role := ""
	if super {
		role = "tillid_app_test"
		if _, err := conn.Exec(ctx, `DO $$ BEGIN CREATE ROLE tillid_app_test NOLOGIN NOSUPERUSER NOBYPASSRLS;
EXCEPTION WHEN duplicate_object THEN NULL; END $$`); err != nil {
			t.Fatal(err)
		}
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "tillidd_test_" + hex.EncodeToString(b)
	q := "CREATE SCHEMA " + schema
	if role != "" {
		q += " AUTHORIZATION " + role
	}
	if _, err := conn.Exec(ctx, q); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c, err := pgx.Connect(context.Background(), url); err == nil {
			_, _ = c.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
			c.Close(context.Background())
		}
	})
	open := func() Backend {
		db, err := postgres.Open(ctx, url, &postgres.Options{Migrate: true, Schema: schema, Role: role})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(db.Close)
		return db
	}
	return open(), open()
}

func TestNoStaleAllowSharedDatabase(t *testing.T) {
	for _, db := range []struct {
		name string
		open func(*testing.T) (Backend, Backend)
	}{{"sqlite", sqliteBackends}, {"postgres", postgresBackends}} {
		t.Run(db.name, func(t *testing.T) {
			b1, b2 := db.open(t)
			h1 := newHarnessOn(t, b1, nil, Config{})
			h2 := newHarnessOn(t, b2, h1, Config{})
			byID := strings.Replace(checkBody, `{"cvr":"13748136"}`, `{"id":"`+sagssystemer+`"}`, 1)
			if m := h1.do("POST", "/v1/checks", "a-check", byID).json(t); m["allowed"] != true {
				t.Fatalf("before the change: %v", m["outcome"])
			}
			got := h2.do("GET", "/v1/processors/"+sagssystemer, "a-write", nil)
			p := got.json(t)
			delete(p, "agreements")
			if r := h2.do("PUT", "/v1/processors/"+sagssystemer, "a-write", p, "If-Match", got.Header.Get("ETag")); r.Code != 200 {
				t.Fatalf("update on instance 2: %d %s", r.Code, r.Body)
			}
			m := h1.do("POST", "/v1/checks", "a-check", byID).json(t)
			if m["outcome"] != "deny" || m["processorVersion"].(float64) != 2 {
				t.Errorf("instance 1 answered from the old version: %v v%v", m["outcome"], m["processorVersion"])
			}
			// The decision is in the database, readable from the other
			// instance.
			if r := h2.do("GET", "/v1/checks/"+m["id"].(string), "a-read", nil); r.Code != 200 || r.json(t)["outcome"] != "deny" {
				t.Errorf("instance 2 reads the decision: %d %s", r.Code, r.Body)
			}
			// The registers work over the database, with conflicts as 412.
			for _, rs := range resources() {
				if r := h1.do("POST", rs.path, "a-write", rs.create(t)); r.Code != 201 {
					t.Errorf("%s on %s: %d %s", rs.name, db.name, r.Code, r.Body)
				}
			}
			if r := h1.do("PUT", "/v1/processors/"+sagssystemer, "a-write", p, "If-Match", got.Header.Get("ETag")); r.Code != 412 {
				t.Errorf("stale update: %d", r.Code)
			}
			if r := h1.do("GET", "/readyz", "", nil); r.Code != 200 {
				t.Errorf("readyz: %d", r.Code)
			}
		})
	}
}

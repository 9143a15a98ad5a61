package sqlite

import (
	"context"
	"path/filepath"
	"testing"
)

// openTest opens a migrated DB in a fresh file. opts may be nil.
func openTest(tb testing.TB, opts *Options) (*DB, string) {
	tb.Helper()
	o := Options{}
	if opts != nil {
		o = *opts
	}
	o.Migrate = true
	path := filepath.Join(tb.TempDir(), "tillid.db")
	db, err := Open(context.Background(), path, &o)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db, path
}

package main

import (
	"context"
	"errors"
	"strings"

	"github.com/tillid/tillid/cmd/tillidd/internal/server"
	"github.com/tillid/tillid/postgres"
	"github.com/tillid/tillid/sqlite"
)

// openStore opens the storage named by spec:
//
//	sqlite:PATH        the embedded SQLite file (created and migrated)
//	postgres:CONNSTR   PostgreSQL (a URL or keyword/value string, as pgx reads it; migrated;
//	                   pg gives the schema and the role to switch to)
//	memory             nothing survives the process
//
// It returns the backend, a function that closes it, and a name for the
// start-up line (never the connection string, which may hold a password).
// The adapters' DB types are Backends as they are.
func openStore(ctx context.Context, spec string, pg postgres.Options, lite sqlite.Options) (server.Backend, func(), string, error) {
	kind, arg, _ := strings.Cut(spec, ":")
	switch kind {
	case "memory":
		return server.NewMemory(), func() {}, "memory", nil
	case "sqlite":
		if arg == "" {
			return nil, nil, "", errors.New("-db: sqlite:PATH needs a file path")
		}
		lite.Migrate = true
		db, err := sqlite.Open(ctx, arg, &lite)
		if err != nil {
			return nil, nil, "", err
		}
		return db, func() { _ = db.Close() }, "sqlite " + arg, nil
	case "postgres":
		if arg == "" {
			return nil, nil, "", errors.New("-db: postgres:CONNSTR needs a connection string")
		}
		pg.Migrate = true
		db, err := postgres.Open(ctx, arg, &pg)
		if err != nil {
			return nil, nil, "", errors.New("-db: postgres: cannot open the database (check the connection string and role)")
		}
		return db, db.Close, "postgres", nil
	}
	return nil, nil, "", errors.New("-db: want sqlite:PATH, postgres:CONNSTR or memory")
}

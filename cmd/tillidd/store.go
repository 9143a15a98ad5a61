package main

import (
	"context"
	"errors"
	"strings"

	"github.com/tillid/tillid/cmd/tillidd/internal/server"
)

// openStore opens the storage named by spec: "memory" (nothing survives
// the process). It returns the backend, a function that closes it, and a
// name for the start-up line (never the connection string, which may hold
// a password).
func openStore(ctx context.Context, spec string) (server.Backend, func(), string, error) {
	kind, _, _ := strings.Cut(spec, ":")
	switch kind {
	case "memory":
		return server.NewMemory(), func() {}, "memory", nil
	}
	_ = ctx
	return nil, nil, "", errors.New("-db: want memory")
}

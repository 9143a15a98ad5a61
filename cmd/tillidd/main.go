// Command tillidd serves the tillid library over HTTP/JSON: the check before
// sharing and a kommune's registers, for many kommuner in one process.
//
//	tillidd -demo                                  # in memory, a seeded demo kommune, prints a key
//	tillidd -addr :8443 -keys keys.json -tls-cert c.pem -tls-key k.pem
//	tillidd keys add -keys keys.json -controller UUID -jurisdiction dk -name "X Kommune" -role check
//	tillidd keys list -keys keys.json
//	tillidd keys revoke -keys keys.json -id KID
//	tillidd load -url http://127.0.0.1:8080 -key KEY -clients 64 -duration 10s
//
// The server reads the keys file at start-up, again on SIGHUP, and again
// whenever its content changed, looked at every -keys-reload (default 5s;
// 0: on SIGHUP only). A file that is not valid is logged and counted
// (tillid_keys_reloads_total{result="error"}) and the keys loaded before
// stay in force; a revoked key is refused from the reload on.
//
// Flags of the server: -addr, -keys, -keys-reload, -demo, -db, -pg-schema,
// -pg-role, -sqlite-checkpoint, -tls-cert, -tls-key, -rate, -burst,
// -max-body, -linger, -miss-reload, -gogc, -log; -h lists them with their
// defaults.
//
// For several instances on one database, -miss-reload (default 2s) bounds
// how often a check naming a processor the kommune's snapshot does not hold
// (one another instance just created) reloads the kommune's registry from
// the database: at most once per interval per kommune, so a caller asking
// about unknown numbers causes at most that many full reads, and such a
// processor is found at the first check once the interval has passed; 0
// turns it off.
//
// See the README's "Server" section.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/tillid/tillid/cmd/tillidd/api"
	"github.com/tillid/tillid/cmd/tillidd/internal/demo"
	"github.com/tillid/tillid/cmd/tillidd/internal/load"
	"github.com/tillid/tillid/cmd/tillidd/internal/server"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/postgres"
	"github.com/tillid/tillid/sqlite"

	_ "time/tzdata" // Danish and Norwegian time on hosts without a zone database
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return // -h printed the usage: not an error
		}
		fmt.Fprintln(os.Stderr, "tillidd:", err)
		os.Exit(2)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "keys":
			return keys(args[1:], stdout)
		case "load":
			return load.Main(ctx, args[1:], stdout)
		}
	}
	return serve(ctx, args, stdout, stderr)
}

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("tillidd", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	keysFile := fs.String("keys", "tillidd-keys.json", "keys file: kommuner and hashed API keys")
	keysReload := fs.Duration("keys-reload", 5*time.Second, "look at the keys file this often and reload it when its content changed (0: only on SIGHUP)")
	isDemo := fs.Bool("demo", false, "seed a demo kommune (idempotently) and print a new API key for it")
	cert := fs.String("tls-cert", "", "TLS certificate file (PEM); with -tls-key serves HTTPS")
	key := fs.String("tls-key", "", "TLS private key file (PEM)")
	rate := fs.Float64("rate", 20000, "requests per second per API key (token bucket)")
	burst := fs.Float64("burst", 0, "token bucket size per API key (0: 2×rate)")
	maxBody := fs.Int64("max-body", 1<<20, "largest request body in bytes")
	linger := fs.Duration("linger", 200*time.Microsecond, "the longest the evidence committer waits for checks other handlers are deciding, to commit them together (e.g. 500us; 0: never)")
	missReload := fs.Duration("miss-reload", 2*time.Second, "when a check names a processor (by ID, CVR, orgnr or KITOS UUID) that the kommune's snapshot does not hold, e.g. one another instance on the database just created, reload the kommune's registry and look again, at most once per this interval per kommune (0: never; such a processor is denied as unknown until a restart)")
	gogc := fs.Int("gogc", 400, "garbage collector target percentage, used when the GOGC environment variable is unset (see the README's performance notes)")
	logLevel := fs.String("log", "info", "log level: debug, info, warn, error")
	dbSpec := fs.String("db", "", "storage: sqlite:PATH, postgres:CONNSTR or memory (default: sqlite:tillid.db; with -demo sqlite:tillid-demo.db)")
	pgSchema := fs.String("pg-schema", "", "PostgreSQL schema holding the tables (default: the connection's)")
	pgRole := fs.String("pg-role", "", "ordinary PostgreSQL role to SET ROLE to, when the connection's user bypasses row-level security")
	sqliteCkpt := fs.Duration("sqlite-checkpoint", 0, "with SQLite, checkpoint the write-ahead log in the background at most this often (e.g. 250ms) instead of in the commit that fills it (0: SQLite's default)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *keysReload < 0 {
		return errors.New("-keys-reload: want a duration of 0 or more")
	}
	if *missReload < 0 {
		return errors.New("-miss-reload: want a duration of 0 or more")
	}
	if os.Getenv("GOGC") == "" {
		// Checks allocate mostly short-lived garbage; at the default of
		// 100 the collector took about a fifth of the server's CPU at 64
		// clients. 400 trades some 15 MiB of heap for it (README).
		debug.SetGCPercent(*gogc)
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(*logLevel)); err != nil {
		return errors.New("-log: want debug, info, warn or error")
	}
	logger := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: lvl}))

	if *dbSpec == "" {
		*dbSpec = "sqlite:tillid.db"
		if *isDemo {
			*dbSpec = "sqlite:tillid-demo.db"
		}
	}
	be, closeStore, storeName, err := openStore(ctx, *dbSpec, postgres.Options{Schema: *pgSchema, Role: *pgRole}, sqlite.Options{Checkpoint: *sqliteCkpt})
	if err != nil {
		return err
	}
	defer closeStore()
	var kr *server.Keyring
	var demoKey string
	if *isDemo {
		kr = server.NewKeyring()
		kr.AddController(server.Controller{ID: demo.ControllerID(), Jurisdiction: compliance.DK, Name: demo.Name})
		if err := demo.Seed(ctx, be.Processors(), compliance.Options{}); err != nil {
			return err
		}
		k, err := kr.AddKey(demo.ControllerID(), server.RoleWrite)
		if err != nil {
			return err
		}
		demoKey = k
	} else {
		var err error
		if kr, err = server.LoadKeyring(*keysFile); err != nil {
			return err
		}
	}
	srv, err := server.New(server.Config{Backend: be, Keys: kr, OpenAPI: api.OpenAPI, Logger: logger,
		MaxBody: *maxBody, Rate: *rate, Burst: *burst, Linger: *linger, MissReload: *missReload})
	if err != nil {
		return err
	}
	defer srv.Close()

	// SIGHUP is caught before the server says it listens, so that a
	// SIGHUP from then on reloads the keys rather than ending the process.
	hup, stopHup := notifyHangup()
	defer stopHup()
	wctx, stopWatch := context.WithCancel(ctx)
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		watchKeys(wctx, srv, hup, *keysReload)
	}()
	defer func() { stopWatch(); <-watched }()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	scheme := "http"
	if *cert != "" || *key != "" {
		scheme = "https"
	}
	base := scheme + "://" + ln.Addr().String()
	fmt.Fprintf(stdout, "tillidd listening on %s\n", base)
	fmt.Fprintf(stdout, "store: %s\n", storeName)
	if *isDemo {
		fmt.Fprintf(stdout, "demo kommune %s (%s)\n", demo.Name, demo.ControllerID())
		fmt.Fprintf(stdout, "demo API key (write): %s\n", demoKey)
		fmt.Fprintf(stdout, "try:\n  curl -s -H 'Authorization: Bearer %s' -H 'Accept-Language: en' -H 'Content-Type: application/json' \\\n"+
			"    -d '{\"processor\":{\"cvr\":\"13748136\"},\"data\":[\"identity\",\"case-data\"],\"subjects\":[\"citizens\"],\"purpose\":\"sagsbehandling\"}' \\\n"+
			"    %s/v1/checks\n", demoKey, base)
	}
	logger.Info("listening", "addr", ln.Addr().String(), "tls", scheme == "https")

	errc := make(chan error, 1)
	go func() {
		if scheme == "https" {
			errc <- hs.ServeTLS(ln, *cert, *key)
		} else {
			errc <- hs.Serve(ln)
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	srv.Close()
	fmt.Fprintln(stdout, "tillidd stopped")
	return nil
}

// watchKeys reloads the server's keys on every SIGHUP and, with every > 0,
// when the keys file's content changed, looked at every interval; until
// ctx is done. The server logs and counts each reload; its error is not
// needed here.
func watchKeys(ctx context.Context, srv *server.Server, hup <-chan os.Signal, every time.Duration) {
	var tick <-chan time.Time
	if every > 0 {
		t := time.NewTicker(every)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			_ = srv.ReloadKeys()
		case <-tick:
			_, _ = srv.ReloadKeysIfChanged()
		}
	}
}

const keysUsage = `usage:
  tillidd keys add -keys FILE -controller UUID -jurisdiction dk|no -name NAME -role check|read|write
  tillidd keys list -keys FILE
  tillidd keys revoke -keys FILE -id KID`

// keys runs the subcommands that change or show the keys file. A running
// server picks their changes up on SIGHUP or within -keys-reload.
func keys(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New(keysUsage)
	}
	switch args[0] {
	case "add":
		return keysAdd(args[1:], stdout)
	case "list":
		return keysList(args[1:], stdout)
	case "revoke":
		return keysRevoke(args[1:], stdout)
	}
	return errors.New(keysUsage)
}

// keysFlags is the flag set of subcommand name with its -keys flag.
func keysFlags(name, synopsis string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("keys "+name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: tillidd keys %s %s\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs, fs.String("keys", "tillidd-keys.json", "keys file")
}

// loadExisting reads the keys file at path, which must exist: listing or
// revoking from a mistyped path should not look like an empty file.
func loadExisting(path string) (*server.Keyring, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	return server.LoadKeyring(path)
}

func keysList(args []string, stdout io.Writer) error {
	fs, file := keysFlags("list", "-keys FILE")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errors.New("keys list: unexpected arguments; " + keysUsage)
	}
	kr, err := loadExisting(*file)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCONTROLLER\tROLE\tKOMMUNE")
	for _, e := range kr.Keys() {
		c, _ := kr.Controller(e.Controller) // the file's validation ensures it is there
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.ID, e.Controller, e.Role, c.Name)
	}
	return tw.Flush()
}

func keysRevoke(args []string, stdout io.Writer) error {
	fs, file := keysFlags("revoke", "-keys FILE -id KID")
	id := fs.String("id", "", "the key's public ID (the part between tk_ and the next _; see keys list)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *id == "" || fs.NArg() > 0 {
		return errors.New("keys revoke: -id required; " + keysUsage)
	}
	kr, err := loadExisting(*file)
	if err != nil {
		return err
	}
	if err := kr.Revoke(*id); err != nil {
		return err
	}
	if err := kr.Save(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "revoked %s; a running tillidd refuses it after SIGHUP or within -keys-reload\n", *id)
	return nil
}

func keysAdd(args []string, stdout io.Writer) error {
	fs, file := keysFlags("add", "-keys FILE -controller UUID -jurisdiction dk|no -name NAME -role check|read|write")
	ctrl := fs.String("controller", "", "the kommune's controller ID (UUID)")
	jur := fs.String("jurisdiction", "", "dk or no; required for a new kommune")
	name := fs.String("name", "", "the kommune's name; required for a new kommune")
	role := fs.String("role", "check", "check, read or write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cid, err := compliance.ParseControllerID(*ctrl)
	if err != nil {
		return errors.New("-controller: want a UUID")
	}
	r, err := server.ParseRole(*role)
	if err != nil {
		return err
	}
	kr, err := server.LoadKeyring(*file)
	if err != nil {
		return err
	}
	if _, ok := kr.Controller(cid); !ok || *jur != "" || *name != "" {
		j, err := compliance.ParseJurisdiction(strings.ToLower(*jur))
		if err != nil {
			return errors.New("-jurisdiction: want dk or no")
		}
		if *name == "" {
			return errors.New("-name: required for a new kommune")
		}
		kr.AddController(server.Controller{ID: cid, Jurisdiction: j, Name: *name})
	}
	k, err := kr.AddKey(cid, r)
	if err != nil {
		return err
	}
	if err := kr.Save(); err != nil {
		return err
	}
	fmt.Fprintln(stdout, k)
	return nil
}

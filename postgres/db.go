package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/dpo"
	"github.com/tillid/tillid/compliance/notice"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/compliance/training"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/internal/sqlmap"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/retention"
)

// Options configures [Open]. A nil *Options means the defaults.
type Options struct {
	// Migrate applies missing migrations when the database is opened (see
	// [DB.Migrate]); without it Open only refuses a schema that is newer
	// than this code, and [DB.Ready] reports a missing migration.
	Migrate bool
	// Schema is the PostgreSQL schema holding the tables (search_path);
	// empty means the connection's default.
	Schema string
	// Role is an ordinary role every connection switches to (SET ROLE)
	// after connecting. Use it when the connection string's user is a
	// superuser or has BYPASSRLS: Open refuses such a session otherwise,
	// since row-level security would not apply to it.
	Role string
	// StatementTimeout bounds every statement (PostgreSQL's
	// statement_timeout); zero means the server's setting. A statement
	// that runs out fails with an error that names the operation and
	// matches [ErrTimeout].
	StatementTimeout time.Duration
	// ListBatch is the number of rows List reads per query; zero means 500.
	ListBatch int
	// MaxConns bounds the connection pool; zero means pgxpool's default.
	MaxConns int32
	// ApplicationName is reported to the server (pg_stat_activity); empty
	// means "tillid".
	ApplicationName string
}

// ErrTimeout is matched (errors.Is) by the error of an operation whose
// statement ran past [Options.StatementTimeout] or was cancelled by the
// server.
var ErrTimeout = errors.New("statement timeout")

// ErrBypassesRLS is the error of [Open] when the session's role is a
// superuser or has BYPASSRLS, so that row-level security would not isolate
// controllers.
var ErrBypassesRLS = errors.New("postgres: the session's role bypasses row-level security; connect as an ordinary role or set Options.Role")

var errClosed = errors.New("postgres: the DB is nil or closed")

// DB is one PostgreSQL database holding tillid's stores. It is safe for
// concurrent use; the Stores it returns share its connection pool.
type DB struct {
	pool  *pgxpool.Pool
	batch int
}

// Open connects to the database named by connString (a PostgreSQL URL or
// keyword/value string, as pgx accepts), checks that the session is subject
// to row-level security and that the schema is not newer than this code,
// and migrates it when opts.Migrate is set.
func Open(ctx context.Context, connString string, opts *Options) (*DB, error) {
	if opts == nil {
		opts = &Options{}
	}
	if opts.ListBatch < 0 || opts.MaxConns < 0 || opts.StatementTimeout < 0 {
		return nil, errors.New("postgres: Options.ListBatch, MaxConns and StatementTimeout must not be negative")
	}
	cfg, err := pgxpool.ParseConfig(connString)
	if err != nil {
		// pgx's parse errors can repeat the connection string, password
		// included: never pass them on.
		return nil, errors.New("postgres: cannot parse the connection string")
	}
	rp := cfg.ConnConfig.RuntimeParams
	rp["application_name"] = "tillid"
	if opts.ApplicationName != "" {
		rp["application_name"] = opts.ApplicationName
	}
	if opts.Schema != "" {
		rp["search_path"] = pgx.Identifier{opts.Schema}.Sanitize()
	}
	if opts.StatementTimeout > 0 {
		rp["statement_timeout"] = strconv.FormatInt(max(opts.StatementTimeout.Milliseconds(), 1), 10)
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	if opts.Role != "" {
		set := "SET ROLE " + pgx.Identifier{opts.Role}.Sanitize()
		cfg.AfterConnect = func(ctx context.Context, c *pgx.Conn) error {
			_, err := c.Exec(ctx, set)
			return err
		}
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	db := &DB{pool: pool, batch: 500}
	if opts.ListBatch > 0 {
		db.batch = opts.ListBatch
	}
	if err := db.open(ctx, opts.Migrate); err != nil {
		pool.Close()
		return nil, err
	}
	return db, nil
}

func (db *DB) open(ctx context.Context, migrate bool) error {
	var bypass bool
	err := db.pool.QueryRow(ctx, "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user").Scan(&bypass)
	if err != nil {
		return db.wrap(ctx, "open", err)
	}
	if bypass {
		return ErrBypassesRLS
	}
	if migrate {
		return db.Migrate(ctx)
	}
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if v > LatestVersion() {
		return checkVersion(v)
	}
	return nil
}

// Close closes every connection; the DB and its Stores must not be used
// afterwards.
func (db *DB) Close() {
	if db != nil && db.pool != nil {
		db.pool.Close()
	}
}

// Ping reports whether the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if db == nil || db.pool == nil {
		return errClosed
	}
	return db.wrap(ctx, "ping", db.pool.Ping(ctx))
}

// Processors returns the processor.Store of the database.
func (db *DB) Processors() processor.Store { return newStore(db, sqlmap.Processors) }

// Decisions returns the processor.DecisionStore of the database: the
// processor decisions kept as evidence.
func (db *DB) Decisions() processor.DecisionStore { return newStore(db, sqlmap.Decisions) }

// Courses returns the training.Store of the database: the courses staff
// must take.
func (db *DB) Courses() training.Store { return newStore(db, sqlmap.Courses) }

// Completions returns the training.CompletionStore of the database.
func (db *DB) Completions() training.CompletionStore { return newStore(db, sqlmap.Completions) }

// DPOEntries returns the dpo.Store of the database: the DPO's log of work.
func (db *DB) DPOEntries() dpo.Store { return newStore(db, sqlmap.DPOEntries) }

// DPOConditions returns the dpo.ConditionsStore of the database: the yearly
// assessments of the DPO's conditions.
func (db *DB) DPOConditions() dpo.ConditionsStore { return newStore(db, sqlmap.DPOConditions) }

// Notices returns the notice.Store of the database: the privacy notices.
func (db *DB) Notices() notice.Store { return newStore(db, sqlmap.Notices) }

// Breaches returns the breach.Store of the database.
func (db *DB) Breaches() breach.Store { return newStore(db, sqlmap.Breaches) }

// DPIAs returns the dpia.Store of the database.
func (db *DB) DPIAs() dpia.Store { return newStore(db, sqlmap.DPIAs) }

// Retention returns the retention.Store of the database.
func (db *DB) Retention() retention.Store { return newStore(db, sqlmap.Retention) }

// Activities returns the record.Store of the database: the records of
// processing.
func (db *DB) Activities() record.Store { return newStore(db, sqlmap.Activities) }

// Requests returns the rights.Store of the database: the data-subject
// requests.
func (db *DB) Requests() rights.Store { return newStore(db, sqlmap.Requests) }

// wrap turns a driver error of operation op into the error a Store returns:
// the context's error when ctx is done, [compliance.ErrConflict] for a
// serialization failure, deadlock or unique violation, [ErrTimeout] for a statement the
// server cancelled, and the operation's name on every error.
func (db *DB) wrap(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("postgres: %s: %w", op, cerr)
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "40001", "40P01": // serialization_failure, deadlock_detected
			return fmt.Errorf("postgres: %s: %w (SQLSTATE %s)", op, compliance.ErrConflict, pe.Code)
		case "23505": // unique_violation: another record holds a unique key (a retention rule's class)
			return fmt.Errorf("postgres: %s: %w (unique %s)", op, compliance.ErrConflict, pe.ConstraintName)
		case "57014": // query_canceled: statement_timeout
			return fmt.Errorf("postgres: %s: %w: %w", op, ErrTimeout, err)
		}
	}
	return fmt.Errorf("postgres: %s: %w", op, err)
}

package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

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
	sqlite3 "modernc.org/sqlite"
	sqlite3lib "modernc.org/sqlite/lib"
)

// Options configures [Open]. A nil *Options means the defaults.
type Options struct {
	// Migrate applies missing migrations when the database is opened (see
	// [DB.Migrate]); without it Open only refuses a schema that is newer
	// than this code, and [DB.Ready] reports a missing migration.
	Migrate bool
	// BusyTimeout is how long a statement waits for another connection's
	// write lock before failing with [ErrTimeout]; zero means 10 seconds.
	BusyTimeout time.Duration
	// ListBatch is the number of rows List reads per query; zero means 500.
	ListBatch int
	// Checkpoint, when positive, moves the checkpoints of the write-ahead
	// log out of the commits: SQLite's automatic checkpoint is turned off
	// and the DB's own goroutine checkpoints ([DB.Checkpoint]) at most once
	// per Checkpoint after writes, until [DB.Close]. By SQLite's default
	// (zero) the commit that takes the log past 1,000 pages checkpoints,
	// and takes 5–10 ms instead of under 1 ms. Measured with the tillidd
	// load generator on a 2-core machine, a background checkpoint every
	// 100 ms cut the p99 latency of a check at 16 clients from 5.5–5.8 to
	// 3.9–4.0 ms, for 10–15% more CPU per check; at 64 clients, where the
	// CPU is the limit, that CPU raised the p99 from 8.9–9.3 to 10.6–10.9
	// ms. It suits a server with CPU to spare. Negative values are refused.
	Checkpoint time.Duration
}

// ErrTimeout is matched (errors.Is) by the error of an operation that waited
// past [Options.BusyTimeout] for the database's write lock.
var ErrTimeout = errors.New("busy timeout")

var errClosed = errors.New("sqlite: the DB is nil or closed")

// DB is one SQLite database file holding tillid's stores. It is safe for
// concurrent use; the Stores it returns share its connections.
type DB struct {
	sql   *sql.DB
	batch int
	// stmts holds the prepared statements of the hot reads (Version), by
	// query text: preparing one costs more than running it.
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
	// The checkpointer (nil channels without Options.Checkpoint): wrote
	// has a value after a write transaction committed; stop ends the
	// goroutine, which closes done.
	wrote       chan struct{}
	stop, done  chan struct{}
	stopOnce    sync.Once
	checkpoints atomic.Uint64 // checkpoints the goroutine ran, for tests
	// wmu is held shared by every write transaction and exclusively by
	// the last pass of a checkpoint ([DB.Checkpoint]). SQLite lets one
	// writer in at a time anyway; the lock only keeps writers out of that
	// pass.
	wmu sync.RWMutex
}

// prepared returns the statement of query q, prepared once per DB.
// database/sql prepares it again on each connection that needs it.
func (db *DB) prepared(ctx context.Context, q string) (*sql.Stmt, error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	if st, ok := db.stmts[q]; ok {
		return st, nil
	}
	st, err := db.sql.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if db.stmts == nil {
		db.stmts = map[string]*sql.Stmt{}
	}
	db.stmts[q] = st
	return st, nil
}

// Open opens (creating it if needed) the SQLite database file at path, in
// WAL mode with a busy timeout, refuses a schema newer than this code and
// migrates it when opts.Migrate is set.
func Open(ctx context.Context, path string, opts *Options) (*DB, error) {
	if opts == nil {
		opts = &Options{}
	}
	if opts.ListBatch < 0 || opts.BusyTimeout < 0 || opts.Checkpoint < 0 {
		return nil, errors.New("sqlite: Options.ListBatch, BusyTimeout and Checkpoint must not be negative")
	}
	every := opts.Checkpoint
	if path == "" || path == ":memory:" {
		return nil, errors.New("sqlite: Open needs a file path (an in-memory database is not shared between connections)")
	}
	busy := opts.BusyTimeout
	if busy == 0 {
		busy = 10 * time.Second
	}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", max(busy.Milliseconds(), 1)))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	if every > 0 {
		// The DB's goroutine checkpoints; no commit does. A log that grew
		// under a burst is cut back to 64 MiB when it starts over.
		q.Add("_pragma", "wal_autocheckpoint(0)")
		q.Add("_pragma", "journal_size_limit(67108864)")
	}
	q.Set("_txlock", "immediate")
	dsn := (&url.URL{Scheme: "file", Opaque: url.PathEscape(path), RawQuery: q.Encode()}).String()
	s, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open: %w", err)
	}
	db := &DB{sql: s, batch: 500}
	if opts.ListBatch > 0 {
		db.batch = opts.ListBatch
	}
	if err := db.open(ctx, opts.Migrate); err != nil {
		s.Close()
		return nil, err
	}
	if every > 0 {
		db.wrote, db.stop, db.done = make(chan struct{}, 1), make(chan struct{}), make(chan struct{})
		go db.checkpointer(every)
	}
	return db, nil
}

// wroteLog tells the checkpointer that a write transaction committed.
func (db *DB) wroteLog() {
	select {
	case db.wrote <- struct{}{}:
	default: // one is pending already (or there is no checkpointer)
	}
}

// checkpointer checkpoints the log after writes, at most once per every,
// until stop is closed.
func (db *DB) checkpointer(every time.Duration) {
	defer close(db.done)
	t := time.NewTimer(every)
	defer t.Stop()
	for {
		select {
		case <-db.stop:
			return
		case <-db.wrote:
		}
		// Let the writes of the next interval gather: one checkpoint
		// copies them all.
		t.Reset(every)
		select {
		case <-db.stop:
			return
		case <-t.C:
		}
		select {
		case <-db.wrote: // this checkpoint covers it
		default:
		}
		// A failed checkpoint is retried after the next write; the log
		// keeps every commit meanwhile.
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		if err := db.Checkpoint(ctx); err == nil {
			db.checkpoints.Add(1)
		}
		cancel()
	}
}

// Checkpoint copies the write-ahead log into the database file, so that
// the next write starts the log over from its beginning. Two PASSIVE
// passes run beside readers and writers, each copying what was written
// during the one before; a last pass holds this DB's writers back (they
// wait; none fails) while it copies the little that is left. Without that
// last pass a busy writer stays ahead of the checkpoint and the log grows
// without bound (TestCheckpointRestartsLog). Writers in another process
// sharing the file are not held back: while they write without pause the
// log may grow. The DB's own goroutine calls Checkpoint after writes (see
// [Options.Checkpoint]); a host may call it before it copies the file.
func (db *DB) Checkpoint(ctx context.Context) error {
	if db == nil || db.sql == nil {
		return errClosed
	}
	for range 2 {
		if err := db.checkpoint(ctx); err != nil {
			return err
		}
	}
	db.wmu.Lock()
	defer db.wmu.Unlock()
	return db.checkpoint(ctx)
}

// checkpoint runs one PASSIVE checkpoint.
func (db *DB) checkpoint(ctx context.Context) error {
	var busy, log, done int
	err := db.sql.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &log, &done)
	return wrap(ctx, "checkpoint", err)
}

func (db *DB) open(ctx context.Context, migrate bool) error {
	if err := db.Ping(ctx); err != nil {
		return err
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

// Close closes the database; the DB and its Stores must not be used
// afterwards.
func (db *DB) Close() error {
	if db == nil || db.sql == nil {
		return nil
	}
	if db.stop != nil {
		db.stopOnce.Do(func() { close(db.stop) })
		<-db.done
	}
	db.mu.Lock()
	for _, st := range db.stmts {
		_ = st.Close()
	}
	db.stmts = nil
	db.mu.Unlock()
	return db.sql.Close()
}

// Ping reports whether the database file can be read.
func (db *DB) Ping(ctx context.Context) error {
	if db == nil || db.sql == nil {
		return errClosed
	}
	var one int
	return wrap(ctx, "ping", db.sql.QueryRowContext(ctx, "SELECT 1").Scan(&one))
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

// tx runs f in a BEGIN IMMEDIATE transaction (the DSN's _txlock), so that a
// writer takes the write lock before it reads and waits for it under the
// busy timeout instead of failing on a stale snapshot.
func (db *DB) tx(ctx context.Context, f func(*sql.Tx) error) error {
	db.wmu.RLock()
	defer db.wmu.RUnlock()
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	db.wroteLog()
	return nil
}

// wrap turns a driver error of operation op into the error a Store returns:
// the context's error when ctx is done, [compliance.ErrConflict] for a
// stale snapshot or a unique key another record holds, [ErrTimeout] when the busy timeout ran out, and the
// operation's name on every error.
func wrap(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("sqlite: %s: %w", op, cerr)
	}
	var se *sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3lib.SQLITE_CONSTRAINT_UNIQUE, sqlite3lib.SQLITE_CONSTRAINT_PRIMARYKEY:
			return fmt.Errorf("sqlite: %s: %w (unique key)", op, compliance.ErrConflict)
		case sqlite3lib.SQLITE_BUSY_SNAPSHOT:
			return fmt.Errorf("sqlite: %s: %w (stale snapshot)", op, compliance.ErrConflict)
		case sqlite3lib.SQLITE_BUSY, sqlite3lib.SQLITE_LOCKED, sqlite3lib.SQLITE_BUSY_TIMEOUT:
			return fmt.Errorf("sqlite: %s: %w: %w", op, ErrTimeout, err)
		}
	}
	return fmt.Errorf("sqlite: %s: %w", op, err)
}

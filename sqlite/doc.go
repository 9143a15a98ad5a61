// Package sqlite keeps tillid's records in one SQLite file: the embedded
// default for one kommune on one machine, and for running anything with no
// set-up. It uses modernc.org/sqlite (pure Go, no cgo) and is a nested module
// so that the core module keeps its four dependencies.
//
// The schema has the shape of the PostgreSQL adapter's (package
// internal/sqlmap of the core module describes both): one table per Store,
// keyed by (controller, id), the record as its package's JSON form, the
// optimistic-concurrency version in a column and one column per Filter
// field. The database runs in WAL mode with a busy timeout; every write is
// one BEGIN IMMEDIATE transaction, so writers queue instead of failing, and
// List reads in keyset batches without holding a transaction while the
// caller's loop body runs. SQLite has no row-level security: isolation
// between controllers rests on every statement naming the controller.
package sqlite

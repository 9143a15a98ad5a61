// Package postgres keeps tillid's records in PostgreSQL: one [DB] per
// database, with an accessor per Store of the core module (processors,
// processor decisions, breaches, DPIAs, retention rules, records of
// processing, data-subject requests, training courses and completions, the
// DPO's log and conditions, privacy notices). It is a nested module so that the core module keeps its four
// dependencies; it uses pgx v5.
//
// Each Store keeps its records in one table keyed by (controller, id): the
// record as its package's JSON form in a json column, the
// optimistic-concurrency version in a bigint column, updated with
// UPDATE … WHERE controller = $1 AND id = $2 AND version = $3, and one
// indexed column per field that the package's Filter selects on (package
// internal/sqlmap of the core module describes them, and the SQLite adapter
// uses the same description). List reads in keyset batches ordered by ID
// and holds no transaction, lock or connection while the caller's loop body
// runs.
//
// Tenant isolation is enforced twice: every statement names the controller,
// and every table has forced row-level security keyed on the
// transaction-local setting app.controller, which the adapter sets in the
// same implicit transaction as each statement. A connection that bypasses
// row-level security (a superuser, or a role with BYPASSRLS) is refused by
// [Open] unless [Options.Role] names an ordinary role to switch to.
//
// The schema is a list of embedded, numbered migrations. [DB.Migrate]
// applies the missing ones under an advisory lock and records them in
// schema_migrations; running it again does nothing; a database whose schema
// is newer than this code is refused with [ErrSchemaTooNew].
package postgres

package postgres

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/sqlmap"
)

// setController is queued before every statement: it names the controller
// for the row-level security policies, for the rest of the implicit
// transaction that the batch runs in.
const setController = "SELECT set_config('app.controller', $1, true)"

// store implements one package's Store over the table t describes.
type store[K, V, F any] struct {
	db                          *DB
	t                           *sqlmap.Table[K, V, F]
	get, insert, update, exists string
	list                        string // the SELECT … FROM t WHERE controller = $1 prefix
	opGet, opPut, opList        string
}

func newStore[K, V, F any](db *DB, t *sqlmap.Table[K, V, F]) *store[K, V, F] {
	cols := []string{"controller", "id", "doc"}
	for _, c := range t.Columns {
		if c.Kind == sqlmap.Time {
			cols = append(cols, c.Name+"_s", c.Name+"_ns")
		} else {
			cols = append(cols, c.Name)
		}
	}
	ph := make([]string, len(cols))
	set := make([]string, 0, len(cols))
	for i := range cols {
		ph[i] = fmt.Sprintf("$%d", i+1)
		if i >= 2 {
			set = append(set, fmt.Sprintf("%s = $%d", cols[i], i+1))
		}
	}
	return &store[K, V, F]{
		db:  db,
		t:   t,
		get: "SELECT version, doc FROM " + t.Name + " WHERE controller = $1 AND id = $2",
		insert: "INSERT INTO " + t.Name + " (" + strings.Join(cols, ", ") + ", version) VALUES (" +
			strings.Join(ph, ", ") + ", 1) ON CONFLICT (controller, id) DO NOTHING",
		update: "UPDATE " + t.Name + " SET version = version + 1, " + strings.Join(set, ", ") +
			fmt.Sprintf(" WHERE controller = $1 AND id = $2 AND version = $%d", len(cols)+1),
		exists: "SELECT EXISTS (SELECT 1 FROM " + t.Name + " WHERE controller = $1 AND id = $2)",
		list:   "SELECT id, version, doc FROM " + t.Name + " WHERE controller = $1",
		opGet:  "get " + t.Entity,
		opPut:  "put " + t.Entity,
		opList: "list " + t.Entity,
	}
}

// scoped runs the queued statements in one round trip and one implicit
// transaction, after naming the controller for row-level security.
func (s *store[K, V, F]) scoped(ctx context.Context, c compliance.ControllerID, op string, queue func(b *pgx.Batch)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	b := &pgx.Batch{}
	b.Queue(setController, c.UUID.String())
	queue(b)
	return s.db.wrap(ctx, op, s.db.pool.SendBatch(ctx, b).Close())
}

// Get implements the Store's Get.
func (s *store[K, V, F]) Get(ctx context.Context, c compliance.ControllerID, id K) (V, error) {
	var zero V
	var ver int64
	var doc []byte
	found := false
	err := s.scoped(ctx, c, s.opGet, func(b *pgx.Batch) {
		b.Queue(s.get, c.UUID, s.t.Key(id)).Query(func(rows pgx.Rows) error {
			for rows.Next() {
				found = true
				if err := rows.Scan(&ver, &doc); err != nil {
					return err
				}
			}
			return rows.Err()
		})
	})
	if err != nil {
		return zero, err
	}
	if !found {
		return zero, compliance.ErrNotFound
	}
	return s.t.Decode(doc, uint64(ver))
}

// args returns the arguments of insert and update (without the version).
func (s *store[K, V, F]) args(c compliance.ControllerID, v V) ([]any, error) {
	r, err := s.t.Row(v)
	if err != nil {
		return nil, err
	}
	return s.rowArgs(c, &r), nil
}

// rowArgs returns the insert arguments of r (without the version).
func (s *store[K, V, F]) rowArgs(c compliance.ControllerID, r *sqlmap.Row) []any {
	args := make([]any, 0, 3+2*len(r.Index))
	args = append(args, c.UUID, r.ID, r.Doc)
	for i, x := range r.Index {
		if s.t.Columns[i].Kind == sqlmap.Time {
			sec, ns := sqlmap.Seconds(x.(time.Time))
			args = append(args, sec, ns)
		} else {
			args = append(args, x)
		}
	}
	return args
}

// Put implements the Store's Put: an INSERT for Version 0 (a conflict is
// [compliance.ErrConflict]), otherwise an UPDATE conditional on the stored
// version. Either is one statement, so a Put is written whole or not at all.
func (s *store[K, V, F]) Put(ctx context.Context, c compliance.ControllerID, v V) error {
	var ver uint64
	if s.t.Version != nil {
		ver = *s.t.Version(&v)
	}
	args, err := s.args(c, v)
	if err != nil {
		return err
	}
	var n int64
	stmt := s.insert
	if ver != 0 {
		stmt = s.update
		args = append(args, int64(ver))
	}
	err = s.scoped(ctx, c, s.opPut, func(b *pgx.Batch) {
		b.Queue(stmt, args...).Exec(func(ct pgconn.CommandTag) error { n = ct.RowsAffected(); return nil })
	})
	switch {
	case err != nil:
		return err
	case n == 1:
		return nil
	case ver == 0:
		return compliance.ErrConflict
	}
	var exists bool
	err = s.scoped(ctx, c, s.opPut, func(b *pgx.Batch) {
		b.Queue(s.exists, c.UUID, args[1]).QueryRow(func(r pgx.Row) error { return r.Scan(&exists) })
	})
	switch {
	case err != nil:
		return err
	case exists:
		return compliance.ErrConflict
	}
	return compliance.ErrNotFound
}

type row struct {
	id  uuid.UUID
	ver int64
	doc []byte
}

// List implements the Store's List in keyset batches: each batch is one
// query in its own implicit transaction, read whole before any record is
// yielded, so no transaction, lock or connection is held while the loop
// body runs. A record changed between two batches is seen as it is when
// its batch is read.
func (s *store[K, V, F]) List(ctx context.Context, c compliance.ControllerID, f F) iter.Seq2[V, error] {
	conds := s.t.Where(f)
	return func(yield func(V, error) bool) {
		var zero V
		var after *uuid.UUID
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			rows, err := s.batch(ctx, c, conds, after)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, r := range rows {
				if err := ctx.Err(); err != nil {
					yield(zero, err)
					return
				}
				v, err := s.t.Decode(r.doc, uint64(r.ver))
				if err != nil {
					yield(zero, err)
					return
				}
				if !yield(v, nil) {
					return
				}
			}
			if len(rows) < s.db.batch {
				return
			}
			after = &rows[len(rows)-1].id
		}
	}
}

func (s *store[K, V, F]) batch(ctx context.Context, c compliance.ControllerID, conds []sqlmap.Cond, after *uuid.UUID) ([]row, error) {
	var q strings.Builder
	q.WriteString(s.list)
	args := []any{c.UUID}
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if after != nil {
		q.WriteString(" AND id > " + arg(*after))
	}
	for _, cd := range conds {
		q.WriteString(" AND ")
		switch cd.Op {
		case sqlmap.Eq:
			q.WriteString(cd.Column + " = " + arg(cd.Arg))
		case sqlmap.Ge, sqlmap.Lt:
			sec, ns := sqlmap.Seconds(cd.Arg.(time.Time))
			op := ">="
			if cd.Op == sqlmap.Lt {
				op = "<"
			}
			fmt.Fprintf(&q, "(%s_s, %s_ns) %s (%s::bigint, %s::integer)", cd.Column, cd.Column, op, arg(sec), arg(ns))
		case sqlmap.Has:
			q.WriteString(cd.Column + " @> " + arg([]string{cd.Arg.(string)}) + "::text[]")
		case sqlmap.Any:
			q.WriteString(cd.Column + " && " + arg(cd.Arg.([]string)) + "::text[]")
		default: // Never
			q.WriteString("false")
		}
	}
	fmt.Fprintf(&q, " ORDER BY id LIMIT %d", s.db.batch)
	out := make([]row, 0, min(s.db.batch, 64))
	err := s.scoped(ctx, c, s.opList, func(b *pgx.Batch) {
		b.Queue(q.String(), args...).Query(func(rs pgx.Rows) error {
			for rs.Next() {
				var r row
				if err := rs.Scan(&r.id, &r.ver, &r.doc); err != nil {
					return err
				}
				out = append(out, r)
			}
			return rs.Err()
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// PutMany creates every record of vs (each with Version 0) for controller c
// in one transaction: all of them or, when one fails or an ID exists
// ([compliance.ErrConflict]), none. It is how a host keeps a batch of
// records that are created once and never updated — decisions kept as
// evidence — with one commit instead of one per record (the tillidd
// server's group commit looks for it). The statements go in one round trip.
func (s *store[K, V, F]) PutMany(ctx context.Context, c compliance.ControllerID, vs []V) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	rows, err := s.t.Rows(vs)
	if err != nil {
		return err
	}
	return s.PutRows(ctx, c, rows)
}

// PutRows is PutMany for records made ready beforehand ([sqlmap.Table.Row]):
// the tillidd server's group commit encodes each decision in the handler
// that made it, in parallel, so that its one committer only writes.
func (s *store[K, V, F]) PutRows(ctx context.Context, c compliance.ControllerID, rows []sqlmap.Row) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := s.t.CheckNew(rows); err != nil {
		return fmt.Errorf("postgres: %s: %w", s.opPut, err)
	}
	if len(rows) == 0 {
		return nil
	}
	conflict := false
	err := pgx.BeginFunc(ctx, s.db.pool, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		b.Queue(setController, c.UUID.String())
		for i := range rows {
			b.Queue(s.insert, s.rowArgs(c, &rows[i])...).Exec(func(ct pgconn.CommandTag) error {
				if ct.RowsAffected() != 1 {
					conflict = true
					return compliance.ErrConflict // rolls the transaction back
				}
				return nil
			})
		}
		return tx.SendBatch(ctx, b).Close()
	})
	if conflict {
		return compliance.ErrConflict
	}
	return s.db.wrap(ctx, s.opPut, err)
}

// Version returns the stored version of record id of controller c, or
// [compliance.ErrNotFound], reading one indexed column and decoding
// nothing: the cheap question "has this record changed since version v?"
// (the tillidd server asks it about processors before it answers checks
// from a compiled snapshot).
func (s *store[K, V, F]) Version(ctx context.Context, c compliance.ControllerID, id K) (uint64, error) {
	var ver int64
	found := false
	err := s.scoped(ctx, c, s.opGet, func(b *pgx.Batch) {
		b.Queue("SELECT version FROM "+s.t.Name+" WHERE controller = $1 AND id = $2", c.UUID, s.t.Key(id)).Query(func(rows pgx.Rows) error {
			for rows.Next() {
				found = true
				if err := rows.Scan(&ver); err != nil {
					return err
				}
			}
			return rows.Err()
		})
	})
	if err != nil {
		return 0, err
	}
	if !found {
		return 0, compliance.ErrNotFound
	}
	return uint64(ver), nil
}

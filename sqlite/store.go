package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"math/bits"
	"strings"
	"sync"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/sqlmap"
)

// store implements one package's Store over the table t describes.
type store[K, V, F any] struct {
	db                          *DB
	t                           *sqlmap.Table[K, V, F]
	get, insert, update, exists string
	taken                       string // whether another record has the Unique column's value; "" without one
	cols                        string // the insert's column list, "controller, id, doc, …"
	width                       int    // the number of columns in cols
	insertsOnce                 sync.Once
	inserts                     [chunkSizes]string // insertRows(1<<i), made on first use
	list                        string             // the SELECT … FROM t WHERE controller = ?1 prefix
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
		ph[i] = fmt.Sprintf("?%d", i+1)
		if i >= 2 {
			set = append(set, fmt.Sprintf("%s = ?%d", cols[i], i+1))
		}
	}
	taken := ""
	if t.Unique != "" {
		taken = fmt.Sprintf("SELECT EXISTS (SELECT 1 FROM %s WHERE controller = ?1 AND %s = ?2 AND id <> ?3)", t.Name, t.Unique)
	}
	return &store[K, V, F]{
		db:    db,
		t:     t,
		taken: taken,
		cols:  strings.Join(cols, ", "),
		width: len(cols),
		get:   "SELECT version, doc FROM " + t.Name + " WHERE controller = ?1 AND id = ?2",
		insert: "INSERT INTO " + t.Name + " (" + strings.Join(cols, ", ") + ", version) VALUES (" +
			strings.Join(ph, ", ") + ", 1) ON CONFLICT (controller, id) DO NOTHING",
		update: "UPDATE " + t.Name + " SET version = version + 1, " + strings.Join(set, ", ") +
			fmt.Sprintf(" WHERE controller = ?1 AND id = ?2 AND version = ?%d", len(cols)+1),
		exists: "SELECT EXISTS (SELECT 1 FROM " + t.Name + " WHERE controller = ?1 AND id = ?2)",
		list:   "SELECT id, version, doc FROM " + t.Name + " WHERE controller = ?1",
		opGet:  "get " + t.Entity,
		opPut:  "put " + t.Entity,
		opList: "list " + t.Entity,
	}
}

// encodeSet is a Set column's text: "|a|b|", or "" for the empty set.
func encodeSet(codes []string) string {
	if len(codes) == 0 {
		return ""
	}
	return "|" + strings.Join(codes, "|") + "|"
}

// Get implements the Store's Get.
func (s *store[K, V, F]) Get(ctx context.Context, c compliance.ControllerID, id K) (V, error) {
	var zero V
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	key := s.t.Key(id)
	var ver int64
	var doc []byte
	err := s.db.sql.QueryRowContext(ctx, s.get, c.UUID[:], key[:]).Scan(&ver, &doc)
	if err == sql.ErrNoRows {
		return zero, compliance.ErrNotFound
	}
	if err != nil {
		return zero, wrap(ctx, s.opGet, err)
	}
	return s.t.Decode(doc, uint64(ver))
}

// args returns the arguments of insert and update (without the version).
func (s *store[K, V, F]) args(c compliance.ControllerID, v V) ([]any, error) {
	r, err := s.t.Row(v)
	if err != nil {
		return nil, err
	}
	return s.rowArgs(nil, c, &r), nil
}

// rowArgs appends the insert arguments of r (without the version) to args.
func (s *store[K, V, F]) rowArgs(args []any, c compliance.ControllerID, r *sqlmap.Row) []any {
	id := r.ID
	args = append(args, c.UUID[:], id[:], string(r.Doc))
	for i, x := range r.Index {
		switch s.t.Columns[i].Kind {
		case sqlmap.Time:
			sec, ns := sqlmap.Seconds(x.(time.Time))
			args = append(args, sec, ns)
		case sqlmap.Set:
			args = append(args, encodeSet(x.([]string)))
		default:
			args = append(args, x)
		}
	}
	return args
}

// Put implements the Store's Put: an INSERT for Version 0 (a conflict is
// [compliance.ErrConflict]), otherwise an UPDATE conditional on the stored
// version, in one BEGIN IMMEDIATE transaction.
func (s *store[K, V, F]) Put(ctx context.Context, c compliance.ControllerID, v V) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var ver uint64
	if s.t.Version != nil {
		ver = *s.t.Version(&v)
	}
	args, err := s.args(c, v)
	if err != nil {
		return err
	}
	var result error
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		if s.taken != "" {
			// In the same BEGIN IMMEDIATE transaction as the write, so
			// that the check and the write are one step; the unique index
			// backs it.
			var taken bool
			if err := tx.QueryRowContext(ctx, s.taken, args[0], s.uniqueArg(args), args[1]).Scan(&taken); err != nil {
				return err
			}
			if taken {
				result = compliance.ErrConflict
				return nil
			}
		}
		stmt := s.insert
		if ver != 0 {
			stmt = s.update
			args = append(args, int64(ver))
		}
		res, err := tx.ExecContext(ctx, stmt, args...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			return err
		}
		if ver == 0 {
			result = compliance.ErrConflict
			return nil
		}
		var exists bool
		if err := tx.QueryRowContext(ctx, s.exists, args[0], args[1]).Scan(&exists); err != nil {
			return err
		}
		result = compliance.ErrNotFound
		if exists {
			result = compliance.ErrConflict
		}
		return nil
	})
	if err != nil {
		return wrap(ctx, s.opPut, err)
	}
	return result
}

// uniqueArg returns the Unique column's value among the insert arguments.
func (s *store[K, V, F]) uniqueArg(args []any) any {
	i := 3 // controller, id, doc
	for _, c := range s.t.Columns {
		if c.Name == s.t.Unique {
			return args[i]
		}
		if c.Kind == sqlmap.Time {
			i += 2
		} else {
			i++
		}
	}
	return nil
}

type row struct {
	id  []byte
	ver int64
	doc []byte
}

// List implements the Store's List in keyset batches: each batch is one
// query, read whole before any record is yielded, so no transaction or
// connection is held while the loop body runs. A record changed between two
// batches is seen as it is when its batch is read.
func (s *store[K, V, F]) List(ctx context.Context, c compliance.ControllerID, f F) iter.Seq2[V, error] {
	conds := s.t.Where(f)
	return func(yield func(V, error) bool) {
		var zero V
		var after []byte
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
			after = rows[len(rows)-1].id
		}
	}
}

func (s *store[K, V, F]) batch(ctx context.Context, c compliance.ControllerID, conds []sqlmap.Cond, after []byte) ([]row, error) {
	var q strings.Builder
	q.WriteString(s.list)
	args := []any{c.UUID[:]}
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("?%d", len(args))
	}
	if after != nil {
		q.WriteString(" AND id > " + arg(after))
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
			fmt.Fprintf(&q, "(%s_s, %s_ns) %s (%s, %s)", cd.Column, cd.Column, op, arg(sec), arg(ns))
		case sqlmap.Has:
			q.WriteString("instr(" + cd.Column + ", " + arg("|"+cd.Arg.(string)+"|") + ") > 0")
		case sqlmap.Any:
			var or []string
			for _, code := range cd.Arg.([]string) {
				or = append(or, "instr("+cd.Column+", "+arg("|"+code+"|")+") > 0")
			}
			q.WriteString("(" + strings.Join(or, " OR ") + ")")
		default: // Never
			q.WriteString("0")
		}
	}
	fmt.Fprintf(&q, " ORDER BY id LIMIT %d", s.db.batch)
	rs, err := s.db.sql.QueryContext(ctx, q.String(), args...)
	if err != nil {
		return nil, wrap(ctx, s.opList, err)
	}
	defer rs.Close()
	out := make([]row, 0, min(s.db.batch, 64))
	for rs.Next() {
		var r row
		if err := rs.Scan(&r.id, &r.ver, &r.doc); err != nil {
			return nil, wrap(ctx, s.opList, err)
		}
		out = append(out, r)
	}
	if err := rs.Err(); err != nil {
		return nil, wrap(ctx, s.opList, err)
	}
	return out, nil
}

// PutMany creates every record of vs (each with Version 0) for controller
// c in one BEGIN IMMEDIATE transaction: all of them or, when one fails or
// an ID exists ([compliance.ErrConflict]), none. It is how a host keeps a
// batch of records that are created once and never updated — decisions
// kept as evidence — with one commit instead of one per record.
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

// maxChunk is the most rows one INSERT of PutRows carries: with the widest
// table's columns it stays far below SQLite's limit of 32,766 parameters.
// PutRows cuts a batch into chunks of chunkSizes powers of two: 1 to 64.
const (
	maxChunk   = 1 << (chunkSizes - 1)
	chunkSizes = 7
)

// PutRows is PutMany for records made ready beforehand ([sqlmap.Table.Row]):
// the tillidd server's group commit encodes each decision in the handler
// that made it, in parallel, so that its one committer only writes. The
// rows go in multi-row INSERTs of at most maxChunk rows, in chunks of
// powers of two so that a handful of prepared statements serve every
// batch size.
func (s *store[K, V, F]) PutRows(ctx context.Context, c compliance.ControllerID, rows []sqlmap.Row) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := s.t.CheckNew(rows); err != nil {
		return fmt.Errorf("sqlite: %s: %w", s.opPut, err)
	}
	if len(rows) == 0 {
		return nil
	}
	conflict := false
	args := make([]any, 0, min(len(rows), maxChunk)*s.width)
	err := s.db.tx(ctx, func(tx *sql.Tx) error {
		for rest := rows; len(rest) > 0; {
			n := maxChunk
			for n > len(rest) {
				n /= 2
			}
			st, err := s.db.prepared(ctx, s.insertRows(n))
			if err != nil {
				return err
			}
			args = args[:0]
			for i := range rest[:n] {
				args = s.rowArgs(args, c, &rest[i])
			}
			res, err := tx.StmtContext(ctx, st).ExecContext(ctx, args...)
			if err != nil {
				return err
			}
			if k, err := res.RowsAffected(); err != nil {
				return err
			} else if k != int64(n) {
				conflict = true
				return compliance.ErrConflict // rolls the transaction back
			}
			rest = rest[n:]
		}
		return nil
	})
	if conflict {
		return compliance.ErrConflict
	}
	if err != nil {
		return wrap(ctx, s.opPut, err)
	}
	return nil
}

// insertRows is the INSERT of n rows (a power of two up to maxChunk): a
// row that conflicts — an existing (controller, id), a unique key another
// record holds — is skipped, and PutRows counts the rows written to find
// it and refuses the batch. The texts are made once per store.
//
// It is INSERT OR IGNORE rather than ON CONFLICT (controller, id) DO
// NOTHING: with every constraint resolved by skipping the row, no row can
// abort the statement halfway, so SQLite keeps no statement journal (a
// copy of every page the statement changes, for undoing it alone). That
// journal was a fifth of the cost of a batch: BenchmarkPutRows, 16
// decisions per transaction, went from about 720 to 565 µs.
func (s *store[K, V, F]) insertRows(n int) string {
	s.insertsOnce.Do(func() {
		for i := range s.inserts {
			var b strings.Builder
			b.WriteString("INSERT OR IGNORE INTO ")
			b.WriteString(s.t.Name)
			b.WriteString(" (")
			b.WriteString(s.cols)
			b.WriteString(", version) VALUES ")
			for j := range 1 << i {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteString("(")
				b.WriteString(strings.Repeat("?, ", s.width))
				b.WriteString("1)")
			}
			s.inserts[i] = b.String()
		}
	})
	return s.inserts[bits.TrailingZeros(uint(n))]
}

// Version returns the stored version of record id of controller c, or
// [compliance.ErrNotFound], reading one indexed column and decoding
// nothing: the cheap question "has this record changed since version v?"
// (the tillidd server asks it about processors before it answers checks
// from a compiled snapshot).
func (s *store[K, V, F]) Version(ctx context.Context, c compliance.ControllerID, id K) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	key := s.t.Key(id)
	var ver int64
	st, err := s.db.prepared(ctx, "SELECT version FROM "+s.t.Name+" WHERE controller = ?1 AND id = ?2")
	if err == nil {
		err = st.QueryRowContext(ctx, c.UUID[:], key[:]).Scan(&ver)
	}
	if err == sql.ErrNoRows {
		return 0, compliance.ErrNotFound
	}
	if err != nil {
		return 0, wrap(ctx, s.opGet, err)
	}
	return uint64(ver), nil
}

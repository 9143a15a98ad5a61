// Package sqlmap describes how each Store of tillid maps onto a SQL table:
// the table's name, the indexed columns derived from a record, and the
// conditions a Filter becomes. The database adapters (the nested modules
// postgres and sqlite) render these descriptions in their own dialect, so
// both keep one schema shape and one meaning for every Filter field; the
// record itself is stored as its package's JSON form.
//
// The package uses only the standard library and tillid's own packages, so
// the core module keeps its dependencies.
package sqlmap

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Kind is the type of an indexed column.
type Kind uint8

// The kinds of indexed column.
const (
	// Text is a text code, a country or an ID in canonical form; "" for
	// unset.
	Text Kind = iota + 1
	// Bool is a boolean.
	Bool
	// Time is an instant, stored as two integer columns <name>_s (Unix
	// seconds) and <name>_ns (nanoseconds within the second) so that no
	// precision is lost and every instant Go can hold is ordered correctly.
	Time
	// Int is an integer.
	Int
	// Set is a set of text codes: a text array in PostgreSQL, a
	// '|'-delimited text in SQLite ("|dk|no|", "" for the empty set).
	Set
)

// Column is one indexed column of a table.
type Column struct {
	Name string // the column's name (a Time column's prefix)
	Kind Kind   // the column's type
}

// Op is the comparison of a [Cond].
type Op uint8

// The comparisons a Filter field becomes.
const (
	// Eq: the column equals Arg (a string, bool or int64).
	Eq Op = iota + 1
	// Ge: the Time column is at or after Arg (a time.Time).
	Ge
	// Lt: the Time column is before Arg (a time.Time).
	Lt
	// Has: the Set column contains Arg (a string).
	Has
	// Any: the Set column contains at least one of Arg (a non-empty []string).
	Any
	// Never matches no row (a Filter value no stored record can have).
	Never
)

// Cond is one condition of a List query; a query's conditions all hold.
type Cond struct {
	Column string // a name in the Table's Columns
	Op     Op     // the comparison
	Arg    any    // the value compared with, as Op says; nil for Never
}

// Table maps records of type V with ID type K, selected by filters of type
// F, onto a table.
type Table[K any, V any, F any] struct {
	// Name is the table's name.
	Name string
	// Entity names the record in errors ("breach").
	Entity string
	// Columns are the indexed columns besides controller, id, version and
	// doc, in the order Index returns their values.
	Columns []Column
	// ID returns the record's ID as a UUID.
	ID func(V) uuid.UUID
	// Key converts an ID to its UUID.
	Key func(K) uuid.UUID
	// Version points at the record's Version field; nil for records that
	// never change (they are only created, and stored with version 1).
	Version func(*V) *uint64
	// Index returns the values of Columns for a record: a string, a bool, a
	// time.Time, an int64 or a []string (sorted, without duplicates) per
	// column.
	Index func(V) []any
	// Where translates a filter into conditions with the same meaning as the
	// filter's Match method.
	Where func(F) []Cond
	// Unique names a Text column of Columns that no two records of one
	// controller may share (a unique index on controller and it); "" for
	// none. Put fails with compliance.ErrConflict for a record whose value
	// another record of the controller has.
	Unique string
}

// Encode returns the JSON document stored for v.
func (t *Table[K, V, F]) Encode(v V) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", t.Entity, err)
	}
	return b, nil
}

// Row is a record made ready to be stored: its ID, its JSON document and
// the values of the table's indexed columns. Making it is most of the cost
// of storing a record (the JSON encoding), and needs no database: a host
// that stores many records in one transaction — the tillidd server's group
// commit — makes the rows beforehand, in parallel and outside the
// transaction, and hands them to the adapter's PutRows.
type Row struct {
	// ID is the record's ID.
	ID uuid.UUID
	// Version is the record's Version (0 for a record to create).
	Version uint64
	// Doc is the record's JSON document.
	Doc []byte
	// Index holds the values of the table's Columns, as Table.Index gives
	// them.
	Index []any
}

// Row returns v made ready to be stored.
func (t *Table[K, V, F]) Row(v V) (Row, error) {
	doc, err := t.Encode(v)
	if err != nil {
		return Row{}, err
	}
	return t.RowOf(&v, doc), nil
}

// RowOf returns v made ready to be stored with doc as its JSON document:
// for a host that writes the document itself, faster than reflection, and
// holds it to be byte for byte what [Table.Encode] writes for v (the
// tillidd server's evidence does, and tests it). doc is not copied.
func (t *Table[K, V, F]) RowOf(v *V, doc []byte) Row {
	r := Row{ID: t.ID(*v), Doc: doc, Index: t.Index(*v)}
	if t.Version != nil {
		r.Version = *t.Version(v)
	}
	return r
}

// Rows returns vs made ready to be stored, in order.
func (t *Table[K, V, F]) Rows(vs []V) ([]Row, error) {
	rows := make([]Row, len(vs))
	for i := range vs {
		r, err := t.Row(vs[i])
		if err != nil {
			return nil, err
		}
		rows[i] = r
	}
	return rows, nil
}

// CheckNew reports the first of rows that cannot be created in the table:
// one with a version (an update, which a batch of new records must not
// hold) or one whose index values are not the table's columns.
func (t *Table[K, V, F]) CheckNew(rows []Row) error {
	for i := range rows {
		if rows[i].Version != 0 {
			return fmt.Errorf("a batch creates records; item %d has a version", i)
		}
		if len(rows[i].Index) != len(t.Columns) {
			return fmt.Errorf("item %d is not a row of table %s", i, t.Name)
		}
	}
	return nil
}

// Decode reads a stored JSON document and sets the record's Version to the
// version column's value.
func (t *Table[K, V, F]) Decode(doc []byte, version uint64) (V, error) {
	var v V
	if err := json.Unmarshal(doc, &v); err != nil {
		var zero V
		return zero, fmt.Errorf("decode stored %s: %w", t.Entity, err)
	}
	if t.Version != nil {
		*t.Version(&v) = version
	}
	return v, nil
}

// Seconds splits an instant into the two integers a Time column stores.
func Seconds(t time.Time) (s int64, ns int64) { return t.Unix(), int64(t.Nanosecond()) }

// set returns the sorted distinct codes among codes, dropping "".
func set(codes ...string) []string {
	out := make([]string, 0, len(codes))
	for _, c := range codes {
		if c == "" {
			continue
		}
		i := 0
		for i < len(out) && out[i] < c {
			i++
		}
		if i < len(out) && out[i] == c {
			continue
		}
		out = append(out, "")
		copy(out[i+1:], out[i:])
		out[i] = c
	}
	return out
}

// code returns the condition that a text column equals the code of a set
// filter value: Never when the value has no code (it is outside the
// vocabulary, so no stored record can carry it).
func code(col, c string) Cond {
	if c == "" {
		return Cond{Column: col, Op: Never}
	}
	return Cond{Column: col, Op: Eq, Arg: c}
}

// idText is the canonical text of an ID, "" for the zero ID.
func idText(u uuid.UUID) string {
	if u == uuid.Nil {
		return ""
	}
	return u.String()
}

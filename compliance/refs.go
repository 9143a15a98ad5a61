package compliance

import (
	"encoding/json"
	"iter"
	"slices"
	"strconv"
	"strings"
)

// Refs is an immutable list of references: the provisions and guidance a
// finding, a document block or a decision rests on.
//
// It is immutable so that it can be shared. A rule keeps its citations in
// package-level tables and hands the same table to every finding it
// returns; no caller can change a table through a finding, because Refs
// has no method that changes its elements and [Refs.Slice] returns a copy.
// Copying a list is therefore never needed, and is never done.
//
// The zero value is the empty list. Its JSON form is that of a []Ref: an
// array of references in their canonical text form ([Ref.MarshalText]),
// null for the zero Refs.
type Refs struct {
	// _ keeps Refs from being compared with ==, which would compare
	// pointers; use [Refs.Equal]. It takes no space.
	_ [0]func()
	// p is nil for the zero Refs. A Refs is one pointer, so that a
	// finding carrying one stays small.
	p *refList
}

// refList is what a Refs points to; nothing writes it after it is made.
type refList struct {
	// list is an empty non-nil slice only when JSON's [] was decoded, so
	// that [] is written back as [].
	list []Ref
	// enc is list's JSON form, made once when the Refs is made (empty when
	// a reference is invalid, and MarshalJSON then reports it): rules
	// make their tables once, and findings are written as evidence on
	// every check, so the tables' JSON is made once, not per finding.
	enc string
}

// RefsOf returns a list of the given references. It copies them, so that
// changing the arguments' backing array later does not change the list.
// RefsOf() is the zero Refs.
func RefsOf(refs ...Ref) Refs {
	if len(refs) == 0 {
		return Refs{}
	}
	return made(slices.Clone(refs))
}

// made returns the Refs of list, with its JSON form.
func made(list []Ref) Refs {
	r := &refList{list: list}
	if b, err := json.Marshal(list); err == nil {
		r.enc = string(b)
	}
	return Refs{p: r}
}

// Len returns the number of references.
func (rs Refs) Len() int { return len(rs.list()) }

// list returns the references (nil for the zero Refs), not to be changed.
func (rs Refs) list() []Ref {
	if rs.p == nil {
		return nil
	}
	return rs.p.list
}

// At returns the i-th reference. It panics if i is out of range, as indexing
// a slice does.
func (rs Refs) At(i int) Ref { return rs.list()[i] }

// All yields the index and value of every reference, in order.
func (rs Refs) All() iter.Seq2[int, Ref] {
	return func(yield func(int, Ref) bool) {
		for i, r := range rs.list() {
			if !yield(i, r) {
				return
			}
		}
	}
}

// Slice returns a copy of the references, which the caller may change; it
// returns nil for an empty list.
func (rs Refs) Slice() []Ref {
	if rs.Len() == 0 {
		return nil
	}
	return slices.Clone(rs.list())
}

// IsZero reports whether the list is empty, so that a field tagged
// `json:",omitzero"` is left out when it holds no reference.
func (rs Refs) IsZero() bool { return rs.Len() == 0 }

// Equal reports whether rs and other hold the same references in the same
// order.
func (rs Refs) Equal(other Refs) bool { return slices.Equal(rs.list(), other.list()) }

// Contains reports whether r is one of the references.
func (rs Refs) Contains(r Ref) bool { return slices.Contains(rs.list(), r) }

// String returns the references in canonical form, as fmt prints a []Ref:
// "[gdpr art 33(1) gdpr recital 85]".
func (rs Refs) String() string {
	var b strings.Builder
	b.WriteByte('[')
	for i, r := range rs.list() {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(r.String())
	}
	b.WriteByte(']')
	return b.String()
}

// Validate reports every invalid reference, as a [*ValidationError] for the
// entity "refs" with the fields "[i]" and under; nil when every reference
// is valid. Checked under a field, [Validation.Check]("refs", err) gives
// "refs[1].doc".
func (rs Refs) Validate() error {
	var v Validation
	for i, r := range rs.list() {
		v.Check("["+strconv.Itoa(i)+"]", r.Validate())
	}
	return v.Err("refs")
}

// MarshalJSON writes the references as a JSON array of their canonical
// forms, or null for the zero Refs; an invalid reference is an error.
func (rs Refs) MarshalJSON() ([]byte, error) {
	if rs.p == nil {
		return []byte("null"), nil
	}
	if rs.p.enc != "" {
		return []byte(rs.p.enc), nil
	}
	return json.Marshal(rs.p.list)
}

// UnmarshalJSON reads a JSON array of references in canonical form, as
// encoding/json reads a []Ref, with the same errors: a reference that
// [ParseRef] rejects is an error, and null gives the zero Refs.
func (rs *Refs) UnmarshalJSON(b []byte) error {
	var list []Ref
	if err := json.Unmarshal(b, &list); err != nil {
		return err
	}
	*rs = made(list)
	return nil
}

package processor

import (
	"iter"
	"math/bits"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

// Clauses is a set of [Clause] values, as a bit set: comparing sets never
// allocates. Its JSON form is an array of clause codes in order. The zero
// value is the empty set.
type Clauses uint32

// ClausesOf returns the set holding cs; invalid clauses are ignored.
func ClausesOf(cs ...Clause) Clauses {
	var s Clauses
	for _, c := range cs {
		s = s.With(c)
	}
	return s
}

// AllClauseSet returns the set of every [Clause]: everything Art 28(3) and
// 28(9) require.
func AllClauseSet() Clauses { return allClauses }

// allClauses is computed once; it is unexported so that no caller can change
// what "every clause" means.
var allClauses = func() Clauses {
	var s Clauses
	for c := range AllClauses() {
		s = s.With(c)
	}
	return s
}()

// With returns s plus c (s itself when c is invalid).
func (s Clauses) With(c Clause) Clauses {
	if !c.Valid() {
		return s
	}
	return s | 1<<c
}

// Has reports whether c is in s.
func (s Clauses) Has(c Clause) bool { return c.Valid() && s&(1<<c) != 0 }

// Minus returns the clauses of s that are not in t.
func (s Clauses) Minus(t Clauses) Clauses { return s &^ t }

// Len returns the number of clauses in s.
func (s Clauses) Len() int { return bits.OnesCount32(uint32(s)) }

// All yields the clauses of s in order.
func (s Clauses) All() iter.Seq[Clause] { return enum.Bits[Clause](uint64(s)) }

// MarshalJSON writes the set as a JSON array of codes, in order.
func (s Clauses) MarshalJSON() ([]byte, error) { return enum.MarshalSet(s.All()) }

// UnmarshalJSON reads a JSON array of clause codes; an unknown code is an
// error naming the accepted set.
func (s *Clauses) UnmarshalJSON(b []byte) error {
	var x Clauses
	if err := enum.UnmarshalSet(b, &compliance.FieldError{Reason: compliance.ReasonFormat}, func(code string) error {
		c, err := ParseClause(code)
		x = x.With(c)
		return err
	}); err != nil {
		return err
	}
	*s = x
	return nil
}

// Operations is a set of [Operation] values, as a bit set. Its JSON form is
// an array of operation codes in order. The zero value is the empty set.
type Operations uint16

// OperationsOf returns the set holding os; invalid operations are ignored.
func OperationsOf(os ...Operation) Operations {
	var s Operations
	for _, o := range os {
		s = s.With(o)
	}
	return s
}

// With returns s plus o (s itself when o is invalid).
func (s Operations) With(o Operation) Operations {
	if !o.Valid() {
		return s
	}
	return s | 1<<o
}

// Has reports whether o is in s.
func (s Operations) Has(o Operation) bool { return o.Valid() && s&(1<<o) != 0 }

// Covers reports whether every operation of t is in s.
func (s Operations) Covers(t Operations) bool { return t&^s == 0 }

// Minus returns the operations of s that are not in t.
func (s Operations) Minus(t Operations) Operations { return s &^ t }

// All yields the operations of s in order.
func (s Operations) All() iter.Seq[Operation] { return enum.Bits[Operation](uint64(s)) }

// MarshalJSON writes the set as a JSON array of codes, in order.
func (s Operations) MarshalJSON() ([]byte, error) { return enum.MarshalSet(s.All()) }

// UnmarshalJSON reads a JSON array of operation codes.
func (s *Operations) UnmarshalJSON(b []byte) error {
	var x Operations
	if err := enum.UnmarshalSet(b, &compliance.FieldError{Reason: compliance.ReasonFormat}, func(code string) error {
		o, err := ParseOperation(code)
		x = x.With(o)
		return err
	}); err != nil {
		return err
	}
	*s = x
	return nil
}

// Measures is a set of [Measure] values, as a bit set. Its JSON form is an
// array of measure codes in order. The zero value is the empty set.
type Measures uint8

// MeasuresOf returns the set holding ms; invalid measures are ignored.
func MeasuresOf(ms ...Measure) Measures {
	var s Measures
	for _, m := range ms {
		s = s.With(m)
	}
	return s
}

// With returns s plus m (s itself when m is invalid).
func (s Measures) With(m Measure) Measures {
	if !m.Valid() {
		return s
	}
	return s | 1<<m
}

// Without returns s less m.
func (s Measures) Without(m Measure) Measures {
	if !m.Valid() {
		return s
	}
	return s &^ (1 << m)
}

// Has reports whether m is in s.
func (s Measures) Has(m Measure) bool { return m.Valid() && s&(1<<m) != 0 }

// All yields the measures of s in order.
func (s Measures) All() iter.Seq[Measure] { return enum.Bits[Measure](uint64(s)) }

// MarshalJSON writes the set as a JSON array of codes, in order.
func (s Measures) MarshalJSON() ([]byte, error) { return enum.MarshalSet(s.All()) }

// UnmarshalJSON reads a JSON array of measure codes.
func (s *Measures) UnmarshalJSON(b []byte) error {
	var x Measures
	if err := enum.UnmarshalSet(b, &compliance.FieldError{Reason: compliance.ReasonFormat}, func(code string) error {
		m, err := ParseMeasure(code)
		x = x.With(m)
		return err
	}); err != nil {
		return err
	}
	*s = x
	return nil
}

// IdentityFields is a set of [IdentityField] values: the missing parts of a
// sub-processor's identity.
type IdentityFields uint8

// With returns s plus f (s itself when f is invalid).
func (s IdentityFields) With(f IdentityField) IdentityFields {
	if !f.Valid() {
		return s
	}
	return s | 1<<f
}

// Has reports whether f is in s.
func (s IdentityFields) Has(f IdentityField) bool { return f.Valid() && s&(1<<f) != 0 }

// All yields the fields of s in order.
func (s IdentityFields) All() iter.Seq[IdentityField] { return enum.Bits[IdentityField](uint64(s)) }

// The sets of every valid value, for validation.
var (
	allOperationSet = func() Operations {
		var s Operations
		for o := range AllOperations() {
			s = s.With(o)
		}
		return s
	}()
	allMeasureSet = func() Measures {
		var s Measures
		for m := range AllMeasures() {
			s = s.With(m)
		}
		return s
	}()
	allDataSet = func() compliance.DataCategories {
		var s compliance.DataCategories
		for c := range compliance.AllDataCategories() {
			s = s.With(c)
		}
		return s
	}()
	allSubjectSet = func() compliance.SubjectCategories {
		var s compliance.SubjectCategories
		for c := range compliance.AllSubjectCategories() {
			s = s.With(c)
		}
		return s
	}()
)

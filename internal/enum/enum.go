// Package enum implements the text codes of tillid's typed vocabularies, so that
// every enum in every package parses, prints and marshals the same way.
//
// A vocabulary is a defined type over uint8 whose zero value is invalid (unset)
// and whose valid values are 1..n. Its [Table] holds the stable lower-case text
// code of each value (the form that reaches JSON and host databases), the
// message key i18n renders it with, and the error returned for an unknown code.
// The numeric values are internal; only the codes are API, and each package
// pins both in a test.
package enum

import (
	"iter"
	"strings"
)

// Table describes one vocabulary. It is immutable after [New] and safe for
// concurrent use.
type Table[T ~uint8] struct {
	name     string
	codes    []string // index = value; codes[0] == ""
	keys     []string // message keys, index = value
	index    map[string]T
	accepted []string
	unknown  func(name string, accepted []string) error
}

// New builds the table of a vocabulary named name (for example "principle")
// whose message keys start with keyPrefix (for example
// "compliance.principle"). codes are the text codes of the values 1..n in
// order. unknown builds the error returned for a code outside the set, from
// the vocabulary's name and its accepted codes.
//
// New panics on an empty or duplicate code: tables are compile-time constants
// exercised by every package's tests, in the spirit of regexp.MustCompile.
func New[T ~uint8](name, keyPrefix string, unknown func(name string, accepted []string) error, codes ...string) *Table[T] {
	if len(codes) == 0 || len(codes) > 255 {
		panic("enum: " + name + ": need 1..255 codes")
	}
	t := &Table[T]{
		name:     name,
		codes:    make([]string, len(codes)+1),
		keys:     make([]string, len(codes)+1),
		index:    make(map[string]T, len(codes)),
		accepted: append([]string(nil), codes...),
	}
	for i, c := range codes {
		if c == "" || c != strings.ToLower(c) || strings.ContainsAny(c, " \t\n\"") {
			panic("enum: " + name + ": bad code " + c)
		}
		if _, dup := t.index[c]; dup {
			panic("enum: " + name + ": duplicate code " + c)
		}
		v := T(i + 1)
		t.codes[v] = c
		t.keys[v] = keyPrefix + "." + c
		t.index[c] = v
	}
	t.unknown = unknown
	return t
}

// err returns a fresh error for an unknown code or an invalid value, built
// from a fresh copy of the accepted codes: a caller may fill in or change the
// error it receives (compliance.FieldError invites setting its Field) without
// changing the error any later caller sees or the table itself.
func (t *Table[T]) err() error { return t.unknown(t.name, t.Codes()) }

// Name returns the vocabulary's name.
func (t *Table[T]) Name() string { return t.name }

// Valid reports whether v is one of the vocabulary's values.
func (t *Table[T]) Valid(v T) bool { return v != 0 && int(v) < len(t.codes) }

// String returns v's text code, or "" for the zero value and values outside
// the vocabulary.
func (t *Table[T]) String(v T) string {
	if !t.Valid(v) {
		return ""
	}
	return t.codes[v]
}

// Key returns v's message key, or "" when v is not valid.
func (t *Table[T]) Key(v T) string {
	if !t.Valid(v) {
		return ""
	}
	return t.keys[v]
}

// Parse returns the value whose code is s. Matching is exact: codes are
// lower-case and never trimmed. An unknown code gives the table's error, which
// names the accepted set and never repeats the input (it may be personal data).
// Each call returns a new error value that shares nothing with the table or
// with errors returned to other callers.
func (t *Table[T]) Parse(s string) (T, error) {
	if v, ok := t.index[s]; ok {
		return v, nil
	}
	return 0, t.err()
}

// MarshalText returns v's code. The zero value marshals as the empty text so
// that an unset optional field round-trips; any other invalid value is an
// error.
func (t *Table[T]) MarshalText(v T) ([]byte, error) {
	if v == 0 {
		return []byte{}, nil
	}
	if !t.Valid(v) {
		return nil, t.err()
	}
	return []byte(t.codes[v]), nil
}

// UnmarshalText sets *v from its code. Empty text sets the zero value (unset);
// an unknown code leaves *v unchanged and returns the table's error.
func (t *Table[T]) UnmarshalText(v *T, text []byte) error {
	if len(text) == 0 {
		*v = 0
		return nil
	}
	x, ok := t.index[string(text)]
	if !ok {
		return t.err()
	}
	*v = x
	return nil
}

// All yields every valid value in numeric order.
func (t *Table[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for i := 1; i < len(t.codes); i++ {
			if !yield(T(i)) {
				return
			}
		}
	}
}

// Len returns the number of valid values.
func (t *Table[T]) Len() int { return len(t.codes) - 1 }

// Codes returns a fresh copy of the accepted codes in numeric order.
func (t *Table[T]) Codes() []string { return append([]string(nil), t.accepted...) }

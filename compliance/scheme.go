package compliance

import (
	"iter"

	"github.com/tillid/tillid/internal/enum"
)

// Scheme is a classification scheme for cases: what a record of processing
// names its cases by (package record) and what a retention rule is keyed by
// (package retention). The zero value is invalid.
type Scheme uint8

// Schemes.
const (
	// KLE is KL's Emnesystematik, the subject classification of Danish
	// kommuner: hovedgruppe "NN", gruppe "NN.NN", emne "NN.NN.NN", with an
	// optional handlingsfacet such as "G01" (KLE-XML schema 2.0).
	KLE Scheme = iota + 1
	// Noark is a class (klasse) of a Norwegian Noark 5 classification
	// system; its codes are set by each body in its arkivplan.
	Noark
	// Custom is a retention rule of the kommune's own, keyed by a code of
	// its choice (package retention). A record of processing is classified
	// by KLE or Noark only.
	Custom
)

var schemes = enum.New[Scheme]("scheme", "compliance.scheme", UnknownCode, "kle", "noark", "custom")

// ParseScheme returns the Scheme with the given code.
func ParseScheme(s string) (Scheme, error) { return schemes.Parse(s) }

// AllSchemes yields every Scheme.
func AllSchemes() iter.Seq[Scheme] { return schemes.All() }

// String returns the stable code.
func (s Scheme) String() string { return schemes.String(s) }

// Key returns the i18n message key.
func (s Scheme) Key() string { return schemes.Key(s) }

// Valid reports whether s is a known Scheme.
func (s Scheme) Valid() bool { return schemes.Valid(s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Scheme) MarshalText() ([]byte, error) { return schemes.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Scheme) UnmarshalText(b []byte) error { return schemes.UnmarshalText(s, b) }

package ident

import (
	"fmt"
	"io"
	"iter"
	"log/slog"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

// This file holds what the national identifiers share: [Sex], the redaction
// helpers and [National], which holds either a Danish [CPR] or a
// Norwegian [FNR].
//
// Redaction. A CPR number or a fødselsnummer is personal data that Danish and
// Norwegian practice treats as confidential (see [compliance.NationalID], the data
// category). The types that hold one therefore print themselves redacted
// everywhere text is made for people or logs: String, GoString, Format (every
// fmt verb, so %v, %+v, %#v, %s, %q, %x and %d of the value, of a pointer to
// it and of a struct with an exported field holding it are redacted) and
// LogValue ([slog.LogValuer]). Errors from the parsers never contain the input
// or a fragment of it. Only MarshalText gives the full number: it is the
// storage form, so encoding/json of a struct holding an identifier writes the
// number in full.
//
// Two limits follow from how the standard library works, and hosts must know
// them:
//
//   - fmt cannot call methods on unexported struct fields; it prints them by
//     reflection. The identifiers therefore keep their number sealed
//     internally with a key drawn from crypto/rand when the program starts
//     (seal.go): such output is an integer that nothing outside the process
//     can turn back into the number, but it is noise, not a redacted form.
//   - encoding/json (and so slog's JSONHandler, which writes a slice, a map
//     or a struct with encoding/json) calls MarshalJSON, which writes the
//     redacted form: a slice or map of identifiers, or a struct that holds
//     one, is logged redacted. The storage form with the full number is
//     MarshalText; the entities that store an identifier (rights.Subject)
//     write it with MarshalText in their own MarshalJSON. One limit
//     remains: encoding/json writes a map key with MarshalText, so a map
//     keyed by identifiers written as JSON shows the numbers. Never key a
//     map that is logged or sent by identifiers.

// Sex is a person's sex as far as a national identifier encodes it: the last
// digit of a CPR number and the ninth digit of a fødselsnummer issued before
// 2032 are odd for men and even for women. The registers hold the
// authoritative value; the number is only evidence. The zero value is
// invalid (unknown).
type Sex uint8

// Sexes.
const (
	Female Sex = iota + 1 // even digit
	Male                  // odd digit
)

var sexes = enum.New[Sex]("sex", "compliance.sex", compliance.UnknownCode, "female", "male")

// ParseSex returns the Sex with the code "female" or "male".
func ParseSex(s string) (Sex, error) { return sexes.Parse(s) }

// AllSexes yields Female and Male.
func AllSexes() iter.Seq[Sex] { return sexes.All() }

// String returns the stable code.
func (x Sex) String() string { return sexes.String(x) }

// Key returns the i18n message key.
func (x Sex) Key() string { return sexes.Key(x) }

// Valid reports whether x is a known Sex.
func (x Sex) Valid() bool { return sexes.Valid(x) }

// MarshalText implements [encoding.TextMarshaler].
func (x Sex) MarshalText() ([]byte, error) { return sexes.MarshalText(x) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (x *Sex) UnmarshalText(b []byte) error { return sexes.UnmarshalText(x, b) }

// sexOfDigit returns Male for an odd digit and Female for an even one.
func sexOfDigit(d uint64) Sex {
	if d%2 == 1 {
		return Male
	}
	return Female
}

// formatRedacted writes the redacted form s of an identifier for any fmt
// verb: %#v gives goSyntax, %q quotes s, every other verb (including %x and
// %d, which would otherwise show the digits) writes s with the directive's
// flags, width and precision.
func formatRedacted(f fmt.State, verb rune, s, goSyntax string) {
	switch {
	case verb == 'v' && f.Flag('#'):
		_, _ = io.WriteString(f, goSyntax)
	case verb == 'q':
		_, _ = fmt.Fprintf(f, fmt.FormatString(f, 'q'), s)
	default:
		_, _ = fmt.Fprintf(f, fmt.FormatString(f, 's'), s)
	}
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// National is a person's national identity number in either
// jurisdiction: a Danish [CPR] number (DK) or a Norwegian [FNR], that is a
// fødselsnummer, D-nummer or H-nummer (NO). It is comparable and holds no
// pointers; the zero value is the unset identifier.
//
// (The name is not NationalID because that is the [compliance.DataCategory] of national
// identity numbers.)
//
// A National redacts itself like the CPR and FNR it holds: String,
// GoString, Format and LogValue give "******-****" for DK and "***********" for
// NO. MarshalText gives the storage form "dk:DDMMYYSSSS" or "no:DDMMYYIIIKK":
// the lower-case jurisdiction code, a colon and the digits of
// [CPR.MarshalText] or [FNR.MarshalText].
type National struct {
	fnr FNR
	cpr CPR
	j   compliance.Jurisdiction
}

// ParseNational reads a national identity number of jurisdiction j:
// [ParseCPR] for DK, [ParseFNR] for NO. Errors are [*compliance.FieldError]s with Field
// "national-id" and the Reason of the underlying parser; an invalid j gives
// Field "jurisdiction" with [compliance.ReasonRequired]. To apply [FNRRules], parse with
// [ParseFNRWith] and convert with [FNR.National].
func ParseNational(j compliance.Jurisdiction, s string) (National, error) {
	switch j {
	case compliance.DK:
		c, err := ParseCPR(s)
		if err != nil {
			return National{}, nationalErr(err)
		}
		return National{cpr: c, j: compliance.DK}, nil
	case compliance.NO:
		f, err := ParseFNR(s)
		if err != nil {
			return National{}, nationalErr(err)
		}
		return National{fnr: f, j: compliance.NO}, nil
	}
	return National{}, &compliance.FieldError{Field: "jurisdiction", Reason: compliance.ReasonRequired}
}

// nationalErr renames a CPR or FNR parser error to the field "national-id".
func nationalErr(err error) error {
	if fe, ok := err.(*compliance.FieldError); ok {
		return &compliance.FieldError{Field: "national-id", Reason: fe.Reason}
	}
	return &compliance.FieldError{Field: "national-id", Reason: compliance.ReasonFormat}
}

// National returns c as a National of DK; the zero CPR
// gives the zero National.
func (c CPR) National() National {
	if c.IsZero() {
		return National{}
	}
	return National{cpr: c, j: compliance.DK}
}

// National returns f as a National of NO; the zero FNR
// gives the zero National.
func (f FNR) National() National {
	if f.IsZero() {
		return National{}
	}
	return National{fnr: f, j: compliance.NO}
}

// Jurisdiction returns DK for a CPR number, NO for a Norwegian number and 0
// for the zero value.
func (n National) Jurisdiction() compliance.Jurisdiction { return n.j }

// IsZero reports whether n is the zero (unset) identifier.
func (n National) IsZero() bool { return n == National{} }

// CPR returns the Danish number, and false when n is not one.
func (n National) CPR() (CPR, bool) { return n.cpr, n.j == compliance.DK }

// FNR returns the Norwegian number, and false when n is not one.
func (n National) FNR() (FNR, bool) { return n.fnr, n.j == compliance.NO }

// BirthDate returns the birth date the number encodes ([CPR.BirthDate],
// [FNR.BirthDate]); the zero Date for the zero value and for a Norwegian
// number of the 2032 series, whose century the number does not tell.
func (n National) BirthDate() compliance.Date {
	switch n.j {
	case compliance.DK:
		return n.cpr.BirthDate()
	case compliance.NO:
		return n.fnr.BirthDate()
	}
	return compliance.Date{}
}

// Sex returns the sex the number encodes and true, or false when it encodes
// none: always true for a CPR number, see [FNR.Sex] for a Norwegian one.
func (n National) Sex() (Sex, bool) {
	switch n.j {
	case compliance.DK:
		return n.cpr.Sex(), true
	case compliance.NO:
		return n.fnr.Sex()
	}
	return 0, false
}

// String returns the redacted form: "******-****" for DK, "***********" for
// NO and "" for the zero value. It never contains a digit of the number.
func (n National) String() string {
	switch n.j {
	case compliance.DK:
		return n.cpr.String()
	case compliance.NO:
		return n.fnr.String()
	}
	return ""
}

// GoString returns a redacted Go-syntax-like form for %#v, such as
// compliance.National{dk:******-****}.
func (n National) GoString() string {
	if n.IsZero() {
		return "compliance.National{}"
	}
	return "compliance.National{" + n.j.String() + ":" + n.String() + "}"
}

// Format implements [fmt.Formatter] so that every verb prints the redacted
// form; see [National.String].
func (n National) Format(f fmt.State, verb rune) {
	formatRedacted(f, verb, n.String(), n.GoString())
}

// LogValue implements [slog.LogValuer]: it logs the redacted form.
func (n National) LogValue() slog.Value { return slog.StringValue(n.String()) }

// MarshalJSON writes the redacted form as a JSON string ("******-****"),
// so that encoding/json — and slog's JSONHandler logging a slice, a map or
// a struct holding identifiers — never writes the number. The storage form
// is [National.MarshalText]; an entity that stores an identifier
// writes that form in its own MarshalJSON.
func (n National) MarshalJSON() ([]byte, error) { return redactedJSON(n.String()), nil }

// redactedJSON returns s, a redacted form (asterisks and a hyphen), as a
// JSON string.
func redactedJSON(s string) []byte { return []byte(`"` + s + `"`) }

// MarshalText returns the storage form "dk:DDMMYYSSSS" or "no:DDMMYYIIIKK",
// with the full number: store it as carefully as the number itself. The zero
// value marshals as empty text.
func (n National) MarshalText() ([]byte, error) {
	var b []byte
	switch n.j {
	case compliance.DK:
		b = make([]byte, 0, 13)
		b = append(b, "dk:"...)
		b = n.cpr.appendDigits(b)
	case compliance.NO:
		b = make([]byte, 0, 14)
		b = append(b, "no:"...)
		b = n.fnr.appendDigits(b)
	default:
		return []byte{}, nil
	}
	return b, nil
}

// UnmarshalText reads the storage form written by MarshalText; empty text
// gives the zero value. The number is read as [CPR.UnmarshalText] or
// [FNR.UnmarshalText] read it. Errors have Field "national-id" and never
// contain the text.
func (n *National) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*n = National{}
		return nil
	}
	if len(b) < 3 || b[2] != ':' {
		return &compliance.FieldError{Field: "national-id", Reason: compliance.ReasonFormat}
	}
	switch string(b[:2]) {
	case "dk":
		var c CPR
		if err := c.UnmarshalText(b[3:]); err != nil {
			return nationalErr(err)
		}
		if c.IsZero() {
			return &compliance.FieldError{Field: "national-id", Reason: compliance.ReasonRequired}
		}
		*n = National{cpr: c, j: compliance.DK}
	case "no":
		var f FNR
		if err := f.UnmarshalText(b[3:]); err != nil {
			return nationalErr(err)
		}
		if f.IsZero() {
			return &compliance.FieldError{Field: "national-id", Reason: compliance.ReasonRequired}
		}
		*n = National{fnr: f, j: compliance.NO}
	default:
		return &compliance.FieldError{Field: "national-id", Reason: compliance.ReasonFormat}
	}
	return nil
}

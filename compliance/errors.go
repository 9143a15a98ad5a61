package compliance

import (
	"errors"
	"iter"
	"strings"

	"github.com/tillid/tillid/internal/enum"
)

// Store errors. Every Store in tillid returns these (possibly wrapped) and the
// library tests for them with [errors.Is]; any other error from a store is
// treated as opaque and is not wrapped into the library's own errors.
var (
	// ErrNotFound reports that no record with the given ID exists for the
	// controller.
	ErrNotFound = errors.New("compliance: not found")
	// ErrConflict reports an optimistic-concurrency conflict: the record
	// already exists (create) or its stored Version differs from the one the
	// caller read (update).
	ErrConflict = errors.New("compliance: version conflict")
	// ErrInvalid is matched by every validation failure ([*FieldError] and
	// [*ValidationError]), so callers can test errors.Is(err, ErrInvalid).
	ErrInvalid = errors.New("compliance: invalid input")
)

// Reason says why a field was rejected. It is a typed vocabulary with stable
// lower-case codes; i18n renders it in every supported language.
type Reason uint8

// Reasons.

const ReasonRequired Reason = 1     // a required field is missing
const ReasonUnknown Reason = 2      // a code outside the accepted set
const ReasonFormat Reason = 3       // malformed text (wrong characters or layout)
const ReasonLength Reason = 4       // wrong number of characters or items
const ReasonDate Reason = 5         // not a real calendar date or instant
const ReasonChecksum Reason = 6     // a check digit does not match
const ReasonUnallocated Reason = 7  // a number from a series that is never issued
const ReasonRange Reason = 8        // a number or date outside the allowed range
const ReasonInconsistent Reason = 9 // contradicts another field
const ReasonDuplicate Reason = 10   // the same item appears twice
const ReasonTooLong Reason = 11     // text longer than the allowed maximum

var reasons = enum.New[Reason]("reason", "compliance.reason", UnknownCode,
	"required", "unknown", "format", "length", "date", "checksum", "unallocated",
	"range", "inconsistent", "duplicate", "too-long")

// ParseReason returns the Reason with the given code.
func ParseReason(s string) (Reason, error) { return reasons.Parse(s) }

// AllReasons yields every Reason.
func AllReasons() iter.Seq[Reason] { return reasons.All() }

// String returns the stable code.
func (r Reason) String() string { return reasons.String(r) }

// Key returns the i18n message key.
func (r Reason) Key() string { return reasons.Key(r) }

// Valid reports whether r is a known Reason.
func (r Reason) Valid() bool { return reasons.Valid(r) }

// MarshalText implements [encoding.TextMarshaler].
func (r Reason) MarshalText() ([]byte, error) { return reasons.MarshalText(r) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *Reason) UnmarshalText(b []byte) error { return reasons.UnmarshalText(r, b) }

// FieldError reports one rejected field. It never contains the rejected value,
// which may be personal data (a CPR number, a name, free text about a
// citizen); it names the field, the reason and, for codes, the accepted set.
//
// A FieldError matches [ErrInvalid] under [errors.Is].
type FieldError struct {
	// Field is the path of the field, in the JSON names of the entity:
	// "purposes[2].basis". It is empty when the error comes from a parser
	// that does not know where its input came from; [Validation] fills it in.
	Field string
	// Reason says what is wrong.
	Reason Reason
	// Vocabulary names the vocabulary ("principle", "legal-basis") when
	// Reason is ReasonUnknown.
	Vocabulary string
	// Accepted lists the accepted codes when Reason is ReasonUnknown.
	Accepted []string
}

// Error returns "compliance: <field>: <reason> [<vocabulary>] (accepted: a, b)",
// for example "compliance: purposes[0].basis: unknown legal-basis (accepted:
// consent, contract, ...)".
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString("compliance: ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	e.describe(&b)
	return b.String()
}

func (e *FieldError) describe(b *strings.Builder) {
	if e.Reason.Valid() {
		b.WriteString(e.Reason.String())
	} else {
		b.WriteString("invalid")
	}
	if e.Vocabulary != "" {
		b.WriteString(" ")
		b.WriteString(e.Vocabulary)
	}
	if len(e.Accepted) > 0 {
		b.WriteString(" (accepted: ")
		b.WriteString(strings.Join(e.Accepted, ", "))
		b.WriteString(")")
	}
}

// Is reports whether target is [ErrInvalid].
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

// In returns a copy of e with its field path placed under parent:
// In("purposes[0]") on a "basis" error gives "purposes[0].basis".
func (e *FieldError) In(parent string) *FieldError {
	c := *e
	c.Field = joinPath(parent, e.Field)
	return &c
}

// joinPath places field under parent. A parser that names its own kind of
// value ("id", "date", "country") and is checked under a field of that very
// name gives "processor.id", not "processor.id.id".
func joinPath(parent, field string) string {
	switch {
	case parent == "":
		return field
	case field == "" || parent == field || strings.HasSuffix(parent, "."+field):
		return parent
	case strings.HasPrefix(field, "["):
		return parent + field
	default:
		return parent + "." + field
	}
}

// UnknownCode returns the error for a code outside a vocabulary: a
// [*FieldError] with [ReasonUnknown] that names the vocabulary and its
// accepted codes. Its Field is empty until a [Validation] places it.
func UnknownCode(vocabulary string, accepted []string) error {
	return &FieldError{Reason: ReasonUnknown, Vocabulary: vocabulary, Accepted: accepted}
}

// ValidationError reports every rejected field of one entity at once, in the
// order they were found. It matches [ErrInvalid] under [errors.Is].
type ValidationError struct {
	// Entity names what was validated: "activity", "breach", "request".
	Entity string
	// Fields lists the problems; it is never empty.
	Fields []FieldError
}

// Error lists every field: "compliance: invalid activity: name: required;
// purposes[0].basis: unknown (accepted: ...)".
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("compliance: invalid ")
	b.WriteString(e.Entity)
	for i := range e.Fields {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		f := &e.Fields[i]
		if f.Field != "" {
			b.WriteString(f.Field)
			b.WriteString(": ")
		}
		f.describe(&b)
	}
	return b.String()
}

// Is reports whether target is [ErrInvalid].
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// Has reports whether the field with the given path was rejected.
func (e *ValidationError) Has(field string) bool {
	for _, f := range e.Fields {
		if f.Field == field {
			return true
		}
	}
	return false
}

// Validation collects field problems while an entity is checked, so that
// Validate reports all of them instead of the first. The zero value is ready
// to use. It is not safe for concurrent use.
//
//	var v compliance.Validation
//	v.Require("name", a.Name != "")
//	v.Check("jurisdiction", a.Jurisdiction.Validate())
//	return v.Err("activity")
type Validation struct {
	fields []FieldError
}

// Add records a problem with field.
func (v *Validation) Add(field string, r Reason) {
	v.fields = append(v.fields, FieldError{Field: field, Reason: r})
}

// Require records [ReasonRequired] for field unless ok.
func (v *Validation) Require(field string, ok bool) {
	if !ok {
		v.Add(field, ReasonRequired)
	}
}

// Check records err under field. A [*FieldError] or [*ValidationError] is
// placed under field (its own paths become children of field); any other
// non-nil error is recorded as [ReasonFormat], because validation must not
// leak foreign error text (it may contain the rejected value).
func (v *Validation) Check(field string, err error) {
	if err == nil {
		return
	}
	var ve *ValidationError
	if errors.As(err, &ve) {
		for _, f := range ve.Fields {
			v.fields = append(v.fields, *f.In(field))
		}
		return
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		v.fields = append(v.fields, *fe.In(field))
		return
	}
	v.Add(field, ReasonFormat)
}

// OK reports whether no problem has been recorded.
func (v *Validation) OK() bool { return len(v.fields) == 0 }

// Err returns nil when nothing was recorded, or a [*ValidationError] for entity
// holding every problem.
func (v *Validation) Err(entity string) error {
	if len(v.fields) == 0 {
		return nil
	}
	return &ValidationError{Entity: entity, Fields: append([]FieldError(nil), v.fields...)}
}

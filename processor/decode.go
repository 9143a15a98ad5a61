package processor

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/tillid/tillid/compliance"
)

// Input limits of the decoders. A Parse function reads at most MaxInput
// bytes, Decode at most MaxDocument; longer input is rejected before it is
// decoded, with [compliance.ReasonTooLong]. Within them every list of a
// record is bounded too (1,000 items, by Validate), and numbers are small
// integers that encoding/json rejects in linear time when they overflow.
const (
	// MaxInput bounds the JSON form of one entity: 1 MiB holds a processor
	// with hundreds of sub-processors.
	MaxInput = 1 << 20
	// MaxDocument bounds a document of several entities read by Decode.
	MaxDocument = 8 << 20
)

// Decoding. The Parse functions read an entity's JSON wire form strictly —
// unknown fields, trailing data and malformed values are errors — and
// validate it. Their errors match [compliance.ErrInvalid] and never contain
// the input: encoding/json's own errors quote it, so they are replaced by a
// [*compliance.FieldError] naming the field (where encoding/json knows it)
// and the reason.

// ParseProcessor reads a [Processor] from its JSON form and validates it.
func ParseProcessor(b []byte) (Processor, error) { return decode[Processor](b, "processor") }

// ParseAgreement reads an [Agreement] from its JSON form and validates it.
func ParseAgreement(b []byte) (Agreement, error) { return decode[Agreement](b, "agreement") }

// ParseSubProcessor reads a [SubProcessor] from its JSON form and validates
// it.
func ParseSubProcessor(b []byte) (SubProcessor, error) {
	return decode[SubProcessor](b, "subProcessor")
}

// ParseLocation reads a [Location] from its JSON form and validates it.
func ParseLocation(b []byte) (Location, error) { return decode[Location](b, "location") }

// ParseAudit reads an [Audit] from its JSON form and validates it.
func ParseAudit(b []byte) (Audit, error) { return decode[Audit](b, "audit") }

// ParseRequest reads a [Request] from its JSON form and validates it.
func ParseRequest(b []byte) (Request, error) { return decode[Request](b, "request") }

// ParsePolicy reads a [Policy] from its JSON form and validates it.
func ParsePolicy(b []byte) (Policy, error) { return decode[Policy](b, "policy") }

// ParseAdequacy reads an [Adequacy] decision from its JSON form and
// validates it.
func ParseAdequacy(b []byte) (Adequacy, error) { return decode[Adequacy](b, "adequacy") }

type validator interface{ Validate() error }

func decode[T validator](b []byte, entity string) (T, error) {
	var zero T
	if len(b) > MaxInput {
		return zero, tooLong(entity)
	}
	v, err := Decode[T](b, entity)
	if err != nil {
		return zero, err
	}
	if err := v.Validate(); err != nil {
		return zero, err
	}
	return v, nil
}

// Decode reads a value of type T from its JSON form, strictly, without
// validating it; entity names it in errors. The example programs and
// [ParseProcessor] use it for documents that hold several entities. It
// rejects input longer than [MaxDocument].
func Decode[T any](b []byte, entity string) (T, error) {
	var v, zero T
	if len(b) > MaxDocument {
		return zero, tooLong(entity)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return zero, jsonError(err, entity)
	}
	if len(bytes.TrimLeft(b[dec.InputOffset():], " \t\r\n")) > 0 {
		return zero, &compliance.ValidationError{Entity: entity, Fields: []compliance.FieldError{{Reason: compliance.ReasonFormat}}}
	}
	return v, nil
}

func tooLong(entity string) error {
	return &compliance.ValidationError{Entity: entity, Fields: []compliance.FieldError{{Reason: compliance.ReasonTooLong}}}
}

// jsonError turns a decoding error into a validation error without the
// input's text.
func jsonError(err error, entity string) error {
	var fe *compliance.FieldError
	var ve *compliance.ValidationError
	var te *json.UnmarshalTypeError
	f := compliance.FieldError{Reason: compliance.ReasonFormat}
	switch {
	case errors.As(err, &ve):
		fs := append([]compliance.FieldError(nil), ve.Fields...)
		for i := range fs {
			fs[i].Field = knownField(fs[i].Field)
		}
		return &compliance.ValidationError{Entity: entity, Fields: fs}
	case errors.As(err, &fe):
		f = *fe
		f.Field = knownField(fe.Field)
		f.Accepted = append([]string(nil), fe.Accepted...)
	case errors.As(err, &te):
		f.Field = te.Field
	}
	return &compliance.ValidationError{Entity: entity, Fields: []compliance.FieldError{f}}
}

// knownField returns f when it is a field name the value parsers of package
// compliance use, and "" otherwise. compliance.ParseRef can name a field
// after a word of its input (a locator keyword without a value), and a
// field name must never carry input text.
func knownField(f string) string {
	switch f {
	case "country", "cvr", "orgnr", "id", "date", "period", "ref", "instrument", "doc", "article",
		"paragraph", "subparagraph", "subpara", "point", "recital", "para", "clause", "case":
		return f
	}
	return ""
}

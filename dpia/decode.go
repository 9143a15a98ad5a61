package dpia

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"github.com/tillid/tillid/compliance"
)

// maxDocument bounds the JSON a decoder accepts (4 MiB): far more than any
// assessment needs, and a limit on what a hostile request can make the
// library parse.
const maxDocument = 4 << 20

// DecodeInput reads a screening input from its JSON form and validates it.
// Unknown fields, trailing data and malformed JSON are rejected. Every
// error matches [compliance.ErrInvalid] and names fields and codes only,
// never the input's text.
func DecodeInput(data []byte) (Input, error) {
	var in Input
	if err := decode(data, &in, "screening input"); err != nil {
		return Input{}, err
	}
	if err := in.Validate(); err != nil {
		return Input{}, err
	}
	return in, nil
}

// DecodeAssessment reads an assessment from its JSON form and validates
// it, with the same guarantees as [DecodeInput].
func DecodeAssessment(data []byte) (Assessment, error) {
	var a Assessment
	if err := decode(data, &a, "assessment"); err != nil {
		return Assessment{}, err
	}
	if err := a.Validate(); err != nil {
		return Assessment{}, err
	}
	return a, nil
}

// DecodePolicy reads a policy from its JSON form and validates it, with
// the same guarantees as [DecodeInput].
func DecodePolicy(data []byte) (Policy, error) {
	var p Policy
	if err := decode(data, &p, "policy"); err != nil {
		return Policy{}, err
	}
	if err := p.Validate(); err != nil {
		return Policy{}, err
	}
	return p, nil
}

func decode(data []byte, v any, entity string) error {
	if len(data) > maxDocument {
		return &compliance.FieldError{Field: entity, Reason: compliance.ReasonTooLong}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeError(err, entity)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &compliance.FieldError{Field: entity, Reason: compliance.ReasonFormat}
	}
	return nil
}

// decodeError keeps the library's own field errors, which name a
// vocabulary and its codes but never the rejected value, and replaces
// every other error (encoding/json quotes the input) by a format error.
func decodeError(err error, entity string) error {
	var fe *compliance.FieldError
	var ve *compliance.ValidationError
	if errors.As(err, &ve) {
		return err
	}
	if errors.As(err, &fe) {
		var v compliance.Validation
		v.Check("", fe)
		return v.Err(entity)
	}
	return &compliance.FieldError{Field: entity, Reason: compliance.ReasonFormat}
}

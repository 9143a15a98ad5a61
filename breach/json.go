package breach

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tillid/tillid/compliance"
)

// The JSON decoders of this file name the field of every error and never
// repeat the input: encoding/json's own errors quote the offending text
// (which may be personal data) and lose the field of an error returned by a
// TextUnmarshaler. Each entity is decoded field by field; a field that
// fails becomes a [compliance.FieldError] under its JSON path. Keys are
// matched exactly (encoding/json would also accept other cases); an unknown
// or repeated key is an error naming it (a misspelt "Aware" would otherwise
// silently drop the 72-hour deadline). [Decode] bounds the input's size,
// every list's length and every decimal's digits, so no input costs more
// than linear work.

// field is one JSON member of an entity and where it decodes to.
type field struct {
	name string
	ptr  any
}

// decodeObject decodes the JSON object data into fields, reporting every
// field that fails as a [*compliance.ValidationError] of entity, and every
// unknown or repeated member.
//
// A JSON null decodes to the zero value of the entity.
func decodeObject(data []byte, entity string, fields []field) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return formatError(entity)
	}
	var v compliance.Validation
	seen := make([]bool, len(fields))
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return formatError(entity)
		}
		key, _ := t.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return formatError(entity)
		}
		i := slices.IndexFunc(fields, func(f field) bool { return f.name == key })
		switch {
		case i < 0:
			v.Add(memberName(key, fields), compliance.ReasonUnknown)
		case seen[i]:
			v.Add(key, compliance.ReasonDuplicate)
		default:
			seen[i] = true
			v.Check(key, decodeValue(raw, fields[i].ptr))
		}
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('}') {
		return formatError(entity)
	}
	return v.Err(entity)
}

// memberName returns an unknown member's name for an error path: the name
// itself when it differs from a field's name only in case — "Aware" for
// "aware", the mistake encoding/json would have let through — and "?"
// otherwise, so that no error carries text a caller put in a member name.
func memberName(key string, fields []field) string {
	for _, f := range fields {
		if strings.EqualFold(f.name, key) {
			return key
		}
	}
	return "?"
}

// decodeList decodes the JSON array data element by element with decode,
// placing each element's errors under "[i]"; a list longer than limit is
// rejected before its elements are decoded.
func decodeList[T any](data []byte, dst *[]T, limit int) error {
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return &compliance.FieldError{Reason: compliance.ReasonFormat}
	}
	if len(raws) > limit {
		return &compliance.FieldError{Reason: compliance.ReasonLength}
	}
	if raws == nil {
		*dst = nil
		return nil
	}
	out := make([]T, len(raws))
	var v compliance.Validation
	for i, r := range raws {
		v.Check("["+strconv.Itoa(i)+"]", decodeValue(r, &out[i]))
	}
	if !v.OK() {
		return v.Err("list")
	}
	*dst = out
	return nil
}

// decodeValue decodes one value, keeping tillid's field errors and
// replacing any other error by a bare format error.
func decodeValue(data []byte, ptr any) error {
	err := json.Unmarshal(data, ptr)
	if err == nil {
		return nil
	}
	var ve *compliance.ValidationError
	if errors.As(err, &ve) {
		return ve
	}
	var fe *compliance.FieldError
	if errors.As(err, &fe) {
		// A parser names the field by its own idea ("id", "date"); the
		// decoder knows the real path and places the error there.
		x := *fe
		x.Field = ""
		return &x
	}
	return &compliance.FieldError{Reason: compliance.ReasonFormat}
}

func formatError(entity string) error {
	var v compliance.Validation
	v.Add("", compliance.ReasonFormat)
	return v.Err(entity)
}

// list adapts a slice field to decodeList.
type list[T any] struct {
	p     *[]T
	limit int
}

func (l *list[T]) UnmarshalJSON(b []byte) error { return decodeList(b, l.p, l.limit) }

// UnmarshalJSON decodes b field by field; see the note on errors in this
// file. It does not validate: use [Decode] for that.
func (b *Breach) UnmarshalJSON(data []byte) error {
	var x Breach
	err := decodeObject(data, "breach", []field{
		{"id", &x.ID}, {"version", &x.Version}, {"reference", &x.Reference},
		{"classification", &x.Classification}, {"reporter", &x.Reporter}, {"processor", &x.Processor},
		{"registered", &x.Registered}, {"occurred", &x.Occurred}, {"occurredUntil", &x.OccurredUntil},
		{"discovered", &x.Discovered}, {"aware", &x.Aware}, {"contained", &x.Contained},
		{"nature", &x.Nature}, {"cause", &x.Cause}, {"malicious", &x.Malicious},
		{"data", &x.Data}, {"subjects", &x.Subjects},
		{"subjectCount", &x.SubjectCount}, {"recordCount", &x.RecordCount},
		{"encryption", &x.Encryption}, {"backup", &x.Backup}, {"restored", &x.Restored},
		{"impact", &x.Impact}, {"recipients", &x.Recipients},
		{"department", &x.Department}, {"activity", &x.Activity},
		{"factors", &x.Factors}, {"enisa", &x.ENISA},
		{"highRiskAverted", &x.HighRiskAverted}, {"disproportionateEffort", &x.DisproportionateEffort},
		{"authority", &list[AuthorityNotification]{&x.Authority, maxNotifications}},
		{"communications", &list[SubjectCommunication]{&x.Communications, maxCommunications}},
		{"text", &x.Text},
	})
	if err != nil {
		return err
	}
	*b = x
	return nil
}

// UnmarshalJSON decodes p field by field.
func (p *ProcessorReport) UnmarshalJSON(data []byte) error {
	var x ProcessorReport
	err := decodeObject(data, "processor", []field{
		{"id", &x.ID}, {"aware", &x.Aware}, {"notified", &x.Notified}, {"agreedHours", &x.AgreedHours},
	})
	if err == nil {
		*p = x
	}
	return err
}

// UnmarshalJSON decodes c field by field.
func (c *Count) UnmarshalJSON(data []byte) error {
	var x Count
	err := decodeObject(data, "count", []field{
		{"min", &x.Min}, {"max", &x.Max}, {"approximate", &x.Approximate},
	})
	if err == nil {
		*c = x
	}
	return err
}

// UnmarshalJSON decodes f field by field.
func (f *RiskFactors) UnmarshalJSON(data []byte) error {
	var x RiskFactors
	err := decodeObject(data, "factors", []field{
		{"protectedAddress", &x.ProtectedAddress}, {"credentials", &x.Credentials},
		{"paymentData", &x.PaymentData}, {"likelihood", &x.Likelihood}, {"gravity", &x.Gravity},
		{"irreversible", &x.Irreversible}, {"withheld", &x.Withheld},
	})
	if err == nil {
		*f = x
	}
	return err
}

// UnmarshalJSON decodes f field by field.
func (f *Factors) UnmarshalJSON(data []byte) error {
	var x Factors
	err := decodeObject(data, "enisa", []field{
		{"identifiability", &x.Identifiability}, {"adjustments", &list[Adjustment]{(*[]Adjustment)(&x.Adjustments), maxAdjustments}},
		{"confidentiality", &x.Confidentiality}, {"integrity", &x.Integrity}, {"availability", &x.Availability},
	})
	if err == nil {
		*f = x
	}
	return err
}

// UnmarshalJSON decodes a field by field.
func (a *Adjustment) UnmarshalJSON(data []byte) error {
	var x Adjustment
	err := decodeObject(data, "adjustment", []field{
		{"type", &x.Type}, {"factor", &x.Factor}, {"delta", (*delta)(&x.Delta)}, {"note", &x.Note},
	})
	if err == nil {
		*a = x
	}
	return err
}

// UnmarshalJSON decodes n field by field.
func (n *AuthorityNotification) UnmarshalJSON(data []byte) error {
	var x AuthorityNotification
	err := decodeObject(data, "notification", []field{
		{"phase", &x.Phase}, {"at", &x.At}, {"reference", &x.Reference},
		{"complete", &x.Complete}, {"nextBy", &x.NextBy},
	})
	if err == nil {
		*n = x
	}
	return err
}

// UnmarshalJSON decodes s field by field.
func (s *SubjectCommunication) UnmarshalJSON(data []byte) error {
	var x SubjectCommunication
	err := decodeObject(data, "communication", []field{
		{"at", &x.At}, {"channel", &x.Channel}, {"count", &x.Count},
	})
	if err == nil {
		*s = x
	}
	return err
}

// UnmarshalJSON decodes a field by field.
func (a *Account) UnmarshalJSON(data []byte) error {
	var x Account
	var fs []field
	for _, f := range x.fields() {
		fs = append(fs, field{f.name, f.text})
	}
	err := decodeObject(data, "text", fs)
	if err == nil {
		*a = x
	}
	return err
}

// delta decodes an adjustment's step, refusing a number of more than
// maxDeltaDigits characters before parsing it: decimal parsing is quadratic
// in the number of digits.
type delta decimal.Decimal

func (d *delta) UnmarshalJSON(b []byte) error {
	if len(b) > maxDeltaDigits+2 { // the digits, a sign or point, quotes
		return &compliance.FieldError{Reason: compliance.ReasonTooLong}
	}
	return (*decimal.Decimal)(d).UnmarshalJSON(b)
}

// Limits of the decoder.
const (
	// MaxDocument is the largest JSON document [Decode] reads: ten texts
	// of the longest allowed, with room for the rest.
	MaxDocument = 1 << 20
	// maxDeltaDigits bounds the characters of an adjustment's step.
	maxDeltaDigits    = 24
	maxNotifications  = 100
	maxCommunications = 1000
	maxAdjustments    = 32
)

// Decode reads a breach from its JSON form and validates it. Every error is
// a [*compliance.ValidationError] (matching [compliance.ErrInvalid]) that
// names the fields at fault by their JSON paths and never contains the
// input. A document larger than [MaxDocument] bytes is rejected unread; a
// list longer than its limit (100 notifications, 1,000 communications, 32
// adjustments) and a step of more than 24 characters are rejected before
// they are decoded; an unknown or repeated member is an error naming it.
func Decode(data []byte) (Breach, error) {
	if len(data) > MaxDocument {
		var v compliance.Validation
		v.Add("", compliance.ReasonTooLong)
		return Breach{}, v.Err("breach")
	}
	var b Breach
	if err := json.Unmarshal(data, &b); err != nil {
		var ve *compliance.ValidationError
		if errors.As(err, &ve) {
			return Breach{}, ve
		}
		return Breach{}, formatError("breach")
	}
	if err := b.Validate(); err != nil {
		return Breach{}, err
	}
	return b, nil
}

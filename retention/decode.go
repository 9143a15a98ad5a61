package retention

import (
	"github.com/tillid/tillid/internal/jsondec"
)

// MaxDecode is the largest JSON document [DecodeRule] and [DecodeRecord]
// accept, in bytes.
const MaxDecode = jsondec.Max

// DecodeRule reads a rule from its JSON form and validates it. Every problem
// is reported by JSON path in one [*compliance.ValidationError] for the
// entity "rule": member names are matched exactly, unknown and repeated
// members are rejected, documents over [MaxDecode] bytes are rejected, and
// no error contains input text (a Noark class code may be a fødselsnummer).
// Use it, not encoding/json, for rules from outside: encoding/json's errors
// quote the input.
func DecodeRule(data []byte) (Rule, error) {
	var r Rule
	if err := jsondec.Decode(data, &r, "rule"); err != nil {
		return Rule{}, err
	}
	if err := r.Validate(); err != nil {
		return Rule{}, err
	}
	return r, nil
}

// DecodeRecord reads a record from its JSON form and validates it, with
// the same guarantees as [DecodeRule] under the entity "record".
func DecodeRecord(data []byte) (Record, error) {
	var r Record
	if err := jsondec.Decode(data, &r, "record"); err != nil {
		return Record{}, err
	}
	if err := r.Validate(); err != nil {
		return Record{}, err
	}
	return r, nil
}

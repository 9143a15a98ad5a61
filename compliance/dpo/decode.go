package dpo

import "github.com/tillid/tillid/internal/jsondec"

// MaxDecode is the largest JSON document the decoders accept, in bytes.
const MaxDecode = jsondec.Max

// DecodeEntry reads a log entry from untrusted JSON and validates it.
// Member names match exactly; unknown and repeated members, trailing data
// and documents over [MaxDecode] bytes are errors naming the field; no
// error repeats the input.
func DecodeEntry(data []byte) (Entry, error) {
	var e Entry
	if err := jsondec.Decode(data, &e, "entry"); err != nil {
		return Entry{}, err
	}
	if err := e.Validate(); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// DecodeConditions reads an assessment of the DPO's position from untrusted
// JSON and validates it, like [DecodeEntry].
func DecodeConditions(data []byte) (Conditions, error) {
	var c Conditions
	if err := jsondec.Decode(data, &c, "conditions"); err != nil {
		return Conditions{}, err
	}
	if err := c.Validate(); err != nil {
		return Conditions{}, err
	}
	return c, nil
}

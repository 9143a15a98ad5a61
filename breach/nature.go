package breach

import (
	"encoding/json"
	"iter"

	"github.com/tillid/tillid/compliance"
)

// Nature is the set of dimensions a breach has — confidentiality, integrity,
// availability, or any combination (WP250 rev.01, section I.B.2; EDPB
// 01/2021 para 16: ransomware is usually a breach of availability and often
// also of confidentiality). It is a bit set; the zero value is the empty
// set. Its JSON form is an array of dimension codes.
type Nature uint8

// NatureOf returns the set holding ds; invalid dimensions are ignored.
func NatureOf(ds ...Dimension) Nature {
	var n Nature
	for _, d := range ds {
		n = n.With(d)
	}
	return n
}

// allNature is the set of every dimension.
const allNature = Nature(1<<Confidentiality | 1<<Integrity | 1<<Availability)

// With returns n plus d (n itself when d is invalid).
func (n Nature) With(d Dimension) Nature {
	if !d.Valid() {
		return n
	}
	return n | 1<<d
}

// Without returns n minus d.
func (n Nature) Without(d Dimension) Nature {
	if !d.Valid() {
		return n
	}
	return n &^ (1 << d)
}

// Has reports whether d is in n.
func (n Nature) Has(d Dimension) bool { return d.Valid() && n&(1<<d) != 0 }

// IsEmpty reports whether n holds no dimension.
func (n Nature) IsEmpty() bool { return n&allNature == 0 }

// Valid reports whether n holds only known dimensions.
func (n Nature) Valid() bool { return n&^allNature == 0 }

// All yields the dimensions of n in order.
func (n Nature) All() iter.Seq[Dimension] {
	return func(yield func(Dimension) bool) {
		for d := Confidentiality; d <= Availability; d++ {
			if n.Has(d) && !yield(d) {
				return
			}
		}
	}
}

// MarshalJSON writes n as a JSON array of dimension codes, in order.
func (n Nature) MarshalJSON() ([]byte, error) {
	codes := make([]string, 0, 3)
	for d := range n.All() {
		codes = append(codes, d.String())
	}
	return json.Marshal(codes)
}

// UnmarshalJSON reads a JSON array of dimension codes; an unknown code is an
// error naming the accepted set.
func (n *Nature) UnmarshalJSON(b []byte) error {
	var codes []string
	if err := json.Unmarshal(b, &codes); err != nil {
		return &compliance.FieldError{Reason: compliance.ReasonFormat}
	}
	var x Nature
	for _, c := range codes {
		d, err := ParseDimension(c)
		if err != nil {
			return err
		}
		x = x.With(d)
	}
	*n = x
	return nil
}

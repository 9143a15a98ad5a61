package enum

import (
	"encoding/json"
	"iter"
	"math/bits"
)

// Bits yields the values whose bits are set in s, in increasing order. The
// bit sets of tillid (compliance.DataCategories, processor.Operations, …)
// keep value v at bit v.
func Bits[T ~uint8](s uint64) iter.Seq[T] {
	return func(yield func(T) bool) {
		for x := s; x != 0; x &= x - 1 {
			if !yield(T(bits.TrailingZeros64(x))) {
				return
			}
		}
	}
}

// MarshalSet writes the codes of all as a JSON array, in order; an empty set
// is [].
func MarshalSet[T interface{ String() string }](all iter.Seq[T]) ([]byte, error) {
	codes := []string{}
	for v := range all {
		codes = append(codes, v.String())
	}
	return json.Marshal(codes)
}

// UnmarshalSet reads a JSON array of codes and calls add for each, stopping
// at add's first error. Input that is not an array of strings gives malformed
// (the caller's error, which must not repeat the input).
func UnmarshalSet(b []byte, malformed error, add func(code string) error) error {
	var codes []string
	if err := json.Unmarshal(b, &codes); err != nil {
		return malformed
	}
	for _, c := range codes {
		if err := add(c); err != nil {
			return err
		}
	}
	return nil
}

package server

import "github.com/tillid/tillid/processor"

// decode reads a JSON document strictly into T (unknown fields, trailing
// data and malformed values are errors naming the field, never quoting the
// input).
func decode[T any](b []byte, entity string) (T, error) {
	return processor.Decode[T](b, entity)
}

// decoder returns decode for T: strict JSON without validation, for parts
// of a record that the register validates when it stores the whole (the
// library's Parse functions validate complete records, IDs included).
func decoder[T any](entity string) func([]byte) (T, error) {
	return func(b []byte) (T, error) { return decode[T](b, entity) }
}

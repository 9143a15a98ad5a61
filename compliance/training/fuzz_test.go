package training_test

import (
	"strings"
	"testing"

	"github.com/tillid/tillid/compliance/training"
)

// FuzzDecode feeds the three decoders the same input: none may panic, and
// no error may repeat a planted identifier.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"title":"Intro","topic":"basics","audience":"all-staff","renewal":"P1Y"}`))
	f.Add([]byte(`{"course":"00000000-0000-7000-8000-000000000001","employee":"hr-1","completed":"2026-03-01"}`))
	f.Add([]byte(`{"id":"0707614285","unit":"social","groups":["a","a"],"access":"special"}`))
	f.Add([]byte(`{"Title":"x","title":"y","title":"z"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, err := range []error{
			func() error { _, err := training.DecodeCourse(data); return err }(),
			func() error { _, err := training.DecodeCompletion(data); return err }(),
			func() error { _, err := training.DecodeEmployee(data); return err }(),
		} {
			if err != nil && strings.Contains(err.Error(), "0707614285") {
				t.Fatalf("error repeats the input: %v", err)
			}
		}
	})
}

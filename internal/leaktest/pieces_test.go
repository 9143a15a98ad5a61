package leaktest

import (
	"testing"

	"github.com/tillid/tillid/compliance"
)

// TestRepeats: the accepted codes and field paths an error must name are
// not taken for an echo of the input; anything else in the message is.
func TestRepeats(t *testing.T) {
	unknown := &compliance.ValidationError{Entity: "activity", Fields: []compliance.FieldError{{
		Field: "processors[0].role", Reason: compliance.ReasonUnknown, Vocabulary: "member",
		Accepted: []string{"id", "onBehalfOf", "nationalId"},
	}}}
	for _, tc := range []struct {
		name  string
		err   error
		texts []string
		want  bool
	}{
		{"accepted list with its separator", unknown, []string{"onBehalfOf,"}, false},
		{"two accepted codes", unknown, []string{"onBehalfOf, nationalId"}, false},
		{"field path", unknown, []string{"processors[0].role"}, false},
		{"text that is not a name", unknown, []string{"compliance:"}, true},
		{"nothing to find", unknown, []string{"Kristian Hansen"}, false},
		{"a bare field error", compliance.UnknownCode("legal-basis", []string{"consent"}), []string{"consent)"}, false},
		{"nil error", nil, []string{"x"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, got := Repeats(tc.err, tc.texts)
			if got != tc.want {
				t.Fatalf("Repeats(%v, %q) = %q, %v; want %v", tc.err, tc.texts, s, got, tc.want)
			}
		})
	}
}

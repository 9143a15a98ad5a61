package compliance_test

import (
	"encoding"
	"encoding/json"
	"errors"
	"testing"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/internal/leaktest"
)

// textParsers lists every text unmarshaler of the vocabulary: each gets the
// same input in FuzzVocabulary.
func textParsers() map[string]func() encoding.TextUnmarshaler {
	return map[string]func() encoding.TextUnmarshaler{
		"jurisdiction":      func() encoding.TextUnmarshaler { return new(compliance.Jurisdiction) },
		"class":             func() encoding.TextUnmarshaler { return new(compliance.Class) },
		"data-category":     func() encoding.TextUnmarshaler { return new(compliance.DataCategory) },
		"subject-category":  func() encoding.TextUnmarshaler { return new(compliance.SubjectCategory) },
		"principle":         func() encoding.TextUnmarshaler { return new(compliance.Principle) },
		"legal-basis":       func() encoding.TextUnmarshaler { return new(compliance.LegalBasis) },
		"special-condition": func() encoding.TextUnmarshaler { return new(compliance.SpecialCondition) },
		"severity":          func() encoding.TextUnmarshaler { return new(compliance.Severity) },
		"reason":            func() encoding.TextUnmarshaler { return new(compliance.Reason) },
		"instrument":        func() encoding.TextUnmarshaler { return new(compliance.Instrument) },
		"arg-kind":          func() encoding.TextUnmarshaler { return new(compliance.ArgKind) },
		"block-kind":        func() encoding.TextUnmarshaler { return new(compliance.BlockKind) },
		"currency":          func() encoding.TextUnmarshaler { return new(compliance.Currency) },
		"holiday":           func() encoding.TextUnmarshaler { return new(compliance.Holiday) },
		"unit":              func() encoding.TextUnmarshaler { return new(compliance.Unit) },
		"hour-count":        func() encoding.TextUnmarshaler { return new(compliance.HourCount) },
		"sex":               func() encoding.TextUnmarshaler { return new(ident.Sex) },
		"fnr-kind":          func() encoding.TextUnmarshaler { return new(ident.FNRKind) },
		"id":                func() encoding.TextUnmarshaler { return new(compliance.ProcessorID) },
		"date":              func() encoding.TextUnmarshaler { return new(compliance.Date) },
		"country":           func() encoding.TextUnmarshaler { return new(compliance.Country) },
		"ref":               func() encoding.TextUnmarshaler { return new(compliance.Ref) },
		"period":            func() encoding.TextUnmarshaler { return new(compliance.Period) },
	}
}

// FuzzVocabulary feeds every text unmarshaler of the vocabulary, and the
// JSON decoders of Finding, Message and the category sets, the same input:
// none may panic; a failure must match ErrInvalid and must not repeat the
// input; a success must marshal back to text that unmarshals to the same
// value.
func FuzzVocabulary(f *testing.F) {
	for _, s := range []string{"dk", "health", "public-task", "gdpr art 6(1)(e)", "2024-02-29", "P1M", "PT72H",
		"0191f0a4-3b6c-7d2e-8f00-123456789abc", "EL", "", "Health", `{"code":"a.b","severity":"info","refs":["gdpr art 5(2)"]}`,
		`["health","contact"]`, `{"key":"compliance.text","args":[{"kind":"text","text":"x"}]}`} {
		f.Add(s)
	}
	parsers := textParsers()
	f.Fuzz(func(t *testing.T, s string) {
		for name, mk := range parsers {
			v := mk()
			err := v.UnmarshalText([]byte(s))
			if err != nil {
				if !errors.Is(err, compliance.ErrInvalid) {
					t.Fatalf("%s: error %v does not match ErrInvalid", name, err)
				}
				// Codes are lower-case letters and hyphens, and an error may
				// rightly name the accepted codes; any other input must never
				// appear in it.
				if len(s) >= 4 && !codeAlphabet(s) {
					if _, ok := leaktest.Repeats(err, []string{s}); ok {
						t.Fatalf("%s: error %q repeats the input", name, err)
					}
				}
				continue
			}
			m, ok := v.(encoding.TextMarshaler)
			if !ok {
				t.Fatalf("%s: no MarshalText", name)
			}
			b, err := m.MarshalText()
			if err != nil {
				t.Fatalf("%s: MarshalText after a successful UnmarshalText: %v", name, err)
			}
			w := mk()
			if err := w.UnmarshalText(b); err != nil {
				t.Fatalf("%s: %q does not unmarshal back: %v", name, b, err)
			}
			if b2, _ := w.(encoding.TextMarshaler).MarshalText(); string(b2) != string(b) {
				t.Fatalf("%s: %q round-trips to %q", name, b, b2)
			}
		}
		var fd compliance.Finding
		if json.Unmarshal([]byte(s), &fd) == nil {
			_ = fd.Validate() // must not panic
		}
		var msg compliance.Message
		if json.Unmarshal([]byte(s), &msg) == nil {
			_ = msg.Validate()
		}
		var cats compliance.DataCategories
		if json.Unmarshal([]byte(s), &cats) == nil {
			b, err := json.Marshal(cats)
			var back compliance.DataCategories
			if err != nil || json.Unmarshal(b, &back) != nil || back != cats {
				t.Fatalf("category set %v does not round-trip", cats)
			}
		}
		var subj compliance.SubjectCategories
		_ = json.Unmarshal([]byte(s), &subj)
	})
}

func codeAlphabet(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c == '-') {
			return false
		}
	}
	return true
}

package retention_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
)

// fnrClass is a synthetic fødselsnummer used as a Noark class code, as a
// personal folder may be classified (Noark 5 M086 «Fødselsnummer»).
const fnrClass = "01015012345"

// TestDecodeStrict (issue 14 item 5): retention had no strict decoder, so
// callers used encoding/json, whose errors quote the input. DecodeRule and
// DecodeRecord reject unknown and repeated members and oversized documents,
// report by JSON path and never repeat input.
func TestDecodeStrict(t *testing.T) {
	good, err := json.Marshal(bookkeeping(1))
	require.NoError(t, err)
	r, err := retention.DecodeRule(good)
	require.NoError(t, err)
	assert.Equal(t, "regnskab", r.Class)

	cases := []struct {
		name  string
		data  string
		rule  bool
		field string
	}{
		{"unknown member", `{"id":"x","jurisdiction":"no","class":"233","` + fnrClass + `":1}`, false, ""},
		{"repeated member", `{"id":"x","jurisdiction":"no","class":"233","class":"` + fnrClass + `"}`, false, "class"},
		{"wrong type", `{"id":"x","jurisdiction":"no","class":["` + fnrClass + `"]}`, false, "class"},
		{"bad scheme", `{"jurisdiction":"no","scheme":"` + fnrClass + `","class":"233"}`, true, "scheme"},
		{"bad date", `{"id":"x","jurisdiction":"no","class":"` + fnrClass + `","closed":"` + fnrClass + `"}`, false, "closed"},
		{"bad ref at its index", `{"jurisdiction":"dk","scheme":"custom","refs":["gdpr art 5(1)(e)","` + fnrClass + `"]}`, true, "refs[1]"},
		{"ref of the wrong type", `{"jurisdiction":"dk","scheme":"custom","refs":["gdpr art 5(1)(e)",1]}`, true, "refs[1]"},
		{"ref without its doc", `{"jurisdiction":"dk","scheme":"custom","refs":["dk-act"]}`, true, "refs[0].doc"},
		{"refs not a list", `{"jurisdiction":"dk","scheme":"custom","refs":"` + fnrClass + `"}`, true, "refs"},
		{"trailing data", `{"id":"x","jurisdiction":"no"} "` + fnrClass + `"`, false, ""},
		{"over 1 MiB", `{"id":"x","class":"` + strings.Repeat(fnrClass, retention.MaxDecode/len(fnrClass)+1) + `"}`, false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			if c.rule {
				_, err = retention.DecodeRule([]byte(c.data))
			} else {
				_, err = retention.DecodeRecord([]byte(c.data))
			}
			var ve *compliance.ValidationError
			require.True(t, errors.As(err, &ve), "%v", err)
			assert.True(t, ve.Has(c.field), "fields %v, want %q", ve.Fields, c.field)
			assert.NotContains(t, err.Error(), fnrClass)
			assert.NotContains(t, err.Error(), "012345")
		})
	}
}

// TestLogClass (issue 14 item 5): Noark class codes, often a fødselsnummer
// for personal folders, were logged verbatim by the LogValues of rules and
// records and by the Plan's debug records.
func TestLogClass(t *testing.T) {
	assert.Equal(t, "25.02.00", retention.LogClass(retention.KLE, "25.02.00"))
	assert.Equal(t, "233", retention.LogClass(retention.Noark, "233"))
	assert.Equal(t, "FE-233/A", retention.LogClass(retention.Noark, "FE-233/A"))
	for _, c := range []string{fnrClass, "010150 12345", "010150", "x" + fnrClass} {
		assert.Equal(t, retention.ClassRedacted, retention.LogClass(retention.Noark, c), c)
		assert.Equal(t, retention.ClassRedacted, retention.LogClass(retention.Custom, c), c)
	}
	var logs logBuffer
	rule := retention.Rule{Jurisdiction: compliance.NO, Scheme: retention.Noark, Class: fnrClass, Kassasjonsvedtak: retention.Kasseres, Bevaringstid: 5}
	rec := retention.Record{ID: "R1", Jurisdiction: compliance.NO, Class: fnrClass}
	logs.logger().Info("x", "rule", rule, "record", rec)
	assert.NotContains(t, logs.String(), "12345")
	assert.Contains(t, logs.String(), retention.ClassRedacted)
}

// FuzzDecodeRule: DecodeRule never panics and its errors match ErrInvalid
// and never repeat a run of the input that holds a digit (member names and
// vocabulary codes, which errors name, have none long enough).
func FuzzDecodeRule(f *testing.F) {
	for _, r := range testRules() {
		b, _ := json.Marshal(r)
		f.Add(b)
	}
	f.Add([]byte(`{"jurisdiction":"no","scheme":"noark","class":"01015012345","class":"x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := retention.DecodeRule(b)
		if err != nil {
			if !errors.Is(err, compliance.ErrInvalid) {
				t.Fatalf("error %v does not match ErrInvalid", err)
			}
			for _, run := range strings.FieldsFunc(string(b), func(r rune) bool { return r == '"' || r == ':' || r == ',' || r == '{' || r == '}' }) {
				if len(run) > 12 && strings.ContainsAny(run, "0123456789") && strings.Contains(err.Error(), run) {
					t.Fatalf("error %q repeats input %q", err, run)
				}
			}
			return
		}
		if err := r.Validate(); err != nil {
			t.Fatalf("decoded rule invalid: %v", err)
		}
	})
}

// FuzzDecodeRecord: as FuzzDecodeRule, for records.
func FuzzDecodeRecord(f *testing.F) {
	for _, r := range archive(20) {
		b, _ := json.Marshal(r)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := retention.DecodeRecord(b)
		if err != nil {
			if !errors.Is(err, compliance.ErrInvalid) {
				t.Fatalf("error %v does not match ErrInvalid", err)
			}
			for _, run := range strings.FieldsFunc(string(b), func(r rune) bool { return r == '"' || r == ':' || r == ',' || r == '{' || r == '}' }) {
				if len(run) > 12 && strings.ContainsAny(run, "0123456789") && strings.Contains(err.Error(), run) {
					t.Fatalf("error %q repeats input %q", err, run)
				}
			}
			return
		}
		if err := r.Validate(); err != nil {
			t.Fatalf("decoded record invalid: %v", err)
		}
	})
}

package dpia_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
)

// maxDocument is dpia's bound on a decoder's input (4 MiB).
const maxDocument = 4 << 20

// validationFields returns the field paths and reasons of a decoder's error.
func validationFields(t *testing.T, err error) map[string]compliance.Reason {
	t.Helper()
	require.ErrorIs(t, err, compliance.ErrInvalid)
	out := map[string]compliance.Reason{}
	var ve *compliance.ValidationError
	var fe *compliance.FieldError
	switch {
	case errors.As(err, &ve):
		for _, f := range ve.Fields {
			out[f.Field] = f.Reason
		}
	case errors.As(err, &fe):
		out[fe.Field] = fe.Reason
	default:
		t.Fatalf("error %T", err)
	}
	return out
}

// TestDecodeBounds (issue 14 item 2): a 4 MB policy whose large-scale
// share is one long number used to take 28 s and 33 GB to parse; 80,000
// custom item codes (0.7 MB) made Input.Validate compare every pair. The
// share's digits are counted before parsing (at most
// compliance.MaxDecimalDigits), and a list over its bound of 200 is
// reported once, without checking its items. No error echoes the input.
func TestDecodeBounds(t *testing.T) {
	long := func(prefix, suffix string) []byte {
		n := maxDocument - len(prefix) - len(suffix) - 3
		return []byte(prefix + "0." + strings.Repeat("0", n) + "1" + suffix)
	}
	cases := []struct {
		name  string
		data  []byte
		input bool
		field string
		want  compliance.Reason
	}{
		{"4 MB share", long(`{"largeScale":{"share":`, `}}`), false, "largeScale.share", compliance.ReasonTooLong},
		{"4 MB quoted share", long(`{"largeScale":{"share":"`, `"}}`), false, "largeScale.share", compliance.ReasonTooLong},
		{"35 digits", []byte(`{"largeScale":{"share":0.` + strings.Repeat("1", 34) + `}}`), false, "largeScale.share", compliance.ReasonTooLong},
		{"exponent of four digits", []byte(`{"largeScale":{"share":1e-1000}}`), false, "largeScale.share", compliance.ReasonTooLong},
		{"unknown member in thresholds", []byte(`{"largeScale":{"shares":0.5}}`), false, "largeScale", compliance.ReasonFormat},
		{"over 4 MiB", []byte(`{"title":"` + strings.Repeat("x", maxDocument) + `"}`), true, "screening input", compliance.ReasonTooLong},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			if c.input {
				_, err = dpia.DecodeInput(c.data)
			} else {
				_, err = dpia.DecodePolicy(c.data)
			}
			require.Error(t, err)
			assert.Equal(t, map[string]compliance.Reason{c.field: c.want}, validationFields(t, err))
			assert.Less(t, len(err.Error()), 200, "the error repeats no input")
		})
	}
	p, err := dpia.DecodePolicy([]byte(`{"largeScale":{"share":"0.05","subjects":5000}}`))
	require.NoError(t, err)
	assert.Equal(t, "0.05", p.LargeScale.Share.String(), "a share as shopspring/decimal writes it")
	p, err = dpia.DecodePolicy([]byte(`{"largeScale":{"share":5e-2}}`))
	require.NoError(t, err)
	assert.Equal(t, "0.05", p.LargeScale.Share.String(), "a share as a JSON number")
}

// TestCustomListBound (issue 14 item 2): 80,000 custom codes give one
// "custom: length" error; the codes are not each checked (which used to
// compare every pair, 16 s), and the error does not list 80,000 fields.
func TestCustomListBound(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"jurisdiction":"dk","title":"Skoleanalyse","custom":[`)
	for i := range 80_000 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"c`)
		b.WriteString(strings.Repeat("x", i%5))
		b.WriteString(`"`)
	}
	b.WriteString(`]}`)
	_, err := dpia.DecodeInput([]byte(b.String()))
	assert.Equal(t, map[string]compliance.Reason{"custom": compliance.ReasonLength}, validationFields(t, err))

	// Within the bound, duplicates are still found.
	in := schoolInput()
	in.Custom = []string{"a", "b", "a", "c", "b"}
	err = in.Validate()
	assert.Equal(t, map[string]compliance.Reason{"custom[2]": compliance.ReasonDuplicate, "custom[4]": compliance.ReasonDuplicate}, validationFields(t, err))
}

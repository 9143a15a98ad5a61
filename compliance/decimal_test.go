package compliance_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
)

// TestDecodeDecimal (issue 14 item 2): digits are counted before a number
// is parsed, because parsing a long number costs more than its length.
func TestDecodeDecimal(t *testing.T) {
	cases := []struct {
		in   string
		want string
		err  compliance.Reason
	}{
		{`0.25`, "0.25", 0},
		{`"0.25"`, "0.25", 0},
		{`-12.5`, "-12.5", 0},
		{`2.5e-1`, "0.25", 0},
		{`2.5E+2`, "250", 0},
		{`null`, "0", 0},
		{`"` + strings.Repeat("9", 34) + `"`, strings.Repeat("9", 34), 0},
		{strings.Repeat("9", 35), "", compliance.ReasonTooLong},
		{"0." + strings.Repeat("0", 1<<20) + "1", "", compliance.ReasonTooLong},
		{`1e1000`, "", compliance.ReasonTooLong},
		{`1e999`, "1e999", 0},
		{`""`, "", compliance.ReasonFormat},
		{`"0x10"`, "", compliance.ReasonFormat},
		{`".5"`, "", compliance.ReasonFormat},
		{`"5."`, "", compliance.ReasonFormat},
		{`"1e"`, "", compliance.ReasonFormat},
		{`"NaN"`, "", compliance.ReasonFormat},
		{`"1 000"`, "", compliance.ReasonFormat},
		{`true`, "", compliance.ReasonFormat},
	}
	for _, c := range cases {
		name := c.in
		if len(name) > 40 {
			name = name[:40] + "…"
		}
		d, err := compliance.DecodeDecimal([]byte(c.in), compliance.MaxDecimalDigits)
		if c.err == 0 {
			if assert.NoError(t, err, name) && c.want != "1e999" {
				assert.Equal(t, c.want, d.String(), name)
			}
			continue
		}
		var fe *compliance.FieldError
		if assert.True(t, errors.As(err, &fe), "%s: %v", name, err) {
			assert.Equal(t, c.err, fe.Reason, name)
			assert.Less(t, len(err.Error()), 100, name)
		}
	}
}

// FuzzDecodeDecimal: DecodeDecimal never panics, and what it accepts
// agrees with shopspring/decimal.
func FuzzDecodeDecimal(f *testing.F) {
	for _, s := range []string{`0.25`, `"0.25"`, `-1e-5`, `null`, `"1.2.3"`, `99999999999999999999999999999999999`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := compliance.DecodeDecimal(b, 10)
		if err != nil {
			if !errors.Is(err, compliance.ErrInvalid) {
				t.Fatalf("error %v does not match ErrInvalid", err)
			}
			return
		}
		if len(d.Coefficient().String()) > 11 {
			t.Fatalf("%d digits accepted", len(d.Coefficient().String()))
		}
	})
}

// TestStoredDecimalsBounded (issue 14 item 2): a stored finding or amount
// read back with encoding/json counts the digits of its decimal before
// parsing it, and rejects unknown members.
func TestStoredDecimalsBounded(t *testing.T) {
	long := "0." + strings.Repeat("0", 1<<20) + "1"
	var f compliance.Finding
	err := json.Unmarshal([]byte(`{"code":"x.y","severity":"info","refs":[],"args":[{"kind":"decimal","decimal":`+long+`}]}`), &f)
	var fe *compliance.FieldError
	if assert.True(t, errors.As(err, &fe), "%v", err) {
		assert.Equal(t, compliance.ReasonTooLong, fe.Reason)
		assert.Equal(t, "decimal", fe.Field)
	}
	var a compliance.Amount
	err = json.Unmarshal([]byte(`{"value":"`+long+`","currency":"dkk"}`), &a)
	if assert.True(t, errors.As(err, &fe), "%v", err) {
		assert.Equal(t, compliance.ReasonTooLong, fe.Reason)
	}
	assert.Error(t, json.Unmarshal([]byte(`{"value":"1","currency":"dkk","note":"x"}`), &a), "unknown member")

	// What the library writes reads back.
	in := compliance.Finding{Code: "x.y", Severity: compliance.Info, Refs: compliance.RefsOf(compliance.GDPR(5, 1, "e")),
		Args: []compliance.Arg{compliance.DecimalArg(decimal.RequireFromString("0.25")), compliance.Int(3), compliance.Text("t")}}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	var back compliance.Finding
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, in.Args[0].Decimal.Equal(back.Args[0].Decimal))
	assert.Equal(t, in.Args[1], back.Args[1])
	amt := compliance.Amount{Value: decimal.RequireFromString("1250.50"), Currency: compliance.DKK}
	b, err = json.Marshal(amt)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &a))
	assert.True(t, amt.Equal(a))
}

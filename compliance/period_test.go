package compliance_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
)

func TestUnitCodes(t *testing.T) {
	t.Parallel()
	// The codes are API: hosts store them. Pin them.
	var got []string
	for u := range compliance.AllUnits() {
		got = append(got, u.String())
		p, err := compliance.ParseUnit(u.String())
		require.NoError(t, err)
		assert.Equal(t, u, p)
		assert.Equal(t, "compliance.unit."+u.String(), u.Key())
	}
	assert.Equal(t, []string{"hours", "days", "weeks", "months", "years", "working-days"}, got)
	_, err := compliance.ParseUnit("month")
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

func TestPeriodConstructors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		p    compliance.Period
		want string
	}{
		{"Art 33(1) GDPR: 72 hours", compliance.Hours(72), "PT72H"},
		{"3 days", compliance.Days(3), "P3D"},
		{"2 weeks", compliance.Weeks(2), "P2W"},
		{"Art 12(3) GDPR: one month", compliance.Months(1), "P1M"},
		{"Art 12(3) GDPR: three months in all", compliance.Months(3), "P3M"},
		{"5 years", compliance.Years(5), "P5Y"},
		{"10 working days (extension WD)", compliance.WorkingDays(10), "P10WD"},
		{"largest", compliance.Days(compliance.MaxPeriod), "P10000D"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.p.String(), tt.name)
		assert.NoError(t, tt.p.Validate(), tt.name)
		got, err := compliance.ParsePeriod(tt.want)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.p, got, tt.name)
	}
	assert.Equal(t, compliance.Period{N: 72, Unit: compliance.UnitHours}, compliance.Hours(72))
}

func TestParsePeriodRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in     string
		reason compliance.Reason
	}{
		{"", compliance.ReasonFormat},
		{"P", compliance.ReasonFormat},
		{"PT", compliance.ReasonFormat},
		{"P1", compliance.ReasonFormat},
		{"1M", compliance.ReasonFormat},
		{"p1m", compliance.ReasonFormat},
		{"P1m", compliance.ReasonFormat},
		{"P1Y2M", compliance.ReasonFormat},       // combined durations
		{"P1DT2H", compliance.ReasonFormat},      // combined durations
		{"P1.5D", compliance.ReasonFormat},       // fractions
		{"P1,5D", compliance.ReasonFormat},       // fractions
		{"-P1D", compliance.ReasonFormat},        // negative
		{"P-1D", compliance.ReasonFormat},        // negative
		{"P+1D", compliance.ReasonFormat},        // sign
		{"P01D", compliance.ReasonFormat},        // leading zero: one spelling only
		{"P00D", compliance.ReasonFormat},        // leading zero
		{"P72H", compliance.ReasonFormat},        // hours belong after T
		{"PT1D", compliance.ReasonFormat},        // days do not
		{"PT1M", compliance.ReasonFormat},        // minutes
		{"PT30S", compliance.ReasonFormat},       // seconds
		{"P1WD ", compliance.ReasonFormat},       // trailing space
		{" P1D", compliance.ReasonFormat},        // leading space
		{"P1DW", compliance.ReasonFormat},        // not the WD designator
		{"P1X", compliance.ReasonFormat},         // unknown designator
		{"P2019-01-01", compliance.ReasonFormat}, // ISO 8601 alternative form
		{"P0D", compliance.ReasonRange},
		{"PT0H", compliance.ReasonRange},
		{"P10001D", compliance.ReasonRange},
		{"P99999999999999999999999Y", compliance.ReasonRange},
	}
	for _, tt := range tests {
		p, err := compliance.ParsePeriod(tt.in)
		assert.True(t, p.IsZero(), tt.in)
		assert.ErrorIs(t, err, compliance.ErrInvalid, tt.in)
		var fe *compliance.FieldError
		if assert.ErrorAs(t, err, &fe, tt.in) {
			assert.Equal(t, "period", fe.Field, tt.in)
			assert.Equal(t, tt.reason, fe.Reason, "%q", tt.in)
		}
	}
}

func TestPeriodValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		p      compliance.Period
		field  string // relative to the period
		reason compliance.Reason
	}{
		{"zero", compliance.Period{}, "", compliance.ReasonRequired},
		{"no unit", compliance.Period{N: 3}, "unit", compliance.ReasonUnknown},
		{"unknown unit", compliance.Period{N: 3, Unit: 7}, "unit", compliance.ReasonUnknown},
		{"zero units", compliance.Months(0), "n", compliance.ReasonRange},
		{"negative", compliance.Months(-1), "n", compliance.ReasonRange},
		{"absurd", compliance.Hours(compliance.MaxPeriod + 1), "n", compliance.ReasonRange},
	}
	for _, tt := range tests {
		err := tt.p.Validate()
		var fe *compliance.FieldError
		if assert.ErrorAs(t, err, &fe, tt.name) {
			assert.Equal(t, tt.field, fe.Field, tt.name)
			assert.Equal(t, tt.reason, fe.Reason, tt.name)
		}
		_, err = tt.p.MarshalText()
		if tt.p.IsZero() {
			assert.NoError(t, err, "the zero Period marshals as empty text")
		} else {
			assert.ErrorIs(t, err, compliance.ErrInvalid, tt.name)
		}
	}
	var fe *compliance.FieldError
	require.ErrorAs(t, compliance.Period{N: 1, Unit: 9}.Validate(), &fe)
	assert.Equal(t, "unit", fe.Vocabulary)
	assert.Contains(t, fe.Accepted, "working-days")
}

func TestPeriodJSON(t *testing.T) {
	t.Parallel()
	type rule struct {
		Response compliance.Period `json:"response"`
		Notify   compliance.Period `json:"notify"`
		Unset    compliance.Period `json:"unset"`
	}
	in := rule{Response: compliance.Months(1), Notify: compliance.Hours(72)}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"response":"P1M","notify":"PT72H","unset":""}`, string(b))
	var out rule
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in, out)

	err = json.Unmarshal([]byte(`{"response":"P1Y2M"}`), &out)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"PT72H", "P1M", "P3D", "P2W", "P5Y", "P10WD", "P10000D", "P1Y2M", "P1.5D", "-P1D", "P0D", "P01D", "PTWD", "P"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := compliance.ParsePeriod(s)
		if err != nil {
			if !p.IsZero() {
				t.Fatalf("ParsePeriod(%q) = %v with error %v", s, p, err)
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("ParsePeriod(%q) = %v, which does not validate: %v", s, p, err)
		}
		if p.String() != s {
			t.Fatalf("ParsePeriod(%q).String() = %q", s, p.String())
		}
		back, err := compliance.ParsePeriod(p.String())
		if err != nil || back != p {
			t.Fatalf("ParsePeriod(%q) = %v, %v; want %v", p.String(), back, err, p)
		}
		var u compliance.Period
		b, err := p.MarshalText()
		if err != nil || u.UnmarshalText(b) != nil || u != p {
			t.Fatalf("text round trip of %v: %q, %v, %v", p, b, err, u)
		}
	})
}

// FuzzParseDate fuzzes [compliance.ParseDate] (date.go): it must not panic,
// and what it accepts is a valid Date that prints back as the input.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-03-17", "2024-02-29", "2025-02-29", "0000-01-01", "9999-12-31", "2025-13-01", "2025-1-01", "+025-01-01", "2025-03-1x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := compliance.ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) = %v with error %v", s, d, err)
			}
			return
		}
		if !d.Valid() {
			t.Fatalf("ParseDate(%q) = %#v, which is not Valid", s, d)
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		back, err := compliance.ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %v, %v; want %v", d.String(), back, err, d)
		}
	})
}

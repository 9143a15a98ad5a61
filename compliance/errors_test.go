package compliance_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
)

func errorsIsInvalid(err error) bool { return errors.Is(err, compliance.ErrInvalid) }

func TestValidationNamesEveryField(t *testing.T) {
	var v compliance.Validation
	assert.True(t, v.OK())
	assert.NoError(t, v.Err("activity"))
	v.Require("name", false)
	v.Require("purposes", true)
	v.Check("purposes[0].basis", compliance.UnknownCode("legal-basis", []string{"consent"}))
	v.Check("refs[1]", compliance.Ref{Instrument: compliance.DKAct}.Validate())
	v.Check("controller", errors.New("pq: value 0101505006 violates constraint"))
	v.Check("ok", nil)
	err := v.Err("activity")
	require.Error(t, err)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	var ve *compliance.ValidationError
	require.ErrorAs(t, err, &ve)
	var fields []string
	for _, f := range ve.Fields {
		fields = append(fields, f.Field)
	}
	assert.Equal(t, []string{"name", "purposes[0].basis", "refs[1].doc", "controller"}, fields)
	assert.True(t, ve.Has("refs[1].doc"))
	assert.False(t, ve.Has("ok"))
	assert.Equal(t, "compliance: invalid activity: name: required; purposes[0].basis: unknown legal-basis (accepted: consent); refs[1].doc: required; controller: format", err.Error())
	assert.NotContains(t, err.Error(), "0101505006", "foreign error text is not copied into validation errors")

	idErr := &compliance.FieldError{Field: "id", Reason: compliance.ReasonFormat}
	assert.Equal(t, "processor.id", idErr.In("processor.id").Field, "a parser's own name is not repeated")
	assert.Equal(t, "id", idErr.In("id").Field)
	assert.Equal(t, "owner.id", idErr.In("owner").Field)
	fe := &compliance.FieldError{Field: "[2]", Reason: compliance.ReasonRange}
	assert.Equal(t, "items[2]", fe.In("items").Field)
	assert.Equal(t, "[2]", fe.Field, "In returns a copy")
	assert.Equal(t, "compliance: x: range", (&compliance.FieldError{Field: "x", Reason: compliance.ReasonRange}).Error())
}

func TestOptions(t *testing.T) {
	var o *compliance.Options
	assert.False(t, o.Clock().IsZero())
	u, err := o.UUID()
	require.NoError(t, err)
	assert.Equal(t, 7, int(u.Version()))
	assert.NotNil(t, o.Log())

	seq := compliance.Sequence()
	o = &compliance.Options{NewID: seq}
	a, err := compliance.NewID[struct{}](o)
	require.NoError(t, err)
	b, err := compliance.NewID[struct{}](o)
	require.NoError(t, err)
	assert.Equal(t, "00000000-0000-7000-8000-000000000001", a.String())
	assert.Equal(t, "00000000-0000-7000-8000-000000000002", b.String())
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 0, a.Compare(a))
}

func TestID(t *testing.T) {
	const s = "0191f0a4-3b6c-7d2e-8f00-123456789abc"
	id, err := compliance.ParseID[struct{}](s)
	require.NoError(t, err)
	assert.Equal(t, s, id.String())
	for _, bad := range []string{"", "{" + s + "}", "urn:uuid:" + s, "0191F0A4-3B6C-7D2E-8F00-123456789ABC", "0191f0a43b6c7d2e8f00123456789abc", "zzzzzzzz-3b6c-7d2e-8f00-123456789abc"} {
		_, err := compliance.ParseID[struct{}](bad)
		assert.ErrorIs(t, err, compliance.ErrInvalid, "ParseID(%q)", bad)
	}
	c, err := compliance.ParseControllerID(s)
	require.NoError(t, err)
	assert.Equal(t, s, c.String())
	_, err = compliance.ParseControllerID("0191F0A4-3B6C-7D2E-8F00-123456789ABC")
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	var p compliance.ProcessorID
	assert.True(t, p.IsZero())
	b, err := p.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b, "an unset ID marshals as empty text")
	require.NoError(t, p.UnmarshalText([]byte(s)))
	assert.False(t, p.IsZero())
	require.NoError(t, p.UnmarshalText(nil))
	assert.True(t, p.IsZero())
}

func TestFindingValidate(t *testing.T) {
	ok := compliance.Finding{Code: "breach.notify-authority", Severity: compliance.Warning,
		Refs: compliance.RefsOf(compliance.GDPR(33, 1, "")), Args: []compliance.Arg{compliance.Int(3), compliance.Name(compliance.Health)}}
	assert.NoError(t, ok.Validate())
	bad := compliance.Finding{Code: "Breach", Args: []compliance.Arg{{Kind: compliance.ArgName}}}
	err := bad.Validate()
	var ve *compliance.ValidationError
	require.ErrorAs(t, err, &ve)
	for _, f := range []string{"code", "severity", "refs", "args[0].keys"} {
		assert.True(t, ve.Has(f), "missing %s in %v", f, err)
	}
	assert.Equal(t, compliance.Violation, compliance.Worst([]compliance.Finding{{Severity: compliance.Info}, {Severity: compliance.Violation}, {Severity: compliance.Warning}}))
	assert.Equal(t, compliance.Severity(0), compliance.Worst(nil))
	for _, c := range []compliance.Code{"a", "a.", ".a", "a..b", "A.b", "a.-b", "a.b-", "a b.c"} {
		assert.False(t, c.Valid(), "%q", c)
	}
	assert.True(t, compliance.Code("processor.no-agreement").Valid())
}

func TestAmount(t *testing.T) {
	a := compliance.Amount{Value: mustDec("50000"), Currency: compliance.DKK}
	b := compliance.Amount{Value: mustDec("50000.00"), Currency: compliance.DKK}
	assert.True(t, a.Equal(b), "equal sums with different exponents")
	sum, err := a.Add(b)
	require.NoError(t, err)
	assert.True(t, sum.Equal(compliance.Amount{Value: mustDec("100000"), Currency: compliance.DKK}))
	_, err = a.Add(compliance.Amount{Value: mustDec("1"), Currency: compliance.NOK})
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

// TestValidationBounded (issue 14 item 5): a 1 MB activity yielded a 10 MB
// error, one line per bad item. A Validation lists at most MaxFieldErrors
// problems and counts the rest, through nested validations too.
func TestValidationBounded(t *testing.T) {
	var inner compliance.Validation
	for i := range 10_000 {
		inner.Add("items["+strconv.Itoa(i)+"]", compliance.ReasonFormat)
	}
	var v compliance.Validation
	v.Add("name", compliance.ReasonRequired)
	v.Check("list", inner.Err("list"))
	err := v.Err("activity")
	var ve *compliance.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Len(t, ve.Fields, compliance.MaxFieldErrors)
	assert.Equal(t, 10_001-compliance.MaxFieldErrors, ve.Omitted)
	assert.Less(t, len(err.Error()), 4096)
	assert.True(t, strings.HasSuffix(err.Error(), "; and 9951 more"), err.Error()[len(err.Error())-40:])
}

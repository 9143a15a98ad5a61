package ident_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
)

func TestParseOrgNr(t *testing.T) {
	t.Parallel()
	// processor-transfers.md §5.2: Brønnøysundregistrene (S-111, S-112) and
	// python-stdnum stdnum.no.orgnr and stdnum.no.mva (S-108).
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"stdnum 988077917", "988077917", "988077917"},
		{"stdnum doctest 988 077 917", "988 077 917", "988077917"},
		{"stdnum mva doctest NO 995 525 828 MVA", "NO 995 525 828 MVA", "995525828"},
		{"stdnum mva: lower case", "no995525828mva", "995525828"},
		{"MVA suffix only", "988077917MVA", "988077917"},
		{"[D] first digit 8", "812345680", "812345680"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o, err := ident.ParseOrgNr(tt.in)
			require.NoError(t, err)
			assert.False(t, o.IsZero())
			assert.Equal(t, tt.want, o.String())
			assert.Equal(t, tt.want, fmt.Sprint(o), "an orgnr is public: fmt shows it")
			b, err := o.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(b))
			var u ident.OrgNr
			require.NoError(t, u.UnmarshalText(b))
			assert.Equal(t, o, u)
		})
	}
}

func TestParseOrgNrRejects(t *testing.T) {
	t.Parallel()
	type test struct {
		name   string
		in     string
		reason compliance.Reason
	}
	tests := []test{
		{"brreg worked example 123456785 checksum-valid but not 8/9", "123456785", compliance.ReasonUnallocated},
		{"[D] 712345683 checksum-valid but not 8/9", "712345683", compliance.ReasonUnallocated},
		{"stdnum doctest 988 077 918 fails the check", "988 077 918", compliance.ReasonChecksum},
		{"stdnum mva doctest NO 995 525 829 MVA fails the check", "NO 995 525 829 MVA", compliance.ReasonChecksum},
		{"eight digits", "98807791", compliance.ReasonLength},
		{"ten digits", "9880779170", compliance.ReasonLength},
		{"empty", "", compliance.ReasonLength},
		{"letter", "98807791O", compliance.ReasonFormat},
		{"stdnum orgnr: only spaces are separators", "988-077-917", compliance.ReasonFormat},
		{"DK prefix belongs to CVR", "DK988077917", compliance.ReasonFormat},
		{"too long to be an orgnr", "988077917988077917988077917", compliance.ReasonLength},
	}
	for d := range 10 {
		tests = append(tests, test{fmt.Sprintf("§5.2 prefix 80000005 has no check digit (%d)", d), fmt.Sprintf("80000005%d", d), compliance.ReasonChecksum})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o, err := ident.ParseOrgNr(tt.in)
			assert.True(t, o.IsZero())
			idAssertFieldError(t, err, "orgnr", tt.reason)
		})
	}
}

func TestOrgNrZeroAndJSON(t *testing.T) {
	t.Parallel()
	var o ident.OrgNr
	assert.True(t, o.IsZero())
	assert.Equal(t, "", o.String())
	type entity struct {
		OrgNr ident.OrgNr `json:"orgnr"`
	}
	js, err := json.Marshal(entity{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"orgnr":""}`, string(js))
	var e entity
	require.NoError(t, json.Unmarshal([]byte(`{"orgnr":"NO 988 077 917 MVA"}`), &e))
	assert.Equal(t, "988077917", e.OrgNr.String())
	js, err = json.Marshal(e)
	require.NoError(t, err)
	assert.JSONEq(t, `{"orgnr":"988077917"}`, string(js))
	err = json.Unmarshal([]byte(`{"orgnr":"123456785"}`), &e)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

func BenchmarkParseOrgNr(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ident.ParseOrgNr("988 077 917"); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParseOrgNr(f *testing.F) {
	for _, s := range []string{
		"988077917", "988 077 917", "NO 995 525 828 MVA", "123456785", "988077918",
		"800000051", "", "MVA", "no995525828mva",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o, err := ident.ParseOrgNr(s)
		if err != nil {
			require.ErrorIs(t, err, compliance.ErrInvalid)
			idAssertNoLeak(t, err.Error(), s, 4, "error")
			require.True(t, o.IsZero())
			return
		}
		require.False(t, o.IsZero())
		require.Len(t, o.String(), 9)
		require.Contains(t, "89", o.String()[:1])
		b, err := o.MarshalText()
		require.NoError(t, err)
		var u ident.OrgNr
		require.NoError(t, u.UnmarshalText(b))
		require.Equal(t, o, u)
	})
}

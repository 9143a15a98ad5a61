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

func TestParseCVR(t *testing.T) {
	t.Parallel()
	// processor-transfers.md §5.1: Erhvervsstyrelsen "Modulus 11 kontrol"
	// (S-106) and python-stdnum stdnum.dk.cvr (S-108).
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"Erhvervsstyrelsen worked example 13748136", "13748136", "13748136"},
		{"stdnum doctest DK 13585628", "DK 13585628", "13585628"},
		{"stdnum: lower-case prefix", "dk13585628", "13585628"},
		{"stdnum: separators anywhere", "DK-13.74/81:36", "13748136"},
		{"stdnum: spaces in groups", " 13 74 81 36 ", "13748136"},
		{"stdnum: comma separator", "1374,8136", "13748136"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := ident.ParseCVR(tt.in)
			require.NoError(t, err)
			assert.False(t, c.IsZero())
			assert.Equal(t, tt.want, c.String())
			assert.Equal(t, tt.want, fmt.Sprint(c), "a CVR is public: fmt shows it")
			b, err := c.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(b))
			var u ident.CVR
			require.NoError(t, u.UnmarshalText(b))
			assert.Equal(t, c, u)
		})
	}
}

func TestParseCVRRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     string
		reason compliance.Reason
	}{
		{"§5.1 13748137 fails the check", "13748137", compliance.ReasonChecksum},
		{"stdnum doctest DK 13585627 fails the check", "DK 13585627", compliance.ReasonChecksum},
		{"stdnum: a leading 0 is invalid ([D] 01000004 passes the check)", "01000004", compliance.ReasonFormat},
		{"seven digits", "1374813", compliance.ReasonLength},
		{"nine digits", "137481360", compliance.ReasonLength},
		{"empty", "", compliance.ReasonLength},
		{"prefix only", "DK", compliance.ReasonLength},
		{"letter", "1374813O", compliance.ReasonFormat},
		{"other country prefix", "SE13748136", compliance.ReasonFormat},
		{"prefix twice", "DKDK13748136", compliance.ReasonFormat},
		{"suffix MVA belongs to orgnr", "13748136MVA", compliance.ReasonFormat},
		{"too long to be a CVR", "1374813613748136137481361", compliance.ReasonLength},
	}
	for d := range 10 {
		tests = append(tests, struct {
			name   string
			in     string
			reason compliance.Reason
		}{fmt.Sprintf("§5.1 prefix 1000005 has no check digit (%d)", d), fmt.Sprintf("1000005%d", d), compliance.ReasonChecksum})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := ident.ParseCVR(tt.in)
			assert.True(t, c.IsZero())
			idAssertFieldError(t, err, "cvr", tt.reason)
		})
	}
}

func TestCVRZeroAndJSON(t *testing.T) {
	t.Parallel()
	var c ident.CVR
	assert.True(t, c.IsZero())
	assert.Equal(t, "", c.String())
	type entity struct {
		CVR ident.CVR `json:"cvr"`
	}
	js, err := json.Marshal(entity{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"cvr":""}`, string(js))
	var e entity
	require.NoError(t, json.Unmarshal([]byte(`{"cvr":"DK 13748136"}`), &e))
	assert.Equal(t, "13748136", e.CVR.String())
	require.NoError(t, json.Unmarshal([]byte(`{"cvr":""}`), &e))
	assert.True(t, e.CVR.IsZero())
	err = json.Unmarshal([]byte(`{"cvr":"13748137"}`), &e)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

func BenchmarkParseCVR(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ident.ParseCVR("DK 13748136"); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParseCVR(f *testing.F) {
	for _, s := range []string{
		"13748136", "13748137", "DK 13585628", "dk13585628", "01000004", "10000051",
		"DK-13.74/81:36", "", "DK", "1374813O",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ident.ParseCVR(s)
		if err != nil {
			require.ErrorIs(t, err, compliance.ErrInvalid)
			idAssertNoLeak(t, err.Error(), s, 4, "error")
			require.True(t, c.IsZero())
			return
		}
		require.False(t, c.IsZero())
		require.Len(t, c.String(), 8)
		b, err := c.MarshalText()
		require.NoError(t, err)
		var u ident.CVR
		require.NoError(t, u.UnmarshalText(b))
		require.Equal(t, c, u)
	})
}

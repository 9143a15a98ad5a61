package compliance_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
)

func TestCountry(t *testing.T) {
	n := 0
	for c := range compliance.AllCountries() {
		n++
		back, err := compliance.ParseCountry(c.String())
		require.NoError(t, err)
		assert.Equal(t, c, back)
	}
	assert.Equal(t, 250, n, "249 assigned ISO 3166-1 codes plus XK")

	// TFEU Art 349 and 355 (territories of member states inside and
	// outside the EU) and the EEA EFTA states, including the codes that
	// trip up a naive lookup.
	tests := []struct {
		in        string
		want      string
		eu, eea   bool
		unsettled bool
	}{
		{"DK", "DK", true, true, false},
		{"no", "NO", false, true, false},
		{"IS", "IS", false, true, false},
		{"LI", "LI", false, true, false},
		{"EL", "GR", true, true, false},   // TRAP: the EU's code for Greece
		{"UK", "GB", false, false, false}, // TRAP: the EU's code for the UK, a third country since 2020
		{"CH", "CH", false, false, false}, // TRAP: EFTA but not EEA
		{"GL", "GL", false, false, false}, // Greenland: third country
		{"FO", "FO", false, false, false}, // Faroe Islands: third country
		{"AX", "AX", true, true, false},   // Åland is part of Finland
		{"GF", "GF", true, true, false},   // outermost region
		{"RE", "RE", true, true, false},
		{"MF", "MF", true, true, false},
		{"BL", "BL", false, false, false}, // Saint-Barthélemy: an OCT since 2012
		{"PF", "PF", false, false, false}, // OCT
		{"JE", "JE", false, false, false}, // crown dependency
		{"SJ", "SJ", false, false, true},  // [U] Svalbard and Jan Mayen
		{"GI", "GI", false, false, true},  // [U] Gibraltar
		{"US", "US", false, false, false},
	}
	for _, tt := range tests {
		c, err := compliance.ParseCountry(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, c.String())
		assert.Equal(t, tt.eu, c.EU(), "%s EU", tt.in)
		assert.Equal(t, tt.eea, c.EEA(), "%s EEA", tt.in)
		assert.Equal(t, tt.unsettled, c.EEAUnsettled(), "%s unsettled", tt.in)
	}
	eu := 0
	for c := range compliance.AllCountries() {
		if c.EU() {
			eu++
		}
	}
	assert.Equal(t, 27+7, eu, "EU 27 plus Åland and six outermost regions with own codes")

	for _, bad := range []string{"", "D", "DKK", "ZZ", "AA", "EU", "1A", "æø", "AN", "SU"} {
		_, err := compliance.ParseCountry(bad)
		assert.ErrorIs(t, err, compliance.ErrInvalid, "ParseCountry(%q)", bad)
	}

	type rec struct {
		C compliance.Country `json:"c"`
		Z compliance.Country `json:"z"`
	}
	b, err := json.Marshal(rec{C: compliance.MustCountry("se")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"c":"SE","z":""}`, string(b))
	var r rec
	require.NoError(t, json.Unmarshal([]byte(`{"c":"el","z":""}`), &r))
	assert.Equal(t, "GR", r.C.String())
	assert.True(t, r.Z.IsZero())
	assert.Error(t, json.Unmarshal([]byte(`{"c":"XX"}`), &r))
}

func TestCategorySetJSON(t *testing.T) {
	s := compliance.CategoriesOf(compliance.Health, compliance.Contact)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `["contact","health"]`, string(b))
	var back compliance.DataCategories
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, s, back)
	b, err = json.Marshal(compliance.DataCategories(0))
	require.NoError(t, err)
	assert.Equal(t, `[]`, string(b))
	assert.ErrorIs(t, json.Unmarshal([]byte(`["health","hobbies"]`), &back), compliance.ErrInvalid)
	assert.Equal(t, s, back, "a failed unmarshal leaves the set unchanged")

	subj := compliance.SubjectsOf(compliance.Pupils, compliance.Parents)
	b, err = json.Marshal(subj)
	require.NoError(t, err)
	assert.JSONEq(t, `["pupils","parents"]`, string(b))
	var sb compliance.SubjectCategories
	require.NoError(t, json.Unmarshal(b, &sb))
	assert.Equal(t, subj, sb)
	assert.Error(t, json.Unmarshal([]byte(`{}`), &sb))
}

func FuzzParseCountry(f *testing.F) {
	for _, s := range []string{"DK", "el", "UK", "ZZ", "", "X", "ÆØ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := compliance.ParseCountry(s)
		if err != nil {
			if !errorsIsInvalid(err) {
				t.Fatalf("error %v does not match ErrInvalid", err)
			}
			return
		}
		if !c.Valid() {
			t.Fatalf("ParseCountry(%q) = %v, not valid", s, c)
		}
		back, err := compliance.ParseCountry(c.String())
		if err != nil || back != c {
			t.Fatalf("round trip of %q failed", s)
		}
	})
}

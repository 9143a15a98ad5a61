package retention_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
)

// TestParseKLE runs the KLE number oracles of deadlines-law-retention.md
// 5.1 (KLE-XML schema 2.0 patterns) and the published examples 00.01.00
// "Kommunens styrelse i almindelighed", 02.00.01 Hegnssyn, 25.02.00
// Ejendomsbeskatning i almindelighed, 81.00.00 Kommunens personale i
// almindelighed.
func TestParseKLE(t *testing.T) {
	for _, tt := range []struct {
		in, hovedgruppe, gruppe string
		depth                   int
	}{
		{"00.01.00", "00", "00.01", retention.DepthEmne},
		{"02.00.01", "02", "02.00", retention.DepthEmne},
		{"25.02.00", "25", "25.02", retention.DepthEmne},
		{"81.00.00", "81", "81.00", retention.DepthEmne},
		{"00.01", "00", "00.01", retention.DepthGruppe},
		{"02.00", "02", "02.00", retention.DepthGruppe},
		{"00", "00", "", retention.DepthHovedgruppe},
		{"02", "02", "", retention.DepthHovedgruppe},
	} {
		t.Run(tt.in, func(t *testing.T) {
			k, err := retention.ParseKLE(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.in, k.String())
			assert.Equal(t, tt.depth, k.Depth())
			assert.Equal(t, tt.hovedgruppe, k.Hovedgruppe().String())
			assert.Equal(t, tt.gruppe, k.Gruppe().String())
			b, err := json.Marshal(k)
			require.NoError(t, err)
			var back retention.KLENumber
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, k, back)
		})
	}
	// 5.1: "0.01.00", "00.1.00", "00.01.0" are invalid.
	for _, in := range []string{"0.01.00", "00.1.00", "00.01.0", "", "000", "00-01-00", "00.01.00.00", "0a.01.00",
		"00.01.00 ", " 00.01.00", "００.01.00", "00..01", "00.01."} {
		_, err := retention.ParseKLE(in)
		assert.ErrorIs(t, err, compliance.ErrInvalid, "%q", in)
	}
	assert.Equal(t, retention.MustKLE("25"), retention.MustKLE("25.02.00").Hovedgruppe())
	assert.NotEqual(t, retention.MustKLE("25"), retention.MustKLE("25.00"), "a hovedgruppe is not its gruppe .00")
	assert.Panics(t, func() { retention.MustKLE("x") })
}

// TestParseFacet runs the handlingsfacet oracles of 5.1: A00, G01 and Ø12
// are valid; B01 (B is not a category) and A0 are not.
func TestParseFacet(t *testing.T) {
	for _, tt := range []struct{ in, cat string }{
		{"A00", "A"}, {"G01", "G"}, {"Ø12", "Ø"}, {"P99", "P"}, {"S10", "S"}, {"K01", "K"}, {"I00", "I"},
	} {
		f, err := retention.ParseFacet(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.in, f.String())
		assert.Equal(t, tt.cat, f.Category())
		b, err := f.MarshalText()
		require.NoError(t, err)
		var back retention.Facet
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, f, back)
	}
	for _, in := range []string{"B01", "A0", "A000", "a00", "ø12", "O12", "Ø1", "", "G0x", "GG01", "Å01"} {
		_, err := retention.ParseFacet(in)
		assert.ErrorIs(t, err, compliance.ErrInvalid, "%q", in)
	}
	assert.Panics(t, func() { retention.MustFacet("B01") })
}

// TestParseKLEBevaring: the schema's pattern "K|K5|K10|B|tom", exactly.
func TestParseKLEBevaring(t *testing.T) {
	for in, want := range map[string]retention.Bevaring{
		"K": retention.BevaringK, "K5": retention.BevaringK5, "K10": retention.BevaringK10,
		"B": retention.BevaringB, "tom": retention.BevaringTom,
	} {
		b, err := retention.ParseKLEBevaring(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, b)
		assert.Equal(t, in, b.KLE())
	}
	for _, in := range []string{"k", "k5", "Tom", "TOM", "K15", "", "B ", "G"} {
		_, err := retention.ParseKLEBevaring(in)
		assert.ErrorIs(t, err, compliance.ErrInvalid, "%q", in)
	}
	assert.Equal(t, "", retention.Bevaring(0).KLE())
}

// TestParseKLEDuration: SletningJaevnfoerPersondataloven is an xs:duration;
// the schema's example P1825D is 1825 days (not five years).
func TestParseKLEDuration(t *testing.T) {
	p, err := retention.ParseKLEDuration("P1825D")
	require.NoError(t, err)
	assert.Equal(t, compliance.Days(1825), p)
	p, err = retention.ParseKLEDuration("P5Y")
	require.NoError(t, err)
	assert.Equal(t, compliance.Years(5), p)
	for _, in := range []string{"P1Y6M", "PT72H", "P2W", "P10WD", "-P5Y", "P1.5Y", "P0D", "1825", "", "p1825d", "P99999D"} {
		_, err := retention.ParseKLEDuration(in)
		assert.ErrorIs(t, err, compliance.ErrInvalid, "%q", in)
		var fe *compliance.FieldError
		if assert.ErrorAs(t, err, &fe) {
			assert.Equal(t, "deletion", fe.Field)
		}
	}
}

package retention_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
)

// TestParseNoarkVedtak: M450's mandatory values «Bevares», «Kasseres»,
// «Vurderes senere» with the codes B, K, G; V accepted on input and G
// emitted; "Gjennomgås" is not a Noark 5 value (deadlines-law-retention.md
// 5.2).
func TestParseNoarkVedtak(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want retention.Kassasjonsvedtak
		code string
	}{
		{"B", retention.Bevares, "B"},
		{"K", retention.Kasseres, "K"},
		{"G", retention.VurderesSenere, "G"},
		{"V", retention.VurderesSenere, "G"},
		{"Bevares", retention.Bevares, "B"},
		{"Kasseres", retention.Kasseres, "K"},
		{"Vurderes senere", retention.VurderesSenere, "G"},
	} {
		v, err := retention.ParseNoarkVedtak(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, v, tt.in)
		assert.Equal(t, tt.code, v.Noark(), tt.in)
	}
	for _, in := range []string{"Gjennomgås", "gjennomgås", "b", "kasseres", "Vurderes Senere", "", "X", "BK"} {
		_, err := retention.ParseNoarkVedtak(in)
		assert.ErrorIs(t, err, compliance.ErrInvalid, "%q", in)
		if err != nil && in != "" {
			assert.NotContains(t, strings.ToLower(err.Error()), "gjennomgås")
		}
	}
	assert.Equal(t, "Vurderes senere", retention.VurderesSenere.NoarkName())
	assert.Equal(t, "", retention.Kassasjonsvedtak(0).Noark())
}

func TestValidNoarkClass(t *testing.T) {
	for _, s := range []string{"233", "FE-233", "K1 010 &14", "Ø-12/3", strings.Repeat("x", retention.MaxClass)} {
		assert.True(t, retention.ValidNoarkClass(s), "%q", s)
	}
	for _, s := range []string{"", " 233", "233 ", "2\n33", "2\x0033", "\xff", strings.Repeat("x", retention.MaxClass+1), "a\u0085b"} {
		assert.False(t, retention.ValidNoarkClass(s), "%q", s)
	}
}

package retention_test

import (
	"iter"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
)

type enumValue interface {
	comparable
	String() string
	Key() string
	Valid() bool
	MarshalText() ([]byte, error)
}

// pin checks that the codes of an enum are exactly want, in order, that each
// parses back and round-trips as text, and that the zero value is invalid.
func pin[T enumValue](t *testing.T, prefix string, all iter.Seq[T], parse func(string) (T, error), unmarshal func(*T, []byte) error, want ...string) {
	t.Helper()
	var got []string
	for v := range all {
		got = append(got, v.String())
		assert.Equal(t, prefix+"."+v.String(), v.Key())
		p, err := parse(v.String())
		require.NoError(t, err)
		assert.Equal(t, v, p)
		b, err := v.MarshalText()
		require.NoError(t, err)
		var back T
		require.NoError(t, unmarshal(&back, b))
		assert.Equal(t, v, back)
	}
	assert.Equal(t, want, got, "codes are API: add at the end, never rename or reorder")
	var zero T
	assert.False(t, zero.Valid())
	_, err := parse("no-such-code")
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

func TestVocabularyCodes(t *testing.T) {
	pin(t, "compliance.scheme", retention.AllSchemes(), retention.ParseScheme, (*retention.Scheme).UnmarshalText,
		"kle", "noark", "custom")
	pin(t, "retention.disposition", retention.AllDispositions(), retention.ParseDisposition, (*retention.Disposition).UnmarshalText,
		"keep", "delete", "transfer", "review")
	pin(t, "retention.trigger", retention.AllTriggers(), retention.ParseTrigger, (*retention.Trigger).UnmarshalText,
		"closed", "last-activity", "employment-ended", "financial-year-end", "coming-of-age")
	pin(t, "retention.outcome", retention.AllOutcomes(), retention.ParseOutcome, (*retention.Outcome).UnmarshalText,
		"erase", "refuse")
	pin(t, "retention.bevaring", retention.AllBevarings(), retention.ParseBevaring, (*retention.Bevaring).UnmarshalText,
		"k", "k5", "k10", "b", "tom")
	pin(t, "retention.kassasjonsvedtak", retention.AllKassasjonsvedtak(), retention.ParseKassasjonsvedtak,
		(*retention.Kassasjonsvedtak).UnmarshalText, "bevares", "kasseres", "vurderes-senere")
}

func TestCodes(t *testing.T) {
	seen := map[compliance.Code]bool{}
	for _, c := range retention.Codes() {
		assert.True(t, c.Valid(), "%s", c)
		assert.False(t, seen[c], "duplicate %s", c)
		seen[c] = true
	}
}

package compliance_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
)

func mustDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestDate(t *testing.T) {
	d, err := compliance.ParseDate("2024-02-29")
	require.NoError(t, err)
	assert.Equal(t, compliance.Date{Year: 2024, Month: time.February, Day: 29}, d)
	assert.Equal(t, "2024-02-29", d.String())
	assert.Equal(t, time.Thursday, d.Weekday())
	assert.Equal(t, compliance.Date{Year: 2024, Month: time.March, Day: 1}, d.AddDays(1))
	assert.Equal(t, compliance.Date{Year: 2023, Month: time.December, Day: 31}, compliance.Date{Year: 2024, Month: 1, Day: 1}.AddDays(-1))
	for _, bad := range []string{"2025-02-29", "2024-13-01", "2024-00-10", "0000-01-01", "2024-1-01", "2024/01/01", "20240101", "2024-01-0x"} {
		_, err := compliance.ParseDate(bad)
		assert.ErrorIs(t, err, compliance.ErrInvalid, "ParseDate(%q)", bad)
	}
	assert.Equal(t, 29, compliance.DaysIn(2000, time.February), "2000 is a leap year")
	assert.Equal(t, 28, compliance.DaysIn(1900, time.February), "1900 is not")
	assert.True(t, d.Before(d.AddDays(1)))
	assert.True(t, d.After(d.AddDays(-40)))
	assert.Equal(t, 0, d.Compare(d))
	assert.Equal(t, 1, d.DaysUntil(d.AddDays(1)))
	assert.Equal(t, 366, compliance.Date{Year: 2024, Month: 1, Day: 1}.DaysUntil(compliance.Date{Year: 2025, Month: 1, Day: 1}), "2024 is a leap year")
	assert.Equal(t, -31, compliance.Date{Year: 2025, Month: 2, Day: 1}.DaysUntil(compliance.Date{Year: 2025, Month: 1, Day: 1}))

	cph, err := time.LoadLocation("Europe/Copenhagen")
	require.NoError(t, err)
	// 23:30 UTC on 31 Dec is already 1 January in Copenhagen.
	at := time.Date(2025, time.December, 31, 23, 30, 0, 0, time.UTC).In(cph)
	assert.Equal(t, compliance.Date{Year: 2026, Month: time.January, Day: 1}, compliance.DateOf(at))
	assert.True(t, compliance.Date{Year: 2026, Month: 3, Day: 29}.In(cph).Equal(time.Date(2026, 3, 28, 23, 0, 0, 0, time.UTC)))

	var z compliance.Date
	b, err := z.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b)
	require.NoError(t, z.UnmarshalText([]byte("2026-11-22")))
	assert.Equal(t, "2026-11-22", z.String())
	_, err = compliance.Date{Year: 2025, Month: 2, Day: 30}.MarshalText()
	assert.Error(t, err)
}

package compliance_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/tillid/tillid/compliance"
)

// TestCheckDateAndInstant (issue 14 item 3): Date.Valid accepts the years 1
// to 9999, but the calendar counts only 1583 (the first full Gregorian year)
// to 9999; a record with the year 202 (a typo for 2025) was stored and then
// made every overview fail. CheckDate and CheckInstant reject it at the door.
func TestCheckDateAndInstant(t *testing.T) {
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		cph = time.FixedZone("CET", 3600)
	}
	dates := []struct {
		d    compliance.Date
		want compliance.Reason
	}{
		{compliance.Date{}, 0},
		{compliance.Date{Year: 2025, Month: 3, Day: 1}, 0},
		{compliance.Date{Year: compliance.FirstYear, Month: 1, Day: 1}, 0},
		{compliance.Date{Year: compliance.LastYear, Month: 12, Day: 31}, 0},
		{compliance.Date{Year: 202, Month: 3, Day: 1}, compliance.ReasonRange},
		{compliance.Date{Year: 1582, Month: 12, Day: 31}, compliance.ReasonRange},
		{compliance.Date{Year: 2025, Month: 2, Day: 29}, compliance.ReasonDate},
		{compliance.Date{Year: 10000, Month: 1, Day: 1}, compliance.ReasonDate},
	}
	for _, c := range dates {
		assertReason(t, c.d.String(), compliance.CheckDate(c.d), c.want)
	}
	instants := []struct {
		name string
		t    time.Time
		want compliance.Reason
	}{
		{"zero", time.Time{}, 0},
		{"2025", time.Date(2025, 3, 1, 12, 0, 0, 0, cph), 0},
		{"year 202", time.Date(202, 3, 1, 12, 0, 0, 0, cph), compliance.ReasonRange},
		{"year 1", time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC), compliance.ReasonRange},
		{"first day of 1583 UTC is 1582 west of Greenwich", time.Date(1583, 1, 1, 5, 0, 0, 0, time.UTC), compliance.ReasonRange},
		{"2 January 1583", time.Date(1583, 1, 2, 0, 0, 0, 0, time.UTC), 0},
		{"30 December 9999", time.Date(9999, 12, 30, 23, 0, 0, 0, time.UTC), 0},
		{"31 December 9999 is 10000 east of Greenwich", time.Date(9999, 12, 31, 12, 0, 0, 0, time.UTC), compliance.ReasonRange},
		{"year 12000", time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC), compliance.ReasonRange},
	}
	for _, c := range instants {
		assertReason(t, c.name, compliance.CheckInstant(c.t), c.want)
	}
}

func assertReason(t *testing.T, name string, err error, want compliance.Reason) {
	t.Helper()
	if want == 0 {
		assert.NoError(t, err, name)
		return
	}
	var fe *compliance.FieldError
	if assert.True(t, errors.As(err, &fe), "%s: %v", name, err) {
		assert.Equal(t, want, fe.Reason, name)
		assert.ErrorIs(t, err, compliance.ErrInvalid, name)
	}
}

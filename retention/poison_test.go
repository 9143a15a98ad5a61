package retention_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
)

// TestRecordYearOutsideCalendar (issue 14 item 3): a record closed in the
// year 202 (a typo for 2025) is rejected by Validate — which used to accept
// the years 1 to 9999 although the calendar counts 1583 to 9999 — and a
// sweep reports it by ID and goes on with the rest.
func TestRecordYearOutsideCalendar(t *testing.T) {
	bad := retention.Record{ID: "S-typo", Jurisdiction: compliance.DK, Class: "25.02.00",
		Closed: compliance.Date{Year: 202, Month: 3, Day: 1}}
	var ve *compliance.ValidationError
	require.ErrorAs(t, bad.Validate(), &ve)
	assert.True(t, ve.Has("closed"))
	assert.Equal(t, compliance.ReasonRange, ve.Fields[0].Reason)

	s := compile(t, retention.Policy{})
	good := retention.Record{ID: "S-ok", Jurisdiction: compliance.DK, Class: "25.02.00", Closed: day("2015-03-01")}
	got := map[string]error{}
	for d, err := range s.Sweep(records([]retention.Record{bad, good}, 2), noon(compliance.DK, "2025-06-01"), nil) {
		got[d.Record] = err
	}
	assert.ErrorIs(t, got["S-typo"], compliance.ErrInvalid)
	assert.NoError(t, got["S-ok"])
}

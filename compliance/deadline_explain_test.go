package compliance_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
)

func TestDeadlineExplain(t *testing.T) {
	dk, err := compliance.NewCalendar(compliance.DK, compliance.CalendarOptions{})
	require.NoError(t, err)
	loc := dk.Location()

	// deadlines-law-retention.md 1.5.1: received 2025-03-17, +1 month lands
	// on Skærtorsdag 2025-04-17 and rolls over Easter to 2025-04-22.
	d, err := dk.Deadline(time.Date(2025, 3, 17, 9, 0, 0, 0, loc), compliance.Months(1))
	require.NoError(t, err)
	msgs := d.Explain()
	require.Len(t, msgs, 2)
	assert.Equal(t, compliance.CodeDeadlineEndsDay, msgs[0].Key)
	assert.Equal(t, compliance.Date{Year: 2025, Month: 4, Day: 22}, msgs[0].Args[2].Date, "ends at the end of the rolled last day")
	assert.Equal(t, compliance.CodeDeadlineRolled, msgs[1].Key)
	assert.Equal(t, compliance.Date{Year: 2025, Month: 4, Day: 17}, msgs[1].Args[0].Date)
	assert.Equal(t, compliance.Date{Year: 2025, Month: 4, Day: 22}, msgs[1].Args[1].Date)

	// 1.5.2: 72 hours from Skærtorsdag 10:37 are not extended by Easter.
	h, err := dk.Deadline(time.Date(2025, 4, 17, 10, 37, 0, 0, loc), compliance.Hours(72))
	require.NoError(t, err)
	keys := []compliance.Code{}
	for _, m := range h.Explain() {
		keys = append(keys, m.Key)
		assert.NoError(t, m.Validate())
	}
	assert.Equal(t, []compliance.Code{compliance.CodeDeadlineEnds, compliance.CodeDeadlineHours}, keys)

	strict, err := compliance.NewCalendar(compliance.DK, compliance.CalendarOptions{HourCount: compliance.HourCountNextHour})
	require.NoError(t, err)
	s, err := strict.Deadline(time.Date(2025, 4, 17, 10, 37, 0, 0, loc), compliance.Hours(72))
	require.NoError(t, err)
	keys = keys[:0]
	for _, m := range s.Explain() {
		keys = append(keys, m.Key)
	}
	assert.Equal(t, []compliance.Code{compliance.CodeDeadlineEnds, compliance.CodeDeadlineNextHour, compliance.CodeDeadlineHours}, keys)

	assert.Nil(t, compliance.Deadline{}.Explain())
}

package rights_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/compliance/rights/rightstest"
)

// TestPoisonRequest (issue 14 item 3): a request received in the year 202
// (a typo for 2025) was accepted — Validate allowed the years 1 to 9999 —
// and then Due failed for the whole controller with "range", naming no
// request. Validate now rejects what the calendar cannot count, and Due
// lists a request stored before that with its error, first, and the other
// requests after it.
func TestPoisonRequest(t *testing.T) {
	ctx := context.Background()
	typo := time.Date(202, time.March, 3, 9, 0, 0, 0, recCPH)
	reg, _, c := recNewRegister(t)
	_, err := reg.ReceiveRequest(ctx, c, rights.Request{Kind: rights.Access, Channel: rights.ChannelEmail, Received: typo})
	assert.Equal(t, []string{"received"}, recFields(t, err), "rejected at the door")
	_, err = rights.DecodeRequest([]byte(`{"kind":"access","received":"0202-03-03T09:00:00+01:00","channel":"email","status":"received"}`))
	assert.Equal(t, []string{"received"}, recFields(t, err))

	// A store that holds such a request (written before this check).
	store := rightstest.NewMemStore()
	reg, err = rights.NewRegister(store, &rights.Options{
		Options:  compliance.Options{Now: func() time.Time { return time.Date(2025, 4, 1, 9, 0, 0, 0, recCPH) }, NewID: compliance.Sequence()},
		Calendar: recCalendar(t, compliance.DK, false)})
	require.NoError(t, err)
	good, err := reg.ReceiveRequest(ctx, c, rights.Request{Kind: rights.Access, Channel: rights.ChannelEmail,
		Received: time.Date(2025, 3, 3, 9, 0, 0, 0, recCPH)})
	require.NoError(t, err)
	bad := rights.Request{ID: rights.RequestID{UUID: recUUID(77)}, Kind: rights.Erasure, Channel: rights.ChannelEmail,
		Received: typo, Status: rights.Received, Erasure: rights.ErasureReview{Status: rights.ErasurePending}}
	require.NoError(t, store.Put(ctx, c, bad))

	due, err := reg.Due(ctx, c, time.Time{})
	require.NoError(t, err, "one bad record does not blank the overview")
	require.Len(t, due, 2)
	assert.Equal(t, bad.ID, due[0].Request, "the bad request first, by ID")
	var ve *compliance.ValidationError
	var fe *compliance.FieldError
	if !assert.ErrorAs(t, due[0].Err, &fe) {
		assert.ErrorAs(t, due[0].Err, &ve)
	}
	assert.Contains(t, due[0].Err.Error(), "received")
	assert.Equal(t, good.ID, due[1].Request)
	assert.NoError(t, due[1].Err)
	assert.False(t, due[1].Deadline.IsZero())
}

package rights_test

import (
	"context"
	"errors"
	"iter"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/compliance/rights/rightstest"
)

// recClock is a settable clock for Register tests.
type recClock struct{ now time.Time }

func (c *recClock) Now() time.Time { return c.now }

func recNewRegister(t *testing.T) (*rights.Register, *recClock, compliance.ControllerID) {
	t.Helper()
	clock := &recClock{now: time.Date(2025, time.March, 17, 10, 0, 0, 0, recCPH)}
	reg, err := rights.NewRegister(rightstest.NewMemStore(), &rights.Options{
		Options:  compliance.Options{Now: clock.Now, NewID: compliance.Sequence()},
		Calendar: recCalendar(t, compliance.DK, false)})
	require.NoError(t, err)
	return reg, clock, compliance.ControllerID{UUID: recUUID(900)}
}

func TestNewRegisterOptions(t *testing.T) {
	_, err := rights.NewRegister(nil, &rights.Options{Extension: 7})
	assert.Equal(t, []string{"store", "jurisdiction", "extension"}, recFields(t, err))
	_, err = rights.NewRegister(rightstest.NewMemStore(), nil)
	assert.Equal(t, []string{"jurisdiction"}, recFields(t, err), "a nil *Options has no jurisdiction")
	_, err = rights.NewRegister(rightstest.NewMemStore(), &rights.Options{Jurisdiction: compliance.DK, Calendar: recCalendar(t, compliance.NO, false)})
	assert.Equal(t, []string{"jurisdiction"}, recFields(t, err), "calendar and jurisdiction disagree")
	reg, err := rights.NewRegister(rightstest.NewMemStore(), &rights.Options{Calendar: recCalendar(t, compliance.NO, false)})
	require.NoError(t, err)
	assert.Equal(t, compliance.NO, reg.Calendar().Jurisdiction())
	reg, err = rights.NewRegister(rightstest.NewMemStore(), &rights.Options{Jurisdiction: compliance.NO})
	require.NoError(t, err)
	assert.Equal(t, compliance.NO, reg.Calendar().Jurisdiction())
}

// TestZeroRegister: every method of a Register not made by NewRegister
// fails with ErrInvalid instead of panicking.
func TestZeroRegister(t *testing.T) {
	ctx := context.Background()
	for _, reg := range []*rights.Register{nil, {}} {
		var c compliance.ControllerID
		var id rights.RequestID
		_, err := reg.ReceiveRequest(ctx, c, rights.Request{Kind: rights.Access, Channel: rights.ChannelEmail})
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		_, err = reg.UpdateRequest(ctx, c, rights.Request{})
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		_, err = reg.ExtendRequest(ctx, c, id, 1, rights.ExtensionComplexity, 2)
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		_, err = reg.VerifyIdentity(ctx, c, id, 1, rights.VerifiedEID)
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		_, err = reg.DecideErasure(ctx, c, id, 1, rights.ErasureReview{})
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		_, err = reg.CloseRequest(ctx, c, id, 1, rights.Answered, 0)
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		_, err = reg.Request(ctx, c, id)
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		for _, err := range reg.Requests(ctx, c, rights.Filter{}) {
			assert.ErrorIs(t, err, compliance.ErrInvalid)
		}
		_, err = reg.Due(ctx, c, time.Time{})
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		_, err = reg.AssessRequest(ctx, c, id)
		assert.ErrorIs(t, err, compliance.ErrInvalid)
	}
}

func TestRegisterRequests(t *testing.T) {
	ctx := context.Background()
	reg, clock, c := recNewRegister(t)

	access, err := reg.ReceiveRequest(ctx, c, rights.Request{Kind: rights.Access, Channel: rights.ChannelEmail})
	require.NoError(t, err)
	assert.True(t, access.Received.Equal(clock.now), "received now when not given")
	assert.Equal(t, rights.Received, access.Status)

	erasure, err := reg.ReceiveRequest(ctx, c, rights.Request{Kind: rights.Erasure, Channel: rights.ChannelDigitalPost,
		Received: time.Date(2025, 3, 1, 9, 0, 0, 0, recCPH)})
	require.NoError(t, err)
	assert.Equal(t, rights.ErasurePending, erasure.Erasure.Status, "an erasure request is marked for the retention rules")

	_, err = reg.ReceiveRequest(ctx, c, rights.Request{Kind: rights.Access})
	assert.Equal(t, []string{"channel"}, recFields(t, err))

	// Art 12(3): the extension is notified within the first month.
	clock.now = time.Date(2025, 4, 2, 9, 0, 0, 0, recCPH)
	_, err = reg.ExtendRequest(ctx, c, erasure.ID, erasure.Version, rights.ExtensionComplexity, 2)
	var fe *compliance.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "extension", fe.Field)
	assert.Equal(t, compliance.ReasonRange, fe.Reason, "the first month ended at the end of 1 April")
	ext, err := reg.ExtendRequest(ctx, c, access.ID, access.Version, rights.ExtensionNumberOfRequests, 2)
	require.NoError(t, err)
	assert.Equal(t, rights.InProgress, ext.Status)
	assert.True(t, ext.Extension.Notified.Equal(clock.now))
	_, err = reg.ExtendRequest(ctx, c, ext.ID, ext.Version, rights.ExtensionNumberOfRequests, 1)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, compliance.ReasonDuplicate, fe.Reason)
	_, err = reg.ExtendRequest(ctx, c, ext.ID, ext.Version, rights.ExtensionNumberOfRequests, 3)
	assert.ErrorIs(t, err, compliance.ErrInvalid)

	// What is overdue or due next, ordered by deadline.
	due, err := reg.Due(ctx, c, time.Time{})
	require.NoError(t, err)
	require.Len(t, due, 2)
	assert.Equal(t, erasure.ID, due[0].Request)
	assert.True(t, due[0].Overdue)
	assert.Equal(t, ext.ID, due[1].Request)
	assert.Equal(t, compliance.Date{Year: 2025, Month: 6, Day: 17}, due[1].Deadline.LastDay)

	// Erasure: the retention rules decide before the request can close.
	_, err = reg.CloseRequest(ctx, c, erasure.ID, erasure.Version, rights.Answered, 0)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "erasure.status", fe.Field)
	_, err = reg.DecideErasure(ctx, c, erasure.ID, erasure.Version, rights.ErasureReview{Status: rights.ErasurePending})
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = reg.DecideErasure(ctx, c, access.ID, ext.Version, rights.ErasureReview{Status: rights.ErasureAllowed})
	assert.ErrorIs(t, err, compliance.ErrInvalid, "not an erasure request")
	_, err = reg.DecideErasure(ctx, c, erasure.ID, erasure.Version, rights.ErasureReview{Status: rights.ErasureRefused})
	assert.Equal(t, []string{"erasure.ground"}, recFields(t, err))
	rule := compliance.RetentionRuleID{UUID: recUUID(300)}
	decided, err := reg.DecideErasure(ctx, c, erasure.ID, erasure.Version, rights.ErasureReview{
		Status: rights.ErasureRefused, Ground: rights.ErasureArchiving, Rule: rule, Restricted: true})
	require.NoError(t, err)
	v, err := reg.VerifyIdentity(ctx, c, decided.ID, decided.Version, rights.VerifiedDigitalPost)
	require.NoError(t, err)
	assert.Equal(t, rights.InProgress, v.Status)
	closed, err := reg.CloseRequest(ctx, c, v.ID, v.Version, rights.Refused, rights.RefusalErasureException)
	require.NoError(t, err)
	assert.True(t, closed.Closed.Equal(clock.now))
	fs, err := reg.AssessRequest(ctx, c, closed.ID)
	require.NoError(t, err)
	assert.Equal(t, []compliance.Code{rights.CodeRequestRefusedLate}, recCodes(fs), "Art 12(4): one month from 1 March ended at the end of 1 April")

	_, err = reg.CloseRequest(ctx, c, closed.ID, closed.Version, rights.Answered, 0)
	assert.ErrorIs(t, err, compliance.ErrInvalid, "already closed")
	_, err = reg.CloseRequest(ctx, c, ext.ID, ext.Version, rights.InProgress, 0)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = reg.VerifyIdentity(ctx, c, closed.ID, closed.Version, rights.VerifiedEID)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = reg.UpdateRequest(ctx, c, closed)
	require.NoError(t, err)
	_, err = reg.UpdateRequest(ctx, c, closed)
	assert.ErrorIs(t, err, compliance.ErrConflict)

	got, err := reg.Request(ctx, c, ext.ID)
	require.NoError(t, err)
	assert.Equal(t, ext, got)
	n := 0
	for _, err := range reg.Requests(ctx, c, rights.Filter{Open: true}) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 1, n)
}

// failingStore yields an error from List, as a broken database would.
type failingStore struct{ rights.Store }

var errDown = errors.New("database down")

func (failingStore) List(context.Context, compliance.ControllerID, rights.Filter) iter.Seq2[rights.Request, error] {
	return func(yield func(rights.Request, error) bool) { yield(rights.Request{}, errDown) }
}

func TestRegisterStoreErrors(t *testing.T) {
	reg, err := rights.NewRegister(failingStore{rightstest.NewMemStore()}, &rights.Options{Calendar: recCalendar(t, compliance.DK, false)})
	require.NoError(t, err)
	_, err = reg.Due(context.Background(), compliance.ControllerID{UUID: recUUID(900)}, time.Now())
	assert.ErrorIs(t, err, errDown)
}

// TestRegisterDueBound: Due reads at most MaxOpen open requests and names
// the field past it.
func TestRegisterDueBound(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		open    int
		wantErr bool
	}{
		{"just at the bound", rights.MaxOpen, false},
		{"one past the bound", rights.MaxOpen + 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := rightstest.NewMemStore()
			c := compliance.ControllerID{UUID: recUUID(900)}
			cal := recCalendar(t, compliance.DK, false)
			q := recRequest(t, cal, "2025-03-10")
			for i := range tt.open {
				q.ID = rights.RequestID{UUID: [16]byte{6: 0x70, 8: 0x80, 12: byte(i >> 24), 13: byte(i >> 16), 14: byte(i >> 8), 15: byte(i)}}
				require.NoError(t, s.Put(ctx, c, q))
			}
			reg, err := rights.NewRegister(s, &rights.Options{Calendar: cal})
			require.NoError(t, err)

			due, err := reg.Due(ctx, c, time.Date(2025, time.March, 17, 10, 0, 0, 0, recCPH))
			if !tt.wantErr {
				require.NoError(t, err)
				assert.NotEmpty(t, due)
				return
			}
			var fe *compliance.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "requests", fe.Field)
			assert.Equal(t, compliance.ReasonLength, fe.Reason)
		})
	}
}

package compliance_test

import (
	"context"
	"errors"
	"iter"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/compliancetest"
)

// recClock is a settable clock for Register tests.
type recClock struct{ now time.Time }

func (c *recClock) Now() time.Time { return c.now }

func recNewRegister(t *testing.T, policy *compliance.Policy) (*compliance.Register, *recClock, compliance.ControllerID) {
	t.Helper()
	clock := &recClock{now: time.Date(2025, time.March, 17, 10, 0, 0, 0, recCPH)}
	m := compliancetest.NewMemStore()
	reg, err := compliance.NewRegister(recCalendar(t, compliance.DK, false), m.Activities(), m.Requests(),
		&compliance.RegisterOptions{Options: compliance.Options{Now: clock.Now, NewID: compliance.Sequence()}, Policy: policy})
	require.NoError(t, err)
	return reg, clock, compliance.ControllerID{UUID: recUUID(900)}
}

func TestNewRegisterOptions(t *testing.T) {
	m := compliancetest.NewMemStore()
	_, err := compliance.NewRegister(nil, nil, m.Requests(), &compliance.RegisterOptions{
		Policy: &compliance.Policy{LargeScaleSubjects: -1}, Extension: 7})
	assert.Equal(t, []string{"calendar", "activities", "policy.largeScaleSubjects", "extension"}, recFields(t, err))
	reg, err := compliance.NewRegister(recCalendar(t, compliance.NO, false), m.Activities(), m.Requests(), nil)
	require.NoError(t, err)
	assert.Equal(t, compliance.NO, reg.Calendar().Jurisdiction())
}

func TestRegisterActivities(t *testing.T) {
	ctx := context.Background()
	reg, clock, c := recNewRegister(t, &compliance.Policy{ReviewInterval: compliance.Years(1)})

	draft := recJobcenter()
	draft.Role, draft.Status = 0, 0
	a, err := reg.CreateActivity(ctx, c, draft)
	require.NoError(t, err)
	assert.Equal(t, recUUID(1), a.ID.UUID, "ID from the Options' source")
	assert.Equal(t, uint64(1), a.Version)
	assert.Equal(t, compliance.RoleController, a.Role)
	assert.Equal(t, compliance.Draft, a.Status)
	assert.True(t, a.Created.Equal(clock.now))
	stored, err := reg.Activity(ctx, c, a.ID)
	require.NoError(t, err)
	assert.Equal(t, a, stored)

	_, err = reg.CreateActivity(ctx, c, stored)
	assert.Equal(t, []string{"version"}, []string{err.(*compliance.FieldError).Field})

	// An approved record must be complete (Art 30(1)).
	incomplete := recJobcenter()
	incomplete.Status, incomplete.Subjects = compliance.Approved, 0
	_, err = reg.CreateActivity(ctx, c, incomplete)
	assert.Equal(t, []string{"subjects"}, recFields(t, err))

	clock.now = clock.now.Add(48 * time.Hour)
	a.Description = "Opdateret"
	u, err := reg.UpdateActivity(ctx, c, a)
	require.NoError(t, err)
	assert.Equal(t, uint64(2), u.Version)
	assert.True(t, u.Created.Equal(a.Created))
	assert.True(t, u.Updated.Equal(clock.now))
	_, err = reg.UpdateActivity(ctx, c, a) // stale version 1
	assert.ErrorIs(t, err, compliance.ErrConflict)
	_, err = reg.UpdateActivity(ctx, c, compliance.Activity{})
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	missing := a
	missing.ID = compliance.ActivityID{UUID: recUUID(77)}
	_, err = reg.UpdateActivity(ctx, c, missing)
	assert.ErrorIs(t, err, compliance.ErrNotFound)
	_, err = reg.Activity(ctx, compliance.ControllerID{UUID: recUUID(901)}, a.ID)
	assert.ErrorIs(t, err, compliance.ErrNotFound, "controller isolation")

	// Approve: incomplete records are refused, naming each missing field.
	u.Subjects, u.Recipients = 0, nil
	u.Processors = nil
	u, err = reg.UpdateActivity(ctx, c, u)
	require.NoError(t, err)
	_, err = reg.Approve(ctx, c, u.ID, u.Version)
	assert.Equal(t, []string{"subjects", "recipients"}, recFields(t, err))
	u.Subjects, u.NoRecipients = compliance.SubjectsOf(compliance.JobSeekers), true
	u, err = reg.UpdateActivity(ctx, c, u)
	require.NoError(t, err)
	_, err = reg.Approve(ctx, c, u.ID, u.Version-1)
	assert.ErrorIs(t, err, compliance.ErrConflict)
	ok, err := reg.Approve(ctx, c, u.ID, u.Version)
	require.NoError(t, err)
	assert.Equal(t, compliance.Approved, ok.Status)
	assert.Equal(t, compliance.Date{Year: 2025, Month: 3, Day: 19}, ok.ReviewedOn)
	assert.Equal(t, compliance.Date{Year: 2026, Month: 3, Day: 19}, ok.NextReview, "policy: one year")

	clock.now = time.Date(2026, time.April, 1, 9, 0, 0, 0, recCPH)
	fs, err := reg.Assess(ctx, c, ok.ID)
	require.NoError(t, err)
	_, overdue := recFind(fs, compliance.CodeReviewOverdue)
	assert.True(t, overdue)
	rv, err := reg.Review(ctx, c, ok.ID, ok.Version)
	require.NoError(t, err)
	assert.Equal(t, compliance.Date{Year: 2027, Month: 4, Day: 1}, rv.NextReview)
	fs, err = reg.Assess(ctx, c, ok.ID)
	require.NoError(t, err)
	_, overdue = recFind(fs, compliance.CodeReviewOverdue)
	assert.False(t, overdue)
	_, err = reg.Assess(ctx, c, compliance.ActivityID{UUID: recUUID(66)})
	assert.ErrorIs(t, err, compliance.ErrNotFound)

	_, err = reg.CreateActivity(ctx, c, recPersonnel())
	require.NoError(t, err)
	all, err := reg.AssessAll(ctx, c, compliance.ActivityFilter{})
	require.NoError(t, err)
	require.Len(t, all, 2)
	assert.Equal(t, "Beskæftigelsesindsats i jobcentret", all[0].Name)
	assert.Equal(t, []compliance.Code{compliance.CodeReviewOverdue}, recCodes(all[1].Findings), "next review was 3 March 2026")
	n := 0
	for _, err := range reg.Activities(ctx, c, compliance.ActivityFilter{Data: compliance.CategoriesOf(compliance.CriminalOffences)}) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 1, n)
}

func TestRegisterRequests(t *testing.T) {
	ctx := context.Background()
	reg, clock, c := recNewRegister(t, nil)

	access, err := reg.ReceiveRequest(ctx, c, compliance.Request{Kind: compliance.RequestAccess, Channel: compliance.ChannelEmail})
	require.NoError(t, err)
	assert.True(t, access.Received.Equal(clock.now), "received now when not given")
	assert.Equal(t, compliance.Received, access.Status)

	erasure, err := reg.ReceiveRequest(ctx, c, compliance.Request{Kind: compliance.RequestErasure, Channel: compliance.ChannelDigitalPost,
		Received: time.Date(2025, 3, 1, 9, 0, 0, 0, recCPH)})
	require.NoError(t, err)
	assert.Equal(t, compliance.ErasurePending, erasure.Erasure.Status, "an erasure request is marked for the retention rules")

	_, err = reg.ReceiveRequest(ctx, c, compliance.Request{Kind: compliance.RequestAccess})
	assert.Equal(t, []string{"channel"}, recFields(t, err))

	// Art 12(3): the extension is notified within the first month.
	clock.now = time.Date(2025, 4, 2, 9, 0, 0, 0, recCPH)
	_, err = reg.ExtendRequest(ctx, c, erasure.ID, erasure.Version, compliance.ExtensionComplexity, 2)
	var fe *compliance.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "extension", fe.Field)
	assert.Equal(t, compliance.ReasonRange, fe.Reason, "the first month ended at the end of 1 April")
	ext, err := reg.ExtendRequest(ctx, c, access.ID, access.Version, compliance.ExtensionNumber, 2)
	require.NoError(t, err)
	assert.Equal(t, compliance.InProgress, ext.Status)
	assert.True(t, ext.Extension.Notified.Equal(clock.now))
	_, err = reg.ExtendRequest(ctx, c, ext.ID, ext.Version, compliance.ExtensionNumber, 1)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, compliance.ReasonDuplicate, fe.Reason)
	_, err = reg.ExtendRequest(ctx, c, ext.ID, ext.Version, compliance.ExtensionNumber, 3)
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
	_, err = reg.CloseRequest(ctx, c, erasure.ID, erasure.Version, compliance.Answered, 0)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "erasure.status", fe.Field)
	_, err = reg.DecideErasure(ctx, c, erasure.ID, erasure.Version, compliance.ErasureReview{Status: compliance.ErasurePending})
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = reg.DecideErasure(ctx, c, access.ID, ext.Version, compliance.ErasureReview{Status: compliance.ErasureAllowed})
	assert.ErrorIs(t, err, compliance.ErrInvalid, "not an erasure request")
	_, err = reg.DecideErasure(ctx, c, erasure.ID, erasure.Version, compliance.ErasureReview{Status: compliance.ErasureRefused})
	assert.Equal(t, []string{"erasure.ground"}, recFields(t, err))
	rule := compliance.RetentionRuleID{UUID: recUUID(300)}
	decided, err := reg.DecideErasure(ctx, c, erasure.ID, erasure.Version, compliance.ErasureReview{
		Status: compliance.ErasureRefused, Ground: compliance.ErasureArchiving, Rule: rule, Restricted: true})
	require.NoError(t, err)
	v, err := reg.VerifyIdentity(ctx, c, decided.ID, decided.Version, compliance.VerifiedDigitalPost)
	require.NoError(t, err)
	assert.Equal(t, compliance.InProgress, v.Status)
	closed, err := reg.CloseRequest(ctx, c, v.ID, v.Version, compliance.Refused, compliance.RefusalErasureException)
	require.NoError(t, err)
	assert.True(t, closed.Closed.Equal(clock.now))
	fs, err := reg.AssessRequest(ctx, c, closed.ID)
	require.NoError(t, err)
	assert.Equal(t, []compliance.Code{compliance.CodeRequestRefusedLate}, recCodes(fs), "Art 12(4): one month from 1 March ended at the end of 1 April")

	_, err = reg.CloseRequest(ctx, c, closed.ID, closed.Version, compliance.Answered, 0)
	assert.ErrorIs(t, err, compliance.ErrInvalid, "already closed")
	_, err = reg.CloseRequest(ctx, c, ext.ID, ext.Version, compliance.InProgress, 0)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = reg.VerifyIdentity(ctx, c, closed.ID, closed.Version, compliance.VerifiedEID)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = reg.UpdateRequest(ctx, c, closed)
	require.NoError(t, err)
	_, err = reg.UpdateRequest(ctx, c, closed)
	assert.ErrorIs(t, err, compliance.ErrConflict)

	got, err := reg.Request(ctx, c, ext.ID)
	require.NoError(t, err)
	assert.Equal(t, ext, got)
	n := 0
	for _, err := range reg.Requests(ctx, c, compliance.RequestFilter{Open: true}) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 1, n)
}

// failingStore yields an error from List, as a broken database would.
type failingStore struct{ compliance.RequestStore }

var errDown = errors.New("database down")

func (failingStore) List(context.Context, compliance.ControllerID, compliance.RequestFilter) iter.Seq2[compliance.Request, error] {
	return func(yield func(compliance.Request, error) bool) { yield(compliance.Request{}, errDown) }
}

func TestRegisterStoreErrors(t *testing.T) {
	m := compliancetest.NewMemStore()
	reg, err := compliance.NewRegister(recCalendar(t, compliance.DK, false), m.Activities(), failingStore{m.Requests()}, nil)
	require.NoError(t, err)
	_, err = reg.Due(context.Background(), compliance.ControllerID{}, time.Now())
	assert.ErrorIs(t, err, errDown)
}

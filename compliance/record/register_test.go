package record_test

import (
	"context"
	"errors"
	"iter"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/record/recordtest"
)

// recClock is a settable clock for Register tests.
type recClock struct{ now time.Time }

func (c *recClock) Now() time.Time { return c.now }

func recNewRegister(t *testing.T, policy *record.Policy) (*record.Register, *recClock, compliance.ControllerID) {
	t.Helper()
	clock := &recClock{now: time.Date(2025, time.March, 17, 10, 0, 0, 0, recCPH)}
	reg, err := record.NewRegister(recordtest.NewMemStore(), &record.Options{
		Options:      compliance.Options{Now: clock.Now, NewID: compliance.Sequence()},
		Jurisdiction: compliance.DK, Policy: policy})
	require.NoError(t, err)
	return reg, clock, compliance.ControllerID{UUID: recUUID(900)}
}

func TestNewRegisterOptions(t *testing.T) {
	_, err := record.NewRegister(nil, &record.Options{Policy: &record.Policy{LargeScaleSubjects: -1}})
	assert.Equal(t, []string{"store", "jurisdiction", "policy.largeScaleSubjects"}, recFields(t, err))
	_, err = record.NewRegister(recordtest.NewMemStore(), nil)
	assert.Equal(t, []string{"jurisdiction"}, recFields(t, err), "a nil *Options has no jurisdiction")
	no, err := compliance.NewCalendar(compliance.NO, compliance.CalendarOptions{})
	require.NoError(t, err)
	_, err = record.NewRegister(recordtest.NewMemStore(), &record.Options{Jurisdiction: compliance.DK, Calendar: no})
	assert.Equal(t, []string{"jurisdiction"}, recFields(t, err), "calendar and jurisdiction disagree")
	_, err = record.NewRegister(recordtest.NewMemStore(), &record.Options{Jurisdiction: 9})
	assert.Equal(t, []string{"jurisdiction"}, recFields(t, err))
	reg, err := record.NewRegister(recordtest.NewMemStore(), &record.Options{Calendar: no})
	require.NoError(t, err)
	assert.Equal(t, compliance.NO, reg.Calendar().Jurisdiction())
	reg, err = record.NewRegister(recordtest.NewMemStore(), &record.Options{Jurisdiction: compliance.NO})
	require.NoError(t, err)
	assert.Equal(t, compliance.NO, reg.Calendar().Jurisdiction())
}

// TestZeroRegister: every method of a Register not made by NewRegister
// fails with ErrInvalid instead of panicking.
func TestZeroRegister(t *testing.T) {
	ctx := context.Background()
	for _, reg := range []*record.Register{nil, {}} {
		var c compliance.ControllerID
		_, err := reg.CreateActivity(ctx, c, recJobcenter())
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		_, err = reg.UpdateActivity(ctx, c, recJobcenter())
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		_, err = reg.Approve(ctx, c, record.ActivityID{}, 1)
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		_, err = reg.Review(ctx, c, record.ActivityID{}, 1)
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		_, err = reg.Activity(ctx, c, record.ActivityID{})
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		for _, err := range reg.Activities(ctx, c, record.Filter{}) {
			assert.ErrorIs(t, err, compliance.ErrInvalid)
		}
		_, err = reg.Assess(ctx, c, record.ActivityID{})
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		_, err = reg.AssessAll(ctx, c, record.Filter{})
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		_, err = reg.Export(ctx, c, recKommune())
		assert.ErrorIs(t, err, compliance.ErrInvalid)
	}
}

func TestRegisterActivities(t *testing.T) {
	ctx := context.Background()
	reg, clock, c := recNewRegister(t, &record.Policy{ReviewInterval: compliance.Years(1)})

	draft := recJobcenter()
	draft.Role, draft.Status = 0, 0
	a, err := reg.CreateActivity(ctx, c, draft)
	require.NoError(t, err)
	assert.Equal(t, recUUID(1), a.ID.UUID, "ID from the Options' source")
	assert.Equal(t, uint64(1), a.Version)
	assert.Equal(t, record.RoleController, a.Role)
	assert.Equal(t, record.Draft, a.Status)
	assert.True(t, a.Created.Equal(clock.now))
	stored, err := reg.Activity(ctx, c, a.ID)
	require.NoError(t, err)
	assert.Equal(t, a, stored)

	_, err = reg.CreateActivity(ctx, c, stored)
	assert.Equal(t, []string{"version"}, []string{err.(*compliance.FieldError).Field})

	// An approved record must be complete (Art 30(1)).
	incomplete := recJobcenter()
	incomplete.Status, incomplete.Subjects = record.Approved, 0
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
	_, err = reg.UpdateActivity(ctx, c, record.Activity{})
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	missing := a
	missing.ID = record.ActivityID{UUID: recUUID(77)}
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
	assert.Equal(t, record.Approved, ok.Status)
	assert.Equal(t, compliance.Date{Year: 2025, Month: 3, Day: 19}, ok.ReviewedOn)
	assert.Equal(t, compliance.Date{Year: 2026, Month: 3, Day: 19}, ok.NextReview, "policy: one year")

	clock.now = time.Date(2026, time.April, 1, 9, 0, 0, 0, recCPH)
	fs, err := reg.Assess(ctx, c, ok.ID)
	require.NoError(t, err)
	_, overdue := recFind(fs, record.CodeReviewOverdue)
	assert.True(t, overdue)
	rv, err := reg.Review(ctx, c, ok.ID, ok.Version)
	require.NoError(t, err)
	assert.Equal(t, compliance.Date{Year: 2027, Month: 4, Day: 1}, rv.NextReview)
	fs, err = reg.Assess(ctx, c, ok.ID)
	require.NoError(t, err)
	_, overdue = recFind(fs, record.CodeReviewOverdue)
	assert.False(t, overdue)
	_, err = reg.Assess(ctx, c, record.ActivityID{UUID: recUUID(66)})
	assert.ErrorIs(t, err, compliance.ErrNotFound)

	_, err = reg.CreateActivity(ctx, c, recPersonnel())
	require.NoError(t, err)
	all, err := reg.AssessAll(ctx, c, record.Filter{})
	require.NoError(t, err)
	require.Len(t, all, 2)
	assert.Equal(t, "Beskæftigelsesindsats i jobcentret", all[0].Name)
	assert.Equal(t, []compliance.Code{record.CodeReviewOverdue}, recCodes(all[1].Findings), "next review was 3 March 2026")
	n := 0
	for _, err := range reg.Activities(ctx, c, record.Filter{Data: compliance.CategoriesOf(compliance.CriminalOffences)}) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 1, n)
}

// failingStore yields an error from List, as a broken database would.
type failingStore struct{ record.Store }

var errDown = errors.New("database down")

func (failingStore) List(context.Context, compliance.ControllerID, record.Filter) iter.Seq2[record.Activity, error] {
	return func(yield func(record.Activity, error) bool) { yield(record.Activity{}, errDown) }
}

func TestRegisterStoreErrors(t *testing.T) {
	reg, err := record.NewRegister(failingStore{recordtest.NewMemStore()}, &record.Options{Jurisdiction: compliance.DK})
	require.NoError(t, err)
	_, err = reg.AssessAll(context.Background(), compliance.ControllerID{UUID: recUUID(900)}, record.Filter{})
	assert.ErrorIs(t, err, errDown)
	_, err = reg.Export(context.Background(), compliance.ControllerID{UUID: recUUID(900)}, recKommune())
	assert.ErrorIs(t, err, errDown)
}

// TestRegisterReadBound: AssessAll and Export read at most MaxActivities
// records and name the field past it.
func TestRegisterReadBound(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		records int
		wantErr bool
	}{
		{"just at the bound", record.MaxActivities, false},
		{"one past the bound", record.MaxActivities + 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := recordtest.NewMemStore()
			c := compliance.ControllerID{UUID: recUUID(900)}
			a := recJobcenter()
			for i := range tt.records {
				a.ID = record.ActivityID{UUID: [16]byte{6: 0x70, 8: 0x80, 12: byte(i >> 24), 13: byte(i >> 16), 14: byte(i >> 8), 15: byte(i)}}
				require.NoError(t, s.Put(ctx, c, a))
			}
			reg, err := record.NewRegister(s, &record.Options{Jurisdiction: compliance.DK})
			require.NoError(t, err)

			as, err := reg.AssessAll(ctx, c, record.Filter{})
			ex, exErr := reg.Export(ctx, c, recKommune())
			if !tt.wantErr {
				require.NoError(t, err)
				require.NoError(t, exErr)
				assert.Len(t, as, tt.records)
				assert.NotZero(t, ex)
				return
			}
			for _, err := range []error{err, exErr} {
				var fe *compliance.FieldError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, "activities", fe.Field)
				assert.Equal(t, compliance.ReasonLength, fe.Reason)
			}
		})
	}
}

package breach_test

import (
	"bytes"
	"context"
	"errors"
	"iter"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/breach/breachtest"
	"github.com/tillid/tillid/compliance"
)

var kommune = compliance.ControllerID{UUID: id(0xee).UUID}

// clock is a settable clock for a register.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

func newRegister(t *testing.T, j compliance.Jurisdiction, c *clock, log *bytes.Buffer) (*breach.Register, *breachtest.MemStore) {
	t.Helper()
	s := breachtest.NewMemStore()
	opts := &breach.Options{Jurisdiction: j, Options: compliance.Options{Now: c.Now, NewID: compliance.Sequence()}}
	if log != nil {
		opts.Logger = slog.New(slog.NewJSONHandler(log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	r, err := breach.NewRegister(s, opts)
	require.NoError(t, err)
	return r, s
}

// secret is caseworker text about a citizen; it must never reach a log or
// an error.
const secret = "Jens Hansen, 010203-1234, bor på Vestergade 7"

func TestRegisterLifecycle(t *testing.T) {
	ctx := context.Background()
	c := &clock{cph(2024, time.March, 1, 10, 0)}
	var log bytes.Buffer
	r, s := newRegister(t, compliance.DK, c, &log)

	in := notifiable(cph(2024, time.March, 1, 9, 0))
	in.ID, in.Registered = breach.ID{}, time.Time{}
	in.Text = breach.Account{Description: secret, Summary: secret, DelayReasons: secret}
	b, err := r.Create(ctx, kommune, in)
	require.NoError(t, err)
	assert.Equal(t, "00000000-0000-7000-8000-000000000001", b.ID.String())
	assert.Equal(t, uint64(1), b.Version)
	assert.True(t, c.now.Equal(b.Registered))
	assert.Equal(t, time.UTC, b.Registered.Location(), "instants are stored in UTC")
	assert.Equal(t, time.UTC, b.Aware.Location())
	assert.Equal(t, 1, s.Len(kommune))

	// Assessment now: pending, 71 hours left.
	_, a, err := r.Assess(ctx, kommune, b.ID)
	require.NoError(t, err)
	assert.Equal(t, breach.Pending, a.Status)
	assert.Equal(t, 71*time.Hour, a.Deadline.Remaining(c.now))

	// Notification recorded at now, phase Initial by default.
	c.now = cph(2024, time.March, 2, 12, 0)
	b, err = r.RecordNotification(ctx, kommune, b.ID, breach.AuthorityNotification{Reference: "2024-431-0042", NextBy: cph(2024, time.March, 8, 12, 0)})
	require.NoError(t, err)
	require.Len(t, b.Authority, 1)
	assert.Equal(t, breach.Initial, b.Authority[0].Phase)
	assert.True(t, c.now.Equal(b.Authority[0].At))
	assert.Equal(t, uint64(2), b.Version)

	b, err = r.RecordNotification(ctx, kommune, b.ID, breach.AuthorityNotification{Complete: true})
	require.NoError(t, err)
	assert.Equal(t, breach.FollowUp, b.Authority[1].Phase)

	b, err = r.RecordCommunication(ctx, kommune, b.ID, breach.SubjectCommunication{Channel: breach.DigitalPost, Count: 1})
	require.NoError(t, err)
	require.Len(t, b.Communications, 1)

	b, err = r.Classify(ctx, kommune, b.ID, breach.NotABreach)
	require.NoError(t, err)
	assert.Equal(t, breach.NotABreach, b.Classification)
	_, err = r.Classify(ctx, kommune, b.ID, 0)
	assert.ErrorIs(t, err, compliance.ErrInvalid)

	// A stale update loses.
	stale := b
	stale.Version--
	_, err = r.Update(ctx, kommune, stale)
	assert.ErrorIs(t, err, compliance.ErrConflict)
	// Registered cannot be changed.
	moved := b
	moved.Registered = moved.Registered.Add(time.Hour)
	_, err = r.Update(ctx, kommune, moved)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	// Missing breach.
	_, err = r.Get(ctx, kommune, id(99))
	assert.ErrorIs(t, err, compliance.ErrNotFound)
	_, err = r.RecordCommunication(ctx, kommune, id(99), breach.SubjectCommunication{Channel: breach.Letter})
	assert.ErrorIs(t, err, compliance.ErrNotFound)

	// Invalid input: every field named, no value repeated.
	_, err = r.Create(ctx, kommune, breach.Breach{Text: breach.Account{Description: secret}, Reference: secret})
	require.ErrorIs(t, err, compliance.ErrInvalid)
	var ve *compliance.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("reporter"))
	assert.True(t, ve.Has("discovered"))
	assert.NotContains(t, err.Error(), "Jens")

	assert.Contains(t, log.String(), `"msg":"breach: created"`)
	assert.Contains(t, log.String(), `"msg":"breach: assessed"`)
	assert.NotContains(t, log.String(), "Jens", "the log holds no caseworker text")
	assert.NotContains(t, log.String(), "Vestergade")
}

func TestNewRegister(t *testing.T) {
	_, err := breach.NewRegister(nil, nil)
	var ve *compliance.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("store"))
	assert.True(t, ve.Has("jurisdiction"))

	_, err = breach.NewRegister(breachtest.NewMemStore(), &breach.Options{
		Jurisdiction: compliance.DK,
		Calendar:     calendar(t, compliance.NO, compliance.CalendarOptions{}),
		Policy:       &breach.Policy{ImpactFloor: 8},
	})
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("calendar"))
	assert.True(t, ve.Has("policy.impactFloor"))

	r, err := breach.NewRegister(breachtest.NewMemStore(), &breach.Options{Jurisdiction: compliance.NO})
	require.NoError(t, err)
	assert.Equal(t, compliance.NO, r.Jurisdiction())
	assert.Equal(t, compliance.NO, r.Calendar().Jurisdiction())
}

// TestDueAcrossRegister: what is overdue or due next across the register
// at an instant, overdue first, then by deadline, then the duties without
// a fixed deadline.
func TestDueAcrossRegister(t *testing.T) {
	ctx := context.Background()
	c := &clock{cph(2024, time.March, 10, 12, 0)}
	r, _ := newRegister(t, compliance.DK, c, nil)
	create := func(b breach.Breach) breach.Breach {
		t.Helper()
		x, err := r.Create(ctx, kommune, b)
		require.NoError(t, err)
		return x
	}
	// 1: aware 8 March 12:00, not notified: due 11 March 12:00.
	b1 := create(notifiable(cph(2024, time.March, 8, 12, 0)))
	// 2: aware 9 March 08:00, not notified: due 12 March 08:00.
	b2 := create(notifiable(cph(2024, time.March, 9, 8, 0)))
	// 3: aware 6 March 10:00, not notified: overdue since 9 March 10:00.
	b3 := create(notifiable(cph(2024, time.March, 6, 10, 0)))
	// 4: high risk, notified on time: the data subjects are still to be told.
	h := notifiedAt(notifiable(cph(2024, time.March, 9, 9, 0)), cph(2024, time.March, 9, 15, 0), true)
	h.Data = compliance.CategoriesOf(compliance.Health)
	b4 := create(h)
	// 5: unlikely to result in a risk: nothing due.
	low := incident(cph(2024, time.March, 9, 9, 0), breach.Confidentiality)
	low.Recipients = breach.NoEvidence
	create(low)
	// 6: not a breach: nothing due.
	nb := notifiable(cph(2024, time.March, 9, 9, 0))
	nb.Classification = breach.NotABreach
	create(nb)

	due, err := r.Due(ctx, kommune, time.Time{})
	require.NoError(t, err)
	want := []breach.Due{
		{Breach: b3.ID, Duty: breach.DutyNotify, By: cph(2024, time.March, 9, 10, 0), Overdue: true},
		{Breach: b1.ID, Duty: breach.DutyNotify, By: cph(2024, time.March, 11, 12, 0)},
		{Breach: b2.ID, Duty: breach.DutyNotify, By: cph(2024, time.March, 12, 8, 0)},
		{Breach: b4.ID, Duty: breach.DutyCommunicate},
	}
	require.Len(t, due, len(want))
	for i := range want {
		assert.Equal(t, want[i].Breach, due[i].Breach, "duty %d", i)
		assert.Equal(t, want[i].Duty, due[i].Duty, "duty %d", i)
		assert.True(t, want[i].By.Equal(due[i].By), "duty %d by %v, want %v", i, due[i].By, want[i].By)
		assert.Equal(t, want[i].Overdue, due[i].Overdue, "duty %d", i)
	}

	// Later, at another instant: b1 is now overdue too.
	due, err = r.Due(ctx, kommune, cph(2024, time.March, 11, 12, 1))
	require.NoError(t, err)
	assert.Equal(t, b3.ID, due[0].Breach)
	assert.Equal(t, b1.ID, due[1].Breach)
	assert.True(t, due[1].Overdue)
}

// failing is a store whose List fails after one record.
type failing struct{ breach.Store }

var errDisk = errors.New("disk on fire")

func (f failing) List(ctx context.Context, c compliance.ControllerID, fl breach.Filter) iter.Seq2[breach.Breach, error] {
	return func(yield func(breach.Breach, error) bool) {
		for b, err := range f.Store.List(ctx, c, fl) {
			if !yield(b, err) {
				return
			}
			break
		}
		yield(breach.Breach{}, errDisk)
	}
}

func TestStoreErrors(t *testing.T) {
	ctx := context.Background()
	mem := breachtest.NewMemStore()
	c := &clock{aware}
	r, err := breach.NewRegister(failing{mem}, &breach.Options{Jurisdiction: compliance.DK, Options: compliance.Options{Now: c.Now, NewID: compliance.Sequence()}})
	require.NoError(t, err)
	_, err = r.Create(ctx, kommune, notifiable(aware))
	require.NoError(t, err)
	_, err = r.Due(ctx, kommune, time.Time{})
	assert.ErrorIs(t, err, errDisk, "a store's own error is passed on as is")
	_, err = r.Year(ctx, kommune, 2024)
	assert.ErrorIs(t, err, errDisk)
}

func TestRegisterNotices(t *testing.T) {
	ctx := context.Background()
	c := &clock{aware.Add(time.Hour)}
	r, _ := newRegister(t, compliance.DK, c, nil)
	h := notifiable(aware)
	h.Data = compliance.CategoriesOf(compliance.Health)
	b, err := r.Create(ctx, kommune, h)
	require.NoError(t, err)
	contact := breach.Contact{Controller: "Roskilde Kommune", Name: "DPO", DPO: true, Email: "dpo@example.dk"}
	notice, letter, err := r.Notices(ctx, kommune, b.ID, contact)
	require.NoError(t, err)
	assert.NotEmpty(t, notice.Blocks)
	require.NotNil(t, letter, "high risk: a letter to the data subjects")

	low := incident(aware, breach.Confidentiality)
	low.Recipients = breach.NoEvidence
	b, err = r.Create(ctx, kommune, low)
	require.NoError(t, err)
	_, letter, err = r.Notices(ctx, kommune, b.ID, contact)
	require.NoError(t, err)
	assert.Nil(t, letter)
}

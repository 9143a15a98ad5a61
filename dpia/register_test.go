package dpia_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/dpia/dpiatest"
)

var kommune = compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0x42}}

// clock is a settable clock for the Register.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

func newRegister(c *clock, p dpia.Policy) (*dpia.Register, *dpiatest.MemStore) {
	s := dpiatest.NewMemStore()
	r, err := dpia.NewRegister(s, &dpia.Options{
		Options: compliance.Options{Now: c.Now, NewID: compliance.Sequence()},
		Policy:  p,
	})
	if err != nil {
		panic(err)
	}
	return r, s
}

// TestRegisterEditions follows a DPIA made in 2019 and updated in January
// 2021 when a new sub-processor came in: two editions, the second carrying
// the reason for the revision (Art 35(11)).
func TestRegisterEditions(t *testing.T) {
	ctx := context.Background()
	clk := &clock{now: time.Date(2019, time.May, 2, 9, 0, 0, 0, time.UTC)}
	r, _ := newRegister(clk, dpia.Policy{ReviewInterval: compliance.Years(3)})

	a, err := r.Create(ctx, kommune, welfare())
	require.NoError(t, err)
	assert.Equal(t, "00000000-0000-7000-8000-000000000001", a.ID.String())
	assert.Equal(t, uint64(1), a.Version)
	assert.True(t, a.Created.Equal(clk.now))

	clk.now = time.Date(2019, time.June, 14, 12, 0, 0, 0, time.UTC)
	a, rep, err := r.SignOff(ctx, kommune, a.ID, a.Version, dpia.SignOff{Date: date(2019, time.June, 14), Role: "kommunedirektør", Decision: dpia.Approved})
	require.NoError(t, err)
	assert.True(t, rep.Complete)
	require.Len(t, a.Editions, 1)
	assert.Equal(t, dpia.Edition{Number: 1, Date: date(2019, time.June, 14), Decision: dpia.Approved,
		DPOConclusion: dpia.ProceedWithChanges, Residual: dpia.Medium}, a.Editions[0])
	assert.Equal(t, date(2022, time.June, 14), rep.NextReview)

	// A signed-off DPIA cannot be edited in place.
	_, err = r.Update(ctx, kommune, a)
	assert.ErrorIs(t, err, dpia.ErrSignedOff)

	clk.now = time.Date(2021, time.January, 4, 8, 0, 0, 0, time.UTC)
	a, err = r.Revise(ctx, kommune, a.ID, a.Version, dpia.NewSubProcessor)
	require.NoError(t, err)
	assert.True(t, a.SignOff.IsZero())
	assert.Equal(t, []dpia.Trigger{dpia.NewSubProcessor}, a.Pending)

	a.Description.SubProcessors = []compliance.ProcessorID{processorB}
	a.Editions = nil // ignored: editions change only through SignOff
	a, err = r.Update(ctx, kommune, a)
	require.NoError(t, err)
	require.Len(t, a.Editions, 1)

	clk.now = time.Date(2021, time.January, 20, 13, 0, 0, 0, time.UTC)
	a, _, err = r.SignOff(ctx, kommune, a.ID, a.Version, dpia.SignOff{Date: date(2021, time.January, 20), Role: "kommunedirektør", Decision: dpia.Approved})
	require.NoError(t, err)
	require.Len(t, a.Editions, 2, "made in 2019 and updated in January 2021: two editions")
	assert.Equal(t, 2, a.Editions[1].Number)
	assert.Equal(t, []dpia.Trigger{dpia.NewSubProcessor}, a.Editions[1].Triggers)
	assert.Empty(t, a.Pending)

	stored, err := r.Get(ctx, kommune, a.ID)
	require.NoError(t, err)
	assert.Equal(t, a.Version, stored.Version)
	assert.Len(t, stored.Editions, 2)

	// Three years after the second edition (20 January 2024 is a
	// Saturday, so the interval runs to Monday 22 January).
	clk.now = time.Date(2024, time.February, 1, 8, 0, 0, 0, time.UTC)
	rep, err = r.Check(ctx, kommune, a.ID)
	require.NoError(t, err)
	assert.Equal(t, []dpia.Trigger{dpia.Periodic}, rep.Triggers)
	assert.Equal(t, date(2024, time.January, 22), rep.NextReview)

	// A new processor since: Review names it.
	cur := stored.Description
	cur.Processors = append(cur.Processors, processorB)
	rep, err = r.Review(ctx, kommune, a.ID, cur)
	require.NoError(t, err)
	assert.Equal(t, []dpia.Trigger{dpia.Periodic, dpia.NewProcessor}, rep.Triggers)
}

func TestRegisterSignOffIncomplete(t *testing.T) {
	ctx := context.Background()
	clk := &clock{now: time.Date(2025, time.March, 3, 9, 0, 0, 0, time.UTC)}
	r, _ := newRegister(clk, dpia.Policy{})
	draft := welfare()
	draft.DPOAdvice = dpia.Advice{}
	a, err := r.Create(ctx, kommune, draft)
	require.NoError(t, err)

	_, rep, err := r.SignOff(ctx, kommune, a.ID, a.Version, dpia.SignOff{Date: date(2025, 3, 3), Role: "kommunedirektør", Decision: dpia.Approved})
	assert.ErrorIs(t, err, dpia.ErrIncomplete, "Art 35(2): the DPO's advice is missing")
	assert.False(t, rep.Complete)
	f, ok := findingWith(rep.Findings, dpia.CodeMissing)
	require.True(t, ok)
	assert.Equal(t, "dpo-advice", f.Subject)
	got, err := r.Get(ctx, kommune, a.ID)
	require.NoError(t, err)
	assert.True(t, got.SignOff.IsZero(), "a refused approval stores nothing")

	// A rejection can be recorded on an incomplete DPIA.
	a, _, err = r.SignOff(ctx, kommune, a.ID, a.Version, dpia.SignOff{Date: date(2025, 3, 3), Role: "kommunedirektør", Decision: dpia.Rejected})
	require.NoError(t, err)
	assert.Equal(t, dpia.Rejected, a.Editions[0].Decision)
	_, _, err = r.SignOff(ctx, kommune, a.ID, a.Version, dpia.SignOff{Date: date(2025, 3, 3), Role: "x", Decision: dpia.Rejected})
	assert.ErrorIs(t, err, dpia.ErrSignedOff)
}

func TestRegisterErrors(t *testing.T) {
	ctx := context.Background()
	clk := &clock{now: time.Date(2025, time.March, 3, 9, 0, 0, 0, time.UTC)}
	r, _ := newRegister(clk, dpia.Policy{})

	withID := welfare()
	withID.ID = compliance.DPIAID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 9}}
	_, err := r.Create(ctx, kommune, withID)
	assert.ErrorIs(t, err, compliance.ErrInvalid)

	bad := welfare()
	bad.Title = ""
	_, err = r.Create(ctx, kommune, bad)
	assert.ErrorIs(t, err, compliance.ErrInvalid)

	a, err := r.Create(ctx, kommune, welfare())
	require.NoError(t, err)
	stale := a
	a.Title = "Fallsensor, versjon 2"
	a, err = r.Update(ctx, kommune, a)
	require.NoError(t, err)
	assert.Equal(t, uint64(2), a.Version)
	_, err = r.Update(ctx, kommune, stale)
	assert.ErrorIs(t, err, compliance.ErrConflict)
	_, _, err = r.SignOff(ctx, kommune, a.ID, stale.Version, dpia.SignOff{Date: date(2025, 3, 3), Role: "x", Decision: dpia.Approved})
	assert.ErrorIs(t, err, compliance.ErrConflict)
	_, _, err = r.SignOff(ctx, kommune, a.ID, a.Version, dpia.SignOff{})
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = r.Revise(ctx, kommune, a.ID, a.Version)
	assert.ErrorIs(t, err, compliance.ErrInvalid, "a revision needs a reason")
	_, err = r.Revise(ctx, kommune, a.ID, stale.Version, dpia.OtherChange)
	assert.ErrorIs(t, err, compliance.ErrConflict)

	other := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0x43}}
	_, err = r.Get(ctx, other, a.ID)
	assert.ErrorIs(t, err, compliance.ErrNotFound)
	_, err = r.Check(ctx, other, a.ID)
	assert.ErrorIs(t, err, compliance.ErrNotFound)
	_, err = r.Calendar(0)
	assert.ErrorIs(t, err, compliance.ErrInvalid)

	// The ID source failing.
	failing, err := dpia.NewRegister(dpiatest.NewMemStore(), &dpia.Options{Options: compliance.Options{
		NewID: func() (uuid.UUID, error) { return uuid.Nil, errors.New("no entropy") }}})
	require.NoError(t, err)
	_, err = failing.Create(ctx, kommune, welfare())
	assert.Error(t, err)
}

func TestRegisterList(t *testing.T) {
	ctx := context.Background()
	clk := &clock{now: time.Date(2025, time.March, 3, 9, 0, 0, 0, time.UTC)}
	r, _ := newRegister(clk, dpia.Policy{})
	one, err := r.Create(ctx, kommune, welfare())
	require.NoError(t, err)
	second := welfare()
	second.Title = "Trygghetsalarm"
	second.Description.Processors = []compliance.ProcessorID{processorB}
	two, err := r.Create(ctx, kommune, second)
	require.NoError(t, err)
	_, _, err = r.SignOff(ctx, kommune, two.ID, two.Version, dpia.SignOff{Date: date(2025, 3, 3), Role: "x", Decision: dpia.Approved})
	require.NoError(t, err)

	ids := func(f dpia.Filter) []compliance.DPIAID {
		var out []compliance.DPIAID
		for a, err := range r.List(ctx, kommune, f) {
			require.NoError(t, err)
			out = append(out, a.ID)
		}
		return out
	}
	assert.Equal(t, []compliance.DPIAID{one.ID, two.ID}, ids(dpia.Filter{}))
	assert.Equal(t, []compliance.DPIAID{one.ID}, ids(dpia.Filter{Draft: true}))
	assert.Equal(t, []compliance.DPIAID{two.ID}, ids(dpia.Filter{Decision: dpia.Approved}))
	assert.Equal(t, []compliance.DPIAID{two.ID}, ids(dpia.Filter{Processor: processorB}), "the DPIAs to review when processor B changes")
}

func TestRegisterScreen(t *testing.T) {
	r, _ := newRegister(&clock{}, dpia.Policy{DanishDraftItems: true})
	s, err := r.Screen(dpia.Input{Jurisdiction: compliance.DK, Title: "Gentest",
		Items: []dpia.ListItem{dpia.DKGenetic}, Categories: compliance.CategoriesOf(compliance.Genetic),
		Criteria: []dpia.Criterion{dpia.Evaluation}})
	require.NoError(t, err)
	assert.Equal(t, dpia.Required, s.Outcome, "the Register applies its policy")
	_, err = r.Screen(dpia.Input{})
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

package retention_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
	"github.com/tillid/tillid/retention/retentiontest"
)

var kommune = compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0xa}}

func newPlan(t *testing.T, now *time.Time, log *strings.Builder) (*retention.Plan, retention.Store) {
	t.Helper()
	store := retentiontest.NewMemStore()
	opts := &retention.Options{Options: compliance.Options{
		Now:   func() time.Time { return *now },
		NewID: compliance.Sequence(),
	}}
	if log != nil {
		opts.Logger = slog.New(slog.NewJSONHandler(log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	plan, err := retention.NewPlan(store, kommune, opts)
	require.NoError(t, err)
	return plan, store
}

func TestPlanAddUpdate(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC)
	var logs strings.Builder
	plan, _ := newPlan(t, &now, &logs)

	r := kleRule(0, "25.02.00", retention.BevaringK5, "P1825D")
	r.Title = "Ejendomsskat for Jens Hansen" // free text: must not be logged
	added, err := plan.Add(ctx, r)
	require.NoError(t, err)
	assert.False(t, added.ID.IsZero())
	assert.Equal(t, uint64(1), added.Version)
	assert.True(t, added.Created.Equal(now))

	got, err := plan.Get(ctx, added.ID)
	require.NoError(t, err)
	assert.Equal(t, added.Class, got.Class)
	assert.Equal(t, uint64(1), got.Version)

	// A second rule for the same emne is a duplicate; one for another
	// facet is not.
	_, err = plan.Add(ctx, kleRule(0, "25.02.00", retention.BevaringB, ""))
	var ve *compliance.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("class"))
	_, err = plan.Add(ctx, withFacet(kleRule(0, "25.02.00", retention.BevaringB, ""), "K01"))
	require.NoError(t, err)

	// Invalid rules are rejected before the store is touched.
	_, err = plan.Add(ctx, retention.Rule{Scheme: retention.KLE})
	assert.ErrorIs(t, err, compliance.ErrInvalid)

	later := now.Add(time.Hour)
	now = later
	got.Bevaring = retention.BevaringK10
	updated, err := plan.Update(ctx, got)
	require.NoError(t, err)
	assert.Equal(t, uint64(2), updated.Version)
	assert.True(t, updated.Created.Equal(added.Created))
	assert.True(t, updated.Updated.Equal(later))

	_, err = plan.Update(ctx, got) // stale: Version 1
	assert.ErrorIs(t, err, compliance.ErrConflict)
	missing := got
	missing.ID = id(999)
	_, err = plan.Update(ctx, missing)
	assert.ErrorIs(t, err, compliance.ErrNotFound)

	n := 0
	for r, err := range plan.Rules(ctx, retention.Filter{Scheme: retention.KLE}) {
		require.NoError(t, err)
		assert.Equal(t, retention.KLE, r.Scheme)
		n++
	}
	assert.Equal(t, 2, n)

	s, err := plan.Schedule(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, s.Len())

	assert.NotContains(t, logs.String(), "Jens")
	assert.Contains(t, logs.String(), "retention: rule added")
}

func TestPlanDecideSweepErasure(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	var logs strings.Builder
	plan, _ := newPlan(t, &now, &logs)
	for _, r := range testRules() {
		_, err := plan.Add(ctx, r)
		require.NoError(t, err)
	}
	rec := retention.Record{ID: "2010/010-1", Jurisdiction: compliance.NO, Class: "010", Closed: day("2010-01-01")}
	d, err := plan.Decide(ctx, rec)
	require.NoError(t, err)
	assert.Equal(t, retention.Transfer, d.Disposition)

	x, err := plan.Erasure(ctx, rec)
	require.NoError(t, err)
	assert.Equal(t, retention.Refuse, x.Outcome)
	assert.Contains(t, logs.String(), "retention: erasure request")
	assert.NotContains(t, logs.String(), "2010-01-01", "dates of records are not logged")

	var sum retention.Summary
	for _, err := range plan.Sweep(ctx, records(archive(50), 50), &sum) {
		require.NoError(t, err)
	}
	assert.Equal(t, 50, sum.Records)

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	var errs []error
	for _, err := range plan.Sweep(cctx, records(archive(50), 50), nil) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], context.Canceled)
}

// failing is a Store whose List fails: errors from the store reach the
// caller unchanged.
type failing struct{ retention.Store }

var errStore = errors.New("store down")

func (failing) List(context.Context, compliance.ControllerID, retention.Filter) iter.Seq2[retention.Rule, error] {
	return func(yield func(retention.Rule, error) bool) { yield(retention.Rule{}, errStore) }
}

func TestPlanStoreErrors(t *testing.T) {
	ctx := context.Background()
	plan, err := retention.NewPlan(failing{retentiontest.NewMemStore()}, kommune, nil)
	require.NoError(t, err)
	_, err = plan.Add(ctx, bookkeeping(0))
	assert.ErrorIs(t, err, errStore)
	_, err = plan.Schedule(ctx)
	assert.ErrorIs(t, err, errStore)
	_, err = plan.Decide(ctx, retention.Record{ID: "x", Jurisdiction: compliance.DK})
	assert.ErrorIs(t, err, errStore)
	_, err = plan.Erasure(ctx, retention.Record{ID: "x", Jurisdiction: compliance.DK})
	assert.ErrorIs(t, err, errStore)
	var errs []error
	for _, err := range plan.Sweep(ctx, records(archive(3), 3), nil) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], errStore)
}

// TestPlanScheduleBound: Schedule reads at most MaxRules stored rules and
// names the field past it; Decide, which compiles the plan, and Add, which
// reads the rules of its kind, fail alike.
func TestPlanScheduleBound(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		rules   int
		wantErr bool
	}{
		{"just at the bound", retention.MaxRules, false},
		{"one past the bound", retention.MaxRules + 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := retentiontest.NewMemStore()
			for i := range tt.rules {
				r := bookkeeping(i + 1)
				r.Class = fmt.Sprintf("regnskab-%d", i)
				require.NoError(t, store.Put(ctx, kommune, r))
			}
			plan, err := retention.NewPlan(store, kommune, nil)
			require.NoError(t, err)

			s, err := plan.Schedule(ctx)
			if !tt.wantErr {
				require.NoError(t, err)
				assert.Equal(t, tt.rules, s.Len())
				return
			}
			_, errDecide := plan.Decide(ctx, retention.Record{ID: "x", Jurisdiction: compliance.DK})
			added := bookkeeping(0)
			added.Class = "regnskab-new"
			_, errAdd := plan.Add(ctx, added)
			for _, err := range []error{err, errDecide, errAdd} {
				var fe *compliance.FieldError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, "rules", fe.Field)
				assert.Equal(t, compliance.ReasonLength, fe.Reason)
				assert.ErrorIs(t, err, compliance.ErrInvalid)
			}
		})
	}
}

// TestCompileBound: Compile takes at most MaxRules rules and names the
// field past it, before checking any rule.
func TestCompileBound(t *testing.T) {
	rules := make([]retention.Rule, retention.MaxRules+1)
	for i := range rules {
		rules[i] = bookkeeping(i + 1)
		rules[i].Class = fmt.Sprintf("regnskab-%d", i)
	}
	tests := []struct {
		name    string
		rules   []retention.Rule
		wantErr bool
	}{
		{"just at the bound", rules[:retention.MaxRules], false},
		{"one past the bound", rules, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := retention.Compile(tt.rules, retention.Policy{})
			if !tt.wantErr {
				require.NoError(t, err)
				assert.Equal(t, len(tt.rules), s.Len())
				return
			}
			var ve *compliance.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.True(t, ve.Has("rules"), "%v", err)
			assert.Len(t, ve.Fields, 1, "no rule is checked past the bound")
		})
	}
}

package retention_test

import (
	"context"
	"errors"
	"iter"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
	"github.com/tillid/tillid/retention/retentiontest"
)

// addConcurrently runs 8 Adds of a rule for one class at once, on the plans
// given (round robin), and returns how many succeeded and how many were
// rejected as a duplicate class.
func addConcurrently(t *testing.T, plans ...*retention.Plan) (ok, dup int) {
	t.Helper()
	var wg sync.WaitGroup
	var mu sync.Mutex
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := bookkeeping(0)
			r.Title = "regnskab " + string(rune('a'+g))
			_, err := plans[g%len(plans)].Add(context.Background(), r)
			mu.Lock()
			defer mu.Unlock()
			var ve *compliance.ValidationError
			switch {
			case err == nil:
				ok++
			case errors.As(err, &ve) && ve.Has("class"):
				dup++
			default:
				t.Errorf("Add = %v", err)
			}
		}()
	}
	wg.Wait()
	return ok, dup
}

// gated delays each Put until 8 Lists have begun or 50 ms have passed,
// whichever is first, so that concurrent check-then-write sequences overlap
// as they do under load: without the Plan's lock and the store's unique
// class key, all 8 Adds would pass their checks before any of them wrote.
// The wait only widens the window; nothing is asserted about time.
type gated struct {
	retention.Store
	mu    sync.Mutex
	lists int
	open  chan struct{}
}

func newGated(s retention.Store) *gated { return &gated{Store: s, open: make(chan struct{})} }

func (g *gated) List(ctx context.Context, c compliance.ControllerID, f retention.Filter) iter.Seq2[retention.Rule, error] {
	g.mu.Lock()
	g.lists++
	if g.lists == 8 {
		close(g.open)
	}
	g.mu.Unlock()
	return g.Store.List(ctx, c, f)
}

func (g *gated) Put(ctx context.Context, c compliance.ControllerID, r retention.Rule) error {
	select {
	case <-g.open:
	case <-time.After(50 * time.Millisecond):
	}
	return g.Store.Put(ctx, c, r)
}

// TestPlanAddRace (issue 14 item 4): Add checked for a rule of the class and
// then wrote, so two concurrent Adds both succeeded and every later Decide
// and Sweep failed with "rules[1].class: duplicate". Of 8 concurrent Adds
// exactly one succeeds — on one Plan (its lock) and on two Plans over one
// store, as in two processes (the store's unique class key).
func TestPlanAddRace(t *testing.T) {
	for _, plans := range []int{1, 2} {
		store := newGated(retentiontest.NewMemStore())
		var ps []*retention.Plan
		for range plans {
			p, err := retention.NewPlan(store, kommune, &retention.Options{Options: compliance.Options{NewID: compliance.Sequence()}})
			require.NoError(t, err)
			ps = append(ps, p)
		}
		if plans == 2 {
			// Two sequences would give the same IDs; two processes do not.
			ps[1], _ = retention.NewPlan(store, kommune, nil)
		}
		ok, dup := addConcurrently(t, ps...)
		assert.Equal(t, 1, ok, "%d plan(s): Adds that succeeded", plans)
		assert.Equal(t, 7, dup, "%d plan(s): Adds rejected as a duplicate class", plans)
		_, err := ps[0].Decide(context.Background(), retention.Record{ID: "R1", Jurisdiction: compliance.DK,
			Scheme: retention.Custom, Class: "regnskab", FinancialYearEnd: day("2020-12-31")})
		assert.NoError(t, err, "%d plan(s)", plans)
	}
}

// TestPlanUpdateRace: 8 concurrent Updates moving different rules onto one
// class; at most one succeeds, and the plan still compiles.
func TestPlanUpdateRace(t *testing.T) {
	ctx := context.Background()
	store := newGated(retentiontest.NewMemStore())
	plan, err := retention.NewPlan(store, kommune, nil)
	require.NoError(t, err)
	var rules []retention.Rule
	for i := range 8 {
		r := bookkeeping(0)
		r.Class = "regnskab-" + string(rune('a'+i))
		r, err := plan.Add(ctx, r)
		require.NoError(t, err)
		rules = append(rules, r)
	}
	store.mu.Lock()
	store.lists, store.open = 0, make(chan struct{})
	store.mu.Unlock()
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok := 0
	for _, r := range rules {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.Class = "regnskab"
			_, err := plan.Update(ctx, r)
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				ok++
			} else if !errors.Is(err, compliance.ErrInvalid) && !errors.Is(err, compliance.ErrConflict) {
				t.Errorf("Update = %v", err)
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, 1, ok)
	s, err := plan.Schedule(ctx)
	require.NoError(t, err)
	assert.Empty(t, s.Excluded())
}

// logBuffer collects a logger's JSON records.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func (l *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewJSONHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// lax is a Store that breaks the contract's one-rule-per-class promise, as
// a host's store written before it might.
type lax struct {
	mu    sync.Mutex
	rules []retention.Rule
}

func (l *lax) Get(_ context.Context, _ compliance.ControllerID, id compliance.RetentionRuleID) (retention.Rule, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, r := range l.rules {
		if r.ID == id {
			return r.Clone(), nil
		}
	}
	return retention.Rule{}, compliance.ErrNotFound
}

func (l *lax) Put(_ context.Context, _ compliance.ControllerID, r retention.Rule) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	r = r.Clone()
	r.Version++
	l.rules = append(l.rules, r)
	return nil
}

func (l *lax) List(_ context.Context, _ compliance.ControllerID, f retention.Filter) iter.Seq2[retention.Rule, error] {
	l.mu.Lock()
	snap := slices.Clone(l.rules)
	l.mu.Unlock()
	return func(yield func(retention.Rule, error) bool) {
		for _, r := range snap {
			if f.Match(r) && !yield(r.Clone(), nil) {
				return
			}
		}
	}
}

// TestPlanDuplicateInStore (issue 14 item 4): should a store hold two rules
// for one class (or an invalid rule), the plan reports them and the records
// of that class get an error, while every other record is decided; before,
// every Decide and Sweep of the controller failed.
func TestPlanDuplicateInStore(t *testing.T) {
	ctx := context.Background()
	store := &lax{}
	for _, r := range []retention.Rule{bookkeeping(1), bookkeeping(2), kleRule(3, "25.02.00", retention.BevaringK5, ""), kleRule(4, "25.02.00", retention.BevaringK10, ""), kleRule(5, "02.00.01", retention.BevaringK10, "P1825D")} {
		r.Version = 0
		require.NoError(t, store.Put(ctx, kommune, r))
	}
	bad := kleRule(6, "81.00.00", retention.BevaringK, "P1825D")
	bad.Jurisdiction = compliance.NO // a KLE rule must be Danish
	require.NoError(t, store.Put(ctx, kommune, bad))

	var logs logBuffer
	now := time.Date(2027, 1, 1, 12, 0, 0, 0, time.UTC)
	plan, err := retention.NewPlan(store, kommune, &retention.Options{Options: compliance.Options{
		Now: func() time.Time { return now }, Logger: logs.logger()}})
	require.NoError(t, err)
	s, err := plan.Schedule(ctx)
	require.NoError(t, err)
	assert.ElementsMatch(t, []compliance.RetentionRuleID{id(1), id(2), id(3), id(4), id(6)}, s.Excluded())
	assert.Contains(t, logs.String(), id(1).String(), "the warning names the rules")
	assert.NotContains(t, logs.String(), "regnskab", "the warning names no class")

	recs := []retention.Record{
		{ID: "A", Jurisdiction: compliance.DK, Scheme: retention.Custom, Class: "regnskab", FinancialYearEnd: day("2020-12-31")},
		{ID: "B", Jurisdiction: compliance.DK, Class: "25.02.00", Closed: day("2015-01-01")},
		{ID: "C", Jurisdiction: compliance.DK, Class: "02.00.01", Closed: day("2015-01-01")},
		{ID: "D", Jurisdiction: compliance.DK, Class: "81.00.00", Closed: day("2015-01-01")},
	}
	got := map[string]error{}
	for d, err := range plan.Sweep(ctx, records(recs, len(recs)), nil) {
		got[d.Record] = err
	}
	require.Len(t, got, 4, "the sweep went on past the bad classes")
	for _, id := range []string{"A", "B"} {
		var ve *compliance.ValidationError
		if assert.ErrorAs(t, got[id], &ve, id) {
			assert.True(t, ve.Has("class"), id)
		}
	}
	assert.NoError(t, got["C"], "a record of another class is decided")
	assert.NoError(t, got["D"], "the invalid rule's class falls to its group or to no rule")
	d, err := plan.Decide(ctx, recs[2])
	assert.NoError(t, err)
	assert.Equal(t, retention.Delete, d.Disposition)
}

// TestNewPlanAndZeroPlan (issue 14 item 7): NewPlan rejects a nil store and a
// zero controller; a zero Plan's methods return ErrNoPlan, never panic.
func TestNewPlanAndZeroPlan(t *testing.T) {
	_, err := retention.NewPlan(nil, compliance.ControllerID{}, nil)
	var ve *compliance.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("store"))
	assert.True(t, ve.Has("controller"))

	ctx := context.Background()
	for _, p := range []*retention.Plan{nil, {}} {
		_, err = p.Add(ctx, bookkeeping(0))
		assert.ErrorIs(t, err, retention.ErrNoPlan)
		_, err = p.Update(ctx, bookkeeping(0))
		assert.ErrorIs(t, err, retention.ErrNoPlan)
		_, err = p.Get(ctx, id(1))
		assert.ErrorIs(t, err, retention.ErrNoPlan)
		_, err = p.Schedule(ctx)
		assert.ErrorIs(t, err, retention.ErrNoPlan)
		_, err = p.Decide(ctx, retention.Record{})
		assert.ErrorIs(t, err, retention.ErrNoPlan)
		_, err = p.Erasure(ctx, retention.Record{})
		assert.ErrorIs(t, err, retention.ErrNoPlan)
		for _, err := range p.Rules(ctx, retention.Filter{}) {
			assert.ErrorIs(t, err, retention.ErrNoPlan)
		}
		for _, err := range p.Sweep(ctx, nil, nil) {
			assert.ErrorIs(t, err, retention.ErrNoPlan)
		}
	}
}

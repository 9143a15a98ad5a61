package processor_test

import (
	"context"
	"errors"
	"iter"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

// procN returns clean() with the IDs of processor n.
func procN(n byte) processor.Processor {
	p := clean()
	p.ID = pid(n)
	p.Agreements[0].ID = processor.AgreementID{UUID: uid(2, n)}
	p.SubProcessors[0].ID = processor.SubProcessorID{UUID: uid(3, n)}
	p.Audits[0].ID = processor.AuditID{UUID: uid(4, n)}
	return p
}

// Issue 14 item 1 (stale allow): under 8 concurrent writers that withdraw
// and restore agreements while Load runs, a write acknowledged to its
// writer is what the next Check sees (or a newer version), a snapshot never
// goes back in version, and at the end every processor's entry is the
// stored version. Run with -race.
func TestNoStaleAllow(t *testing.T) {
	ctx := context.Background()
	now := at(t)
	store := slowStore{processortest.NewMemStore()}
	r, err := processor.NewRegistry(store, kommune, &processor.Options{Policy: policyDK(),
		Options: compliance.Options{Now: func() time.Time { return now }}})
	require.NoError(t, err)
	_, err = r.Load(ctx)
	require.NoError(t, err)
	const procs, writers, writes = 4, 8, 40
	for n := range byte(procs) {
		_, err := r.Put(ctx, procN(n+1))
		require.NoError(t, err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() { // a reloader racing the writers
		defer wg.Done()
		for i := 0; i < 200; i++ {
			select {
			case <-stop:
				return
			default:
			}
			_, err := r.Load(ctx)
			assert.NoError(t, err)
		}
	}()
	var wwg sync.WaitGroup
	for w := range writers {
		wwg.Add(1)
		go func() {
			defer wwg.Done()
			seen := map[compliance.ProcessorID]uint64{}
			for i := range writes {
				id := pid(byte((w+i)%procs) + 1)
				p, err := store.Get(ctx, kommune, id)
				if !assert.NoError(t, err) {
					return
				}
				withdraw := (w+i)%2 == 0
				if withdraw {
					p.Agreements[0].To = date(2026, time.January, 1) // ended: deny
				} else {
					p.Agreements[0].To = compliance.Date{}
				}
				got, err := r.Put(ctx, p)
				if errors.Is(err, compliance.ErrConflict) {
					continue // another writer was first: that is not an acknowledged write
				}
				if !assert.NoError(t, err) {
					return
				}
				req := request()
				req.Processor = id
				d := r.Check(req, now)
				assert.GreaterOrEqual(t, d.ProcessorVersion, got.Version, "an acknowledged write is what the next Check sees")
				if d.ProcessorVersion == got.Version {
					assert.Equal(t, withdraw, d.Outcome == processor.Deny, "the decision is the one of the version written")
				}
				assert.GreaterOrEqual(t, d.ProcessorVersion, seen[id], "versions never go backwards")
				seen[id] = d.ProcessorVersion
			}
		}()
	}
	wwg.Wait()
	close(stop)
	wg.Wait()
	for n := range byte(procs) {
		id := pid(n + 1)
		p, err := store.Get(ctx, kommune, id)
		require.NoError(t, err)
		req := request()
		req.Processor = id
		d := r.Check(req, now)
		assert.Equal(t, p.Version, d.ProcessorVersion, "processor %d: the snapshot holds the stored version", n+1)
		assert.Equal(t, p.Agreements[0].To.IsZero(), d.Outcome != processor.Deny, "processor %d", n+1)
	}
}

// Two registries on one store (two server instances): another instance's
// write is seen after Refresh of the one processor, or after Load; neither
// ever installs an older version than it holds.
func TestTwoRegistriesOneStore(t *testing.T) {
	ctx := context.Background()
	now := at(t)
	store := processortest.NewMemStore()
	mk := func() *processor.Registry {
		r, err := processor.NewRegistry(store, kommune, &processor.Options{Policy: policyDK(),
			Options: compliance.Options{Now: func() time.Time { return now }}})
		require.NoError(t, err)
		return r
	}
	a, b := mk(), mk()
	p, err := a.Put(ctx, procN(1))
	require.NoError(t, err)
	req := request()
	req.Processor = p.ID

	assert.Equal(t, []compliance.Code{processor.CodeNotLoaded}, codes(b.Check(req, now)),
		"b has not read the store: it must not say the processor is not in the register")
	_, err = b.Load(ctx)
	require.NoError(t, err)
	assert.Equal(t, processor.Allow, b.Check(req, now).Outcome)

	// a withdraws the agreement; b is told and refreshes the one processor.
	p.Agreements[0].To = date(2026, time.January, 1)
	p, err = a.Put(ctx, p)
	require.NoError(t, err)
	assert.Equal(t, processor.Allow, b.Check(req, now).Outcome, "b has not heard yet")
	require.NoError(t, b.Refresh(ctx, p.ID))
	d := b.Check(req, now)
	assert.Equal(t, processor.Deny, d.Outcome)
	assert.Equal(t, p.Version, d.ProcessorVersion)

	// b restores it; a catches up by Load.
	p.Agreements[0].To = compliance.Date{}
	p, err = b.Put(ctx, p)
	require.NoError(t, err)
	_, err = a.Load(ctx)
	require.NoError(t, err)
	assert.Equal(t, processor.Allow, a.Check(req, now).Outcome)
	assert.Equal(t, p.Version, a.Check(req, now).ProcessorVersion)

	assert.ErrorIs(t, b.Refresh(ctx, pid(9)), compliance.ErrNotFound)
	var zero processor.Registry
	assert.ErrorIs(t, zero.Refresh(ctx, p.ID), processor.ErrNotConfigured)
}

// Put checks the version itself, as compliance, dpia and retention do, so a
// store that compares nothing cannot let a stale write through.
func TestPutChecksVersion(t *testing.T) {
	ctx := context.Background()
	lax := laxStore{processortest.NewMemStore()}
	r, err := processor.NewRegistry(lax, kommune, &processor.Options{Policy: policyDK()})
	require.NoError(t, err)
	p, err := r.Put(ctx, procN(1))
	require.NoError(t, err)
	_, err = r.Put(ctx, procN(1))
	assert.ErrorIs(t, err, compliance.ErrConflict, "version 0 for an existing ID")
	stale := p
	stale.Version = 7
	_, err = r.Put(ctx, stale)
	assert.ErrorIs(t, err, compliance.ErrConflict)
	missing := procN(2)
	missing.Version = 3
	_, err = r.Put(ctx, missing)
	assert.ErrorIs(t, err, compliance.ErrNotFound)
}

// slowStore is a store whose writes and lists return late, as a database
// across a network does: the window in which a slower writer used to
// install its older snapshot over a newer one.
type slowStore struct{ *processortest.MemStore }

func (s slowStore) Put(ctx context.Context, c compliance.ControllerID, p processor.Processor) error {
	err := s.MemStore.Put(ctx, c, p)
	time.Sleep(time.Duration(p.ID.UUID[15]+byte(p.Version%5)) * 50 * time.Microsecond)
	return err
}

func (s slowStore) List(ctx context.Context, c compliance.ControllerID, f processor.Filter) iter.Seq2[processor.Processor, error] {
	var ps []processor.Processor
	var last error
	for p, err := range s.MemStore.List(ctx, c, f) {
		if err != nil {
			last = err
			break
		}
		ps = append(ps, p)
	}
	time.Sleep(300 * time.Microsecond)
	return func(yield func(processor.Processor, error) bool) {
		for _, p := range ps {
			if !yield(p, nil) {
				return
			}
		}
		if last != nil {
			yield(processor.Processor{}, last)
		}
	}
}

// laxStore writes whatever it is given, ignoring versions.
type laxStore struct{ *processortest.MemStore }

func (s laxStore) Put(ctx context.Context, c compliance.ControllerID, p processor.Processor) error {
	if old, err := s.MemStore.Get(ctx, c, p.ID); err == nil {
		p.Version = old.Version
	} else {
		p.Version = 0
	}
	return s.MemStore.Put(ctx, c, p)
}

// The zero Registry returns errors rather than panicking.
func TestZeroRegistry(t *testing.T) {
	ctx := context.Background()
	var r processor.Registry
	_, err := r.Put(ctx, clean())
	assert.ErrorIs(t, err, processor.ErrNotConfigured)
	_, err = r.Get(ctx, pid(1))
	assert.ErrorIs(t, err, processor.ErrNotConfigured)
	_, err = r.Load(ctx)
	assert.ErrorIs(t, err, processor.ErrNotConfigured)
	assert.Equal(t, []compliance.Code{processor.CodeNotLoaded}, codes(r.Check(request(), at(t))))
	_, ok := r.Lookup(processor.KeyID(pid(1)))
	assert.False(t, ok)
	assert.Equal(t, 0, r.Overview(at(t), compliance.Period{}).Processors)
	var nilReg *processor.Registry
	_, err = nilReg.Load(ctx)
	assert.ErrorIs(t, err, processor.ErrNotConfigured)
}

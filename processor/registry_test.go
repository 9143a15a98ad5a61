package processor_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

var kommune = compliance.ControllerID{UUID: uid(9, 9)}

func newRegistry(t *testing.T, now time.Time) (*processor.Registry, *processortest.MemStore) {
	t.Helper()
	store := processortest.NewMemStore()
	r, err := processor.NewRegistry(store, kommune, &processor.Options{Policy: policyDK(), Options: compliance.Options{
		Now: func() time.Time { return now }, NewID: compliance.Sequence()}})
	require.NoError(t, err)
	return r, store
}

func TestRegistry(t *testing.T) {
	ctx := context.Background()
	now := at(t)
	r, store := newRegistry(t, now)

	t.Run("before Load, the registry does not say a processor is not in the register", func(t *testing.T) {
		assert.Equal(t, []compliance.Code{processor.CodeNotLoaded}, codes(r.Check(request(), now)))
		assert.False(t, r.Snapshot().Complete())
	})
	t.Run("after Load of an empty store, every processor is unknown", func(t *testing.T) {
		_, err := r.Load(ctx)
		require.NoError(t, err)
		assert.Equal(t, []compliance.Code{processor.CodeUnknown}, codes(r.Check(request(), now)))
	})

	p := clean()
	p.ID = compliance.ProcessorID{}
	p.Agreements[0].ID, p.SubProcessors[0].ID, p.Audits[0].ID = processor.AgreementID{}, processor.SubProcessorID{}, processor.AuditID{}
	p.SubProcessors[0].Changed = compliance.Date{}
	stored, err := r.Put(ctx, p)
	require.NoError(t, err)

	t.Run("Put assigns IDs from the ID source", func(t *testing.T) {
		assert.Equal(t, "00000000-0000-7000-8000-000000000001", stored.ID.String())
		assert.Equal(t, "00000000-0000-7000-8000-000000000002", stored.Agreements[0].ID.String())
		assert.Equal(t, "00000000-0000-7000-8000-000000000003", stored.SubProcessors[0].ID.String())
		assert.Equal(t, "00000000-0000-7000-8000-000000000004", stored.Audits[0].ID.String())
		assert.Equal(t, uint64(1), stored.Version)
		assert.Equal(t, date(2026, time.May, 1), stored.SubProcessors[0].Changed, "a new sub-processor is stamped with today")
		assert.True(t, p.ID.IsZero(), "the caller's value is not changed")
	})
	t.Run("Put keeps the snapshot current", func(t *testing.T) {
		req := request()
		req.Processor = stored.ID
		d := r.Check(req, now)
		assert.Equal(t, processor.Allow, d.Outcome)
		assert.Equal(t, uint64(1), d.ProcessorVersion)
	})
	t.Run("an update of a sub-processor's locations re-stamps Changed", func(t *testing.T) {
		upd := stored
		upd.SubProcessors[0].Locations = append(upd.SubProcessors[0].Locations, processor.Location{Country: dk, Access: processor.Backup})
		r2, err := processor.NewRegistry(store, kommune, &processor.Options{Policy: policyDK(), Options: compliance.Options{
			Now: func() time.Time { return now.AddDate(0, 1, 0) }, NewID: compliance.Sequence()}})
		require.NoError(t, err)
		got, err := r2.Put(ctx, upd)
		require.NoError(t, err)
		assert.Equal(t, date(2026, time.June, 1), got.SubProcessors[0].Changed)
		assert.Equal(t, uint64(2), got.Version)
		stored = got
	})
	t.Run("an unchanged sub-processor keeps its date", func(t *testing.T) {
		upd := stored
		upd.Service = "ESDH og arkiv"
		got, err := r.Put(ctx, upd)
		require.NoError(t, err)
		assert.Equal(t, date(2026, time.June, 1), got.SubProcessors[0].Changed)
		stored = got
	})
	t.Run("a stale version conflicts", func(t *testing.T) {
		old := stored
		old.Version = 1
		_, err := r.Put(ctx, old)
		assert.ErrorIs(t, err, compliance.ErrConflict)
	})
	t.Run("an invalid record is rejected before the store", func(t *testing.T) {
		bad := stored
		bad.Name = ""
		_, err := r.Put(ctx, bad)
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		got, err := r.Get(ctx, stored.ID)
		require.NoError(t, err)
		assert.Equal(t, stored.Version, got.Version)
	})
	t.Run("Load compiles what other processes stored", func(t *testing.T) {
		other := clean()
		other.ID = pid(7)
		require.NoError(t, store.Put(ctx, kommune, other))
		req := request()
		req.Processor = pid(7)
		assert.Equal(t, processor.Deny, r.Check(req, now).Outcome, "not loaded yet")
		s, err := r.Load(ctx)
		require.NoError(t, err)
		assert.Equal(t, 2, s.Len())
		assert.Same(t, s, r.Snapshot())
		assert.Equal(t, processor.Allow, r.Check(req, now).Outcome)
	})
	t.Run("NewRegistry rejects a bad policy and a missing store", func(t *testing.T) {
		_, err := processor.NewRegistry(store, kommune, &processor.Options{})
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		_, err = processor.NewRegistry(store, kommune, nil)
		assert.ErrorIs(t, err, compliance.ErrInvalid, "a registry needs a policy")
		_, err = processor.NewRegistry(nil, kommune, &processor.Options{Policy: policyDK()})
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		_, err = processor.NewRegistry(store, compliance.ControllerID{}, &processor.Options{Policy: policyDK()})
		assert.ErrorIs(t, err, compliance.ErrInvalid)
	})
}

// Check reads the snapshot without locks while Put and Load replace it.
func TestRegistryConcurrency(t *testing.T) {
	ctx := context.Background()
	r, _ := newRegistry(t, at(t))
	p, err := r.Put(ctx, clean())
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				d := r.Check(request(), at(t))
				assert.NotEqual(t, processor.Outcome(0), d.Outcome)
			}
		}()
	}
	for range 20 {
		p, err = r.Put(ctx, p)
		require.NoError(t, err)
		_, err = r.Load(ctx)
		require.NoError(t, err)
	}
	wg.Wait()
}

func TestCompileRejects(t *testing.T) {
	bad := clean()
	bad.Name = ""
	_, err := processor.Compile(policyDK(), []processor.Processor{clean(), bad})
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = processor.Compile(policyDK(), []processor.Processor{clean(), clean()})
	assert.ErrorIs(t, err, compliance.ErrInvalid, "duplicate IDs")
	_, err = processor.Compile(processor.Policy{}, nil)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

func TestOverview(t *testing.T) {
	expiring := clean()
	expiring.ID, expiring.Name = pid(2), "Udløber A/S"
	expiring.Agreements[0].To = date(2026, time.June, 30)
	expiring.Audits[0].Issued = date(2025, time.June, 15)
	missing := clean()
	missing.ID, missing.Name, missing.Agreements, missing.Audits = pid(3), "Uden aftale ApS", nil, nil
	chain := withSub(in, processor.Location{Country: in, Access: processor.Support})
	chain.ID, chain.Name = pid(4), "Kæde A/S"
	chain.SubProcessors[1].Address = ""
	overdue := clean()
	overdue.ID, overdue.Name = pid(5), "Forsinket A/S"
	overdue.Audits[0].Issued = date(2025, time.March, 3)

	s := compile(t, policyDK(), clean(), expiring, missing, chain, overdue)
	o := s.Overview(at(t), compliance.Months(3))
	names := func(es []processor.Entry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Name)
		}
		return out
	}
	assert.Equal(t, 5, o.Processors)
	assert.Equal(t, []string{"Uden aftale ApS"}, names(o.MissingAgreements))
	assert.Equal(t, []string{"Udløber A/S"}, names(o.ExpiringAgreements))
	assert.Equal(t, date(2026, time.June, 30), o.ExpiringAgreements[0].Date)
	assert.Equal(t, []string{"Uden aftale ApS", "Forsinket A/S"}, names(o.OverdueAudits))
	assert.Equal(t, date(2026, time.March, 3), o.OverdueAudits[1].Date)
	assert.Equal(t, []string{"Udløber A/S"}, names(o.DueAudits))
	assert.Equal(t, date(2026, time.June, 15), o.DueAudits[0].Date)
	require.Len(t, o.UnidentifiedSubProcessors, 1)
	assert.Equal(t, "Support Ltd", o.UnidentifiedSubProcessors[0].Entity)
	assert.Equal(t, []processor.IdentityField{processor.IdentityAddress}, o.UnidentifiedSubProcessors[0].Missing)
	require.Len(t, o.TransfersWithoutBasis, 1)
	assert.Equal(t, in, o.TransfersWithoutBasis[0].Country)
	assert.Equal(t, processor.Support, o.TransfersWithoutBasis[0].Access)

	doc := o.Document()
	assert.Equal(t, processor.CodeOverviewTitle, doc.Title.Key)
	for _, b := range doc.Blocks {
		require.NoError(t, b.Text.Validate())
	}
	none := s.Overview(at(t), compliance.Period{})
	assert.Empty(t, none.ExpiringAgreements, "no horizon, no look-ahead")
	assert.Empty(t, none.DueAudits)
}

// TestRegistryLoadBound: Load reads at most Options.MaxProcessors records
// and names the field past it. The registry keeps what it had: one that
// had not loaded stays not loaded and never allows; one that had loaded
// keeps its snapshot.
func TestRegistryLoadBound(t *testing.T) {
	ctx := context.Background()
	now := at(t)
	const max = 3
	held := request()
	held.Processor = benchID(0)
	tests := []struct {
		name       string
		processors int
		loaded     int // processors in the store at a first Load, before the rest are added; 0 for none
		wantErr    bool
	}{
		{"none", 0, 0, false},
		{"just at the bound", max, 0, false},
		{"one past the bound, never loaded", max + 1, 0, true},
		{"far past the bound, never loaded", 3 * max, 0, true},
		{"one past the bound, loaded before", max + 1, max, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := processortest.NewMemStore()
			r, err := processor.NewRegistry(store, kommune, &processor.Options{Policy: policyDK(), MaxProcessors: max,
				Options: compliance.Options{Now: func() time.Time { return now }}})
			require.NoError(t, err)
			var before *processor.Snapshot
			for i := range tt.processors {
				if tt.loaded > 0 && i == tt.loaded {
					before, err = r.Load(ctx)
					require.NoError(t, err)
				}
				require.NoError(t, store.Put(ctx, kommune, benchProcessor(i, 1)))
			}

			s, err := r.Load(ctx)
			if !tt.wantErr {
				require.NoError(t, err)
				assert.True(t, s.Complete())
				if tt.processors > 0 {
					assert.Equal(t, processor.Allow, r.Check(held, now).Outcome)
				}
				assert.Equal(t, []compliance.Code{processor.CodeUnknown}, codes(r.Check(request(), now)))
				return
			}
			assert.Nil(t, s)
			var fe *compliance.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "processors", fe.Field)
			assert.Equal(t, compliance.ReasonLength, fe.Reason)
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			if before == nil {
				assert.False(t, r.Snapshot().Complete(), "the registry stays not loaded")
				d := r.Check(held, now)
				assert.Equal(t, processor.Deny, d.Outcome, "a record in the store is never allowed from a failed Load")
				assert.Equal(t, []compliance.Code{processor.CodeNotLoaded}, codes(d))
				assert.Equal(t, []compliance.Code{processor.CodeNotLoaded}, codes(r.Check(request(), now)))
				return
			}
			assert.Same(t, before, r.Snapshot(), "the registry keeps the snapshot it had")
			assert.Equal(t, processor.Allow, r.Check(held, now).Outcome)
		})
	}
}

func TestNewRegistryMaxProcessors(t *testing.T) {
	tests := []struct {
		name    string
		max     int
		wantErr bool
	}{
		{"zero means the package bound", 0, false},
		{"lower", 10, false},
		{"the package bound", processor.MaxProcessors, false},
		{"negative", -1, true},
		{"above the package bound", processor.MaxProcessors + 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := processor.NewRegistry(processortest.NewMemStore(), kommune, &processor.Options{Policy: policyDK(), MaxProcessors: tt.max})
			if !tt.wantErr {
				assert.NoError(t, err)
				return
			}
			var fe *compliance.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "options.max-processors", fe.Field)
			assert.Equal(t, compliance.ReasonRange, fe.Reason)
		})
	}
}

// TestCompileBound: Compile refuses more than MaxProcessors processors by
// the field, before checking any (these are all invalid).
func TestCompileBound(t *testing.T) {
	_, err := processor.Compile(policyDK(), make([]processor.Processor, processor.MaxProcessors+1))
	var fe *compliance.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "processors", fe.Field)
	assert.Equal(t, compliance.ReasonLength, fe.Reason)
}

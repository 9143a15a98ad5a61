// Package storetest is the conformance suite shared by the Run functions of
// tillid's …test packages (breachtest, processortest, …). Each of those wires
// its domain's Store and fixtures into [Run]; hosts never import this
// package.
//
// Like testing/fstest, nettest and slogtest, the suite imports only the
// standard library (no assertion library reaches a host's import graph),
// takes a factory so that every property runs on a fresh store, runs one
// subtest per property of the contract with a stable name, keeps going after
// a failure, and arms a watchdog per subtest so a deadlocking store fails
// instead of hanging CI. It can prove a store wrong but not right; run it
// with the race detector, since concurrency is part of the contract.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/tillid/tillid/compliance"
)

// Store is the contract every domain Store satisfies for one record type V
// with ID type K and filter type F.
type Store[K comparable, V any, F any] interface {
	Get(ctx context.Context, c compliance.ControllerID, id K) (V, error)
	Put(ctx context.Context, c compliance.ControllerID, v V) error
	List(ctx context.Context, c compliance.ControllerID, f F) iter.Seq2[V, error]
}

// FilterCase is one filter the suite checks: List with Filter must yield
// exactly the records among the fixture's for which Match is true.
type FilterCase[V any, F any] struct {
	Name   string
	Filter F
	Match  func(V) bool
}

// Fixture tells the suite how to make and inspect records.
type Fixture[K comparable, V any, F any] struct {
	// Entity names the record type in failure messages ("breach").
	Entity string
	// New returns the i-th record (i ≥ 0): valid, distinct from every other
	// i, with Version 0 and a non-zero ID that sorts after the IDs of smaller
	// i. Each call returns a new value sharing no memory with earlier ones. Records for i in 0..7 should between them make each FilterCase match
	// some records and not others.
	New func(i int) V
	// ID returns the record's ID.
	ID func(V) K
	// Version points at the record's Version field.
	Version func(*V) *uint64
	// Mutate changes the record in place, including through a slice or map it
	// holds, so that Equal reports a difference; deep-copy tests rely on it.
	Mutate func(*V)
	// Equal reports whether two records are the same, comparing times and
	// decimals by value (Equal), and Version too.
	Equal func(a, b V) bool
	// All is the zero filter: every record.
	All F
	// Filters are the filters of the domain's Filter type to check.
	Filters []FilterCase[V, F]
}

// Run runs the conformance suite against stores made by newStore, one per
// subtest.
func Run[K interface {
	comparable
	Compare(K) int
}, V any, F any](t *testing.T, newStore func(t *testing.T) Store[K, V, F], fx Fixture[K, V, F]) {
	t.Helper()
	ca := compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-7000-8000-00000000000a")}
	cb := compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-7000-8000-00000000000b")}
	ctx := context.Background()

	run := func(name string, f func(t *testing.T, s Store[K, V, F])) {
		t.Run(name, func(t *testing.T) {
			done := make(chan struct{})
			timer := time.AfterFunc(time.Minute, func() {
				select {
				case <-done:
				default:
					panic(fmt.Sprintf("storetest: %s/%s did not finish within a minute (deadlock?)", fx.Entity, name))
				}
			})
			defer func() { close(done); timer.Stop() }()
			f(t, newStore(t))
		})
	}
	// fresh returns record i at version ver, mutated when mutated is true;
	// the suite compares against fresh values so that no expectation shares
	// memory with what a store returned.
	fresh := func(i int, ver uint64, mutated bool) V {
		v := fx.New(i)
		*fx.Version(&v) = ver
		if mutated {
			fx.Mutate(&v)
		}
		return v
	}
	put := func(t *testing.T, s Store[K, V, F], c compliance.ControllerID, v V) V {
		t.Helper()
		if err := s.Put(ctx, c, v); err != nil {
			t.Fatalf("Put(new %s) = %v, want nil", fx.Entity, err)
		}
		*fx.Version(&v)++
		return v
	}
	collect := func(t *testing.T, seq iter.Seq2[V, error]) []V {
		t.Helper()
		var out []V
		for v, err := range seq {
			if err != nil {
				t.Fatalf("List yielded error %v", err)
			}
			out = append(out, v)
		}
		return out
	}

	run("GetMissing", func(t *testing.T, s Store[K, V, F]) {
		_, err := s.Get(ctx, ca, fx.ID(fx.New(0)))
		if !errors.Is(err, compliance.ErrNotFound) {
			t.Errorf("Get(missing) error = %v, want ErrNotFound", err)
		}
	})

	run("PutGetRoundTrip", func(t *testing.T, s Store[K, V, F]) {
		v := put(t, s, ca, fx.New(0))
		got, err := s.Get(ctx, ca, fx.ID(v))
		if err != nil {
			t.Fatalf("Get = %v", err)
		}
		if !fx.Equal(got, v) {
			t.Errorf("Get after Put returned a different %s (or Version is not 1)", fx.Entity)
		}
		if *fx.Version(&got) != 1 {
			t.Errorf("Version after create = %d, want 1", *fx.Version(&got))
		}
	})

	run("CreateExisting", func(t *testing.T, s Store[K, V, F]) {
		put(t, s, ca, fx.New(0))
		if err := s.Put(ctx, ca, fx.New(0)); !errors.Is(err, compliance.ErrConflict) {
			t.Errorf("Put(Version 0) of an existing ID error = %v, want ErrConflict", err)
		}
	})

	run("UpdateIncrementsVersion", func(t *testing.T, s Store[K, V, F]) {
		put(t, s, ca, fx.New(0))
		if err := s.Put(ctx, ca, fresh(0, 1, true)); err != nil {
			t.Fatalf("Put(update at current Version) = %v", err)
		}
		got, err := s.Get(ctx, ca, fx.ID(fx.New(0)))
		if err != nil {
			t.Fatalf("Get = %v", err)
		}
		if *fx.Version(&got) != 2 {
			t.Errorf("Version after update = %d, want 2", *fx.Version(&got))
		}
		if !fx.Equal(got, fresh(0, 2, true)) {
			t.Errorf("Get after update did not return the update")
		}
	})

	run("StaleVersion", func(t *testing.T, s Store[K, V, F]) {
		put(t, s, ca, fx.New(0))
		if err := s.Put(ctx, ca, fresh(0, 1, true)); err != nil {
			t.Fatalf("Put(update) = %v", err)
		}
		if err := s.Put(ctx, ca, fresh(0, 1, false)); !errors.Is(err, compliance.ErrConflict) {
			t.Errorf("Put(stale Version) error = %v, want ErrConflict", err)
		}
		if err := s.Put(ctx, ca, fresh(0, 99, false)); !errors.Is(err, compliance.ErrConflict) {
			t.Errorf("Put(future Version) error = %v, want ErrConflict", err)
		}
		got, _ := s.Get(ctx, ca, fx.ID(fx.New(0)))
		if !fx.Equal(got, fresh(0, 2, true)) {
			t.Errorf("a rejected Put changed the stored %s", fx.Entity)
		}
	})

	run("UpdateMissing", func(t *testing.T, s Store[K, V, F]) {
		v := fx.New(0)
		*fx.Version(&v) = 1
		if err := s.Put(ctx, ca, v); !errors.Is(err, compliance.ErrNotFound) {
			t.Errorf("Put(Version 1) of a missing ID error = %v, want ErrNotFound", err)
		}
	})

	run("ControllerIsolation", func(t *testing.T, s Store[K, V, F]) {
		v := put(t, s, ca, fx.New(0))
		if _, err := s.Get(ctx, cb, fx.ID(v)); !errors.Is(err, compliance.ErrNotFound) {
			t.Errorf("Get by another controller error = %v, want ErrNotFound", err)
		}
		if got := collect(t, s.List(ctx, cb, fx.All)); len(got) != 0 {
			t.Errorf("List by another controller yielded %d records, want 0", len(got))
		}
		if err := s.Put(ctx, cb, fresh(0, 1, true)); !errors.Is(err, compliance.ErrNotFound) {
			t.Errorf("Put(update) by another controller error = %v, want ErrNotFound", err)
		}
		got, _ := s.Get(ctx, ca, fx.ID(v))
		if !fx.Equal(got, fresh(0, 1, false)) {
			t.Errorf("another controller's Put changed the record")
		}
	})

	// Each controller has its own ID space: kommune B must not learn that an
	// ID exists for kommune A, so creating the same ID under both succeeds
	// (never ErrConflict), and the two records are independent.
	run("PerControllerIDSpace", func(t *testing.T, s Store[K, V, F]) {
		put(t, s, ca, fx.New(0))
		if err := s.Put(ctx, cb, fresh(0, 0, true)); err != nil {
			t.Fatalf("Put(new) by another controller of an ID controller A holds = %v, want nil (an ErrConflict tells B that A has the ID)", err)
		}
		if err := s.Put(ctx, ca, fresh(0, 1, false)); err != nil {
			t.Fatalf("Put(update) by A after B created the same ID = %v, want nil", err)
		}
		gotA, errA := s.Get(ctx, ca, fx.ID(fx.New(0)))
		gotB, errB := s.Get(ctx, cb, fx.ID(fx.New(0)))
		switch {
		case errA != nil || errB != nil:
			t.Fatalf("Get = %v, %v", errA, errB)
		case !fx.Equal(gotA, fresh(0, 2, false)):
			t.Errorf("A's record is not A's own at Version 2")
		case !fx.Equal(gotB, fresh(0, 1, true)):
			t.Errorf("B's record is not B's own at Version 1: the controllers share a record")
		}
		if err := s.Put(ctx, cb, fresh(0, 2, true)); !errors.Is(err, compliance.ErrConflict) {
			t.Errorf("Put(update) by B with A's Version = %v, want ErrConflict (B's record is at Version 1)", err)
		}
		if got := collect(t, s.List(ctx, cb, fx.All)); len(got) != 1 {
			t.Errorf("List by B yielded %d records, want 1", len(got))
		}
	})

	run("PutIsolatesInput", func(t *testing.T, s Store[K, V, F]) {
		v := fx.New(0)
		if err := s.Put(ctx, ca, v); err != nil {
			t.Fatalf("Put = %v", err)
		}
		want := fx.New(0)
		*fx.Version(&want) = 1
		fx.Mutate(&v)
		got, _ := s.Get(ctx, ca, fx.ID(want))
		if !fx.Equal(got, want) {
			t.Errorf("changing a value after Put changed the stored %s: Put must copy", fx.Entity)
		}
	})

	run("GetIsolatesOutput", func(t *testing.T, s Store[K, V, F]) {
		v := put(t, s, ca, fx.New(0))
		got, _ := s.Get(ctx, ca, fx.ID(v))
		fx.Mutate(&got)
		again, _ := s.Get(ctx, ca, fx.ID(v))
		if !fx.Equal(again, fresh(0, 1, false)) {
			t.Errorf("changing a value returned by Get changed the stored %s: Get must copy", fx.Entity)
		}
		for x, err := range s.List(ctx, ca, fx.All) {
			if err == nil {
				fx.Mutate(&x)
			}
		}
		again, _ = s.Get(ctx, ca, fx.ID(v))
		if !fx.Equal(again, fresh(0, 1, false)) {
			t.Errorf("changing a value yielded by List changed the stored %s: List must copy", fx.Entity)
		}
	})

	const n = 8
	fill := func(t *testing.T, s Store[K, V, F]) []V {
		var all []V
		for i := n - 1; i >= 0; i-- { // insert out of order
			all = append([]V{put(t, s, ca, fx.New(i))}, all...)
		}
		return all
	}

	run("ListOrder", func(t *testing.T, s Store[K, V, F]) {
		all := fill(t, s)
		got := collect(t, s.List(ctx, ca, fx.All))
		if len(got) != n {
			t.Fatalf("List(all) yielded %d records, want %d", len(got), n)
		}
		for i := range got {
			if !fx.Equal(got[i], all[i]) {
				t.Errorf("List(all)[%d] is not the record with the %d-th smallest ID", i, i)
			}
		}
		again := collect(t, s.List(ctx, ca, fx.All))
		if len(again) != n {
			t.Errorf("ranging over the same List twice yielded %d then %d records", len(got), len(again))
		}
	})

	for _, fc := range fx.Filters {
		run("ListFilter/"+fc.Name, func(t *testing.T, s Store[K, V, F]) {
			all := fill(t, s)
			var want []V
			for _, v := range all {
				if fc.Match(v) {
					want = append(want, v)
				}
			}
			got := collect(t, s.List(ctx, ca, fc.Filter))
			if len(got) != len(want) {
				t.Fatalf("List(%s) yielded %d records, want %d", fc.Name, len(got), len(want))
			}
			for i := range got {
				if !fx.Equal(got[i], want[i]) {
					t.Errorf("List(%s)[%d] is the wrong record", fc.Name, i)
				}
			}
		})
	}

	run("ListEarlyBreak", func(t *testing.T, s Store[K, V, F]) {
		fill(t, s)
		count := 0
		for _, err := range s.List(ctx, ca, fx.All) {
			if err != nil {
				t.Fatalf("List yielded error %v", err)
			}
			count++
			if count == 2 {
				break // the store must stop yielding (the runtime panics otherwise)
			}
		}
		if count != 2 {
			t.Errorf("loop ran %d times, want 2", count)
		}
	})

	run("ListReentrant", func(t *testing.T, s Store[K, V, F]) {
		fill(t, s)
		for v, err := range s.List(ctx, ca, fx.All) {
			if err != nil {
				t.Fatalf("List yielded error %v", err)
			}
			if _, err := s.Get(ctx, ca, fx.ID(v)); err != nil {
				t.Errorf("Get inside a List loop = %v", err)
			}
			fx.Mutate(&v)
			if err := s.Put(ctx, ca, v); err != nil {
				t.Errorf("Put inside a List loop = %v (the store must not hold locks while yielding)", err)
			}
		}
	})

	run("ListContextCanceled", func(t *testing.T, s Store[K, V, F]) {
		fill(t, s)
		cctx, cancel := context.WithCancel(ctx)
		var got []error
		records := 0
		for _, err := range s.List(cctx, ca, fx.All) {
			got = append(got, err)
			if err == nil {
				records++
				if records == 2 {
					cancel()
				}
			}
		}
		cancel()
		if len(got) == 0 || !errors.Is(got[len(got)-1], context.Canceled) {
			t.Fatalf("after cancel, the last pair's error = %v, want context.Canceled", last(got))
		}
		for _, err := range got[:len(got)-1] {
			if err != nil {
				t.Errorf("an error pair %v came before the last pair", err)
			}
		}
		if records >= n {
			t.Errorf("List yielded all %d records after the context was canceled", records)
		}
		dead, stop := context.WithCancel(ctx)
		stop()
		pairs := 0
		for _, err := range s.List(dead, ca, fx.All) {
			pairs++
			if !errors.Is(err, context.Canceled) {
				t.Errorf("List(canceled context) yielded err %v, want context.Canceled", err)
			}
		}
		if pairs != 1 {
			t.Errorf("List(canceled context) yielded %d pairs, want exactly one (zero, err)", pairs)
		}
	})

	run("ConcurrentUse", func(t *testing.T, s Store[K, V, F]) {
		var wg sync.WaitGroup
		errs := make(chan error, 4*n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				v := fx.New(i)
				if err := s.Put(ctx, ca, v); err != nil {
					errs <- fmt.Errorf("put %d: %w", i, err)
					return
				}
				*fx.Version(&v) = 1
				for range 5 {
					got, err := s.Get(ctx, ca, fx.ID(v))
					if err != nil {
						errs <- fmt.Errorf("get %d: %w", i, err)
						return
					}
					fx.Mutate(&got)
					if err := s.Put(ctx, ca, got); err != nil {
						errs <- fmt.Errorf("put (update) %d: %w", i, err)
						return
					}
					for _, err := range s.List(ctx, ca, fx.All) {
						if err != nil {
							errs <- fmt.Errorf("list: %w", err)
							return
						}
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		got := collect(t, s.List(ctx, ca, fx.All))
		if len(got) != n {
			t.Errorf("after concurrent use List yielded %d records, want %d", len(got), n)
		}
		for _, v := range got {
			if *fx.Version(&v) != 6 {
				t.Errorf("a record has Version %d after 1 create and 5 updates, want 6", *fx.Version(&v))
			}
		}
	})

	run("ConcurrentConflict", func(t *testing.T, s Store[K, V, F]) {
		put(t, s, ca, fx.New(0))
		var wg sync.WaitGroup
		var mu sync.Mutex
		wins := 0
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				err := s.Put(ctx, ca, fresh(0, 1, true))
				switch {
				case err == nil:
					mu.Lock()
					wins++
					mu.Unlock()
				case !errors.Is(err, compliance.ErrConflict):
					t.Errorf("concurrent Put at the same Version error = %v, want nil or ErrConflict", err)
				}
			}()
		}
		wg.Wait()
		if wins != 1 {
			t.Errorf("%d concurrent updates at the same Version succeeded, want exactly 1", wins)
		}
	})
}

func last(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return errs[len(errs)-1]
}

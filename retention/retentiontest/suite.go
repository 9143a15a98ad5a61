package retentiontest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/storetest"
	"github.com/tillid/tillid/retention"
)

// Run runs the conformance suite for [retention.Store] against stores made
// by newStore, one per subtest: Get, create and update with optimistic
// Version, copying on the way in and out, controller isolation, List order,
// filters (by jurisdiction, scheme and class), early break, re-entrant
// calls, context cancellation, concurrent use, per-controller ID spaces,
// and one rule per [retention.Rule.ClassKey] and controller (ClassKeyUnique,
// ClassKeyConcurrent: of eight concurrent creates for one class exactly one
// succeeds). Run it with the race detector. It uses package testing only,
// no assertion library.
//
//	func TestRuleStore(t *testing.T) {
//		retentiontest.Run(t, func(t *testing.T) retention.Store { return newTestDB(t).Rules() })
//	}
func Run(t *testing.T, newStore func(t *testing.T) retention.Store) {
	t.Helper()
	storetest.Run(t, func(t *testing.T) storetest.Store[compliance.RetentionRuleID, retention.Rule, retention.Filter] {
		return newStore(t)
	}, fixture())
	ctx := context.Background()
	ca := compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-7000-8000-00000000000a")}
	cb := compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-7000-8000-00000000000b")}
	// sameClass returns fixture rule i with rule j's classification.
	sameClass := func(i, j int) retention.Rule {
		r, o := FixtureRule(i), FixtureRule(j)
		r.Jurisdiction, r.Scheme, r.Class, r.Facet = o.Jurisdiction, o.Scheme, o.Class, o.Facet
		r.Bevaring, r.Period, r.Kassasjonsvedtak, r.Bevaringstid = o.Bevaring, o.Period, o.Kassasjonsvedtak, o.Bevaringstid
		r.Kassasjonshjemmel, r.Disposition, r.Trigger = o.Kassasjonshjemmel, o.Disposition, o.Trigger
		return r
	}
	t.Run("ClassKeyUnique", func(t *testing.T) {
		s := newStore(t)
		for _, i := range []int{0, 1, 2} {
			if err := s.Put(ctx, ca, FixtureRule(i)); err != nil {
				t.Fatalf("Put(rule %d) = %v", i, err)
			}
		}
		for _, i := range []int{0, 1, 2} {
			if err := s.Put(ctx, ca, sameClass(i+3, i)); !errors.Is(err, compliance.ErrConflict) {
				t.Errorf("Put(new rule for the class of rule %d) = %v, want ErrConflict", i, err)
			}
			if err := s.Put(ctx, cb, sameClass(i+3, i)); err != nil {
				t.Errorf("Put(new rule for the class of A's rule %d) by B = %v, want nil: each controller has its own plan", i, err)
			}
		}
		if err := s.Put(ctx, ca, FixtureRule(6)); err != nil {
			t.Fatalf("Put(rule 6) = %v", err)
		}
		moved := sameClass(6, 0)
		moved.ID, moved.Version = FixtureRule(6).ID, 1
		if err := s.Put(ctx, ca, moved); !errors.Is(err, compliance.ErrConflict) {
			t.Errorf("Put(update rule 6 to rule 0's class) = %v, want ErrConflict", err)
		}
		// A rule keeps its own class across updates, and a class freed by an
		// update can be taken.
		r0 := FixtureRule(0)
		r0.Version, r0.Title = 1, "renamed"
		if err := s.Put(ctx, ca, r0); err != nil {
			t.Errorf("Put(update rule 0, same class) = %v, want nil", err)
		}
		r6 := FixtureRule(6)
		r6.Version, r6.Class = 1, "25.02.99"
		if err := s.Put(ctx, ca, r6); err != nil {
			t.Fatalf("Put(update rule 6 to a new class) = %v", err)
		}
		if err := s.Put(ctx, ca, sameClass(9, 6)); err != nil {
			t.Errorf("Put(new rule for rule 6's former class) = %v, want nil: the update freed it", err)
		}
	})
	t.Run("ClassKeyConcurrent", func(t *testing.T) {
		s := newStore(t)
		var wg sync.WaitGroup
		var mu sync.Mutex
		ok, conflicts := 0, 0
		for g := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				err := s.Put(ctx, ca, sameClass(3*(g+1), 0))
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					ok++
				case errors.Is(err, compliance.ErrConflict):
					conflicts++
				default:
					t.Errorf("Put = %v, want nil or ErrConflict", err)
				}
			}()
		}
		wg.Wait()
		if ok != 1 || conflicts != 7 {
			t.Errorf("8 concurrent creates for one class: %d succeeded, %d conflicted; want 1 and 7", ok, conflicts)
		}
	})
}

// FixtureRule returns the i-th rule of the suite's fixture: valid, Version 0, with
// an ID that sorts after the IDs of smaller i. Rules cycle through the
// three schemes, so that the filters each match some and not others.
func FixtureRule(i int) retention.Rule {
	u := [16]byte{6: 0x70, 8: 0x80, 14: byte((i + 1) >> 8), 15: byte(i + 1)}
	created := time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
	r := retention.Rule{
		ID:      compliance.RetentionRuleID{UUID: u},
		Title:   "fixture",
		Created: created,
		Updated: created,
	}
	switch i % 3 {
	case 0:
		r.Jurisdiction, r.Scheme, r.Bevaring = compliance.DK, retention.KLE, retention.BevaringK5
		r.Class = "25.02.0" + string(rune('0'+i%10))
		r.Period = compliance.Days(1825)
		r.Refs = compliance.RefsOf(compliance.GDPR(5, 1, "e"))
	case 1:
		r.Jurisdiction, r.Scheme, r.Kassasjonsvedtak = compliance.NO, retention.Noark, retention.Kasseres
		r.Class = "FE-233-" + string(rune('0'+i%10))
		r.Bevaringstid = 5
		r.Kassasjonshjemmel = "Riksarkivarens forskrift § 7-26"
	default:
		r.Jurisdiction, r.Scheme, r.Disposition = compliance.DK, retention.Custom, retention.Delete
		r.Class = "regnskab-" + string(rune('0'+i%10))
		r.Trigger = retention.FinancialYearEnd
		r.Period = compliance.Years(5)
		r.Refs = compliance.RefsOf(compliance.Section(compliance.DKAct, "bogføringsloven", "10", 0, ""))
	}
	return r
}

func fixture() storetest.Fixture[compliance.RetentionRuleID, retention.Rule, retention.Filter] {
	return storetest.Fixture[compliance.RetentionRuleID, retention.Rule, retention.Filter]{
		Entity:  "retention rule",
		New:     FixtureRule,
		ID:      func(r retention.Rule) compliance.RetentionRuleID { return r.ID },
		Version: func(r *retention.Rule) *uint64 { return &r.Version },
		Mutate: func(r *retention.Rule) {
			r.Title += "x"
			refs := r.Refs.Slice()
			if len(refs) > 0 {
				refs[0].Article += "1"
			} else {
				refs = append(refs, compliance.GDPR(5, 1, "e"))
			}
			r.Refs = compliance.RefsOf(refs...)
		},
		Equal: equal,
		Filters: []storetest.FilterCase[retention.Rule, retention.Filter]{
			{Name: "Jurisdiction", Filter: retention.Filter{Jurisdiction: compliance.NO},
				Match: func(r retention.Rule) bool { return r.Jurisdiction == compliance.NO }},
			{Name: "Scheme", Filter: retention.Filter{Scheme: retention.Custom},
				Match: func(r retention.Rule) bool { return r.Scheme == retention.Custom }},
			{Name: "Class", Filter: retention.Filter{Class: FixtureRule(3).Class},
				Match: func(r retention.Rule) bool { return r.Class == FixtureRule(3).Class }},
			{Name: "JurisdictionAndScheme", Filter: retention.Filter{Jurisdiction: compliance.DK, Scheme: retention.KLE},
				Match: func(r retention.Rule) bool { return r.Jurisdiction == compliance.DK && r.Scheme == retention.KLE }},
		},
	}
}

// equal compares two rules field by field, times with Equal.
func equal(a, b retention.Rule) bool {
	return a.ID == b.ID && a.Version == b.Version && a.Jurisdiction == b.Jurisdiction &&
		a.Scheme == b.Scheme && a.Class == b.Class && a.Facet == b.Facet && a.Title == b.Title &&
		a.Trigger == b.Trigger && a.Bevaring == b.Bevaring && a.Period == b.Period &&
		a.Kassasjonsvedtak == b.Kassasjonsvedtak && a.Bevaringstid == b.Bevaringstid &&
		a.Kassasjonshjemmel == b.Kassasjonshjemmel && a.Disposition == b.Disposition &&
		a.Duty == b.Duty && a.Refs.Equal(b.Refs) &&
		a.Created.Equal(b.Created) && a.Updated.Equal(b.Updated)
}

package rightstest

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/internal/storetest"
)

// Run checks a [rights.Store] against its contract. newStore is called for
// each property and must return a fresh, empty store; it may use t for
// cleanup. Run runs one subtest per property of the contract:
//
//   - GetMissing, PutGetRoundTrip, CreateExisting, UpdateIncrementsVersion,
//     StaleVersion, UpdateMissing: Get, create and optimistic update, and
//     ErrNotFound and ErrConflict where the contract says;
//   - ControllerIsolation: one controller never sees or changes another's
//     requests;
//   - PerControllerIDSpace: each controller has its own ID space, so a
//     kommune never learns that an ID exists for another: creating an ID
//     another controller holds succeeds (never ErrConflict), and the two
//     requests are independent;
//   - PutIsolatesInput, GetIsolatesOutput: values are deep-copied both ways;
//   - ListOrder, ListFilter/…: List yields in ID order and applies every
//     field of the filter as its Match method does;
//   - ListEarlyBreak, ListReentrant, ListContextCanceled: the iteration
//     contract — stop when the loop stops, hold no lock while yielding,
//     check the context between requests and yield its error as the last
//     pair;
//   - ConcurrentUse, ConcurrentConflict: concurrent use is safe and exactly
//     one of several updates at the same Version succeeds.
//
// The requests compared include every kind of field an implementation must
// keep: nested lists, instants (whole seconds, compared as instants), IDs
// and a national identity number. Run it with the race detector.
// It can prove a store wrong, not right.
func Run(t *testing.T, newStore func(t *testing.T) rights.Store) {
	t.Helper()
	t.Run("FixturesValid", func(t *testing.T) {
		rf := requestFixture()
		for i := range 8 {
			if err := rf.New(i).Validate(); err != nil {
				t.Errorf("request fixture %d: %v", i, err)
			}
		}
	})
	storetest.Run(t, func(t *testing.T) storetest.Store[rights.RequestID, rights.Request, rights.Filter] {
		return newStore(t)
	}, requestFixture())
}

// seq returns the i-th deterministic version 7 UUID, as compliance.Sequence
// numbers them; the IDs sort in i order.
func seq(i int) uuid.UUID {
	var u uuid.UUID
	binary.BigEndian.PutUint64(u[8:], uint64(i)+1)
	u[6] = 0x70
	u[8] |= 0x80
	return u
}

// base is the instant the fixtures count from, in whole seconds.
var base = time.Date(2025, time.March, 17, 9, 30, 0, 0, time.UTC)

func requestFixture() storetest.Fixture[rights.RequestID, rights.Request, rights.Filter] {
	// 010150-5006: born 2050, a number no living person has
	// (reference/deadlines-law-retention.md §4.1).
	cpr, err := ident.ParseNational(compliance.DK, "010150-5006")
	if err != nil {
		panic(err)
	}
	activity := record.ActivityID{UUID: seq(2000)}
	return storetest.Fixture[rights.RequestID, rights.Request, rights.Filter]{
		Entity: "request",
		New: func(i int) rights.Request {
			received := base.Add(time.Duration(i) * 24 * time.Hour)
			r := rights.Request{
				ID:         rights.RequestID{UUID: seq(i)},
				Kind:       rights.Access,
				Received:   received,
				Channel:    rights.ChannelDigitalPost,
				Subject:    rights.Subject{NationalID: cpr, Reference: "27.24.00-G01-" + string(rune('0'+i))},
				Status:     rights.Received,
				Activities: []record.ActivityID{activity},
				Created:    received,
				Updated:    received,
			}
			if i%2 == 0 {
				r.Kind = rights.Erasure
				r.Erasure = rights.ErasureReview{Status: rights.ErasurePending}
			}
			if i%3 == 0 {
				r.Status = rights.InProgress
				r.Verification = rights.Verification{Method: rights.VerifiedEID, At: received.Add(time.Hour)}
				r.Extension = rights.Extension{Notified: received.Add(48 * time.Hour), Reason: rights.ExtensionComplexity, Months: 2}
			}
			if i%4 == 1 {
				r.Status = rights.Answered
				r.Closed = received.Add(72 * time.Hour)
			}
			return r
		},
		ID:      func(r rights.Request) rights.RequestID { return r.ID },
		Version: func(r *rights.Request) *uint64 { return &r.Version },
		Mutate: func(r *rights.Request) {
			r.Activities[0] = record.ActivityID{}
			r.Subject.Reference += "x"
		},
		Equal: func(a, b rights.Request) bool {
			for _, r := range []*rights.Request{&a, &b} {
				r.Received, r.Closed, r.Created, r.Updated = r.Received.UTC(), r.Closed.UTC(), r.Created.UTC(), r.Updated.UTC()
				r.Verification.At, r.Extension.Notified = r.Verification.At.UTC(), r.Extension.Notified.UTC()
			}
			return sameJSON(a, b)
		},
		Filters: []storetest.FilterCase[rights.Request, rights.Filter]{
			{Name: "Kind", Filter: rights.Filter{Kind: rights.Erasure},
				Match: func(r rights.Request) bool { return r.Kind == rights.Erasure }},
			{Name: "Status", Filter: rights.Filter{Status: rights.InProgress},
				Match: func(r rights.Request) bool { return r.Status == rights.InProgress }},
			{Name: "Open", Filter: rights.Filter{Open: true},
				Match: func(r rights.Request) bool { return r.Status.Open() }},
			{Name: "ReceivedRange", Filter: rights.Filter{
				ReceivedFrom: base.Add(2 * 24 * time.Hour), ReceivedBefore: base.Add(5 * 24 * time.Hour)},
				Match: func(r rights.Request) bool {
					return !r.Received.Before(base.Add(2*24*time.Hour)) && r.Received.Before(base.Add(5*24*time.Hour))
				}},
		},
	}
}

// sameJSON reports whether a and b have the same JSON form, which is how a
// host's database sees them: every field, including the version.
func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

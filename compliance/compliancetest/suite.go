package compliancetest

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/storetest"
)

// Run checks a pair of stores against the contract of
// [compliance.ActivityStore] and [compliance.RequestStore]. newStore is
// called for each property and must return fresh, empty stores; it may use
// t for cleanup. Run runs two groups of subtests, "Activities" and
// "Requests", each with one subtest per property of the contract:
//
//   - GetMissing, PutGetRoundTrip, CreateExisting, UpdateIncrementsVersion,
//     StaleVersion, UpdateMissing: Get, create and optimistic update, and
//     ErrNotFound and ErrConflict where the contract says;
//   - ControllerIsolation: one controller never sees or changes another's
//     records;
//   - PerControllerIDSpace: each controller has its own ID space, so a
//     kommune never learns that an ID exists for another: creating an ID
//     another controller holds succeeds (never ErrConflict), and the two
//     records are independent;
//   - PutIsolatesInput, GetIsolatesOutput: values are deep-copied both ways;
//   - ListOrder, ListFilter/…: List yields in ID order and applies every
//     field of the filter as its Match method does;
//   - ListEarlyBreak, ListReentrant, ListContextCanceled: the iteration
//     contract — stop when the loop stops, hold no lock while yielding,
//     check the context between records and yield its error as the last
//     pair;
//   - ConcurrentUse, ConcurrentConflict: concurrent use is safe and exactly
//     one of several updates at the same Version succeeds.
//
// The records compared include every kind of field an implementation must
// keep: nested lists, references, dates, instants (whole seconds, compared
// as instants), IDs and a national identity number. Run it with the race
// detector. It can prove a store wrong, not right.
func Run(t *testing.T, newStore func(t *testing.T) (compliance.ActivityStore, compliance.RequestStore)) {
	t.Helper()
	t.Run("FixturesValid", func(t *testing.T) {
		af, rf := activityFixture(), requestFixture()
		for i := range 8 {
			if err := af.New(i).Validate(); err != nil {
				t.Errorf("activity fixture %d: %v", i, err)
			}
			if err := rf.New(i).Validate(); err != nil {
				t.Errorf("request fixture %d: %v", i, err)
			}
		}
	})
	t.Run("Activities", func(t *testing.T) {
		storetest.Run(t, func(t *testing.T) storetest.Store[compliance.ActivityID, compliance.Activity, compliance.ActivityFilter] {
			a, _ := newStore(t)
			return a
		}, activityFixture())
	})
	t.Run("Requests", func(t *testing.T) {
		storetest.Run(t, func(t *testing.T) storetest.Store[compliance.RequestID, compliance.Request, compliance.RequestFilter] {
			_, r := newStore(t)
			return r
		}, requestFixture())
	})
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

func activityFixture() storetest.Fixture[compliance.ActivityID, compliance.Activity, compliance.ActivityFilter] {
	pid := compliance.ProcessorID{UUID: seq(1000)}
	return storetest.Fixture[compliance.ActivityID, compliance.Activity, compliance.ActivityFilter]{
		Entity: "activity",
		New: func(i int) compliance.Activity {
			a := compliance.Activity{
				ID:   compliance.ActivityID{UUID: seq(i)},
				Role: compliance.RoleController,
				Name: "Behandling " + string(rune('A'+i)),
				Controller: compliance.Party{
					Name: "Testkommune", Jurisdiction: compliance.DK, PublicAuthority: true,
					Contact: compliance.ContactDetails{Email: "kommune@example.dk"},
				},
				DPO: compliance.ContactDetails{Name: "DPO", Email: "dpo@example.dk"},
				Purposes: []compliance.Purpose{{
					Name: "Sagsbehandling", Basis: compliance.PublicTask,
					NationalBasis: compliance.Section(compliance.DKAct, "serviceloven", "81", 0, ""),
					Data:          compliance.CategoriesOf(compliance.Identity, compliance.CaseData),
				}},
				Subjects: compliance.SubjectsOf(compliance.Citizens),
				Data:     compliance.CategoriesOf(compliance.Identity, compliance.CaseData),
				Recipients: []compliance.Recipient{{
					Name: "Ankestyrelsen", Kind: compliance.RecipientAuthority, Country: compliance.MustCountry("DK"),
					Data: compliance.CategoriesOf(compliance.CaseData),
				}},
				Erasure:        compliance.Erasure{Period: compliance.Years(5), From: compliance.FromCaseClosed},
				Security:       compliance.Security{Measures: []compliance.Measure{compliance.EncryptionInTransit, compliance.AccessControl}},
				Classification: []compliance.Classification{{Scheme: compliance.KLE, Code: "27.24.00"}},
				Status:         compliance.Draft,
				ReviewedOn:     compliance.Date{Year: 2025, Month: time.January, Day: 15},
				Created:        base.Add(time.Duration(i) * time.Hour),
				Updated:        base.Add(time.Duration(i) * time.Hour),
			}
			if i%2 == 0 {
				a.Status = compliance.Approved
			}
			if i%2 == 1 {
				a.Data = a.Data.With(compliance.Health)
				a.Purposes[0].Data = a.Purposes[0].Data.With(compliance.Health)
				a.Special = compliance.SpecialBasis{Conditions: []compliance.SpecialCondition{compliance.HealthSocialCare}}
			}
			if i%3 == 0 {
				a.Role = compliance.RoleProcessor
				a.OnBehalfOf = []compliance.ProcessingFor{{
					Controller: compliance.Party{Name: "Nabokommune", Jurisdiction: compliance.DK, PublicAuthority: true},
					Processing: []string{"drift af ESDH"},
				}}
			}
			if i%4 == 0 {
				a.Processors = []compliance.ProcessorUse{{ID: pid, Name: "Leverandør A/S"}}
			}
			return a
		},
		ID:      func(a compliance.Activity) compliance.ActivityID { return a.ID },
		Version: func(a *compliance.Activity) *uint64 { return &a.Version },
		Mutate: func(a *compliance.Activity) {
			a.Purposes[0].Name += " (ændret)"
			a.Security.Measures[0] = compliance.Logging
		},
		Equal: func(a, b compliance.Activity) bool {
			a.Created, a.Updated = a.Created.UTC(), a.Updated.UTC()
			b.Created, b.Updated = b.Created.UTC(), b.Updated.UTC()
			return sameJSON(a, b)
		},
		Filters: []storetest.FilterCase[compliance.Activity, compliance.ActivityFilter]{
			{Name: "Role", Filter: compliance.ActivityFilter{Role: compliance.RoleProcessor},
				Match: func(a compliance.Activity) bool { return a.Role == compliance.RoleProcessor }},
			{Name: "Status", Filter: compliance.ActivityFilter{Status: compliance.Approved},
				Match: func(a compliance.Activity) bool { return a.Status == compliance.Approved }},
			{Name: "Data", Filter: compliance.ActivityFilter{Data: compliance.CategoriesOf(compliance.Health, compliance.Biometric)},
				Match: func(a compliance.Activity) bool { return a.Data.Has(compliance.Health) }},
			{Name: "Processor", Filter: compliance.ActivityFilter{Processor: pid},
				Match: func(a compliance.Activity) bool { return len(a.Processors) > 0 }},
			{Name: "Combined", Filter: compliance.ActivityFilter{Status: compliance.Approved, Role: compliance.RoleController},
				Match: func(a compliance.Activity) bool {
					return a.Status == compliance.Approved && a.Role == compliance.RoleController
				}},
		},
	}
}

func requestFixture() storetest.Fixture[compliance.RequestID, compliance.Request, compliance.RequestFilter] {
	// 010150-5006: born 2050, a number no living person has
	// (reference/deadlines-law-retention.md §4.1).
	cpr, err := compliance.ParseNationalIdentifier(compliance.DK, "010150-5006")
	if err != nil {
		panic(err)
	}
	activity := compliance.ActivityID{UUID: seq(2000)}
	return storetest.Fixture[compliance.RequestID, compliance.Request, compliance.RequestFilter]{
		Entity: "request",
		New: func(i int) compliance.Request {
			received := base.Add(time.Duration(i) * 24 * time.Hour)
			r := compliance.Request{
				ID:         compliance.RequestID{UUID: seq(i)},
				Kind:       compliance.RequestAccess,
				Received:   received,
				Channel:    compliance.ChannelDigitalPost,
				Subject:    compliance.RequestSubject{NationalID: cpr, Reference: "27.24.00-G01-" + string(rune('0'+i))},
				Status:     compliance.Received,
				Activities: []compliance.ActivityID{activity},
				Created:    received,
				Updated:    received,
			}
			if i%2 == 0 {
				r.Kind = compliance.RequestErasure
				r.Erasure = compliance.ErasureReview{Status: compliance.ErasurePending}
			}
			if i%3 == 0 {
				r.Status = compliance.InProgress
				r.Verification = compliance.Verification{Method: compliance.VerifiedEID, At: received.Add(time.Hour)}
				r.Extension = compliance.Extension{Notified: received.Add(48 * time.Hour), Reason: compliance.ExtensionComplexity, Months: 2}
			}
			if i%4 == 1 {
				r.Status = compliance.Answered
				r.Closed = received.Add(72 * time.Hour)
			}
			return r
		},
		ID:      func(r compliance.Request) compliance.RequestID { return r.ID },
		Version: func(r *compliance.Request) *uint64 { return &r.Version },
		Mutate: func(r *compliance.Request) {
			r.Activities[0] = compliance.ActivityID{}
			r.Subject.Reference += "x"
		},
		Equal: func(a, b compliance.Request) bool {
			for _, r := range []*compliance.Request{&a, &b} {
				r.Received, r.Closed, r.Created, r.Updated = r.Received.UTC(), r.Closed.UTC(), r.Created.UTC(), r.Updated.UTC()
				r.Verification.At, r.Extension.Notified = r.Verification.At.UTC(), r.Extension.Notified.UTC()
			}
			return sameJSON(a, b)
		},
		Filters: []storetest.FilterCase[compliance.Request, compliance.RequestFilter]{
			{Name: "Kind", Filter: compliance.RequestFilter{Kind: compliance.RequestErasure},
				Match: func(r compliance.Request) bool { return r.Kind == compliance.RequestErasure }},
			{Name: "Status", Filter: compliance.RequestFilter{Status: compliance.InProgress},
				Match: func(r compliance.Request) bool { return r.Status == compliance.InProgress }},
			{Name: "Open", Filter: compliance.RequestFilter{Open: true},
				Match: func(r compliance.Request) bool { return r.Status.Open() }},
			{Name: "ReceivedRange", Filter: compliance.RequestFilter{
				ReceivedFrom: base.Add(2 * 24 * time.Hour), ReceivedBefore: base.Add(5 * 24 * time.Hour)},
				Match: func(r compliance.Request) bool {
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

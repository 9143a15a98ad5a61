package recordtest

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/internal/storetest"
)

// Run checks a [record.Store] against its contract. newStore is called for
// each property and must return a fresh, empty store; it may use t for
// cleanup. Run runs one subtest per property of the contract:
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
// as instants), IDs and sets of categories. Run it with the race detector.
// It can prove a store wrong, not right.
func Run(t *testing.T, newStore func(t *testing.T) record.Store) {
	t.Helper()
	t.Run("FixturesValid", func(t *testing.T) {
		af := activityFixture()
		for i := range 8 {
			if err := af.New(i).Validate(); err != nil {
				t.Errorf("activity fixture %d: %v", i, err)
			}
		}
	})
	storetest.Run(t, func(t *testing.T) storetest.Store[record.ActivityID, record.Activity, record.Filter] {
		return newStore(t)
	}, activityFixture())
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

func activityFixture() storetest.Fixture[record.ActivityID, record.Activity, record.Filter] {
	pid := compliance.ProcessorID{UUID: seq(1000)}
	return storetest.Fixture[record.ActivityID, record.Activity, record.Filter]{
		Entity: "activity",
		New: func(i int) record.Activity {
			a := record.Activity{
				ID:   record.ActivityID{UUID: seq(i)},
				Role: record.RoleController,
				Name: "Behandling " + string(rune('A'+i)),
				Controller: record.Party{
					Name: "Testkommune", Jurisdiction: compliance.DK, PublicAuthority: true,
					Contact: record.ContactDetails{Email: "kommune@example.dk"},
				},
				DPO: record.ContactDetails{Name: "DPO", Email: "dpo@example.dk"},
				Purposes: []record.Purpose{{
					Name: "Sagsbehandling", Basis: compliance.PublicTask,
					NationalBasis: compliance.Section(compliance.DKAct, "serviceloven", "81", 0, ""),
					Data:          compliance.CategoriesOf(compliance.Identity, compliance.CaseData),
				}},
				Subjects: compliance.SubjectsOf(compliance.Citizens),
				Data:     compliance.CategoriesOf(compliance.Identity, compliance.CaseData),
				Recipients: []record.Recipient{{
					Name: "Ankestyrelsen", Kind: record.RecipientPublicAuthority, Country: compliance.MustCountry("DK"),
					Data: compliance.CategoriesOf(compliance.CaseData),
				}},
				Erasure:        record.Erasure{Period: compliance.Years(5), From: record.FromCaseClosed},
				Security:       record.Security{Measures: []record.Measure{record.EncryptionInTransit, record.AccessControl}},
				Classification: []record.Classification{{Scheme: compliance.KLE, Code: "27.24.00"}},
				Status:         record.Draft,
				ReviewedOn:     compliance.Date{Year: 2025, Month: time.January, Day: 15},
				Created:        base.Add(time.Duration(i) * time.Hour),
				Updated:        base.Add(time.Duration(i) * time.Hour),
			}
			if i%2 == 0 {
				a.Status = record.Approved
			}
			if i%2 == 1 {
				a.Data = a.Data.With(compliance.Health)
				a.Purposes[0].Data = a.Purposes[0].Data.With(compliance.Health)
				a.Special = record.SpecialBasis{Conditions: []compliance.SpecialCondition{compliance.HealthSocialCare}}
			}
			if i%3 == 0 {
				a.Role = record.RoleProcessor
				a.OnBehalfOf = []record.ProcessingFor{{
					Controller: record.Party{Name: "Nabokommune", Jurisdiction: compliance.DK, PublicAuthority: true},
					Processing: []string{"drift af ESDH"},
				}}
			}
			if i%4 == 0 {
				a.Processors = []record.ProcessorUse{{ID: pid, Name: "Leverandør A/S"}}
			}
			return a
		},
		ID:      func(a record.Activity) record.ActivityID { return a.ID },
		Version: func(a *record.Activity) *uint64 { return &a.Version },
		Mutate: func(a *record.Activity) {
			a.Purposes[0].Name += " (ændret)"
			a.Security.Measures[0] = record.Logging
		},
		Equal: func(a, b record.Activity) bool {
			a.Created, a.Updated = a.Created.UTC(), a.Updated.UTC()
			b.Created, b.Updated = b.Created.UTC(), b.Updated.UTC()
			return sameJSON(a, b)
		},
		Filters: []storetest.FilterCase[record.Activity, record.Filter]{
			{Name: "Role", Filter: record.Filter{Role: record.RoleProcessor},
				Match: func(a record.Activity) bool { return a.Role == record.RoleProcessor }},
			{Name: "Status", Filter: record.Filter{Status: record.Approved},
				Match: func(a record.Activity) bool { return a.Status == record.Approved }},
			{Name: "Data", Filter: record.Filter{Data: compliance.CategoriesOf(compliance.Health, compliance.Biometric)},
				Match: func(a record.Activity) bool { return a.Data.Has(compliance.Health) }},
			{Name: "Processor", Filter: record.Filter{Processor: pid},
				Match: func(a record.Activity) bool { return len(a.Processors) > 0 }},
			{Name: "Combined", Filter: record.Filter{Status: record.Approved, Role: record.RoleController},
				Match: func(a record.Activity) bool {
					return a.Status == record.Approved && a.Role == record.RoleController
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
